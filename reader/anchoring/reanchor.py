"""Moving an anchor onto a new version of the text.

In order: the old position if the text there still equals ``exact``; else the
exact quote (the occurrence nearest the old position); else an approximate
match scored on quote, prefix, suffix and distance; else the flag is orphaned
(kept, never dropped).

The approximate match is bounded, so that thousands of flags, or very long
quotes, cannot stall an import: short pieces of the quote and its context are
looked up exactly (first in a window around the old position, then in the whole
text), the places they point at are voted on, and only the few best places are
scored, the costly edit distance only where a cheap bound allows a good score.
A quote that no piece locates, or longer than ``MAX_FUZZY_QUOTE``, is orphaned.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from diff_match_patch import diff_match_patch

from reader.anchoring.selectors import find_occurrences, make_anchor
from reader.core.models import Anchor

MIN_FUZZY_SCORE = 0.7
SEED_LENGTH = 12  # pieces of the quote looked up exactly
MAX_SEEDS = 10
MAX_SEED_HITS = 50  # a piece found more often than this says nothing about the place
MAX_PLACES = 3  # places (clusters of hits) scored per flag
MAX_BOUNDS = 4  # start and end candidates per place
MAX_SCORED = 6  # spans per flag given the costly score, best bound first
MAX_FUZZY_QUOTE = 20_000
# What the matching of one import may cost, a few seconds' worth: characters of text
# scanned by searches, and characters compared (an edit distance costs DIFF_WEIGHT
# times as much per character as counting characters does).
SEARCH_BUDGET = 10_000_000_000
COMPARE_BUDGET = 100_000_000
DIFF_WEIGHT = 50
# Seconds one edit distance may take: two long quotes that differ much are cut short,
# which only lowers a score already too poor to place a flag.
DIFF_TIMEOUT = 0.05


class Method(StrEnum):
    POSITION = "position"
    EXACT = "exact"
    FUZZY = "fuzzy"
    ORPHANED = "orphaned"


@dataclass(frozen=True)
class Reanchored:
    anchor: Anchor | None  # None when orphaned
    method: Method
    score: float


@cache
def matcher() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = DIFF_TIMEOUT
    return dmp


class SearchBudget:
    """Characters of text that searches may scan, shared by all the flags of one import,
    so that its cost is bounded whatever the flags and the text; once it is spent, a
    flag not at its old position is orphaned (kept, never dropped)."""

    def __init__(self, scan: int = SEARCH_BUDGET, compare: int = COMPARE_BUDGET) -> None:
        self.scan = scan
        self.compare = compare

    def take_scan(self, characters: int) -> bool:
        """Spend ``characters`` of scanning if there are that many left."""
        if characters > self.scan:
            self.scan = 0
            return False
        self.scan -= characters
        return True

    def take_compare(self, characters: int) -> bool:
        """Spend ``characters`` of comparing if there are that many left."""
        if characters > self.compare:
            self.compare = 0
            return False
        self.compare -= characters
        return True


def reanchor(anchor: Anchor, text: str, budget: SearchBudget | None = None) -> Reanchored:
    """Where ``anchor`` goes on ``text``; ``budget`` bounds the searches (one per flag
    when it is not given)."""
    exact = anchor.exact
    if text[anchor.start : anchor.end] == exact:
        return Reanchored(make_anchor(text, anchor.start, anchor.end), Method.POSITION, 1.0)
    budget = budget or SearchBudget()
    starts = nearby_occurrences(text, exact, anchor.start, budget)
    if starts:
        best = min(starts, key=lambda s: abs(s - anchor.start))
        return Reanchored(make_anchor(text, best, best + len(exact)), Method.EXACT, 1.0)
    found = fuzzy_match(anchor, text, budget)
    if found is None:
        return Reanchored(None, Method.ORPHANED, 0.0)
    start, end, score = found
    return Reanchored(make_anchor(text, start, end), Method.FUZZY, score)


def nearby_occurrences(text: str, piece: str, near: int, budget: SearchBudget) -> list[int]:
    """Occurrences of ``piece`` in a window around ``near`` if there are any (the nearest
    one is then among them), else in the whole text; none once the budget is spent."""
    reach = 4 * len(piece) + 2000
    low = max(0, near - reach)
    high = near + reach + len(piece)
    found: list[int] = []
    if not budget.take_scan(min(high, len(text)) - low):
        return found
    position = text.find(piece, low, high)
    while position != -1:
        found.append(position)
        position = text.find(piece, position + 1, high)
    if found or not budget.take_scan(len(text)):
        return found
    return find_occurrences(text, piece)


def bag_similarity(a: str, b: str) -> float:
    """An upper bound of :func:`similarity`: characters that differ in count must be edited."""
    longest = max(len(a), len(b))
    if not longest:
        return 1.0
    difference = Counter(a)
    difference.subtract(Counter(b))
    edits = max(
        sum(n for n in difference.values() if n > 0), -sum(n for n in difference.values() if n < 0)
    )
    return 1.0 - edits / longest


def similarity(a: str, b: str) -> float:
    """1 minus the Levenshtein distance over the longer length."""
    if not a and not b:
        return 1.0
    dmp = matcher()
    distance: int = dmp.diff_levenshtein(dmp.diff_main(a, b, False))
    return 1.0 - distance / max(len(a), len(b))


def seeds(anchor: Anchor) -> list[tuple[str, int]]:
    """Pieces to look up, each with its offset from the quote's start (context: outside it)."""
    exact = anchor.exact
    length = len(exact)
    pieces: list[tuple[str, int]] = []
    if length >= SEED_LENGTH:
        count = min(MAX_SEEDS, max(2, length // SEED_LENGTH))
        step = (length - SEED_LENGTH) / (count - 1)
        offsets = sorted({round(number * step) for number in range(count)})
        pieces = [(exact[offset : offset + SEED_LENGTH], offset) for offset in offsets]
    prefix = anchor.prefix[-SEED_LENGTH:]
    if len(prefix) == SEED_LENGTH:
        pieces.append((prefix, -SEED_LENGTH))
    suffix = anchor.suffix[:SEED_LENGTH]
    if len(suffix) == SEED_LENGTH:
        pieces.append((suffix, length))
    return pieces


def fuzzy_match(anchor: Anchor, text: str, budget: SearchBudget) -> tuple[int, int, float] | None:
    """Best (start, end, score) for the quote in the new text, or None if nothing is close."""
    length = len(anchor.exact)
    if length > MAX_FUZZY_QUOTE:
        return None
    # Each hit of a piece implies a start; hits whose starts lie close form a place.
    hits: list[tuple[int, int]] = []  # (implied start, offset of the piece)
    for piece, offset in seeds(anchor):
        found = nearby_occurrences(text, piece, anchor.start + offset, budget)
        if len(found) <= MAX_SEED_HITS:
            hits.extend((position - offset, offset) for position in found)
    if not hits:
        return None
    hits.sort()
    places: list[list[tuple[int, int]]] = [[hits[0]]]
    for hit in hits[1:]:
        if hit[0] - places[-1][-1][0] <= max(SEED_LENGTH, length // 4):
            places[-1].append(hit)
        else:
            places.append([hit])
    places.sort(key=lambda p: (-len({o for _, o in p}), abs(p[0][0] - anchor.start)))

    # Bound each span's score from cheap parts (the quote's characters, the context),
    # then compute the quote's edit distance, likeliest first, while a span could win.
    spans = [
        (start, end)
        for place in places[:MAX_PLACES]
        for start, end in place_spans(place, length, len(text))
    ]
    spans = [span for span in spans if budget.take_compare(span[1] - span[0])]
    by_characters = sorted(
        ((bag_similarity(anchor.exact, text[start:end]), start, end) for start, end in spans),
        key=lambda b: -round(b[0], 2),  # stable: the likeliest first among equals
    )[: 2 * MAX_SCORED]
    bounded = sorted(
        (
            (0.75 * characters + context_score(anchor, text, start, end), characters, start, end)
            for characters, start, end in by_characters
            if characters >= MIN_FUZZY_SCORE
        ),
        key=lambda b: -b[0],
    )
    best: tuple[int, int, float] | None = None
    for bound, _, start, end in bounded[:MAX_SCORED]:
        if best is not None and bound <= best[2]:
            break
        if not budget.take_compare(DIFF_WEIGHT * (end - start)):
            break
        score = span_score(anchor, text, start, end)
        if best is None or score > best[2]:
            best = (start, end, score)
    if best is None or best[2] < MIN_FUZZY_SCORE:
        return None
    return best


def place_spans(place: list[tuple[int, int]], length: int, size: int) -> list[tuple[int, int]]:
    """Start and end candidates of one place, likeliest first: a piece says best where
    the quote starts (or ends) when it lies nearest that edge, as the fewest edits
    can lie between them; the context just outside the quote says it best of all."""

    def likeliest(edges: list[tuple[int, int]]) -> list[int]:  # (distance, edge)
        unique = dict.fromkeys(edge for _, edge in sorted(edges))
        return list(unique)[:MAX_BOUNDS]

    starts = likeliest([(abs(offset), start) for start, offset in place])
    ends = likeliest(
        [(abs(length - offset - SEED_LENGTH), start + length) for start, offset in place]
    )
    pairs = sorted(
        ((i + j, start, end) for i, start in enumerate(starts) for j, end in enumerate(ends)),
    )
    return [
        (start, min(size, end))
        for _, start, end in pairs
        if 0 <= start < min(size, end) <= start + 2 * length + SEED_LENGTH
    ]


def context_score(anchor: Anchor, text: str, start: int, end: int) -> float:
    """The part of a span's score that is not the quote: context and a short move."""
    prefix = similarity(anchor.prefix, text[max(0, start - len(anchor.prefix)) : start])
    suffix = similarity(anchor.suffix, text[end : end + len(anchor.suffix)])
    distance = abs(start - anchor.start) / max(len(text), 1)
    return 0.1 * prefix + 0.1 * suffix + 0.05 * (1.0 - distance)


def span_score(anchor: Anchor, text: str, start: int, end: int) -> float:
    """Quote similarity counts most; matching context and a short move add confidence."""
    quote = similarity(anchor.exact, text[start:end])
    score = 0.75 * quote + context_score(anchor, text, start, end)
    # A poor quote match is never rescued by good context.
    return score if quote >= MIN_FUZZY_SCORE else min(score, quote)
