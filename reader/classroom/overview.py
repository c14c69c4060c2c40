"""The whole class against the key: per student, per key passage, per sentence.

Only the kinds the assignment asks for are compared, and only active flags:
a key flag of another kind, or an orphaned one, is left out, and so is a
student's flag of a kind not asked for.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from reader.classroom.agreement import ClassAgreement, class_agreement
from reader.classroom.figures import ExtraPassage
from reader.classroom.matching import (
    Footprint,
    KeyOutcome,
    SentenceUnits,
    key_by_sentence,
    sentence_units,
)
from reader.classroom.names import display_names
from reader.classroom.scores import PartialOverlap, StudentResult, StudentWork, score_student
from reader.core.models import Annotation, Article, Kind, Status

# Near-identical submissions: this share of (sentence, kind) marks in common, at this size.
SIMILAR_JACCARD = 0.9
SIMILAR_MIN_FLAGS = 5
# An extra passage is worth the teacher's look when this many students flagged it.
EXTRA_MIN_STUDENTS = 2
EXTRA_MIN_SHARE = 0.25


@dataclass(frozen=True)
class KeyPassage:
    """A key flag across the class: how many found it, found it as another kind, missed it."""

    key_flag: Annotation
    found: int
    found_other_kind: int  # students who found it only as another kind
    missed: int
    other_kinds: dict[Kind, int]  # those students, by the kind they used (one may use two)


@dataclass(frozen=True)
class SimilarPair:
    first: str  # student ids
    second: str
    similarity: float  # Jaccard of their (sentence, kind) marks
    identical: bool  # the very same passages with the same kinds


@dataclass(frozen=True)
class ClassOverview:
    article: Article
    kinds: tuple[Kind, ...]
    units: SentenceUnits
    key: tuple[Annotation, ...]  # in the order of the article
    students: tuple[StudentResult, ...]  # by name
    names: dict[str, str]  # student id -> the name to show (shared names told apart)
    passages: tuple[KeyPassage, ...]  # the most missed first
    extra_passages: tuple[ExtraPassage, ...]  # the most flagged first
    sentence_counts: tuple[dict[Kind, int], ...]  # per sentence: students who flagged it, by kind
    key_sentences: frozenset[int]
    # per kind, per student (in order): the sentences they flagged so
    marks: dict[Kind, list[frozenset[int]]] = field(repr=False)

    @property
    def sentences(self) -> list[tuple[int, int]]:
        return self.units.sentences

    @cached_property
    def agreement(self) -> ClassAgreement:
        """Computed when first asked: it loads numpy, which a window may do after its
        first paint."""
        return class_agreement(self.marks, len(self.units.sentences), len(self.students))

    @cached_property
    def similar(self) -> tuple[SimilarPair, ...]:
        """Computed when first asked (every pair of students: the class view does not)."""
        return similar_pairs(self.students)

    @property
    def overlap(self) -> PartialOverlap:
        """The class's partial-overlap figures: every student's credit added up."""
        total = PartialOverlap()
        for student in self.students:
            total += student.overlap
        return total


@dataclass(frozen=True)
class PlacedKey:
    """The key of an assignment placed on its article's sentences and words: what each
    student's work is scored against."""

    article: Article
    kinds: tuple[Kind, ...]  # asked for
    units: SentenceUnits
    flags: tuple[tuple[Annotation, Footprint], ...]  # active, of a kind asked, in text order
    by_sentence: dict[int, list[int]]  # see :func:`key_by_sentence`

    @property
    def key_flags(self) -> tuple[Annotation, ...]:
        return tuple(flag for flag, _ in self.flags)


def place_key(
    article: Article, key: Sequence[Annotation], kinds: Sequence[Kind] = tuple(Kind)
) -> PlacedKey:
    asked = tuple(dict.fromkeys(kinds))
    units = sentence_units(article.text)
    key_flags = sorted(
        (f for f in key if f.status is Status.ACTIVE and f.kind in asked),
        key=lambda f: (f.anchor.start, f.anchor.end, f.uuid),
    )
    placed = tuple(
        (flag, units.footprint(flag.anchor.start, flag.anchor.end)) for flag in key_flags
    )
    return PlacedKey(article, asked, units, placed, key_by_sentence(placed))


