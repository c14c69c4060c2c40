"""The Settings dialog (Edit › Settings…): one tab per subject, each a page made by its room."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget


class SettingsDialog(QDialog):
    """A page per subject, added with ``add_page``; every change is made at once, so the
    only button is Close."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.setMinimumSize(520, 380)

    def add_page(self, title: str, page: QWidget) -> None:
        self.tabs.addTab(page, title)
