"""Attribution patterns, readable reasons and quiet headings, on sentences written for the tests."""

from __future__ import annotations

import pytest

from reader.anchoring.tokens import tokenize
from reader.detectors import Suggestion, SuggestionKind, suggest
from reader.detectors.attribution import find_attributions, find_quotes


def _sources(sentence: str) -> list[tuple[str, bool]]:
    quotes = find_quotes(sentence)
    return [(a.text, a.vague) for a in find_attributions(sentence, tokenize(sentence), quotes)]


def _kinds_at(found: list[Suggestion], words: str) -> set[SuggestionKind]:
    return {s.kind for s in found if words in s.quote}


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "The ferry will stop running for 14 weeks from June, the harbour master's office "
            "said in a statement.",
            "the harbour master's office said",
        ),
        ("The county board said in a statement that 60 posts would go.", "The county board said"),
        (
            "A spokesperson for the regional water authority said 4,200 homes lost supply.",
            "A spokesperson for the regional water authority said",
        ),
        (
            "Bus fares rise by 7 percent, according to the 2019–20 transit plan.",
            "according to the 2019–20 transit plan",
        ),
        ("The inspection report found mould in 12 of the 40 flats.", "The inspection report found"),
        (
            "Data from the port authority show container traffic fell 11 percent in 2022.",
            "Data from the port authority show",
        ),
        (
            "Invoices obtained by the Courier show the firm billed $3.4 million in 2021.",
            "Invoices obtained by the Courier show",
        ),
        ("Okafor told the Courier that the clinic saw 310 patients.", "Okafor told"),
        ("Okafor wrote in an email that the clinic saw 310 patients.", "Okafor wrote"),
        ("The clinic saw 310 patients last month, said Okafor.", "said Okafor"),
        (
            "Tomas Reyes, who has coached the team since 2015, said it won 18 games.",
            "Tomas Reyes said",
        ),
        (
            "The audit, dated April 4 and released on Friday, estimates losses of $2 million.",
            "The audit estimates",
        ),
        (
            "The harbour master declined to comment on the 14-week closure.",
            "declined to comment",
        ),
    ],
)
def test_named_sources_are_found(sentence: str, source: str) -> None:
    assert (source, False) in _sources(sentence)
    kinds = {s.kind for s in suggest(sentence, include_sourced=True)}
    assert SuggestionKind.UNSOURCED_CLAIM not in kinds


def test_inverted_verb_needs_a_source_that_ends_the_clause() -> None:
    sentence = "Dora Pike, the site's manager, said the depot moved 900 crates a day."
    assert _sources(sentence) == [("Dora Pike said", False)]


def test_vague_subjects_stay_vague() -> None:
    assert _sources("Some shopkeepers say the new parking rules hurt trade.") == [
        ("Some shopkeepers say", True)
    ]
    found = suggest("Some shopkeepers say the new parking rules cut trade by half.")
    claim = next(s for s in found if s.kind == SuggestionKind.UNSOURCED_CLAIM)
    assert "“Some shopkeepers say” does not say who exactly: the source is vague." in claim.reasons
    # a count at the start of a sentence names nobody
    assert _sources("Eight in ten nurses say their shifts run over.") == []


def test_quote_followed_by_its_speaker_in_the_next_sentence() -> None:
    text = (
        '"We handle 900 crates a day. It is the most in the region, by far." '
        "Pike said the figure had doubled since 2018."
    )
    found = suggest(text, include_sourced=True)
    quoted = [s for s in found if s.quote.startswith('"We handle')]
    assert quoted and all(s.kind == SuggestionKind.SOURCED_CLAIM for s in quoted)
    assert quoted[0].attribution == "Pike said"


def test_quoted_sentences_after_an_attributed_quote_are_not_the_writers_opinion() -> None:
    text = (
        '"The old hall is a disgrace," said Councillor Amy Lund on Monday. '
        '"Frankly, it is the worst building in town. Everybody knows it."'
    )
    found = suggest(text, include_sourced=True)
    assert SuggestionKind.OPINION not in _kinds_at(found, "worst building")
    assert SuggestionKind.UNSOURCED_CLAIM not in _kinds_at(found, "worst building")


def test_block_announced_with_a_colon_is_a_quotation() -> None:
    text = "The notice on the gym door read:\n\nClosed every Sunday from May 5. Sorry!"
    found = suggest(text, include_sourced=True)
    assert not _kinds_at(found, "Closed every Sunday") & {
        SuggestionKind.OPINION,
        SuggestionKind.UNSOURCED_CLAIM,
    }


def test_year_range_day_and_time_read_as_dates() -> None:
    found = suggest(
        "The 2019–20 season opened on Oct. 12 at 7:30 p.m. with 4,000 fans in the stands."
    )
    claim = next(s for s in found if s.kind == SuggestionKind.UNSOURCED_CLAIM)
    # dates and times are read whole, never as figures, and are no reason on their own
    assert claim.reasons == ("No source is given for the figure “4,000”.",)


def test_prediction_reason_ends_on_the_verb() -> None:
    found = suggest("These cuts will destroy small theatres across the north, mark my words.")
    opinion = next(s for s in found if s.kind == SuggestionKind.OPINION)
    assert "“will destroy” says what will happen, which nobody can know yet." in opinion.reasons


def test_abbreviations_are_not_named_people() -> None:
    found = suggest("Shipments of U.S. grain to the EU rose by 12 percent.", include_sourced=True)
    reasons = [r for s in found for r in s.reasons]
    assert not any("named people" in r for r in reasons)


def test_headings_and_list_items_need_strong_evidence() -> None:
    text = (
        "Mayor Lund’s Remarkable Gamble\n\n"
        "Mayor Lund visits the harbour on Monday\n\n"
        "The mayor’s remarkable gamble on the harbour is a disgrace."
    )
    found = suggest(text)
    assert not _kinds_at(found, "Gamble\n") and all(s.start > text.index("Monday") for s in found)
    assert SuggestionKind.OPINION in _kinds_at(found, "is a disgrace")
