"""Libraries made by older versions are upgraded; newer ones are refused."""

import sqlite3
from pathlib import Path

import pytest

from reader.core.models import ReaderError
from reader.storage.library import ImportOutcome, Library
from reader.storage.migrations import APPLICATION_ID, LATEST_VERSION, migrate, schema_version
from tests.storage.sample import BODY, meta


def test_database_from_migration_1_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, path, target=1)
    conn.execute(
        "INSERT INTO articles (source_key, title, markdown, text, sha256, version, "
        "source_format) VALUES ('file:x', 'Old', 'old words here', 'old words here', 'h', 1, "
        "'markdown')"
    )
    conn.close()
    library = Library.open(path)
    assert schema_version(library.conn) == LATEST_VERSION
    assert [hit.title for hit in library.search("words")] == ["Old"]
    backups = list(tmp_path.glob("old.v1-*.backup.sqlite"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("PRAGMA user_version").fetchone()[0] == 1


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.close()
    for read_only in (False, True):
        with pytest.raises(ReaderError, match="newer Annotated Reader"):
            Library.open(path, read_only=read_only)


def library_at_schema_3(path: Path) -> None:
    """A library as version 3 wrote it: the text is the body alone. One article in two
    versions, keyed by its text's hash, with a flag at the body's start, one further on
    and one orphaned."""
    from reader.anchoring.canonical import canonical_text, text_sha256

    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, path, target=3)
    old_text = canonical_text("The old opening.\n\nResidents cheered.")
    text = canonical_text(BODY)
    sha = text_sha256(text)
    conn.execute(
        "INSERT INTO articles (id, source_key, title, author, publication, url, published, "
        "source_format, source_path, markdown, text, sha256, version, imported_at) "
        "VALUES (1, ?, 'Bridge', 'Ana', '', '', '2025-05-01', 'markdown', '', ?, ?, ?, 2, '')",
        (f"sha256:{sha}", BODY, text, sha),
    )
    for version, version_text in ((1, old_text), (2, text)):
        conn.execute(
            "INSERT INTO article_versions VALUES (1, ?, '', ?, ?, '')",
            (version, version_text, text_sha256(version_text)),
        )
    conn.execute("INSERT INTO layers (id, article_id, name, kind) VALUES (1, 1, 'mine', 'mine')")
    flags = [("a", "Bridge", "active"), ("b", "Residents", "active"), ("c", "gone", "orphaned")]
    for uuid, quote, status in flags:
        start = text.find(quote) if quote in text else 3
        conn.execute(
            "INSERT INTO annotations (uuid, article_id, layer_id, kind, start, end, exact, "
            "prefix, suffix, status) VALUES (?, 1, 1, 'opinion', ?, ?, ?, 'old', 'old', ?)",
            (uuid, start, start + len(quote), quote, status),
        )
    conn.close()


def test_a_schema_3_library_gains_the_header_in_its_text(tmp_path: Path) -> None:
    from reader.anchoring.canonical import text_sha256

    path = tmp_path / "old.sqlite"
    library_at_schema_3(path)
    library = Library.open(path)
    article = library.article(1)
    head = "Bridge\n\nAna · 1 May 2025\n\n"
    body = "Bridge\n\nThe bridge cost 40 million dollars, officials said.\n\nResidents cheered."
    assert article.text == head + body
    assert article.sha256 == text_sha256(article.text)
    flags = {annotation.uuid: annotation.anchor for annotation in library.annotations(1)}
    for uuid, exact in (("a", "Bridge"), ("b", "Residents")):
        anchor = flags[uuid]
        assert anchor.exact == exact == article.text[anchor.start : anchor.end]
        assert anchor.prefix == article.text[max(0, anchor.start - 32) : anchor.start]
    assert flags["a"].start == len(head)
    assert (flags["c"].start, flags["c"].prefix) == (len(head) + 3, "old")  # kept as it was
    versions = library.conn.execute(
        "SELECT text, sha256 FROM article_versions ORDER BY version"
    ).fetchall()
    assert versions[0][0] == head + "The old opening.\n\nResidents cheered."
    assert [sha for _, sha in versions] == [text_sha256(text) for text, _ in versions]
    assert library.article_by_hash(article.sha256) == 1
    reimported = meta(BODY, path="")
    reimported.author, reimported.published = "Ana", "2025-05-01"
    assert library.import_article(reimported).outcome is ImportOutcome.UNCHANGED  # same key
    assert [hit.article_id for hit in library.search("Ana")] == [1]
    assert len(list(tmp_path.glob("old.v3-*.backup.sqlite"))) == 1


def test_a_schema_7_library_gains_layer_change_numbers_and_class_figures(tmp_path: Path) -> None:
    from dataclasses import replace

    from reader.storage.classroom import layer_changes

    path = tmp_path / "old.sqlite"
    library_at_schema_3(path)
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, path, target=7)
    conn.close()
    library = Library.open(path)
    try:
        assert schema_version(library.conn) == LATEST_VERSION
        assert layer_changes(library, 1) == {"mine": 0}  # no write since the upgrade
        assert library.conn.execute("SELECT count(*) FROM class_figures").fetchone() == (0,)
        flag = library.annotation("a")
        library.update_annotation(replace(flag, note="changed"))
        assert layer_changes(library, 1) == {"mine": 1}
        library.add_annotation(replace(flag, uuid="d", layer="key"))
        library.delete_annotation("b")
        assert layer_changes(library, 1) == {"mine": 2, "key": 1}
        library.update_annotation(replace(library.annotation("a"), layer="key"))
        assert layer_changes(library, 1) == {"mine": 3, "key": 2}  # moved: both change
    finally:
        library.close()
