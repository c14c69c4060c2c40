"""The note of a flag: its Markdown source in an editor, and the note rendered."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPalette,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextBrowser, QWidget

from reader.core.palette import Theme
from reader.gui.common.offline import offline_resource
from reader.render.header import is_safe_link

NOTE_STYLE = "code, pre { font-family: monospace; } p, ul, ol, pre { margin: 2px 0; }"
# Focus that arrives or leaves without the user moving it inside the window.
PASSING_FOCUS = frozenset(
    {
        Qt.FocusReason.ActiveWindowFocusReason,
        Qt.FocusReason.PopupFocusReason,
        Qt.FocusReason.MenuBarFocusReason,
    }
)


def note_html(markdown: str, theme: Theme) -> str:
    """A note's HTML: the article's renderer, so raw HTML stays text, images become their
    alt text and only http, https and mailto links are kept."""
    from reader.render.html import render_body_html  # markdown-it: off the start-up path

    return render_body_html(markdown, theme)


class NoteEdit(QPlainTextEdit):
    """The note's Markdown source; says when the user moves the focus away."""

    focus_left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() not in PASSING_FOCUS:
            self.focus_left.emit()


class NoteView(QTextBrowser):
    """The note rendered from Markdown; a click (not on a link), Enter or Tab into it edits it."""

    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_markdown(self, markdown: str) -> None:
        """The note rendered as CommonMark (markdown-it, raw HTML off, safe links only)."""
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        self.document().setDefaultStyleSheet(NOTE_STYLE)
        self.setHtml(note_html(markdown, Theme.DARK if dark else Theme.LIGHT))

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        return offline_resource(kind, name)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if (
            event.reason() not in PASSING_FOCUS
            and event.reason() != Qt.FocusReason.MouseFocusReason
        ):
            self.edit_requested.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        on_link = bool(self.anchorAt(event.position().toPoint()))
        selecting = self.textCursor().hasSelection()
        if event.button() == Qt.MouseButton.LeftButton and not on_link and not selecting:
            self.edit_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self.edit_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if is_safe_link(url.toString()):
            QDesktopServices.openUrl(url)
