"""A new flag in its first frame: saved, highlighted, in the focused note editor; the card
list, the counts and the actions follow at the next turn of the event loop."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.models import Kind
from reader.core.palette import Theme
from reader.gui.annotations.model import AnnotationRole
from reader.gui.library.entries import ENTRY_ROLE, Entry
from reader.gui.shell.main_window import MainWindow
from reader.storage.library import Library


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, tmp_path: Path) -> Iterator[MainWindow]:
    library = Library.open(db_path)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    shown = MainWindow(library, settings, theme=Theme.LIGHT)
    qtbot.addWidget(shown)
    shown.restore_session()
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    shown.finish_startup()
    qtbot.wait(20)
    yield shown
    library.close()


def select_sentence(window: MainWindow, number: int) -> tuple[int, int]:
    assert window.article is not None
    text = window.article.text
    start = 0
    for _ in range(number):
        start = text.index(". ", start) + 2
    end = text.index(".", start + 5) + 1
    window.article_view.select_text(start, end)
    return start, end


def current_card(window: MainWindow) -> str | None:
    index = window.annotation_pane.card_list.currentIndex()
    return str(index.data(AnnotationRole.UUID)) if index.isValid() else None


def test_keys_typed_right_after_the_flag_key_go_into_the_note(
    window: MainWindow, qtbot: QtBot
) -> None:
    view = window.article_view
    view.setFocus()
    select_sentence(window, 2)
    qtbot.keyClick(view, "1")
    editor = window.annotation_pane.editor
    flag = editor.annotation
    assert flag is not None and flag.kind is Kind.UNSOURCED_CLAIM
    assert QApplication.focusWidget() is editor.note_edit
    # Typed before the event loop turns: the card list has not caught up yet.
    assert current_card(window) != flag.uuid
    typed = "Who says so, and since when?"
    qtbot.keyClicks(QApplication.focusWidget(), typed)
    assert editor.note_edit.toPlainText() == typed
    qtbot.waitUntil(lambda: window.library.annotation(flag.uuid).note == typed, timeout=3000)
    assert current_card(window) == flag.uuid
    assert window.annotation_pane.selected_uuid() == flag.uuid


def test_the_first_frame_shows_the_flag_saved_and_highlighted_then_the_rest_follows(
    window: MainWindow, qtbot: QtBot, db_path: Path
) -> None:
    assert window.article is not None
    pane = window.annotation_pane
    listed = pane.listed_total()
    opinions = pane.model.counts()[Kind.OPINION]
    start, end = select_sentence(window, 1)
    flag = window.flag_selection(Kind.OPINION)
    assert flag is not None
    QApplication.sendPostedEvents()  # the first paint, before any timer

    other = Library.open(db_path)  # another connection: the flag is committed
    try:
        assert other.annotation(flag.uuid).anchor.exact == window.article.text[start:end]
    finally:
        other.close()
    assert window.article_view.selected_annotation() == flag.uuid
    span = window.article_view.document_range(start, end)
    assert span is not None
    assert window.article_view.annotation_at_position(span[0]) == flag.uuid
    assert pane.editor.annotation == flag and pane.editor.is_editing_note()
    assert QApplication.focusWidget() is pane.editor.note_edit

    qtbot.waitUntil(lambda: current_card(window) == flag.uuid, timeout=1000)
    qtbot.wait(10)
    assert pane.card_list.updatesEnabled()
    card = pane.card_list.visualRect(pane.card_list.currentIndex())
    assert pane.card_list.viewport().rect().contains(card)
    assert pane.heading.text() == f"Flags ({listed + 1})"
    plural = "" if opinions + 1 == 1 else "s"
    assert f"{opinions + 1} opinion{plural}" in window.status_label.text()
    panel = window.library_panel
    entries = [
        panel.list_widget.item(row).data(ENTRY_ROLE) for row in range(panel.list_widget.count())
    ]
    shown = [e for e in entries if isinstance(e, Entry) and e.article_id == window.article.id]
    assert shown and shown[0].counts[Kind.OPINION] == opinions + 1


def test_undo_before_the_card_list_catches_up_leaves_everything_consistent(
    window: MainWindow, qtbot: QtBot
) -> None:
    pane = window.annotation_pane
    select_sentence(window, 3)
    flag = window.flag_selection(Kind.CONTEXT_NOTE)
    assert flag is not None
    window.undo()  # in the same turn of the event loop
    qtbot.wait(20)
    assert pane.model.row_of(flag.uuid) == -1
    assert flag.uuid not in window.article_view.highlighted_uuids()
    assert pane.selected_uuid() is None and current_card(window) is None
    assert pane.card_list.updatesEnabled()

    window.redo()
    qtbot.waitUntil(lambda: current_card(window) == flag.uuid, timeout=1000)
    assert pane.selected_uuid() == flag.uuid
    assert window.article_view.selected_annotation() == flag.uuid


def test_a_flag_chosen_before_the_card_list_catches_up_stays_chosen(
    window: MainWindow, qtbot: QtBot
) -> None:
    select_sentence(window, 1)
    first = window.flag_selection(Kind.OPINION)
    qtbot.wait(20)
    select_sentence(window, 4)
    second = window.flag_selection(Kind.UNSOURCED_CLAIM)
    assert first is not None and second is not None
    window.select_annotation(first.uuid)  # a click on the first card, in the same turn
    qtbot.wait(20)
    assert current_card(window) == first.uuid
    assert window.annotation_pane.selected_uuid() == first.uuid
    assert window.article_view.selected_annotation() == first.uuid
    assert window.annotation_pane.card_list.updatesEnabled()
