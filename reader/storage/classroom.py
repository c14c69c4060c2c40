"""The classroom in the library: assignments, collected submissions, feedback, the student id.

A library takes part in an assignment as its teacher (it made the assignment:
the key and the collected submissions live here) or as a student (it opened
the assignment file; a released key may arrive later).  Flags are kept where
every flag is, in layers of the article: the key in ``key``, each collected
submission in a layer of its own named by :func:`submission_layer`.  The
tables here hold what the layers cannot: who handed in what, and when.

Every write is one transaction of the library; a caller that opens an outer
``library.transaction()`` makes several of them one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from reader.core.models import Annotation, Kind, LayerKind, new_uuid, utc_now

if TYPE_CHECKING:
    import sqlite_utils

    from reader.storage.library import Library

STUDENT_ID_SETTING = "classroom_student_id"  # this library's own id when it hands work in
STUDENT_NAME_SETTING = "classroom_student_name"  # the name it last handed in under
KEY_LAYER = LayerKind.KEY.value
COLLECTED_PREFIX = f"{LayerKind.SUBMISSION.value}:"  # of the layers of collected work


class Role(StrEnum):
    """What this library is to an assignment."""

    TEACHER = "teacher"
    STUDENT = "student"


@dataclass(frozen=True)
class StoredAssignment:
    assignment_id: str
    article_id: int
    role: Role
    title: str
    instructions: str
    kinds: tuple[Kind, ...]
    due: str
    class_name: str
    text_sha256: str  # of the article's text the assignment was made on
    created: str
    key_released: str = ""  # on a student's side: when the key they imported was released


@dataclass(frozen=True)
class StoredSubmission:
    assignment_id: str
    student_id: str
    student_name: str
    handed_in: str
    file_sha256: str
    collected: str

    @property
    def layer(self) -> str:
        return submission_layer(self.assignment_id, self.student_id)


def submission_layer(assignment_id: str, student_id: str) -> str:
    """The layer holding one student's collected work on one assignment."""
    return f"{COLLECTED_PREFIX}{assignment_id}:{student_id}"


def is_collected_layer(layer: str) -> bool:
    """Whether the layer holds a student's collected work (see :func:`submission_layer`)."""
    return layer.startswith(COLLECTED_PREFIX)


def create_tables(db: sqlite_utils.Database) -> None:
    """The classroom schema; run by a migration, so never change it: add a migration."""
    db.table("assignments").create(
        {
            "assignment_id": str,
            "article_id": int,
            "role": str,
            "title": str,
            "instructions": str,
            "kinds": str,  # kind names joined by ","
            "due": str,
            "class_name": str,
            "text_sha256": str,
            "created": str,
            "key_released": str,
        },
        pk="assignment_id",
        not_null={"article_id", "role", "title", "kinds", "text_sha256"},
        foreign_keys=[("article_id", "articles", "id")],
    )
    db.table("assignments").create_index(["article_id"])
    db.table("submissions").create(
        {
            "assignment_id": str,
            "student_id": str,
            "student_name": str,
            "handed_in": str,
            "file_sha256": str,
            "collected": str,
        },
        pk=("assignment_id", "student_id"),
        not_null={"student_name", "handed_in", "file_sha256"},
        foreign_keys=[("assignment_id", "assignments", "assignment_id")],
    )
    db.table("feedback").create(
        {"assignment_id": str, "student_id": str, "comment": str, "updated": str},
        pk=("assignment_id", "student_id"),
        not_null={"comment"},
        foreign_keys=[("assignment_id", "assignments", "assignment_id")],
    )


def create_figures_table(db: sqlite_utils.Database) -> None:
    """The class's figures kept (see reader.services.class_results); run by a migration."""
    db.table("class_figures").create(
        {"assignment_id": str, "inputs": str, "figures": str},
        pk="assignment_id",
        not_null={"inputs", "figures"},
        foreign_keys=[("assignment_id", "assignments", "assignment_id")],
    )


ASSIGNMENT_COLUMNS = (
    "assignment_id, article_id, role, title, instructions, kinds, due, class_name, "
    "text_sha256, created, key_released"
)


