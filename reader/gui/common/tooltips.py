"""Tooltips of untrusted text (notes, quotes, titles): shown as written, never as HTML."""

from __future__ import annotations

from PySide6.QtGui import Qt


def plain_tooltip(text: str) -> str:
    """``text`` as rich text that shows it literally: Qt would take "a <b> c" or an
    ``<img src=...>`` in a plain string for HTML, and load the image."""
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
