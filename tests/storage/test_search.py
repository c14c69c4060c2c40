"""Full-text search over articles and notes."""

from reader.storage.library import Library
from tests.storage.sample import flag, meta


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