def score_work(key: PlacedKey, work: StudentWork) -> StudentResult:
    """One student's work against the placed key (their active flags of the kinds asked)."""
    flags = [f for f in work.flags if f.status is Status.ACTIVE and f.kind in key.kinds]
    kept = StudentWork(work.student_id, work.name, flags, work.handed_in)
    footprints = {f.uuid: key.units.footprint(f.anchor.start, f.anchor.end) for f in flags}
    return score_student(kept, key.flags, footprints, key.by_sentence)


def build_overview(
    article: Article,
    key: Sequence[Annotation],
    students: Sequence[StudentWork],
    kinds: Sequence[Kind] = tuple(Kind),
) -> ClassOverview:
    """Compare every student's flags on ``article`` with the ``key``."""
    placed = place_key(article, key, kinds)
    return gather_overview(placed, [score_work(placed, work) for work in students])


def gather_overview(key: PlacedKey, scored: Sequence[StudentResult]) -> ClassOverview:
    """The class's figures from each student's result (:func:`score_work`, in any order)."""
    names = display_names([(r.work.student_id, r.work.name) for r in scored])
    results = sorted(scored, key=lambda r: (names[r.work.student_id].casefold(), r.work.student_id))
    units = key.units
    marks = {kind: [student_marks(r, kind) for r in results] for kind in key.kinds}
    sentence_count = len(units.sentences)
    counts: list[dict[Kind, int]] = [{} for _ in range(sentence_count)]
    for kind, per_student in marks.items():
        for sentences in per_student:
            for sentence in sentences:
                counts[sentence][kind] = counts[sentence].get(kind, 0) + 1
    key_sentences = frozenset(s for _, footprint in key.flags for s in footprint.sentences)
    key_flags = key.key_flags
    return ClassOverview(
        article=key.article,
        kinds=key.kinds,
        units=units,
        key=key_flags,
        students=tuple(results),
        names=names,
        passages=key_passages(key_flags, results),
        extra_passages=extra_passages(units, counts, key_sentences, marks, len(results)),
        sentence_counts=tuple(counts),
        key_sentences=key_sentences,
        marks=marks,
    )


def student_marks(result: StudentResult, kind: Kind) -> frozenset[int]:
    """The sentences a student flagged with ``kind``."""
    return result.sentences_by_kind.get(kind, frozenset())


def key_passages(
    key_flags: Sequence[Annotation], results: Sequence[StudentResult]
) -> tuple[KeyPassage, ...]:
    passages = []
    for index, key_flag in enumerate(key_flags):
        outcomes: Counter[KeyOutcome] = Counter()
        other: Counter[Kind] = Counter()
        for result in results:
            passage = result.key_passages[index]
            outcomes[passage.outcome] += 1
            if passage.outcome is KeyOutcome.OTHER_KIND:
                other.update({f.kind for f in passage.flags})
        passages.append(
            KeyPassage(
                key_flag,
                outcomes[KeyOutcome.FOUND],
                outcomes[KeyOutcome.OTHER_KIND],
                outcomes[KeyOutcome.MISSED],
                dict(other),
            )
        )
    # stable: equally missed passages keep the article's order
    return tuple(sorted(passages, key=lambda p: (-p.missed, -p.found_other_kind)))


def extra_passages(
    units: SentenceUnits,
    counts: Sequence[dict[Kind, int]],
    key_sentences: frozenset[int],
    marks: dict[Kind, list[frozenset[int]]],
    students: int,
) -> tuple[ExtraPassage, ...]:
    needed = max(EXTRA_MIN_STUDENTS, EXTRA_MIN_SHARE * students)
    flagged_by_students: Counter[int] = Counter()  # sentence -> students who flagged it
    for student in range(students):
        flagged_by_students.update(set().union(*(marks[kind][student] for kind in marks)))
    passages = []
    for sentence, by_kind in enumerate(counts):
        if sentence in key_sentences or not by_kind:
            continue
        flagged_by = flagged_by_students[sentence]
        if flagged_by >= needed:
            start, end = units.sentences[sentence]
            passages.append(ExtraPassage(sentence, start, end, flagged_by, dict(by_kind)))
    return tuple(sorted(passages, key=lambda p: -p.students))


