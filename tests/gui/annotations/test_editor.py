"""The flag editor (annotations.editor): notes and tags as the user types them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.gui.shell.main_window import MainWindow
from tests.gui.conftest import add_flag, sentence, stored


def test_note_is_stored_at_the_next_turn_as_one_step(window: MainWindow, qtbot: QtBot) -> None:
    flag = add_flag(window)
    steps = window.reading.undo_stack.count()
    editor = window.annotation_pane.editor
    for word in ("saved ", "at ", "once"):
        qtbot.keyClicks(editor.note_edit, word)
        qtbot.wait(5)
        saved = stored(window, flag.uuid)
        assert saved is not None and saved.note == editor.note_edit.toPlainText()
    assert window.reading.undo_stack.count() == steps + 1
    window.reading.undo()
    undone = stored(window, flag.uuid)
    assert undone is not None and undone.note == ""


def test_tags_chosen_in_the_completion_go_to_their_own_flag(
    window: MainWindow, qtbot: QtBot
) -> None:
    first = add_flag(window, 10, 40)
    second = add_flag(window, 60, 90)
    editor = window.annotation_pane.editor
    editor.tag_completer.set_tags(["economy"])
    window.select_annotation(second.uuid)
    editor.tags_edit.setText("eco")
    editor.flush_pending_edit()
    window.select_annotation(first.uuid)
    editor.tags_edit.setFocus()
    qtbot.keyClicks(editor.tags_edit, "eco")
    assert editor.tag_completer.is_choosing()
    editor.tags_edit.editingFinished.emit()  # Return while the completions are open
    window.select_annotation(second.uuid)  # before the save's turn comes
    editor.tags_edit.setText("economy, ")  # the completion filled in, in the other flag
    qtbot.wait(20)
    other = stored(window, second.uuid)
    assert other is not None and other.tags == ["eco"]


def test_tag_chosen_from_the_completion_with_the_keyboard_is_saved(
    window: MainWindow, qtbot: QtBot
) -> None:
    tags_edit = window.annotation_pane.editor.tags_edit
    assert "statistics" in window.library.tags()  # a tag of the sample flags
    flag = add_flag(window, *sentence(window, 1))
    window.select_annotation(flag.uuid)
    tags_edit.setFocus()
    qtbot.keyClicks(tags_edit, "sta")
    popup = window.annotation_pane.editor.tag_completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible, timeout=1000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.library.annotation(flag.uuid).tags == ["statistics"])
    assert "sta" not in window.library.tags()
