"""Transactions on the library's connection: all of a block's writes or none of them.

A block inside another one joins it; a full disk, a read-only file or a writer that
holds the library too long come out as a plain :class:`ReaderError`.  The modules of
``reader.storage`` take the connection and write through :func:`transaction`; those
whose writes read best as table operations get sqlite-utils' view of the same
connection from :func:`tables`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from reader.storage.errors import user_error

if TYPE_CHECKING:
    import sqlite_utils


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back if the block raises; inside another
    transaction, all or nothing with it."""
    if conn.in_transaction:
        yield conn
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite may have rolled back already
                conn.execute("ROLLBACK")
            raise
    except sqlite3.Error as error:
        known = user_error(error)
        if known is None:
            raise
        raise known from None


def tables(conn: sqlite3.Connection) -> sqlite_utils.Database:
    """sqlite-utils on ``conn``, for writes inside a :func:`transaction` (it nests its own
    in a savepoint).  Imported here, not at the top: its import costs a good share of
    the app's start-up, and nothing on the way to the first painted article writes."""
    import sqlite_utils

    # No plugins (nothing installed beside the app runs on the library) and no change to
    # the connection's trigger settings.
    return sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)
