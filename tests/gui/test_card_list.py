"""The flag cards: quotes, sizes kept across edits, the selected card kept in sight."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from reader.core.models import Anchor, Annotation, Kind
from reader.gui.annotation_pane import AnnotationPane
from reader.gui.card_delegate import CardDelegate, quoted, wrap_lines

TEXT = " ".join(f"Sentence number {n} says that something happened somewhere." for n in range(60))


def flags(count: int) -> list[Annotation]:
    found = []
    for n in range(count):
        start = TEXT.index(f"number {n} ")
        end = start + 20
        anchor = Anchor(start, end, TEXT[start:end])
        found.append(Annotation(article_id=1, kind=list(Kind)[n % 3], anchor=anchor))
    return found


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
