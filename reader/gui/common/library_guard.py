"""Only SQLite may open the library file: a Python audit hook refuses everything else.

SQLite's locks are POSIX locks, which belong to the process: when Python code in the
app opens the library file (or its -wal, -shm or -journal) and closes it again, every
lock SQLite holds on it is gone, and another process takes the library for unused and
deletes the WAL with the flags in it (see ``file_dialogs``). The hook turns such an open,
and a rename or removal of those files, into an error at the line that tried it.
SQLite opens its files in C, unseen by the hook.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import weakref
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.storage.library import Library

COMPANION_SUFFIXES = ("", "-wal", "-shm", "-journal")  # the database and SQLite's files beside it

# Audit events naming files, and where their paths are among the event's arguments.
_PATH_ARGUMENTS = {"open": (0,), "os.rename": (0, 1), "os.remove": (0,), "os.truncate": (0,)}

_guarded: weakref.WeakSet[Library] = weakref.WeakSet()
_names: set[str] = set()  # the guarded files' names, for a cheap first look
_installed = False


class LibraryFileAccessError(RuntimeError):
    """Something other than SQLite tried to open, rename or remove the library's files."""


def guard_library_files(library: Library) -> None:
    """Refuse, from now on and while ``library`` is open, any Python-level open, rename
    or removal of its file and SQLite's files beside it."""
    global _installed
    if not _installed:
        sys.addaudithook(_on_audit_event)  # for the life of the process: hooks stay
        _installed = True
    _guarded.add(library)
    _names.update(library.path.name + suffix for suffix in COMPANION_SUFFIXES)


def _on_audit_event(event: str, arguments: tuple[object, ...]) -> None:
    where = _PATH_ARGUMENTS.get(event)
    if where is None or not _names:
        return
    for index in where:
        path = arguments[index] if index < len(arguments) else None
        if isinstance(path, str | bytes | os.PathLike):
            _refuse_library_file(os.fsdecode(path))


def _refuse_library_file(path: str) -> None:
    if os.path.basename(path) not in _names:
        return
    target = os.path.realpath(path)
    for library in list(_guarded):
        own = os.path.realpath(library.path)
        if target in {own + suffix for suffix in COMPANION_SUFFIXES} and _is_open(library):
            raise LibraryFileAccessError(
                f"only SQLite may open the library file {os.path.basename(target)}: "
                "anything else would drop the library's locks"
            )


def _is_open(library: Library) -> bool:
    try:
        library.conn.total_changes  # noqa: B018  # raises once the connection is closed
    except sqlite3.ProgrammingError:
        return False
    return True
