"""The classroom loop as use cases: assign, open, hand in, collect, compare, release, feedback.

Each function takes the library, checks what the user asked, writes in one
transaction and returns a dataclass for the caller to show.  Who may see which
layer is decided by :func:`may_see` alone.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from reader.classroom.assignment import HINT_LAYER, load_assignment, new_assignment
from reader.classroom.files import (
    MAX_NOTE_CHARS,
    FileFormat,
    id_field,
    open_envelope,
    read_limited,
)
from reader.classroom.overview import ClassOverview, build_overview
from reader.classroom.released_key import Feedback, read_released_key, released_key_bytes
from reader.classroom.report import moment
from reader.classroom.scores import StudentResult, StudentWork
from reader.classroom.submission import (
    Arrival,
    Submission,
    arrival,
    display_names,
    read_submission,
    submission_bytes,
)
from reader.core.models import Annotation, ArticleMeta, Kind, LayerKind, ReaderError, new_uuid
from reader.core.models import utc_now as now
from reader.services.submission_files import gather
from reader.storage import classroom as store
from reader.storage.classroom import KEY_LAYER, Role, StoredAssignment, StoredSubmission
from reader.storage.library import Library

MIN_ID_PREFIX = 4
PRIVATE_LAYERS = frozenset({KEY_LAYER, HINT_LAYER, LayerKind.SUGGESTIONS.value})


# Who may see what


def may_see(role: Role | None, layer: str, *, key_released: bool) -> bool:
    """Whether the user of a library may see ``layer`` of an assignment's article.

    The one rule the command line and the app ask.  A teacher, and a reader
    with no assignment on the article, see every layer of their own library.
    A student sees the key only once it is released, and never another
    student's collected work.
    """
    if role is not Role.STUDENT:
        return True
    if layer == KEY_LAYER:
        return key_released
    return not is_collected_layer(layer)


def is_collected_layer(layer: str) -> bool:
    return layer.startswith(f"{LayerKind.SUBMISSION.value}:")


def is_own_work(layer: str) -> bool:
    """A layer of the student's own flags: what hand-in sends and their result compares."""
    return layer not in PRIVATE_LAYERS and not is_collected_layer(layer)


# Finding an assignment


def find_assignment(library: Library, target: str) -> StoredAssignment:
    """The assignment an article number or an assignment id (or its start) names."""
    target = target.strip()
    if target.isdigit():
        article = library.article(int(target))
        found = store.assignments(library, article.id)
        if not found:
            raise ReaderError(
                f"article {article.id} has no assignment "
                f"(make one with 'reader assign {article.id}')"
            )
        if len(found) > 1:
            ids = ", ".join(a.assignment_id[:8] for a in found)
            raise ReaderError(
                f"article {article.id} has {len(found)} assignments ({ids}): give the assignment id"
            )
        return found[0]
    if len(target) < MIN_ID_PREFIX:
        raise ReaderError(
            f"{target!r} is neither an article number nor an assignment id "
            f"(at least its first {MIN_ID_PREFIX} characters)"
        )
    found = store.assignments_by_prefix(library, target)
    if not found:
        raise ReaderError(f"no assignment {target!r} in this library (see 'reader assignments')")
    if len(found) > 1:
        raise ReaderError(f"{target!r} starts {len(found)} assignment ids: give more of it")
    return found[0]


def teacher_assignment(library: Library, target: str) -> StoredAssignment:
    found = find_assignment(library, target)
    if found.role is not Role.TEACHER:
        raise ReaderError(
            f"'{found.title}' was opened here as a student: only the teacher's library can do that"
        )
    return found


# The teacher's key


@dataclass(frozen=True)
class KeyResult:
    article_id: int
    moved: int
    key_flags: int


def use_as_key(library: Library, article_id: int, layer: str = LayerKind.MINE.value) -> KeyResult:
    """Move the active flags of ``layer`` into the article's key (added to what it holds)."""
    library.article(article_id)
    if layer == KEY_LAYER:
        raise ReaderError("those flags are the key already")
    if any(a.role is Role.STUDENT for a in store.assignments(library, article_id)):
        raise ReaderError("this article is an assignment you opened as a student")
    flags = [a for a in library.annotations(article_id, layer) if a.status.value == "active"]
    if not flags:
        raise ReaderError(f"article {article_id} has no flags in the layer {layer!r}")
    moved = [replace(flag, layer=KEY_LAYER) for flag in flags]
    library.replace_annotations([flag.uuid for flag in flags], moved)
    return KeyResult(article_id, len(moved), len(active_key(library, article_id)))


def active_key(library: Library, article_id: int) -> list[Annotation]:
    return [a for a in library.annotations(article_id, KEY_LAYER) if a.status.value == "active"]


