"""What a teacher does with an article: make her flags the key, assign it, collect the
students' files (and say what happened to each), export the class report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from reader.core.models import ReaderError
from reader.gui.classroom.dialog_host import ASSIGNMENT_SUFFIX, SUBMISSION_SUFFIX, with_suffix

if TYPE_CHECKING:
    from collections.abc import Callable

    from reader.gui.classroom.dialog_host import DialogHost
    from reader.gui.classroom.dialogs import AssignmentForm
    from reader.services.classroom import CollectResult
    from reader.storage.classroom import StoredAssignment


class TeacherActions:
    """The teacher's side of the classroom, for the shown article."""

    def __init__(
        self,
        host: DialogHost,
        student_assignment: Callable[[int], StoredAssignment | None],
        article_changed: Callable[[int], None],
    ) -> None:
        """``student_assignment``: the assignment this library opened as a student on an
        article, if any; ``article_changed``: called when a step changed its flags."""
        self._host = host
        self._student_assignment = student_assignment
        self._article_changed = article_changed

    # The key

    def use_as_key(self) -> None:
        """Ask first (the move cannot be undone), then make the user's flags the key."""
        reading = self._host.reading
        if reading.article is None:
            reading.show_error("Open an article first.")
            return
        reading.flush_edits()
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Use My Flags as the Key",
            "Move your flags on this article into its answer key? The students' work is "
            "compared with the key. This cannot be undone with Undo.",
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self._host.parent,
        )
        box.button(QMessageBox.StandardButton.Ok).setText("&Use as Key")
        self._host.open(box, self.make_key)

    def make_key(self) -> bool:
        from reader.services import classroom as service

        reading = self._host.reading
        assert reading.article is not None
        article_id = reading.article.id
        try:
            done = service.use_as_key(reading.library, article_id)
        except ReaderError as error:
            reading.show_error(f"Cannot make the key: {error}. Nothing was changed.")
            return False
        # The steps on the stack name the flags in their old layer: undoing one would
        # move a flag out of the key again.
        reading.undo_stack.clear()
        self._article_changed(article_id)
        reading.say(
            f"Moved {service.counted(done.moved, 'flag')} into the key; "
            f"it holds {service.counted(done.key_flags, 'flag')}",
            10000,
        )
        return True

    # The assignment

    def assign(self) -> None:
        """The assignment's details, then the file to save it to."""
        from reader.gui.classroom.dialogs import AssignDialog
        from reader.services import classroom as service

        host = self._host
        reading = host.reading
        article = reading.article
        if article is None:
            reading.show_error("Open the article to assign first.")
            return
        if self._student_assignment(article.id) is not None:
            reading.show_error("This article is an assignment you opened as a student.")
            return
        key_flags = len(service.active_key(reading.library, article.id))
        dialog = AssignDialog(host.parent, article.title, key_flags)

        def accepted() -> None:
            from reader.gui.common.file_dialogs import DialogMode
            from reader.services.classroom import safe_file_name

            form = dialog.form()
            start = host.export_folder() / f"{safe_file_name(form.title)}{ASSIGNMENT_SUFFIX}"

            def chosen(paths: list[Path]) -> None:
                self.write_assignment(article.id, form, with_suffix(paths[0], ASSIGNMENT_SUFFIX))

            filters = [f"Assignments (*{ASSIGNMENT_SUFFIX})"]
            host.file_dialog(DialogMode.SAVE_FILE, "Save assignment", start, filters, chosen)

        host.open(dialog, accepted)

    def write_assignment(self, article_id: int, form: AssignmentForm, path: Path) -> bool:
        from reader.services import classroom as service

        reading = self._host.reading
        try:
            done = service.assign(
                reading.library,
                article_id,
                path,
                title=form.title,
                instructions=form.instructions,
                kinds=form.kinds,
                due=form.due,
            )
        except ReaderError as error:
            reading.show_error(f"Cannot assign: {error}. Nothing was saved.")
            return False
        key = (
            f"the key holds {service.counted(done.key_flags, 'flag')}"
            if done.key_flags
            else "the key is empty yet (Flag › Use My Flags as the Key)"
        )
        reading.say(f"Saved the assignment “{done.title}” to {path}; {key}", 10000)
        return True

    # Collecting

    def collect(self) -> None:
        """Choose the students' files, then collect them and say what happened."""
        from reader.gui.common.file_dialogs import DialogMode

        filters = [f"Submissions (*{SUBMISSION_SUFFIX} *.zip)", "All files (*)"]
        start = self._host.export_folder()

        def chosen(paths: list[Path]) -> None:
            self.collect_paths(paths)

        self._host.file_dialog(DialogMode.OPEN_FILES, "Collect submissions", start, filters, chosen)

    def collect_folder(self) -> None:
        from reader.gui.common.file_dialogs import DialogMode

        def chosen(paths: list[Path]) -> None:
            self.collect_paths(paths)

        start = self._host.export_folder()
        self._host.file_dialog(DialogMode.OPEN_FOLDER, "Collect a folder", start, [], chosen)

    def collect_one(self, path: Path) -> StoredAssignment | None:
        """Collect one student's file, saying what happened in the status bar: its
        assignment; None (and a one-line error) if it was refused."""
        from reader.services import classroom as service
        from reader.storage import classroom as store

        reading = self._host.reading
        result = service.collect(reading.library, [path])
        if not result.collected:
            message = result.failed[0][1] if result.failed else f"{path.name} holds no work"
            reading.show_error(f"{message[:1].upper()}{message[1:]}. Nothing was collected.")
            return None
        reading.say(f"Collected {collect_lines(result)[0]}", 10000)
        return store.assignment(reading.library, result.collected[0].assignment_id)

    def collect_paths(self, paths: list[Path]) -> CollectResult:
        from reader.services import classroom as service

        reading = self._host.reading
        result = service.collect(reading.library, paths)
        box = QMessageBox(
            QMessageBox.Icon.Warning if result.failed else QMessageBox.Icon.Information,
            "Collect Submissions",
            collect_heading(result),
            QMessageBox.StandardButton.Ok,
            self._host.parent,
        )
        from PySide6.QtCore import Qt  # here: the name builds ~90 enums, after the first paint

        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText("\n".join(collect_lines(result)))
        self._host.open(box, lambda: None)
        if reading.article is not None:
            self._article_changed(reading.article.id)
        return result

    # The report

    def export_report(self) -> None:
        """The file to save the report to (a PDF goes beside it)."""
        from reader.gui.common.file_dialogs import DialogMode
        from reader.services.assignments import safe_file_name
        from reader.services.class_results import latest_made

        reading = self._host.reading
        made = latest_made(reading.library, reading.article.id) if reading.article else None
        if made is None:
            reading.show_error("The class report is of an assignment you made: open its article.")
            return
        start = self._host.export_folder() / f"{safe_file_name(made.title)}-report.html"

        def chosen(paths: list[Path]) -> None:
            self.write_report(made, with_suffix(paths[0], ".html"))

        filters = ["Web pages (*.html)"]
        self._host.file_dialog(DialogMode.SAVE_FILE, "Export class report", start, filters, chosen)

    def write_report(self, made: StoredAssignment, path: Path) -> bool:
        """The HTML report at ``path`` and its PDF beside it."""
        from reader.gui.classroom.report_pdf import write_pdf
        from reader.services import classroom as service

        reading = self._host.reading
        try:
            service.report(reading.library, made.assignment_id, path)
        except ReaderError as error:
            reading.show_error(f"Cannot write the class report: {error}. Nothing was saved.")
            return False
        pdf = path.with_suffix(".pdf")
        try:
            write_pdf(path.read_text(encoding="utf-8"), pdf, made.title)
        except (ReaderError, OSError) as error:
            reading.show_error(f"Saved the report to {path}, but not the PDF: {error}.")
            return False
        reading.say(f"Saved the class report to {path} and {pdf.name}", 10000)
        return True


