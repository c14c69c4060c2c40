"""The bottom layer, imported by every other package; no Qt, nothing else of reader.

* ``models``: the domain dataclasses and enums, ``ReaderError``, and the one parser of
  enum names a user types (``parse_member``).
* ``columns``: an annotation as flat named columns (CSV export, the CLI's JSON).
* ``limited_files``: reading a file from someone else, with a size limit.
* ``limits``: the size limits for files from outside, and how a size is said.
* ``palette``: the colours of themes and kinds.
* ``markdown_escape``: plain text written into Markdown so that it reads back the same.
* ``shipped``: the folders shipped with the project.
"""
