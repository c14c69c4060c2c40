"""The teacher in the app: her flags become the key, she assigns, she collects."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from reader.anchoring.selectors import make_anchor
from reader.classroom.assignment import load_assignment
from reader.core.models import Annotation, Kind, Status
from reader.gui.classroom.dialogs import AssignDialog
from reader.gui.shell.main_window import MainWindow
from reader.services import classroom as service
from reader.services.samples import ensure_samples
from reader.storage import classroom as store
from reader.storage.classroom import KEY_LAYER, Role
from reader.storage.library import Library
from tests.gui.classroom.test_student import drop_files, file_dialog, type_file_name
from tests.gui.shell.test_main_window import sentence_span

if TYPE_CHECKING:
    from tests.gui.conftest import Session


def active(library: Library, article_id: int, layer: str) -> list[Annotation]:
    return [a for a in library.annotations(article_id, layer) if a.status is Status.ACTIVE]


def question_box(window: MainWindow) -> QMessageBox:
    box = window.classroom.dialog
    assert isinstance(box, QMessageBox) and box.isVisible()
    return box


def test_my_flags_become_the_key_once_confirmed(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    window.finish_startup()
    library = window.library
    assert window.reading.article is not None
    article_id = window.reading.article.id
    mine = active(library, article_id, "mine")
    assert mine and not active(library, article_id, KEY_LAYER)

    window.classroom.use_as_key_action.trigger()
    question_box(window).button(QMessageBox.StandardButton.Cancel).click()
    assert len(active(library, article_id, "mine")) == len(mine)  # cancelled: nothing moved

    window.classroom.use_as_key_action.trigger()
    box = question_box(window)
    assert "cannot be undone" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    key = active(library, article_id, KEY_LAYER)
    assert sorted(a.anchor.exact for a in key) == sorted(a.anchor.exact for a in mine)
    assert not active(library, article_id, "mine")
    assert not window.reading.undo_stack.canUndo()  # no step left that names a flag's old layer
    assert f"Moved {len(mine)} flags into the key" in window.statusBar().currentMessage()
    shown = {a.uuid for a in window.annotation_pane.model.annotations()}
    assert {a.uuid for a in key} <= shown


def test_the_teacher_assigns_an_article(session: Session, qtbot: QtBot, tmp_path: Path) -> None:
    window = session.start()
    window.finish_startup()
    window.settings.setValue("export/folder", str(tmp_path))
    (tmp_path / "last-term.reader-assignment").write_text("{}", encoding="utf-8")
    assert window.reading.article is not None
    article = window.reading.article
    window.classroom.assign_action.trigger()
    dialog = window.classroom.dialog
    assert isinstance(dialog, AssignDialog)
    assert dialog.title_edit.text() == article.title
    qtbot.waitUntil(dialog.title_edit.hasFocus, timeout=3000)
    qtbot.keyClicks(dialog.title_edit, "Screens at school")  # replaces the selected title
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.instructions_edit, "Find the **claims** with no source.")
    dialog.kind_boxes[Kind.CONTEXT_NOTE].click()
    dialog.due_edit.setDate(QDate(2026, 12, 10))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    saving = file_dialog(qtbot, window)
    type_file_name(qtbot, saving, "screens")
    path = tmp_path / "screens.reader-assignment"
    qtbot.waitUntil(path.exists, timeout=3000)
    made = load_assignment(path)
    assert made.title == "Screens at school"
    assert made.instructions == "Find the **claims** with no source."
    assert made.kinds == (Kind.UNSOURCED_CLAIM, Kind.OPINION)
    assert made.due == "2026-12-10"
    kept = store.assignment(window.library, made.assignment_id)
    assert kept is not None and kept.role is Role.TEACHER and kept.article_id == article.id
    assert "Saved the assignment “Screens at school”" in window.statusBar().currentMessage()


def test_an_assignment_needs_a_title_and_a_kind(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    window.finish_startup()
    window.classroom.assign_action.trigger()
    dialog = window.classroom.dialog
    assert isinstance(dialog, AssignDialog)
    for box in dialog.kind_boxes.values():
        box.click()
    assert not dialog.ok_button.isEnabled()
    dialog.kind_boxes[Kind.OPINION].click()
    assert dialog.ok_button.isEnabled()
    dialog.title_edit.clear()
    assert not dialog.ok_button.isEnabled()
    dialog.reject()


def hand_in(library: Library, assignment_id: str, output: Path, name: str, count: int) -> None:
    found = service.find_assignment(library, assignment_id)
    article = library.article(found.article_id)
    flags = []
    for number in range(count):
        start, end = sentence_span(article, number + 1)
        kind = list(Kind)[number % 2]
        flags.append(Annotation(article.id, kind, make_anchor(article.text, start, end)))
    library.add_annotations(flags)
    service.hand_in(library, assignment_id, output, name)


def test_the_teacher_collects_submissions_and_is_told_what_happened(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    window = session.start()
    window.finish_startup()
    assert window.reading.article is not None
    made = service.assign(
        window.library, window.reading.article.id, tmp_path / "a.reader-assignment", title="Screens"
    )
    folder = tmp_path / "handed-in"
    folder.mkdir()
    ana = Library.open(tmp_path / "ana.sqlite")
    try:
        for name, count in (("Ana Lima", 2), ("Ben Ode", 3), ("Cleo Park", 1)):
            student = ana if name == "Ana Lima" else Library.open(tmp_path / f"{name}.sqlite")
            service.open_assignment(student, made.path)
            first = name.split()[0].lower()
            hand_in(student, made.assignment_id, folder / f"{first}.reader-submission", name, count)
            if student is not ana:
                student.close()
        (folder / "broken.reader-submission").write_text("{not json", encoding="utf-8")
        window.settings.setValue("export/folder", str(folder))

        window.classroom.collect_action.trigger()
        dialog = file_dialog(qtbot, window)
        names = ["ana", "ben", "cleo", "broken"]
        # as the dialog writes a selection of several files (typing it lets the completer in)
        dialog.selectFile(" ".join(f'"{n}.reader-submission"' for n in names))
        qtbot.keyClick(dialog.findChild(QLineEdit, "fileNameEdit"), Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: isinstance(window.classroom.dialog, QMessageBox), timeout=3000)
        box = question_box(window)
        assert box.text() == "Collected 3 submissions; 1 refused."
        lines = box.informativeText().splitlines()
        assert lines[:3] == [
            "ana.reader-submission: Ana Lima, 2 flags",
            "ben.reader-submission: Ben Ode, 3 flags",
            "cleo.reader-submission: Cleo Park, 1 flag",
        ]
        assert lines[3].startswith("Refused: ") and "broken.reader-submission" in lines[3]
        box.accept()
        stored = store.submissions(window.library, made.assignment_id)
        assert sorted(s.student_name for s in stored) == ["Ana Lima", "Ben Ode", "Cleo Park"]

        # Ana hands in again: her newer file replaces the one collected.
        hand_in(ana, made.assignment_id, folder / "ana-2.reader-submission", "Ana Lima", 1)
        window.classroom.collect_action.trigger()
        dialog = file_dialog(qtbot, window)
        type_file_name(qtbot, dialog, "ana-2.reader-submission")
        qtbot.waitUntil(lambda: isinstance(window.classroom.dialog, QMessageBox), timeout=3000)
        box = question_box(window)
        assert box.text() == "Collected 1 submission; 1 of them replacing an older one."
        assert box.informativeText().startswith(
            "ana-2.reader-submission: Ana Lima, 3 flags, replacing the file handed in"
        )
        box.accept()

        # Dropped on the window with Cleo's, Ben's file again: nothing new, and the box says so.
        before = window.reading.article.id if window.reading.article is not None else None
        drop_files(window, folder / "ben.reader-submission", folder / "cleo.reader-submission")
        qtbot.waitUntil(lambda: isinstance(window.classroom.dialog, QMessageBox), timeout=3000)
        box = question_box(window)
        assert box.text() == "Collected 0 submissions; 2 collected before and unchanged."
        assert box.informativeText().splitlines()[0] == (
            "ben.reader-submission: Ben Ode, collected before, unchanged"
        )
        assert window.reading.article is not None and window.reading.article.id == before
    finally:
        ana.close()


def test_the_main_window_leaves_the_collected_work_to_the_class_view(
    session: Session, tmp_path: Path
) -> None:
    window = session.start()
    window.finish_startup()
    library = window.library
    assert window.reading.article is not None
    article_id = window.reading.article.id
    made = service.assign(library, article_id, tmp_path / "a.reader-assignment", title="Screens")
    student = Library.open(tmp_path / "ana.sqlite")
    try:
        service.open_assignment(student, made.path)
        hand_in(student, made.assignment_id, tmp_path / "ana.reader-submission", "Ana Lima", 2)
    finally:
        student.close()
    collected = service.collect(library, [tmp_path / "ana.reader-submission"])
    assert len(collected.collected) == 1
    handed = [a for a in library.annotations(article_id) if a.layer.startswith("submission:")]
    assert len(handed) == 2  # stored in the library, in the student's layer

    assert window.show_article(article_id)
    shown = {a.uuid for a in window.annotation_pane.model.annotations()}
    assert shown and not shown & {a.uuid for a in handed}
    assert window.window_actions.layer_actions  # the Layers menu lists the article's own
    assert not any(name.startswith("submission:") for name in window.window_actions.layer_actions)


def test_opening_a_submission_collects_it_and_shows_the_class_view(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    window = session.start()
    window.finish_startup()
    library = window.library
    assert window.reading.article is not None
    article_id = window.reading.article.id
    made = service.assign(library, article_id, tmp_path / "a.reader-assignment", title="Screens")
    other = next(a.id for a in library.articles() if a.id != article_id)
    assert window.show_article(other)
    student = Library.open(tmp_path / "ana.sqlite")
    try:
        service.open_assignment(student, made.path)
        hand_in(student, made.assignment_id, tmp_path / "ana.reader-submission", "Ana Lima", 2)
        # As a double-click or File › Open hands the file to the window.
        assert window.files.open_file(tmp_path / "ana.reader-submission")
        stored = store.submissions(library, made.assignment_id)
        assert [s.student_name for s in stored] == ["Ana Lima"]
        assert window.reading.article is not None and window.reading.article.id == article_id
        view = window.classroom.class_view
        assert view is not None and view.isVisible()
        assert window.statusBar().currentMessage() == (
            "Collected ana.reader-submission: Ana Lima, 2 flags"
        )
        view.close()
    finally:
        student.close()


def test_a_student_opening_her_submission_is_told_in_one_line(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    teacher = Library.open(tmp_path / "teacher.sqlite")
    try:
        ensure_samples(teacher)
        article_id = teacher.articles()[0].id
        made = service.assign(
            teacher, article_id, tmp_path / "a.reader-assignment", title="Screens"
        )
    finally:
        teacher.close()
    library = Library.open(tmp_path / "ana.sqlite")
    window = MainWindow(library, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    try:
        window.restore_session()
        window.show()
        service.open_assignment(library, made.path)
        hand_in(library, made.assignment_id, tmp_path / "ana.reader-submission", "Ana Lima", 2)
        flags_before = library.conn.execute("SELECT count(*) FROM annotations").fetchone()

        assert window.files.open_file(tmp_path / "ana.reader-submission")
        assert window.error_box is not None
        text = window.error_box.text()
        assert "\n" not in text and text.endswith(". Nothing was collected.")
        assert "opened as a student" in text
        assert window.classroom.class_view is None
        assert library.conn.execute("SELECT count(*) FROM annotations").fetchone() == flags_before
        window.close()
    finally:
        library.close()
