"""The library: one SQLite file holding articles, their versions, layers and flags.

Every write runs in one transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``) in WAL
mode with foreign keys on, so a process killed at any moment loses nothing
that was reported saved.
"""

from __future__ import annotations

import json
import math
import os
import re
import sqlite3
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.models import (
    PROGRESS_EVERY,
    Anchor,
    Annotation,
    Article,
    ArticleMeta,
    Kind,
    Layer,
    LayerKind,
    Progress,
    ReaderError,
    SourceFormat,
    Stage,
    Status,
    no_progress,
    utc_now,
)
from reader.storage.errors import open_error, user_error
from reader.storage.files import SQLITE_SUFFIXES, has_wal_content, read_only_media, same_file
from reader.storage.migrations import (
    LATEST_VERSION,
    backup_to,
    check_is_library,
    migrate,
    schema_version,
)

if TYPE_CHECKING:  # re-anchoring (diff-match-patch) is imported when an article changes
    from reader.anchoring.reanchor import Reanchored, SearchBudget

ARTICLE_COLUMNS = (
    "id, title, author, publication, url, published, source_format, source_path, "
    "markdown, text, sha256, version, imported_at"
)
ANNOTATION_COLUMNS = (
    "a.uuid, a.article_id, l.name, a.kind, a.start, a.end, a.exact, a.prefix, a.suffix, "
    "a.note, a.source, a.status, a.score, a.reasons, a.author, a.created, a.updated"
)


ARTICLE_FIELDS = (
    "source_key", "title", "author", "publication", "url", "published", "source_format",
    "source_path", "markdown", "text", "sha256", "version", "imported_at",
)  # fmt: skip
METADATA_FIELDS = ("title", "author", "publication", "url", "published")
INSERT_ARTICLE = (
    f"INSERT INTO articles ({', '.join(ARTICLE_FIELDS)}) "
    f"VALUES ({', '.join(':' + name for name in ARTICLE_FIELDS)})"
)
UPDATE_ARTICLE = (
    "UPDATE articles SET "
    + ", ".join(f"{name}=:{name}" for name in ARTICLE_FIELDS if name != "source_key")
    + " WHERE id=:id"
)
# Same text (header included), new details it does not show, such as the URL: changed
# only when one of them differs (rowcount tells).
UPDATE_METADATA = (
    "UPDATE articles SET "
    + ", ".join(f"{name}=:{name}" for name in METADATA_FIELDS)
    + f" WHERE id=:id AND ({', '.join(METADATA_FIELDS)}) IS NOT "
    + f"({', '.join(':' + name for name in METADATA_FIELDS)})"
)
INSERT_VERSION = (
    "INSERT INTO article_versions (article_id, version, markdown, text, sha256, imported_at) "
    "VALUES (:id, :version, :markdown, :text, :sha256, :imported_at)"
)
ANNOTATION_FIELDS = (
    "uuid", "article_id", "layer_id", "kind", "start", "end", "exact", "prefix", "suffix",
    "note", "source", "status", "score", "reasons", "author", "created", "updated",
)  # fmt: skip
INSERT_ANNOTATION = (
    f"INSERT INTO annotations ({', '.join(ANNOTATION_FIELDS)}) "
    f"VALUES ({', '.join(':' + name for name in ANNOTATION_FIELDS)})"
)
UPDATE_ANNOTATION = (
    "UPDATE annotations SET "
    + ", ".join(f"{name}=:{name}" for name in ANNOTATION_FIELDS if name not in ("uuid", "created"))
    + " WHERE uuid=:uuid"
)


def annotation_values(annotation: Annotation, layer_id: int) -> dict[str, object]:
    """The row of ``annotations`` that stores the flag, as named SQL parameters."""
    anchor = annotation.anchor
    return {
        "uuid": annotation.uuid,
        "article_id": annotation.article_id,
        "layer_id": layer_id,
        "kind": annotation.kind.value,
        "start": anchor.start,
        "end": anchor.end,
        "exact": anchor.exact,
        "prefix": anchor.prefix,
        "suffix": anchor.suffix,
        "note": annotation.note,
        "source": annotation.source,
        "status": annotation.status.value,
        "score": annotation.score,
        "reasons": json.dumps(annotation.reasons, ensure_ascii=False),
        "author": annotation.author,
        "created": annotation.created,
        "updated": annotation.updated,
    }


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


MATCH_START, MATCH_END = "\x02", "\x03"  # around matched words in a snippet: never in text


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


