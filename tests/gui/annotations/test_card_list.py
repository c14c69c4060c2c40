"""The flag cards: quotes, sizes kept across edits, the selected card kept in sight, and
what keeps a new flag fast with many cards (one layout, filter rows in step, counts kept)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from reader.core.models import Anchor, Annotation, Kind, Status
from reader.gui.annotations.card_delegate import CardDelegate
from reader.gui.annotations.card_text import quoted, wrap_lines
from reader.gui.annotations.pane import AnnotationPane
from reader.gui.reading.flags_model import (
    AnnotationFilterModel,
    AnnotationListModel,
    AnnotationRole,
)
from reader.gui.shell.main_window import MainWindow
from tests.gui.conftest import add_flag, sentence

TEXT = " ".join(f"Sentence number {n} says that something happened somewhere." for n in range(400))


def flags(count: int) -> list[Annotation]:
    found = []
    for n in range(count):
        start = TEXT.index(f"number {n} ")
        end = start + 20
        anchor = Anchor(start, end, TEXT[start:end])
        found.append(Annotation(article_id=1, kind=list(Kind)[n % 3], anchor=anchor))
    return found


def flag_at(n: int, kind: Kind = Kind.OPINION, **changes: object) -> Annotation:
    start = TEXT.index(f"number {n} ")
    anchor = Anchor(start, start + 18, TEXT[start : start + 18])
    annotation = Annotation(article_id=1, kind=kind, anchor=anchor)
    return dataclasses.replace(annotation, **changes)  # type: ignore[arg-type]


class CountingDelegate(CardDelegate):
    """Counts the size hints the list asks for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked = 0

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        self.asked += 1
        return CardDelegate.sizeHint(self, option, index)


def shown_pane(qtbot: QtBot, annotations: list[Annotation]) -> AnnotationPane:
    pane = AnnotationPane()
    qtbot.addWidget(pane)
    pane.resize(360, 700)
    pane.set_annotations(annotations, [])
    pane.show()
    qtbot.waitExposed(pane)
    qtbot.wait(20)
    return pane


def test_quote_marks_are_not_doubled() -> None:
    assert quoted("plain words") == "“plain words”"
    assert quoted("“In my view, no.”") == "“In my view, no.”"
    assert quoted('"Straight quotes"') == '"Straight quotes"'
    assert quoted("«Ce n’est pas ça»") == "«Ce n’est pas ça»"
    # Only an opening mark: the passage is not a whole quotation, so it is wrapped.
    assert quoted('"Yes," she said') == '“"Yes," she said”'


def test_a_note_edit_that_keeps_the_height_measures_one_card(qtbot: QtBot) -> None:
    annotations = flags(50)
    pane = shown_pane(qtbot, annotations)
    delegate = CountingDelegate()
    pane.card_list.setItemDelegate(delegate)
    pane.card_list.doItemsLayout()
    assert delegate.asked >= 50
    target = annotations[10]
    row = pane.active_filter.mapFromSource(pane.model.index(10, 0))
    height_before = pane.card_list.visualRect(row).height()

    delegate.asked = 0
    pane.update_annotation(dataclasses.replace(target, note="Short."))  # one line more
    qtbot.wait(20)
    grown = pane.card_list.visualRect(row).height()
    assert grown > height_before  # the list was laid out again: the card is taller

    delegate.asked = 0
    pane.update_annotation(dataclasses.replace(target, note="Brief."))  # same height
    qtbot.wait(20)
    assert delegate.asked < 10  # a few for that card, not one for each of the 50
    assert pane.card_list.visualRect(row).height() == grown
    shown = pane.model.annotation(target.uuid)
    assert shown is not None and shown.note == "Brief."


def test_the_selected_card_stays_in_sight_when_the_list_shrinks(qtbot: QtBot) -> None:
    annotations = flags(40)
    pane = shown_pane(qtbot, annotations)
    last = annotations[-1]
    pane.select_annotation(last.uuid)  # the editor opens below the list, which shrinks
    qtbot.wait(20)
    view = pane.card_list
    rect = view.visualRect(view.currentIndex())
    assert view.currentIndex().isValid()
    assert rect.top() >= 0 and rect.bottom() < view.viewport().height()
    view.resize(view.width(), view.height() - 150)
    rect = view.visualRect(view.currentIndex())
    assert rect.top() >= 0 and rect.bottom() < view.viewport().height()


def test_cut_reasons_keep_one_bullet_a_line(qapp: QApplication) -> None:
    reasons = "\n".join(f"• reason number {n}: a loaded word" for n in range(1, 8))
    font = QFont()
    lines = wrap_lines(reasons, font, 2000, 4)
    assert len(lines) == 4
    assert all(line.count("•") == 1 for line in lines)
    assert lines[0] == "• reason number 1: a loaded word"
    assert lines[-1].startswith("• reason number 4") and lines[-1].endswith("…")


def rows_of(proxy: AnnotationFilterModel) -> list[str]:
    return [str(proxy.index(row, 0).data(AnnotationRole.UUID)) for row in range(proxy.rowCount())]


def test_a_new_selected_flag_lays_the_list_out_once(qtbot: QtBot) -> None:
    existing = [flag_at(n) for n in range(0, 400, 2)]  # 200 cards
    pane = shown_pane(qtbot, existing)
    delegate = CountingDelegate()
    pane.card_list.setItemDelegate(delegate)
    pane.card_list.doItemsLayout()
    qtbot.wait(20)
    delegate.asked = 0
    added = flag_at(151)
    pane.add_annotation(added)
    pane.select_annotation(added.uuid)  # the editor opens below: the list gets shorter
    qtbot.wait(150)  # longer than QListView's delayed relayout after a resize
    # One size per card for the insert, a few more for the new and selected one,
    # not one layout for the insert, another for the selection, another for the resize.
    assert len(existing) + 1 <= delegate.asked < len(existing) * 3 // 2
    view = pane.card_list
    assert view.currentIndex().data(AnnotationRole.UUID) == added.uuid
    rect = view.visualRect(view.currentIndex())
    assert rect.top() >= 0 and rect.bottom() < view.viewport().height()


