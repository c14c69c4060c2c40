"""What the detector hands back: one suggested flag with its evidence."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from reader.core.models import parse_member


class SuggestionKind(StrEnum):
    OPINION = "opinion"
    UNSOURCED_CLAIM = "unsourced_claim"
    SOURCED_CLAIM = "sourced_claim"

    @classmethod
    def parse(cls, value: str) -> SuggestionKind:
        """The stored name or its short form (``unsourced``, ``sourced``)."""
        aliases = {"unsourced": cls.UNSOURCED_CLAIM, "sourced": cls.SOURCED_CLAIM}
        return parse_member(
            cls, value, aliases, what="suggestion kind", choices="opinion, unsourced or sourced"
        )


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