@dataclass
class CheckReport:
    integrity: str
    schema_version: int
    articles: int
    annotations: int
    orphaned: list[Annotation]

    @property
    def ok(self) -> bool:
        return self.integrity == "ok"


def source_key(meta: ArticleMeta, sha256: str) -> str:
    """What makes a later import 'the same article': its URL, else its file, else its text."""
    if meta.url:
        return f"url:{meta.url}"
    if meta.source_path:
        return f"file:{meta.source_path}"
    return f"sha256:{sha256}"


def same_story(old: str, new: str) -> bool:
    """Whether a changed text is an edit of the old one rather than another article.

    Compares the words shared, ignoring order: an edited story keeps most of
    its words, two different stories share few beyond the common ones.
    """
    old_words, new_words = Counter(old.lower().split()), Counter(new.lower().split())
    shared = sum((old_words & new_words).values())
    return shared >= 0.4 * min(sum(old_words.values()), sum(new_words.values()))


def delete_annotation_rows(conn: sqlite3.Connection, uuid: str) -> None:
    conn.execute("DELETE FROM annotation_tags WHERE annotation_uuid = ?", (uuid,))
    conn.execute("DELETE FROM annotations WHERE uuid = ?", (uuid,))


def layer_kind(name: str) -> LayerKind:
    try:
        return LayerKind(name)
    except ValueError:
        return LayerKind.SUBMISSION


def fts_query(query: str) -> str:
    """User words as an FTS5 query: every word must match, the last one as a prefix."""
    words = re.findall(r"\w+", query)
    if not words:
        return ""
    quoted = [f'"{word}"' for word in words]
    quoted[-1] += "*"
    return " ".join(quoted)


PLAN_ATTEMPTS = 3  # re-anchoring plans made unlocked before one is finished under the lock


class _PlanOutdatedError(Exception):
    """Many flags moved while an import matched them without a lock: match them again."""


SUGGESTIONS_LOCK = "suggestions_lock"  # settings key: the PIN's hash while locked
PIN_FAILURES = "suggestions_pin_failures"  # settings key: wrong PINs in a row
PIN_NOT_BEFORE = "suggestions_pin_not_before"  # settings key: no PIN is checked before (s)
FREE_PIN_TRIES = 3  # wrong PINs in a row before the next try must wait
PIN_FIRST_DELAY = 30  # seconds, doubled with each further wrong PIN
PIN_LONGEST_DELAY = 3600
SUGGESTION_STATUSES = (Status.SUGGESTED, Status.DISMISSED)  # the app's suggestions, open or not


