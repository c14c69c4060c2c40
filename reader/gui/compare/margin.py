"""The strip beside an article that marks its sentences with no counterpart on the other
side: a bracket over their lines with a hollow dot at the top, so it reads without colour."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen, QTextCursor
from PySide6.QtWidgets import QWidget

from reader.gui.reading.article_view import ArticleView

MARGIN_WIDTH = 14
ONLY_HERE_TIP = "Sentences marked ○ in this margin have no counterpart in the other article"


class OnlyHereMargin(QWidget):
    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._ranges: list[tuple[int, int]] = []  # document positions
        self.setFixedWidth(MARGIN_WIDTH)
        self.setToolTip(ONLY_HERE_TIP)
        self.setAccessibleName("Only in this article")
        view.verticalScrollBar().valueChanged.connect(lambda _value: self.update())
        view.resized.connect(self.update)

    def set_ranges(self, ranges: list[tuple[int, int]]) -> None:
        """The document ranges of the sentences only on this side."""
        self._ranges = ranges
        self.update()

    def ranges(self) -> list[tuple[int, int]]:
        return list(self._ranges)

    def _span(self, start: int, end: int) -> tuple[int, int]:
        """Top and bottom of the lines of ``[start, end)``, in this strip's coordinates."""
        cursor = QTextCursor(self._view.document())
        cursor.setPosition(start)
        top = self._view.cursorRect(cursor).top()
        cursor.setPosition(end)
        bottom = self._view.cursorRect(cursor).bottom()
        shift = self.mapFromGlobal(self._view.viewport().mapToGlobal(QPoint(0, 0))).y()
        return top + shift, bottom + shift

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        colour = self.palette().color(self.foregroundRole())
        painter.setPen(QPen(colour, 2))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        visible: QRect = event.rect()
        x = MARGIN_WIDTH // 2
        for start, end in self._ranges:
            top, bottom = self._span(start, end)
            if bottom < visible.top() or top > visible.bottom():
                continue
            painter.drawLine(x, top + 10, x, bottom)
            painter.drawLine(x, bottom, x + 4, bottom)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(x, top + 5), 3.5, 3.5)
        painter.end()
