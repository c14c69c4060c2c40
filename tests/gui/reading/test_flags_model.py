"""The annotation list model and its filter pass Qt's model checks and filter as asked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from reader.core.models import Anchor, Annotation, Kind, Status
from reader.gui.reading.flags_model import (
    AnnotationFilterModel,
    AnnotationListModel,
    AnnotationRole,
)

TEXT = "Officials said the plan saves millions. Critics call it a disgrace. Café 🎉 opens."


def flag(start: int, end: int, kind: Kind, **fields: object) -> Annotation:
    anchor = Anchor(start, end, TEXT[start:end])
    return Annotation(article_id=1, kind=kind, anchor=anchor, **fields)  # type: ignore[arg-type]


def sample() -> list[Annotation]:
    return [
        flag(40, 66, Kind.OPINION, note="loaded *word*", tags=["loaded"]),
        flag(0, 39, Kind.UNSOURCED_CLAIM, source="https://example.org"),
        flag(68, 81, Kind.CONTEXT_NOTE, layer="key"),
        flag(10, 20, Kind.OPINION, status=Status.ORPHANED),
    ]


def test_list_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = AnnotationListModel()
    model.set_annotations(sample())
    qtmodeltester.check(model, force_py=True)
    extra = flag(5, 9, Kind.CONTEXT_NOTE)
    model.add(extra)
    changed = flag(40, 66, Kind.CONTEXT_NOTE)
    model.update(changed)
    model.remove(extra.uuid)
    model.set_annotations([])


def test_filter_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = AnnotationListModel()
    model.set_annotations(sample())
    proxy = AnnotationFilterModel([Status.ACTIVE, Status.SUGGESTED])
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_kinds([Kind.OPINION])
    proxy.set_text("critics")
    proxy.set_layer("key")


def test_rows_are_in_reading_order_with_roles() -> None:
    model = AnnotationListModel()
    model.set_annotations(sample())
    starts = [model.index(row, 0).data(AnnotationRole.START) for row in range(model.rowCount())]
    assert starts == sorted(starts)
    first = model.index(0, 0)
    assert first.data(AnnotationRole.QUOTE) == TEXT[0:39]
    assert first.data(AnnotationRole.KIND) == Kind.UNSOURCED_CLAIM.value
    assert first.data(AnnotationRole.SOURCE) == "https://example.org"
    assert model.roleNames()[int(AnnotationRole.UUID)].data() == b"uuid"
    late = flag(70, 75, Kind.OPINION)
    model.add(late)
    assert model.row_of(late.uuid) == model.rowCount() - 1
    assert model.counts() == {Kind.UNSOURCED_CLAIM: 1, Kind.OPINION: 2, Kind.CONTEXT_NOTE: 1}


def test_filter_by_kind_layer_text_and_status() -> None:
    model = AnnotationListModel()
    model.set_annotations(sample())
    active = AnnotationFilterModel([Status.ACTIVE, Status.SUGGESTED])
    active.setSourceModel(model)
    orphans = AnnotationFilterModel([Status.ORPHANED])
    orphans.setSourceModel(model)

    def kinds(proxy: AnnotationFilterModel) -> list[str]:
        return [proxy.index(r, 0).data(AnnotationRole.KIND) for r in range(proxy.rowCount())]

    assert len(kinds(active)) == 3 and kinds(orphans) == [Kind.OPINION.value]
    active.set_kinds([Kind.OPINION])
    assert kinds(active) == [Kind.OPINION.value]
    active.set_kinds(list(Kind))
    active.set_text("LOADED")
    assert kinds(active) == [Kind.OPINION.value]
    active.set_text("")
    active.set_layer("key")
    assert kinds(active) == [Kind.CONTEXT_NOTE.value]
    active.set_layer(None)
    active.set_hidden_layers(["key"])
    assert Kind.CONTEXT_NOTE.value not in kinds(active)


def test_replace_many_or_few_keeps_reading_order_under_the_model_tester(
    qtmodeltester: ModelTester,
) -> None:
    model = AnnotationListModel()
    model.set_annotations(sample())
    qtmodeltester.check(model, force_py=True)
    first = model.annotations()[0]
    suggested = flag(first.anchor.start, first.anchor.end, first.kind, status=Status.SUGGESTED)
    model.replace([first.uuid], [suggested])  # few: row by row
    assert model.row_of(first.uuid) == -1 and model.row_of(suggested.uuid) == 0
    many = [flag(start, start + 3, Kind.OPINION) for start in range(0, 60, 4)]
    model.replace([suggested.uuid], many)  # many: one reset
    starts = [a.anchor.start for a in model.annotations()]
    assert starts == sorted(starts)
    assert model.rowCount() == len(sample()) - 1 + len(many)
    assert all(model.row_of(a.uuid) >= 0 for a in many)


def test_suggestions_say_their_score_and_reasons() -> None:
    model = AnnotationListModel()
    suggestion = flag(
        40, 66, Kind.OPINION, status=Status.SUGGESTED, score=0.72, reasons=["loaded word: disgrace"]
    )
    model.set_annotations([suggestion])
    spoken = model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert ", likely:" in spoken and "%" not in spoken and "loaded word: disgrace" in spoken
    tip = model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "“Likely”" in tip and "about 8 in 10 of the opinion suggestions" in tip


def test_cards_on_one_passage_follow_the_kinds_order() -> None:
    model = AnnotationListModel()
    same = [flag(0, 39, kind, uuid=f"uuid-{i}") for i, kind in enumerate(reversed(Kind))]
    model.set_annotations(same)
    kinds = [model.index(row, 0).data(AnnotationRole.KIND) for row in range(model.rowCount())]
    assert kinds == [kind.value for kind in Kind]
    model.set_annotations(same[:1])
    for annotation in same[1:]:
        model.add(annotation)
    kinds = [model.index(row, 0).data(AnnotationRole.KIND) for row in range(model.rowCount())]
    assert kinds == [kind.value for kind in Kind]
