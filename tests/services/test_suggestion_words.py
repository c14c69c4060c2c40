"""How a suggestion is worded: its score in words, what they mean, reasons as sentences."""

from __future__ import annotations

from reader.anchoring.selectors import make_anchor
from reader.core.models import Annotation, Kind, Status
from reader.services.suggestion_words import likelihood, likelihood_tip, reason_sentence

TEXT = "The mayor said the plan is a disgrace and will cost 80,000 jobs."


def suggestion(kind: Kind, score: float | None) -> Annotation:
    return Annotation(
        article_id=1,
        kind=kind,
        anchor=make_anchor(TEXT, 0, len(TEXT)),
        status=Status.SUGGESTED,
        score=score,
    )


def test_the_score_in_words_from_the_calibration_bar() -> None:
    assert likelihood(suggestion(Kind.OPINION, 0.7)) == "likely"
    assert likelihood(suggestion(Kind.OPINION, 0.69)) == "possible"
    assert likelihood(suggestion(Kind.OPINION, None)) == ""


def test_the_tip_gives_the_measured_share_in_plain_words() -> None:
    likely = likelihood_tip(suggestion(Kind.UNSOURCED_CLAIM, 0.9))
    assert "about 8 in 10 of the claim suggestions it called “likely”" in likely
    assert "%" not in likely and "decide yourself" in likely
    assert "about half of the opinion suggestions" in likelihood_tip(suggestion(Kind.OPINION, 0.5))
    assert likelihood_tip(suggestion(Kind.CONTEXT_NOTE, 0.9)) == ""
    assert likelihood_tip(suggestion(Kind.OPINION, None)) == ""


def test_a_second_kind_reads_as_a_sentence_without_a_percentage() -> None:
    loaded = "“disgrace” is a loaded word: it judges as well as describes."
    assert reason_sentence(f"Also read as opinion (55%): {loaded}") == (
        f"It may also be an opinion: {loaded}"
    )
    figure = "No source is given for the figure “80,000”."
    assert reason_sentence(f"Also read as unsourced claim (81%): {figure}") == (
        f"It is likely an unsourced claim too: {figure}"
    )
    assert reason_sentence(figure) == figure
