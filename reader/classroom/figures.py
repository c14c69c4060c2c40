"""What the class view paints first, read off the overview: per student the tallies, the
passages with their counts, each sentence's count of students, the agreement in words.

They are kept in the library as JSON (see :mod:`reader.services.class_results`), so the
first class view of a session paints without comparing a submission.  This module
imports nothing that compares: reading them back stays cheap.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reader.classroom.tally import Tally, summary_sentence
from reader.core.models import Kind

if TYPE_CHECKING:
    from reader.classroom.overview import ClassOverview

# Raise it whenever what a figure means or how it is computed changes: figures kept in a
# library under another format are worked out again.
FORMAT = 1


@dataclass(frozen=True)
class StudentFigures:
    student_id: str
    name: str  # as shown (shared names told apart)
    handed_in: str
    total: Tally
    per_kind: dict[Kind, Tally]  # the kinds asked for

    def summary(self) -> str:
        """The result said to the student, in flags."""
        return summary_sentence(self.total)


@dataclass(frozen=True)
class KeyMark:
    """A key flag: where it is, and its kind."""

    uuid: str
    kind: Kind
    start: int
    end: int
    exact: str


@dataclass(frozen=True)
class PassageFigures:
    """A key flag across the class (see ``overview.KeyPassage``)."""

    key: KeyMark
    found: int
    found_other_kind: int
    missed: int


@dataclass(frozen=True)
class ExtraPassage:
    """A sentence no key flag covers that several students flagged."""

    sentence: int
    start: int
    end: int
    students: int  # distinct students who flagged it
    kinds: dict[Kind, int]  # students per kind


@dataclass(frozen=True)
class ClassFigures:
    kinds: tuple[Kind, ...]
    key: tuple[KeyMark, ...]  # in the order of the article
    students: tuple[StudentFigures, ...]  # by name
    passages: tuple[PassageFigures, ...]  # the most missed first
    extra_passages: tuple[ExtraPassage, ...]  # the most flagged first
    sentences: tuple[tuple[int, int], ...]  # each sentence's span in the article's text
    sentence_counts: tuple[dict[Kind, int], ...]  # per sentence: students who flagged it
    agreement: tuple[str, ...] | None  # its lines, None while not worked out

    @property
    def names(self) -> dict[str, str]:
        return {s.student_id: s.name for s in self.students}


def class_figures(overview: ClassOverview, *, with_agreement: bool) -> ClassFigures:
    """The overview's figures (``with_agreement``: its agreement worked out now, which
    loads numpy)."""

    def mark(flag: Any) -> KeyMark:
        return KeyMark(flag.uuid, flag.kind, flag.anchor.start, flag.anchor.end, flag.anchor.exact)

    return ClassFigures(
        kinds=overview.kinds,
        key=tuple(mark(flag) for flag in overview.key),
        students=tuple(
            StudentFigures(
                r.work.student_id,
                overview.names[r.work.student_id],
                r.work.handed_in,
                r.total,
                {kind: r.per_kind[kind] for kind in overview.kinds},
            )
            for r in overview.students
        ),
        passages=tuple(
            PassageFigures(mark(p.key_flag), p.found, p.found_other_kind, p.missed)
            for p in overview.passages
        ),
        extra_passages=overview.extra_passages,
        sentences=tuple(overview.units.sentences),
        sentence_counts=overview.sentence_counts,
        agreement=tuple(overview.agreement.lines) if with_agreement else None,
    )


def figures_json(figures: ClassFigures) -> str:
    def tally(t: Tally) -> dict[str, int]:
        return vars(t)

    def key(k: KeyMark) -> list[Any]:
        return [k.uuid, k.kind.value, k.start, k.end, k.exact]

    def by_kind(counts: dict[Kind, int]) -> dict[str, int]:
        return {kind.value: n for kind, n in counts.items()}

    return json.dumps(
        {
            "kinds": [kind.value for kind in figures.kinds],
            "key": [key(k) for k in figures.key],
            "students": [
                [
                    s.student_id,
                    s.name,
                    s.handed_in,
                    tally(s.total),
                    {kind.value: tally(t) for kind, t in s.per_kind.items()},
                ]
                for s in figures.students
            ],
            "passages": [
                [key(p.key), p.found, p.found_other_kind, p.missed] for p in figures.passages
            ],
            "extra": [
                [p.sentence, p.start, p.end, p.students, by_kind(p.kinds)]
                for p in figures.extra_passages
            ],
            "sentences": figures.sentences,
            "counts": [by_kind(counts) for counts in figures.sentence_counts],
            "agreement": figures.agreement,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def figures_from_json(text: str) -> ClassFigures:
    """The figures :func:`figures_json` wrote; ValueError if they are not."""
    try:
        data = json.loads(text)

        def key(k: list[Any]) -> KeyMark:
            return KeyMark(str(k[0]), Kind(k[1]), int(k[2]), int(k[3]), str(k[4]))

        def by_kind(counts: dict[str, int]) -> dict[Kind, int]:
            return {Kind(kind): int(n) for kind, n in counts.items()}

        def tally(counts: dict[str, int]) -> Tally:
            return Tally(**{name: int(n) for name, n in counts.items()})

        agreement = data["agreement"]
        return ClassFigures(
            kinds=tuple(Kind(kind) for kind in data["kinds"]),
            key=tuple(key(k) for k in data["key"]),
            students=tuple(
                StudentFigures(
                    str(s[0]),
                    str(s[1]),
                    str(s[2]),
                    tally(s[3]),
                    {Kind(kind): tally(t) for kind, t in s[4].items()},
                )
                for s in data["students"]
            ),
            passages=tuple(
                PassageFigures(key(p[0]), int(p[1]), int(p[2]), int(p[3])) for p in data["passages"]
            ),
            extra_passages=tuple(
                ExtraPassage(int(p[0]), int(p[1]), int(p[2]), int(p[3]), by_kind(p[4]))
                for p in data["extra"]
            ),
            sentences=tuple((int(s[0]), int(s[1])) for s in data["sentences"]),
            sentence_counts=tuple(by_kind(counts) for counts in data["counts"]),
            agreement=None if agreement is None else tuple(map(str, agreement)),
        )
    except (KeyError, IndexError, TypeError, ValueError) as error:
        raise ValueError(f"not the class's figures: {error}") from None
