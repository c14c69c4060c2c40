"""Untrusted text in tooltips (common.tooltips), shown as written."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from reader.core.models import ArticleMeta, SourceFormat
from reader.gui.shell.main_window import MainWindow
from tests.gui.conftest import add_flag


def shown_as(tooltip: str) -> str:
    """What a tooltip shows: Qt renders it as HTML when it looks like HTML."""
    document = QTextDocument()
    if QtGui.Qt.mightBeRichText(tooltip):
        document.setHtml(tooltip)
    else:
        document.setPlainText(tooltip)
    return document.toPlainText()


def test_tooltips_show_notes_and_titles_as_written(window: MainWindow, qtbot: QtBot) -> None:
    library = window.library
    flag = add_flag(window)
    editor = window.annotation_pane.editor
    note = "a < b and c > d <img src='/etc/passwd'>"
    editor.note_edit.setPlainText(note)
    editor.flush_pending_edit()
    model = window.annotation_pane.model
    row = model.row_of(flag.uuid)
    tip = model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert shown_as(tip) == f"Opinion: {note}"
    title = "Cats <b>and</b> dogs"
    meta = ArticleMeta(title=title, markdown="Some text.", source_format=SourceFormat.MARKDOWN)
    library.import_article(meta)
    panel = window.library_panel
    panel.reload()
    tips = [panel.list_widget.item(r).toolTip() for r in range(panel.list_widget.count())]
    assert title in [shown_as(t) for t in tips]
