"""What the undo commands report (annotations.updates): tags and counts shown at once."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from reader.gui.shell.main_window import MainWindow
from tests.gui.conftest import add_flag


def test_new_tag_filters_the_library_at_once(window: MainWindow, qtbot: QtBot) -> None:
    assert window.reading.article is not None
    add_flag(window)
    editor = window.annotation_pane.editor
    editor.tags_edit.setText("freshtag")
    editor.flush_pending_edit()
    panel = window.library_panel
    row = panel.tag_combo.findData("freshtag")
    assert row > 0
    panel.tag_combo.setCurrentIndex(row)
    assert [entry.article_id for entry in panel.entries()] == [window.reading.article.id]
    window.reading.undo()  # the tag is gone again
    assert panel.tag_combo.findData("freshtag") == -1
