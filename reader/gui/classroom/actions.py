"""The classroom's menu actions and what they do: Hand In (a student); Use My Flags as
the Key, Assign and Collect Submissions (the teacher); and the assignment banner."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox

from reader.core.models import ReaderError

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtWidgets import QWidget

    from reader.core.palette import Theme
    from reader.gui.classroom.banner import AssignmentBanner
    from reader.gui.classroom.class_view import ClassViewWindow
    from reader.gui.classroom.dialogs import AssignmentForm
    from reader.gui.classroom.presentation import Presentation
    from reader.gui.common.file_dialogs import DialogMode
    from reader.gui.reading.controller import ReadingController
    from reader.services.classroom import CollectResult
    from reader.storage.classroom import StoredAssignment

# reader.classroom's suffixes, not imported from there: this module loads at start-up
SUBMISSION_SUFFIX = ".reader-submission"
ASSIGNMENT_SUFFIX = ".reader-assignment"


class ClassroomActions(QObject):
    """Made with the window (its actions go in the menus); reads the library only when used."""

    article_changed = Signal(int)  # a classroom step changed the article's flags: show it again

    def __init__(
        self,
        reading: ReadingController,
        parent: QWidget,
        export_folder: Callable[[], Path],
        theme: Callable[[], Theme],
    ) -> None:
        """``parent``: the window, of the actions and dialogs; ``export_folder``: where
        files are saved first; ``theme``: the window's theme now."""
        super().__init__(parent)
        self._reading = reading
        self._parent = parent
        self._export_folder = export_folder
        self._theme = theme
        self._banner: AssignmentBanner | None = None  # made for the first assignment shown
        self.dialog: QDialog | None = None  # the classroom dialog open now, if any
        self.presentation: Presentation | None = None
        self.class_view: ClassViewWindow | None = None
        self.hand_in_action = self._action(
            "&Hand In…", self.hand_in, "Save your flags on this assignment as a file to hand in"
        )
        self.result_action = self._action(
            "Your &Result…",
            self.show_result,
            "Once your teacher released the key: what you found, what you missed, and "
            "your teacher's comment",
        )
        self.assign_action = self._action(
            "&Assign…", self.assign, "Save this article as an assignment file for the class"
        )
        self.collect_action = self._action(
            "&Collect Submissions…",
            self.collect,
            "Add the students' submission files (or zips of them) to this library",
        )
        self.collect_folder_action = self._action(
            "Collect a &Folder of Submissions…",
            self.collect_folder,
            "Add every submission file in a folder (and its zips) to this library",
        )
        self.report_action = self._action(
            "Export Class &Report…",
            self.export_report,
            "Save the class report of this article's assignment as a web page and a PDF",
        )
        self.use_as_key_action = self._action(
            "Use My Flags as the &Key…",
            self.use_as_key,
            "Make your flags on this article the answer key the students' work is compared with",
        )
        self.class_view_action = self._action(
            "&Class View…",
            self.show_class_view,
            "See the class's work on this assignment against the key: who found what, "
            "the passages missed, the class's agreement",
        )

        self.present_action = self._action(
            "&Present",
            self.present,
            "Show the article alone, full screen in large type; → reveals the flags one by "
            "one, ← hides them, H shades what the class flagged, Esc leaves",
        )
        self.present_action.setShortcuts([QKeySequence("F5")])

    def _action(self, text: str, slot: Callable[[], object], tip: str) -> QAction:
        action = QAction(text, self._parent)
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda _=False: slot())
        return action

    # The shown article

    def article_shown(self, article_id: int | None) -> None:
        """Show the banner if the article is an assignment this library opened as a student."""
        found = self._student_assignment(article_id) if article_id is not None else None
        if found is not None or self._banner is not None:
            self.banner.show_assignment(found)

    @property
    def banner(self) -> AssignmentBanner:
        if self._banner is None:
            from reader.gui.classroom.banner import AssignmentBanner

            self._banner = AssignmentBanner(self._reading.view)
        return self._banner

    def _assignments(self, article_id: int) -> list[StoredAssignment]:
        from reader.storage import classroom as store

        return store.assignments(self._reading.library, article_id)

    def _student_assignment(self, article_id: int) -> StoredAssignment | None:
        from reader.storage.classroom import Role

        found = [a for a in self._assignments(article_id) if a.role is Role.STUDENT]
        return found[0] if found else None

    # The student

    def hand_in(self) -> None:
        """Say what will be handed in, ask the name, then the file."""
        from reader.gui.classroom.dialogs import HandInDialog
        from reader.services import classroom as service
        from reader.storage.classroom import STUDENT_NAME_SETTING

        reading = self._reading
        article = reading.article
        found = self._student_assignment(article.id) if article is not None else None
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
        dialog = HandInDialog(self._parent, found.title, summary[:1].upper() + summary[1:], name)

        def accepted() -> None:
            self._choose_submission_file(found, dialog.name())

        self._open(dialog, accepted)

    def _choose_submission_file(self, found: StoredAssignment, name: str) -> None:
        from reader.gui.common.file_dialogs import DialogMode
        from reader.services.classroom import safe_file_name

        start = self._export_folder() / (
            f"{safe_file_name(found.title)}-{safe_file_name(name)}{SUBMISSION_SUFFIX}"
        )
        filters = [f"Submissions (*{SUBMISSION_SUFFIX})"]

        def chosen(paths: list[Path]) -> None:
            self.write_submission(found, name, with_suffix(paths[0], SUBMISSION_SUFFIX))

        self._file_dialog(DialogMode.SAVE_FILE, "Hand in", start, filters, chosen)

    def write_submission(self, found: StoredAssignment, name: str, path: Path) -> bool:
        from reader.services import classroom as service

        reading = self._reading
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

        reading = self._reading
        article = reading.article
        found = self._student_assignment(article.id) if article is not None else None
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
        self._open(KeyResultDialog(self._parent, view), lambda: None)
        return True

    # The teacher

    def use_as_key(self) -> None:
        """Ask first (the move cannot be undone), then make the user's flags the key."""
        reading = self._reading
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
            self._parent,
        )
        box.button(QMessageBox.StandardButton.Ok).setText("&Use as Key")
        self._open(box, self.make_key)

    def make_key(self) -> bool:
        from reader.services import classroom as service

        reading = self._reading
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
        self.article_changed.emit(article_id)
        reading.say(
            f"Moved {service.counted(done.moved, 'flag')} into the key; "
            f"it holds {service.counted(done.key_flags, 'flag')}",
            10000,
        )
        return True

    def assign(self) -> None:
        """The assignment's details, then the file to save it to."""
        from reader.gui.classroom.dialogs import AssignDialog
        from reader.services import classroom as service

        reading = self._reading
        article = reading.article
        if article is None:
            reading.show_error("Open the article to assign first.")
            return
        if self._student_assignment(article.id) is not None:
            reading.show_error("This article is an assignment you opened as a student.")
            return
        key_flags = len(service.active_key(reading.library, article.id))
        dialog = AssignDialog(self._parent, article.title, key_flags)

        def accepted() -> None:
            from reader.gui.common.file_dialogs import DialogMode
            from reader.services.classroom import safe_file_name

            form = dialog.form()

            start = self._export_folder() / f"{safe_file_name(form.title)}{ASSIGNMENT_SUFFIX}"

            def chosen(paths: list[Path]) -> None:
                self.write_assignment(article.id, form, with_suffix(paths[0], ASSIGNMENT_SUFFIX))

            filters = [f"Assignments (*{ASSIGNMENT_SUFFIX})"]
            self._file_dialog(DialogMode.SAVE_FILE, "Save assignment", start, filters, chosen)

        self._open(dialog, accepted)

    def write_assignment(self, article_id: int, form: AssignmentForm, path: Path) -> bool:
        from reader.services import classroom as service

        reading = self._reading
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

    def collect(self) -> None:
        """Choose the students' files, then collect them and say what happened."""
        from reader.gui.common.file_dialogs import DialogMode

        filters = [f"Submissions (*{SUBMISSION_SUFFIX} *.zip)", "All files (*)"]
        start = self._export_folder()

        def chosen(paths: list[Path]) -> None:
            self.collect_paths(paths)

        self._file_dialog(DialogMode.OPEN_FILES, "Collect submissions", start, filters, chosen)

    def collect_folder(self) -> None:
        from reader.gui.common.file_dialogs import DialogMode

        def chosen(paths: list[Path]) -> None:
            self.collect_paths(paths)

        start = self._export_folder()
        self._file_dialog(DialogMode.OPEN_FOLDER, "Collect a folder", start, [], chosen)

    def export_report(self) -> None:
        """The file to save the report to (a PDF goes beside it)."""
        from reader.gui.common.file_dialogs import DialogMode
        from reader.services.assignments import latest_made, safe_file_name

        reading = self._reading
        made = latest_made(reading.library, reading.article.id) if reading.article else None
        if made is None:
            reading.show_error("The class report is of an assignment you made: open its article.")
            return
        start = self._export_folder() / f"{safe_file_name(made.title)}-report.html"

        def chosen(paths: list[Path]) -> None:
            self.write_report(made, with_suffix(paths[0], ".html"))

        filters = ["Web pages (*.html)"]
        self._file_dialog(DialogMode.SAVE_FILE, "Export class report", start, filters, chosen)

    def write_report(self, made: StoredAssignment, path: Path) -> bool:
        """The HTML report at ``path`` and its PDF beside it."""
        from reader.gui.classroom.report_pdf import write_pdf
        from reader.services import classroom as service

        reading = self._reading
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

    def take_submissions(self, paths: Sequence[Path]) -> list[Path]:
        """Collect the submission files among ``paths`` (dropped or opened) together;
        the other paths, to open as usual."""
        submissions = [p for p in paths if p.name.lower().endswith(SUBMISSION_SUFFIX)]
        if submissions:
            self.collect_paths(submissions)
        return [p for p in paths if p not in submissions]

    def collect_paths(self, paths: list[Path]) -> CollectResult:
        from reader.services import classroom as service

        reading = self._reading
        result = service.collect(reading.library, paths)
        box = QMessageBox(
            QMessageBox.Icon.Warning if result.failed else QMessageBox.Icon.Information,
            "Collect Submissions",
            collect_heading(result),
            QMessageBox.StandardButton.Ok,
            self._parent,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText("\n".join(collect_lines(result)))
        self._open(box, lambda: None)
        if reading.article is not None:
            self.article_changed.emit(reading.article.id)
        return result

    def show_class_view(self) -> ClassViewWindow | None:
        """The class view of the shown article's assignment (the latest, if several)."""
        from PySide6.QtGui import QUndoStack

        from reader.gui.classroom.class_view import ClassViewWindow
        from reader.services.assignments import latest_made

        reading = self._reading
        article = reading.article
        made = latest_made(reading.library, article.id) if article is not None else None
        if made is None:
            reading.show_error(
                "The class view shows an assignment you made: open its article first "
                "(File › Assign… makes one)."
            )
            return None
        if self.class_view is not None:
            self.class_view.close()
        view = ClassViewWindow(
            reading.library, made, self._theme(), QUndoStack(self._parent), self._parent
        )
        view.key_changed.connect(self._on_class_view_key_changed)
        view.closed.connect(self._on_class_view_closed)
        self.class_view = view
        view.show()
        return view

    def _on_class_view_key_changed(self, article_id: int) -> None:
        """The key shown in the main window follows, if it shows that article."""
        article = self._reading.article
        if article is not None and article.id == article_id:
            self.article_changed.emit(article_id)

    def _on_class_view_closed(self) -> None:
        self.class_view = None

    # Presentation mode

    def present(self) -> Presentation | None:
        """The article alone, full screen, its flags hidden until → reveals them."""
        from reader.gui.classroom.presentation import Presentation
        from reader.services.class_results import class_overview_of
        from reader.services.classroom import presented_flags

        reading = self._reading
        if reading.article is None:
            reading.show_error("Open the article to present first.")
            return None
        reading.flush_edits()
        flags = presented_flags(reading.library, reading.article.id)
        heat = class_overview_of(reading.library, reading.article.id)
        presentation = Presentation(self._parent, reading.article, flags, self._theme(), heat)
        presentation.closed.connect(self._on_presentation_closed)
        self.presentation = presentation
        presentation.start()
        return presentation

    def _on_presentation_closed(self) -> None:
        self.presentation = None
        self._parent.activateWindow()

    # Dialogs

    def _open(self, dialog: QDialog, on_accepted: Callable[[], object]) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.dialog = dialog

        def finished(result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            if result in (QDialog.DialogCode.Accepted.value, QMessageBox.StandardButton.Ok.value):
                on_accepted()

        dialog.finished.connect(finished)
        dialog.open()

    def _file_dialog(
        self,
        mode: DialogMode,
        caption: str,
        start: Path,
        filters: list[str],
        on_chosen: Callable[[list[Path]], None],
    ) -> None:
        from reader.gui.common.file_dialogs import show_file_dialog

        reading = self._reading

        def failed(error: ReaderError) -> None:
            reading.show_error(f"Cannot open the library again: {error}. Please restart the app.")

        show_file_dialog(
            self._parent, reading.library, mode, caption, start, filters, on_chosen, failed
        )


def with_suffix(path: Path, suffix: str) -> Path:
    """The chosen path, with the file type's suffix added if the user left it out."""
    return path if path.name.lower().endswith(suffix) else path.with_name(path.name + suffix)


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
