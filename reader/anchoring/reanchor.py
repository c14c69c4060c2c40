"""Moving an anchor onto a new version of the text.

In order: the old position if the text there still equals ``exact``; else the
exact quote (the occurrence nearest the old position); else an approximate
match found with diff-match-patch and scored on quote, prefix, suffix and
distance; else the flag is orphaned (kept, never dropped).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from diff_match_patch import diff_match_patch

from reader.anchoring.selectors import find_occurrences, make_anchor
from reader.core.models import Anchor

# diff-match-patch's bitap matcher handles patterns up to 32 characters.
MATCH_CHUNK = 32
MIN_FUZZY_SCORE = 0.7


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
    dmp.Match_Threshold = 0.4
    dmp.Match_Distance = 5000
    return dmp


def reanchor(anchor: Anchor, text: str) -> Reanchored:
    exact = anchor.exact
    if text[anchor.start : anchor.end] == exact:
        return Reanchored(make_anchor(text, anchor.start, anchor.end), Method.POSITION, 1.0)
    starts = find_occurrences(text, exact)
    if starts:
        best = min(starts, key=lambda s: abs(s - anchor.start))
        return Reanchored(make_anchor(text, best, best + len(exact)), Method.EXACT, 1.0)
    found = fuzzy_match(anchor, text)
    if found is None:
        return Reanchored(None, Method.ORPHANED, 0.0)
    start, end, score = found
    return Reanchored(make_anchor(text, start, end), Method.FUZZY, score)


def similarity(a: str, b: str) -> float:
    """1 minus the Levenshtein distance over the longer length."""
    if not a and not b:
        return 1.0
    dmp = matcher()
    distance: int = dmp.diff_levenshtein(dmp.diff_main(a, b, False))
    return 1.0 - distance / max(len(a), len(b))


def locate(text: str, pattern: str, near: int) -> int | None:
    if not pattern:
        return None
    near = min(max(near, 0), len(text))
    position = matcher().match_main(text, pattern, near)
    return None if position == -1 else int(position)


def fuzzy_match(anchor: Anchor, text: str) -> tuple[int, int, float] | None:
    """Best (start, end, score) for the quote in the new text, or None if nothing is close."""
    exact = anchor.exact
    length = len(exact)
    head = exact[:MATCH_CHUNK]
    tail = exact[-MATCH_CHUNK:]
    start_candidates: set[int] = set()
    end_candidates: set[int] = set()
    if (position := locate(text, head, anchor.start)) is not None:
        start_candidates.add(position)
    if (position := locate(text, tail, anchor.end - len(tail))) is not None:
        end_candidates.add(position + len(tail))
    prefix = anchor.prefix[-MATCH_CHUNK:]
    if (position := locate(text, prefix, anchor.start - len(prefix))) is not None:
        start_candidates.add(position + len(prefix))
    suffix = anchor.suffix[:MATCH_CHUNK]
    if (position := locate(text, suffix, anchor.end)) is not None:
        end_candidates.add(position)
    # A start alone or an end alone still implies a span of about the old length.
    end_candidates |= {min(len(text), s + length) for s in start_candidates}
    start_candidates |= {max(0, e - length) for e in end_candidates}

    best: tuple[int, int, float] | None = None
    for start in start_candidates:
        for end in end_candidates:
            if not start < end <= start + 2 * length + MATCH_CHUNK:
                continue
            score = span_score(anchor, text, start, end)
            if best is None or score > best[2]:
                best = (start, end, score)
    if best is None or best[2] < MIN_FUZZY_SCORE:
        return None
    return best


def span_score(anchor: Anchor, text: str, start: int, end: int) -> float:
    """Quote similarity counts most; matching context and a short move add confidence."""
    quote = similarity(anchor.exact, text[start:end])
    prefix = similarity(anchor.prefix, text[max(0, start - len(anchor.prefix)) : start])
    suffix = similarity(anchor.suffix, text[end : end + len(anchor.suffix)])
    distance = abs(start - anchor.start) / max(len(text), 1)
    score = 0.75 * quote + 0.1 * prefix + 0.1 * suffix + 0.05 * (1.0 - distance)
    # A poor quote match is never rescued by good context.
    return score if quote >= MIN_FUZZY_SCORE else min(score, quote)
