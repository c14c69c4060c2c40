"""Text contrast on the projector: WCAG 2's contrast ratio, and the class's heat shading
kept light enough that the words over it keep that ratio with the page's text colour."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from PySide6.QtGui import QBrush, QColor, QTextCharFormat
from PySide6.QtWidgets import QTextEdit

from reader.core.palette import THEME_COLOURS, Theme

# WCAG 2's enhanced contrast (level AAA) for body text.
BODY_CONTRAST = 7.0


def relative_luminance(colour: QColor) -> float:
    """WCAG 2's relative luminance of an sRGB colour (its alpha ignored)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """WCAG 2's contrast ratio of two opaque colours, from 1 to 21."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def blended(top: QColor, under: QColor) -> QColor:
    """``top``, translucent as its alpha says, painted over the opaque ``under``."""
    alpha = top.alphaF()
    return QColor.fromRgbF(
        *(
            mine * alpha + theirs * (1 - alpha)
            for mine, theirs in (
                (top.redF(), under.redF()),
                (top.greenF(), under.greenF()),
                (top.blueF(), under.blueF()),
            )
        )
    )


def readable_shading(
    selections: Sequence[QTextEdit.ExtraSelection], theme: Theme
) -> list[QTextEdit.ExtraSelection]:
    """The shading of ``selections`` made lighter where the text over it would fall below
    BODY_CONTRAST, each kind's shades scaled alike so that more students still shows as
    a deeper shade; and the words over it in the page's text colour.

    A shade is drawn instead of a flag's background where they meet, but the words keep
    the flag's ink: the selected flag's dark ink would be dark on dark.
    """
    ink = QBrush(QColor(THEME_COLOURS[theme].text))
    strongest: dict[int, int] = {}  # each colour's most opaque shade
    for selection in selections:
        colour = selection.format.background().color()
        strongest[colour.rgb()] = max(strongest.get(colour.rgb(), 0), colour.alpha())
    readable = []
    for selection in selections:
        colour = selection.format.background().color()
        ceiling, most = _most_alpha(colour.rgb(), theme), strongest[colour.rgb()]
        if most > ceiling:
            colour.setAlpha(round(colour.alpha() * ceiling / most))
        text_format = QTextCharFormat(selection.format)
        text_format.setBackground(QBrush(colour))
        text_format.setForeground(ink)
        changed = QTextEdit.ExtraSelection()
        changed.cursor = selection.cursor
        changed.format = text_format
        readable.append(changed)
    return readable


@lru_cache(maxsize=32)
def _most_alpha(rgb: int, theme: Theme) -> int:
    """The most opaque a shade of ``rgb`` may be on the theme's page, the text over it
    keeping BODY_CONTRAST."""
    page = QColor(THEME_COLOURS[theme].background)
    text = QColor(THEME_COLOURS[theme].text)
    shade = QColor.fromRgb(rgb)
    for alpha in range(255, -1, -1):
        shade.setAlpha(alpha)
        if contrast_ratio(blended(shade, page), text) >= BODY_CONTRAST:
            return alpha
    return 0
