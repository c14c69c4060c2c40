"""Articles in SQLite: the current version of each in ``articles``, every version's
text in ``article_versions``, and the summaries the library panel lists.

Plain SQL (see the package's docstring): an article is read on the way to the first
painted window.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from reader.core.models import Article, ArticleMeta, Kind, ReaderError, SourceFormat, Status

ARTICLE_COLUMNS = (
    "id, title, author, publication, url, published, source_format, source_path, "
    "markdown, text, sha256, version, imported_at"
)


@dataclass
class ArticleSummary:
    id: int
    title: str
    author: str
    publication: str
    published: str
    version: int
    imported_at: str
    counts: dict[Kind, int] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)


def source_key(meta: ArticleMeta, sha256: str) -> str:
    """What makes a later import 'the same article': its URL, else its file, else its text."""
    if meta.url:
        return f"url:{meta.url}"
    if meta.source_path:
        return f"file:{meta.source_path}"
    return f"sha256:{sha256}"


def article(conn: sqlite3.Connection, article_id: int) -> Article:
    row = conn.execute(
        f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if row is None:
        raise ReaderError(f"no article with id {article_id} (see 'reader list')")
    return Article(
        id=row[0],
        title=row[1],
        author=row[2] or "",
        publication=row[3] or "",
        url=row[4] or "",
        published=row[5] or "",
        source_format=SourceFormat(row[6]),
        source_path=row[7] or "",
        markdown=row[8],
        text=row[9],
        sha256=row[10],
        version=row[11],
        imported_at=row[12] or "",
    )


def article_text(conn: sqlite3.Connection, article_id: int) -> str:
    """The canonical text of the article's current version."""
    row = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise ReaderError(f"no article with id {article_id} (see 'reader list')")
    return str(row[0])


def articles(conn: sqlite3.Connection) -> list[ArticleSummary]:
    """Every article, newest import first, with its active flags counted and its tags."""
    summaries: dict[int, ArticleSummary] = {}
    for row in conn.execute(
        "SELECT id, title, author, publication, published, version, imported_at "
        "FROM articles ORDER BY imported_at DESC, id DESC"
    ):
        article_id, title, author, publication, published, version, imported_at = row
        summaries[article_id] = ArticleSummary(
            article_id,
            title,
            author or "",
            publication or "",
            published or "",
            version,
            imported_at or "",
        )
    for article_id, kind, count in conn.execute(
        "SELECT article_id, kind, count(*) FROM annotations "
        "WHERE status = ? GROUP BY article_id, kind",
        (Status.ACTIVE.value,),
    ):
        summaries[article_id].counts[Kind(kind)] = count
    for article_id, name in conn.execute(
        "SELECT DISTINCT a.article_id, t.name FROM annotation_tags at "
        "JOIN annotations a ON a.uuid = at.annotation_uuid JOIN tags t ON t.id = at.tag_id "
        "ORDER BY t.name"
    ):
        summaries[article_id].tags.append(name)
    return list(summaries.values())


def is_empty(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None


def article_by_hash(conn: sqlite3.Connection, sha256: str) -> int | None:
    """The article one of whose versions has this text, the latest such version first."""
    row = conn.execute(
        "SELECT article_id FROM article_versions WHERE sha256 = ? ORDER BY version DESC LIMIT 1",
        (sha256,),
    ).fetchone()
    return None if row is None else int(row[0])


def article_by_url(conn: sqlite3.Connection, url: str) -> int | None:
    row = conn.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()
    return None if row is None else int(row[0])
