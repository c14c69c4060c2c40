"""What the class view shows when the teacher points at one student or one passage,
and what she changes from there: her comment to a student, a student's extra
passage added to the key.

Every figure is read off the overview of :mod:`reader.classroom.overview`; nothing
here compares flags again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from reader.classroom.figures import ClassFigures
from reader.core.models import Annotation, ReaderError, Status, new_uuid
from reader.storage import classroom as store
from reader.storage.classroom import KEY_LAYER, StoredAssignment
from reader.storage.library import Library

if TYPE_CHECKING:
    from reader.classroom.overview import ClassOverview
    from reader.classroom.scores import StudentResult


class Mark(StrEnum):
    """A passage of one student's work against the key."""

    FOUND = "found"
    OTHER_KIND = "other_kind"  # found, but flagged as another kind
    MISSED = "missed"
    EXTRA = "extra"

    @property
    def label(self) -> str:
        return MARK_LABELS[self]


MARK_LABELS = {
    Mark.FOUND: "Found",
    Mark.OTHER_KIND: "Found as another kind",
    Mark.MISSED: "Missed",
    Mark.EXTRA: "Extra",
}


@dataclass(frozen=True)
class MarkedPassage:
    """A span of the article in one student's work: a key flag (found or missed), or one
    of the student's flags the key lacks."""

    start: int
    end: int
    mark: Mark
    flag: Annotation  # the key flag, or the student's extra flag
    student_flags: tuple[Annotation, ...] = ()  # the student's flags that found it


def student_result(overview: ClassOverview, student_id: str) -> StudentResult:
    for result in overview.students:
        if result.work.student_id == student_id:
            return result
    raise ReaderError("that student's work is no longer collected")


def student_marks(overview: ClassOverview, student_id: str) -> list[MarkedPassage]:
    """The student's work against the key, in the order of the article."""
    from reader.classroom.matching import KeyOutcome

    result = student_result(overview, student_id)
    marks = {KeyOutcome.FOUND: Mark.FOUND, KeyOutcome.OTHER_KIND: Mark.OTHER_KIND}
    passages = [
        MarkedPassage(
            p.key_flag.anchor.start,
            p.key_flag.anchor.end,
            marks.get(p.outcome, Mark.MISSED),
            p.key_flag,
            p.flags,
        )
        for p in result.key_passages
    ]
    passages += [MarkedPassage(f.anchor.start, f.anchor.end, Mark.EXTRA, f) for f in result.extra]
    return sorted(passages, key=lambda p: (p.start, p.end))


@dataclass(frozen=True)
class Flagger:
    """One student's flag on a passage, as the passage's list shows it."""

    student_id: str
    flag: Annotation
    extra: bool  # the flag is not in the key: it may be added to it


def who_flagged_key(overview: ClassOverview, key_uuid: str) -> list[Flagger]:
    """The students who found a key flag (with any kind), each with their flags on it."""
    index = next((i for i, f in enumerate(overview.key) if f.uuid == key_uuid), None)
    if index is None:
        return []
    return [
        Flagger(result.work.student_id, flag, False)
        for result in overview.students
        for flag in result.key_passages[index].flags
    ]


def who_flagged_sentence(overview: ClassOverview, sentence: int) -> list[Flagger]:
    """The students whose flags cover a word of ``sentence`` (an extra passage)."""
    return [
        Flagger(
            result.work.student_id,
            flag,
            any(flag.uuid == extra.uuid for extra in result.extra),
        )
        for result in overview.students
        for flag in result.work.flags
        if sentence in result.footprints[flag.uuid].sentences
    ]


def names_shown(figures: ClassFigures, *, hidden: bool) -> dict[str, str]:
    """Student id -> the name to show; hidden: Student 1, 2, … in the table's order."""
    if not hidden:
        return figures.names
    return {
        student.student_id: f"Student {number}"
        for number, student in enumerate(figures.students, start=1)
    }


def comment_on(library: Library, found: StoredAssignment, student_id: str, comment: str) -> None:
    """Keep the teacher's comment to one student (an empty one removes it)."""
    from reader.classroom.files import MAX_NOTE_CHARS  # (files: not needed to paint the view)

    if len(comment) > MAX_NOTE_CHARS:
        raise ReaderError(f"the comment is longer than {MAX_NOTE_CHARS:,} characters")
    store.set_feedback(library, found.assignment_id, student_id, comment)


def add_to_key(library: Library, found: StoredAssignment, flag: Annotation) -> Annotation:
    """A copy of a student's flag, added to the key of the assignment's article."""
    if flag.article_id != found.article_id or flag.layer == KEY_LAYER:
        raise ReaderError("only a student's flag on this assignment can be added to the key")
    if flag.kind not in found.kinds:
        raise ReaderError(f"the assignment does not ask for {flag.kind.label.lower()} flags")
    copy = replace(flag, uuid=new_uuid(), layer=KEY_LAYER, status=Status.ACTIVE, tags=[])
    library.add_annotation(copy)
    return copy


def remove_from_key(library: Library, flag: Annotation) -> None:
    """Take back a flag :func:`add_to_key` added (its undo)."""
    if flag.layer != KEY_LAYER:
        raise ReaderError("that flag is not in the key")
    library.delete_annotation(flag.uuid)


def restore_to_key(library: Library, flag: Annotation) -> None:
    """Add the very flag :func:`remove_from_key` took back (its redo)."""
    library.add_annotation(flag)
