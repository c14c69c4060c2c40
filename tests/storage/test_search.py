"""Full-text search over articles and notes."""

import sqlite3
from pathlib import Path

from reader.storage.library import Library
from reader.storage.migrations import migrate
from tests.storage.sample import BODY, flag, meta


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


def test_search_follows_flags_onto_a_new_version(library: Library) -> None:
    article = library.import_article(meta()).article
    reworded = flag(library, article.id, "The bridge cost 40 million dollars", note="check")
    moved = flag(library, article.id, "Residents cheered", note="who?")
    edited = BODY.replace("40 million", "45 million").replace(
        "# Bridge\n\n", "# Bridge\n\nA new first line.\n\n"
    )
    assert library.import_article(meta(edited)).reanchored == 2
    assert library.annotation(reworded.uuid).anchor.exact == "The bridge cost 45 million dollars"

    def flagged(query: str) -> list[str | None]:
        return [hit.annotation_uuid for hit in library.search(query) if hit.annotation_uuid]

    assert flagged("45") == [reworded.uuid]  # its new quote is indexed
    assert flagged("40") == []
    assert flagged("residents") == [moved.uuid]  # moved, still found once
    assert flagged("who") == [moved.uuid]


def test_a_library_before_migration_7_is_searched_the_same_after_it(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, path, target=6)
    conn.close()
    library = Library.open(path)
    article = library.import_article(meta()).article
    saved = flag(library, article.id, "Residents cheered", note="ask the treasurer")
    saved.note = "ask the comptroller"
    library.update_annotation(saved)
    assert [hit.annotation_uuid for hit in library.search("comptroller")] == [saved.uuid]
    assert library.search("treasurer") == []
    assert len(list(tmp_path.glob("old.v6-*.backup.sqlite"))) == 1
