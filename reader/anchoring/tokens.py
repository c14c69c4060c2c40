"""Sentences and word tokens of canonical text, with exact code-point offsets.

Shared by the detectors and the class matching, so it sits with the canonical text.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import pysbd

# Blocks of canonical text are joined by a blank line; a sentence never crosses one.
_BLOCK_SEPARATOR = re.compile(r"\n[ \t]*\n\s*")
# a numeric range ("2025–26", "5–2", "10-15") is one token, so it reads as one figure or date
_TOKEN = re.compile(
    r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
    r"|\d+(?:[.,:]\d+)*(?:[–-]\d+(?:[.,:]\d+)*(?![\w–-]))?%?"
    r"|[$€£%]"
)
# Where a sentence could end inside a block: without one, the block is one sentence and
# the segmenter (most of suggest()'s time) is not asked.
# (pysbd also splits a closing quote or bracket after the last stop into a piece of its own)
_INNER_BREAK = re.compile(r"[.!?…;:\n)\]](?:\S*\s|\S+$)")
# A full stop that ends a sentence whatever surrounds it: after a lower-case word of three
# letters or more, before a capitalised word.  A block is cut there first and the
# segmenter, whose time grows with its input, is only handed the pieces that still
# could hold a break (``benchmarks/compare_splits.py`` checks that no split changes).
_SURE_STOP = re.compile(r"(?<!\S)([a-z]{3,})\.(?= [A-Z][a-z])")
# Between quotes or brackets the segmenter keeps a span whole (pairing an opening with
# the next closing, as these do): a stop there, or before one left open, is not sure.
_PAIRS = (('"', '"'), ("\u201c", "\u201d"), ("(", ")"), ("[", "]"), ("\u00ab", "\u00bb"))
_BETWEEN = tuple(re.compile(f"{re.escape(a)}[^{re.escape(b)}]*{re.escape(b)}") for a, b in _PAIRS)
_UNSURE = re.compile(r"\u2018|(?<!\S)'|--")
_YEAR = re.compile(r"(?:1[89]\d\d|20\d\d)(?:[–-](?:\d\d|1[89]\d\d|20\d\d))?")
# The rules of ``block_sentences`` as kept with its stored results (the library keeps each
# text's split): raise the number whenever a change here could split a text differently.
SPLIT_RULES = 2
# The segmenter's time grows with the square of what it is handed (a hostile paragraph of
# many "Wow! " took minutes): a longer piece is cut first after a likely sentence end.
# News paragraphs are far shorter, so their splits do not change.
_LONGEST_PIECE = 3000
_LIKELY_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")

Blocks = list[list[tuple[int, int]]]  # the sentence spans of each block of a text, in order


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    norm: str  # lower case, straight apostrophes; numbers folded to <year>, <pct> or <num>
    start: int
    end: int

    @property
    def is_number(self) -> bool:
        return self.norm in ("<num>", "<pct>", "<year>")

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


# words repeat: an article's few thousand tokens have a few hundred distinct forms
@lru_cache(maxsize=1 << 16)
def _normalise(word: str) -> str:
    if word[:1].isdigit():
        if word.endswith("%"):
            return "<pct>"
        return "<year>" if _YEAR.fullmatch(word) else "<num>"
    return word.lower().replace("’", "'")


def tokenize(text: str) -> list[Token]:
    return [
        Token(m.group(), _normalise(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)
    ]


def word_norms(text: str) -> list[str]:
    """The normalised form of each token of ``text``, as ``tokenize`` gives it."""
    return [_normalise(word) for word in _TOKEN.findall(text)]


@cache
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def _blocks(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    position = 0
    for separator in _BLOCK_SEPARATOR.finditer(text):
        spans.append((position, separator.start()))
        position = separator.end()
    spans.append((position, len(text)))
    return spans


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sure_cuts(block: str) -> list[int]:
    """Where ``block`` splits into sentences whatever the segmenter makes of the rest."""
    if _UNSURE.search(block):
        return []
    inside = bytearray(len(block) + 1)  # 1 where a stop is between quotes or brackets
    for between in _BETWEEN:
        for m in between.finditer(block):
            inside[m.start() + 1 : m.end()] = b"\x01" * (m.end() - m.start() - 1)
    # how often each quote or bracket occurs before the stop, counted on as stops come
    marks = ('"', *(mark for pair in _PAIRS[1:] for mark in pair))
    counts = dict.fromkeys(marks, 0)
    counted = 0
    cuts: list[int] = []
    for stop in _SURE_STOP.finditer(block):
        cut = stop.end()
        if stop.group(1) in _abbreviations() or inside[cut]:
            continue
        for mark in marks:
            counts[mark] += block.count(mark, counted, cut)
        counted = cut
        if counts['"'] % 2 or any(
            counts[opening] != counts[closing] for opening, closing in _PAIRS[1:]
        ):
            continue
        cuts.append(cut)
    return cuts


@cache
def _abbreviations() -> frozenset[str]:
    """The segmenter's own list: it does not end a sentence after one of these."""
    return frozenset(_segmenter().language_module.Abbreviation.ABBREVIATIONS)


