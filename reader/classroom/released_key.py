"""The released key (``.reader-key``): the teacher's flags, and perhaps one student's feedback.

Written when the teacher releases the key: the assignment id, the article
hash, the key's flags as a W3C ``AnnotationCollection`` and, in a file made
for one student, that student's id, name and the teacher's comment to them
(nobody else's).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.classroom.files import (
    MAX_NAME_CHARS,
    MAX_NOTE_CHARS,
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
from reader.core.models import Annotation, Article, LayerKind, ReaderError, Status, utc_now
from reader.w3c.reading import ParsedFlag

SUFFIX = ".reader-key"


@dataclass(frozen=True)
class Feedback:
    student_id: str
    student_name: str
    comment: str


@dataclass(frozen=True)
class ReleasedKey:
    assignment_id: str
    text_sha256: str
    released: str
    app_version: str
    flags: tuple[ParsedFlag, ...]
    feedback: Feedback | None

    def annotations(self, article_id: int) -> list[Annotation]:
        """The key's flags as annotations in the ``key`` layer of the student's article."""
        return [as_annotation(flag, article_id, LayerKind.KEY.value) for flag in self.flags]


def released_key_bytes(
    article: Article,
    *,
    assignment_id: str,
    key: Sequence[Annotation],
    feedback: Feedback | None = None,
) -> bytes:
    """The key file for the class, or for one student when ``feedback`` is given."""
    document: dict[str, Any] = envelope(FileFormat.KEY)
    document.update(
        {
            "assignment_id": assignment_id,
            "text_sha256": article.sha256,
            "released": utc_now(),
            "app_version": app_version(),
            "flags": flags_document(article, [f for f in key if f.status is Status.ACTIVE]),
        }
    )
    if feedback is not None:
        if len(feedback.comment) > MAX_NOTE_CHARS:
            raise ReaderError(f"the comment is longer than {MAX_NOTE_CHARS:,} characters")
        document["feedback"] = {
            "student_id": feedback.student_id,
            "student_name": check_name(feedback.student_name.strip(), "the student's name"),
            "comment": feedback.comment,
        }
    return to_bytes(document)


def load_released_key(path: Path, text: str) -> ReleasedKey:
    return read_released_key(read_limited(path), str(path), text)


def read_released_key(raw: bytes, name: str, text: str) -> ReleasedKey:
    """The key in ``raw``, its flags checked against the assignment's canonical ``text``."""
    from reader.anchoring.canonical import text_sha256

    data = open_envelope(raw, name, FileFormat.KEY)
    sha256 = sha256_field(data, "text_sha256", name)
    if sha256 != text_sha256(text):
        raise ReaderError(f"{name} is the key for a different text of the article")
    feedback = None
    if data.get("feedback") is not None:
        part = required_dict(data, "feedback", name)
        where = f"{name}: feedback"
        feedback = Feedback(
            student_id=id_field(part, "student_id", where),
            student_name=name_field(part, "student_name", where),
            comment=text_field(part, "comment", where, limit=MAX_NOTE_CHARS),
        )
    return ReleasedKey(
        assignment_id=id_field(data, "assignment_id", name),
        text_sha256=sha256,
        released=time_field(data, "released", name),
        app_version=text_field(data, "app_version", name, limit=MAX_NAME_CHARS),
        flags=tuple(read_flags(data, "flags", name, text)),
        feedback=feedback,
    )
