"""How far the class agrees with itself: Krippendorff's alpha per kind, over sentences.

Each student rates every sentence of the article, per kind: flagged (their flag
of that kind covers a word of it) or not.  Alpha is computed by the
``krippendorff`` package (nominal level), imported only here because it loads
numpy.  It is 1 when every student marks the same sentences, about 0 when
they agree no more than chance would.  Krippendorff reads 0.8 and above as
reliable and 0.667 as the least to draw tentative conclusions from; the plain
words follow those marks.  With fewer than two students, or when nobody (or
everybody) flagged every sentence alike, there is nothing to measure and the
reading says why.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass

from reader.core.models import Kind

KIND_PLURALS: dict[Kind, str] = {
    Kind.UNSOURCED_CLAIM: "unsourced claims",
    Kind.OPINION: "opinion passages",
    Kind.CONTEXT_NOTE: "context notes",
}


@dataclass(frozen=True)
class KindAgreement:
    kind: Kind
    alpha: float | None  # None when it cannot be measured; ``reason`` says why
    reason: str = ""

    @property
    def words(self) -> str:
        """The reading of this kind's alpha, e.g. "mostly agrees on opinion passages (α 0.71)"."""
        what = KIND_PLURALS[self.kind]
        if self.alpha is None:
            return f"{what}: {self.reason}"
        if self.alpha >= 0.8:
            verb = "agrees well on"
        elif self.alpha >= 0.667:
            verb = "mostly agrees on"
        elif self.alpha >= 0.4:
            verb = "partly agrees on"
        else:
            verb = "does not agree on"
        return f"{verb} {what} (α {self.alpha:.2f})"


@dataclass(frozen=True)
class ClassAgreement:
    per_kind: dict[Kind, KindAgreement]

    @property
    def reading(self) -> str:
        """One line for the teacher, e.g. "The class mostly agrees on opinion passages (α 0.71);
        does not agree on unsourced claims (α 0.22); context notes: nobody flagged any." """
        measured = [a.words for a in self.per_kind.values() if a.alpha is not None]
        unmeasured = [a.words for a in self.per_kind.values() if a.alpha is None]
        parts = []
        if measured:
            parts.append("The class " + "; ".join(measured))
        parts.extend(unmeasured)
        line = "; ".join(parts)
        return line[:1].upper() + line[1:] + "." if line else ""

    @property
    def lines(self) -> list[str]:
        """The reading one kind a line, e.g. "The class mostly agrees on opinion passages
        (α 0.71)." and "Context notes: nobody flagged any." """
        return [
            _sentence(("the class " if a.alpha is not None else "") + a.words)
            for a in self.per_kind.values()
        ]


def waiting_lines(kinds: Sequence[Kind]) -> list[str]:
    """What stands in for :attr:`ClassAgreement.lines` while alpha is worked out: as many
    lines."""
    return [_sentence(f"{KIND_PLURALS[kind]}: working it out…") for kind in kinds]


def _sentence(words: str) -> str:
    return words[:1].upper() + words[1:] + ("" if words.endswith("…") else ".")


def class_agreement(
    marks: Mapping[Kind, Sequence[Set[int]]], sentence_count: int, students: int
) -> ClassAgreement:
    """Alpha per kind; ``marks[kind]`` holds, per student, the sentences they flagged so."""
    return ClassAgreement(
        {
            kind: kind_agreement(kind, per_student, sentence_count, students)
            for kind, per_student in marks.items()
        }
    )


def kind_agreement(
    kind: Kind, per_student: Sequence[Set[int]], sentence_count: int, students: int
) -> KindAgreement:
    if students < 2:
        return KindAgreement(kind, None, "needs two students or more")
    flagged = [0] * sentence_count
    for sentences in per_student:
        for sentence in sentences:
            flagged[sentence] += 1
    total = sum(flagged)
    if total == 0:
        return KindAgreement(kind, None, "nobody flagged any")
    if total == students * sentence_count:
        return KindAgreement(kind, None, "everybody flagged every sentence")
    import krippendorff  # loads numpy: only when an overview is computed

    counts = [[students - count, count] for count in flagged]
    alpha = float(krippendorff.alpha(value_counts=counts, level_of_measurement="nominal"))
    return KindAgreement(kind, alpha)
