"""The app, and the only package that imports Qt (PySide6).

``app`` builds the library, settings and window and injects them; the rooms are
``shell`` (main window, actions, session), ``reading`` (the article view),
``annotations`` (the flag pane), ``library`` (the library panel), ``suggestions``,
``classroom`` and ``common`` (theme, icons, small widgets).
"""
