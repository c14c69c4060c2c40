"""Settings › Suggestions: what this library's suggestions learned from the teacher, with
Forget and its undo, and whether they are locked."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.core.models import ReaderError
from reader.detectors.learning import describe
from reader.services.suggestions import (
    learning_reset_time,
    library_learning,
    reset_learning,
    undo_reset_learning,
)
from reader.storage.library import Library

INTRO = (
    "Suggest Flags shows the suggestions most worth your time first. What you accept and "
    "dismiss, and the passages you flag yourself, teach it what you look for, in this "
    "library only: the next Suggest Flags puts those first."
)
FORGOTTEN = (
    "Forgotten: suggestions are shown in the shipped order again. "
    "Your flags and decisions are kept."
)
LEARNING_AGAIN = "Learning from your earlier decisions again."
LOCKED = (
    "Suggestions are locked with a teacher's PIN: View › Unlock Suggestions… "
    "to change what they learned."
)


class SuggestionsPage(QWidget):
    """Reads what was learned from the library as it opens and after each change."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.summary = QTextBrowser()  # read-only, selectable, scrolls when long
        self.summary.setOpenLinks(False)
        self.summary.setAccessibleName("What this library has learned")
        self.forget_button = QPushButton("&Forget What Was Learned")
        self.forget_button.setToolTip(
            "Show suggestions in the shipped order again; your flags and decisions are kept"
        )
        self.undo_button = QPushButton("&Undo Forget")
        self.undo_button.setToolTip("Learn from the decisions made before Forget again")
        self.status_label = QLabel()  # what the last click did, or why it failed
        self.status_label.setWordWrap(True)
        self.lock_label = QLabel(LOCKED)
        self.lock_label.setWordWrap(True)
        self.forget_button.clicked.connect(lambda: self._change(reset_learning, FORGOTTEN))
        self.undo_button.clicked.connect(lambda: self._change(undo_reset_learning, LEARNING_AGAIN))
        buttons = QHBoxLayout()
        buttons.addWidget(self.forget_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch()
        group = QGroupBox("What this library has learned")
        inside = QVBoxLayout(group)
        inside.addWidget(self.summary)
        inside.addLayout(buttons)
        inside.addWidget(self.status_label)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(group)
        layout.addWidget(self.lock_label)
        self.refresh()

    def refresh(self) -> None:
        """The summary and the buttons as the library says now."""
        library = self._library
        learned = library_learning(library)
        first, *rest = describe(learned)
        items = "".join(f"<li>{html.escape(line)}</li>" for line in rest)
        self.summary.setHtml(f"<p>{html.escape(first)}</p><ul>{items}</ul>" if rest else first)
        locked = library.suggestions_locked()
        self.lock_label.setVisible(locked)
        self.forget_button.setEnabled(not locked and not learned.empty)
        forgotten = learning_reset_time(library)  # "2026-12-04T10:30:00Z", or ""
        self.undo_button.setEnabled(not locked and bool(forgotten))
        if forgotten and not self.status_label.text():
            self.status_label.setText(
                f"Forgotten on {forgotten[:10]}: Undo Forget learns from the decisions made "
                "before that again."
            )

    def _change(self, change: Callable[[Library], None], done: str) -> None:
        try:
            change(self._library)
        except ReaderError as error:
            self.status_label.setText(f"error: {error}: nothing was changed")
        else:
            self.status_label.setText(done)
        self.refresh()
