"""The schema, built only through numbered migrations.

``PRAGMA user_version`` holds the number of the last migration applied.  A
database made by an older version is copied with the SQLite backup API before
it is upgraded.  sqlite-utils is imported only when a migration runs, so that
opening an up-to-date library stays cheap at start-up.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils


def migration_1_tables(db: sqlite_utils.Database) -> None:
    db.table("articles").create(
        {
            "id": int,
            "source_key": str,
            "title": str,
            "author": str,
            "publication": str,
            "url": str,
            "published": str,
            "source_format": str,
            "source_path": str,
            "markdown": str,
            "text": str,
            "sha256": str,
            "version": int,
            "imported_at": str,
        },
        pk="id",
        not_null={"source_key", "title", "markdown", "text", "sha256", "version"},
    )
    db.table("articles").create_index(["source_key"], unique=True)
    db.table("article_versions").create(
        {
            "article_id": int,
            "version": int,
            "markdown": str,
            "text": str,
            "sha256": str,
            "imported_at": str,
        },
        pk=("article_id", "version"),
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("layers").create(
        {
            "id": int,
            "article_id": int,
            "name": str,
            "kind": str,
            "student": str,
            "hidden": int,
        },
        pk="id",
        not_null={"article_id", "name", "kind"},
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("layers").create_index(["article_id", "name"], unique=True)
    db.table("annotations").create(
        {
            "uuid": str,
            "article_id": int,
            "layer_id": int,
            "kind": str,
            "start": int,
            "end": int,
            "exact": str,
            "prefix": str,
            "suffix": str,
            "note": str,
            "source": str,
            "status": str,
            "score": float,
            "reasons": str,
            "author": str,
            "created": str,
            "updated": str,
        },
        pk="uuid",
        not_null={"article_id", "layer_id", "kind", "start", "end", "exact", "status"},
        foreign_keys=[("article_id", "articles", "id"), ("layer_id", "layers", "id")],
    )
    db.table("annotations").create_index(["article_id", "start"])
    db.table("tags").create({"id": int, "name": str}, pk="id", not_null={"name"})
    db.table("tags").create_index(["name"], unique=True)
    db.table("annotation_tags").create(
        {"annotation_uuid": str, "tag_id": int, "position": int},
        pk=("annotation_uuid", "tag_id"),
        foreign_keys=[("annotation_uuid", "annotations", "uuid"), ("tag_id", "tags", "id")],
    )


def migration_2_search(db: sqlite_utils.Database) -> None:
    """FTS5 over article text and flag notes, kept in step by triggers."""
    db.table("articles").enable_fts(["title", "text"], fts_version="FTS5", create_triggers=True)
    db.table("annotations").enable_fts(["note", "exact"], fts_version="FTS5", create_triggers=True)


def migration_3_settings(db: sqlite_utils.Database) -> None:
    """Library-wide settings as text, such as the teacher's suggestions lock."""
    db.table("settings").create({"key": str, "value": str}, pk="key", not_null={"value"})


APPLICATION_ID = 0x41526472  # "ARdr" in the file's header: this file is a library
LIBRARY_TABLES = frozenset(
    {"articles", "article_versions", "layers", "annotations", "tags", "annotation_tags"}
)  # what a library from before the application id holds


