"""A flag's note rendered (common.note_widgets): CommonMark, and safe."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat
from pytestqt.qtbot import QtBot

from reader.gui.shell.main_window import MainWindow
from tests.gui.conftest import add_flag, sentence


def test_note_renders_as_commonmark_and_stays_safe(window: MainWindow, qtbot: QtBot) -> None:
    flag = add_flag(window, *sentence(window, 1))
    note = (
        "_italic_ and `code` and <b>raw</b>\n\n"
        "[bad](javascript:alert(1)) [good](https://example.org) ![pic](https://example.org/x.png)"
    )
    window.select_annotation(flag.uuid)
    editor = window.annotation_pane.editor
    editor.note_edit.setPlainText(note)
    editor.flush_pending_edit()
    window.article_view.setFocus()
    window.select_annotation(None)
    window.select_annotation(flag.uuid)
    assert not editor.is_editing_note()
    view = editor.note_view
    text = view.toPlainText()
    assert text.startswith("italic and code and <b>raw</b>")
    assert text.endswith(" good pic")  # markdown-it leaves a javascript: link as text
    document = view.document()

    def char_format(word: str) -> QTextCharFormat:
        cursor = document.find(word)
        assert not cursor.isNull()
        return cursor.charFormat()

    assert char_format("italic").fontItalic()
    assert not char_format("italic").fontUnderline()
    assert char_format("code").fontFixedPitch() or "mono" in char_format("code").fontFamilies()[0]
    assert not char_format("raw").fontWeight() > 400
    assert char_format("bad").anchorHref() == ""
    assert char_format("good").anchorHref() == "https://example.org"
    assert "img" not in document.toHtml()
