"""The banner above an assignment's article: its title, due date, kinds and instructions."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from reader.gui.common.note_widgets import NoteView

if TYPE_CHECKING:
    from reader.core.models import Kind
    from reader.gui.reading.article_view import ArticleView
    from reader.storage.classroom import StoredAssignment

INSTRUCTIONS_MAX_HEIGHT = 140


class AssignmentBanner(QFrame):
    """Shown in the article view's top margin, so the article scrolls beneath it."""

    def __init__(self, view: ArticleView) -> None:
        super().__init__(view)
        self._view = view
        self.setObjectName("assignment_banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.setAccessibleName("Assignment")
        self.title_label = QLabel()
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.details_label = QLabel()
        self.details_label.setWordWrap(True)
        self.instructions = NoteView()
        self.instructions.setAccessibleName("Instructions")
        self.instructions.setFrameShape(QFrame.Shape.NoFrame)
        self.instructions.setMaximumHeight(INSTRUCTIONS_MAX_HEIGHT)
        self.instructions.viewport().setAutoFillBackground(False)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        layout.addWidget(self.title_label)
        layout.addWidget(self.details_label)
        layout.addWidget(self.instructions)
        view.resized.connect(self._on_view_resized)
        self.hide()

    def show_assignment(self, assignment: StoredAssignment | None) -> None:
        """Show the assignment above the article; None hides the banner."""
        if assignment is None:
            self.hide()
            self._view.setViewportMargins(0, 0, 0, 0)
            return
        self.title_label.setText(assignment.title)
        self.details_label.setText(details_text(assignment.kinds, assignment.due))
        has_instructions = bool(assignment.instructions.strip())
        self.instructions.setVisible(has_instructions)
        if has_instructions:
            self.instructions.set_markdown(assignment.instructions)
        self.show()
        self._place()

    def _on_view_resized(self) -> None:
        if not self.isHidden():
            self._place()

    def _place(self) -> None:
        """Over the article's viewport (the scroll bar left free), as tall as it needs."""
        frame = self._view.frameWidth()
        width = self._view.viewport().width()
        if not self.instructions.isHidden():
            margins = self._layout.contentsMargins()
            document = self.instructions.document()
            document.setTextWidth(width - margins.left() - margins.right())
            height = int(document.size().height()) + 2 * self.instructions.frameWidth()
            self.instructions.setFixedHeight(min(height, INSTRUCTIONS_MAX_HEIGHT))
        self._layout.activate()
        height = self.sizeHint().height()
        self.setGeometry(frame, frame, width, height)
        self._view.setViewportMargins(0, height, 0, 0)
        self.raise_()


def details_text(kinds: tuple[Kind, ...], due: str) -> str:
    """ "Due Thursday 10 December 2026 · Flag: unsourced claims, opinions" """
    asked = ", ".join(f"{kind.label.lower()}s" for kind in kinds)
    parts = [f"Flag: {asked}"] if asked else []
    if due:
        parts.insert(0, f"Due {due_text(due)}")
    return " · ".join(parts)


def due_text(due: str) -> str:
    try:
        day = date.fromisoformat(due)
    except ValueError:
        return due
    return f"{day:%A} {day.day} {day:%B %Y}"
