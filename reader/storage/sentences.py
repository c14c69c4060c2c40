"""Each text's sentences, as ``reader.anchoring.tokens.block_sentences`` splits it, kept
by the text's hash: splitting is most of the time of comparing two articles, so an
article's split is made once, when it is imported (or first compared), and read back.

A split made by other rules or another release of the segmenter is not used.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import suppress
from typing import TYPE_CHECKING

from reader.core.models import ReaderError
from reader.storage.transactions import transaction

if TYPE_CHECKING:
    from reader.anchoring.tokens import Blocks

# What an import splits: a text up to this long (longer ones have more sentences than
# compare mode takes, as a rule), with no block longer than IMPORT_LONGEST_BLOCK, in
# IMPORT_SPLIT_SECONDS at most; another one (a hostile text can take many seconds) is
# split on its first compare.
SPLIT_AT_IMPORT = 300_000
IMPORT_LONGEST_BLOCK = 3_000
IMPORT_SPLIT_SECONDS = 1.0


def create_table(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TABLE sentence_splits (sha256 TEXT PRIMARY KEY, splitter TEXT NOT NULL, "
        "blocks TEXT NOT NULL)"
    )


def stored(conn: sqlite3.Connection, sha256: str) -> Blocks | None:
    """The split kept for the text of this hash, None if there is none (or an outdated or
    unreadable one)."""
    from reader.anchoring.tokens import splitter_version

    row = conn.execute(
        "SELECT splitter, blocks FROM sentence_splits WHERE sha256 = ?", (sha256,)
    ).fetchone()
    if row is None or row[0] != splitter_version():
        return None
    try:
        return [[(int(start), int(end)) for start, end in block] for block in json.loads(row[1])]
    except (ValueError, TypeError):
        return None


def store(conn: sqlite3.Connection, sha256: str, blocks: Blocks) -> None:
    from reader.anchoring.tokens import splitter_version

    with transaction(conn):
        conn.execute(
            "INSERT OR REPLACE INTO sentence_splits (sha256, splitter, blocks) VALUES (?, ?, ?)",
            (sha256, splitter_version(), json.dumps(blocks, separators=(",", ":"))),
        )


def split_once(conn: sqlite3.Connection, sha256: str, text: str) -> Blocks:
    """The split of ``text`` (whose hash is ``sha256``): the one kept, else made and kept."""
    from reader.anchoring.tokens import block_sentences

    blocks = stored(conn, sha256)
    if blocks is None:
        blocks = block_sentences(text)
        keep(conn, sha256, blocks)
    return blocks


def keep(conn: sqlite3.Connection, sha256: str, blocks: Blocks) -> None:
    """Keep the split unless one is kept already; nothing (and no error) when the library
    cannot be written: the text is split again next time."""
    if stored(conn, sha256) is not None:
        return
    with suppress(ReaderError):  # a library opened read-only, or a full disk
        store(conn, sha256, blocks)
