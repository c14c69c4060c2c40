"""Releasing the key to the class (one file per student, with their comment) and a
student importing it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from reader.classroom.files import FileFormat, id_field, open_envelope, read_limited
from reader.classroom.released_key import Feedback, read_released_key, released_key_bytes
from reader.classroom.submission import display_names
from reader.core.models import ReaderError, new_uuid
from reader.services.assignments import (
    active_key,
    check_output,
    safe_file_name,
    teacher_assignment,
    write_bytes,
)
from reader.storage import classroom as store
from reader.storage.classroom import Role
from reader.storage.library import Library


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
