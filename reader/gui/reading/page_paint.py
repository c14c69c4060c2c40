"""What the article view paints over its page: the flags' underlines and, while it has
the focus, a frame in the focus colour."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from reader.core.palette import FOCUS_COLOURS, Theme
from reader.gui.reading.highlight_layer import HighlightLayer

if TYPE_CHECKING:
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QWidget

FOCUS_FRAME = 2  # pixels


def paint_underlines(
    viewport: QWidget, layer: HighlightLayer, area: QRect, scroll: tuple[int, int]
) -> None:
    """The underlines of the flags over ``area`` of the viewport, scrolled by ``scroll``."""
    strokes = layer.underline_strokes(area, *scroll)
    if not strokes:
        return
    painter = QPainter(viewport)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setClipRect(area)
    layer.draw_underlines(painter, strokes)
    painter.end()


def paint_focus_frame(viewport: QWidget, theme: Theme) -> None:
    """A FOCUS_FRAME pixels wide frame in the focus colour along the page's edges
    (inside them: the side margins keep the text clear of it)."""
    painter = QPainter(viewport)
    pen = QPen(QColor(FOCUS_COLOURS[theme]), FOCUS_FRAME)
    pen.setJoinStyle(QtCore.Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    half = FOCUS_FRAME / 2
    painter.drawRect(QRectF(viewport.rect()).adjusted(half, half, -half, -half))
    painter.end()