def _segmented(block: str) -> list[tuple[int, int]]:
    """Sentence spans of one trimmed block, relative to it, as the segmenter splits it."""
    if not _INNER_BREAK.search(block):
        return [(0, len(block))]
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in _segmenter().segment(block):
        stripped = piece.strip()
        if not stripped:
            continue
        found = block.find(stripped, cursor)
        if found < 0:
            # pysbd altered the text; keep the rest of the block as one sentence
            break
        spans.append((found, found + len(stripped)))
        cursor = found + len(stripped)
    if cursor < len(block):
        rest = _trimmed(block, cursor, len(block))
        if rest[0] < rest[1]:
            spans.append(rest)
    return spans


def splitter_version() -> str:
    """What a stored split was made with: these rules and the segmenter's release."""
    return f"rules {SPLIT_RULES}, pysbd {pysbd.__version__}"


def block_sentences(text: str) -> Blocks:
    """Sentence spans of each block, in order; spans are trimmed of surrounding space."""
    return list(_each_block_sentences(_trimmed_blocks(text), text))


def quick_block_sentences(text: str, seconds: float, longest_block: int) -> Blocks | None:
    """``block_sentences(text)``, or None for a text that could take long: one with a
    block longer than ``longest_block`` characters, or whose blocks have taken
    ``seconds`` already.  (Even cut into pieces of _LONGEST_PIECE, a hostile block of
    many short exclamations costs the segmenter about two seconds per 100 KB.)"""
    blocks = _trimmed_blocks(text)
    if any(end - start > longest_block for start, end in blocks):
        return None
    deadline = time.perf_counter() + seconds
    result: Blocks = []
    for spans in _each_block_sentences(blocks, text):
        if time.perf_counter() > deadline:
            return None
        result.append(spans)
    return result


def _trimmed_blocks(text: str) -> list[tuple[int, int]]:
    trimmed = (_trimmed(text, start, end) for start, end in _blocks(text))
    return [(start, end) for start, end in trimmed if start < end]


def _each_block_sentences(
    blocks: list[tuple[int, int]], text: str
) -> Iterator[list[tuple[int, int]]]:
    for start, end in blocks:
        block = text[start:end]
        spans: list[tuple[int, int]] = []
        piece_start = 0
        for cut in [*_sure_cuts(block), len(block)]:
            for part_start, part in _bounded(block[piece_start:cut]):
                offset = start + piece_start + part_start
                spans.extend((offset + a, offset + b) for a, b in _segmented(part))
            piece_start = cut + 1  # past the space after the stop
        yield spans


def _bounded(piece: str) -> Iterator[tuple[int, str]]:
    """``piece`` in trimmed parts of at most _LONGEST_PIECE characters, with their offsets:
    cut after the last likely sentence end within reach, else at a space."""
    start = 0
    while len(piece) - start > _LONGEST_PIECE:
        reach = piece[start : start + _LONGEST_PIECE]
        ends = [m.end() for m in _LIKELY_END.finditer(reach)]
        cut = ends[-1] if ends else (reach.rfind(" ") + 1 or _LONGEST_PIECE)
        a, b = _trimmed(piece, start, start + cut)
        if a < b:
            yield a, piece[a:b]
        start += cut
    a, b = _trimmed(piece, start, len(piece))
    if a < b:
        yield a, piece[a:b]
