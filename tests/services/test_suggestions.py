from dataclasses import replace
from pathlib import Path

import pytest

from reader.anchoring.selectors import make_anchor
from reader.core.models import Annotation, ArticleMeta, Kind, LayerKind, SourceFormat, Status
from reader.detectors import SuggestionKind, best_first, suggest, suggest_article
from reader.detectors.learning import NOTHING_LEARNED, Verdict, describe
from reader.services.samples import ensure_samples
from reader.services.suggestions import (
    LEARNING_RESET_SETTING,
    SUGGESTIONS_LAYER,
    accepted,
    best_of,
    dismissed,
    learning_in,
    learning_reset_time,
    learning_summary,
    library_learning,
    plan_suggestions,
    reset_learning,
    save_suggestions,
    trigger_spans,
    undo_reset_learning,
)
from reader.storage.library import Library
from reader.storage.settings import set_setting

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
    count, _ = save_suggestions(library, article_id, suggest(TEXT, include_sourced=True))
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


# Learning from the teacher: a real library's decisions and the order suggestions come in

LESSON = (
    "The mayor's appalling plan will ruin the town.\n\n"
    "Officials made 80,000 arrests since 2019.\n\n"
    "Crime fell 40 percent last year.\n\n"
    "This disgraceful council should resign at once!\n\n"
    "The new bridge cost 40 million dollars."
)
LATER = (  # a later article: a figure scores above a loaded word
    "The shameful new budget will wreck our schools.\n\nThe new park cost 40 million dollars."
)


def imported(library: Library, markdown: str, title: str) -> int:
    meta = ArticleMeta(
        title=title, markdown=markdown, source_format=SourceFormat.MARKDOWN, source_path="/a.md"
    )
    return library.import_article(meta).article.id


def first_shown(library: Library, text: str) -> str:
    return best_first(suggest(text), text, library_learning(library))[0][0].quote


def review_lesson(library: Library) -> int:
    """Save suggestions on the first article; accept its opinions, dismiss its claims."""
    article_id = imported(library, LESSON, "Lesson")
    save_suggestions(library, article_id, suggest(LESSON))
    for suggestion in library.annotations(article_id, SUGGESTIONS_LAYER):
        if suggestion.kind is Kind.OPINION:
            library.update_annotation(accepted(suggestion))
        else:
            library.update_annotation(dismissed(suggestion))
    return article_id


