"""Library-wide settings: one text value per key, shared by every program on the library."""

from __future__ import annotations

import sqlite3

from reader.storage.transactions import tables


def setting(conn: sqlite3.Connection, key: str) -> str | None:
    # Read with plain SQL: a read must not pay for importing sqlite-utils.
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def set_setting(conn: sqlite3.Connection, key: str, value: str | None) -> None:
    """Set ``key`` to ``value``, or remove it for None; inside a transaction."""
    settings = tables(conn).table("settings")
    if value is None:
        settings.delete_where("key = ?", [key])
    else:
        settings.upsert({"key": key, "value": value}, pk="key")
