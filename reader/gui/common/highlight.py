"""How highlights look: each kind's colour and underline style, per theme.

A highlight is a translucent background merged into the document's character formats
(so the text stays readable on light and dark pages), and an underline whose style
tells the kinds apart without colour. Qt draws format underlines one hairline thin,
so the view paints them itself, over the visible lines only (``draw_underline``).

Stacking, where flags overlap (``stacking_key``): the selected flag on top; then real
(active) flags above suggestions; then the shortest range; then the kind, in Kind's
order; then the uuid. Nothing depends on the order flags were added in.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from PySide6 import QtCore
from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPixmap, QTextCharFormat

from reader.core.models import Kind, Status
from reader.core.palette import KIND_COLOURS, KIND_UNDERLINE_COLOURS, SELECTED_INK, Theme


class UnderlineStyle(Enum):
    """The underline styles the view paints (not Qt's: those are a hairline)."""

    WAVE = "wave"
    DOTS = "dots"
    SOLID = "solid"
    DASHES = "dashes"


KIND_UNDERLINES: dict[Kind, UnderlineStyle] = {
    Kind.UNSOURCED_CLAIM: UnderlineStyle.WAVE,
    Kind.OPINION: UnderlineStyle.DOTS,
    Kind.CONTEXT_NOTE: UnderlineStyle.SOLID,
}
SUGGESTION_UNDERLINE = UnderlineStyle.DASHES
KIND_ORDER: dict[Kind, int] = {kind: index for index, kind in enumerate(Kind)}

# Background opacity (0-255): a plain flag, each further flag over it, a suggestion,
# and the selected flag.  Dark pages need a little more to show the colour.
_ALPHA: dict[Theme, tuple[int, int, int, int]] = {
    Theme.LIGHT: (72, 40, 34, 215),
    Theme.DARK: (92, 44, 44, 235),
}
_MAX_ALPHA = 190
MAX_DEPTH = 4


def stacking_key(
    kind: Kind, status: Status, start: int, end: int, uuid: str
) -> tuple[int, int, int, str]:
    """Sort key of overlapping flags: the smallest is drawn on top (see the module doc)."""
    return (0 if status is Status.ACTIVE else 1, end - start, KIND_ORDER[kind], uuid)


@dataclass(frozen=True)
class HighlightStyle:
    """How one stretch of text is drawn: the flag on top and how many lie under it."""

    kind: Kind
    suggested: bool = False
    selected: bool = False
    depth: int = 1  # how many flags cover the stretch

    @property
    def underline(self) -> UnderlineStyle:
        return SUGGESTION_UNDERLINE if self.suggested else KIND_UNDERLINES[self.kind]


def background_colour(style: HighlightStyle, theme: Theme) -> QColor:
    plain, step, suggestion, selected = _ALPHA[theme]
    if style.selected:
        alpha = selected
    else:
        alpha = suggestion if style.suggested else plain
        alpha = min(_MAX_ALPHA, alpha + step * (min(style.depth, MAX_DEPTH) - 1))
    colour = QColor(KIND_COLOURS[style.kind])
    colour.setAlpha(alpha)
    return colour


def underline_colour(style: HighlightStyle, theme: Theme) -> QColor:
    """The kind's deeper (light page) or brighter (dark page) shade; ink when selected."""
    if style.selected:
        return QColor(SELECTED_INK)
    return QColor(KIND_UNDERLINE_COLOURS[theme][style.kind])


@lru_cache(maxsize=256)
def highlight_format(style: HighlightStyle, theme: Theme) -> QTextCharFormat:
    """The format merged over the text: the background, and dark ink when selected.

    It also clears Qt's own underline (a link's, say): the view paints the kind's.
    """
    text_format = QTextCharFormat()
    text_format.setBackground(QBrush(background_colour(style, theme)))
    text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)
    if style.selected:
        text_format.setForeground(QBrush(QColor(SELECTED_INK)))
    return text_format


def underline_thickness(line_height: float) -> float:
    """Pen width of the painted underlines for text whose lines are this tall (pixels)."""
    return max(1.5, round(line_height / 9, 1))


def draw_underline(
    painter: QPainter, style: HighlightStyle, theme: Theme, line: QLineF, thickness: float
) -> None:
    """Paint the style's underline along the horizontal ``line`` (viewport pixels)."""
    colour = underline_colour(style, theme)
    kind = style.underline
    if kind == UnderlineStyle.WAVE:
        tile = _wave_tile(colour.rgba(), thickness, painter.device().devicePixelRatioF())
        height = tile.height() / tile.devicePixelRatio()
        area = QRectF(line.x1(), line.y1() - height / 2, line.length(), height)
        # the tile's phase follows x, so waves of neighbouring pieces join up
        period = tile.width() / tile.devicePixelRatio()
        painter.drawTiledPixmap(area, tile, QPointF(line.x1() % period, 0))
        return
    painter.setPen(_pen(colour.rgba(), thickness, kind))
    painter.drawLine(line)


@lru_cache(maxsize=64)
def _pen(rgba: int, thickness: float, kind: UnderlineStyle) -> QPen:
    pen = QPen(QColor.fromRgba(rgba), thickness)
    if kind == UnderlineStyle.DOTS:
        pen.setCapStyle(QtCore.Qt.PenCapStyle.RoundCap)
        pen.setDashPattern([0.01, 2.2])  # in pen widths: round dots, a dot's width apart
    elif kind == UnderlineStyle.DASHES:
        pen.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)
        pen.setDashPattern([3.0, 2.0])
    else:
        pen.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)
    return pen


@lru_cache(maxsize=32)
def _wave_tile(rgba: int, thickness: float, pixel_ratio: float) -> QPixmap:
    """One period of the wave, to tile along a line."""
    period = round(thickness * 4.5)
    amplitude = thickness * 0.9
    height = math.ceil(2 * amplitude + thickness + 1)
    tile = QPixmap(round(period * pixel_ratio), round(height * pixel_ratio))
    tile.setDevicePixelRatio(pixel_ratio)
    tile.fill(QColor(0, 0, 0, 0))
    middle = height / 2
    # drawn beyond both edges and cut by them, so that tiles join without a notch
    path = QPainterPath(QPointF(-period, middle))
    steps = 72
    for step in range(1, steps + 1):
        x = period * (3 * step / steps - 1)
        path.lineTo(x, middle - amplitude * math.sin(2 * math.pi * x / period))
    painter = QPainter(tile)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen = QPen(QColor.fromRgba(rgba), thickness)
    pen.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    painter.drawPath(path)
    painter.end()
    return tile
