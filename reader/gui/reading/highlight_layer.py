"""The flags drawn over one shown article: where each lies in the document, which is on
top where they overlap, the char formats that colour them, and their underlines.

Every change returns the document ranges it affects, and ``repaint`` draws those again
in one edit block: changes made together (a new flag, drawn selected) then lay the
changed lines out once.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from PySide6 import QtCore
from PySide6.QtCore import QLineF, QPointF
from PySide6.QtGui import QFontMetricsF, QTextCursor

from reader.core.models import Annotation, Status
from reader.core.palette import Theme
from reader.gui.common.highlight import (
    HighlightStyle,
    draw_underline,
    highlight_format,
    stacking_key,
    underline_thickness,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QPainter, QTextDocument, QTextLine

    from reader.gui.reading.offsets import OffsetMap

DRAWN_STATUSES = frozenset({Status.ACTIVE, Status.SUGGESTED})
FEW_RANGES = 4  # painting more ranges than this paints every flag

Interval = tuple[int, int]
Stroke = tuple[HighlightStyle, QLineF]


@dataclass(frozen=True)
class _Highlight:
    annotation: Annotation
    start: int  # document positions
    end: int
    order: int  # when it was added: flags are listed in this order

    @property
    def stacking(self) -> tuple[int, int, int, str]:
        """Sort key: the first is drawn on top (highlight.stacking_key)."""
        annotation = self.annotation
        return stacking_key(
            annotation.kind, annotation.status, self.start, self.end, annotation.uuid
        )


class HighlightLayer:
    """The active and suggested flags drawn over one document, and the selected one."""

    def __init__(
        self, document: QTextDocument, offsets: OffsetMap, text_length: int, theme: Theme
    ) -> None:
        """``document`` shows an article of ``text_length`` canonical characters, placed
        by ``offsets``, and holds no highlight yet."""
        self._document = document
        self._pristine = document.clone(document)  # the document before any highlight
        self._offsets = offsets
        self._text_length = text_length
        self._theme = theme
        self._highlights: dict[str, _Highlight] = {}
        self._next_order = 0
        self._selected_uuid: str | None = None
        # highlights sorted by start, their starts, and the longest one's length
        self._index: tuple[list[int], list[_Highlight], int] | None = None
        self._underline_width = 0.0
        self.font_changed()  # sets it

    @property
    def selected(self) -> str | None:
        return self._selected_uuid

    def annotations(self) -> list[Annotation]:
        """The flags drawn now, in the order they were added."""
        return [h.annotation for h in sorted(self._highlights.values(), key=_by_order)]

    def annotation(self, uuid: str | None) -> Annotation | None:
        """The drawn flag ``uuid`` (None if it is not drawn)."""
        highlight = self._highlights.get(uuid) if uuid is not None else None
        return None if highlight is None else highlight.annotation

    def range_of(self, uuid: str | None) -> Interval | None:
        """The document range of a drawn flag (None if it is not drawn)."""
        highlight = self._highlights.get(uuid) if uuid is not None else None
        return None if highlight is None else (highlight.start, highlight.end)

    def font_changed(self) -> None:
        """Fit the underlines to the document's type again (after a zoom)."""
        height = QFontMetricsF(self._document.defaultFont()).height()
        self._underline_width = underline_thickness(height)

    # -- changes --------------------------------------------------------------

    def show(self, annotations: Iterable[Annotation]) -> None:
        """Draw these flags on the document, which holds none yet (only active and
        suggested flags whose passage is shown are drawn)."""
        for annotation in annotations:
            self._remember(annotation)
        self._paint(_merged(self._all_ranges()), restore=False)

    def replace(self, annotations: Iterable[Annotation]) -> list[Interval]:
        """Draw these flags instead of the present ones; the ranges to paint again."""
        old = self._all_ranges()
        self._highlights = {}
        self._index = None
        for annotation in annotations:
            self._remember(annotation)
        if self._selected_uuid not in self._highlights:
            self._selected_uuid = None
        return old + self._all_ranges()

    def redraw(self, annotation: Annotation) -> list[Interval]:
        """Record the flag's new state (new, changed or no longer drawn); the ranges to
        paint again."""
        old = self._highlights.get(annotation.uuid)
        if old is not None and _drawn_alike(old.annotation, annotation):
            # A note, tag or source edit: the highlight looks the same, keep its formats
            # (and the index: it holds the old state, drawn alike).
            self._highlights[annotation.uuid] = _Highlight(
                annotation, old.start, old.end, old.order
            )
            return []
        ranges = []
        old = self._forget(annotation.uuid)
        if old is not None:
            ranges.append((old.start, old.end))
        new = self._remember(annotation, old.order if old else None)
        if new is not None:
            ranges.append((new.start, new.end))
        elif annotation.uuid == self._selected_uuid:
            self._selected_uuid = None
        return ranges

    def remove(self, uuid: str) -> list[Interval]:
        """Stop drawing a flag; the ranges to paint again."""
        old = self._forget(uuid)
        if uuid == self._selected_uuid:
            self._selected_uuid = None
        return [] if old is None else [(old.start, old.end)]

    def select(self, uuid: str | None) -> list[Interval]:
        """Draw ``uuid`` as the selected flag (no flag, if it is not drawn); the ranges to
        paint again."""
        selected = uuid if uuid in self._highlights else None
        if selected is not None and selected == self._selected_uuid:
            return []  # drawn as selected already
        spans = (self.range_of(selected), self.range_of(self._selected_uuid))
        self._selected_uuid = selected
        return [span for span in spans if span is not None]

    def repaint(self, ranges: Iterable[Interval]) -> None:
        """Redraw the highlights over these document ranges, and nothing else."""
        self._paint(_merged(ranges), restore=True)

    # -- reading --------------------------------------------------------------

    def annotation_at(self, position: int) -> str:
        """The uuid of the topmost highlight over the character at a document position."""
        covering = [h for h in self._highlights.values() if h.start <= position < h.end]
        if not covering:
            return ""
        if self._selected_uuid in {h.annotation.uuid for h in covering}:
            return str(self._selected_uuid)
        return min(covering, key=lambda h: h.stacking).annotation.uuid

    def underline_strokes(self, area: QRect, dx: int, dy: int) -> list[Stroke]:
        """The underlines to paint over ``area`` of a viewport scrolled by ``dx``, ``dy``:
        one stroke per line of each highlighted stretch, in viewport pixels."""
        if not self._highlights:
            return []
        document = self._document
        layout = document.documentLayout()
        fuzzy = QtCore.Qt.HitTestAccuracy.FuzzyHit
        first = layout.hitTest(QPointF(0, area.top() + dy), fuzzy)
        # the area's corner, not the document's width: that would lay out all of it
        last = layout.hitTest(QPointF(area.right() + dx, area.bottom() + 1 + dy), fuzzy)
        visible_start = document.findBlock(max(0, first)).position()
        last_block = document.findBlock(max(0, last))
        visible_end = last_block.position() + last_block.length()
        strokes: list[Stroke] = []
        for start, end, style in self._pieces(self._covering(visible_start, visible_end)):
            low, high = max(start, visible_start), min(end, visible_end)
            if low < high:
                strokes.extend((style, line) for line in self._lines_under(low, high, dx, dy))
        return strokes

    def draw_underlines(self, painter: QPainter, strokes: list[Stroke]) -> None:
        """Draw strokes from ``underline_strokes`` in this theme, as thick as the type asks."""
        for style, line in strokes:
            draw_underline(painter, style, self._theme, line, self._underline_width)

    # -- internals ------------------------------------------------------------

    def _remember(self, annotation: Annotation, order: int | None = None) -> _Highlight | None:
        """Record a flag to draw, if it is drawn and its passage is shown."""
        if annotation.status not in DRAWN_STATUSES:
            return None
        if not 0 <= annotation.anchor.start < annotation.anchor.end <= self._text_length:
            return None
        span = self._offsets.document_range(annotation.anchor.start, annotation.anchor.end)
        if span is None:
            return None
        if order is None:
            order = self._next_order
            self._next_order += 1
        highlight = _Highlight(annotation, span[0], span[1], order)
        self._highlights[annotation.uuid] = highlight
        if self._index is not None:
            starts, ordered, longest = self._index
            at = bisect_right(starts, highlight.start)
            starts.insert(at, highlight.start)
            ordered.insert(at, highlight)
            self._index = (starts, ordered, max(longest, highlight.end - highlight.start))
        return highlight

    def _forget(self, uuid: str) -> _Highlight | None:
        """Stop drawing a flag (its formats stay until its range is painted again)."""
        highlight = self._highlights.pop(uuid, None)
        if highlight is None or self._index is None:
            return highlight
        # The index is kept sorted rather than rebuilt: that sorts every highlight.
        # Its longest length stays an upper bound, which is all ``_covering`` needs.
        starts, ordered, _longest = self._index
        at = bisect_left(starts, highlight.start)
        while at < len(starts) and starts[at] == highlight.start:
            if ordered[at].annotation.uuid == uuid:
                del starts[at], ordered[at]
                break
            at += 1
        return highlight

    def _all_ranges(self) -> list[Interval]:
        return [(h.start, h.end) for h in self._highlights.values()]

    def _paint(self, ranges: list[Interval], restore: bool) -> None:
        """Restore ``ranges`` (disjoint, sorted) to plain text, then merge the highlights in.

        A few ranges (a flag or two changed) take only the flags over them, cut to them;
        many ranges are the ranges of every flag and take them all.
        """
        if not ranges:
            return
        clip: list[Interval] | None = None
        highlights = list(self._highlights.values())
        if len(ranges) <= FEW_RANGES:
            clip = ranges
            over = {id(h): h for start, end in clip for h in self._covering(start, end)}
            highlights = list(over.values())
        cursor = QTextCursor(self._document)
        cursor.beginEditBlock()
        if restore:
            for start, end in ranges:
                self._restore(cursor, start, end)
        for start, end, style in self._pieces(highlights):
            text_format = highlight_format(style, self._theme)
            for low, high in _clipped(start, end, clip):
                cursor.setPosition(low)
                cursor.setPosition(high, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(text_format)
        cursor.endEditBlock()

    def _restore(self, cursor: QTextCursor, start: int, end: int) -> None:
        """Give ``[start, end)`` back the formats it had before any highlight."""
        block = self._pristine.findBlock(start)
        while block.isValid() and block.position() < end:
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                low = max(start, fragment.position())
                high = min(end, fragment.position() + fragment.length())
                if low < high:
                    cursor.setPosition(low)
                    cursor.setPosition(high, QTextCursor.MoveMode.KeepAnchor)
                    cursor.setCharFormat(fragment.charFormat())
                fragments += 1
            block = block.next()

    def _pieces(self, highlights: list[_Highlight]) -> list[tuple[int, int, HighlightStyle]]:
        """Cut the highlights into stretches each covered by the same flags, with their style."""
        boundaries = sorted({h.start for h in highlights} | {h.end for h in highlights})
        by_start = sorted(highlights, key=lambda h: h.start)
        pieces: list[tuple[int, int, HighlightStyle]] = []
        active: list[_Highlight] = []
        next_index = 0
        for start, end in zip(boundaries, boundaries[1:], strict=False):
            active = [h for h in active if h.end > start]
            while next_index < len(by_start) and by_start[next_index].start <= start:
                if by_start[next_index].end > start:
                    active.append(by_start[next_index])
                next_index += 1
            if active:
                pieces.append((start, end, self._style(active)))
        return pieces

    def _style(self, covering: list[_Highlight]) -> HighlightStyle:
        selected = [h for h in covering if h.annotation.uuid == self._selected_uuid]
        top = selected[0] if selected else min(covering, key=lambda h: h.stacking)
        return HighlightStyle(
            kind=top.annotation.kind,
            suggested=top.annotation.status is Status.SUGGESTED,
            selected=bool(selected),
            depth=len(covering),
        )

    def _lines_under(self, start: int, end: int, dx: int, dy: int) -> list[QLineF]:
        """Where the text of ``[start, end)`` is underlined: one line per line of text."""
        document = self._document
        layout = document.documentLayout()
        lines: list[QLineF] = []
        block = document.findBlock(start)
        while block.isValid() and block.position() < end:
            base = block.position()
            low, high = max(start, base) - base, min(end, base + block.length() - 1) - base
            text_layout = block.layout()
            if low < high and text_layout.lineCount():
                # the layout's own origin, in document coordinates
                origin = (
                    layout.blockBoundingRect(block).topLeft() - text_layout.boundingRect().topLeft()
                )
                number = text_layout.lineForTextPosition(low).lineNumber()
                while 0 <= number < text_layout.lineCount():
                    line = text_layout.lineAt(number)
                    line_start = line.textStart()
                    if line_start >= high:
                        break
                    left = max(low, line_start)
                    right = min(high, line_start + line.textLength())
                    if left < right:
                        x1 = origin.x() + _x_of(line, left) - dx
                        x2 = origin.x() + _x_of(line, right) - dx
                        y = origin.y() + line.y() + line.ascent() + line.descent() * 0.55 - dy
                        lines.append(QLineF(min(x1, x2), y, max(x1, x2), y))
                    number += 1
            block = block.next()
        return lines

    def _covering(self, start: int, end: int) -> list[_Highlight]:
        """The highlights over any of ``[start, end)``, found in the index by start."""
        if self._index is None:
            ordered = sorted(self._highlights.values(), key=_by_start)
            longest = max((h.end - h.start for h in ordered), default=0)
            self._index = ([h.start for h in ordered], ordered, longest)
        starts, ordered, longest = self._index
        low, high = bisect_left(starts, start - longest), bisect_left(starts, end)
        return [h for h in ordered[low:high] if h.end > start]


def _merged(ranges: Iterable[Interval]) -> list[Interval]:
    merged: list[Interval] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _drawn_alike(old: Annotation, new: Annotation) -> bool:
    """Whether the two states of a flag draw the same highlight."""
    return (
        old.kind is new.kind
        and old.status is new.status
        and old.layer == new.layer
        and old.anchor.start == new.anchor.start
        and old.anchor.end == new.anchor.end
    )


def _by_order(highlight: _Highlight) -> int:
    return highlight.order


def _by_start(highlight: _Highlight) -> int:
    return highlight.start


def _x_of(line: QTextLine, position: int) -> float:
    """Where a position of the line's block lies across the line (its layout's x)."""
    x_and_position = cast(tuple[float, int], line.cursorToX(position))  # typed as object
    return x_and_position[0]


def _clipped(start: int, end: int, clip: list[Interval] | None) -> list[Interval]:
    if clip is None:
        return [(start, end)]
    pieces = [(max(start, low), min(end, high)) for low, high in clip]
    return [(low, high) for low, high in pieces if low < high]
