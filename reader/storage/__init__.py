"""The library file in SQLite, without Qt.

``library.Library`` is the facade every caller holds; behind it, one module per part
of the file: ``articles`` and ``importing`` (articles and their versions), ``annotations``
(flags, their tags and layers), ``search`` (FTS5), ``lock`` and ``pins`` (the teacher's
suggestion lock), ``settings``, ``classroom`` (assignments and submissions),
``sentences`` and ``features`` (what comparing needs of each text, kept by its hash),
``transactions`` (all-or-nothing writes), ``migrations`` (the schema), and ``errors``,
``files`` and ``paths`` (failures, files and where the library lives).

sqlite-utils builds the schema (``migrations``) and nothing else: importing it (it
loads numpy where that is installed) costs several times a whole import of a short
article (``benchmarks/sqlite_utils_cost.py``), and would fall on the first import,
flag or lock of every process.  Reads and writes are plain SQL, each module's own.
"""