def suggestions_locked_in(path: Path) -> bool:
    """Whether the library file at ``path`` is locked, read without opening it as a
    library (no migration, no write); False for a file that is not a library."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return _is_locked(conn)
    except sqlite3.Error:  # not a database, or one from before the settings table
        return False
    finally:
        conn.close()


def _set_setting(conn: sqlite3.Connection, key: str, value: str | None) -> None:
    if value is None:
        conn.execute("DELETE FROM settings WHERE key = ?", (key,))
    else:
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


def _setting_in(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def pin_delay(failures: int) -> float:
    """Seconds before the next PIN is checked after ``failures`` wrong ones in a row:
    none for the first few typos, then doubling up to an hour."""
    if failures < FREE_PIN_TRIES:
        return 0.0
    return float(min(PIN_FIRST_DELAY * 2 ** (failures - FREE_PIN_TRIES), PIN_LONGEST_DELAY))


def in_words(seconds: float) -> str:
    whole = math.ceil(seconds)
    if whole < 60:
        return f"{whole} second{'s' if whole != 1 else ''}"
    minutes = math.ceil(whole / 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def _is_locked(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT 1 FROM settings WHERE key = ?", (SUGGESTIONS_LOCK,)).fetchone()
    return row is not None


class Library:
    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path, read_only: bool = False) -> Library:
        """The library at ``path``, made there if no file exists.  Any other file is
        refused untouched.  ``read_only`` (for commands that only read) opens an existing
        library without writing to it, so that one on read-only media or a full disk can
        still be read; one that needs an upgrade is opened for writing all the same."""
        path = Path(path)
        if path.is_dir():
            raise ReaderError(f"{path} is a folder, not a library file")
        try:
            size: int | None = path.stat().st_size
        except FileNotFoundError:
            size = None
        except OSError as error:
            raise ReaderError(f"cannot open library {path}: {error.strerror}") from None
        if read_only and size:
            library = cls._open_read_only(path, size)
            if library is not None:
                return library
        if size is None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise ReaderError(f"cannot create folder {path.parent}: {error.strerror}") from None
        conn = cls._connect(path, writing=True)
        try:
            check_is_library(conn, path, size)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA foreign_keys=ON")
            migrate(conn, path)
        except sqlite3.DatabaseError as error:
            conn.close()
            raise open_error(error, path, writing=True) from None
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    @classmethod
    def _open_read_only(cls, path: Path, size: int) -> Library | None:
        """The library opened read-only, or None if its schema is not this version's."""
        uri = f"{path.resolve().as_uri()}?mode=ro"
        if read_only_media(path.parent) and not has_wal_content(path):
            uri += "&immutable=1"  # nobody can write there, and all is in the file itself
        conn = cls._connect(path, writing=False, uri=uri)
        try:
            check_is_library(conn, path, size)
            if schema_version(conn) == LATEST_VERSION:  # else upgraded, or refused, below
                conn.execute("PRAGMA foreign_keys=ON")
                return cls(conn, path)
        except sqlite3.DatabaseError as error:
            conn.close()
            raise open_error(error, path, writing=False) from None
        except BaseException:
            conn.close()
            raise
        conn.close()
        return None

    @staticmethod
    def _connect(path: Path, writing: bool, uri: str | None = None) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(
                uri or path, uri=uri is not None, isolation_level=None, check_same_thread=False
            )
            conn.execute("PRAGMA busy_timeout=5000")
        except sqlite3.DatabaseError as error:
            raise open_error(error, path, writing) from None
        return conn

    def close(self) -> None:
        self.conn.close()

    def data_version(self) -> int:
        """Changes when another connection (another process) commits to the library."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All of the block's writes, or none of them; a full disk, a read-only file or a
        writer that holds the library too long come out as a plain ReaderError."""
        if self.conn.in_transaction:  # inside another one: all or nothing with it
            yield self.conn
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:  # SQLite may have rolled back already
                    self.conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as error:
            known = user_error(error)
            if known is None:
                raise
            raise known from None

    # Articles

    def import_article(self, meta: ArticleMeta, progress: Progress = no_progress) -> ImportResult:
        """Store the article: new, a new version (its flags re-anchored), or unchanged.

        The re-anchoring, the slow part, is computed before the write lock is taken,
        from the flags as they were then; in the short transaction that writes, only
        flags added or changed meanwhile are matched again.  ``progress`` may raise
        :class:`Cancelled` until the transaction starts: then nothing is written.
        """
        from reader.anchoring.canonical import article_text, body_start, text_sha256

        text = article_text(meta, meta.markdown)
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
        from reader.anchoring.reanchor import SearchBudget

        planned: dict[Anchor, Reanchored] = {}
        budget = SearchBudget()  # one for all the matching of this import
        attempt = 1
        while True:
            self._plan_reanchoring(str(values["source_key"]), text, progress, planned, budget)
            progress(Stage.SAVING, 0, 1)  # the last moment a cancel leaves everything as it was
            try:
                last_attempt = attempt == PLAN_ATTEMPTS
                return self._store_import(values, text, planned, budget, last_attempt, progress)
            except _PlanOutdatedError:  # many flags moved meanwhile: match them unlocked
                attempt += 1

    def _store_import(
        self,
        values: dict[str, object],
        text: str,
        planned: dict[Anchor, Reanchored],
        budget: SearchBudget,
        last_attempt: bool,
        progress: Progress,
    ) -> ImportResult:
        """Write the import in one short transaction; raises _PlanOutdatedError (nothing
        written) if many flags are not in ``planned``, unless it is the ``last_attempt``.
        ``progress`` is asked once more before the commit: a cancel still rolls it back."""
        sha = values["sha256"]
        with self.transaction() as conn:
            row = conn.execute(
                "SELECT id, sha256, version FROM articles WHERE source_key = :source_key", values
            ).fetchone()
            if row is None:
                result = self._import_new(conn, values)
                progress(Stage.SAVING, 1, 1)
                return result
            article_id, old_sha, version = row
            if old_sha != sha and not same_story(self._text(conn, article_id), text):
                # Same URL, different story (a page whose canonical URL is the site's
                # home page, say): a new article, not a version that orphans every flag.
                values["source_key"] = f"{values['source_key']}#{sha}"
                return self._import_new(conn, values)
            values["id"] = article_id
            if old_sha == sha:
                changed = conn.execute(UPDATE_METADATA, values).rowcount > 0
                outcome = ImportOutcome.METADATA_UPDATED if changed else ImportOutcome.UNCHANGED
                return ImportResult(self.article(article_id), outcome)
            if not last_attempt and self._unplanned(conn, article_id, planned) > PROGRESS_EVERY:
                raise _PlanOutdatedError
            values["version"] = version + 1
            conn.execute(UPDATE_ARTICLE, values)
            conn.execute(INSERT_VERSION, values)
            reanchored, orphaned = self._reanchor_all(conn, article_id, text, planned, budget)
            progress(Stage.SAVING, 1, 1)
        return ImportResult(
            self.article(article_id), ImportOutcome.NEW_VERSION, reanchored, orphaned
        )

    def _unplanned(
        self, conn: sqlite3.Connection, article_id: int, planned: dict[Anchor, Reanchored]
    ) -> int:
        """How many flags of the article have an anchor the plan has not matched."""
        rows = conn.execute(
            "SELECT start, end, exact, prefix, suffix FROM annotations WHERE article_id = ?",
            (article_id,),
        )
        return sum(Anchor(*found) not in planned for found in rows)

    def _plan_reanchoring(
        self,
        key: str,
        text: str,
        progress: Progress,
        planned: dict[Anchor, Reanchored],
        budget: SearchBudget,
    ) -> None:
        """Add to ``planned`` where each flag of the article stored under ``key`` goes on
        ``text``, computed without a lock (a read sees one committed state); nothing when
        there is nothing to move.  Keyed by the old anchor: the result depends on it and
        the text alone, so a plan stays right whatever happens meanwhile."""
        from reader.anchoring.reanchor import reanchor

        row = self.conn.execute(
            "SELECT id, text FROM articles WHERE source_key = ?", (key,)
        ).fetchone()
        if row is None or row[1] == text or not same_story(row[1], text):
            return
        anchors = [
            Anchor(*found)
            for found in self.conn.execute(
                "SELECT start, end, exact, prefix, suffix FROM annotations WHERE article_id = ?",
                (row[0],),
            )
        ]
        total = len(anchors)
        for done, anchor in enumerate(anchors):
            if done % PROGRESS_EVERY == 0:
                progress(Stage.REANCHORING, done, total)
            if anchor not in planned:  # flags on the same passage move together
                planned[anchor] = reanchor(anchor, text, budget)
        progress(Stage.REANCHORING, total, total)

    def _import_new(self, conn: sqlite3.Connection, values: dict[str, object]) -> ImportResult:
        existing = conn.execute(
            "SELECT id FROM articles WHERE source_key = :source_key", values
        ).fetchone()
        if existing is not None:  # this very text was split off before
            return ImportResult(self.article(existing[0]), ImportOutcome.UNCHANGED)
        new_id = int(conn.execute(INSERT_ARTICLE, values).lastrowid or 0)
        conn.execute(INSERT_VERSION, {**values, "id": new_id})
        return ImportResult(self.article(new_id), ImportOutcome.NEW)

    def _text(self, conn: sqlite3.Connection, article_id: int) -> str:
        row = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise ReaderError(f"no article with id {article_id} (see 'reader list')")
        return str(row[0])

    def _reanchor_all(
        self,
        conn: sqlite3.Connection,
        article_id: int,
        text: str,
        planned: dict[Anchor, Reanchored],
        budget: SearchBudget,
    ) -> tuple[int, int]:
        """Move every flag onto the new text; those that cannot be found are orphaned.
        Flags in ``planned`` are placed as it says; others (added or moved since the
        plan was made) are matched here."""
        from reader.anchoring.reanchor import Method, reanchor

        moved = orphaned = 0
        rows = conn.execute(
            "SELECT uuid, start, end, exact, prefix, suffix, status FROM annotations "
            "WHERE article_id = ?",
            (article_id,),
        ).fetchall()
        now = utc_now()
        removed: list[str] = []
        orphans: list[tuple[str, str, str]] = []
        placed: list[tuple[int, int, str, str, str, str, str, str]] = []
        for uuid, start, end, exact, prefix, suffix, status in rows:
            old = Anchor(start, end, exact, prefix, suffix)
            result = planned.get(old) or reanchor(old, text, budget)
            if result.anchor is None and status in (Status.SUGGESTED, Status.DISMISSED):
                # A suggestion is the app's own and can be made again: nothing to keep.
                removed.append(uuid)
                continue
            if result.anchor is None:
                orphans.append((Status.ORPHANED.value, now, uuid))
                continue
            if result.method is not Method.POSITION or result.anchor.start != start:
                moved += 1
            new_status = Status.ACTIVE.value if status == Status.ORPHANED.value else status
            anchor = result.anchor
            placed.append(
                (anchor.start, anchor.end, anchor.exact, anchor.prefix, anchor.suffix,
                 new_status, now, uuid)
            )  # fmt: skip
        for uuid in removed:
            delete_annotation_rows(conn, uuid)
        conn.executemany("UPDATE annotations SET status=?, updated=? WHERE uuid=?", orphans)
        conn.executemany(
            "UPDATE annotations SET start=?, end=?, exact=?, prefix=?, suffix=?, status=?, "
            "updated=? WHERE uuid=?",
            placed,
        )
        orphaned = len(orphans)
        return moved, orphaned

    def article(self, article_id: int) -> Article:
        row = self.conn.execute(
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

    def articles(self) -> list[ArticleSummary]:
        summaries: dict[int, ArticleSummary] = {}
        for row in self.conn.execute(
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
        for article_id, kind, count in self.conn.execute(
            "SELECT article_id, kind, count(*) FROM annotations "
            "WHERE status = 'active' GROUP BY article_id, kind"
        ):
            summaries[article_id].counts[Kind(kind)] = count
        for article_id, name in self.conn.execute(
            "SELECT DISTINCT a.article_id, t.name FROM annotation_tags at "
            "JOIN annotations a ON a.uuid = at.annotation_uuid JOIN tags t ON t.id = at.tag_id "
            "ORDER BY t.name"
        ):
            summaries[article_id].tags.append(name)
        return list(summaries.values())

    def is_empty(self) -> bool:
        return self.conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None

    def article_by_hash(self, sha256: str) -> int | None:
        row = self.conn.execute(
            "SELECT article_id FROM article_versions WHERE sha256 = ? "
            "ORDER BY version DESC LIMIT 1",
            (sha256,),
        ).fetchone()
        return None if row is None else int(row[0])

    def article_by_url(self, url: str) -> int | None:
        row = self.conn.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()
        return None if row is None else int(row[0])

    # Layers

    def layers(self, article_id: int) -> list[Layer]:
        return [
            Layer(row[0], row[1], row[2], LayerKind(row[3]), row[4] or "", bool(row[5]))
            for row in self.conn.execute(
                "SELECT id, article_id, name, kind, student, hidden FROM layers "
                "WHERE article_id = ? ORDER BY id",
                (article_id,),
            )
        ]

    def set_layer_hidden(self, article_id: int, name: str, hidden: bool) -> None:
        with self.transaction() as conn:
            layer_id = self._layer_id(conn, article_id, name)
            conn.execute("UPDATE layers SET hidden = ? WHERE id = ?", (int(hidden), layer_id))

    def _layer_id(self, conn: sqlite3.Connection, article_id: int, name: str) -> int:
        row = conn.execute(
            "SELECT id FROM layers WHERE article_id = ? AND name = ?", (article_id, name)
        ).fetchone()
        if row is not None:
            return int(row[0])
        kind = layer_kind(name)
        student = name if kind is LayerKind.SUBMISSION else ""
        cursor = conn.execute(
            "INSERT INTO layers (article_id, name, kind, student, hidden) VALUES (?, ?, ?, ?, 0)",
            (article_id, name, kind.value, student),
        )
        return int(cursor.lastrowid or 0)

    # Settings

    def setting(self, key: str) -> str | None:
        return _setting_in(self.conn, key)

    def suggestions_locked(self) -> bool:
        """Whether a teacher has locked the app's suggestions away in this library."""
        return _is_locked(self.conn)

    def lock_suggestions(self, pin: str) -> None:
        """Lock suggestions until ``unlock_suggestions`` is given the same PIN."""
        from reader.storage.pins import hash_pin

        hashed = hash_pin(pin)  # outside the transaction: it takes a moment
        with self.transaction() as conn:
            if _is_locked(conn):
                raise ReaderError("suggestions are locked already")
            _set_setting(conn, SUGGESTIONS_LOCK, hashed)

    def unlock_suggestions(self, pin: str, now: Callable[[], float] = time.time) -> None:
        """Unlock with the PIN the suggestions were locked with.  Wrong PINs slow the next
        try down, for every program on the library: the count and the time before which no
        PIN is checked are kept in the settings, written with the check.  ``now`` gives the
        time in seconds (a parameter so that tests need not wait)."""
        from reader.storage.pins import pin_matches

        with self.transaction() as conn:
            stored = _setting_in(conn, SUGGESTIONS_LOCK)
            if stored is None:
                raise ReaderError("suggestions are not locked")
            failures = int(_setting_in(conn, PIN_FAILURES) or 0)
            wait = float(_setting_in(conn, PIN_NOT_BEFORE) or 0) - now()
            if wait > 0:
                raise ReaderError(
                    f"too many wrong PINs: try again in {in_words(wait)} (suggestions stay locked)"
                )
            matches = pin_matches(pin, stored)
            if matches:
                for key in (SUGGESTIONS_LOCK, PIN_FAILURES, PIN_NOT_BEFORE):
                    _set_setting(conn, key, None)
            else:
                failures += 1
                delay = pin_delay(failures)
                _set_setting(conn, PIN_FAILURES, str(failures))
                _set_setting(conn, PIN_NOT_BEFORE, repr(now() + delay))
        if not matches:  # raised once the count is saved
            later = f"; the next try in {in_words(delay)}" if delay else ""
            raise ReaderError(f"wrong PIN: suggestions stay locked{later}")

    # Annotations

    def add_annotation(self, annotation: Annotation) -> None:
        self.add_annotations([annotation])

    def add_annotations(self, annotations: Sequence[Annotation]) -> None:
        """Several flags in one transaction: all of them are saved, or none."""
        self.replace_annotations([], annotations)

    def replace_annotations(self, remove: Sequence[str], add: Sequence[Annotation]) -> None:
        """Delete some flags and add others in one transaction (e.g. refreshed suggestions)."""
        with self.transaction() as conn:
            self._replace_in(conn, remove, add)

    def add_annotation_on_quote(
        self, annotation: Annotation, quote: str, occurrence: int | None = None
    ) -> None:
        """Save ``annotation`` on the given occurrence of ``quote``, looked up in the text
        the write transaction sees: a re-import committed meanwhile cannot move it."""
        from reader.anchoring.selectors import anchor_for_quote

        with self.transaction() as conn:
            text = self._text(conn, annotation.article_id)
            annotation.anchor = anchor_for_quote(text, quote, occurrence)
            self._replace_in(conn, [], [annotation])

    def _replace_in(
        self, conn: sqlite3.Connection, remove: Sequence[str], add: Sequence[Annotation]
    ) -> None:
        self._refuse_suggestions_while_locked(conn, add, remove)
        self._check_anchors(conn, add)
        for uuid in remove:
            delete_annotation_rows(conn, uuid)
        for annotation in add:
            self._insert_annotation(conn, annotation)

    def _refuse_suggestions_while_locked(
        self, conn: sqlite3.Connection, new: Sequence[Annotation], stored: Sequence[str]
    ) -> None:
        """A teacher's lock holds for every writer of flags, another process included: no
        suggestion is written, and none of the ``stored`` flags changed or removed is a
        suggestion.  (Re-importing an article still moves or orphans its suggestions with
        the text, as it does every flag: nothing a reader sees.)"""
        if not _is_locked(conn):
            return
        suggestions = LayerKind.SUGGESTIONS.value
        touched = any(
            a.status is Status.SUGGESTED or a.layer.casefold() == suggestions for a in new
        )
        for uuid in stored:
            touched = touched or bool(
                conn.execute(
                    "SELECT 1 FROM annotations a JOIN layers l ON l.id = a.layer_id "
                    "WHERE a.uuid = ? AND (a.status = ? OR l.name = ?)",
                    (uuid, Status.SUGGESTED.value, suggestions),
                ).fetchone()
            )
        if touched:
            raise ReaderError("suggestions are locked in this library by a teacher")

    def _insert_annotation(self, conn: sqlite3.Connection, annotation: Annotation) -> None:
        if conn.execute("SELECT 1 FROM annotations WHERE uuid = ?", (annotation.uuid,)).fetchone():
            raise ReaderError(f"a flag with id {annotation.uuid} already exists")
        layer_id = self._layer_id(conn, annotation.article_id, annotation.layer)
        conn.execute(INSERT_ANNOTATION, annotation_values(annotation, layer_id))
        self._write_tags(conn, annotation.uuid, annotation.tags)

    def _check_anchors(self, conn: sqlite3.Connection, annotations: Sequence[Annotation]) -> None:
        """Each flag must quote its article exactly where it says, unless it is orphaned."""
        texts: dict[int, str] = {}
        for annotation in annotations:
            article_id = annotation.article_id
            if article_id not in texts:
                row = conn.execute(
                    "SELECT text FROM articles WHERE id = ?", (article_id,)
                ).fetchone()
                if row is None:
                    raise ReaderError(f"no article with id {article_id}")
                texts[article_id] = row[0]
            anchor = annotation.anchor
            if annotation.status is Status.ORPHANED:
                continue
            if (
                texts[article_id][anchor.start : anchor.end] != anchor.exact
                or anchor.start >= anchor.end
            ):
                raise ReaderError(
                    f"flag {annotation.uuid}: its quote does not match the article text at "
                    f"{anchor.start}-{anchor.end}"
                )

    def _write_tags(self, conn: sqlite3.Connection, uuid: str, tags: Sequence[str]) -> None:
        conn.execute("DELETE FROM annotation_tags WHERE annotation_uuid = ?", (uuid,))
        seen: set[str] = set()
        for position, raw in enumerate(tags):
            tag = raw.strip()
            if not tag or tag in seen:
                continue
            seen.add(tag)
            conn.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", (tag,))
            tag_id = conn.execute("SELECT id FROM tags WHERE name = ?", (tag,)).fetchone()[0]
            conn.execute(
                "INSERT INTO annotation_tags (annotation_uuid, tag_id, position) VALUES (?, ?, ?)",
                (uuid, tag_id, position),
            )

    def update_annotation(self, annotation: Annotation) -> None:
        self.annotation(annotation.uuid)  # raises if it is gone
        now = utc_now()
        with self.transaction() as conn:
            self._refuse_suggestions_while_locked(conn, [annotation], [annotation.uuid])
            self._check_anchors(conn, [annotation])
            layer_id = self._layer_id(conn, annotation.article_id, annotation.layer)
            values = annotation_values(annotation, layer_id) | {"updated": now}
            conn.execute(UPDATE_ANNOTATION, values)
            self._write_tags(conn, annotation.uuid, annotation.tags)
        annotation.updated = now

    def delete_annotation(self, uuid: str) -> Annotation:
        annotation = self.annotation(uuid)
        self.replace_annotations([uuid], [])
        return annotation

    def annotation(self, uuid: str) -> Annotation:
        rows = self._annotation_rows("a.uuid = ?", (uuid,))
        if not rows:
            raise ReaderError(f"no flag with id {uuid}")
        return rows[0]

    def annotations(self, article_id: int, layer: str | None = None) -> list[Annotation]:
        if layer is None:
            return self._annotation_rows("a.article_id = ?", (article_id,))
        return self._annotation_rows("a.article_id = ? AND l.name = ?", (article_id, layer))

    def _annotation_rows(self, where: str, params: tuple[object, ...]) -> list[Annotation]:
        rows = self.conn.execute(
            f"SELECT {ANNOTATION_COLUMNS} FROM annotations a JOIN layers l ON l.id = a.layer_id "
            f"WHERE {where} ORDER BY a.start, a.end, a.created, a.uuid",
            params,
        ).fetchall()
        tags = self._tags_for([row[0] for row in rows])
        return [
            Annotation(
                uuid=row[0],
                article_id=row[1],
                layer=row[2],
                kind=Kind(row[3]),
                anchor=Anchor(row[4], row[5], row[6], row[7] or "", row[8] or ""),
                note=row[9] or "",
                source=row[10] or "",
                status=Status(row[11]),
                score=row[12],
                reasons=json.loads(row[13]) if row[13] else [],
                author=row[14] or "",
                created=row[15] or "",
                updated=row[16] or "",
                tags=tags.get(row[0], []),
            )
            for row in rows
        ]

    def _tags_for(self, uuids: Sequence[str]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for start in range(0, len(uuids), 500):
            chunk = uuids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for uuid, name in self.conn.execute(
                f"SELECT at.annotation_uuid, t.name FROM annotation_tags at "
                f"JOIN tags t ON t.id = at.tag_id WHERE at.annotation_uuid IN ({marks}) "
                f"ORDER BY at.position",
                tuple(chunk),
            ):
                found.setdefault(uuid, []).append(name)
        return found

    def tags(self) -> list[str]:
        return [
            row[0]
            for row in self.conn.execute(
                "SELECT DISTINCT t.name FROM tags t JOIN annotation_tags at ON at.tag_id = t.id "
                "ORDER BY t.name COLLATE NOCASE"
            )
        ]

    # Search, checks, backups

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        match = fts_query(query)
        if not match:
            return []
        hits: list[SearchHit] = []
        for article_id, title, snippet, rank in self.conn.execute(
            "SELECT a.id, a.title, snippet(articles_fts, 1, char(2), char(3), '…', 12), "
            "bm25(articles_fts) FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?",
            (match, limit),
        ):
            hits.append(SearchHit(article_id, title, None, snippet, -rank))
        for uuid, article_id, title, snippet, rank in self.conn.execute(
            "SELECT n.uuid, n.article_id, a.title, "
            "snippet(annotations_fts, -1, char(2), char(3), '…', 12), bm25(annotations_fts) "
            "FROM annotations_fts JOIN annotations n ON n.rowid = annotations_fts.rowid "
            "JOIN articles a ON a.id = n.article_id "
            "WHERE annotations_fts MATCH ? AND n.status NOT IN (?, ?) "
            "ORDER BY bm25(annotations_fts) LIMIT ?",
            (match, *(status.value for status in SUGGESTION_STATUSES), limit),
        ):
            hits.append(SearchHit(article_id, title, uuid, snippet, -rank))
        hits.sort(key=lambda hit: hit.score, reverse=True)
        return hits[:limit]

    def check(self) -> CheckReport:
        integrity = "; ".join(row[0] for row in self.conn.execute("PRAGMA integrity_check"))
        broken_links = self.conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken_links:
            integrity += f"; {len(broken_links)} rows point at missing rows"
        orphaned = self._annotation_rows("a.status = ?", (Status.ORPHANED.value,))
        articles = self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        annotations = self.conn.execute("SELECT count(*) FROM annotations").fetchone()[0]
        return CheckReport(integrity, schema_version(self.conn), articles, annotations, orphaned)

    def is_library_file(self, path: Path) -> bool:
        """True for the library's own file or one of SQLite's companions (-wal, -shm,
        -journal) under any name: a hard or symbolic link, another spelling of its folder,
        another case on a case-blind disk.  Compares files (device and inode) where they
        exist, names (ignoring case) where they do not; never opens either."""
        target = path.expanduser()
        companions = [self.path.with_name(self.path.name + suffix) for suffix in SQLITE_SUFFIXES]
        if any(same_file(target, companion) for companion in companions):
            return True
        resolved = target.resolve()
        return same_file(resolved.parent, self.path.parent) and resolved.name.casefold() in {
            companion.name.casefold() for companion in companions
        }

    def backup(self, destination: Path, replace: bool = False) -> None:
        """A copy of the library at ``destination``, which must not exist unless ``replace``;
        never the library itself, never through a symbolic link."""
        if self.is_library_file(destination):
            raise ReaderError("the backup must not overwrite the library itself")
        if destination.is_symlink():
            raise ReaderError(f"{destination} is a symbolic link: nothing was written")
        if destination.exists() and not replace:
            raise ReaderError(f"{destination} exists: nothing was written (--force replaces it)")
        try:
            descriptor, name = tempfile.mkstemp(
                dir=destination.parent, prefix=f".{destination.name}.", suffix=".partial"
            )
            os.close(descriptor)
        except OSError as error:
            raise ReaderError(f"cannot write backup {destination}: {error.strerror}") from None
        partial = Path(name)
        try:
            backup_to(self.conn, partial)
            if replace:
                os.replace(partial, destination)
            else:
                os.link(partial, destination)  # fails if a file appeared there meanwhile
        except FileExistsError:
            raise ReaderError(
                f"{destination} exists: nothing was written (--force replaces it)"
            ) from None
        except (OSError, sqlite3.Error) as error:
            raise ReaderError(f"cannot write backup {destination}: {error}") from None
        finally:
            partial.unlink(missing_ok=True)

    def reconnect(self) -> None:
        """Close the connection and open the file again, so that SQLite takes its locks
        anew: they are POSIX locks, which the whole process loses when anything in it
        closes a descriptor of the file. The old connection is closed first: a second
        connection opened beside it shares its lock state and would take no lock."""
        self.conn.close()
        self.conn = Library.open(self.path).conn
