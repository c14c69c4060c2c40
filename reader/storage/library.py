"""The library: one SQLite file holding articles, their versions, layers and flags.

``Library`` is the one object the app, the command line and the services hold: it
opens the file (read-only when asked), and hands each call to the module that knows
that part of the file: ``articles`` and ``importing`` (articles and their versions),
``annotations`` (flags, tags, layers), ``search``, ``lock`` (the teacher's suggestion
lock) and ``settings``.  Every write runs in one transaction (``transactions``) in WAL
mode with foreign keys on, so a process killed at any moment loses nothing that was
reported saved.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.anchoring.versions import SUGGESTION_STATUSES
from reader.core.models import (
    Annotation,
    Article,
    ArticleMeta,
    Layer,
    Progress,
    ReaderError,
    Status,
    no_progress,
    utc_now,
)
from reader.storage import annotations as flags
from reader.storage import articles, features, lock, search, sentences, settings
from reader.storage.articles import ArticleSummary
from reader.storage.errors import open_error
from reader.storage.files import SQLITE_SUFFIXES, has_wal_content, read_only_media, same_file
from reader.storage.importing import ImportOutcome, ImportResult
from reader.storage.lock import FREE_PIN_TRIES, SUGGESTIONS_LOCK, suggestions_locked_in
from reader.storage.migrations import (
    LATEST_VERSION,
    backup_to,
    check_is_library,
    migrate,
    schema_version,
)
from reader.storage.search import MATCH_END, MATCH_START, SearchHit
from reader.storage.transactions import transaction

if TYPE_CHECKING:
    from reader.anchoring.tokens import Blocks

__all__ = [  # what callers import from here, wherever it is kept
    "FREE_PIN_TRIES",
    "MATCH_END",
    "MATCH_START",
    "SUGGESTIONS_LOCK",
    "SUGGESTION_STATUSES",
    "ArticleSummary",
    "CheckReport",
    "ImportOutcome",
    "ImportResult",
    "Library",
    "SearchHit",
    "suggestions_locked_in",
]


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


class Library:
    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self.closed = False

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
        self.closed = True

    def data_version(self) -> int:
        """Changes when another connection (another process) commits to the library."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """All of the block's writes, or none of them; a full disk, a read-only file or a
        writer that holds the library too long come out as a plain ReaderError."""
        return transaction(self.conn)

    # Articles

    def import_article(self, meta: ArticleMeta, progress: Progress = no_progress) -> ImportResult:
        """Store the article: new, a new version (its flags re-anchored), or unchanged.

        The re-anchoring, the slow part, is computed before the write lock is taken,
        from the flags as they were then; in the short transaction that writes, only
        flags added or changed meanwhile are matched again.  ``progress`` may raise
        :class:`Cancelled` until the transaction commits: then nothing is written.
        """
        from reader.storage.importing import import_article

        return import_article(self.conn, meta, progress)

    def article(self, article_id: int) -> Article:
        return articles.article(self.conn, article_id)

    def version_text(self, article_id: int, version: int) -> str:
        """The canonical text of one stored version of the article."""
        row = self.conn.execute(
            "SELECT text FROM article_versions WHERE article_id = ? AND version = ?",
            (article_id, version),
        ).fetchone()
        if row is None:
            latest = self.article(article_id).version
            raise ReaderError(f"article {article_id} has versions 1 to {latest}, not {version}")
        return str(row[0])

    def sentence_blocks(self, article: Article) -> Blocks | None:
        """The article's sentences as kept in the library, if they are."""
        return sentences.stored(self.conn, article.sha256)

    def split_sentences(self, article: Article) -> Blocks:
        """The article's sentences: as kept, else split now and kept."""
        return sentences.split_once(self.conn, article.sha256, article.text)

    def keep_sentence_blocks(self, article: Article, blocks: Blocks) -> None:
        """Keep the article's split made elsewhere, unless it is kept already."""
        sentences.keep(self.conn, article.sha256, blocks)

    def compare_features(self, article: Article, start: int, maker: str) -> str | None:
        """The article's features for comparing from ``start`` on, as ``maker`` wrote them
        and the library keeps them, if it does."""
        return features.stored(self.conn, article.sha256, start, maker)

    def keep_compare_features(self, article: Article, start: int, maker: str, written: str) -> None:
        """Keep the article's features for comparing, in place of any kept."""
        features.keep(self.conn, article.sha256, start, maker, written)

    def articles(self) -> list[ArticleSummary]:
        return articles.articles(self.conn)

    def is_empty(self) -> bool:
        return articles.is_empty(self.conn)

    def article_by_hash(self, sha256: str) -> int | None:
        return articles.article_by_hash(self.conn, sha256)

    def article_by_url(self, url: str) -> int | None:
        return articles.article_by_url(self.conn, url)

    # Layers

    def layers(self, article_id: int) -> list[Layer]:
        return flags.layers(self.conn, article_id)

    def set_layer_hidden(self, article_id: int, name: str, hidden: bool) -> None:
        with self.transaction() as conn:
            flags.set_layer_hidden(conn, article_id, name, hidden)

    # Settings and the suggestion lock

    def setting(self, key: str) -> str | None:
        return settings.setting(self.conn, key)

    def suggestions_locked(self) -> bool:
        """Whether a teacher has locked the app's suggestions away in this library."""
        return lock.is_locked(self.conn)

    def lock_suggestions(self, pin: str) -> None:
        """Lock suggestions until ``unlock_suggestions`` is given the same PIN."""
        lock.lock_suggestions(self.conn, pin)

    def unlock_suggestions(self, pin: str, now: Callable[[], float] = time.time) -> None:
        """Unlock with the PIN the suggestions were locked with.  Wrong PINs slow the next
        try down, for every program on the library: the count and the time before which no
        PIN is checked are kept in the settings, written with the check.  ``now`` gives the
        time in seconds (a parameter so that tests need not wait)."""
        lock.unlock_suggestions(self.conn, pin, now)

    # Annotations

    def add_annotation(self, annotation: Annotation) -> None:
        self.add_annotations([annotation])

    def add_annotations(self, annotations: Sequence[Annotation]) -> None:
        """Several flags in one transaction: all of them are saved, or none."""
        self.replace_annotations([], annotations)

    def replace_annotations(self, remove: Sequence[str], add: Sequence[Annotation]) -> None:
        """Delete some flags and add others in one transaction (e.g. refreshed suggestions)."""
        with self.transaction() as conn:
            flags.replace(conn, remove, add)

    def add_annotation_on_quote(
        self, annotation: Annotation, quote: str, occurrence: int | None = None
    ) -> None:
        """Save ``annotation`` on the given occurrence of ``quote``, looked up in the text
        the write transaction sees: a re-import committed meanwhile cannot move it."""
        from reader.anchoring.selectors import anchor_for_quote

        with self.transaction() as conn:
            text = articles.article_text(conn, annotation.article_id)
            annotation.anchor = anchor_for_quote(text, quote, occurrence)
            flags.replace(conn, [], [annotation])

    def update_annotation(self, annotation: Annotation) -> None:
        self.annotation(annotation.uuid)  # raises if it is gone
        now = utc_now()
        with self.transaction() as conn:
            flags.update(conn, annotation, now)
        annotation.updated = now

    def delete_annotation(self, uuid: str) -> Annotation:
        annotation = self.annotation(uuid)
        self.replace_annotations([uuid], [])
        return annotation

    def annotation(self, uuid: str) -> Annotation:
        return flags.annotation(self.conn, uuid)

    def annotations(
        self, article_id: int, layer: str | None = None, *, submissions: bool = True
    ) -> list[Annotation]:
        return flags.of_article(self.conn, article_id, layer, submissions=submissions)

    def tags(self) -> list[str]:
        return flags.tags(self.conn)

    # Search, checks, backups

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        return search.search(self.conn, query, limit)

    def check(self) -> CheckReport:
        integrity = "; ".join(row[0] for row in self.conn.execute("PRAGMA integrity_check"))
        broken_links = self.conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken_links:
            integrity += f"; {len(broken_links)} rows point at missing rows"
        orphaned = flags.annotation_rows(self.conn, "a.status = ?", (Status.ORPHANED.value,))
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
