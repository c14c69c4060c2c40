"""What the detector hands back: one suggested flag with its evidence."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SuggestionKind(StrEnum):
    OPINION = "opinion"
    UNSOURCED_CLAIM = "unsourced_claim"
    SOURCED_CLAIM = "sourced_claim"


@dataclass(frozen=True)
class Suggestion:
    """A candidate flag; offsets are code points into the canonical text, end exclusive."""

    kind: SuggestionKind
    start: int
    end: int
    quote: str
    score: float
    reasons: tuple[str, ...]
    triggers: tuple[tuple[int, int], ...]
    attribution: str = ""
