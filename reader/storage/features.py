"""Each text's features for comparing (its sentences' words, figures and named sources, as
``reader.compare.features`` makes them), kept by the text's hash and where its body
starts: comparing two articles whose features are kept only weighs and multiplies them.

The library keeps them as the text that maker wrote; a row by another maker is not used,
and one that does not read back is the reader's to ignore (``from_json``).
"""

from __future__ import annotations

import sqlite3
from contextlib import suppress

from reader.core.models import ReaderError
from reader.storage.transactions import transaction


def create_table(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TABLE compare_features (sha256 TEXT NOT NULL, start INTEGER NOT NULL, "
        "maker TEXT NOT NULL, features TEXT NOT NULL, PRIMARY KEY (sha256, start))"
    )


def stored(conn: sqlite3.Connection, sha256: str, start: int, maker: str) -> str | None:
    """The features kept for the text of this hash from ``start`` on by ``maker``, if any."""
    row = conn.execute(
        "SELECT maker, features FROM compare_features WHERE sha256 = ? AND start = ?",
        (sha256, start),
    ).fetchone()
    if row is None or row[0] != maker or not isinstance(row[1], str):
        return None
    return row[1]


def keep(conn: sqlite3.Connection, sha256: str, start: int, maker: str, features: str) -> None:
    """Keep the features in place of any kept for that text; nothing (and no error) when
    the library cannot be written: they are made again next time."""
    with suppress(ReaderError), transaction(conn):  # a library opened read-only, a full disk
        conn.execute(
            "INSERT OR REPLACE INTO compare_features (sha256, start, maker, features) "
            "VALUES (?, ?, ?, ?)",
            (sha256, start, maker, features),
        )
