"""What the suggestion review draws over the article: a suggestion's trigger words, and
the tooltips that say who sources a marked claim."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QFont, QHelpEvent, QTextCharFormat, QTextCursor

from reader.core.models import Annotation
from reader.core.palette import KIND_COLOURS
from reader.gui.common.tooltips import plain_tooltip

if TYPE_CHECKING:
    from reader.gui.reading.article_view import ArticleView


class ClaimSources(Protocol):
    """Who sources the claim marked at a document position (the review knows)."""

    def sourced_claim_at(self, position: int) -> str | None: ...


class SourcedClaimTips(QObject):
    """Tooltips over the marked sourced claims of the article: their source."""

    def __init__(self, view: ArticleView, review: ClaimSources) -> None:
        super().__init__(view)
        self._view = view
        self._review = review

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        view = self._view
        position = view.cursorForPosition(event.pos()).position()
        attribution = self._review.sourced_claim_at(position)
        if attribution is None:
            return False
        from PySide6.QtWidgets import QToolTip

        source = f"“{attribution}”" if attribution else "the article"
        text = plain_tooltip(f"Sourced claim: attributed to {source}")  # the article's words
        QToolTip.showText(event.globalPos(), text, view)
        return True


def mark_triggers(view: ArticleView, annotation: Annotation) -> list[tuple[int, int]]:
    """Mark the words that made the detector suggest this passage: bold, solidly underlined.

    The marks live in the document's formats inside the passage, so the view's
    own redraw of the passage (when the selection moves on) takes them away.
    """
    from reader.services.suggestions import trigger_spans

    mark = QTextCharFormat()
    mark.setFontWeight(QFont.Weight.Bold)
    mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    mark.setUnderlineColor(QColor(KIND_COLOURS[annotation.kind]))
    cursor = QTextCursor(view.document())
    marked: list[tuple[int, int]] = []
    cursor.beginEditBlock()
    for start, end in trigger_spans(annotation):
        span = view.document_range(start, end)
        if span is None:
            continue
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(mark)
        marked.append(span)
    cursor.endEditBlock()
    return marked
