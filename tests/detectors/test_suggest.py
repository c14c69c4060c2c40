from __future__ import annotations

import re

import pytest

from reader.anchoring.canonical import canonical_text
from reader.core.models import ReaderError
from reader.core.shipped import SAMPLE_ARTICLES
from reader.detectors import Suggestion, SuggestionKind, score_words, suggest
from reader.importers.articles import read_article_file

SEED = SAMPLE_ARTICLES / "el-salvador-prisons.md"


def _containing(found: list[Suggestion], kind: SuggestionKind, words: str) -> Suggestion:
    matches = [s for s in found if s.kind == kind and words in s.quote]
    assert matches, f"no {kind} suggestion containing {words!r}"
    return matches[0]


def _trigger_words(text: str, suggestion: Suggestion) -> list[str]:
    return [text[start:end] for start, end in suggestion.triggers]


@pytest.fixture(scope="module")
def seed() -> tuple[str, list[Suggestion]]:
    text = canonical_text(read_article_file(SEED).markdown)
    return text, suggest(text, include_sourced=True)


def test_seed_offsets_match_quotes_and_sorted(seed: tuple[str, list[Suggestion]]) -> None:
    text, found = seed
    assert found
    for s in found:
        assert text[s.start : s.end] == s.quote
        assert 0.0 <= s.score <= 1.0
        assert s.reasons
        for start, end in s.triggers:
            assert s.start <= start < end <= s.end
    assert [s.start for s in found] == sorted(s.start for s in found)


def test_seed_figure_without_source(seed: tuple[str, list[Suggestion]]) -> None:
    text, found = seed
    claim = _containing(found, SuggestionKind.UNSOURCED_CLAIM, "over 80,000 arrests since 2019")
    assert "No source is given for the figure “80,000”." in claim.reasons
    assert "“has been praised” does not say who exactly: the source is vague." in claim.reasons
    assert "80,000" in _trigger_words(text, claim)


def test_seed_loaded_word_and_prediction(seed: tuple[str, list[Suggestion]]) -> None:
    text, found = seed
    # also a vague attribution: one suggestion, an unsourced claim, the opinion's reason kept
    notorious = _containing(found, SuggestionKind.UNSOURCED_CLAIM, "notorious groups")
    assert (
        "It may also be an opinion: “notorious” is a loaded word: it judges as well as describes."
        in notorious.reasons
    )
    assert "notorious" in _trigger_words(text, notorious)
    changes = _containing(found, SuggestionKind.OPINION, "it changes everything")
    assert (
        "“it changes everything” says what will happen, which nobody can know yet."
        in changes.reasons
    )
    assert "it changes everything" in _trigger_words(text, changes)


def test_seed_vague_attribution_is_unsourced(seed: tuple[str, list[Suggestion]]) -> None:
    _, found = seed
    ally = _containing(found, SuggestionKind.UNSOURCED_CLAIM, "Bukele is seen as a key ally")
    assert "“is seen as” does not say who exactly: the source is vague." in ally.reasons
    assert ally.attribution == ""


def test_seed_attributed_quote_is_sourced_not_opinion(
    seed: tuple[str, list[Suggestion]],
) -> None:
    _, found = seed
    rubio = _containing(found, SuggestionKind.SOURCED_CLAIM, "whatever it may be")
    assert rubio.attribution == "Marco Rubio said"
    assert not [s for s in found if s.kind == SuggestionKind.OPINION and s.start == rubio.start]


def test_sourced_claims_only_when_asked() -> None:
    text = "Unemployment fell to 3.5 percent in 2019, the Labor Department said in a report."
    assert not [s for s in suggest(text) if s.kind == SuggestionKind.SOURCED_CLAIM]
    sourced = suggest(text, include_sourced=True)
    assert [s.kind for s in sourced] == [SuggestionKind.SOURCED_CLAIM]
    assert sourced[0].attribution == "the Labor Department said"