def _assignment(row: tuple[object, ...]) -> StoredAssignment:
    kinds = str(row[5])
    return StoredAssignment(
        assignment_id=str(row[0]),
        article_id=int(str(row[1])),
        role=Role(str(row[2])),
        title=str(row[3]),
        instructions=str(row[4] or ""),
        kinds=tuple(Kind(name) for name in kinds.split(",") if name),
        due=str(row[6] or ""),
        class_name=str(row[7] or ""),
        text_sha256=str(row[8]),
        created=str(row[9] or ""),
        key_released=str(row[10] or ""),
    )


def add_assignment(library: Library, assignment: StoredAssignment) -> None:
    with library.transaction() as conn:
        conn.execute(
            f"INSERT INTO assignments ({ASSIGNMENT_COLUMNS}) VALUES ({', '.join('?' * 11)})",
            (
                assignment.assignment_id,
                assignment.article_id,
                assignment.role.value,
                assignment.title,
                assignment.instructions,
                ",".join(kind.value for kind in assignment.kinds),
                assignment.due,
                assignment.class_name,
                assignment.text_sha256,
                assignment.created,
                assignment.key_released,
            ),
        )


def assignment(library: Library, assignment_id: str) -> StoredAssignment | None:
    row = library.conn.execute(
        f"SELECT {ASSIGNMENT_COLUMNS} FROM assignments WHERE assignment_id = ?", (assignment_id,)
    ).fetchone()
    return None if row is None else _assignment(row)


def assignments(library: Library, article_id: int | None = None) -> list[StoredAssignment]:
    """All assignments (or those on one article), the newest first."""
    where, params = ("WHERE article_id = ?", (article_id,)) if article_id is not None else ("", ())
    rows = library.conn.execute(
        f"SELECT {ASSIGNMENT_COLUMNS} FROM assignments {where} ORDER BY created DESC, rowid DESC",
        params,
    ).fetchall()
    return [_assignment(row) for row in rows]


def made_any(library: Library) -> bool:
    """Whether this library made an assignment (as the teacher)."""
    query = "SELECT 1 FROM assignments WHERE role = ? LIMIT 1"
    return library.conn.execute(query, (Role.TEACHER.value,)).fetchone() is not None


def assignments_by_prefix(library: Library, prefix: str) -> list[StoredAssignment]:
    rows = library.conn.execute(
        f"SELECT {ASSIGNMENT_COLUMNS} FROM assignments WHERE substr(assignment_id, 1, ?) = ?",
        (len(prefix), prefix.lower()),
    ).fetchall()
    return [_assignment(row) for row in rows]


# This library as a student


def own_student_id(library: Library) -> str:
    """This library's student id, made at random on first use."""
    existing = library.setting(STUDENT_ID_SETTING)
    if existing:
        return existing
    with library.transaction() as conn:
        row = conn.execute(
            "SELECT value FROM settings WHERE key = ?", (STUDENT_ID_SETTING,)
        ).fetchone()
        if row is not None:  # another process made it meanwhile
            return str(row[0])
        made = new_uuid()
        _set(conn, STUDENT_ID_SETTING, made)
    return made


def remember_student_name(library: Library, name: str) -> None:
    with library.transaction() as conn:
        _set(conn, STUDENT_NAME_SETTING, name)


