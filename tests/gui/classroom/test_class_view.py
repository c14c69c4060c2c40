"""The class view: a teacher collects three submissions and sees the same figures as
`reader class --json`; she clicks a student and a passage, adds an extra flag to the
key (and undoes it), writes a comment and hides the names."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QTextEdit
from pytestqt.qtbot import QtBot

from reader.anchoring.selectors import make_anchor
from reader.cli.main import main
from reader.core.models import Annotation, Kind
from reader.core.palette import THEME_COLOURS, Theme
from reader.gui.classroom.class_shading import heat_selections, key_selections
from reader.gui.classroom.class_view import FLAGGER_ROLE, ClassViewWindow
from reader.gui.classroom.passages_list import PASSAGE_ROLE, PassageChoice
from reader.gui.classroom.showing import WARM_AFTER_MS
from reader.gui.classroom.students_table import SHORT_KIND
from reader.gui.common.theme import apply_theme
from reader.gui.shell.main_window import MainWindow
from reader.services import classroom as service
from reader.services.class_details import Flagger
from reader.services.class_results import figures_kept
from reader.storage import classroom as store
from reader.storage.classroom import KEY_LAYER
from reader.storage.library import Library
from tests.gui.classroom.test_student import file_dialog, type_file_name
from tests.gui.shell.test_main_window import sentence_span

if TYPE_CHECKING:
    from tests.gui.conftest import Session

UNSOURCED, OPINION = Kind.UNSOURCED_CLAIM, Kind.OPINION
# The key: sentences 1 (unsourced) and 3 (opinion). Each student: (sentence, kind, note).
KEY = [(1, UNSOURCED), (3, OPINION)]
WORK: dict[str, list[tuple[int, Kind, str]]] = {
    "Ana Lima": [(1, UNSOURCED, "ANA-who counted?"), (5, OPINION, "ANA-loaded")],
    "Ben Ode": [(1, UNSOURCED, "BEN-no source"), (3, UNSOURCED, ""), (5, OPINION, "BEN-spin")],
    "Cleo Park": [(3, OPINION, "CLEO-sweeping")],
}


def flags_on(library: Library, article_id: int, spec: list[tuple[int, Kind, str]]) -> None:
    article = library.article(article_id)
    flags = []
    for sentence, kind, note in spec:
        start, end = sentence_span(article, sentence)
        flags.append(Annotation(article.id, kind, make_anchor(article.text, start, end), note=note))
    library.add_annotations(flags)


def class_json(db: Path, assignment_id: str, capsys: pytest.CaptureFixture[str]) -> Any:
    capsys.readouterr()
    assert main(["--db", str(db), "class", assignment_id, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def teacher_with_three_submissions(window: MainWindow, tmp_path: Path) -> str:
    """The key, the assignment, three students' files collected from their folder."""
    library = window.library
    assert window.reading.article is not None
    article_id = window.reading.article.id
    article = library.article(article_id)
    key = []
    for sentence, kind in KEY:
        start, end = sentence_span(article, sentence)
        anchor = make_anchor(article.text, start, end)
        key.append(Annotation(article_id, kind, anchor, layer=KEY_LAYER, note="KEY"))
    library.add_annotations(key)
    made = service.assign(
        library,
        article_id,
        tmp_path / "a.reader-assignment",
        title="Claims",
        kinds=[UNSOURCED, OPINION],
    )
    folder = tmp_path / "handed-in"
    folder.mkdir()
    for name, spec in WORK.items():
        student = Library.open(tmp_path / f"{name}.sqlite")
        opened = service.open_assignment(student, made.path)
        flags_on(student, opened.article_id, spec)
        first = name.split()[0].lower()
        service.hand_in(student, made.assignment_id, folder / f"{first}.reader-submission", name)
        student.close()
    result = window.classroom.collect_paths([folder])  # a folder, as the dialog can give
    assert len(result.collected) == 3
    box = window.classroom.dialog
    assert isinstance(box, QMessageBox)
    box.accept()
    return made.assignment_id


