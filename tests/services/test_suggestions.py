from pathlib import Path

from reader.anchoring.selectors import make_anchor
from reader.core.models import Annotation, ArticleMeta, Kind, LayerKind, SourceFormat, Status
from reader.detectors import SuggestionKind, suggest
from reader.services.suggestions import accepted, dismissed, save_suggestions, trigger_spans
from reader.storage.library import Library

TEXT = (
    "The notorious gang ran the city for years.\n\n"
    "Officials made 80,000 arrests since 2019.\n\n"
    "“We have offered our prisons,” the president said."
)


def article(tmp_path: Path) -> tuple[Library, int]:
    library = Library.open(tmp_path / "lib.sqlite")
    meta = ArticleMeta(
        title="T", markdown=TEXT, source_format=SourceFormat.MARKDOWN, source_path="/t.md"
    )
    return library, library.import_article(meta).article.id


def test_saved_suggestions_land_in_their_layer(tmp_path: Path) -> None:
    library, article_id = article(tmp_path)
    count = save_suggestions(library, article_id, suggest(TEXT, include_sourced=True))
    stored = library.annotations(article_id, LayerKind.SUGGESTIONS.value)
    assert count == len(stored) > 0
    assert all(a.status is Status.SUGGESTED and a.reasons and a.score for a in stored)
    assert {a.kind for a in stored} <= {Kind.OPINION, Kind.UNSOURCED_CLAIM}


def test_saving_again_replaces_open_suggestions(tmp_path: Path) -> None:
    library, article_id = article(tmp_path)
    found = suggest(TEXT)
    save_suggestions(library, article_id, found)
    save_suggestions(library, article_id, found)
    assert len(library.annotations(article_id)) == len(
        [s for s in found if s.kind is not SuggestionKind.SOURCED_CLAIM]
    )


def test_dismissed_and_accepted_passages_are_not_suggested_again(tmp_path: Path) -> None:
    library, article_id = article(tmp_path)
    save_suggestions(library, article_id, suggest(TEXT))
    first, *rest = library.annotations(article_id, LayerKind.SUGGESTIONS.value)
    library.update_annotation(dismissed(first))
    if rest:
        library.delete_annotation(rest[0].uuid)
        library.add_annotation(accepted(rest[0]))
    save_suggestions(library, article_id, suggest(TEXT))
    all_flags = library.annotations(article_id)
    keys = [(a.kind, a.anchor.start, a.anchor.end) for a in all_flags]
    assert len(keys) == len(set(keys))
    assert library.annotation(first.uuid).status is Status.DISMISSED


def test_a_passage_flagged_in_part_is_not_suggested_again_with_that_kind(
    tmp_path: Path,
) -> None:
    library, article_id = article(tmp_path)
    text = library.article(article_id).text
    start = text.index("80,000 arrests")
    mine = Annotation(
        article_id=article_id,
        kind=Kind.UNSOURCED_CLAIM,
        anchor=make_anchor(text, start, start + len("80,000 arrests")),
    )
    library.add_annotation(mine)
    save_suggestions(library, article_id, suggest(TEXT))
    suggested = library.annotations(article_id, LayerKind.SUGGESTIONS.value)
    claims = [a for a in suggested if a.kind is Kind.UNSOURCED_CLAIM]
    assert not [a for a in claims if a.anchor.start <= start < a.anchor.end]
    assert any(a.kind is Kind.OPINION for a in suggested)  # other passages still suggested


def test_accepted_flag_keeps_reasons_in_its_note(tmp_path: Path) -> None:
    library, article_id = article(tmp_path)
    save_suggestions(library, article_id, suggest(TEXT))
    suggestion = library.annotations(article_id)[0]
    flag = accepted(suggestion)
    assert flag.layer == LayerKind.MINE.value and flag.status is Status.ACTIVE
    assert all(reason in flag.note for reason in suggestion.reasons)


def test_trigger_spans_point_at_the_words_a_reason_names(tmp_path: Path) -> None:
    library, article_id = article(tmp_path)
    save_suggestions(library, article_id, suggest(TEXT))
    text = library.article(article_id).text
    words = set()
    for annotation in library.annotations(article_id):
        for start, end in trigger_spans(annotation):
            assert annotation.anchor.start <= start < end <= annotation.anchor.end
            word = text[start:end].lower()
            assert any(f"“{word}”" in reason.lower() for reason in annotation.reasons)
            words.add(word)
    assert "80,000" in words


def test_trigger_words_match_whole_words_only() -> None:
    text = "The mayor may well win."
    flag = Annotation(
        article_id=1,
        kind=Kind.OPINION,
        anchor=make_anchor(text, 0, len(text)),
        reasons=["hedge: may"],
    )
    assert trigger_spans(flag) == [(10, 13)]


def test_saving_one_kind_keeps_the_other_kinds_suggestions(tmp_path: Path) -> None:
    library, article_id = article(tmp_path)
    save_suggestions(library, article_id, suggest(TEXT))
    claims = [a.uuid for a in library.annotations(article_id) if a.kind is Kind.UNSOURCED_CLAIM]
    opinion_only = [SuggestionKind.OPINION]
    save_suggestions(library, article_id, suggest(TEXT, kinds=opinion_only), opinion_only)
    kept = [a.uuid for a in library.annotations(article_id) if a.kind is Kind.UNSOURCED_CLAIM]
    assert claims and kept == claims


def test_a_vanished_suggestion_is_dropped_not_orphaned(tmp_path: Path) -> None:
    library, article_id = article(tmp_path)
    save_suggestions(library, article_id, suggest(TEXT))
    for annotation in library.annotations(article_id):
        library.update_annotation(dismissed(annotation))
    shorter = "“We have offered our prisons,” the president said."
    result = library.import_article(
        ArticleMeta(
            title="T", markdown=shorter, source_format=SourceFormat.MARKDOWN, source_path="/t.md"
        )
    )
    assert result.article.id == article_id and result.article.version == 2
    remaining = library.annotations(article_id)
    assert all(a.status is Status.DISMISSED and a.anchor.exact in shorter for a in remaining)
    assert library.check().orphaned == []
