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


def read_only_media(folder: Path) -> bool:
    """Whether ``folder`` is on a file system mounted read-only (a CD, a locked card)."""
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def has_wal_content(db_path: Path) -> bool:
    """Whether the library's -wal file holds pages not yet copied into the file itself."""
    try:
        return os.stat(f"{db_path}-wal").st_size > 0
    except OSError:
        return False
