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

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cache

from reader.detectors.reasons import reason_templates
from reader.detectors.results import Suggestion, SuggestionKind

PRIOR = 4  # decisions' worth of doubt: a few decisions move a rate little from the usual
MAX_WEIGHT = 1.0  # the most one kind or one cue family moves a score's log-odds
MAX_ADJUSTMENT = 0.25  # the most all the terms together move a score, up or down
EVEN = 0.5  # before any decision, a suggestion is as likely kept as dismissed
_EDGE = 0.01  # scores are read as probabilities within [_EDGE, 1 - _EDGE]


class Verdict(Enum):
    ACCEPTED = "accepted"
    DISMISSED = "dismissed"
    FLAGGED = "flagged"  # the teacher's own flag, where no suggestion of its kind was shown


@dataclass(frozen=True)
class Decision:
    """One thing a teacher did, with the cue families the detector reads in its passage."""

    kind: SuggestionKind
    verdict: Verdict
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Tally:
    kept: int = 0
    dropped: int = 0

    def rate(self, usual: float) -> float:
        """The share kept, shrunk towards ``usual`` while decisions are few."""
        return (self.kept + PRIOR * usual) / (self.kept + self.dropped + PRIOR)


def _log_odds(p: float) -> float:
    p = min(1 - _EDGE, max(_EDGE, p))
    return math.log(p / (1 - p))


@dataclass(frozen=True)
class Learned:
    """What one library's decisions teach: a tally per kind and per (kind, cue family).

    Each becomes a weight in log-odds: for a kind, how often the teacher kept its
    suggestions; for a cue family, how much more (or less) often she kept those of its
    kind that it marks than those of its kind in all. Measured against its kind, not
    against one in two: a cue family seen often is not pushed down below one never seen
    just because most suggestions of its kind are dismissed."""

    kinds: Mapping[SuggestionKind, Tally] = field(default_factory=dict)
    cues: Mapping[tuple[SuggestionKind, str], Tally] = field(default_factory=dict)
    verdicts: Mapping[Verdict, int] = field(default_factory=dict)  # how many of each

    @property
    def empty(self) -> bool:
        return not self.kinds and not self.cues

    def kind_weight(self, kind: SuggestionKind) -> float:
        rate = self.kinds.get(kind, Tally()).rate(EVEN)
        return _bounded(_log_odds(rate), MAX_WEIGHT)

    def cue_weight(self, kind: SuggestionKind, cue: str) -> float:
        usual = self.kinds.get(kind, Tally()).rate(EVEN)
        rate = self.cues.get((kind, cue), Tally()).rate(usual)
        return _bounded(_log_odds(rate) - _log_odds(usual), MAX_WEIGHT)

    def adjustment(self, suggestion: Suggestion) -> float:
        """What ranking adds to the suggestion's score: its score moved in log-odds by its
        kind's weight and the mean weight of its cue families, bounded."""
        if self.empty:
            return 0.0
        families = reason_cues(suggestion.reasons)
        weights = [self.cue_weight(suggestion.kind, cue) for cue in families]
        shift = self.kind_weight(suggestion.kind) + (
            sum(weights) / len(weights) if weights else 0.0
        )
        score = min(1 - _EDGE, max(_EDGE, suggestion.score))
        moved = 1 / (1 + math.exp(-(_log_odds(score) + shift)))
        return _bounded(moved - score, MAX_ADJUSTMENT)


def _bounded(value: float, bound: float) -> float:
    return max(-bound, min(bound, value))


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
    verdicts: dict[Verdict, int] = {}
    for decision in decisions:
        verdicts[decision.verdict] = verdicts.get(decision.verdict, 0) + 1
        dismissed = decision.verdict is Verdict.DISMISSED
        kinds[decision.kind] = _counted(kinds.get(decision.kind, Tally()), dismissed)
        for cue in dict.fromkeys(decision.cues):
            key = (decision.kind, cue)
            cues[key] = _counted(cues.get(key, Tally()), dismissed)
    return Learned(kinds, cues, verdicts)


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
_KIND_LABELS = {SuggestionKind.OPINION: "opinions", SuggestionKind.UNSOURCED_CLAIM: "claims"}
NOTICED = 0.1  # a weight under this moves the order too little to be worth saying
STRONG = 0.5  # from this on, "more often" rather than "a little more often"


def describe(learned: Learned) -> list[str]:
    """What the ranking has learned, in plain sentences: what it was learned from, then
    each kind and cue family it moved, most moved first."""
    if learned.empty:
        return ["Nothing learned yet: suggestions are shown in the shipped order."]
    lines = [f"Learned from {_sources(learned.verdicts)}."]
    moved: list[tuple[float, str]] = []
    for kind, tally in learned.kinds.items():
        label = _KIND_LABELS.get(kind, kind.value)
        moved.append((learned.kind_weight(kind), f"Suggested {label} {{}}{_counts(tally)}."))
    for (kind, cue), tally in learned.cues.items():
        label = f"{_KIND_LABELS.get(kind, kind.value)} because of {CUE_LABELS.get(cue, cue)}"
        moved.append((learned.cue_weight(kind, cue), f"Suggested {label} {{}}{_counts(tally)}."))
    noticed = sorted((m for m in moved if abs(m[0]) >= NOTICED), key=lambda m: -abs(m[0]))
    for weight, line in noticed:
        how = "" if abs(weight) >= STRONG else "a little "
        lines.append(line.format(f"are shown {how}{'more' if weight > 0 else 'less'} often"))
    if not noticed:
        lines.append("Your decisions so far agree with the shipped order: nothing moved.")
    return lines


def _counts(tally: Tally) -> str:
    return f": you kept {tally.kept} and dismissed {tally.dropped}"


def _sources(verdicts: Mapping[Verdict, int]) -> str:
    """ "2 accepted and 3 dismissed suggestions, and 4 passages you flagged yourself" """
    accepted, dismissed = verdicts.get(Verdict.ACCEPTED, 0), verdicts.get(Verdict.DISMISSED, 0)
    flagged = verdicts.get(Verdict.FLAGGED, 0)
    decided = [f"{n} {what}" for n, what in ((accepted, "accepted"), (dismissed, "dismissed")) if n]
    said = []
    if decided:
        plural = "" if accepted + dismissed == 1 else "s"
        said.append(f"{' and '.join(decided)} suggestion{plural}")
    if flagged:
        said.append(f"{flagged} passage{'' if flagged == 1 else 's'} you flagged yourself")
    return (", and " if len(decided) == 2 else " and ").join(said)
