"""The app's warning dialog: window-modal but not blocking, its text shown as written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget


def open_warning(parent: QWidget, title: str, message: str) -> QMessageBox:
    """Open the warning over ``parent``; it deletes itself once closed."""
    from PySide6.QtWidgets import QMessageBox  # dialogs: imported when first shown

    box = QMessageBox(
        QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
    )
    box.setTextFormat(QtCore.Qt.TextFormat.PlainText)  # messages quote file names, text
    box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.open()
    return box
