"""A student in the app: opens an assignment (drop, File › Open), flags it, hands it in."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from reader.classroom.submission import read_submission
from reader.core.models import Kind
from reader.gui.classroom.dialogs import HandInDialog
from reader.gui.common.file_dialogs import SafeFileDialog
from reader.gui.shell.main_window import MainWindow
from reader.importers.articles import article_from_text
from reader.services import classroom as service
from reader.services.samples import ensure_samples
from reader.storage.library import Library
from tests.gui.shell.test_main_window import flag_with_keyboard, sentence_span

if TYPE_CHECKING:
    from tests.gui.conftest import Session

INSTRUCTIONS = (
    "Find **three** passages.\n\n"
    "![tracker](https://example.com/pixel.png) <script>alert(1)</script>\n\n"
    "- say what source would settle it"
)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A student's library: one article of their own, no flags."""
    path = tmp_path / "student.sqlite"
    library = Library.open(path)
    library.import_article(article_from_text("My own\n\nIt rained all week in the valley.\n"))
    library.close()
    return path


def make_assignment(folder: Path) -> Path:
    """A teacher's assignment file on the first sample article, made in her own library."""
    library = Library.open(folder / "teacher.sqlite")
    try:
        ensure_samples(library)
        article_id = library.articles()[0].id
        path = folder / "lunch.reader-assignment"
        service.assign(
            library,
            article_id,
            path,
            title="Who says lunch is healthier?",
            instructions=INSTRUCTIONS,
            kinds=(Kind.UNSOURCED_CLAIM, Kind.OPINION, Kind.CONTEXT_NOTE),
            due="2026-12-10",
        )
    finally:
        library.close()
    return path


def drop_files(window: MainWindow, *paths: Path) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    action = Qt.DropAction.CopyAction
    buttons = Qt.MouseButton.LeftButton
    point = window.rect().center()
    enter = QDragEnterEvent(point, action, data, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(window.rect().center()), action, data, buttons, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(window, event)


def file_dialog(qtbot: QtBot, window: MainWindow) -> SafeFileDialog:
    """The file dialog open now (one closed before may wait for its deletion)."""

    def shown() -> list[SafeFileDialog]:
        return [d for d in window.findChildren(SafeFileDialog) if d.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) == 1, timeout=3000)
    return shown()[0]


def type_file_name(qtbot: QtBot, dialog: SafeFileDialog, name: str) -> None:
    """The name typed and Return pressed, once the dialog has listed its folder (which
    must show a file: the dialog takes a name only once the folder is read)."""
    model = dialog.file_model()
    folder = dialog.directory().absolutePath()
    qtbot.waitUntil(lambda: model.rowCount(model.index(folder)) > 0, timeout=5000)
    edit = dialog.findChild(QLineEdit, "fileNameEdit")
    assert edit is not None
    edit.clear()
    qtbot.keyClicks(edit, name)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def hand_in_dialog(window: MainWindow) -> HandInDialog:
    window.classroom.hand_in_action.trigger()
    dialog = window.classroom.dialog
    assert isinstance(dialog, HandInDialog) and dialog.isVisible()
    return dialog


def test_a_student_opens_an_assignment_flags_three_passages_and_hands_in(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    assignment = make_assignment(tmp_path)
    window = session.start()
    window.finish_startup()
    window.settings.setValue("export/folder", str(tmp_path))
    (tmp_path / "last-week.reader-submission").write_text("{}", encoding="utf-8")
    drop_files(window, assignment)
    qtbot.waitUntil(lambda: window.classroom.banner.isVisible(), timeout=3000)
    banner = window.classroom.banner
    assert banner.title_label.text() == "Who says lunch is healthier?"
    assert banner.details_label.text() == (
        "Due Thursday 10 December 2026 · Flag: unsourced claims, opinions, context notes"
    )
    shown = banner.instructions.toPlainText()
    assert "Find three passages." in shown
    assert "alert(1)" in shown  # raw HTML stays text, never a script
    html = banner.instructions.toHtml()
    assert "example.com" not in html and "<script" not in html
    assert window.article_view.viewportMargins().top() == banner.height() > 0
    assert window.statusBar().currentMessage().startswith("Opened the assignment")

    article = window.reading.article
    assert article is not None
    kinds = [Kind.UNSOURCED_CLAIM, Kind.OPINION, Kind.CONTEXT_NOTE]
    first = ""
    for number, kind in enumerate(kinds, start=1):
        start, end = sentence_span(article, number)
        uuid = flag_with_keyboard(qtbot, window, start, end, kind)
        first = first or uuid
    qtbot.keyClicks(window.annotation_pane.editor.note_edit, "The council's own figures?")

    dialog = hand_in_dialog(window)  # the note typed just now is saved first
    assert dialog.summary_label.text() == (
        "3 flags: 1 unsourced claim, 1 opinion, 1 context note; 2 flags without a note"
    )
    assert not dialog.ok_button.isEnabled()  # no name yet
    qtbot.keyClicks(dialog.name_edit, "Ana Lima")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    saving = file_dialog(qtbot, window)
    edit = saving.findChild(QLineEdit, "fileNameEdit")
    assert edit is not None
    assert edit.text() == "Who-says-lunch-is-healthier-Ana-Lima.reader-submission"
    type_file_name(qtbot, saving, "ana")
    target = tmp_path / "ana.reader-submission"  # the suffix added
    qtbot.waitUntil(target.exists, timeout=3000)
    submission = read_submission(target.read_bytes(), target.name)
    assert submission.student_name == "Ana Lima"
    flags = submission.annotations(article.id, article.text)
    assert sorted(flag.kind for flag in flags) == sorted(kinds)
    assert [f.note for f in flags if f.kind is Kind.CONTEXT_NOTE] == ["The council's own figures?"]

    # Handing in again: the name is remembered.
    again = hand_in_dialog(window)
    assert again.name() == "Ana Lima"
    again.reject()


def test_the_banner_goes_with_the_article_and_comes_back_with_it(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    assignment = make_assignment(tmp_path)
    window = session.start()
    window.finish_startup()
    assert window.files.open_file(assignment)
    assigned = window.reading.article
    assert assigned is not None and window.classroom.banner.isVisible()
    other = next(s.id for s in window.library.articles() if s.id != assigned.id)
    window.show_article(other)
    assert not window.classroom.banner.isVisible()
    assert window.article_view.viewportMargins().top() == 0
    window.show_article(assigned.id)
    assert window.classroom.banner.isVisible()


def test_hand_in_without_an_assignment_says_what_to_do(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    window.finish_startup()
    window.classroom.hand_in_action.trigger()
    assert window.error_box is not None
    assert "open the .reader-assignment file" in window.error_box.text()
    assert window.classroom.dialog is None


def test_a_broken_assignment_file_is_one_message_and_changes_nothing(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    window = session.start()
    window.finish_startup()
    before = len(window.library.articles())
    broken = tmp_path / "broken.reader-assignment"
    broken.write_text(json.dumps({"format": "annotated-reader-assignment", "version": 99}))
    assert not window.files.open_file(broken)
    assert window.error_box is not None
    assert "broken.reader-assignment" in window.error_box.text()
    assert "\n" not in window.error_box.text()
    assert len(window.library.articles()) == before
