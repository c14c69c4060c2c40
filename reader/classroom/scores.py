"""One student's result against the key: counts in flags, and partial-overlap figures.

The counts follow :mod:`reader.classroom.matching`.  Each key flag is found,
found with another kind, or missed; each of the student's flags matches the
key, matches it with another kind, or is extra.  Per kind, key flags count
under the key's kind and the student's flags under theirs.

For the teacher there is also the partial-overlap precision and recall of
SemEval-2020 Task 11 (Da San Martino et al., 2020), written from the paper's
definition: a student's flag s and a key flag t of the same kind earn
|s ∩ t| / |s| towards precision and |s ∩ t| / |t| towards recall, in
characters; precision is the sum over all pairs divided by the number of the
student's flags, recall divided by the number of key flags.  One departure:
each flag's credit is capped at 1, so overlapping flags by one student cannot
earn a passage twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from reader.classroom.matching import FlagOutcome, Footprint, KeyOutcome, Matching, match
from reader.classroom.tally import Tally, summary_sentence
from reader.core.models import Annotation, Kind


@dataclass(frozen=True)
class StudentWork:
    """What one student handed in, as the overview needs it."""

    student_id: str
    name: str
    flags: Sequence[Annotation]
    handed_in: str = ""


@dataclass(frozen=True)
class PartialOverlap:
    """SemEval-2020 Task 11 partial-overlap credit, kept as sums so classes can add them up."""

    precision_credit: float = 0.0
    flags: int = 0
    recall_credit: float = 0.0
    key_flags: int = 0

    @property
    def precision(self) -> float | None:
        return self.precision_credit / self.flags if self.flags else None

    @property
    def recall(self) -> float | None:
        return self.recall_credit / self.key_flags if self.key_flags else None

    @property
    def f1(self) -> float | None:
        precision, recall = self.precision, self.recall
        if precision is None or recall is None:
            return None
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    def __add__(self, other: PartialOverlap) -> PartialOverlap:
        return PartialOverlap(
            self.precision_credit + other.precision_credit,
            self.flags + other.flags,
            self.recall_credit + other.recall_credit,
            self.key_flags + other.key_flags,
        )


@dataclass(frozen=True)
class KeyPassageResult:
    """A key flag in one student's work, with the student's flags that count for it."""

    key_flag: Annotation
    outcome: KeyOutcome
    flags: tuple[Annotation, ...]


@dataclass(frozen=True)
class StudentResult:
    work: StudentWork
    matching: Matching
    total: Tally
    per_kind: dict[Kind, Tally]
    overlap: PartialOverlap
    key_passages: tuple[KeyPassageResult, ...]  # in the order of the article
    extra: tuple[Annotation, ...]
    footprints: dict[str, Footprint] = field(repr=False)  # flag uuid ->

    @property
    def found(self) -> list[KeyPassageResult]:
        return [p for p in self.key_passages if p.outcome is not KeyOutcome.MISSED]

    @property
    def missed(self) -> list[Annotation]:
        return [p.key_flag for p in self.key_passages if p.outcome is KeyOutcome.MISSED]

    def summary(self) -> str:
        """The result said to the student, in flags."""
        return summary_sentence(self.total)

    @cached_property
    def sentences_by_kind(self) -> dict[Kind, frozenset[int]]:
        """The sentences the student flagged, per kind of flag: worked out once per result,
        so that the class's figures after one student's change read the others' again."""
        found: dict[Kind, set[int]] = {}
        for flag in self.work.flags:
            found.setdefault(flag.kind, set()).update(self.footprints[flag.uuid].sentences)
        return {kind: frozenset(sentences) for kind, sentences in found.items()}


def tally(key: Sequence[Annotation], flags: Sequence[Annotation], matching: Matching) -> Tally:
    key_outcomes = [matching.key_outcomes[flag.uuid] for flag in key]
    flag_outcomes = [matching.flag_outcomes[flag.uuid] for flag in flags]
    return Tally(
        key_flags=len(key),
        found=key_outcomes.count(KeyOutcome.FOUND),
        found_other_kind=key_outcomes.count(KeyOutcome.OTHER_KIND),
        missed=key_outcomes.count(KeyOutcome.MISSED),
        flags=len(flags),
        matching=flag_outcomes.count(FlagOutcome.MATCHES),
        other_kind=flag_outcomes.count(FlagOutcome.OTHER_KIND),
        extra=flag_outcomes.count(FlagOutcome.EXTRA),
    )


def partial_overlap(key: Sequence[Annotation], flags: Sequence[Annotation]) -> PartialOverlap:
    """SemEval-2020 Task 11 partial-overlap credit of ``flags`` against ``key`` (see above)."""
    precision_credit = 0.0
    recall_credit: dict[str, float] = {flag.uuid: 0.0 for flag in key}
    key_of_kind: dict[Kind, list[Annotation]] = {}  # in the order of the article
    for key_flag in sorted(key, key=lambda f: f.anchor.start):
        key_of_kind.setdefault(key_flag.kind, []).append(key_flag)
    for flag in flags:
        credit = 0.0
        for key_flag in key_of_kind.get(flag.kind, ()):
            if key_flag.anchor.start >= flag.anchor.end:
                break  # this one and the rest start after the flag
            common = min(flag.anchor.end, key_flag.anchor.end) - max(
                flag.anchor.start, key_flag.anchor.start
            )
            if common > 0:
                credit += common / (flag.anchor.end - flag.anchor.start)
                recall_credit[key_flag.uuid] += common / (
                    key_flag.anchor.end - key_flag.anchor.start
                )
        precision_credit += min(1.0, credit)
    return PartialOverlap(
        precision_credit,
        len(flags),
        sum(min(1.0, credit) for credit in recall_credit.values()),
        len(key),
    )


def score_student(
    work: StudentWork,
    key: Sequence[tuple[Annotation, Footprint]],
    footprints: dict[str, Footprint],
    by_sentence: dict[int, list[int]] | None = None,
) -> StudentResult:
    """One student's result; ``footprints`` holds the footprint of each of their flags
    (``by_sentence``: the key's sentences, see :func:`match`)."""
    key_flags = [flag for flag, _ in key]
    matching = match(key, [(flag, footprints[flag.uuid]) for flag in work.flags], by_sentence)
    by_uuid = {flag.uuid: flag for flag in work.flags}
    passages = tuple(
        KeyPassageResult(
            key_flag,
            matching.key_outcomes[key_flag.uuid],
            tuple(by_uuid[uuid] for uuid in matching.flags_for(key_flag.uuid)),
        )
        for key_flag in key_flags
    )
    per_kind = {
        kind: tally(
            [f for f in key_flags if f.kind is kind],
            [f for f in work.flags if f.kind is kind],
            matching,
        )
        for kind in Kind
    }
    return StudentResult(
        work=work,
        matching=matching,
        total=tally(key_flags, work.flags, matching),
        per_kind=per_kind,
        overlap=partial_overlap(key_flags, work.flags),
        key_passages=passages,
        extra=tuple(f for f in work.flags if matching.flag_outcomes[f.uuid] is FlagOutcome.EXTRA),
        footprints=footprints,
    )
