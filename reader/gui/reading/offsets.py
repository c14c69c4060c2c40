"""Canonical text offsets (code points) <-> QTextDocument positions (UTF-16 units).

The canonical text is the article's blocks (the header's, then the body's) joined
by a blank line; the document shows one QTextBlock per canonical block (a code
block spans one QTextBlock per line, a hard break is U+2028 inside a block).  The
map is a sorted table of segments, each a run of text both sides hold, found by
walking the document's blocks in order; lookups bisect it.  Offsets between
segments (the block separators) snap to the nearest segment edge in the direction
asked for.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtGui import QTextDocument

from reader.anchoring.canonical import BLOCK_SEPARATOR
from reader.render.cache import SegmentData

# Qt writes a line separator for <br> and a paragraph separator between blocks of
# a selection; both stand for the canonical "\n", one position each.
_SAME_AS_NEWLINE = str.maketrans({"\u2028": "\n", "\u2029": "\n"})
# How many document blocks may be skipped (rules, empty table cells) to find a block.
_LOOKAHEAD = 64


def normalise(text: str) -> str:
    """Document text as the canonical text writes it (a one-to-one character mapping)."""
    return text.translate(_SAME_AS_NEWLINE)


def utf16_length(text: str) -> int:
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


@dataclass(frozen=True)
class Segment:
    """A run of ``length`` code points at ``canonical_start`` shown at ``document_start``
    (empty for an empty line of a code block)."""

    canonical_start: int
    document_start: int
    length: int
    # code-point indexes (within the run) of characters that take two UTF-16 units
    astral: tuple[int, ...] = ()
    # their UTF-16 indexes within the run
    astral_units: tuple[int, ...] = field(default=(), compare=False)

    @classmethod
    def of(cls, canonical_start: int, document_start: int, text: str) -> Segment:
        astral = tuple(i for i, char in enumerate(text) if ord(char) > 0xFFFF)
        units = tuple(index + count for count, index in enumerate(astral))
        return cls(canonical_start, document_start, len(text), astral, units)

    @property
    def canonical_end(self) -> int:
        return self.canonical_start + self.length

    @property
    def document_end(self) -> int:
        return self.document_start + self.length + len(self.astral)

    def to_document(self, offset: int) -> int:
        index = offset - self.canonical_start
        return self.document_start + index + bisect_left(self.astral, index)

    def to_canonical(self, position: int, forward: bool) -> int:
        unit = position - self.document_start
        inside = bisect_right(self.astral_units, unit - 2) if self.astral_units else 0
        # ``inside`` astral characters end at or before ``unit``
        index = unit - inside
        if inside < len(self.astral_units) and self.astral_units[inside] == unit - 1:
            index = unit - 1 - inside + (1 if forward else 0)  # inside a surrogate pair
        return self.canonical_start + index


class OffsetMap:
    """Two-way map between canonical offsets and document positions of one article."""

    def __init__(self, segments: Sequence[Segment], exact: bool = True) -> None:
        self.segments = list(segments)
        # False when some block's text differed and was aligned character by character
        self.exact = exact
        self._canonical_starts = [s.canonical_start for s in self.segments]
        self._document_starts = [s.document_start for s in self.segments]

    @classmethod
    def from_data(cls, segments: Sequence[SegmentData], exact: bool) -> OffsetMap:
        """The map ``to_data`` wrote (as a render cache keeps it)."""
        rebuilt = []
        for canonical_start, document_start, length, astral in segments:
            units = tuple(index + count for count, index in enumerate(astral))
            rebuilt.append(Segment(canonical_start, document_start, length, astral, units))
        return cls(rebuilt, exact)

    def to_data(self) -> list[SegmentData]:
        """The segments as plain numbers."""
        return [(s.canonical_start, s.document_start, s.length, s.astral) for s in self.segments]

    def to_document(self, offset: int, forward: bool = True) -> int | None:
        """The document position of a canonical offset.

        An offset outside every segment goes to the start of the next one (``forward``)
        or the end of the previous one; None when there is none that way.
        """
        index = bisect_right(self._canonical_starts, offset) - 1
        if index >= 0 and self._inside(offset, index, forward, canonical=True):
            return self.segments[index].to_document(offset)
        if forward:
            following = index + 1
            if following < len(self.segments):
                return self.segments[following].document_start
            return None
        return self.segments[index].document_end if index >= 0 else None

    def to_canonical(self, position: int, forward: bool = True) -> int | None:
        """The canonical offset of a document position (snapping like ``to_document``)."""
        index = bisect_right(self._document_starts, position) - 1
        if index >= 0 and self._inside(position, index, forward, canonical=False):
            return self.segments[index].to_canonical(position, forward)
        if forward:
            following = index + 1
            if following < len(self.segments):
                return self.segments[following].canonical_start
            return None
        return self.segments[index].canonical_end if index >= 0 else None

    def _inside(self, value: int, index: int, forward: bool, canonical: bool) -> bool:
        """Whether ``value`` belongs to segment ``index`` (its end, going forward, does not
        when another segment follows: an offset there starts in the next one)."""
        segment = self.segments[index]
        end = segment.canonical_end if canonical else segment.document_end
        if value < end:
            return True
        last = index + 1 == len(self.segments)
        return value == end and (not forward or last or segment.length == 0)

    def document_range(self, start: int, end: int) -> tuple[int, int] | None:
        """Document positions of canonical ``[start, end)``; None if nothing of it is shown."""
        first = self.to_document(start, forward=True)
        last = self.to_document(end, forward=False)
        if first is None or last is None or first >= last:
            return None
        return first, last

    def canonical_range(self, start: int, end: int) -> tuple[int, int] | None:
        """Canonical offsets of document ``[start, end)``; None if it holds no article text."""
        first = self.to_canonical(start, forward=True)
        last = self.to_canonical(end, forward=False)
        if first is None or last is None or first >= last:
            return None
        return first, last


def document_blocks(document: QTextDocument) -> list[tuple[int, str]]:
    """(position, text) of every block of the document, in order."""
    blocks: list[tuple[int, str]] = []
    block = document.begin()
    while block.isValid():
        blocks.append((block.position(), block.text()))
        block = block.next()
    return blocks


def build_offset_map(document: QTextDocument, canonical_blocks: Sequence[str]) -> OffsetMap:
    return align_blocks(document_blocks(document), canonical_blocks)


def align_blocks(blocks: Sequence[tuple[int, str]], canonical_blocks: Sequence[str]) -> OffsetMap:
    """Align the document's blocks with the canonical blocks, in order."""
    texts = [normalise(text) for _, text in blocks]
    cursor = 0
    segments: list[Segment] = []
    exact = True
    canonical_start = 0
    for block in canonical_blocks:
        match = _find_exact(texts, cursor, block)
        if match is not None:
            first, last = match
            offset = 0
            for j in range(first, last + 1):
                line = block[offset : offset + len(texts[j])]
                segments.append(Segment.of(canonical_start + offset, blocks[j][0], line))
                offset += len(texts[j]) + 1
            cursor = last + 1
        else:
            exact = False
            cursor = _align_approximately(blocks, texts, cursor, block, canonical_start, segments)
        canonical_start += len(block) + len(BLOCK_SEPARATOR)
    return OffsetMap(segments, exact)


