"""The desktop app, the only package that imports PySide6; ``app`` builds it.

Rooms: ``shell`` (the main window, its actions and wiring), ``reading`` (one shown
article: view, highlights, its ``ReadingController``), ``annotations`` (the flag pane
and edits), ``library``, ``suggestions``, ``classroom`` and ``common`` (small shared
pieces). A room imports only ``common`` and ``reading``; ``reading`` imports only
``common``; ``shell`` imports the rooms, never the reverse. A room's classes take the
narrow pieces they act on and emit signals; none takes the main window.
"""