def test_kinds_filter() -> None:
    text = "This is a disgraceful and pathetic plan. Crime rose by 40 percent in 2021."
    only_opinion = suggest(text, kinds={SuggestionKind.OPINION})
    assert only_opinion and all(s.kind == SuggestionKind.OPINION for s in only_opinion)
    only_claims = suggest(text, kinds={SuggestionKind.UNSOURCED_CLAIM})
    assert only_claims and all(s.kind == SuggestionKind.UNSOURCED_CLAIM for s in only_claims)


def test_offsets_with_emoji_accents_and_curly_quotes() -> None:
    text = (
        "Café owners 😀 in Zürich say it’s “great”.\n\n"
        "The mayor’s terrible plan will ruin everything 🎉 for everyone!\n\n"
        "Prices rose 12% in 2023 — the largest jump since 1990."
    )
    found = suggest(text, include_sourced=True)
    assert {s.kind for s in found} >= {SuggestionKind.OPINION, SuggestionKind.UNSOURCED_CLAIM}
    for s in found:
        assert text[s.start : s.end] == s.quote
        for start, end in s.triggers:
            assert text[start:end].strip() == text[start:end] != ""
    opinion = _containing(found, SuggestionKind.OPINION, "terrible plan")
    assert "“terrible” is a loaded word: it judges as well as describes." in opinion.reasons
    claim = _containing(found, SuggestionKind.UNSOURCED_CLAIM, "Prices rose")
    assert "No source is given for the figure “12%”." in claim.reasons


def test_sentences_do_not_cross_blank_lines() -> None:
    text = "Turnout was 40 percent in 2016.\n\nTurnout was 60 percent in 2020."
    found = suggest(text, kinds={SuggestionKind.UNSOURCED_CLAIM})
    assert len(found) == 2
    assert all("\n" not in s.quote for s in found)


def test_rhetorical_question_and_second_person() -> None:
    text = "Do you really believe this terrible law will help anyone?"
    (opinion,) = suggest(text, kinds={SuggestionKind.OPINION})
    assert "It asks a question to make a point, not to get an answer." in opinion.reasons
    assert any(r.endswith("speaks to you, the reader, directly.") for r in opinion.reasons)


def test_plain_text_gives_nothing() -> None:
    assert suggest("") == []
    assert suggest("Hello.\n\nThanks.") == []


def test_too_long_text_is_refused_in_plain_words() -> None:
    with pytest.raises(ReaderError) as refused:
        suggest("a " * 1_500_000)
    assert str(refused.value) == (
        "the text is too long for suggestions: 3 million characters, at most 2 million"
    )
    with pytest.raises(ReaderError, match=r": 2,000,001 characters, at most 2 million$"):
        suggest("a" * 2_000_001)  # not "2.0 million": that would read as the limit
    with pytest.raises(ReaderError, match=r": 8\.9 million characters, at most 2 million$"):
        suggest("a" * 8_888_286)


@pytest.mark.parametrize(
    ("sentence", "winner"),
    [
        ("This shameful decision cost 300 jobs in 2023.", SuggestionKind.OPINION),
        (
            "Officials say the reckless new policy has already cost taxpayers 4 million dollars.",
            SuggestionKind.UNSOURCED_CLAIM,
        ),
    ],
)
def test_one_suggestion_per_sentence_with_every_reason(
    sentence: str, winner: SuggestionKind
) -> None:
    """A sentence both an opinion and an unsourced claim is one suggestion, of the kind
    that scores higher; the other kind's reasons follow, saying whose they are."""
    text = f"{sentence}\n\nThe council met on Tuesday."
    (opinion,) = suggest(text, kinds={SuggestionKind.OPINION})
    (claim,) = suggest(text, kinds={SuggestionKind.UNSOURCED_CLAIM})
    assert (opinion.start, opinion.end) == (claim.start, claim.end)
    (merged,) = suggest(text)
    first, other = (opinion, claim) if winner is SuggestionKind.OPINION else (claim, opinion)
    assert first.score > other.score
    assert merged.kind is winner and merged.score == first.score
    name = "opinion" if other.kind is SuggestionKind.OPINION else "unsourced claim"
    article = "an" if name[0] in "aeiou" else "a"
    lead = (
        f"It is likely {article} {name} too: "
        if score_words(other.score) == "likely"
        else f"It may also be {article} {name}: "
    )
    also = tuple(lead + r for r in other.reasons)
    assert merged.reasons == first.reasons + also
    assert set(merged.triggers) == set(opinion.triggers) | set(claim.triggers)


