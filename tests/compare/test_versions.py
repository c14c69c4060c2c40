from reader.anchoring.selectors import anchor_for_quote
from reader.compare.versions import ChangeKind, FlagFate, diff_versions, text_changes
from reader.core.models import Annotation, Kind
from tests.compare.articles import BRIDGE_V1, BRIDGE_V2


def flag(text: str, quote: str) -> Annotation:
    return Annotation(1, Kind.UNSOURCED_CLAIM, anchor_for_quote(text, quote))


def test_changes_rebuild_each_version_from_the_other() -> None:
    changes = text_changes(BRIDGE_V1, BRIDGE_V2)

    old, new = BRIDGE_V1, BRIDGE_V2
    for change in changes:
        if change.kind is ChangeKind.DELETED:
            assert old[change.old_start : change.old_end] == change.text
        else:
            assert new[change.new_start : change.new_end] == change.text
    deleted = "".join(c.text for c in changes if c.kind is ChangeKind.DELETED)
    inserted = "".join(c.text for c in changes if c.kind is ChangeKind.INSERTED)
    assert "disgrace" in deleted and "disgrace" not in inserted
    assert "Traffic queued for hours" in inserted
    assert "6" in inserted and "4" in deleted


def test_flags_on_an_edited_article_are_kept_moved_or_orphaned() -> None:
    cracks = flag(BRIDGE_V1, "engineers found cracks in two supports")
    cost = flag(BRIDGE_V1, "Repairs will cost 4 million pounds")
    quote = flag(BRIDGE_V1, "This bridge is a disgrace")
    buses = flag(BRIDGE_V1, "Buses will follow a diversion")

    diff = diff_versions(BRIDGE_V1, BRIDGE_V2, [buses, quote, cost, cracks])

    fates = {change.annotation.uuid: change.fate for change in diff.flags}
    assert fates == {
        cracks.uuid: FlagFate.KEPT,  # same words, carried down by the new first line
        cost.uuid: FlagFate.MOVED,  # its figure corrected and its paragraph moved
        quote.uuid: FlagFate.ORPHANED,
        buses.uuid: FlagFate.KEPT,  # the paragraph before it moved away, it did not
    }
    assert [c.annotation.uuid for c in diff.flags] == [
        cracks.uuid,
        cost.uuid,
        quote.uuid,
        buses.uuid,
    ]
    by_uuid = {change.annotation.uuid: change for change in diff.flags}
    moved = by_uuid[cost.uuid].new
    assert moved is not None and BRIDGE_V2[moved.start : moved.end] == moved.exact
    assert moved.exact.startswith("Repairs will cost 6 million")
    assert by_uuid[quote.uuid].new is None


def test_a_paragraph_moved_whole_is_a_moved_flag() -> None:
    old = "First point here.\n\nSecond point there.\n\nThird point everywhere."
    new = "Second point there.\n\nThird point everywhere.\n\nFirst point here."

    diff = diff_versions(old, new, [flag(old, "First point here")])

    assert [change.fate for change in diff.flags] == [FlagFate.MOVED]


def test_flags_are_placed_on_the_old_version_first() -> None:
    # the library keeps each flag where it is now: on the new version
    later = flag(BRIDGE_V2, "Traffic queued for hours")
    cracks = flag(BRIDGE_V2, "engineers found cracks")

    diff = diff_versions(BRIDGE_V1, BRIDGE_V2, [later, cracks])

    # the traffic sentence is not in version 1: left out, not called orphaned
    assert [(c.annotation.uuid, c.fate) for c in diff.flags] == [(cracks.uuid, FlagFate.KEPT)]
    assert diff.flags[0].old.start == BRIDGE_V1.index("engineers found cracks")


def test_the_same_text_has_no_changes_and_keeps_every_flag() -> None:
    cracks = flag(BRIDGE_V1, "engineers found cracks")

    diff = diff_versions(BRIDGE_V1, BRIDGE_V1, [cracks])

    assert diff.changes == []
    assert [c.fate for c in diff.flags] == [FlagFate.KEPT]


def test_a_corrected_figure_is_one_word_deleted_and_one_inserted() -> None:
    old = "Repairs will cost 4 million pounds, the council said."
    new = "Repairs will cost 6 million pounds, the council said."

    changes = text_changes(old, new)

    assert [(c.kind, c.text) for c in changes] == [
        (ChangeKind.DELETED, "4 "),
        (ChangeKind.INSERTED, "6 "),
    ]
    assert changes[0].old_start == old.index("4")
    assert changes[1].new_start == new.index("6")