def presented_flags(library: Library, article_id: int) -> list[Annotation]:
    """The flags presentation mode reveals, in reading order: the key, where this
    library may see it, else the reader's own flags."""
    found = store.assignments(library, article_id)
    role = found[0].role if found else None
    released = any(a.key_released for a in found)
    key = active_key(library, article_id) if may_see(role, KEY_LAYER, key_released=released) else []
    flags = key or [
        a
        for a in library.annotations(article_id)
        if is_own_work(a.layer) and a.status.value == "active"
    ]
    return sorted(flags, key=lambda a: (a.anchor.start, a.anchor.end))


# Assign


@dataclass(frozen=True)
class AssignResult:
    assignment_id: str
    article_id: int
    title: str
    path: Path
    kinds: tuple[Kind, ...]
    hints: int
    key_flags: int


def assign(
    library: Library,
    article_id: int,
    output: Path,
    *,
    title: str,
    instructions: str = "",
    kinds: Sequence[Kind] = tuple(Kind),
    due: str = "",
    class_name: str = "",
    hint_layer: str = "",
) -> AssignResult:
    """Write an assignment file on the article and remember the assignment, both or neither."""
    article = library.article(article_id)
    if hint_layer == KEY_LAYER:
        raise ReaderError("the key cannot be given as hints (name another layer)")
    hints = [a for a in library.annotations(article_id, hint_layer)] if hint_layer else []
    if hint_layer and not hints:
        raise ReaderError(f"article {article_id} has no flags in the layer {hint_layer!r}")
    made, raw = new_assignment(
        article,
        title=title,
        instructions=instructions,
        kinds=kinds,
        due=due,
        class_name=class_name,
        hints=[h for h in hints if h.status.value == "active"],
    )
    check_output(library, output)
    with library.transaction():
        store.add_assignment(
            library,
            StoredAssignment(
                assignment_id=made.assignment_id,
                article_id=article.id,
                role=Role.TEACHER,
                title=made.title,
                instructions=made.instructions,
                kinds=made.kinds,
                due=made.due,
                class_name=made.class_name,
                text_sha256=article.sha256,
                created=made.created,
            ),
        )
        write_bytes(output, raw)  # a failed write undoes the assignment
    return AssignResult(
        made.assignment_id,
        article.id,
        made.title,
        output,
        made.kinds,
        len(made.hints),
        len(active_key(library, article.id)),
    )


def check_output(library: Library, output: Path) -> None:
    if library.is_library_file(output):
        raise ReaderError("that would overwrite the library itself: choose another file")


def write_bytes(path: Path, raw: bytes) -> None:
    from reader.services.article_files import write_file_atomically

    write_file_atomically(path, raw.decode("utf-8"))


# Open an assignment (a student)


class OpenOutcome(StrEnum):
    OPENED = "opened"
    ALREADY_OPEN = "already_open"
    OWN = "own"  # the teacher's own assignment


@dataclass(frozen=True)
class OpenResult:
    assignment_id: str
    article_id: int
    title: str
    outcome: OpenOutcome
    instructions: str
    kinds: tuple[Kind, ...]
    due: str
    hints: int


def open_assignment(library: Library, path: Path) -> OpenResult:
    """Add an assignment's article (with its hints) to a student's library, once."""
    made = load_assignment(path)
    known = store.assignment(library, made.assignment_id)

    def result(article_id: int, outcome: OpenOutcome) -> OpenResult:
        return OpenResult(
            made.assignment_id,
            article_id,
            made.title,
            outcome,
            made.instructions,
            made.kinds,
            made.due,
            len(made.hints),
        )

    if known is not None:
        outcome = OpenOutcome.OWN if known.role is Role.TEACHER else OpenOutcome.ALREADY_OPEN
        return result(known.article_id, outcome)
    meta = made.article
    with library.transaction():
        imported = library.import_article(
            ArticleMeta(
                title=meta.title,
                markdown=meta.markdown,
                source_format=meta.source_format,
                author=meta.author,
                publication=meta.publication,
                url=meta.url,
                published=meta.published,
            )
        )
        article = imported.article
        if article.sha256 != made.text_sha256:
            raise ReaderError(f"{path}: the article could not be added as the teacher wrote it")
        store.add_assignment(
            library,
            StoredAssignment(
                assignment_id=made.assignment_id,
                article_id=article.id,
                role=Role.STUDENT,
                title=made.title,
                instructions=made.instructions,
                kinds=made.kinds,
                due=made.due,
                class_name=made.class_name,
                text_sha256=made.text_sha256,
                created=made.created,
            ),
        )
        library.add_annotations(
            [replace(h, uuid=new_uuid()) for h in made.hint_annotations(article.id)]
        )
    return result(article.id, OpenOutcome.OPENED)


# Hand in (a student)