@pytest.mark.parametrize("sample", sorted(SAMPLE_ARTICLES.glob("*.md")), ids=lambda p: p.stem)
def test_no_sentence_of_a_sample_gets_two_suggestions(sample: object) -> None:
    from pathlib import Path

    assert isinstance(sample, Path)
    text = canonical_text(read_article_file(sample).markdown)
    passages = [(s.start, s.end) for s in suggest(text)]
    assert passages and len(passages) == len(set(passages))


def test_scare_quotes_but_not_a_quoted_term() -> None:
    sneer = "The council's “consultation” lasted a single weekend in August."
    (opinion,) = suggest(sneer, kinds={SuggestionKind.OPINION})
    assert (
        "The quotation marks around “consultation” hint that the word is not meant."
        in opinion.reasons
    )
    called = "What they called “reform” cost the town its library."
    (opinion,) = suggest(called, kinds={SuggestionKind.OPINION})
    assert "The quotation marks around “reform” hint that the word is not meant." in opinion.reasons
    mention = "The agency stopped using the word “migrant” in its press releases."
    assert not any(
        r.startswith("scare quotes")
        for s in suggest(mention, kinds={SuggestionKind.OPINION})
        for r in s.reasons
    )


def test_figures_sourced_by_the_next_sentence() -> None:
    sourced = (
        "Bus fares rose 12 percent this year. The transit authority's annual report lists "
        "the average fare at $2.80, up from $2.50."
    )
    found = suggest(sourced, include_sourced=True)
    first = _containing(found, SuggestionKind.SOURCED_CLAIM, "rose 12 percent")
    assert first.attribution.startswith("The transit authority's annual report")
    # a source for something else, without figures, does not cover the claim before it
    unsourced = "Bus fares rose 12 percent this year. The mayor said buses were her priority."
    _containing(suggest(unsourced), SuggestionKind.UNSOURCED_CLAIM, "rose 12 percent")


def test_the_headline_gets_suggestions_and_the_byline_none() -> None:
    from reader.anchoring.canonical import article_text, byline_span
    from reader.core.models import ArticleMeta, SourceFormat
    from reader.detectors import suggest_article

    meta = ArticleMeta(
        title="A disastrous, reckless plan will surely ruin our beautiful city",
        markdown="The council met on Tuesday. The plan costs 40 million dollars, the budget says.",
        source_format=SourceFormat.MARKDOWN,
        author="Prices rose 40 percent since 2019, the worst rise ever",  # a byline gone wrong
        publication="The Daily Test",
        published="2025-02-05",
    )
    text = article_text(meta, meta.markdown)
    byline = byline_span(meta)
    assert byline is not None

    def in_byline(found: list[Suggestion]) -> list[Suggestion]:
        return [s for s in found if byline[0] <= s.start < byline[1]]

    assert in_byline(suggest(text))  # read as text, it would be suggested
    found = suggest_article(meta, text, include_sourced=True)
    assert not in_byline(found)
    headline = _containing(found, SuggestionKind.OPINION, "reckless plan")
    assert headline.start == 0


def test_every_reason_is_a_sentence_about_the_passage() -> None:
    for path in sorted(SAMPLE_ARTICLES.glob("*.md")):
        text = canonical_text(read_article_file(path).markdown)
        for s in suggest(text, include_sourced=True):
            for reason in s.reasons:
                assert reason[0].isupper() or reason[0] == "“", reason
                assert reason.endswith((".", ".”")), reason
                for words in re.findall(r"“([^”]+)”", reason):
                    assert words.lower() in s.quote.lower(), (words, s.quote)
