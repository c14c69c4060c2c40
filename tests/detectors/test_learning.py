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
    assert describe(learned) == [
        "Learned from 3 accepted and 3 dismissed suggestions.",
        "Suggested claims are shown less often: you kept 0 and dismissed 3.",
        "Suggested opinions are shown more often: you kept 3 and dismissed 0.",
        "Suggested opinions because of a loaded word are shown more often: you kept 3 and "
        "dismissed 0.",
        "Suggested claims because of a figure are shown less often: you kept 0 and dismissed 3.",
    ]


def test_one_decision_is_not_yet_a_lesson_and_many_stay_bounded() -> None:
    claim = next(s for s in suggest(TEXT) if s.kind is CLAIM)
    once = learn([Decision(CLAIM, Verdict.DISMISSED, ("figure",))])
    often = learn([Decision(CLAIM, Verdict.DISMISSED, ("figure",))] * 10_000)
    assert -MAX_ADJUSTMENT <= often.adjustment(claim) < once.adjustment(claim) < 0
    assert often.adjustment(claim) >= -MAX_ADJUSTMENT
    praised = learn([Decision(CLAIM, Verdict.ACCEPTED, ("figure",))] * 10_000)
    assert 0 < praised.adjustment(claim) <= MAX_ADJUSTMENT


def test_own_flags_promote_their_kind_and_cue_families_only() -> None:
    learned = learn([Decision(OPINION, Verdict.FLAGGED, ("loaded",))] * 4)
    opinion = next(s for s in suggest(TEXT) if s.kind is OPINION)
    claim = next(s for s in suggest(TEXT) if s.kind is CLAIM)
    assert learned.adjustment(opinion) > 0 == learned.adjustment(claim)
    assert learned.cue_weight(OPINION, "loaded") > 0
    assert describe(learned)[0] == "Learned from 4 passages you flagged yourself."
    mixed = learn([Decision(OPINION, Verdict.DISMISSED)] + [Decision(OPINION, Verdict.FLAGGED)])
    assert describe(mixed)[0] == (
        "Learned from 1 dismissed suggestion and 1 passage you flagged yourself."
    )


def test_a_cue_family_kept_as_often_as_its_kind_stays_where_it_was() -> None:
    """Weighed against its kind: kept about as often as the rest of its kind, a cue family
    keeps its place however often it was seen (weighed against one in two, the more often
    it was seen the lower it went, as most suggestions of a kind are dismissed)."""
    decisions = [Decision(CLAIM, Verdict.DISMISSED, ("figure",))] * 6 + [
        Decision(CLAIM, Verdict.ACCEPTED, ("figure",))
    ] * 2
    learned = learn(decisions + [Decision(CLAIM, Verdict.DISMISSED, ("named",))] * 3)
    assert abs(learned.cue_weight(CLAIM, "figure")) < 0.1  # about as often as all claims
    assert learned.cue_weight(CLAIM, "named") < -0.1  # never kept
    assert learned.cue_weight(CLAIM, "fact") == 0.0  # never decided on
    assert learned.kind_weight(CLAIM) < 0
    assert learned.kind_weight(OPINION) == 0.0
