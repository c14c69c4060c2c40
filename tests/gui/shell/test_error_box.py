"""The warning dialog (shell.error_box)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.gui.shell.main_window import MainWindow


def test_error_dialog_shows_its_message_as_plain_text(window: MainWindow) -> None:
    window.show_error("cannot read <b>file</b>.html")
    assert window.error_box is not None
    assert window.error_box.textFormat() == Qt.TextFormat.PlainText
    window.error_box.close()
