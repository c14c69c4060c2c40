"""How importers name their input in messages and titles."""

from __future__ import annotations

from pathlib import PurePath


def display_name(source_path: str, fallback: str) -> str:
    """The file name of ``source_path`` fit for a one-line message, or ``fallback``."""
    name = PurePath(source_path).name if source_path else ""
    if not name:
        return fallback
    # a hostile file name must not break the one-line message
    return "".join(char if char.isprintable() else "?" for char in name)
