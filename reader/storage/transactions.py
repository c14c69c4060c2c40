"""Transactions on the library's connection: all of a block's writes or none of them.

A block inside another one joins it; a full disk, a read-only file or a writer that
holds the library too long come out as a plain :class:`ReaderError`.  The modules of
``reader.storage`` take the connection and write through :func:`transaction`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from reader.storage.errors import user_error


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
