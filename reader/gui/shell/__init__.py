"""The main window and what holds it together: actions, session, file actions, start-up."""
