"""Whether two paths name one file, judged without opening either.

SQLite's locks on the library are POSIX locks, which the whole process loses when it
closes any descriptor of the file: so the library is only ever compared by ``stat``.
"""

from __future__ import annotations

import os
from pathlib import Path

SQLITE_SUFFIXES = ("", "-wal", "-shm", "-journal")  # the library and SQLite's companions


def same_file(first: Path, second: Path) -> bool:
    """True when both exist and are one file (same device and inode), links followed."""
    try:
        return os.path.samefile(first, second)
    except (OSError, ValueError):
        return False
