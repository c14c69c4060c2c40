"""Icons for the three kinds and for deleting, painted with QPainter.

Each kind's icon has its colour and its underline as the article draws it (wavy,
dotted, solid), so that no meaning rests on colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from reader.core.models import Kind
from reader.core.palette import KIND_COLOURS, Theme
from reader.gui.common.highlight import HighlightStyle, draw_underline

ICON_SIZES = (16, 20, 24, 32, 48, 64)


def _kind_pixmap(kind: Kind, theme: Theme, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    color = QColor(KIND_COLOURS[kind])
    margin = size * 0.12
    # A highlighter mark: a tinted block of "text" with the kind's underline below.
    block = QRectF(margin, size * 0.16, size - 2 * margin, size * 0.46)
    tint = QColor(color)
    tint.setAlphaF(0.35)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(tint)
    painter.drawRoundedRect(block, size * 0.08, size * 0.08)
    bar = QColor(color).darker(115)
    painter.setBrush(bar)
    line_height = max(1.0, size * 0.07)
    for index, fraction in enumerate((0.78, 0.55)):
        top = block.top() + block.height() * (0.28 + 0.36 * index)
        painter.drawRoundedRect(
            QRectF(block.left() + size * 0.08, top, block.width() * fraction, line_height),
            line_height / 2,
            line_height / 2,
        )
    painter.end()
    painter = QPainter(pixmap)
    line = QLineF(margin, size * 0.8, size - margin, size * 0.8)
    draw_underline(painter, HighlightStyle(kind), theme, line, max(1.5, size / 20))
    painter.end()
    return pixmap


def kind_icon(kind: Kind, theme: Theme) -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addPixmap(_kind_pixmap(kind, theme, size))
    return icon


def color_swatch_icon(color: str, size: int = 12) -> QIcon:
    """A small round swatch, for combo boxes and menus."""
    icon = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        painter.drawEllipse(QRectF(1, 1, size * scale - 2, size * scale - 2))
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def _bin_pixmap(color: QColor, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen = QPen(color, max(1.2, size * 0.08))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    left, right = size * 0.24, size * 0.76
    lid = size * 0.26
    painter.drawLine(QPointF(size * 0.16, lid), QPointF(size * 0.84, lid))
    painter.drawLine(QPointF(size * 0.4, lid), QPointF(size * 0.43, size * 0.14))
    painter.drawLine(QPointF(size * 0.43, size * 0.14), QPointF(size * 0.57, size * 0.14))
    painter.drawLine(QPointF(size * 0.57, size * 0.14), QPointF(size * 0.6, lid))
    body = QPainterPath(QPointF(left, lid))
    body.lineTo(left + size * 0.04, size * 0.86)
    body.lineTo(right - size * 0.04, size * 0.86)
    body.lineTo(right, lid)
    painter.drawPath(body)
    for x in (0.42, 0.58):
        painter.drawLine(QPointF(size * x, size * 0.4), QPointF(size * x, size * 0.72))
    painter.end()
    return pixmap


def delete_icon(color: QColor) -> QIcon:
    """A waste bin drawn like the kind icons, in ``color`` (the toolbar's text colour)."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addPixmap(_bin_pixmap(color, size))
    return icon
