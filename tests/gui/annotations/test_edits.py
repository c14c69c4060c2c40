"""The user's flag edits (annotations.edits), driven through the window."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from reader.gui.shell.main_window import MainWindow
from tests.gui.conftest import add_flag, stored


@pytest.mark.parametrize("by_button", [False, True])
def test_note_typed_just_before_delete_comes_back_with_undo(
    window: MainWindow, qtbot: QtBot, by_button: bool
) -> None:
    flag = add_flag(window)
    editor = window.annotation_pane.editor
    qtbot.keyClicks(editor.note_edit, "typed then deleted")
    if by_button:
        editor.delete_button.click()
    else:
        window.edits.delete_selected()
    assert window.error_box is None
    assert stored(window, flag.uuid) is None
    window.reading.undo()
    back = stored(window, flag.uuid)
    assert back is not None and back.note == "typed then deleted"
    assert window.error_box is None
