"""Size limits for imported articles, shared by the importers and the class files.

``MAX_ARTICLE_BYTES`` is 10 MiB (10,485,760 bytes): the largest Markdown, text or
saved web page file the importer reads.  A larger file is refused after a
``stat`` and before any of it is read.  Ten mebibytes hold well over a million
words of text, and a saved news page with its inline styles and scripts rarely
passes two; the limit keeps a mistaken or hostile file from stalling the app.
"""

from __future__ import annotations

MAX_ARTICLE_BYTES: int = 10 * 1024 * 1024


def describe_size(size: int) -> str:
    """A byte count as people read it: ``512 bytes``, ``3.2 MB``, ``10 MB`` (units of 1024)."""
    if size < 1024:
        return f"{size} bytes"
    value = size / 1024
    units = ["KB", "MB", "GB"]
    while value >= 1024 and len(units) > 1:
        value /= 1024
        units.pop(0)
    return f"{value:.1f}".removesuffix(".0") + f" {units[0]}"
