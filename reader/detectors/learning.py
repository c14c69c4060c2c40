"""Learning from the teacher: small nudges, per library, to the order suggestions are shown in.

What a teacher did with earlier suggestions is counted per kind (opinion, unsourced
claim) and per cue family behind a reason (a loaded word, a figure without a source…):
accepting one, or flagging its passage herself, counts for; dismissing it counts against.
A flag of her own where nothing was suggested counts for its kind. Each count becomes a
bounded term added to a suggestion's score for ranking only: the score shown, and the
"likely"/"possible" read off it, stay the shipped model's. The terms are a pure function
of the decisions, so with none the ranking is exactly the shipped one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cache

from reader.detectors.reasons import reason_templates
from reader.detectors.results import Suggestion, SuggestionKind

STEP = 0.15  # the most one kind or one cue family moves a score, after many decisions
PRIOR = 2  # decisions' worth of doubt: one dismissal is not yet a lesson
MAX_ADJUSTMENT = 0.25  # the most all the terms together move a score, up or down


class Verdict(Enum):
    ACCEPTED = "accepted"
    DISMISSED = "dismissed"
    FLAGGED = "flagged"  # the teacher's own flag, where no suggestion of its kind was


@dataclass(frozen=True)
class Decision:
    """One thing a teacher did, with the cue families of the suggestion it was about."""

    kind: SuggestionKind
    verdict: Verdict
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tally:
    kept: int = 0
    dropped: int = 0

    @property
    def term(self) -> float:
        """Shrunk towards 0 while decisions are few; within ±STEP."""
        return STEP * (self.kept - self.dropped) / (self.kept + self.dropped + PRIOR)


@dataclass(frozen=True)
class Learned:
    """What one library's decisions teach: a tally per kind and per (kind, cue family)."""

    kinds: Mapping[SuggestionKind, Tally] = field(default_factory=dict)
    cues: Mapping[tuple[SuggestionKind, str], Tally] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.kinds and not self.cues

    def adjustment(self, suggestion: Suggestion) -> float:
        """What ranking adds to the suggestion's score: its kind's term and the mean term of
        its cue families, bounded."""
        if self.empty:
            return 0.0
        kind = self.kinds.get(suggestion.kind, Tally()).term
        families = reason_cues(suggestion.reasons)
        terms = [self.cues.get((suggestion.kind, cue), Tally()).term for cue in families]
        total = kind + (sum(terms) / len(terms) if terms else 0.0)
        return max(-MAX_ADJUSTMENT, min(MAX_ADJUSTMENT, total))


NOTHING_LEARNED = Learned()


@cache
def _reason_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    patterns = []
    for cue, templates in reason_templates().items():
        for template in templates:
            parts = (re.escape(part) for part in template.split("{}"))
            patterns.append((cue, re.compile(".+?".join(parts), re.DOTALL)))
    return tuple(patterns)


def reason_cues(reasons: Iterable[str]) -> tuple[str, ...]:
    """The cue families the reasons were written for, each once, in order; a reason the
    detector did not write (or wrote for the other kind: "Also read as…") gives none."""
    found: dict[str, None] = {}
    for reason in reasons:
        for cue, pattern in _reason_patterns():
            if pattern.fullmatch(reason):
                found[cue] = None
                break
    return tuple(found)


def learn(decisions: Iterable[Decision]) -> Learned:
    kinds: dict[SuggestionKind, Tally] = {}
    cues: dict[tuple[SuggestionKind, str], Tally] = {}
    for decision in decisions:
        dismissed = decision.verdict is Verdict.DISMISSED
        kinds[decision.kind] = _counted(kinds.get(decision.kind, Tally()), dismissed)
        for cue in dict.fromkeys(decision.cues):
            key = (decision.kind, cue)
            cues[key] = _counted(cues.get(key, Tally()), dismissed)
    return Learned(kinds, cues)


def _counted(tally: Tally, dismissed: bool) -> Tally:
    if dismissed:
        return Tally(tally.kept, tally.dropped + 1)
    return Tally(tally.kept + 1, tally.dropped)


# what each cue family is about, to finish "Opinions because of …"
CUE_LABELS = {
    "loaded": "a loaded word",
    "evaluative": "a word calling something good or bad",
    "intensifier": "a word making it sound stronger",
    "hedge": "a hedge (the writer is not sure)",
    "prediction": "a prediction",
    "judgement": "a word on what should be done",
    "sweeping": "a sweeping word",
    "first_person": "the writer speaking for themselves",
    "second_person": "speaking to the reader",
    "scare_quotes": "quotation marks around a word",
    "question": "a question asked to make a point",
    "exclamation": "an exclamation mark",
    "wording": "words common in opinions",
    "figure": "a figure",
    "comparison": "a comparison",
    "causal": "a cause",
    "vague": "a vague source",
    "named": "something said about a named person or place",
    "fact": "a fact that could be checked",
}
_KIND_LABELS = {SuggestionKind.OPINION: "Opinions", SuggestionKind.UNSOURCED_CLAIM: "Claims"}


def describe(learned: Learned) -> list[str]:
    """What the ranking has learned, one plain sentence per kind and cue family."""
    if learned.empty:
        return ["Nothing learned yet: suggestions are shown in the shipped order."]
    lines = [
        f"{_KIND_LABELS.get(kind, kind.value)}: {_counts(tally)}."
        for kind, tally in sorted(learned.kinds.items())
    ]
    for (kind, cue), tally in sorted(learned.cues.items()):
        about = CUE_LABELS.get(cue, cue)
        lines.append(f"{_KIND_LABELS.get(kind, kind.value)} because of {about}: {_counts(tally)}.")
    return lines


def _counts(tally: Tally) -> str:
    said = f"you kept or flagged {tally.kept} and dismissed {tally.dropped}"
    if tally.term > 0:
        return f"{said}, so they come a little higher"
    if tally.term < 0:
        return f"{said}, so they come a little lower"
    return f"{said}, so their place is unchanged"
