"""Which suggestions are shown first: the one rule the app and the command line share."""

from __future__ import annotations

import math
from collections.abc import Iterable

from reader.detectors.learning import NOTHING_LEARNED, Learned
from reader.detectors.results import Suggestion, SuggestionKind

# a score from here on is "likely"; below, "possible": read off the reliability table of
# `python benchmarks/detector_eval.py --calibration` (scores on train sentences the model
# was not fitted on)
LIKELY = 0.7

# more than this many per 1,000 words and a teacher stops reading them
SHOWN_PER_1000_WORDS = 8


def shown_count(text: str) -> int:
    """How many suggestions ``text`` gets by default: at least one."""
    return max(1, math.ceil(len(text.split()) * SHOWN_PER_1000_WORDS / 1000))


def best_first(
    found: Iterable[Suggestion], text: str, learned: Learned = NOTHING_LEARNED
) -> tuple[list[Suggestion], int]:
    """(shown, hidden): the suggestions shown by default, highest score first, and how many
    more there are. Sourced claims, listed only on request and never stored, are all shown
    after them and not counted. ``learned`` from the library's decisions nudges the order
    (see ``learning``); the scores themselves are not changed."""
    ranked = sorted(found, key=lambda s: (-(s.score + learned.adjustment(s)), s.start))
    flags = [s for s in ranked if s.kind is not SuggestionKind.SOURCED_CLAIM]
    sourced = [s for s in ranked if s.kind is SuggestionKind.SOURCED_CLAIM]
    limit = shown_count(text)
    return flags[:limit] + sourced, max(0, len(flags) - limit)


def score_words(score: float) -> str:
    """A suggestion's score as a student reads it."""
    return "likely" if score >= LIKELY else "possible"


def other_kind_lead(kind_name: str, score: float) -> str:
    """How a reason for a second kind read in the same passage begins: "It may also be an
    opinion: " followed by that kind's own reason."""
    article = "an" if kind_name[0] in "aeiou" else "a"
    if score_words(score) == "likely":
        return f"It is likely {article} {kind_name} too: "
    return f"It may also be {article} {kind_name}: "
