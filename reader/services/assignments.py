"""Assignments as use cases: who may see what, the teacher's key, assign, open, hand in.

Each function takes the library, checks what the user asked, writes in one
transaction and returns a dataclass for the caller to show.  Who may see which
layer is decided by :func:`may_see` alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from reader.classroom.assignment import HINT_LAYER, Assignment, load_assignment, new_assignment
from reader.classroom.submission import submission_bytes
from reader.classroom.tally import counted
from reader.core.models import Annotation, ArticleMeta, Kind, LayerKind, ReaderError, new_uuid
from reader.storage import classroom as store
from reader.storage.classroom import KEY_LAYER, Role, StoredAssignment, is_collected_layer
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
        store.add_assignment(library, stored(made, article.id, Role.TEACHER))
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


def stored(made: Assignment, article_id: int, role: Role) -> StoredAssignment:
    """What the library remembers of an assignment made here or opened from a file."""
    return StoredAssignment(
        assignment_id=made.assignment_id,
        article_id=article_id,
        role=role,
        title=made.title,
        instructions=made.instructions,
        kinds=made.kinds,
        due=made.due,
        class_name=made.class_name,
        text_sha256=made.text_sha256,
        created=made.created,
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
        store.add_assignment(library, stored(made, article.id, Role.STUDENT))
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


def safe_file_name(name: str) -> str:
    """A student's name as part of a file name on any system: letters, digits, - and _."""
    cleaned = "".join(ch if ch.isalnum() else "-" for ch in name)
    return "-".join(part for part in cleaned.split("-") if part)[:60] or "student"


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
