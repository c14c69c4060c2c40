"""Text contrast on the projector: WCAG 2's contrast ratio; the page's colours, flags'
included, adjusted where its words would fall below it; and the class's heat shading kept
light enough that the words over it keep that ratio with the page's text colour.

Only presentation mode adjusts its page: the reading view keeps its look."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
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


def readable_page(
    document: QTextDocument, theme: Theme, spans: Iterable[tuple[int, int]] | None = None
) -> None:
    """Give each stretch of the theme's page in ``spans`` (document positions; by default
    all of it) colours whose words keep BODY_CONTRAST with what they are drawn on.

    A stretch with a background of its own (a flag's, a code block's) has it moved away
    from its words' colour: toward the page, or toward white under the selected flag's
    dark ink on a dark page. Words still short of it (muted or coloured text) are made
    deeper on a light background, brighter on a dark one.
    """
    page, text = QColor(THEME_COLOURS[theme].background), QColor(THEME_COLOURS[theme].text)
    changes: list[tuple[int, int, QTextCharFormat]] = []
    for start, end in [(0, document.characterCount())] if spans is None else spans:
        block = document.findBlock(start)
        while block.isValid() and block.position() < end:
            under = block_background(block, page)
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                low = max(start, fragment.position())
                high = min(end, fragment.position() + fragment.length())
                change = _readable_change(fragment.charFormat(), under, text)
                if low < high and change is not None:
                    changes.append((low, high, change))
                fragments += 1
            block = block.next()
    if not changes:
        return
    cursor = QTextCursor(document)
    cursor.beginEditBlock()  # the lines changed laid out once
    for low, high, change in changes:
        cursor.setPosition(low)
        cursor.setPosition(high, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(change)
    cursor.endEditBlock()


def block_background(block: QTextBlock, page: QColor) -> QColor:
    """What the block's text is drawn on: its own background (a code block's), else the
    page."""
    own = block.blockFormat().background()
    return blended(own.color(), page) if own.style() != Qt.BrushStyle.NoBrush else page


def drawn_colours(
    text_format: QTextCharFormat, page: QColor, text: QColor
) -> tuple[QColor, QColor]:
    """The opaque background and the colour that words in ``text_format`` are drawn in,
    over ``page`` (the page's colour, or a block's own) on a page whose text is ``text``."""
    background = page
    if text_format.background().style() != Qt.BrushStyle.NoBrush:
        background = blended(text_format.background().color(), page)
    ink = text
    if text_format.hasProperty(QTextFormat.Property.ForegroundBrush):
        ink = text_format.foreground().color()
    return background, ink


def _readable_change(
    text_format: QTextCharFormat, page: QColor, text: QColor
) -> QTextCharFormat | None:
    """What to merge into ``text_format`` for its words to keep BODY_CONTRAST; None when
    they do already."""
    background, ink = drawn_colours(text_format, page, text)
    own = text_format.background().style() != Qt.BrushStyle.NoBrush
    readable = _readable_colours(background.rgb(), ink.rgb(), page.rgb(), own)
    if readable == (background.rgb(), ink.rgb()):
        return None
    change = QTextCharFormat()
    if readable[0] != background.rgb():
        change.setBackground(QBrush(QColor.fromRgb(readable[0])))
    if readable[1] != ink.rgb():
        change.setForeground(QBrush(QColor.fromRgb(readable[1])))
    return change


@lru_cache(maxsize=256)
def _readable_colours(background: int, ink: int, page: int, own: bool) -> tuple[int, int]:
    """The background and ink (opaque RGB) nearest these that keep BODY_CONTRAST; the
    background is changed only if it is the text's ``own`` (not the page's)."""
    drawn_on, words, page_colour = (QColor.fromRgb(rgb) for rgb in (background, ink, page))
    if contrast_ratio(drawn_on, words) >= BODY_CONTRAST:
        return background, ink
    if own:
        pole = page_colour if contrast_ratio(page_colour, words) >= BODY_CONTRAST else None
        drawn_on = _toward(drawn_on, pole or _farthest(words), words)
    if contrast_ratio(drawn_on, words) < BODY_CONTRAST:
        words = _toward(words, _farthest(drawn_on), drawn_on)
    return drawn_on.rgb(), words.rgb()


def _toward(colour: QColor, pole: QColor, other: QColor) -> QColor:
    """``colour`` mixed with ``pole`` just enough to keep BODY_CONTRAST with ``other``
    (``pole`` itself when no mix does), in whole 8-bit channels."""
    for step in range(1, 65):
        over = QColor(pole)
        over.setAlphaF(step / 64)
        mixed = QColor.fromRgb(blended(over, colour).rgb())
        if contrast_ratio(mixed, other) >= BODY_CONTRAST:
            return mixed
    return QColor(pole)


def _farthest(colour: QColor) -> QColor:
    """White or black, whichever contrasts more with ``colour``."""
    white, black = QColor(Qt.GlobalColor.white), QColor(Qt.GlobalColor.black)
    return white if contrast_ratio(white, colour) >= contrast_ratio(black, colour) else black


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