def _find_exact(texts: Sequence[str], cursor: int, block: str) -> tuple[int, int] | None:
    """The first run of blocks from ``cursor`` whose lines joined by "\\n" equal ``block``."""
    for first in range(cursor, min(len(texts), cursor + _LOOKAHEAD)):
        consumed = len(texts[first])
        if not block.startswith(texts[first]):
            continue
        last = first
        while consumed < len(block) and block[consumed] == "\n" and last + 1 < len(texts):
            following = texts[last + 1]
            if not block.startswith(following, consumed + 1):
                break
            last += 1
            consumed += 1 + len(following)
        if consumed == len(block):
            return first, last
    return None


def _align_approximately(
    blocks: Sequence[tuple[int, str]],
    texts: Sequence[str],
    cursor: int,
    block: str,
    canonical_start: int,
    segments: list[Segment],
) -> int:
    """Map the characters a block and the next document blocks share; return the new cursor."""
    first = cursor
    while first < len(texts) and not texts[first].strip():
        first += 1
    if first >= len(texts):
        return cursor
    last = first
    total = len(texts[first])
    while last + 1 < len(texts) and total + 1 + len(texts[last + 1]) <= len(block):
        last += 1
        total += 1 + len(texts[last])
    line_starts: list[int] = []
    offset = 0
    for j in range(first, last + 1):
        line_starts.append(offset)
        offset += len(texts[j]) + 1
    from difflib import SequenceMatcher  # rarely needed: only for blocks Qt shows differently

    joined = "\n".join(texts[first : last + 1])
    matcher = SequenceMatcher(None, block, joined, autojunk=False)
    for a, b, size in matcher.get_matching_blocks():
        while size > 0:
            line = bisect_right(line_starts, b) - 1
            j = first + line
            column = b - line_starts[line]
            piece = min(size, len(texts[j]) - column)
            if piece > 0:
                position = blocks[j][0] + utf16_length(texts[j][:column])
                segments.append(Segment.of(canonical_start + a, position, block[a : a + piece]))
            else:
                piece = 1  # the "\n" between two lines: a separator, not a segment
            a, b, size = a + piece, b + piece, size - piece
    return last + 1
