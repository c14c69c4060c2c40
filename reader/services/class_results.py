"""The class against the key, as the teacher sees it, and a student's own result;
the teacher's comments to each student."""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Hashable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.classroom.figures import FORMAT as FIGURES_FORMAT
from reader.classroom.figures import ClassFigures, class_figures, figures_from_json, figures_json
from reader.classroom.names import display_names
from reader.core.background import in_thread
from reader.core.models import Annotation, Article, ReaderError
from reader.storage import classroom as store
from reader.storage.classroom import KEY_LAYER, Role, StoredAssignment, StoredSubmission
from reader.storage.library import Library

if TYPE_CHECKING:  # it compares: imported when a comparison is asked for
    from reader.classroom.overview import ClassOverview, PlacedKey
    from reader.classroom.scores import StudentResult

# The class view's first paint reads only the figures: what files, assignments and the
# comparison need is imported in the functions that use them.

AHEAD_WAIT_SECONDS = 2.0  # for the work done ahead in a thread, at most, before doing it here

# Compare


@dataclass(frozen=True)
class ClassView:
    """The teacher's view: the whole class against the key as it is now."""

    assignment: StoredAssignment
    overview: ClassOverview
    comments: dict[str, str]  # student id -> the teacher's comment
    inputs: str = ""  # the stamp of what it was computed from (see ``ClassInputs``)


@dataclass(frozen=True)
class StudentView:
    """A student's view, once the key is released: their own result only."""

    assignment: StoredAssignment
    overview: ClassOverview
    result: StudentResult
    comment: str


def class_view(library: Library, found: StoredAssignment) -> ClassView:
    from reader.classroom.overview import build_overview
    from reader.classroom.scores import StudentWork

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


@dataclass(frozen=True)
class ShownClass:
    """What the class view paints: the class's figures and the teacher's comments."""

    assignment: StoredAssignment
    article: Article
    figures: ClassFigures
    comments: dict[str, str]  # student id -> the teacher's comment
    inputs: str  # what the figures were computed from (see ``ClassInputs``)


@dataclass(frozen=True)
class ClassInputs:
    """What the class's figures are computed from, read in a few cheap queries: the
    article, the kinds asked, each layer's change number, who handed in under which name
    and when.  ``stamp`` tells two apart."""

    article: Article
    changes: dict[str, int]  # layer name -> its change number
    stored: list[StoredSubmission]
    stamp: str


def class_inputs(library: Library, found: StoredAssignment) -> ClassInputs:
    article = library.article(found.article_id)
    changes = store.layer_changes(library, article.id)
    stored = store.submissions(library, found.assignment_id)
    described = [
        FIGURES_FORMAT,
        article.id,
        article.sha256,
        [kind.value for kind in found.kinds],
        changes.get(KEY_LAYER, 0),
        [[s.student_id, changes.get(s.layer, 0), s.student_name, s.handed_in] for s in stored],
    ]
    stamp = hashlib.sha256(json.dumps(described).encode()).hexdigest()
    return ClassInputs(article, changes, stored, stamp)


