"""Collecting the students' submission files into the teacher's library."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from reader.classroom.report import moment
from reader.classroom.submission import Arrival, Submission, arrival, read_submission
from reader.core.models import ReaderError, new_uuid
from reader.core.models import utc_now as now
from reader.services.submission_files import gather
from reader.storage import classroom as store
from reader.storage.classroom import Role, StoredSubmission
from reader.storage.library import Library

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
    changed = {
        c.assignment_id for c in result.collected if c.outcome is not CollectOutcome.UNCHANGED
    }
    for assignment_id in sorted(changed):
        _keep_figures(library, assignment_id)
    return result


def _keep_figures(library: Library, assignment_id: str) -> None:
    """The class's figures worked out as part of collecting, not when the teacher opens
    the class view; if they cannot be, the class view says why."""
    from reader.services.class_results import keep_class_figures

    with contextlib.suppress(ReaderError):
        keep_class_figures(library, assignment_id)


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