@dataclass(frozen=True)
class HandInResult:
    path: Path
    assignment_id: str
    title: str
    student_name: str
    flags: int
    handed_in: str


def hand_in(library: Library, target: str, output: Path, name: str = "") -> HandInResult:
    """Write the student's submission file: their own active flags on the assignment."""
    found = find_assignment(library, target)
    if found.role is not Role.STUDENT:
        raise ReaderError(
            f"'{found.title}' was made in this library: students hand in from their own"
        )
    name = name.strip() or (library.setting(store.STUDENT_NAME_SETTING) or "")
    if not name:
        raise ReaderError('say who you are: --name "Your Name"')
    article = library.article(found.article_id)
    if article.sha256 != found.text_sha256:
        raise ReaderError("the article was changed since the assignment was opened")
    flags = own_flags(library, found)
    check_output(library, output)
    student_id = store.own_student_id(library)
    handed_in = datetime.now(UTC).isoformat()  # to the microsecond: a new file is always newer
    raw = submission_bytes(
        article,
        assignment_id=found.assignment_id,
        student_id=student_id,
        student_name=name,
        flags=flags,
        handed_in=handed_in,
    )
    write_bytes(output, raw)
    store.remember_student_name(library, name)
    return HandInResult(output, found.assignment_id, found.title, name, len(flags), handed_in)


def own_flags(library: Library, found: StoredAssignment) -> list[Annotation]:
    return [
        a
        for a in library.annotations(found.article_id)
        if is_own_work(a.layer) and a.status.value == "active"
    ]


def describe_flags(flags: Sequence[Annotation]) -> str:
    """What a student is about to hand in, in words: "6 flags: 3 unsourced claims,
    2 opinions, 1 context note; 1 flag without a note"."""
    if not flags:
        return "no flags yet"
    counts = [(kind, sum(flag.kind is kind for flag in flags)) for kind in Kind]
    kinds = ", ".join(f"{n} {kind.label.lower()}{'' if n == 1 else 's'}" for kind, n in counts if n)
    text = f"{counted(len(flags), 'flag')}: {kinds}"
    bare = sum(not flag.note.strip() for flag in flags)
    return f"{text}; {counted(bare, 'flag')} without a note" if bare else text


def counted(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


# Collect (the teacher)


class CollectOutcome(StrEnum):
    NEW = "new"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class Collected:
    source: str
    assignment_id: str
    student_id: str
    student_name: str
    outcome: CollectOutcome
    flags: int
    replaced_handed_in: str = ""


@dataclass
class CollectResult:
    collected: list[Collected] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, message)
    skipped: int = 0


def collect(library: Library, paths: Sequence[Path]) -> CollectResult:
    """Store each submission as its student's layer; each one is one transaction.

    A bad file is named and left out; the others are stored.  Within one call
    the files are taken oldest first, so a newer file replaces an older one
    whatever order they were found in."""
    sources = gather(paths)
    result = CollectResult(failed=list(sources.broken), skipped=sources.skipped)
    read: list[tuple[Submission, str]] = []
    for found in sources.found:
        try:
            raw = found.read()
            read.append((read_submission(raw, found.label), hashlib.sha256(raw).hexdigest()))
        except ReaderError as error:
            result.failed.append((found.label, str(error)))
    read.sort(key=lambda item: datetime.fromisoformat(item[0].handed_in))
    for submission, file_hash in read:
        try:
            result.collected.append(collect_one(library, submission, file_hash))
        except ReaderError as error:
            result.failed.append((submission.file_name, str(error)))
    return result


def collect_one(library: Library, submission: Submission, file_hash: str) -> Collected:
    name = submission.file_name
    found = store.assignment(library, submission.assignment_id)
    if found is None:
        raise ReaderError(f"{name} is for an assignment that is not in this library")
    if found.role is not Role.TEACHER:
        raise ReaderError(f"{name} is for '{found.title}', which this library opened as a student")
    if submission.text_sha256 != found.text_sha256:
        raise ReaderError(
            f"{name} was made on a different text of the article (it was edited): "
            "it cannot be compared"
        )
    article = library.article(found.article_id)
    if article.sha256 != found.text_sha256:
        raise ReaderError(
            f"{name}: the article was changed since '{found.title}' was assigned: "
            "it cannot be compared"
        )
    layer = store.submission_layer(found.assignment_id, submission.student_id)
    flags = [  # new ids: two files may carry the same ones (a copied submission)
        replace(flag, layer=layer, uuid=new_uuid())
        for flag in submission.annotations(article.id, article.text)
    ]
    stored = store.submission(library, found.assignment_id, submission.student_id)
    outcome = arrival(submission.handed_in, stored.handed_in if stored else None)
    base = Collected(
        name,
        found.assignment_id,
        submission.student_id,
        submission.student_name,
        CollectOutcome.NEW,
        len(flags),
    )
    if stored is not None and outcome is Arrival.NOT_NEWER:
        if stored.file_sha256 == file_hash:
            return replace(base, outcome=CollectOutcome.UNCHANGED)
        raise ReaderError(
            f"{name} is older than the submission of {stored.student_name} collected before "
            f"(handed in {moment(stored.handed_in)}): not collected"
        )
    store.store_submission(
        library,
        article.id,
        StoredSubmission(
            found.assignment_id,
            submission.student_id,
            submission.student_name,
            submission.handed_in,
            file_hash,
            now(),
        ),
        flags,
    )
    if stored is None:
        return base
    return replace(base, outcome=CollectOutcome.REPLACED, replaced_handed_in=stored.handed_in)


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