class KeptClassView:
    """The class's figures and overview read last, kept while nothing is written to the
    library: opening the class view again compares no submission.

    After a write only what changed is compared again: the key is kept while the
    article, the kinds asked and the key layer's change number hold; each student's
    result while the key, their layer's change number, their name and hand-in time hold;
    the overview while every result does.  The figures, once their agreement is worked
    out, are kept in the library with the stamp of their inputs, so that the first class
    view of a session paints them without comparing; the overview can then be worked
    out ahead, in a thread (:meth:`work_out_ahead`), for the first click on a student or
    a passage."""

    def __init__(self) -> None:
        self._library: Library | None = None
        self._assignment_id = ""
        # working out ahead: the assignment, and what the thread works out
        self._ahead: tuple[str, Future[KeptClassView | None]] | None = None
        self._forget()

    def _forget(self) -> None:
        self._shown: tuple[tuple[int, int], ShownClass] | None = None  # by change stamp
        self._view: tuple[tuple[int, int], ClassView] | None = None
        self._figures: tuple[str, ClassFigures] | None = None  # by inputs' stamp
        self._key: tuple[Hashable, PlacedKey] | None = None  # what it depends on, the key
        # student id -> what their result depends on, the result
        self._results: dict[str, tuple[Hashable, StudentResult]] = {}
        self._overview: tuple[list[StudentResult], ClassOverview] | None = None
        self._kept_in_library = ""  # the stamp of the inputs of the figures kept there

    def _same(self, library: Library, found: StoredAssignment) -> None:
        """Forget everything kept if it was another library's or assignment's."""
        if self._library is not library or self._assignment_id != found.assignment_id:
            self._forget()
            self._library, self._assignment_id = library, found.assignment_id

    def work_out_ahead(self, path: Path, found: StoredAssignment, *, keep: bool) -> None:
        """Work out the class's overview in a thread, on a connection of its own to the
        library at ``path``; and with ``keep``, its figures, agreed, kept in the library.
        The next use takes what it worked out (waiting for it if need be: it is nearer
        than a comparison started beside it). Nothing if it is known already, or the
        library cannot be read or written then: it is worked out when needed."""
        if self._ahead is not None and not self._ahead[1].done():
            return
        if self._assignment_id == found.assignment_id and self._overview is not None:
            return

        def work() -> KeptClassView | None:
            if not path.is_file():
                return None  # (opening would make a new library there)
            with contextlib.suppress(ReaderError):
                library = Library.open(path)
                try:
                    kept = KeptClassView()
                    if keep:
                        shown = kept.agreed(library, kept.shown(library, found))
                        if shown is not None:
                            kept.keep(library, shown)
                    else:
                        kept.of(library, found)
                    return kept
                finally:
                    library.close()
            return None

        self._ahead = (found.assignment_id, in_thread("class-overview", work))

    def _take_ahead(self, found: StoredAssignment) -> None:
        """Take what a thread worked out ahead for this assignment, once it is done. Its
        key and results are checked on use, like the ones worked out here."""
        if self._ahead is None:
            return
        assignment_id, future = self._ahead
        try:
            other = future.result(AHEAD_WAIT_SECONDS)
        except TimeoutError:
            return  # taken at a later use
        self._ahead = None
        if other is not None and assignment_id == found.assignment_id and not self._results:
            self._key, self._results, self._overview = other._key, other._results, other._overview

    def shown(self, library: Library, found: StoredAssignment) -> ShownClass:
        """The figures to paint: those kept, or kept in the library for these very
        inputs, or else worked out (their agreement still to come: :meth:`agreed`)."""
        self._same(library, found)
        self._take_ahead(found)
        stamp = store.change_stamp(library)
        if self._shown is not None and self._shown[0] == stamp:
            return self._shown[1]
        inputs = class_inputs(library, found)
        if self._figures is None or self._figures[0] != inputs.stamp:
            self._figures = (inputs.stamp, self._figures_for(library, found, inputs))
        comments = store.feedback(library, found.assignment_id)
        shown = ShownClass(found, inputs.article, self._figures[1], comments, inputs.stamp)
        self._shown = (stamp, shown)
        return shown

    def _figures_for(
        self, library: Library, found: StoredAssignment, inputs: ClassInputs
    ) -> ClassFigures:
        kept = store.kept_figures(library, found.assignment_id)
        if kept is not None and kept[0] == inputs.stamp:
            try:
                figures = figures_from_json(kept[1])
                self._kept_in_library = inputs.stamp
                return figures
            except ValueError:
                pass  # worked out again, and kept again once agreed
        overview = self._overview_for(library, found, inputs)
        return class_figures(overview, with_agreement="agreement" in vars(overview))

    def agreed(self, library: Library, shown: ShownClass) -> ShownClass | None:
        """The figures shown with their agreement worked out (numpy); None when the
        library changed since they were read (show them again)."""
        if shown.figures.agreement is not None:
            return shown
        view = self.of(library, shown.assignment)
        if view.inputs != shown.inputs:
            return None
        figures = class_figures(view.overview, with_agreement=True)
        self._figures = (shown.inputs, figures)
        return ShownClass(shown.assignment, shown.article, figures, shown.comments, shown.inputs)

    def keep(self, library: Library, shown: ShownClass) -> None:
        """Keep the figures shown, once agreed, in the library for the next session."""
        if shown.figures.agreement is None or self._kept_in_library == shown.inputs:
            return
        text = figures_json(shown.figures)
        store.keep_figures(library, shown.assignment.assignment_id, shown.inputs, text)
        self._kept_in_library = shown.inputs

    def of(self, library: Library, found: StoredAssignment) -> ClassView:
        """The whole overview, as the report and ``reader class`` compute it."""
        self._same(library, found)
        self._take_ahead(found)
        stamp = store.change_stamp(library)
        if self._view is not None and self._view[0] == stamp:
            return self._view[1]
        inputs = class_inputs(library, found)
        overview = self._overview_for(library, found, inputs)
        comments = store.feedback(library, found.assignment_id)
        view = ClassView(found, overview, comments, inputs.stamp)
        self._view = (stamp, view)
        return view

    def _overview_for(
        self, library: Library, found: StoredAssignment, inputs: ClassInputs
    ) -> ClassOverview:
        from reader.classroom.overview import gather_overview, place_key, score_work
        from reader.classroom.scores import StudentWork

        article, changes = inputs.article, inputs.changes
        key_depends = (article.id, article.sha256, found.kinds, changes.get(KEY_LAYER, 0))
        if self._key is None or self._key[0] != key_depends:
            key = library.annotations(article.id, KEY_LAYER)
            self._key = (key_depends, place_key(article, key, found.kinds))
            self._results, self._overview = {}, None
        placed = self._key[1]
        stored = inputs.stored
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


