"""A file the importers choke on never closes the window: File › Open, a drop, a paste and
``reader FILE`` say so in one line, import nothing, and keep the details in the log."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QMimeData, QPointF, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from reader.gui.app import start_window
from reader.gui.shell.file_actions import export_file_name
from reader.gui.shell.main_window import MainWindow

if TYPE_CHECKING:
    from tests.gui.conftest import Session

# Inputs the importers refuse, by file name: the first two crashed one (issues 8 and 15).
BAD_FILES = {
    "escape.md": '---\ntitle: "\\U00110000"\n---\n\nIt rained.\n',
    "brackets.md": "---\ntitle: " + "[" * 1200 + "\n---\n\nIt rained.\n",
    "nul.html": "<html><body><p>The council met\x00 on Tuesday.</p></body></html>",
    "scripts.html": "<html><body><article><script>var council = 'met';</script>"
    "<img src='a.png'>&#12;</article></body></html>",
}


def write_bad_file(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(BAD_FILES[name].encode("utf-8"))
    return path


def assert_said_in_one_line(window: MainWindow, *words: str) -> str:
    assert window.isVisible()
    assert window.error_box is not None
    text = window.error_box.text()
    assert "\n" not in text and "Traceback" not in text
    for word in words:
        assert word in text
    window.error_box.close()
    return text


@pytest.fixture(autouse=True)
def user_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user's log folder, in the test's own folder."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    return tmp_path / "state" / "annotated-reader" / "log" / "crash.log"


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_file_that_crashed_an_importer_is_one_line_and_changes_nothing(
    session: Session, tmp_path: Path, name: str
) -> None:
    window = session.start()
    before = window.library.articles()
    shown = window.reading.article
    path = write_bad_file(tmp_path, name)
    assert not window.files.open_file(path)
    assert_said_in_one_line(window, name)
    assert window.library.articles() == before
    assert window.reading.article == shown
    assert window.library.check().ok


def test_dropped_and_pasted_bad_input_leave_the_window_as_it_was(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    window = session.start()
    before = window.library.articles()
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(write_bad_file(tmp_path, name))) for name in BAD_FILES])
    action, button, keys = (
        Qt.DropAction.CopyAction,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(
        window, QDragEnterEvent(window.rect().center(), action, data, button, keys)
    )
    drop = QDropEvent(QPointF(window.rect().center()), action, data, button, keys)
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    boxes = lambda: [box for box in window.findChildren(QMessageBox) if box.isVisible()]  # noqa: E731
    qtbot.waitUntil(lambda: len(boxes()) == len(BAD_FILES), timeout=3000)
    for box, name in zip(boxes(), BAD_FILES, strict=True):
        assert name in box.text() and "\n" not in box.text()
        box.close()
    pasted = QMimeData()
    pasted.setHtml(BAD_FILES["scripts.html"])
    QApplication.clipboard().setMimeData(pasted)
    try:
        assert not window.files.import_clipboard()
    finally:
        # the clipboard owns the data now: emptied here, or it is freed twice at exit
        QApplication.clipboard().clear()
    assert_said_in_one_line(window, "clipboard")
    assert window.library.articles() == before


def test_reader_file_starts_the_window_on_a_bad_file(
    qtbot: QtBot, db_path: Path, settings_path: Path, tmp_path: Path
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = start_window(app, db_path, settings_path, write_bad_file(tmp_path, "brackets.md"))
    qtbot.addWidget(window)
    try:
        assert_said_in_one_line(window, "brackets.md")
        assert window.reading.article is not None  # the last article, as a start without FILE
    finally:
        window.close()
        window.close_library()


def test_an_error_no_importer_foresaw_is_one_line_and_logged(
    session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, user_log: Path
) -> None:
    import reader.services.article_files

    def broken(*_arguments: object) -> None:
        raise KeyError("an importer's bug")

    monkeypatch.setattr(reader.services.article_files, "import_article_file", broken)
    window = session.start()
    before = window.library.articles()
    path = tmp_path / "story.md"
    path.write_text("# A story\n\nIt rained.\n", encoding="utf-8")
    assert not window.files.open_file(path)
    text = assert_said_in_one_line(window, "story.md", "(KeyError)", "Nothing was imported")
    assert str(user_log) in text
    logged = user_log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "an importer's bug" in logged
    assert window.library.articles() == before


def test_import_error_names_the_file_once(window: MainWindow, tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("")
    assert not window.files.open_file(empty)
    assert window.error_box is not None
    text = window.error_box.text()
    assert text.count("empty.md") == 1
    assert text.lower().count("cannot read") == 1
    assert text.startswith("Cannot read empty.md")
    window.error_box.accept()


def test_article_imported_under_a_tag_filter_is_listed(window: MainWindow, tmp_path: Path) -> None:
    panel = window.library_panel
    panel.tag_combo.setCurrentIndex(panel.tag_combo.findData("statistics"))
    assert panel.tag_combo.currentData() == "statistics"
    source = tmp_path / "story.md"
    source.write_text("# Brand new story\n\nThe council met on Tuesday.\n", encoding="utf-8")
    assert window.files.open_file(source)
    assert window.reading.article is not None
    assert window.reading.article.id in {entry.article_id for entry in panel.entries()}
    assert panel.tag_combo.currentData() is None
    assert panel.heading.text() == f"Articles ({len(window.library.articles())})"


def test_export_file_name_keeps_the_title_words() -> None:
    assert export_file_name("March, budget: what’s in it?", ".md") == "March budget what’s in it.md"
    assert export_file_name("a/b\\c:d", ".csv") == "a b c d.csv"
    assert export_file_name("***", ".json") == "flags.json"


def test_export_folder_is_documents_then_the_last_one_used(
    window: MainWindow, tmp_path: Path
) -> None:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert window.files.export_folder() in (Path(documents), Path.home())
    window.settings.setValue("export/folder", str(tmp_path))
    assert window.files.export_folder() == tmp_path
