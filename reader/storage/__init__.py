"""The library file in SQLite, without Qt.

``library.Library`` is the facade every caller holds; behind it, one module per part
of the file: ``articles`` and ``importing`` (articles and their versions), ``annotations``
(flags, their tags and layers), ``search`` (FTS5), ``lock`` and ``pins`` (the teacher's
suggestion lock), ``settings``, ``classroom`` (assignments and submissions),
``transactions`` (all-or-nothing writes), ``migrations`` (the schema), and ``errors``,
``files`` and ``paths`` (failures, files and where the library lives).
"""
