"""The class against the key, as the teacher sees it, and a student's own result;
the teacher's comments to each student."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.classroom.files import MAX_NOTE_CHARS
from reader.classroom.overview import (
    ClassOverview,
    PlacedKey,
    build_overview,
    gather_overview,
    place_key,
    score_work,
)
from reader.classroom.scores import StudentResult, StudentWork
from reader.classroom.submission import display_names
from reader.core.models import Annotation, ReaderError
from reader.services.assignments import (
    MIN_ID_PREFIX,
    active_key,
    check_output,
    find_assignment,
    latest_made,
    may_see,
    own_flags,
    teacher_assignment,
    write_bytes,
)
from reader.storage import classroom as store
from reader.storage.classroom import KEY_LAYER, Role, StoredAssignment, StoredSubmission
from reader.storage.library import Library

# Compare


@dataclass(frozen=True)
class ClassView:
    """The teacher's view: the whole class against the key as it is now."""

    assignment: StoredAssignment
    overview: ClassOverview
    comments: dict[str, str]  # student id -> the teacher's comment


@dataclass(frozen=True)
class StudentView:
    """A student's view, once the key is released: their own result only."""

    assignment: StoredAssignment
    overview: ClassOverview
    result: StudentResult
    comment: str


def class_view(library: Library, found: StoredAssignment) -> ClassView:
    article = library.article(found.article_id)
    stored = store.submissions(library, found.assignment_id)
    by_layer: dict[str, list[Annotation]] = {s.layer: [] for s in stored}
    key: list[Annotation] = []
    for flag in library.annotations(article.id):
        if flag.layer == KEY_LAYER:
            key.append(flag)
        elif flag.layer in by_layer:
            by_layer[flag.layer].append(flag)
    works = [
        StudentWork(s.student_id, s.student_name, by_layer[s.layer], s.handed_in) for s in stored
    ]
    overview = build_overview(article, key, works, found.kinds)
    return ClassView(found, overview, store.feedback(library, found.assignment_id))


class KeptClassView:
    """The class view read last, kept while nothing is written to its library: opening
    it again compares no submission.  After a write only what changed is compared again:
    the key is kept while the article, the kinds asked and the key layer's change number
    hold; each student's result while the key, their layer's change number, their name
    and hand-in time hold; the overview while every result does (the comments are read
    again after any write)."""

    def __init__(self) -> None:
        self._kept: tuple[Library, str, tuple[int, int], ClassView] | None = None
        self._key: tuple[Hashable, PlacedKey] | None = None  # what it depends on, the key
        # student id -> what their result depends on, the result
        self._results: dict[str, tuple[Hashable, StudentResult]] = {}
        self._overview: tuple[list[StudentResult], ClassOverview] | None = None

    def of(self, library: Library, found: StoredAssignment) -> ClassView:
        stamp = store.change_stamp(library)
        kept = self._kept
        if kept is None or kept[0] is not library or kept[1] != found.assignment_id:
            self._key, self._results, self._overview = None, {}, None
        elif kept[2] == stamp:
            return kept[3]
        view = ClassView(
            found, self._read(library, found), store.feedback(library, found.assignment_id)
        )
        self._kept = (library, found.assignment_id, stamp, view)
        return view

    def _read(self, library: Library, found: StoredAssignment) -> ClassOverview:
        article = library.article(found.article_id)
        changes = store.layer_changes(library, article.id)
        key_depends = (article.id, article.sha256, found.kinds, changes.get(KEY_LAYER, 0))
        if self._key is None or self._key[0] != key_depends:
            key = library.annotations(article.id, KEY_LAYER)
            self._key = (key_depends, place_key(article, key, found.kinds))
            self._results, self._overview = {}, None
        placed = self._key[1]
        stored = store.submissions(library, found.assignment_id)
        depends = {
            s.student_id: (changes.get(s.layer, 0), s.student_name, s.handed_in) for s in stored
        }
        stale = [
            s
            for s in stored
            if s.student_id not in self._results
            or self._results[s.student_id][0] != depends[s.student_id]
        ]
        flags = layer_flags(
            library, article.id, [s.layer for s in stale], everyone=not self._results
        )
        for s in stale:
            work = StudentWork(s.student_id, s.student_name, flags.get(s.layer, []), s.handed_in)
            self._results[s.student_id] = (depends[s.student_id], score_work(placed, work))
        self._results = {s.student_id: self._results[s.student_id] for s in stored}
        scored = [result for _, result in self._results.values()]
        last = self._overview
        if (
            last is None
            or len(last[0]) != len(scored)
            or any(a is not b for a, b in zip(last[0], scored, strict=True))
        ):
            last = self._overview = (scored, gather_overview(placed, scored))
        return last[1]


