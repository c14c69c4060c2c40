"""The main window and what holds it together: actions, their wiring to the rooms
(``assembly``), zoom and theme, session and start-up, file actions."""