def migration_6_application_id(db: sqlite_utils.Database) -> None:
    """Mark the file as ours, so that any other SQLite file is never taken for a library."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def migration_4_header_in_text(db: sqlite_utils.Database) -> None:
    """The text starts with the header (title, byline), so that it can be flagged: each
    article's text and its stored versions' gain it (older versions today's header too:
    theirs was not kept), and every flag moves by its length."""
    from reader.anchoring.canonical import BLOCK_SEPARATOR, header_text, text_sha256
    from reader.anchoring.selectors import make_anchor
    from reader.core.models import ArticleMeta, SourceFormat

    conn = db.conn
    articles = conn.execute(
        "SELECT id, title, author, publication, published, source_key, sha256 FROM articles"
    ).fetchall()
    for article_id, title, author, publication, published, key, old_sha in articles:
        header = ArticleMeta(
            title=title,
            markdown="",
            source_format=SourceFormat.TEXT,  # unused: only the header's fields count
            author=author or "",
            publication=publication or "",
            published=published or "",
        )
        head = header_text(header) + BLOCK_SEPARATOR
        versions = conn.execute(
            "SELECT version, text FROM article_versions WHERE article_id = ?", (article_id,)
        ).fetchall()
        for version, body in versions:
            new = head + body
            conn.execute(
                "UPDATE article_versions SET text = ?, sha256 = ? "
                "WHERE article_id = ? AND version = ?",
                (new, text_sha256(new), article_id, version),
            )
        (body,) = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
        text = head + body
        sha = text_sha256(text)
        if key.endswith(old_sha):  # a text's own key ("sha256:..." or "url:...#..."): keep it so
            key = key.removesuffix(old_sha) + sha
        conn.execute(
            "UPDATE articles SET text = ?, sha256 = ?, source_key = ? WHERE id = ?",
            (text, sha, key, article_id),
        )
        flags = conn.execute(
            "SELECT uuid, start, end, exact, prefix, suffix FROM annotations WHERE article_id = ?",
            (article_id,),
        ).fetchall()
        for uuid, start, end, exact, prefix, suffix in flags:
            start, end = start + len(head), end + len(head)
            if text[start:end] == exact:  # new context; an orphaned flag keeps its old one
                anchor = make_anchor(text, start, end)
                prefix, suffix = anchor.prefix, anchor.suffix
            conn.execute(
                "UPDATE annotations SET start = ?, end = ?, prefix = ?, suffix = ? WHERE uuid = ?",
                (start, end, prefix, suffix, uuid),
            )


def migration_5_classroom(db: sqlite_utils.Database) -> None:
    """Assignments, collected submissions and feedback (see reader.storage.classroom)."""
    from reader.storage.classroom import create_tables

    create_tables(db)


def migration_7_search_index_on_text_changes(db: sqlite_utils.Database) -> None:
    """Index a flag again only when its note or quote changes, not when it merely moves
    or changes status: a new version of an article moves thousands of flags at once,
    under the write lock."""
    db.execute("DROP TRIGGER annotations_au")
    db.execute(
        "CREATE TRIGGER annotations_au AFTER UPDATE OF note, exact ON annotations "
        "WHEN old.note IS NOT new.note OR old.exact IS NOT new.exact BEGIN "
        "INSERT INTO annotations_fts (annotations_fts, rowid, note, exact) "
        "VALUES ('delete', old.rowid, old.note, old.exact); "
        "INSERT INTO annotations_fts (rowid, note, exact) VALUES (new.rowid, new.note, new.exact); "
        "END"
    )


def migration_8_class_figures(db: sqlite_utils.Database) -> None:
    """A change number per layer, raised by every write of one of its flags (by any
    process): what was computed from a layer's flags holds while its number does.  The
    class's figures of each assignment, kept with what they were computed from."""
    from reader.storage.classroom import create_figures_table

    create_figures_table(db)
    db.execute("CREATE TABLE layer_changes (layer_id INTEGER PRIMARY KEY, change INTEGER NOT NULL)")
    bump = (
        "INSERT INTO layer_changes (layer_id, change) VALUES ({layer}, 1) "
        "ON CONFLICT (layer_id) DO UPDATE SET change = change + 1;"
    )
    for name, event, layer in (
        ("ai", "INSERT", "new.layer_id"),
        ("ad", "DELETE", "old.layer_id"),
        ("au", "UPDATE", "new.layer_id"),
        ("au_moved", "UPDATE OF layer_id", "old.layer_id"),  # the layer it left
    ):
        when = " WHEN old.layer_id IS NOT new.layer_id" if name == "au_moved" else ""
        db.execute(
            f"CREATE TRIGGER layer_changes_{name} AFTER {event} ON annotations{when} "
            f"BEGIN {bump.format(layer=layer)} END"
        )


def migration_9_sentence_splits(db: sqlite_utils.Database) -> None:
    """Each text's sentences, kept (see reader.storage.sentences); a library's articles
    are split when first compared, not here."""
    from reader.storage.sentences import create_table

    create_table(db.conn)


def migration_10_compare_features(db: sqlite_utils.Database) -> None:
    """Each text's features for comparing, kept (see reader.storage.features); made when
    the text is first compared, not here."""
    from reader.storage.features import create_table

    create_table(db.conn)


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    migration_1_tables,
    migration_2_search,
    migration_3_settings,
    migration_4_header_in_text,
    migration_5_classroom,
    migration_6_application_id,
    migration_7_search_index_on_text_changes,
    migration_8_class_figures,
    migration_9_sentence_splits,
    migration_10_compare_features,
]
LATEST_VERSION = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_is_library(conn: sqlite3.Connection, db_path: Path, size: int | None) -> None:
    """Refuse, before anything is written, a file that is not one of our libraries: an
    empty file, another program's SQLite database, or not a database at all.  ``size``
    is the file's size before it was opened, None if it did not exist (a new library).
    A library from before the application id is known by its tables.  Reads only."""
    from reader.core.models import ReaderError

    unchanged = "nothing was changed"
    if size == 0:
        raise ReaderError(
            f"{db_path} is an empty file, not a library: {unchanged} "
            "(delete it to start a new library there)"
        )
    try:
        application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorcode", None) != sqlite3.SQLITE_NOTADB:
            raise
        raise ReaderError(
            f"{db_path} is not an Annotated Reader library (not a SQLite database): {unchanged}"
        ) from None
    ours = application_id == APPLICATION_ID or (application_id == 0 and tables >= LIBRARY_TABLES)
    if not ours and size is not None:
        raise ReaderError(
            f"{db_path} is not an Annotated Reader library (another program's database): "
            f"{unchanged}"
        )


def backup_to(conn: sqlite3.Connection, destination: Path) -> None:
    """A consistent copy of the open database, through SQLite's online backup API."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    target = sqlite3.connect(destination)
    try:
        conn.backup(target)
    finally:
        target.close()


def pre_migration_backup_path(db_path: Path, version: int) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    return db_path.with_name(f"{db_path.stem}.v{version}-{stamp}.backup{db_path.suffix}")


def migrate(conn: sqlite3.Connection, db_path: Path, target: int = LATEST_VERSION) -> int:
    """Apply the missing migrations up to ``target``, each in its own transaction."""
    current = schema_version(conn)
    if current > LATEST_VERSION:
        from reader.core.models import ReaderError

        raise ReaderError(
            f"{db_path.name} was made by a newer Annotated Reader (schema {current}); "
            "update the app to open it"
        )
    if current >= target:
        return current
    import sqlite_utils

    if current > 0:
        backup_to(conn, pre_migration_backup_path(db_path, current))
    db = sqlite_utils.Database(conn)
    for number in range(current + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[number - 1](db)
            conn.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            if conn.in_transaction:  # SQLite may have rolled back already
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return target
