"""What a student does with an assignment: its banner above the article, Hand In, and
their own result once the teacher released the key."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.models import ReaderError
from reader.gui.classroom.dialog_host import SUBMISSION_SUFFIX, with_suffix

if TYPE_CHECKING:
    from pathlib import Path

    from reader.gui.classroom.banner import AssignmentBanner
    from reader.gui.classroom.dialog_host import DialogHost
    from reader.storage.classroom import StoredAssignment


class StudentActions:
    """The student's side of the classroom, for the shown article."""

    def __init__(self, host: DialogHost) -> None:
        self._host = host
        self._banner: AssignmentBanner | None = None  # made for the first assignment shown

    def article_shown(self, found: StoredAssignment | None) -> None:
        """Show the banner if the article shown is an assignment this library opened as a
        student (``found``), hide it if not."""
        if found is not None or self._banner is not None:
            self.banner.show_assignment(found)

    @property
    def banner(self) -> AssignmentBanner:
        if self._banner is None:
            from reader.gui.classroom.banner import AssignmentBanner

            self._banner = AssignmentBanner(self._host.reading.view)
        return self._banner

    def assignment(self, article_id: int) -> StoredAssignment | None:
        """The assignment on the article this library opened as a student, if any."""
        from reader.storage import classroom as store

        found = [
            a
            for a in store.assignments(self._host.reading.library, article_id)
            if a.role is store.Role.STUDENT
        ]
        return found[0] if found else None

    def hand_in(self) -> None:
        """Say what will be handed in, ask the name, then the file."""
        from reader.gui.classroom.dialogs import HandInDialog
        from reader.services import classroom as service
        from reader.storage.classroom import STUDENT_NAME_SETTING

        host = self._host
        reading = host.reading
        article = reading.article
        found = self.assignment(article.id) if article is not None else None
        if found is None:
            reading.show_error(
                "Hand In works on an assignment: open the .reader-assignment file "
                "your teacher gave you first."
            )
            return
        reading.flush_edits()
        library = reading.library
        summary = service.describe_flags(service.own_flags(library, found))
        name = library.setting(STUDENT_NAME_SETTING) or ""
        dialog = HandInDialog(host.parent, found.title, summary[:1].upper() + summary[1:], name)

        def accepted() -> None:
            self._choose_submission_file(found, dialog.name())

        host.open(dialog, accepted)

    def _choose_submission_file(self, found: StoredAssignment, name: str) -> None:
        from reader.gui.common.file_dialogs import DialogMode
        from reader.services.classroom import safe_file_name

        start = self._host.export_folder() / (
            f"{safe_file_name(found.title)}-{safe_file_name(name)}{SUBMISSION_SUFFIX}"
        )
        filters = [f"Submissions (*{SUBMISSION_SUFFIX})"]

        def chosen(paths: list[Path]) -> None:
            self.write_submission(found, name, with_suffix(paths[0], SUBMISSION_SUFFIX))

        self._host.file_dialog(DialogMode.SAVE_FILE, "Hand in", start, filters, chosen)

    def write_submission(self, found: StoredAssignment, name: str, path: Path) -> bool:
        from reader.services import classroom as service

        reading = self._host.reading
        try:
            done = service.hand_in(reading.library, found.assignment_id, path, name)
        except ReaderError as error:
            reading.show_error(f"Cannot hand in: {error}. Nothing was saved.")
            return False
        reading.say(
            f"Saved {service.counted(done.flags, 'flag')} by {done.student_name} to {path}: "
            "hand this file in",
            10000,
        )
        return True

    def show_result(self) -> bool:
        """The student's own result against the released key of the shown assignment."""
        from reader.gui.classroom.key_result import KeyResultDialog
        from reader.services.class_results import student_view

        reading = self._host.reading
        article = reading.article
        found = self.assignment(article.id) if article is not None else None
        if found is None:
            reading.show_error(
                "Your result shows on an assignment: open the .reader-key file "
                "your teacher gave you."
            )
            return False
        try:
            view = student_view(reading.library, found)
        except ReaderError as error:
            reading.show_error(f"{str(error)[:1].upper()}{str(error)[1:]}.")
            return False
        self._host.open(KeyResultDialog(self._host.parent, view), lambda: None)
        return True
