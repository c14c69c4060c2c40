"""The submission file (``.reader-submission``): one student's flags on one assignment.

It holds the assignment id, the SHA-256 of the article's canonical text, the
student (a random id made once per student library, and the display name),
the time it was handed in, the app version, and the flags as a W3C
``AnnotationCollection`` (positions in code points).

Who is who: a submission belongs to its (assignment id, student id).  A newer
file from the same student replaces the older one; an older or equally old
file is refused.  Two students who type the same name have different ids, so
both are kept, and reports tell them apart (see :func:`display_names`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from reader.classroom.files import (
    MAX_NAME_CHARS,
    FileFormat,
    app_version,
    as_annotation,
    check_name,
    envelope,
    flags_document,
    id_field,
    name_field,
    open_envelope,
    read_flags,
    read_limited,
    required_dict,
    sha256_field,
    text_field,
    time_field,
    to_bytes,
)
from reader.classroom.names import display_names as display_names  # its old home
from reader.core.models import Annotation, Article, LayerKind, ReaderError, Status, utc_now
from reader.w3c.reading import ParsedFlag

SUFFIX = ".reader-submission"


@dataclass(frozen=True)
class Submission:
    """A submission's header and its flags, read but not yet checked against an article."""

    assignment_id: str
    text_sha256: str
    student_id: str
    student_name: str
    handed_in: str
    app_version: str
    file_name: str
    collection: dict[str, Any]  # the flags, checked by :func:`submission_flags`

    def flags(self, text: str) -> list[ParsedFlag]:
        """The flags, checked against the assignment's canonical ``text``."""
        return submission_flags(self, text)

    def annotations(self, article_id: int, text: str) -> list[Annotation]:
        """The flags as annotations in a ``submission`` layer of the stored article."""
        return [
            as_annotation(flag, article_id, LayerKind.SUBMISSION.value) for flag in self.flags(text)
        ]


def submission_bytes(
    article: Article,
    *,
    assignment_id: str,
    student_id: str,
    student_name: str,
    flags: Sequence[Annotation],
    handed_in: str = "",
) -> bytes:
    """The file a student hands in: their active flags on the assignment's ``article``."""
    name = student_name.strip()
    if not name:
        raise ReaderError("a name is needed to hand in")
    check_name(name, "the name")
    document: dict[str, Any] = envelope(FileFormat.SUBMISSION)
    document.update(
        {
            "assignment_id": assignment_id,
            "text_sha256": article.sha256,
            "student": {"id": student_id, "name": name},
            "handed_in": handed_in or utc_now(),
            "app_version": app_version(),
            "flags": flags_document(
                article, [flag for flag in flags if flag.status is Status.ACTIVE]
            ),
        }
    )
    return to_bytes(document)


def load_submission(path: Path) -> Submission:
    return read_submission(read_limited(path), str(path))


def read_submission(raw: bytes, name: str) -> Submission:
    """The submission in ``raw`` (its flags are checked by :meth:`Submission.flags`)."""
    data = open_envelope(raw, name, FileFormat.SUBMISSION)
    student = required_dict(data, "student", name)
    flags = required_dict(data, "flags", name)
    return Submission(
        assignment_id=id_field(data, "assignment_id", name),
        text_sha256=sha256_field(data, "text_sha256", name),
        student_id=id_field(student, "id", f"{name}: student"),
        student_name=name_field(student, "name", f"{name}: student"),
        handed_in=time_field(data, "handed_in", name),
        app_version=text_field(data, "app_version", name, limit=MAX_NAME_CHARS),
        file_name=name,
        collection=flags,
    )


def submission_flags(submission: Submission, text: str) -> list[ParsedFlag]:
    """Refuse a submission made on another text; else its flags, each checked against ``text``."""
    from reader.anchoring.canonical import text_sha256

    if text_sha256(text) != submission.text_sha256:
        raise ReaderError(
            f"{submission.file_name} was made on a different text of the article (it was edited): "
            "it cannot be compared"
        )
    return read_flags({"flags": submission.collection}, "flags", submission.file_name, text)


class Arrival(StrEnum):
    """What collecting a submission does, given what is already stored for that student."""

    NEW = "new"
    REPLACES = "replaces"
    NOT_NEWER = "not_newer"


def arrival(incoming_handed_in: str, stored_handed_in: str | None) -> Arrival:
    """Compare a submission with the stored one of the same (assignment, student id), if any."""
    if stored_handed_in is None:
        return Arrival.NEW
    incoming = datetime.fromisoformat(incoming_handed_in)
    stored = datetime.fromisoformat(stored_handed_in)
    return Arrival.REPLACES if incoming > stored else Arrival.NOT_NEWER
