"""Storing an imported article: a new one, a new version of one already in the library
(its flags moved onto the new text by the rule in ``reader.anchoring.versions``), new
details for the same text, or nothing at all.

The matching of flags, the slow part, is planned before the write lock is taken, from
the flags as they were then; the short transaction that writes matches only the flags
added or moved meanwhile, and asks ``progress`` once more before its commit, so that a
cancel still rolls everything back.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from reader.core.models import (
    PROGRESS_EVERY,
    Anchor,
    Article,
    ArticleMeta,
    Progress,
    ReaderError,
    Stage,
    Status,
    utc_now,
)
from reader.storage import sentences
from reader.storage.annotations import delete_rows
from reader.storage.articles import article, article_text, source_key
from reader.storage.transactions import transaction

if TYPE_CHECKING:  # the matching (diff-match-patch) is imported when an article is imported
    from reader.anchoring.reanchor import SearchBudget
    from reader.anchoring.versions import Plan

ARTICLE_FIELDS = (
    "source_key", "title", "author", "publication", "url", "published", "source_format",
    "source_path", "markdown", "text", "sha256", "version", "imported_at",
)  # fmt: skip
INSERT_ARTICLE = (
    f"INSERT INTO articles ({', '.join(ARTICLE_FIELDS)}) "
    f"VALUES ({', '.join(':' + name for name in ARTICLE_FIELDS)})"
)
UPDATE_ARTICLE = (
    "UPDATE articles SET "
    + ", ".join(f"{name}=:{name}" for name in ARTICLE_FIELDS if name != "source_key")
    + " WHERE id=:id"
)
INSERT_VERSION = (
    "INSERT INTO article_versions (article_id, version, markdown, text, sha256, imported_at) "
    "VALUES (:id, :version, :markdown, :text, :sha256, :imported_at)"
)
METADATA_FIELDS = ("title", "author", "publication", "url", "published")
# Same text (header included), new details it does not show, such as the URL: changed
# only when one of them differs, which the rowcount of this conditional UPDATE tells.
UPDATE_METADATA = (
    "UPDATE articles SET "
    + ", ".join(f"{name}=:{name}" for name in METADATA_FIELDS)
    + f" WHERE id=:id AND ({', '.join(METADATA_FIELDS)}) IS NOT "
    + f"({', '.join(':' + name for name in METADATA_FIELDS)})"
)
PLAN_ATTEMPTS = 3  # re-anchoring plans made unlocked before one is finished under the lock


class ImportOutcome(StrEnum):
    NEW = "new"
    NEW_VERSION = "new_version"
    METADATA_UPDATED = "metadata_updated"
    UNCHANGED = "unchanged"


@dataclass
class ImportResult:
    article: Article
    outcome: ImportOutcome
    reanchored: int = 0
    orphaned: int = 0


class _PlanOutdatedError(Exception):
    """Many flags moved while an import matched them without a lock: match them again."""


def import_article(conn: sqlite3.Connection, meta: ArticleMeta, progress: Progress) -> ImportResult:
    """Store the article: new, a new version (its flags re-anchored), or unchanged.
    ``progress`` may raise :class:`Cancelled` until the commit: then nothing is written."""
    from reader.anchoring.canonical import article_text as canonical_text
    from reader.anchoring.canonical import body_start, text_sha256
    from reader.anchoring.reanchor import SearchBudget
    from reader.anchoring.tokens import quick_block_sentences

    text = canonical_text(meta, meta.markdown)
    if not text[body_start(meta) :].strip():
        raise ReaderError("the article has no text")
    sha = text_sha256(text)
    values: dict[str, object] = {
        "source_key": source_key(meta, sha),
        "title": meta.title,
        "author": meta.author,
        "publication": meta.publication,
        "url": meta.url,
        "published": meta.published,
        "source_format": meta.source_format.value,
        "source_path": meta.source_path,
        "markdown": meta.markdown,
        "text": text,
        "sha256": sha,
        "version": 1,
        "imported_at": utc_now(),
    }
    # split before the write lock is taken, kept after: comparing it need not split it
    blocks = None
    if len(text) <= sentences.SPLIT_AT_IMPORT and sentences.stored(conn, sha) is None:
        blocks = quick_block_sentences(
            text, sentences.IMPORT_SPLIT_SECONDS, sentences.IMPORT_LONGEST_BLOCK
        )
    planned: Plan = {}
    budget = SearchBudget()  # one for all the matching of this import
    attempt = 1
    while True:
        _plan(conn, str(values["source_key"]), text, progress, planned, budget)
        progress(Stage.SAVING, 0, 1)  # the last moment a cancel leaves everything as it was
        try:
            last_attempt = attempt == PLAN_ATTEMPTS
            result = _store(conn, values, text, planned, budget, last_attempt, progress)
        except _PlanOutdatedError:  # many flags moved meanwhile: match them unlocked
            attempt += 1
            continue
        if blocks is not None:
            sentences.store(conn, sha, blocks)
        return result


def _anchors(conn: sqlite3.Connection, article_id: int) -> list[Anchor]:
    return [
        Anchor(*found)
        for found in conn.execute(
            "SELECT start, end, exact, prefix, suffix FROM annotations WHERE article_id = ?",
            (article_id,),
        )
    ]


def _plan(
    conn: sqlite3.Connection,
    key: str,
    text: str,
    progress: Progress,
    planned: Plan,
    budget: SearchBudget,
) -> None:
    """Add to ``planned`` where each flag of the article stored under ``key`` goes on
    ``text``, computed without a lock (a read sees one committed state); nothing when
    there is nothing to move."""
    from reader.anchoring.versions import plan_anchors, same_story

    row = conn.execute("SELECT id, text FROM articles WHERE source_key = ?", (key,)).fetchone()
    if row is None or row[1] == text or not same_story(row[1], text):
        return
    plan_anchors(_anchors(conn, row[0]), text, planned, budget, progress)


def _store(
    conn: sqlite3.Connection,
    values: dict[str, object],
    text: str,
    planned: Plan,
    budget: SearchBudget,
    last_attempt: bool,
    progress: Progress,
) -> ImportResult:
    """Write the import in one short transaction; raises _PlanOutdatedError (nothing
    written) if many flags are not in ``planned``, unless it is the ``last_attempt``."""
    from reader.anchoring.versions import same_story, unplanned

    sha = values["sha256"]
    with transaction(conn):
        row = conn.execute(
            "SELECT id, sha256, version FROM articles WHERE source_key = :source_key", values
        ).fetchone()
        if row is None:
            result = _import_new(conn, values)
            progress(Stage.SAVING, 1, 1)
            return result
        article_id, old_sha, version = row
        if old_sha != sha and not same_story(article_text(conn, article_id), text):
            # Same URL, different story (a page whose canonical URL is the site's
            # home page, say): a new article, not a version that orphans every flag.
            values["source_key"] = f"{values['source_key']}#{sha}"
            return _import_new(conn, values)
        values["id"] = article_id
        if old_sha == sha:
            changed = conn.execute(UPDATE_METADATA, values).rowcount > 0
            outcome = ImportOutcome.METADATA_UPDATED if changed else ImportOutcome.UNCHANGED
            return ImportResult(article(conn, article_id), outcome)
        if not last_attempt and unplanned(_anchors(conn, article_id), planned) > PROGRESS_EVERY:
            raise _PlanOutdatedError
        values["version"] = version + 1
        conn.execute(UPDATE_ARTICLE, values)
        conn.execute(INSERT_VERSION, values)
        reanchored, orphaned = _move_flags(conn, article_id, text, planned, budget)
        progress(Stage.SAVING, 1, 1)
    return ImportResult(article(conn, article_id), ImportOutcome.NEW_VERSION, reanchored, orphaned)


def _import_new(conn: sqlite3.Connection, values: dict[str, object]) -> ImportResult:
    existing = conn.execute(
        "SELECT id FROM articles WHERE source_key = :source_key", values
    ).fetchone()
    if existing is not None:  # this very text was split off before
        return ImportResult(article(conn, existing[0]), ImportOutcome.UNCHANGED)
    new_id = int(conn.execute(INSERT_ARTICLE, values).lastrowid or 0)
    conn.execute(INSERT_VERSION, {**values, "id": new_id})
    return ImportResult(article(conn, new_id), ImportOutcome.NEW)


def _move_flags(
    conn: sqlite3.Connection, article_id: int, text: str, planned: Plan, budget: SearchBudget
) -> tuple[int, int]:
    """Move every flag of the article onto ``text`` as the rule says; returns how many
    were moved and how many orphaned."""
    from reader.anchoring.versions import StoredFlag, place_flags

    flags = [
        StoredFlag(uuid, Anchor(start, end, exact, prefix, suffix), Status(status))
        for uuid, start, end, exact, prefix, suffix, status in conn.execute(
            "SELECT uuid, start, end, exact, prefix, suffix, status FROM annotations "
            "WHERE article_id = ?",
            (article_id,),
        )
    ]
    result = place_flags(flags, text, planned, budget)
    now = utc_now()
    for uuid in result.dropped:
        delete_rows(conn, uuid)
    conn.executemany(
        "UPDATE annotations SET status=?, updated=? WHERE uuid=?",
        [(Status.ORPHANED.value, now, uuid) for uuid in result.orphaned],
    )
    conn.executemany(
        "UPDATE annotations SET start=?, end=?, exact=?, prefix=?, suffix=?, status=?, "
        "updated=? WHERE uuid=?",
        [
            (flag.anchor.start, flag.anchor.end, flag.anchor.exact, flag.anchor.prefix,
             flag.anchor.suffix, flag.status.value, now, flag.uuid)
            for flag in result.placed
        ],
    )  # fmt: skip
    return result.moved, len(result.orphaned)