def similar_pairs(results: Sequence[StudentResult]) -> tuple[SimilarPair, ...]:
    """Pairs of students whose marks are near-identical (Jaccard >= SIMILAR_JACCARD)."""
    kinds = {kind: index for index, kind in enumerate(Kind)}
    signatures = []
    for result in results:
        if len(result.work.flags) < SIMILAR_MIN_FLAGS:
            continue
        # the marks (sentence, kind) as the bits of one integer: pairs are many
        marks = 0
        for flag in result.work.flags:
            for sentence in result.footprints[flag.uuid].sentences:
                marks |= 1 << (sentence * len(kinds) + kinds[flag.kind])
        spans = frozenset((f.anchor.start, f.anchor.end, f.kind) for f in result.work.flags)
        signatures.append((marks.bit_count(), result.work.student_id, marks, spans))
    signatures.sort(key=lambda item: item[0])
    pairs = []
    for index, (size, student, marks, spans) in enumerate(signatures):
        for other_size, other, other_marks, other_spans in signatures[index + 1 :]:
            if size < SIMILAR_JACCARD * other_size:
                break  # sorted by size: the rest are larger still
            common = (marks & other_marks).bit_count()
            similarity = common / (size + other_size - common)
            if similarity >= SIMILAR_JACCARD:
                pairs.append(SimilarPair(student, other, similarity, spans == other_spans))
    return tuple(sorted(pairs, key=lambda p: -p.similarity))


def overview_json(overview: ClassOverview) -> dict[str, Any]:
    """The overview as plain JSON data, for ``--json`` output."""
    text = overview.article.text

    def quote(flag: Annotation) -> dict[str, Any]:
        return {
            "uuid": flag.uuid,
            "kind": flag.kind.value,
            "start": flag.anchor.start,
            "end": flag.anchor.end,
            "exact": flag.anchor.exact,
        }

    def figure(value: float | None) -> float | None:
        return None if value is None else round(value, 4)

    overlap = overview.overlap
    return {
        "article": overview.article.title,
        "kinds": [kind.value for kind in overview.kinds],
        "key_flags": len(overview.key),
        "students": [
            {
                "id": r.work.student_id,
                "name": overview.names[r.work.student_id],
                "handed_in": r.work.handed_in,
                "summary": r.summary(),
                "total": vars(r.total),
                "per_kind": {kind.value: vars(r.per_kind[kind]) for kind in overview.kinds},
                "precision": figure(r.overlap.precision),
                "recall": figure(r.overlap.recall),
            }
            for r in overview.students
        ],
        "passages": [
            {
                **quote(p.key_flag),
                "found": p.found,
                "other_kinds": {kind.value: n for kind, n in p.other_kinds.items()},
                "missed": p.missed,
            }
            for p in overview.passages
        ],
        "extra_passages": [
            {
                "start": p.start,
                "end": p.end,
                "exact": text[p.start : p.end],
                "students": p.students,
                "kinds": {kind.value: n for kind, n in p.kinds.items()},
            }
            for p in overview.extra_passages
        ],
        "agreement": {
            "reading": overview.agreement.reading,
            "alpha": {
                kind.value: figure(a.alpha) for kind, a in overview.agreement.per_kind.items()
            },
        },
        "similar": [
            {
                "students": [overview.names[p.first], overview.names[p.second]],
                "similarity": figure(p.similarity),
                "identical": p.identical,
            }
            for p in overview.similar
        ],
        "precision": figure(overlap.precision),
        "recall": figure(overlap.recall),
    }