def layer_flags(
    library: Library, article_id: int, layers: Sequence[str], *, everyone: bool
) -> dict[str, list[Annotation]]:
    """The flags of each of ``layers`` on the article; ``everyone``: the layers are most of
    the article's, read in one query."""
    if everyone:
        wanted = set(layers)
        found: dict[str, list[Annotation]] = {}
        for flag in library.annotations(article_id):
            if flag.layer in wanted:
                found.setdefault(flag.layer, []).append(flag)
        return found
    return {layer: library.annotations(article_id, layer) for layer in layers}


def class_overview_of(library: Library, article_id: int) -> ClassOverview | None:
    """The class's work on the latest assignment made on the article, if any."""
    made = latest_made(library, article_id)
    return class_view(library, made).overview if made is not None else None


def student_view(library: Library, found: StoredAssignment) -> StudentView:
    if not may_see(found.role, KEY_LAYER, key_released=bool(found.key_released)):
        raise ReaderError(
            f"the key of '{found.title}' is not released yet: "
            "your result shows once you import the key your teacher hands out"
        )
    article = library.article(found.article_id)
    student_id = store.own_student_id(library)
    name = library.setting(store.STUDENT_NAME_SETTING) or "You"
    work = StudentWork(student_id, name, own_flags(library, found))
    overview = build_overview(article, active_key(library, article.id), [work], found.kinds)
    comment = store.feedback(library, found.assignment_id).get(student_id, "")
    return StudentView(found, overview, overview.students[0], comment)


def compare(library: Library, target: str) -> ClassView | StudentView:
    """The teacher's class view, or a student's own result, as this library's role allows."""
    found = find_assignment(library, target)
    if found.role is Role.TEACHER:
        return class_view(library, found)
    return student_view(library, found)


def report(library: Library, target: str, output: Path) -> ClassView:
    """Write the class report (HTML) for the teacher."""
    from reader.classroom.report import render_report

    view = class_view(library, teacher_assignment(library, target))
    check_output(library, output)
    html = render_report(
        view.overview,
        assignment_title=view.assignment.title,
        class_name=view.assignment.class_name,
        comments=view.comments,
    )
    write_bytes(output, html.encode("utf-8"))
    return view


# Feedback and the released key


@dataclass(frozen=True)
class FeedbackResult:
    assignment_id: str
    student_id: str
    student_name: str
    removed: bool


def set_feedback(library: Library, target: str, student: str, comment: str) -> FeedbackResult:
    """The teacher's comment to one student (by shown name, name, or the start of the id)."""
    found = teacher_assignment(library, target)
    if len(comment) > MAX_NOTE_CHARS:
        raise ReaderError(f"the comment is longer than {MAX_NOTE_CHARS:,} characters")
    chosen = find_student(library, found, student)
    store.set_feedback(library, found.assignment_id, chosen.student_id, comment)
    names = shown_names(library, found)
    return FeedbackResult(
        found.assignment_id, chosen.student_id, names[chosen.student_id], not comment.strip()
    )


def shown_names(library: Library, found: StoredAssignment) -> dict[str, str]:
    stored = store.submissions(library, found.assignment_id)
    return display_names([(s.student_id, s.student_name) for s in stored])


def find_student(library: Library, found: StoredAssignment, student: str) -> StoredSubmission:
    stored = store.submissions(library, found.assignment_id)
    names = display_names([(s.student_id, s.student_name) for s in stored])
    wanted = student.strip().casefold()
    for test in (
        lambda s: names[s.student_id].casefold() == wanted,
        lambda s: s.student_name.casefold() == wanted,
        lambda s: len(wanted) >= MIN_ID_PREFIX and s.student_id.startswith(wanted),
    ):
        matches = [s for s in stored if test(s)]
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            shown = ", ".join(names[s.student_id] for s in matches)
            raise ReaderError(
                f"{student!r} could be {shown}: give the name as 'reader class' shows it"
            )
    raise ReaderError(f"no student {student!r} handed in '{found.title}' (see 'reader class')")
