"""Full-text search across articles and the notes and quotes of flags (SQLite FTS5).

The FTS tables are kept in step with ``articles`` and ``annotations`` by triggers
(see ``migrations``).  Queried with plain SQL, not sqlite-utils' ``search()``: that
ranks one table at a time, and these queries join each FTS table to its rows for the
titles and leave the app's suggestions out.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from reader.anchoring.versions import SUGGESTION_STATUSES

MATCH_START, MATCH_END = "\x02", "\x03"  # around matched words in a snippet: never in text
SNIPPET_WORDS = 12


@dataclass
class SearchHit:
    article_id: int
    title: str
    annotation_uuid: str | None
    snippet: str  # matched words between MATCH_START and MATCH_END
    score: float

    def marked(self, start: str = "[", end: str = "]") -> str:
        """The snippet with its matched words between ``start`` and ``end``."""
        return self.snippet.replace(MATCH_START, start).replace(MATCH_END, end)


def fts_query(query: str) -> str:
    """User words as an FTS5 query: every word must match, the last one as a prefix."""
    words = re.findall(r"\w+", query)
    if not words:
        return ""
    quoted = [f'"{word}"' for word in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def search(conn: sqlite3.Connection, query: str, limit: int) -> list[SearchHit]:
    """The best ``limit`` articles and flags (not suggestions) that hold every word of
    ``query``, best first."""
    match = fts_query(query)
    if not match:
        return []
    hits: list[SearchHit] = []
    for article_id, title, snippet, rank in conn.execute(
        "SELECT a.id, a.title, "
        f"snippet(articles_fts, 1, char(2), char(3), '…', {SNIPPET_WORDS}), "
        "bm25(articles_fts) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
        "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?",
        (match, limit),
    ):
        hits.append(SearchHit(article_id, title, None, snippet, -rank))
    for uuid, article_id, title, snippet, rank in conn.execute(
        "SELECT n.uuid, n.article_id, a.title, "
        f"snippet(annotations_fts, -1, char(2), char(3), '…', {SNIPPET_WORDS}), "
        "bm25(annotations_fts) "
        "FROM annotations_fts JOIN annotations n ON n.rowid = annotations_fts.rowid "
        "JOIN articles a ON a.id = n.article_id "
        "WHERE annotations_fts MATCH ? AND n.status NOT IN (?, ?) "
        "ORDER BY bm25(annotations_fts) LIMIT ?",
        (match, *(status.value for status in SUGGESTION_STATUSES), limit),
    ):
        hits.append(SearchHit(article_id, title, uuid, snippet, -rank))
    hits.sort(key=lambda hit: hit.score, reverse=True)
    return hits[:limit]