def keep_class_figures(library: Library, assignment_id: str) -> None:
    """Work out the class's figures and keep them in the library, so that the next class
    view paints them without comparing (collecting does this once it has stored)."""
    found = store.assignment(library, assignment_id)
    if found is None:
        return
    kept = KeptClassView()
    shown = kept.agreed(library, kept.shown(library, found))
    if shown is not None:
        kept.keep(library, shown)


def figures_kept(library: Library, found: StoredAssignment) -> bool:
    """Whether the library keeps the class's figures for its work as it is now."""
    kept = store.kept_figures(library, found.assignment_id)
    return kept is not None and kept[0] == class_inputs(library, found).stamp


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


def latest_made(library: Library, article_id: int) -> StoredAssignment | None:
    """The latest assignment this library made on the article, if any."""
    made = [a for a in store.assignments(library, article_id) if a.role is Role.TEACHER]
    return max(made, key=lambda a: a.created) if made else None


def class_overview_of(library: Library, article_id: int) -> ClassOverview | None:
    """The class's work on the latest assignment made on the article, if any."""
    made = latest_made(library, article_id)
    return class_view(library, made).overview if made is not None else None


def student_view(library: Library, found: StoredAssignment) -> StudentView:
    from reader.classroom.overview import build_overview
    from reader.classroom.scores import StudentWork
    from reader.services.assignments import active_key, may_see, own_flags

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
    from reader.services.assignments import find_assignment

    found = find_assignment(library, target)
    if found.role is Role.TEACHER:
        return class_view(library, found)
    return student_view(library, found)


def report(library: Library, target: str, output: Path) -> ClassView:
    """Write the class report (HTML) for the teacher."""
    from reader.classroom.report import render_report
    from reader.services.assignments import check_output, teacher_assignment, write_bytes

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
    from reader.classroom.files import MAX_NOTE_CHARS
    from reader.services.assignments import teacher_assignment

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
    from reader.services.assignments import MIN_ID_PREFIX

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
