"""The strip beside an article that marks its sentences with no counterpart on the other
side: a bracket over their lines with a hollow dot at the top, so it reads without colour."""

from __future__ import annotations

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
        # the lines of the first ranges, top and bottom in document coordinates, as
        # measured for one layout
        self._lines: list[tuple[int, int]] = []
        self._laid_out_for: tuple[object, ...] = ()
        self.setFixedWidth(MARGIN_WIDTH)
        self.setToolTip(ONLY_HERE_TIP)
        self.setAccessibleName("Only in this article")
        view.verticalScrollBar().valueChanged.connect(lambda _value: self.update())
        view.resized.connect(self.update)

    def set_ranges(self, ranges: list[tuple[int, int]]) -> None:
        """The document ranges of the sentences only on this side, in order."""
        self._ranges = ranges
        self._laid_out_for = ()
        self.update()

    def ranges(self) -> list[tuple[int, int]]:
        return list(self._ranges)

    def _line_extents(self, bottom: int) -> list[tuple[int, int]]:
        """Top and bottom, in document coordinates, of the lines of each range from the
        first down to ``bottom`` of the document (and one more, if laid out): measured
        once for a layout (another document, width or type measures anew), and only once
        they are shown, so the lines further down need not be laid out yet."""
        document = self._view.document()
        key = (document, self._view.viewport().width(), document.defaultFont().pointSizeF())
        if key != self._laid_out_for:
            self._lines = []
            self._laid_out_for = key
        scrolled = self._view.verticalScrollBar().value()
        # the page laid out down to the bottom: a range whose paragraph is not laid out yet
        # lies further down, and is measured later rather than laying the page out to it
        layout = document.documentLayout()
        layout.hitTest(QPointF(0, bottom), Qt.HitTestAccuracy.FuzzyHit)
        while len(self._lines) < len(self._ranges) and (
            not self._lines or self._lines[-1][0] <= bottom
        ):
            if not document.findBlock(self._ranges[len(self._lines)][0]).layout().lineCount():
                break
            start, end = self._ranges[len(self._lines)]
            self._lines.append(
                (
                    line_rect(self._view, start).top() + scrolled,
                    line_rect(self._view, end).bottom() + scrolled,
                )
            )
        return self._lines

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
        for top, bottom in self._line_extents(visible.bottom() - shift):
            top, bottom = top + shift, bottom + shift
            if bottom < visible.top() or top > visible.bottom():
                continue
            painter.drawLine(x, top + 10, x, bottom)
            painter.drawLine(x, bottom, x + 4, bottom)
            painter.drawEllipse(QPointF(x, top + 5), 3.5, 3.5)
        painter.end()