def teacher_window(session: Session, tmp_path: Path) -> tuple[MainWindow, str]:
    """The window as the app has it after start-up, on a teacher's library with the
    class of three collected; and the assignment's id."""
    window = session.start()
    window.finish_startup()
    return window, teacher_with_three_submissions(window, tmp_path)


def open_class_view(window: MainWindow, qtbot: QtBot) -> ClassViewWindow:
    window.classroom.class_view_action.trigger()
    view = window.classroom.class_view
    assert view is not None
    qtbot.waitExposed(view)
    # the agreement (numpy) is worked out just after the first paint
    qtbot.waitUntil(lambda: "working it out" not in view.agreement.text())
    return view


def passage_rows(view: ClassViewWindow) -> list[tuple[str, PassageChoice]]:
    return [(item.text(0), item.data(0, PASSAGE_ROLE)) for item in view.passages.passage_items()]


def shown_figures(view: ClassViewWindow) -> dict[str, dict[str, str]]:
    rows = [view.table.figures(row) for row in range(view.table.students.rowCount())]
    return {row["Student"]: row for row in rows}


def assert_same_figures(view: ClassViewWindow, data: Any) -> None:
    shown = shown_figures(view)
    assert sorted(shown) == sorted(s["name"] for s in data["students"])
    for student in data["students"]:
        row = shown[student["name"]]
        for kind in (UNSOURCED, OPINION):
            tally = student["per_kind"][kind.value]
            for figure in ("found", "missed", "extra"):
                assert row[f"{SHORT_KIND[kind]} {figure}"] == str(tally[figure])
        for figure in ("found", "missed", "extra"):
            assert row[f"All {figure}"] == str(student["total"][figure])
    passages = [text for text, choice in passage_rows(view) if choice.key_uuid]
    assert [p.split(" · ")[0] for p in passages] == [
        f"Missed by {p['missed']} of {len(data['students'])}"
        + (f", as another kind by {sum(p['other_kinds'].values())}" if p["other_kinds"] else "")
        for p in data["passages"]
    ]
    extra = [text for text, choice in passage_rows(view) if not choice.key_uuid]
    assert [e.split(" (")[0] for e in extra] == [
        f"Flagged by {e['students']} of {len(data['students'])}" for e in data["extra_passages"]
    ]
    agreement = view.agreement.text().casefold()
    reading = data["agreement"]["reading"].removeprefix("The class ").removesuffix(".")
    for part in reading.split("; "):
        assert part.casefold() in agreement
    assert len(agreement.splitlines()) == len(data["kinds"])
    assert f"{data['key_flags']} flags in the key" in view.summary.text()


