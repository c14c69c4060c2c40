"""The strip beside an article that marks its sentences with no counterpart on the other
side: a bracket over their lines with a hollow dot at the top, so it reads without colour."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from reader.gui.reading.article_view import ArticleView
from reader.gui.reading.view_geometry import line_rect

MARGIN_WIDTH = 14
ONLY_HERE_TIP = "Sentences marked ○ in this margin have no counterpart in the other article"


class OnlyHereMargin(QWidget):
    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._ranges: list[tuple[int, int]] = []  # document positions, in order
        self._starts: list[int] = []
        self._ends: list[int] = []
        # the lines of the ranges (by row) measured for one layout, top and bottom in
        # document coordinates
        self._lines: dict[int, tuple[int, int]] = {}
        self._laid_out_for: tuple[object, ...] = ()
        self.setFixedWidth(MARGIN_WIDTH)
        self.setToolTip(ONLY_HERE_TIP)
        self.setAccessibleName("Only in this article")
        view.verticalScrollBar().valueChanged.connect(lambda _value: self.update())
        view.resized.connect(self.update)

    def set_ranges(self, ranges: list[tuple[int, int]]) -> None:
        """The document ranges of the sentences only on this side, in order."""
        self._ranges = ranges
        self._starts = [start for start, _end in ranges]
        self._ends = [end for _start, end in ranges]
        self._laid_out_for = ()
        self.update()

    def ranges(self) -> list[tuple[int, int]]:
        return list(self._ranges)

    def _line_extents(self, top: int, bottom: int) -> list[tuple[int, int]]:
        """Top and bottom, in document coordinates, of the lines of each range shown
        between ``top`` and ``bottom`` of the document: each measured once for a layout
        (another document, width or type measures anew), and only once it shows, so the
        lines further down need not be laid out yet."""
        document = self._view.document()
        key = (document, self._view.viewport().width(), document.defaultFont().pointSizeF())
        if key != self._laid_out_for:
            self._lines = {}
            self._laid_out_for = key
        layout = document.documentLayout()
        fuzzy = Qt.HitTestAccuracy.FuzzyHit
        first = bisect_left(self._ends, layout.hitTest(QPointF(0, top), fuzzy))
        last = bisect_right(self._starts, layout.hitTest(QPointF(0, bottom), fuzzy))
        scrolled = self._view.verticalScrollBar().value()
        for row in range(first, last):
            if row not in self._lines:
                start, end = self._ranges[row]
                self._lines[row] = (
                    line_rect(self._view, start).top() + scrolled,
                    line_rect(self._view, end).bottom() + scrolled,
                )
        return [self._lines[row] for row in range(first, last)]

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._ranges:
            return
        painter = QPainter(self)
        colour = self.palette().color(self.foregroundRole())
        painter.setPen(QPen(colour, 2))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        visible: QRect = event.rect()
        # from document coordinates to this strip's: the page's scrolling and where its
        # viewport sits beside this strip
        shift = self.mapFromGlobal(self._view.viewport().mapToGlobal(QPoint(0, 0))).y()
        shift -= self._view.verticalScrollBar().value()
        x = MARGIN_WIDTH // 2
        for top, bottom in self._line_extents(visible.top() - shift, visible.bottom() - shift):
            top, bottom = top + shift, bottom + shift
            if bottom < visible.top() or top > visible.bottom():
                continue
            painter.drawLine(x, top + 10, x, bottom)
            painter.drawLine(x, bottom, x + 4, bottom)
            painter.drawEllipse(QPointF(x, top + 5), 3.5, 3.5)
        painter.end()