def test_a_library_with_no_decisions_ranks_exactly_as_shipped(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    ensure_samples(library)  # demo flags of their own, on articles never suggested on
    article_id = imported(library, LESSON, "Lesson")
    save_suggestions(library, article_id, suggest(LESSON))  # open, not decided
    assert library_learning(library) == NOTHING_LEARNED
    found = suggest(LATER)
    assert best_first(found, LATER, library_learning(library)) == best_first(found, LATER)
    assert learning_summary(library) == [
        "Nothing learned yet: suggestions are shown in the shipped order."
    ]


def test_decisions_move_what_the_teacher_keeps_up_and_what_she_dismisses_down(
    tmp_path: Path,
) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    assert first_shown(library, LATER).startswith("The new park")  # a figure, above the opinion
    review_lesson(library)
    assert first_shown(library, LATER).startswith("The shameful new budget")
    summary = learning_summary(library)
    assert "Suggested opinions are shown more often: you kept 2 and dismissed 0." in summary
    assert "Suggested claims are shown less often: you kept 0 and dismissed 3." in summary
    found = suggest(LATER)  # only the order changes: the suggestions and scores are the model's
    assert all(s in found for s in best_first(found, LATER, library_learning(library))[0])


def test_reset_ranks_as_shipped_and_undoing_it_learns_again(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    article_id = review_lesson(library)
    found = suggest(LATER)
    learned = best_first(found, LATER, library_learning(library))
    assert learned != best_first(found, LATER)
    reset_learning(library)
    assert library_learning(library) == NOTHING_LEARNED
    assert best_first(found, LATER, library_learning(library)) == best_first(found, LATER)
    assert len(library.annotations(article_id)) == 5  # the decisions themselves are kept
    undo_reset_learning(library)
    assert best_first(found, LATER, library_learning(library)) == learned
    with library.transaction() as conn:  # decisions made after a reset count
        set_setting(conn, LEARNING_RESET_SETTING, "2000-01-01T00:00:00Z")
    assert best_first(found, LATER, library_learning(library)) == learned


def test_an_own_flag_over_an_open_suggestion_counts_as_accepting_it(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    article_id = imported(library, LESSON, "Lesson")
    save_suggestions(library, article_id, suggest(LESSON))
    text = library.article(article_id).text
    for kind, quote in ((Kind.OPINION, "appalling plan"), (Kind.UNSOURCED_CLAIM, "The mayor's")):
        start = text.index(quote)
        anchor = make_anchor(text, start, start + len(quote))
        library.add_annotation(Annotation(article_id, kind, anchor))
    learned = library_learning(library)
    assert learned.cues[(SuggestionKind.OPINION, "loaded")].kept == 1
    assert learned.kinds[SuggestionKind.OPINION].kept == 1  # accepted, in her own words
    # "The mayor's" alone is no claim the detector reads: it says nothing of the order
    assert SuggestionKind.UNSOURCED_CLAIM not in learned.kinds


def test_an_own_flag_where_nothing_was_shown_teaches_what_the_detector_reads_there(
    tmp_path: Path,
) -> None:
    """The app stores only the best suggestions: her flag on a passage ranked too low to be
    shown is a passage she wanted, and counts for its kind and the cues read in it."""
    library = Library.open(tmp_path / "lib.sqlite")
    article_id = imported(library, LESSON, "Lesson")
    text = library.article(article_id).text
    save_suggestions(library, article_id, suggest(text))
    bridge = "The new bridge cost 40 million dollars."
    for stored in library.annotations(article_id, SUGGESTIONS_LAYER):
        if stored.anchor.exact == bridge:  # as if it had not been shown
            library.delete_annotation(stored.uuid)
    start = text.index(bridge)
    anchor = make_anchor(text, start, start + len(bridge))
    library.add_annotation(Annotation(article_id, Kind.UNSOURCED_CLAIM, anchor))
    learned = library_learning(library)
    assert learned.verdicts == {Verdict.FLAGGED: 1}
    assert learned.kinds[SuggestionKind.UNSOURCED_CLAIM].kept == 1
    assert learned.cues[(SuggestionKind.UNSOURCED_CLAIM, "figure")].kept == 1


@pytest.mark.parametrize(
    "value",
    ["", "yesterday", "x" * 1_000_000, "2026-01-01 00:00:00", "2026-01-01T00:00:00Z'; --", "\0"],
)
def test_a_hostile_reset_setting_is_ignored(tmp_path: Path, value: str) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    review_lesson(library)
    expected = library_learning(library)
    with library.transaction() as conn:
        set_setting(conn, LEARNING_RESET_SETTING, value)
    assert learning_reset_time(library) == ""
    assert library_learning(library) == expected
    assert learning_summary(library) == describe(expected)


def test_learning_is_read_from_a_file_without_opening_it_as_a_library(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    review_lesson(library)
    expected = library_learning(library)
    library.close()
    assert learning_in(tmp_path / "lib.sqlite") == expected != NOTHING_LEARNED
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a library", encoding="utf-8")
    assert learning_in(junk) == NOTHING_LEARNED
    assert learning_in(tmp_path / "missing.sqlite") == NOTHING_LEARNED


def test_a_dismissal_counts_from_when_it_was_made_not_when_it_was_suggested(
    tmp_path: Path,
) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    article_id = imported(library, LESSON, "Lesson")
    save_suggestions(library, article_id, suggest(LESSON))
    old = library.annotations(article_id, SUGGESTIONS_LAYER)
    library.replace_annotations(  # suggested long ago, then learning was reset
        [s.uuid for s in old], [replace(s, updated="1999-01-01T00:00:00Z") for s in old]
    )
    with library.transaction() as conn:
        set_setting(conn, LEARNING_RESET_SETTING, "2000-01-01T00:00:00Z")
    suggestion = library.annotations(article_id, SUGGESTIONS_LAYER)[0]
    library.replace_annotations([suggestion.uuid], [dismissed(suggestion)])  # as the app does
    assert library_learning(library).kinds[SuggestionKind(suggestion.kind.value)].dropped == 1


def test_the_app_stores_the_best_with_what_the_library_learned(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    later = library.article(imported(library, LATER, "Later"))
    found = suggest_article(later, later.text, markdown=later.markdown)
    _, fresh = plan_suggestions(later, [], found)

    def shown_quotes() -> list[str]:
        shown, rest = best_of(fresh, found, later.text, library_learning(library))
        assert len(shown) + len(rest) == len(fresh)
        return [a.anchor.exact for a in shown]

    assert shown_quotes() and shown_quotes()[0].startswith("The new park")  # one is shown
    review_lesson(library)
    assert shown_quotes()[0].startswith("The shameful new budget")