def collect_heading(result: CollectResult) -> str:
    from reader.services.classroom import CollectOutcome, counted

    outcomes = [c.outcome for c in result.collected]
    new = outcomes.count(CollectOutcome.NEW)
    replaced = outcomes.count(CollectOutcome.REPLACED)
    unchanged = outcomes.count(CollectOutcome.UNCHANGED)
    parts = [f"Collected {counted(new + replaced, 'submission')}"]
    if replaced:
        parts.append(f"{replaced} of them replacing an older one")
    if unchanged:
        parts.append(f"{unchanged} collected before and unchanged")
    if result.failed:
        parts.append(f"{len(result.failed)} refused")
    return "; ".join(parts) + "."


def collect_lines(result: CollectResult) -> list[str]:
    """One line per file: whose work, how many flags, what happened or why it was refused."""
    from reader.classroom.report import moment
    from reader.services.classroom import CollectOutcome, counted

    lines = []
    for c in result.collected:
        file = Path(c.source).name
        if c.outcome is CollectOutcome.UNCHANGED:
            lines.append(f"{file}: {c.student_name}, collected before, unchanged")
        elif c.outcome is CollectOutcome.REPLACED:
            lines.append(
                f"{file}: {c.student_name}, {counted(c.flags, 'flag')}, replacing the "
                f"file handed in {moment(c.replaced_handed_in)}"
            )
        else:
            lines.append(f"{file}: {c.student_name}, {counted(c.flags, 'flag')}")
    lines.extend(f"Refused: {message}" for _, message in result.failed)
    if result.skipped:
        lines.append(f"{counted(result.skipped, 'other file')} left aside")
    return lines
