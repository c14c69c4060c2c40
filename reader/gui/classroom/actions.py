"""The classroom's menu actions, as the window builds and wires them: Hand In and Your
Result (a student, ``student_actions``); Use My Flags as the Key, Assign, Collect and
Export Class Report (the teacher, ``teacher_actions``); Class View and Present
(``showing``). The dialogs they open share one ``DialogHost``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence

from reader.gui.classroom.dialog_host import SUBMISSION_SUFFIX, DialogHost
from reader.gui.classroom.showing import ClassShowing
from reader.gui.classroom.student_actions import StudentActions
from reader.gui.classroom.teacher_actions import TeacherActions

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    from PySide6.QtWidgets import QDialog, QWidget

    from reader.core.palette import Theme
    from reader.gui.classroom.banner import AssignmentBanner
    from reader.gui.classroom.class_view import ClassViewWindow
    from reader.gui.classroom.presentation import Presentation
    from reader.gui.reading.controller import ReadingController
    from reader.services.classroom import CollectResult


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
        self._parent = parent
        self._host = DialogHost(reading, parent, export_folder, theme)
        self.student = StudentActions(self._host)
        self.teacher = TeacherActions(
            self._host, self.student.assignment, self.article_changed.emit
        )
        self.showing = ClassShowing(self._host, self.article_changed.emit)
        student, teacher, showing = self.student, self.teacher, self.showing
        self.hand_in_action = self._action(
            "&Hand In…", student.hand_in, "Save your flags on this assignment as a file to hand in"
        )
        self.result_action = self._action(
            "Your &Result…",
            student.show_result,
            "Once your teacher released the key: what you found, what you missed, and "
            "your teacher's comment",
        )
        self.assign_action = self._action(
            "&Assign…", teacher.assign, "Save this article as an assignment file for the class"
        )
        self.collect_action = self._action(
            "&Collect Submissions…",
            teacher.collect,
            "Add the students' submission files (or zips of them) to this library",
        )
        self.collect_folder_action = self._action(
            "Collect a &Folder of Submissions…",
            teacher.collect_folder,
            "Add every submission file in a folder (and its zips) to this library",
        )
        self.report_action = self._action(
            "Export Class &Report…",
            teacher.export_report,
            "Save the class report of this article's assignment as a web page and a PDF",
        )
        self.use_as_key_action = self._action(
            "Use My Flags as the &Key…",
            teacher.use_as_key,
            "Make your flags on this article the answer key the students' work is compared with",
        )
        self.class_view_action = self._action(
            "&Class View…",
            showing.show_class_view,
            "See the class's work on this assignment against the key: who found what, "
            "the passages missed, the class's agreement",
        )
        self.present_action = self._action(
            "&Present",
            showing.present,
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

    # What the window and its file actions call

    def article_shown(self, article_id: int | None) -> None:
        """The student's banner, or the teacher's class view made ready, for the article
        (its assignments read once)."""
        from reader.storage import classroom as store

        assigned = []
        if article_id is not None:  # (none shown: the library may be one that failed to open)
            assigned = store.assignments(self._host.reading.library, article_id)
        as_student = next((a for a in assigned if a.role is store.Role.STUDENT), None)
        self.student.article_shown(as_student)
        if article_id is not None:
            made = any(a.role is store.Role.TEACHER for a in assigned)
            self.showing.prepare_soon(article_id if made else None)

    def take_submissions(self, paths: Sequence[Path]) -> list[Path]:
        """Take the students' files among ``paths`` (opened or dropped); the other paths,
        to open as usual. One file alone is opened: collected, its article and class view
        shown. Several are collected together, and a box sums up what happened."""
        submissions = [p for p in paths if p.name.lower().endswith(SUBMISSION_SUFFIX)]
        if len(submissions) == 1 and len(paths) == 1:
            self.open_submission(submissions[0])
        elif submissions:
            self.teacher.collect_paths(submissions)
        return [p for p in paths if p not in submissions]

    def open_submission(self, path: Path) -> ClassViewWindow | None:
        found = self.teacher.collect_one(path)
        if found is None:
            return None
        self.article_changed.emit(found.article_id)
        return self.showing.show_class_view(found)

    def show_result(self) -> bool:
        return self.student.show_result()

    def collect_paths(self, paths: list[Path]) -> CollectResult:
        return self.teacher.collect_paths(paths)

    # What is open now

    @property
    def dialog(self) -> QDialog | None:
        """The classroom dialog open now, if any."""
        return self._host.dialog

    @property
    def banner(self) -> AssignmentBanner:
        return self.student.banner

    @property
    def class_view(self) -> ClassViewWindow | None:
        return self.showing.class_view

    @property
    def presentation(self) -> Presentation | None:
        return self.showing.presentation
