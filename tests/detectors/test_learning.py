"""Learning from the teacher: decisions nudge the order suggestions are shown in, boundedly."""

from __future__ import annotations

from reader.detectors import Suggestion, SuggestionKind, best_first, suggest
from reader.detectors.learning import (
    CUE_LABELS,
    MAX_ADJUSTMENT,
    NOTHING_LEARNED,
    Decision,
    Learned,
    Verdict,
    describe,
    learn,
    reason_cues,
)
from reader.detectors.reasons import reason_templates

OPINION, CLAIM = SuggestionKind.OPINION, SuggestionKind.UNSOURCED_CLAIM
TEXT = (
    "The mayor's appalling plan will ruin the town.\n\n"
    "Officials made 80,000 arrests since 2019.\n\n"
    "Crime fell 40 percent last year.\n\n"
    "This disgraceful council should resign at once!\n\n"
    "The new bridge cost 40 million dollars."
)


def order(found: list[Suggestion], learned: Learned = NOTHING_LEARNED) -> list[str]:
    """Every suggestion, in the order ranking puts them."""
    text = " ".join(["word"] * 2000)  # room for all of them to be shown
    shown, _ = best_first(found, text, learned)
    return [s.quote for s in shown]


def test_every_reason_the_detector_writes_is_traced_to_its_cue_family() -> None:
    for cue, templates in reason_templates().items():
        for template in templates:
            assert reason_cues([template.format("some “odd” words")]) == (cue,)
        assert cue in CUE_LABELS
    assert reason_cues(["Also read as opinion (60%): “grim” calls something good or bad."]) == ()
    assert reason_cues(["It may also be an opinion: “grim” calls something good or bad."]) == ()
    assert reason_cues(["A note the teacher wrote.", ""]) == ()
    reasons = suggest(TEXT)[0].reasons
    assert reason_cues(reasons) == ("loaded", "prediction")


def test_nothing_learned_ranks_exactly_as_shipped() -> None:
    found = suggest(TEXT)
    assert learn([]) == NOTHING_LEARNED
    assert all(NOTHING_LEARNED.adjustment(s) == 0.0 for s in found)
    assert order(found) == [s.quote for s in sorted(found, key=lambda s: (-s.score, s.start))]
    assert describe(NOTHING_LEARNED) == [
        "Nothing learned yet: suggestions are shown in the shipped order."
    ]


def test_dismissing_a_cue_family_demotes_it_and_accepting_one_promotes_it() -> None:
    found = suggest(TEXT)
    shipped = order(found)
    assert shipped[0] == "Crime fell 40 percent last year."  # figure and comparison, 0.93
    assert shipped[-1].startswith("This disgraceful council")  # loaded word, 0.67
    learned = learn(
        [Decision(CLAIM, Verdict.DISMISSED, ("figure",))] * 3
        + [Decision(OPINION, Verdict.ACCEPTED, ("loaded",))] * 3
    )
    ranked = order(found, learned)
    assert ranked[0] == "The mayor's appalling plan will ruin the town."
    disgraceful = ranked.index("This disgraceful council should resign at once!")
    assert disgraceful < ranked.index("The new bridge cost 40 million dollars.")
    assert disgraceful < ranked.index("Officials made 80,000 arrests since 2019.")
    figures = [s for s in found if s.kind is CLAIM]
    assert all(learned.adjustment(s) < 0 for s in figures)
    lines = describe(learned)
    assert "Claims because of a figure: you kept or flagged 0 and dismissed 3, so they come " in (
        " ".join(lines)
    )
    assert any("loaded word" in line and "higher" in line for line in lines)


def test_one_decision_is_not_yet_a_lesson_and_many_stay_bounded() -> None:
    claim = next(s for s in suggest(TEXT) if s.kind is CLAIM)
    once = learn([Decision(CLAIM, Verdict.DISMISSED, ("figure",))])
    often = learn([Decision(CLAIM, Verdict.DISMISSED, ("figure",))] * 10_000)
    assert -MAX_ADJUSTMENT <= often.adjustment(claim) < once.adjustment(claim) < 0
    assert often.adjustment(claim) >= -MAX_ADJUSTMENT
    praised = learn([Decision(CLAIM, Verdict.ACCEPTED, ("figure",))] * 10_000)
    assert 0 < praised.adjustment(claim) <= MAX_ADJUSTMENT


def test_own_flags_promote_their_kind_only() -> None:
    learned = learn([Decision(OPINION, Verdict.FLAGGED)] * 4)
    opinion = next(s for s in suggest(TEXT) if s.kind is OPINION)
    claim = next(s for s in suggest(TEXT) if s.kind is CLAIM)
    assert learned.adjustment(opinion) > 0 == learned.adjustment(claim)
    assert not learned.cues
