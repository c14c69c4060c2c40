"""An article's flags written out for people, without Qt: ``markdown_export`` (a document
to read) and ``csv_export`` (a spreadsheet).  Flag files (W3C JSON-LD) are in ``reader.w3c``.
"""
