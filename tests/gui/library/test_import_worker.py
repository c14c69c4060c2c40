"""Imports in the app run off the GUI thread: the window keeps turning, a progress
dialog with Cancel shows for long ones, and a cancel leaves the library as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from reader.core.models import Progress, Stage
from reader.gui.library import import_worker
from reader.gui.shell.main_window import MainWindow
from reader.storage.library import Library
from tests.gui.conftest import Session, activate

PARAGRAPH = (
    "Paragraph {n} says the council met on Tuesday and voted on the budget. The mayor said "
    "the cuts were needed, and residents asked why the library would close on Mondays. "
) * 6 + "\n\n"  # long paragraphs: an import that takes a while, under the block limit


def big_text_file(folder: Path, paragraphs: int = 9_500) -> Path:  # under the block limit
    path = folder / "big story.txt"
    body = "".join(PARAGRAPH.format(n=n) for n in range(paragraphs))
    path.write_text("A very long story\n\n" + body, encoding="utf-8")
    return path


class Watcher:
    """A timer that fires while the import runs, as the window's own timers would, and
    clicks Cancel on the progress dialog once it shows (if asked to)."""

    def __init__(self, qtbot: QtBot, window: MainWindow, cancel: bool) -> None:
        self.qtbot = qtbot
        self.window = window
        self.cancel = cancel
        self.ticks = 0
        self.busy_cursor = False
        self.labels: list[str] = []
        self.clicked_cancel = False
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._on_timeout)

    def _on_timeout(self) -> None:
        self.ticks += 1
        cursor = QApplication.overrideCursor()
        self.busy_cursor |= cursor is not None and cursor.shape() == Qt.CursorShape.BusyCursor
        dialog = self.window.findChild(QProgressDialog, "import_progress")
        if dialog is None or not dialog.isVisible():
            return
        self.labels.append(dialog.labelText())
        if self.cancel and not dialog.wasCanceled():
            button = dialog.findChild(QPushButton)
            assert button is not None and button.text() == "Cancel"
            self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            self.clicked_cancel = True


def test_a_large_import_keeps_the_window_turning_and_cancel_changes_nothing(
    qtbot: QtBot, session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the dialog at once: on a fast machine the import may end before the usual delay
    monkeypatch.setattr(import_worker, "SHOW_AFTER_MS", 0)
    window = session.start()
    library = window.library
    before = [(s.id, s.title, s.version) for s in library.articles()]
    data_version = library.data_version()
    path = big_text_file(tmp_path)
    watcher = Watcher(qtbot, window, cancel=True)
    watcher.timer.start()
    try:
        opened = window.files.open_file(path)
    finally:
        watcher.timer.stop()
    assert not opened
    assert watcher.ticks > 0  # the event loop turned while the file was imported
    assert watcher.busy_cursor
    # the dialog names the stage it shows up in (reading goes fast on a quick machine)
    assert watcher.labels and watcher.labels[0] in ("Reading big story.txt…", "Saving…")
    assert watcher.clicked_cancel  # then the dialog says "Cancelling…" until the worker stops
    assert [(s.id, s.title, s.version) for s in library.articles()] == before
    assert library.data_version() == data_version  # the worker's connection wrote nothing
    assert window.error_box is None
    assert "cancelled: nothing was imported" in window.statusBar().currentMessage()
    assert QApplication.overrideCursor() is None
    dialog = window.findChild(QProgressDialog, "import_progress")
    assert dialog is None or not dialog.isVisible()
    activate(qtbot, window)  # the closed dialog leaves the window usable


def test_after_a_long_import_the_article_is_shown_and_listed(
    qtbot: QtBot, session: Session, tmp_path: Path
) -> None:
    window = session.start()
    count = len(window.library.articles())
    path = big_text_file(tmp_path, paragraphs=6_000)
    watcher = Watcher(qtbot, window, cancel=False)
    watcher.timer.start()
    try:
        assert window.files.open_file(path)
    finally:
        watcher.timer.stop()
    assert watcher.ticks > 0
    assert (
        window.reading.article is not None and window.reading.article.title == "A very long story"
    )
    assert len(window.library.articles()) == count + 1
    titles = [entry.title for entry in window.library_panel.entries()]
    assert "A very long story" in titles
    assert QApplication.overrideCursor() is None


def test_a_quick_import_opens_the_article_without_a_dialog(
    session: Session, tmp_path: Path
) -> None:
    window = session.start()
    path = tmp_path / "short.md"
    path.write_text("# A short story\n\nThe council met on Tuesday.\n", encoding="utf-8")
    assert window.files.open_file(path)
    assert window.reading.article is not None and window.reading.article.title == "A short story"
    dialog = window.findChild(QProgressDialog, "import_progress")
    assert dialog is None or not dialog.isVisible()


def test_no_progress_dialog_comes_back_once_an_import_is_done(
    qtbot: QtBot, window: MainWindow
) -> None:
    """A quick job's progress, still queued when it ends, must not show the dialog:
    it would stay open, blocking the window, after the import."""

    def job(library: Library, progress: Progress) -> int:
        for done in range(3):
            progress(Stage.READING, done, 3)
        return 1

    for _ in range(5):
        assert import_worker.run_import(window, window.library.path, "a note", job) == 1
        qtbot.wait(20)  # the queued progress arrives
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)]
        assert not [dialog for dialog in shown if dialog.isVisible()]
    assert QApplication.activeModalWidget() is None