def test_a_narrower_list_wraps_its_cards_anew(qtbot: QtBot) -> None:
    note = "A note that wraps onto one more line in a narrower card."
    pane = shown_pane(qtbot, [flag_at(n, note=note) for n in range(5)])
    pane.resize(700, 700)
    view = pane.card_list
    qtbot.waitUntil(lambda: view.width() > 600)
    qtbot.wait(150)
    first = view.model().index(0, 0)
    wide = view.visualRect(first).height()
    width = view.width()
    pane.resize(pane.minimumSizeHint().width(), 700)
    qtbot.waitUntil(lambda: view.width() < width - 60)
    qtbot.waitUntil(lambda: view.visualRect(first).height() > wide)


def test_filter_rows_stay_in_step_with_the_source(qtbot: QtBot) -> None:
    model = AnnotationListModel()
    proxy = AnnotationFilterModel([Status.ACTIVE, Status.SUGGESTED])
    proxy.setSourceModel(model)
    model.set_annotations([flag_at(n, list(Kind)[n % 3]) for n in range(0, 30, 3)])

    def in_step() -> bool:
        shown = proxy.shown_annotations()
        return shown is not None and [a.uuid for a in shown] == rows_of(proxy)

    assert in_step()
    model.add(flag_at(4))
    model.add(flag_at(29, Kind.CONTEXT_NOTE))
    assert in_step()
    proxy.set_kinds([Kind.OPINION])
    assert in_step() and 0 < proxy.rowCount() < model.rowCount()
    model.add(flag_at(7, Kind.OPINION))
    model.add(flag_at(8, Kind.CONTEXT_NOTE))  # filtered out
    assert in_step()
    edited = next(a for a in model.annotations() if a.kind is Kind.OPINION)
    model.update(dataclasses.replace(edited, kind=Kind.UNSOURCED_CLAIM))  # leaves the filter
    assert in_step()
    model.update(dataclasses.replace(edited, kind=Kind.OPINION, note="back"))
    assert in_step()
    shown = proxy.shown_annotations()
    assert shown is not None and any(a.note == "back" for a in shown)
    model.remove(edited.uuid)
    proxy.set_kinds(list(Kind))
    proxy.set_text("number 2")
    assert in_step()
    proxy.set_text("")
    model.update(dataclasses.replace(model.annotations()[0], status=Status.ORPHANED))
    assert in_step() and proxy.rowCount() == model.rowCount() - 1


def test_counts_follow_adds_edits_and_removals(qtbot: QtBot) -> None:
    pane = AnnotationPane()
    qtbot.addWidget(pane)
    pane.set_annotations([flag_at(1, Kind.OPINION), flag_at(2, Kind.CONTEXT_NOTE)], [])
    suggestion = flag_at(3, Kind.UNSOURCED_CLAIM, status=Status.SUGGESTED, layer="suggestions")
    pane.add_annotation(suggestion)
    assert pane.model.counts() == {Kind.UNSOURCED_CLAIM: 0, Kind.OPINION: 1, Kind.CONTEXT_NOTE: 1}
    assert pane.listed_total() == 3
    assert [a.uuid for a in pane.open_suggestions()] == [suggestion.uuid]
    accepted = dataclasses.replace(suggestion, status=Status.ACTIVE, layer="mine")
    pane.update_annotation(accepted)
    assert pane.model.counts()[Kind.UNSOURCED_CLAIM] == 1
    assert pane.open_suggestions() == [] and pane.open_suggestion_count() == 0
    pane.remove_annotation(accepted.uuid)
    assert pane.model.counts()[Kind.UNSOURCED_CLAIM] == 0
    assert pane.listed_total() == 2
    assert pane.heading.text() == "Flags (2)"


def card_rects_do_not_overlap(window: MainWindow) -> bool:
    cards = window.annotation_pane.card_list
    rects = [
        cards.visualRect(cards.model().index(row, 0)) for row in range(cards.model().rowCount())
    ]
    return all(upper.bottom() < lower.top() for upper, lower in zip(rects, rects[1:], strict=False))


def test_card_grows_as_the_note_grows_and_shrinks_on_undo(window: MainWindow, qtbot: QtBot) -> None:
    first = add_flag(window, *sentence(window, 1))
    add_flag(window, *sentence(window, 3), Kind.CONTEXT_NOTE)
    window.select_annotation(first.uuid)
    pane = window.annotation_pane
    cards = pane.card_list
    index = cards.model().index(0, 0)
    assert index.data(Qt.ItemDataRole.UserRole + 1) == first.uuid
    qtbot.wait(10)
    height = cards.visualRect(index).height()
    pane.focus_note_editor()
    qtbot.keyClicks(pane.editor.note_edit, "A first line of the note")
    for line in ("second line", "third line", "fourth line"):
        qtbot.keyClick(pane.editor.note_edit, Qt.Key.Key_Return)
        qtbot.keyClicks(pane.editor.note_edit, line)
    pane.editor.flush_pending_edit()
    qtbot.waitUntil(lambda: cards.visualRect(index).height() > height, timeout=2000)
    qtbot.waitUntil(lambda: card_rects_do_not_overlap(window), timeout=2000)
    window.reading.undo()
    qtbot.waitUntil(lambda: cards.visualRect(index).height() == height, timeout=2000)
    qtbot.waitUntil(lambda: card_rects_do_not_overlap(window), timeout=2000)