def _set(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def store_released_key(
    library: Library,
    assignment_id: str,
    key: Sequence[Annotation],
    released: str,
    student_id: str,
    comment: str | None,
) -> None:
    """A released key on a student's side: it replaces the key layer, with their comment."""
    with library.transaction() as conn:
        article_id = conn.execute(
            "SELECT article_id FROM assignments WHERE assignment_id = ?", (assignment_id,)
        ).fetchone()[0]
        old = [a.uuid for a in library.annotations(article_id, KEY_LAYER)]
        library.replace_annotations(old, key)
        conn.execute(
            "UPDATE assignments SET key_released = ? WHERE assignment_id = ?",
            (released, assignment_id),
        )
        if comment is not None:
            _set_feedback(conn, assignment_id, student_id, comment)


# This library as a teacher


SUBMISSION_COLUMNS = "assignment_id, student_id, student_name, handed_in, file_sha256, collected"


def submissions(library: Library, assignment_id: str) -> list[StoredSubmission]:
    rows = library.conn.execute(
        f"SELECT {SUBMISSION_COLUMNS} FROM submissions WHERE assignment_id = ? "
        "ORDER BY student_name, student_id",
        (assignment_id,),
    ).fetchall()
    return [StoredSubmission(*row) for row in rows]


def submission(library: Library, assignment_id: str, student_id: str) -> StoredSubmission | None:
    row = library.conn.execute(
        f"SELECT {SUBMISSION_COLUMNS} FROM submissions WHERE assignment_id = ? AND student_id = ?",
        (assignment_id, student_id),
    ).fetchone()
    return None if row is None else StoredSubmission(*row)


def store_submission(
    library: Library, article_id: int, stored: StoredSubmission, flags: Sequence[Annotation]
) -> None:
    """Keep one student's submission, replacing what they handed in before, in one transaction.

    ``flags`` must already be in the layer :attr:`StoredSubmission.layer` of the article."""
    with library.transaction() as conn:
        old = [a.uuid for a in library.annotations(article_id, stored.layer)]
        library.replace_annotations(old, flags)
        conn.execute(
            "INSERT INTO submissions (assignment_id, student_id, student_name, handed_in, "
            "file_sha256, collected) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (assignment_id, student_id) DO UPDATE SET "
            "student_name = excluded.student_name, handed_in = excluded.handed_in, "
            "file_sha256 = excluded.file_sha256, collected = excluded.collected",
            (
                stored.assignment_id,
                stored.student_id,
                stored.student_name,
                stored.handed_in,
                stored.file_sha256,
                stored.collected or utc_now(),
            ),
        )


def change_stamp(library: Library) -> tuple[int, int]:
    """Differs from the last one whenever something was written to the library since:
    rows changed through this connection, or a commit through another (another process)."""
    return library.conn.total_changes, library.data_version()


def layer_changes(library: Library, article_id: int) -> dict[str, int]:
    """Each layer of the article -> its change number: a write of one of its flags
    raises it (a trigger of the library, so any process's write does)."""
    return {
        str(name): int(change)
        for name, change in library.conn.execute(
            "SELECT l.name, coalesce(c.change, 0) FROM layers l "
            "LEFT JOIN layer_changes c ON c.layer_id = l.id WHERE l.article_id = ?",
            (article_id,),
        )
    }


def kept_figures(library: Library, assignment_id: str) -> tuple[str, str] | None:
    """The class's figures kept for the assignment, and what they were computed from."""
    row = library.conn.execute(
        "SELECT inputs, figures FROM class_figures WHERE assignment_id = ?", (assignment_id,)
    ).fetchone()
    return None if row is None else (str(row[0]), str(row[1]))


def keep_figures(library: Library, assignment_id: str, inputs: str, figures: str) -> None:
    with library.transaction() as conn:
        conn.execute(
            "INSERT INTO class_figures (assignment_id, inputs, figures) VALUES (?, ?, ?) "
            "ON CONFLICT (assignment_id) DO UPDATE SET "
            "inputs = excluded.inputs, figures = excluded.figures",
            (assignment_id, inputs, figures),
        )


def feedback(library: Library, assignment_id: str) -> dict[str, str]:
    """Student id -> the teacher's comment to them."""
    return {
        str(student): str(comment)
        for student, comment in library.conn.execute(
            "SELECT student_id, comment FROM feedback WHERE assignment_id = ?", (assignment_id,)
        )
    }


def set_feedback(library: Library, assignment_id: str, student_id: str, comment: str) -> None:
    """The comment to one student; an empty one removes it."""
    with library.transaction() as conn:
        _set_feedback(conn, assignment_id, student_id, comment)


def _set_feedback(conn: sqlite3.Connection, assignment_id: str, student_id: str, text: str) -> None:
    if not text.strip():
        conn.execute(
            "DELETE FROM feedback WHERE assignment_id = ? AND student_id = ?",
            (assignment_id, student_id),
        )
        return
    conn.execute(
        "INSERT INTO feedback (assignment_id, student_id, comment, updated) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (assignment_id, student_id) DO UPDATE SET "
        "comment = excluded.comment, updated = excluded.updated",
        (assignment_id, student_id, text, utc_now()),
    )
