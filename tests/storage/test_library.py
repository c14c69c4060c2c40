import sqlite3
from pathlib import Path

import pytest

from reader.anchoring.selectors import anchor_for_quote
from reader.core.models import Annotation, ArticleMeta, Kind, ReaderError, SourceFormat, Status
from reader.storage.library import ImportOutcome, Library
from reader.storage.migrations import APPLICATION_ID, LATEST_VERSION, migrate, schema_version

BODY = "# Bridge\n\nThe bridge cost *40 million dollars*, officials said.\n\nResidents cheered."


def meta(markdown: str = BODY, path: str = "/tmp/bridge.md") -> ArticleMeta:
    return ArticleMeta(
        title="Bridge", markdown=markdown, source_format=SourceFormat.MARKDOWN, source_path=path
    )


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library.open(tmp_path / "lib.sqlite")


def flag(
    library: Library, article_id: int, quote: str, occurrence: int | None = None, **extra: object
) -> Annotation:
    text = library.article(article_id).text
    annotation = Annotation(
        article_id=article_id,
        kind=Kind.UNSOURCED_CLAIM,
        anchor=anchor_for_quote(text, quote, occurrence),
        **extra,  # type: ignore[arg-type]
    )
    library.add_annotation(annotation)
    return annotation


def test_wal_and_foreign_keys(library: Library) -> None:
    assert library.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert library.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_flags_round_trip_through_the_file(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    article = library.import_article(meta()).article
    saved = flag(
        library,
        article.id,
        "40 million dollars",
        note="Who counted?",
        tags=["money", "x"],
        source="budget report",
    )
    library.close()
    reopened = Library.open(tmp_path / "lib.sqlite")
    [loaded] = reopened.annotations(article.id)
    assert loaded == saved
    assert reopened.tags() == ["money", "x"]


def test_reimport_unchanged_is_a_no_op(library: Library) -> None:
    first = library.import_article(meta())
    again = library.import_article(meta())
    assert first.outcome is ImportOutcome.NEW
    assert again.outcome is ImportOutcome.UNCHANGED
    assert again.article.version == 1


def test_new_version_keeps_id_and_reanchors_or_orphans(library: Library) -> None:
    article = library.import_article(meta()).article
    kept = flag(library, article.id, "40 million dollars")
    lost = flag(library, article.id, "Residents cheered.")
    edited = (
        "# Bridge\n\nUpdate: new figures.\n\nThe bridge cost *40 million dollars*, officials said."
    )
    result = library.import_article(meta(edited))
    assert result.outcome is ImportOutcome.NEW_VERSION
    assert result.article.id == article.id and result.article.version == 2
    assert (result.reanchored, result.orphaned) == (1, 1)
    moved = library.annotation(kept.uuid)
    assert result.article.text[moved.anchor.start : moved.anchor.end] == "40 million dollars"
    orphan = library.annotation(lost.uuid)
    assert orphan.status is Status.ORPHANED
    assert orphan.anchor.exact == "Residents cheered."
    assert [a.uuid for a in library.check().orphaned] == [lost.uuid]
    versions = library.conn.execute("SELECT count(*) FROM article_versions").fetchone()[0]
    assert versions == 2


def test_search_stays_in_step_with_notes(library: Library) -> None:
    article = library.import_article(meta()).article
    annotation = flag(library, article.id, "40 million dollars", note="ask the treasurer")
    assert [hit.annotation_uuid for hit in library.search("treasurer")] == [annotation.uuid]
    annotation.note = "ask the comptroller"
    library.update_annotation(annotation)
    assert library.search("treasurer") == []
    assert len(library.search("comptroller")) == 1
    library.delete_annotation(annotation.uuid)
    assert library.search("comptroller") == []
    hits = library.search("bridge cost")
    assert hits and hits[0].annotation_uuid is None and "[cost]" in hits[0].marked()


def test_search_tolerates_fts_syntax(library: Library) -> None:
    library.import_article(meta())
    assert library.search('"unbalanced AND (') == []
    assert library.search("") == []


def test_flag_whose_quote_does_not_match_is_refused(library: Library) -> None:
    article = library.import_article(meta()).article
    bad = Annotation(
        article_id=article.id,
        kind=Kind.OPINION,
        anchor=anchor_for_quote(article.text, "Residents"),
    )
    bad.anchor = type(bad.anchor)(0, 9, "Not there")
    with pytest.raises(ReaderError, match="does not match"):
        library.add_annotation(bad)
    assert library.annotations(article.id) == []


def test_add_many_is_all_or_nothing(library: Library) -> None:
    article = library.import_article(meta()).article
    text = article.text
    good = Annotation(
        article_id=article.id, kind=Kind.OPINION, anchor=anchor_for_quote(text, "Residents")
    )
    duplicate = Annotation(
        article_id=article.id,
        kind=Kind.OPINION,
        anchor=anchor_for_quote(text, "cheered"),
        uuid=good.uuid,
    )
    with pytest.raises(ReaderError, match="already exists"):
        library.add_annotations([good, duplicate])
    assert library.annotations(article.id) == []


def test_layers_are_created_and_hidden(library: Library) -> None:
    article = library.import_article(meta()).article
    flag(library, article.id, "Residents", layer="key")
    flag(library, article.id, "cheered", layer="Ada")
    library.set_layer_hidden(article.id, "key", True)
    layers = {layer.name: layer for layer in library.layers(article.id)}
    assert layers["key"].hidden and layers["key"].kind.value == "key"
    assert layers["Ada"].kind.value == "submission" and layers["Ada"].student == "Ada"
    assert [a.exact for a in [x.anchor for x in library.annotations(article.id, "key")]] == [
        "Residents"
    ]


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


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(ReaderError, match="not a SQLite database"):
        Library.open(path)


def test_backup_is_a_readable_copy(library: Library, tmp_path: Path) -> None:
    article = library.import_article(meta()).article
    flag(library, article.id, "Residents")
    library.backup(tmp_path / "copy.sqlite")
    copy = Library.open(tmp_path / "copy.sqlite")
    assert len(copy.annotations(article.id)) == 1
    assert copy.check().ok


def test_the_text_starts_with_the_title_and_byline(library: Library) -> None:
    bylined = meta()
    bylined.author, bylined.publication, bylined.published = "Ana", "The Post", "2025-05-01"
    article = library.import_article(bylined).article
    assert article.text.startswith("Bridge\n\nAna · The Post · 1 May 2025\n\nBridge\n\nThe bridge")
    headline = flag(library, article.id, "Bridge", occurrence=1)
    assert (headline.anchor.start, headline.anchor.exact) == (0, "Bridge")


def test_a_new_headline_is_a_new_version_with_flags_moved(library: Library) -> None:
    article = library.import_article(meta()).article
    body = flag(library, article.id, "40 million dollars")
    on_title = flag(library, article.id, "Bridge", occurrence=1)
    renamed = meta()
    renamed.title = "Costly Bridge"
    result = library.import_article(renamed)
    assert result.outcome is ImportOutcome.NEW_VERSION and result.article.version == 2
    assert result.article.text.startswith("Costly Bridge\n\n")
    moved = library.annotation(body.uuid)
    assert moved.anchor.start == body.anchor.start + len("Costly ")
    assert moved.anchor.exact == "40 million dollars"
    assert library.annotation(on_title.uuid).anchor.start == len("Costly ")


def test_same_text_with_new_details_updates_them(library: Library) -> None:
    dated = meta()
    dated.published = "2025-05-01"
    library.import_article(dated)
    dated.published = "2025-05-01T09:30:00Z"  # the byline shows the same date
    result = library.import_article(dated)
    assert result.outcome is ImportOutcome.METADATA_UPDATED
    assert result.article.published == "2025-05-01T09:30:00Z" and result.article.version == 1
    assert library.import_article(dated).outcome is ImportOutcome.UNCHANGED


def test_a_different_story_under_the_same_url_is_a_new_article(library: Library) -> None:
    first = ArticleMeta(
        title="Budget",
        markdown="The council approved the budget for schools and roads on Tuesday.",
        source_format=SourceFormat.HTML,
        url="https://example.org/",
    )
    other = ArticleMeta(
        title="Match",
        markdown="Rovers beat United three goals to one in a rainy evening match.",
        source_format=SourceFormat.HTML,
        url="https://example.org/",
    )
    kept = library.import_article(first).article
    flag(library, kept.id, "approved the budget")
    result = library.import_article(other)
    assert result.outcome is ImportOutcome.NEW and result.article.id != kept.id
    assert library.annotations(kept.id)[0].status is Status.ACTIVE
    assert library.import_article(other).outcome is ImportOutcome.UNCHANGED


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
