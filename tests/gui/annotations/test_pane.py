"""The flag pane (annotations.pane): its counts and kind filters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.core.models import Kind
from reader.gui.shell.main_window import MainWindow
from tests.gui.conftest import add_flag, sentence


def test_heading_counts_after_undo_delete_and_dismiss(window: MainWindow) -> None:
    pane = window.annotation_pane
    flag = add_flag(window, *sentence(window, 1))
    listed = pane.active_filter.rowCount()
    assert pane.heading.text() == f"Flags ({listed})"
    window.reading.undo()
    assert pane.heading.text() == f"Flags ({listed - 1})"
    window.reading.redo()
    window.select_annotation(flag.uuid)
    window.edits.delete_selected()
    assert pane.heading.text() == f"Flags ({listed - 1})"
    assert window.review.suggest()
    waiting = len(pane.open_suggestions())
    assert pane.heading.text() == f"Flags ({listed - 1})"  # suggestions are not flags
    window.review.dismiss(pane.open_suggestions()[0].uuid)
    assert pane.heading.text() == f"Flags ({listed - 1})"
    assert pane.suggestion_bar.count_label.text() == f"{waiting - 1} suggestions to review"
    assert f"{waiting - 1} suggestions" in window.status_label.text()


def test_kind_filter_keeps_or_lets_go_of_the_selection_without_scrolling(
    window: MainWindow, qtbot: QtBot
) -> None:
    pane = window.annotation_pane
    opinion = add_flag(window, *sentence(window, 6), Kind.OPINION)
    window.select_annotation(opinion.uuid)
    bar = window.article_view.verticalScrollBar()
    place = bar.value()
    buttons = pane.kind_buttons
    opinion_button = buttons.button(1 + list(Kind).index(Kind.OPINION))
    qtbot.mouseClick(opinion_button, Qt.MouseButton.LeftButton)
    assert pane.selected_uuid() == opinion.uuid
    assert window.article_view.selected_annotation() == opinion.uuid
    assert bar.value() == place
    context_button = buttons.button(1 + list(Kind).index(Kind.CONTEXT_NOTE))
    qtbot.mouseClick(context_button, Qt.MouseButton.LeftButton)
    assert pane.selected_uuid() is None
    assert not pane.editor.isVisible()
    assert window.article_view.selected_annotation() is None
    assert bar.value() == place
    pane.search_edit.setText("no flag says this")
    assert pane.no_match_label.isVisible()
    assert pane.no_match_label.text() == "No flags match this filter."
    pane.clear_filters()
    assert not pane.no_match_label.isVisible()
