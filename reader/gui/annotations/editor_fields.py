"""What the flag editor's fields do beyond typing: undo through the window's stack, and
completion of tags."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit


class UndoRedirect(QObject):
    """Sends Ctrl+Z / Ctrl+Shift+Z in the editor fields to the window's undo stack.

    Text fields keep their own undo history otherwise, which would bypass the
    stack and so the database.
    """

    undo_requested = Signal()
    redo_requested = Signal()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo):
                self.undo_requested.emit()
                return True
            if event.matches(QKeySequence.StandardKey.Redo):
                self.redo_requested.emit()
                return True
        return False


class TagCompleter(QObject):
    """Completion of the last comma-separated tag in a line edit."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setWidget(edit)
        self._completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._completer.activated[str].connect(self._on_activated)  # type: ignore[index]
        edit.textEdited.connect(self._on_text_edited)

    def set_tags(self, tags: Sequence[str]) -> None:
        self._model.setStringList(list(tags))

    def popup(self) -> QAbstractItemView | None:
        return self._completer.popup()

    def is_choosing(self) -> bool:
        """Whether the list of completions is open (Return there picks one)."""
        popup = self._completer.popup()
        return popup is not None and popup.isVisible()

    def _on_text_edited(self, text: str) -> None:
        prefix = text.rsplit(",", 1)[-1].strip()
        popup = self._completer.popup()
        if prefix:
            self._completer.setCompletionPrefix(prefix)
        if prefix and self._completer.completionCount() > 0:
            self._completer.complete()
        elif popup is not None:
            popup.hide()

    def _on_activated(self, tag: str) -> None:
        head = self._edit.text().rsplit(",", 1)
        before = [part.strip() for part in head[0].split(",")] if len(head) == 2 else []
        self._edit.setText(", ".join([*(p for p in before if p), tag]) + ", ")
