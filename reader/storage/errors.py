"""SQLite's failures that a user can cause (a full disk, a read-only file, another
program writing) as one plain line that says nothing was saved."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from reader.core.models import ReaderError
from reader.storage.files import read_only_media

BUSY_MESSAGE = (
    "the library is busy in another program (the app or another 'reader' command is "
    "writing to it): nothing was saved; try again"
)
MESSAGES = {
    sqlite3.SQLITE_FULL: "the disk is full: nothing was saved",
    sqlite3.SQLITE_READONLY: "the library file is read-only: nothing was saved",
    sqlite3.SQLITE_BUSY: BUSY_MESSAGE,
    sqlite3.SQLITE_LOCKED: BUSY_MESSAGE,
    sqlite3.SQLITE_IOERR: "the library could not be written (disk input/output error): "
    "nothing was saved",
}


def user_error(error: sqlite3.Error) -> ReaderError | None:
    """The plain message for ``error``, or None when it is not one a user can cause."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is None:
        return None
    message = MESSAGES.get(code & 0xFF)
    return None if message is None else ReaderError(message)


def open_error(error: sqlite3.DatabaseError, path: Path, writing: bool) -> ReaderError:
    """Why the library at ``path`` cannot be opened (for ``writing``, or to read), in one
    line.  A library in WAL mode is read through its -shm file, which SQLite must create
    beside it if it is missing: a folder that cannot be written then stops even reading."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    if code in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY) and path.exists():
        folder = path.parent
        if writing and (read_only_media(folder) or not os.access(path, os.W_OK)):
            return ReaderError(MESSAGES[sqlite3.SQLITE_READONLY])
        if not writing and (read_only_media(folder) or not os.access(folder, os.W_OK)):
            return ReaderError(
                f"cannot read library {path.name}: SQLite needs to create {path.name}-shm "
                f"beside it, and its folder {folder} cannot be written (copy the library "
                "to a folder you can write to): nothing was changed"
            )
    known = user_error(error)
    if known is not None:
        return known
    return ReaderError(f"cannot open library {path.name}: {error}")