def test_the_class_view_shows_the_figures_of_reader_class(
    session: Session, qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    window, assignment_id = teacher_window(session, tmp_path)
    view = open_class_view(window, qtbot)
    data = class_json(session.db_path, assignment_id, capsys)
    assert_same_figures(view, data)
    # the heat: one shaded sentence per sentence someone flagged; the key underlined
    selections = view.article_view.extraSelections()
    shaded = [s for s in selections if s.format.background().style() != Qt.BrushStyle.NoBrush]
    assert len(shaded) == 3  # sentences 1, 3 and 5
    underlined = [s for s in selections if s not in shaded]
    assert [s.format.underlineStyle() for s in underlined] == [
        QTextCharFormat.UnderlineStyle.WaveUnderline,  # the unsourced claim
        QTextCharFormat.UnderlineStyle.DotLine,  # the opinion
    ]

    # sorted by a column, the figures (and the selection) stay with their student
    view.table.selectRow(0)  # Ana Lima, who moves to the second row
    chosen = view.table.student_at(0)
    view.table.sortByColumn(view.table.students.columnCount() - 2, Qt.SortOrder.AscendingOrder)
    assert view.table.figures(0)["Student"] == "Ben Ode"  # the only one who missed nothing
    assert_same_figures(view, data)
    [selected] = view.table.selectionModel().selectedRows()
    assert selected.row() == 1 and view.table.student_at(1) == chosen
    view.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [view.table.figures(row)["Student"] for row in range(3)] == [
        "Cleo Park",
        "Ben Ode",
        "Ana Lima",
    ]


def test_the_class_view_paints_before_the_agreement_in_lines_kept_for_it(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    window = session.start()
    window.finish_startup()
    window.use_render_cache(tmp_path / "cache")
    teacher_with_three_submissions(window, tmp_path)
    with window.library.transaction() as conn:  # as a library collected before they were kept
        conn.execute("DELETE FROM class_figures")
    window.classroom.class_view_action.trigger()
    view = window.classroom.class_view
    assert view is not None
    # the page comes from the main window's rendered articles
    assert view.article_view.render_cache is window.article_view.render_cache is not None
    assert view.agreement.text().splitlines() == [
        "Unsourced claims: working it out…",
        "Opinion passages: working it out…",
    ]
    height = view.agreement.heightForWidth(view.agreement.width())
    qtbot.waitUntil(lambda: "working it out" not in view.agreement.text())
    assert len(view.agreement.text().splitlines()) == 2
    assert view.agreement.heightForWidth(view.agreement.width()) == height  # nothing moves
    # closed and opened again while nothing changed: shown again as it was
    figures = view.view_data
    view.close()
    assert window.classroom.class_view is None
    again = open_class_view(window, qtbot)
    assert again is view and again.view_data.figures is figures.figures and again.isVisible()
    # after a comment written elsewhere (no flag changed): the same window, its comment
    # read again, no submission compared again
    view.close()
    ana = next(r.work for r in view.overview.students if r.work.name == "Ana Lima")
    service.set_feedback(window.library, figures.assignment.assignment_id, ana.name, "Good.")
    changed = open_class_view(window, qtbot)
    assert changed is view and changed.view_data.comments[ana.student_id] == "Good."
    assert changed.view_data.figures is figures.figures
    row = changed.table.row_of(ana.student_id)
    assert row is not None
    changed.table.selectRow(row)
    assert changed.comment.toPlainText() == "Good."


def test_a_write_to_a_submission_or_the_key_changes_the_figures_shown(
    session: Session, qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    window, assignment_id = teacher_window(session, tmp_path)
    view = open_class_view(window, qtbot)
    library = window.library
    before = view.overview
    view.close()
    # Cleo's only flag (an opinion on the key's sentence 3) taken back, as the command
    # line would: her row and the passage's figures change, the others' results are kept
    cleo = next(r for r in before.students if r.work.name == "Cleo Park")
    library.delete_annotation(cleo.work.flags[0].uuid)
    again = open_class_view(window, qtbot)
    assert again is view
    after = again.overview
    assert_same_figures(again, class_json(session.db_path, assignment_id, capsys))
    assert shown_figures(again)["Cleo Park"]["All found"] == "0"
    kept = {r.work.name: r for r in after.students}
    assert kept["Ana Lima"] is next(r for r in before.students if r.work.name == "Ana Lima")
    assert kept["Cleo Park"] is not cleo
    # the key gains a flag on sentence 5, which Ana and Ben flagged as opinions
    view.close()
    article = library.article(before.article.id)
    start, end = sentence_span(article, 5)
    library.add_annotation(
        Annotation(article.id, OPINION, make_anchor(article.text, start, end), layer=KEY_LAYER)
    )
    again = open_class_view(window, qtbot)
    assert_same_figures(again, class_json(session.db_path, assignment_id, capsys))
    assert "3 flags in the key" in again.summary.text()
    assert shown_figures(again)["Ana Lima"]["Opinion found"] == "1"


def test_after_a_students_flag_changed_the_view_paints_before_its_agreement(
    session: Session, qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    window, assignment_id = teacher_window(session, tmp_path)
    view = open_class_view(window, qtbot)
    cleo = next(r for r in view.overview.students if r.work.name == "Cleo Park")
    view.close()
    window.library.delete_annotation(cleo.work.flags[0].uuid)
    window.classroom.class_view_action.trigger()
    assert window.classroom.class_view is view
    # the figures shown at once, the agreement (numpy) worked out once they are painted
    assert shown_figures(view)["Cleo Park"]["All found"] == "0"
    assert view.agreement.text().splitlines() == [
        "Unsourced claims: working it out…",
        "Opinion passages: working it out…",
    ]
    qtbot.waitUntil(lambda: "working it out" not in view.agreement.text())
    assert_same_figures(view, class_json(session.db_path, assignment_id, capsys))
    # the shading kept from before where it holds: the same as made afresh
    page, figures = view.article_view, view.view_data.figures
    fresh = heat_selections(page, figures, None, Theme.LIGHT)
    fresh += key_selections(page, figures.key, Theme.LIGHT)
    assert drawn(page.extraSelections()) == drawn(fresh)
    assert len(fresh) == 5  # three sentences shaded, the key's two flags underlined


def drawn(selections: list[QTextEdit.ExtraSelection]) -> list[tuple[int, int, int, object]]:
    return [
        (
            s.cursor.selectionStart(),
            s.cursor.selectionEnd(),
            s.format.background().color().rgba(),
            s.format.underlineStyle(),
        )
        for s in selections
    ]


def test_the_next_session_paints_the_figures_kept_in_the_library(
    session: Session, qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    window, assignment_id = teacher_window(session, tmp_path)
    open_class_view(window, qtbot).close()  # its agreement worked out: the figures kept
    found = service.find_assignment(window.library, assignment_id)
    # a new session: its figures read from the library, the agreement painted at once
    view = ClassViewWindow(window.library, found, Theme.LIGHT, QUndoStack())
    qtbot.addWidget(view)
    assert "working it out" not in view.agreement.text()
    data = class_json(session.db_path, assignment_id, capsys)
    assert_same_figures(view, data)
    # a student clicked: their work against the key, compared now
    ben = next(s for s in view.view_data.figures.students if s.name == "Ben Ode")
    row = view.table.row_of(ben.student_id)
    assert row is not None
    view.table.selectRow(row)
    assert "Ben Ode: You found 1 of the 2 flags in the key" in view.details_label.text()
    assert view.details.count() == 3
    # a flag of Ben's taken back elsewhere before the next click: the window shows the
    # library as it is now
    window.library.delete_annotation(view.overview.students[1].work.flags[0].uuid)
    view.table.selectRow(row)
    view.show_student(ben.student_id)
    assert_same_figures(view, class_json(session.db_path, assignment_id, capsys))
    assert "Ben Ode: You found 0 of the 2 flags in the key" in view.details_label.text()


def test_figures_a_library_does_not_keep_are_worked_out_while_the_teacher_reads(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    window, assignment_id = teacher_window(session, tmp_path)
    found = service.find_assignment(window.library, assignment_id)
    assert figures_kept(window.library, found)  # collecting kept them
    with window.library.transaction() as conn:  # as in a library of an older version
        conn.execute("DELETE FROM class_figures")
    assert not figures_kept(window.library, found)
    window.show_article(found.article_id)
    qtbot.waitUntil(lambda: figures_kept(window.library, found), timeout=WARM_AFTER_MS + 5000)
    # the class view paints them read from the library, agreement and all
    window.classroom.class_view_action.trigger()
    view = window.classroom.class_view
    assert view is not None and "working it out" not in view.agreement.text()


def test_a_student_and_a_passage_clicked(
    session: Session, qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    window, assignment_id = teacher_window(session, tmp_path)
    view = open_class_view(window, qtbot)

    row = view.table.row_of(
        next(s for s in view.overview.students if s.work.name == "Ben Ode").work.student_id
    )
    assert row is not None
    rect = view.table.visualRect(view.table.students.index(row, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    lines = [view.details.item(n).text() for n in range(view.details.count())]
    # Ben: found the unsourced claim, the opinion as another kind, one extra
    assert lines[0].startswith("Found · Unsourced claim")
    assert "note: BEN-no source" in lines[0]
    assert lines[1].startswith("Found as another kind (unsourced claim, the key says opinion)")
    assert lines[2].startswith("Extra · Opinion") and "note: BEN-spin" in lines[2]
    assert len(view.article_view.extraSelections()) == 3
    assert "Ben Ode: You found 1 of the 2 flags in the key" in view.details_label.text()

    # the extra passage two students flagged: who, with their notes
    extra = next(
        item for item in view.passages.passage_items() if item.text(0).startswith("Flagged by 2")
    )
    view.passages.setCurrentItem(extra)
    lines = [view.details.item(n).text() for n in range(view.details.count())]
    assert [line.split(" · ")[0] for line in lines] == ["Ana Lima", "Ben Ode"]
    assert "note: ANA-loaded" in lines[0] and "(not in the key)" in lines[0]
    assert "2 students flagged" in view.details_label.text()

    # names hidden for the projector
    view.hide_names.click()
    assert sorted(shown_figures(view)) == ["Student 1", "Student 2", "Student 3"]
    lines = [view.details.item(n).text() for n in range(view.details.count())]
    assert "Ana" not in " ".join(lines) and "Ben" not in view.details_label.text()
    assert class_json(session.db_path, assignment_id, capsys)["students"][0]["name"] == "Ana Lima"


def test_an_extra_flag_added_to_the_key_and_undone(
    session: Session, qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    window, assignment_id = teacher_window(session, tmp_path)
    view = open_class_view(window, qtbot)
    extra = next(
        item for item in view.passages.passage_items() if item.text(0).startswith("Flagged by 2")
    )
    view.passages.setCurrentItem(extra)
    assert not view.add_button.isEnabled()
    view.details.setCurrentRow(0)  # Ana's opinion flag
    flagger = view.details.currentItem().data(FLAGGER_ROLE)
    assert isinstance(flagger, Flagger) and flagger.extra
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)

    data = class_json(session.db_path, assignment_id, capsys)
    assert data["key_flags"] == 3 and data["extra_passages"] == []
    assert_same_figures(view, data)
    assert shown_figures(view)["Ana Lima"]["Opinion found"] == "1"
    assert window.reading.article is not None
    key = service.active_key(window.library, window.reading.article.id)
    assert any(f.note == "ANA-loaded" for f in key)
    shown = window.annotation_pane.model.annotations()  # the main window follows
    assert any(a.layer == KEY_LAYER and a.note == "ANA-loaded" for a in shown)

    view.undo_stack.undo()
    data = class_json(session.db_path, assignment_id, capsys)
    assert data["key_flags"] == 2
    assert_same_figures(view, data)
    assert shown_figures(view)["Ana Lima"]["Opinion found"] == "0"
    view.undo_stack.redo()
    assert class_json(session.db_path, assignment_id, capsys)["key_flags"] == 3


def test_the_comment_to_a_student_is_kept(session: Session, qtbot: QtBot, tmp_path: Path) -> None:
    window, assignment_id = teacher_window(session, tmp_path)
    view = open_class_view(window, qtbot)
    assert not view.comment.isEnabled()
    cleo = next(s for s in view.overview.students if s.work.name == "Cleo Park")
    view.table.selectRow(view.table.row_of(cleo.work.student_id) or 0)
    assert view.comment_label.text() == "Comment to Cleo Park:"
    view.comment.setFocus()
    qtbot.keyClicks(view.comment, "Look for numbers.")
    assert store.feedback(window.library, assignment_id) == {
        cleo.work.student_id: "Look for numbers."
    }
    view.close()
    again = open_class_view(window, qtbot)
    again.table.selectRow(again.table.row_of(cleo.work.student_id) or 0)
    assert again.comment.toPlainText() == "Look for numbers."
    # into Cleo's page of the report and her own released key, no one else's
    service.report(window.library, assignment_id, tmp_path / "report.html")
    assert "Look for numbers." in (tmp_path / "report.html").read_text(encoding="utf-8")
    released = service.release_key(
        window.library, assignment_id, tmp_path / "keys", per_student=True
    )
    holding = [p.name for p in released.paths if "Look for numbers." in p.read_text("utf-8")]
    assert len(released.paths) == 3 and holding == [
        f"Cleo-Park-{cleo.work.student_id[:8]}.reader-key"
    ]


def test_the_class_report_is_saved_as_a_page_and_a_pdf(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    window, _ = teacher_window(session, tmp_path)
    window.settings.setValue("export/folder", str(tmp_path))
    window.classroom.report_action.trigger()
    dialog = file_dialog(qtbot, window)
    type_file_name(qtbot, dialog, "claims-report")
    pdf = tmp_path / "claims-report.pdf"
    qtbot.waitUntil(pdf.exists, timeout=5000)
    page = (tmp_path / "claims-report.html").read_text(encoding="utf-8")
    assert "Ana Lima" in page and "Cleo Park" in page
    assert pdf.read_bytes().startswith(b"%PDF")
    assert "Saved the class report" in window.statusBar().currentMessage()
    assert not list(tmp_path.glob(".*.part"))


def test_a_folder_of_submissions_is_collected_from_the_dialog(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    window, assignment_id = teacher_window(session, tmp_path)
    folder = tmp_path / "late"
    folder.mkdir()
    student = Library.open(tmp_path / "dev.sqlite")
    opened = service.open_assignment(student, tmp_path / "a.reader-assignment")
    flags_on(student, opened.article_id, [(1, UNSOURCED, "")])
    service.hand_in(student, assignment_id, folder / "dev.reader-submission", "Dev Rao")
    student.close()
    window.settings.setValue("export/folder", str(tmp_path))
    window.classroom.collect_folder_action.trigger()
    dialog = file_dialog(qtbot, window)
    type_file_name(qtbot, dialog, "late")
    qtbot.waitUntil(lambda: isinstance(window.classroom.dialog, QMessageBox), timeout=3000)
    box = window.classroom.dialog
    assert isinstance(box, QMessageBox)
    assert box.text() == "Collected 1 submission."
    box.accept()
    assert len(store.submissions(window.library, assignment_id)) == 4


def test_h_shades_the_class_work_in_presentation_mode(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    window, _ = teacher_window(session, tmp_path)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    presentation = window.classroom.presentation
    assert presentation is not None
    qtbot.waitUntil(presentation.isActiveWindow, timeout=3000)
    assert presentation.view.extraSelections() == []
    qtbot.keyClick(presentation, Qt.Key.Key_H)
    assert len(presentation.view.extraSelections()) == 3  # the sentences the class flagged
    qtbot.keyClick(presentation, Qt.Key.Key_Right)
    assert len(presentation.view.highlighted_uuids()) == 1
    qtbot.keyClick(presentation, Qt.Key.Key_H)
    assert presentation.view.extraSelections() == []
    qtbot.keyClick(presentation, Qt.Key.Key_Escape)


def test_the_class_view_pages_take_the_dark_theme(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    window, assignment_id = teacher_window(session, tmp_path)
    found = service.find_assignment(window.library, assignment_id)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette, sheet = app.palette(), app.styleSheet()
    apply_theme(app, Theme.DARK)  # as the app does when the system's theme is dark
    try:
        view = ClassViewWindow(window.library, found, Theme.DARK, QUndoStack())
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        page = view.article_view.viewport().palette().base().color().name()
        assert page == THEME_COLOURS[Theme.DARK].background
    finally:
        app.setPalette(palette)
        app.setStyleSheet(sheet)


def test_the_class_view_paints_kept_figures_without_loading_what_compares() -> None:
    # The first class view of a session paints the figures kept in the library: the
    # comparison, the file formats and the agreement are loaded only when needed.
    code = (
        "import sys\n"
        "import reader.gui.classroom.class_view, reader.services.class_results\n"
        "print(sorted(m for m in sys.modules if m in {\n"
        "    'reader.classroom.matching', 'reader.classroom.scores', 'reader.classroom.files',\n"
        "    'reader.classroom.agreement', 'reader.services.assignments', 'reader.w3c.reading'}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stdout + result.stderr
