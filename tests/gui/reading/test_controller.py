"""The reading of one article (reading.controller): its undo and redo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.core.models import Kind
from reader.gui.shell.main_window import MainWindow
from tests.gui.conftest import add_flag, sentence, stored


def test_undo_while_typing_tags_saves_them_first(window: MainWindow, qtbot: QtBot) -> None:
    flag = add_flag(window)
    editor = window.annotation_pane.editor
    editor.tags_edit.setFocus()
    qtbot.keyClicks(editor.tags_edit, "first")
    editor.source_edit.setFocus()  # tags saved: one step
    qtbot.keyClicks(editor.source_edit, "https://example.org/a")
    editor.tags_edit.setFocus()
    editor.tags_edit.clear()
    qtbot.keyClicks(editor.tags_edit, "first, second")
    qtbot.keyClick(editor.tags_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    after = stored(window, flag.uuid)
    assert after is not None
    # The typing was saved as steps of its own, and Ctrl+Z undid the last of them.
    assert after.source == "https://example.org/a"
    assert after.tags == ["first"]
    window.reading.redo()
    redone = stored(window, flag.uuid)
    assert redone is not None and redone.tags == ["first", "second"]


def test_undo_selects_the_flag_it_changes_and_says_so(window: MainWindow, qtbot: QtBot) -> None:
    far = add_flag(window, *sentence(window, 1))
    source_edit = window.annotation_pane.editor.source_edit
    source_edit.setFocus()
    qtbot.keyClicks(source_edit, "https://example.org/report")
    qtbot.keyClick(source_edit, Qt.Key.Key_Return)
    assert window.library.annotation(far.uuid).source == "https://example.org/report"
    near = add_flag(window, *sentence(window, 4), Kind.CONTEXT_NOTE)
    window.select_annotation(near.uuid)
    window.reading.undo()  # the new flag goes
    window.select_annotation(None)
    assert window.window_actions.undo.text().startswith("&Undo Edit source of flag")
    window.reading.undo()
    assert window.library.annotation(far.uuid).source == ""
    assert window.annotation_pane.selected_uuid() == far.uuid
    assert window.article_view.selected_annotation() == far.uuid
    assert window.statusBar().currentMessage().startswith("Undone: Edit source of flag")
    assert window.window_actions.redo.text().startswith("&Redo Edit source")
    assert window.window_actions.redo.iconText() == "Redo"
