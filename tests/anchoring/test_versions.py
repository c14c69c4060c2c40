"""The rule for an article's new version, on texts and anchors alone (no library)."""

from __future__ import annotations

import pytest

from reader.anchoring.reanchor import Method, Reanchored, SearchBudget
from reader.anchoring.selectors import anchor_for_quote, make_anchor
from reader.anchoring.versions import (
    Plan,
    StoredFlag,
    place_flags,
    plan_anchors,
    same_story,
    unplanned,
)
from reader.core.models import PROGRESS_EVERY, Anchor, Cancelled, Stage, Status

OLD = (
    "The mayor opened the new bridge on Monday. Officials said it cost 40 million dollars, "
    "far more than planned. Residents cheered as the first cars crossed the river."
)
NEW = "UPDATED: " + OLD.replace(" Residents cheered as the first cars crossed the river.", "")


def stored(uuid: str, quote: str, status: Status = Status.ACTIVE) -> StoredFlag:
    return StoredFlag(uuid, anchor_for_quote(OLD, quote), status)


def test_an_edit_is_the_same_story_and_another_article_is_not() -> None:
    assert same_story(OLD, NEW)
    assert not same_story(OLD, "Rovers beat United three goals to one in a rainy evening match.")


def test_flags_found_move_and_flags_lost_are_orphaned_not_dropped() -> None:
    flags = [
        stored("kept", "it cost 40 million dollars"),
        stored("lost", "Residents cheered"),
        stored("was-orphaned", "far more than planned", Status.ORPHANED),
    ]
    result = place_flags(flags, NEW, {}, SearchBudget())
    placed = {flag.uuid: flag for flag in result.placed}
    assert NEW[placed["kept"].anchor.start : placed["kept"].anchor.end] == (
        "it cost 40 million dollars"
    )
    assert placed["kept"].status is Status.ACTIVE
    assert placed["was-orphaned"].status is Status.ACTIVE  # found again: shown again
    assert result.orphaned == ["lost"] and result.dropped == []
    assert result.moved == 2  # both shifted by "UPDATED: "


def test_a_suggestion_that_cannot_be_found_is_dropped_not_orphaned() -> None:
    flags = [
        stored("open", "Residents cheered", Status.SUGGESTED),
        stored("dismissed", "the first cars", Status.DISMISSED),
        stored("found", "the new bridge", Status.SUGGESTED),
    ]
    result = place_flags(flags, NEW, {}, SearchBudget())
    assert result.dropped == ["open", "dismissed"] and result.orphaned == []
    assert [(flag.uuid, flag.status) for flag in result.placed] == [("found", Status.SUGGESTED)]


def test_a_flag_at_its_old_place_is_not_counted_as_moved() -> None:
    appended = OLD + " More later."
    result = place_flags([stored("same", "The mayor")], appended, {}, SearchBudget())
    assert result.moved == 0 and result.placed[0].anchor.start == 0


def test_the_plan_decides_where_a_planned_anchor_goes() -> None:
    flag = stored("kept", "it cost 40 million dollars")
    elsewhere = make_anchor(NEW, 0, len("UPDATED"))
    plan: Plan = {flag.anchor: Reanchored(elsewhere, Method.FUZZY, 0.8)}
    result = place_flags([flag], NEW, plan, SearchBudget())
    assert result.placed[0].anchor == elsewhere  # not matched again
    assert result.moved == 1


def test_planning_matches_each_passage_once_and_tells_progress() -> None:
    anchors = [anchor_for_quote(OLD, "40 million dollars")] * (PROGRESS_EVERY + 1)
    told: list[tuple[str, int, int]] = []
    plan: Plan = {}
    plan_anchors(anchors, NEW, plan, SearchBudget(), lambda *step: told.append(step))
    assert list(plan) == [anchors[0]]
    total = PROGRESS_EVERY + 1
    assert told == [
        (Stage.REANCHORING, 0, total),
        (Stage.REANCHORING, PROGRESS_EVERY, total),
        (Stage.REANCHORING, total, total),
    ]
    assert unplanned(anchors, plan) == 0
    assert unplanned([Anchor(0, 3, "The")], plan) == 1


def test_a_cancel_at_the_first_report_matches_nothing() -> None:
    anchors = [anchor_for_quote(OLD, quote) for quote in ("The mayor", "Officials said")]

    def cancel(stage: str, done: int, total: int) -> None:
        raise Cancelled

    plan: Plan = {}
    with pytest.raises(Cancelled):
        plan_anchors(anchors, NEW, plan, SearchBudget(), cancel)
    assert plan == {}


def test_a_second_plan_keeps_the_first_ones_matches() -> None:
    first = anchor_for_quote(OLD, "The mayor")
    plan: Plan = {}
    plan_anchors([first], NEW, plan, SearchBudget())
    kept = plan[first]
    added = anchor_for_quote(OLD, "Officials said")
    plan_anchors([first, added], NEW, plan, SearchBudget())
    assert plan[first] is kept and set(plan) == {first, added}