@dataclass(frozen=True)
class ReleaseResult:
    assignment_id: str
    paths: list[Path]
    key_flags: int


def release_key(
    library: Library, target: str, output: Path, *, per_student: bool = False
) -> ReleaseResult:
    """Write the key for the class, or one file per collected student with their comment."""
    found = teacher_assignment(library, target)
    article = library.article(found.article_id)
    key = [flag for flag in active_key(library, article.id) if flag.kind in found.kinds]
    if not key:
        raise ReaderError(
            f"the key of '{found.title}' is empty: nothing to release "
            f"(flag the article and run 'reader use-as-key {article.id}')"
        )
    if not per_student:
        check_output(library, output)
        write_bytes(output, released_key_bytes(article, assignment_id=found.assignment_id, key=key))
        return ReleaseResult(found.assignment_id, [output], len(key))
    stored = store.submissions(library, found.assignment_id)
    if not stored:
        raise ReaderError(f"nobody's work on '{found.title}' is collected yet")
    if output.exists() and not output.is_dir():
        raise ReaderError(f"{output} is a file: --per-student needs a folder")
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ReaderError(f"cannot create folder {output}: {error.strerror}") from None
    names = display_names([(s.student_id, s.student_name) for s in stored])
    comments = store.feedback(library, found.assignment_id)
    paths = []
    for student in stored:
        raw = released_key_bytes(
            article,
            assignment_id=found.assignment_id,
            key=key,
            feedback=Feedback(
                student.student_id, student.student_name, comments.get(student.student_id, "")
            ),
        )
        path = (
            output
            / f"{safe_file_name(names[student.student_id])}-{student.student_id[:8]}.reader-key"
        )
        write_bytes(path, raw)
        paths.append(path)
    return ReleaseResult(found.assignment_id, paths, len(key))


def safe_file_name(name: str) -> str:
    """A student's name as part of a file name on any system: letters, digits, - and _."""
    cleaned = "".join(ch if ch.isalnum() else "-" for ch in name)
    return "-".join(part for part in cleaned.split("-") if part)[:60] or "student"


@dataclass(frozen=True)
class KeyImportResult:
    assignment_id: str
    title: str
    article_id: int
    key_flags: int
    comment: str


def import_released_key(library: Library, path: Path) -> KeyImportResult:
    """A student imports the released key (with their comment, in a file made for them)."""
    raw = read_limited(path)
    # the header first, to find the assignment whose text the flags are checked against
    header = read_released_key_header(raw, str(path))
    found = store.assignment(library, header)
    if found is None:
        raise ReaderError(f"{path} is the key of an assignment that is not in this library")
    if found.role is Role.TEACHER:
        raise ReaderError(f"{path} is the key of '{found.title}', which you made here")
    article = library.article(found.article_id)
    key = read_released_key(raw, str(path), article.text)
    student_id = store.own_student_id(library)
    if key.feedback is not None and key.feedback.student_id != student_id:
        raise ReaderError(
            f"{path} was made for {key.feedback.student_name}, not for you: "
            "ask your teacher for your own file"
        )
    flags = [replace(flag, uuid=new_uuid()) for flag in key.annotations(article.id)]
    comment = key.feedback.comment if key.feedback is not None else None
    store.store_released_key(library, found.assignment_id, flags, key.released, student_id, comment)
    return KeyImportResult(found.assignment_id, found.title, article.id, len(flags), comment or "")


def read_released_key_header(raw: bytes, name: str) -> str:
    """The assignment id of a released key file, its envelope checked."""
    return id_field(open_envelope(raw, name, FileFormat.KEY), "assignment_id", name)


# Listing


@dataclass(frozen=True)
class AssignmentSummary:
    assignment: StoredAssignment
    submissions: int


def list_assignments(library: Library) -> list[AssignmentSummary]:
    return [
        AssignmentSummary(a, len(store.submissions(library, a.assignment_id)))
        for a in store.assignments(library)
    ]
