"""Character formats of highlights: each kind's colour and underline style, per theme.

A highlight is a translucent background (so the text stays readable on light and
dark pages) and an underline whose style tells the kinds apart without colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtGui import QBrush, QColor, QTextCharFormat

from reader.core.models import Kind
from reader.render.palette import KIND_COLOURS, Theme

Underline = QTextCharFormat.UnderlineStyle

KIND_UNDERLINES: dict[Kind, Underline] = {
    Kind.UNSOURCED_CLAIM: Underline.WaveUnderline,
    Kind.OPINION: Underline.DotLine,
    Kind.CONTEXT_NOTE: Underline.SingleUnderline,
}
SUGGESTION_UNDERLINE = Underline.DashUnderline

# Background opacity (0-255): a plain flag, each further flag over it, a suggestion,
# and the selected flag.  Dark pages need a little more to show the colour.
_ALPHA: dict[Theme, tuple[int, int, int, int]] = {
    Theme.LIGHT: (72, 40, 34, 150),
    Theme.DARK: (92, 44, 44, 165),
}
_MAX_ALPHA = 190
MAX_DEPTH = 4


@dataclass(frozen=True)
class HighlightStyle:
    """How one stretch of text is drawn: the kind on top and what lies under it."""

    kind: Kind
    suggested: bool = False
    selected: bool = False
    depth: int = 1  # how many flags cover the stretch


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


@lru_cache(maxsize=256)
def highlight_format(style: HighlightStyle, theme: Theme) -> QTextCharFormat:
    """The format merged over the text: background, underline style and colour."""
    text_format = QTextCharFormat()
    text_format.setBackground(QBrush(background_colour(style, theme)))
    underline = SUGGESTION_UNDERLINE if style.suggested else KIND_UNDERLINES[style.kind]
    text_format.setUnderlineStyle(underline)
    text_format.setUnderlineColor(QColor(KIND_COLOURS[style.kind]))
    return text_format
