"""Data files shipped inside the package as ``reader.resources`` (see setup.py): the
detectors' lexicons and models (``detectors/``) and the desktop menu entry, icon and MIME
types (``desktop/``), found through reader.core.shipped."""
