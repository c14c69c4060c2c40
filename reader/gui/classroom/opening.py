"""Opening a classroom file in the app: an assignment (a student) or a released key.
A submission is collected instead (``ClassroomActions.take_submissions``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reader.classroom.assignment import SUFFIX as ASSIGNMENT_SUFFIX
from reader.classroom.released_key import SUFFIX as KEY_SUFFIX
from reader.classroom.submission import SUFFIX as SUBMISSION_SUFFIX

if TYPE_CHECKING:
    from reader.storage.library import Library

OPENED_SUFFIXES = (ASSIGNMENT_SUFFIX, KEY_SUFFIX)  # opened here
OPENABLE_SUFFIXES = (*OPENED_SUFFIXES, SUBMISSION_SUFFIX)  # offered by File › Open


def is_classroom_file(path: Path) -> bool:
    return path.name.lower().endswith(OPENED_SUFFIXES)


def is_released_key(path: Path) -> bool:
    return path.name.lower().endswith(KEY_SUFFIX)


def open_classroom_file(library: Library, path: Path) -> tuple[int, str]:
    """Add the assignment's article (or the released key) to the library: the article
    to show and what happened, in words. Raises ReaderError on a bad file."""
    from reader.services import classroom as service

    if is_released_key(path):
        key = service.import_released_key(library, path)
        return key.article_id, f"added the key of “{key.title}” ({key.key_flags} flags)"
    opened = service.open_assignment(library, path)
    if opened.outcome is service.OpenOutcome.OWN:
        return opened.article_id, f"you made “{opened.title}” in this library"
    if opened.outcome is service.OpenOutcome.ALREADY_OPEN:
        return opened.article_id, f"“{opened.title}” was open already"
    return (
        opened.article_id,
        f"opened the assignment “{opened.title}”: flag it, then File › Hand In",
    )
