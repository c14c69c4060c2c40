"""The app keeps SQLite's locks on its library while a file dialog shows the library's
folder, so a second process (the command line) never takes the library for unused and
deletes the WAL with the app's flags in it; and nothing else in the app opens the file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QToolTip
from pytestqt.qtbot import QtBot

from reader.anchoring.selectors import make_anchor
from reader.core.models import Annotation, Kind
from reader.gui.common.file_dialogs import SafeFileDialog
from reader.gui.common.library_guard import LibraryFileAccessError
from reader.gui.shell.main_window import MainWindow
from reader.services.article_files import ExportFormat
from reader.storage.library import Library
from tests.gui.conftest import activate

if TYPE_CHECKING:
    from tests.gui.conftest import Session

COMPANIONS = ("", "-wal", "-shm", "-journal")
pytestmark = pytest.mark.skipif(
    not Path("/proc/locks").exists(), reason="reads the process's locks in Linux's /proc"
)


def held_locks(db: Path) -> set[str]:
    """Names of the library's files on which this process holds a POSIX lock."""
    inodes = {}
    for suffix in COMPANIONS:
        path = Path(f"{db}{suffix}")
        if path.exists():
            inodes[path.stat().st_ino] = path.name
    held = set()
    for line in Path("/proc/locks").read_text().splitlines():
        fields = line.split()
        if len(fields) > 5 and fields[4] == str(os.getpid()):
            inode = int(fields[5].rsplit(":", 1)[1])
            if inode in inodes:
                held.add(inodes[inode])
    return held


def deleted_library_files(db: Path) -> list[str]:
    """The library's files this process has open though they were deleted meanwhile."""
    found = []
    for name in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
        except OSError:  # closed meanwhile (the listing's own descriptor)
            continue
        if target.startswith(str(db)) and target.endswith("(deleted)"):
            found.append(target)
    return found


def cli(db: Path, *arguments: str) -> str:
    """Run the command line on the library in a second process; its standard output."""
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db), *arguments],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def open_dialog_on(qtbot: QtBot, window: MainWindow, folder: Path) -> SafeFileDialog:
    """File › Open, navigated to ``folder``, once every file there is listed with its type
    (when Qt's own dialog would have read each file to guess it)."""
    window.window_actions.open.trigger()
    dialog = window.findChild(SafeFileDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.selectNameFilter("All files (*)")
    model = dialog.file_model()
    with qtbot.waitSignal(model.directoryLoaded, timeout=5000):
        dialog.setDirectory(str(folder))
    root = model.index(str(folder))

    def typed() -> bool:
        rows = [model.index(row, 2, root) for row in range(model.rowCount(root))]
        return len(rows) >= 3 and all(index.data() for index in rows)

    qtbot.waitUntil(typed, timeout=5000)
    return dialog


def test_flags_saved_by_the_app_and_the_command_line_survive_a_file_dialog(
    session: Session, qtbot: QtBot, db_path: Path
) -> None:
    window = session.start()
    window.finish_startup()
    article = window.reading.article
    assert article is not None
    words = max(article.text.split("\n\n"), key=len).split()  # one paragraph's words
    locks = held_locks(db_path)
    assert locks == {db_path.name, f"{db_path.name}-shm"}  # SQLite's, with the app's connection
    seen_locks: list[set[str]] = []  # after each step, checked once the flags are
    seen_deleted: list[str] = []

    def look() -> None:
        seen_locks.append(held_locks(db_path))
        seen_deleted.extend(deleted_library_files(db_path))

    def annotate(kind: str, first_word: int, note: str) -> str:
        quote = " ".join(words[first_word : first_word + 3])
        arguments = ["annotate", str(article.id), "--kind", kind, "--quote", quote]
        return cli(db_path, *arguments, "--note", note).strip()

    dialog = open_dialog_on(qtbot, window, db_path.parent)
    look()
    saved = {annotate("opinion", 3, "while the dialog is open"): "while the dialog is open"}
    cli(db_path, "list")
    look()
    dialog.reject()
    look()
    # Only reading, then writing, on the command line while the app is open.
    cli(db_path, "list")
    cli(db_path, "show", str(article.id))
    cli(db_path, "suggest", str(article.id))
    look()
    view = window.article_view
    view.setFocus()
    start = article.text.index(" ".join(words[10:14]))
    view.select_text(start, start + len(" ".join(words[10:14])))
    activate(qtbot, window)  # the file dialog is gone
    qtbot.keyClick(view, "1")
    uuid = window.annotation_pane.selected_uuid()
    assert uuid
    qtbot.keyClicks(window.annotation_pane.editor.note_edit, "typed in the app")
    window.flush_note()
    saved[uuid] = "typed in the app"
    saved[annotate("context", 20, "after the dialog")] = "after the dialog"
    look()
    window.close()
    session.close()

    library = Library.open(db_path)
    try:
        stored = {a.uuid: a.note for a in library.annotations(article.id)}
        assert library.check().integrity == "ok"
    finally:
        library.close()
    assert {uuid: stored.get(uuid) for uuid in saved} == saved
    assert seen_deleted == []
    assert seen_locks == [locks] * len(seen_locks)


def test_the_file_dialog_hides_the_library_files(
    session: Session, qtbot: QtBot, db_path: Path
) -> None:
    window = session.start()
    window.finish_startup()
    (db_path.parent / "story.md").write_text("# A story\n\nIt rained.\n", encoding="utf-8")
    dialog = open_dialog_on(qtbot, window, db_path.parent)
    listed = dialog.file_model()
    root = listed.index(str(db_path.parent))
    names = {listed.index(row, 0, root).data() for row in range(listed.rowCount(root))}
    library_files = {db_path.name + suffix for suffix in COMPANIONS} & names
    assert {db_path.name, f"{db_path.name}-wal"} <= library_files  # in the folder, but:
    proxy = dialog.proxyModel()
    shown_root = proxy.mapFromSource(root)
    shown = {proxy.index(row, 0, shown_root).data() for row in range(proxy.rowCount(shown_root))}
    assert "story.md" in shown
    assert not shown & library_files
    type_column = listed.index(listed.index(str(db_path)).row(), 2, root).data()
    assert type_column == "SQLITE file"  # from the name: Qt's own guess reads the file
    dialog.reject()


def test_the_export_dialog_keeps_the_locks_and_reconnects(
    session: Session, qtbot: QtBot, db_path: Path
) -> None:
    window = session.start()
    window.finish_startup()
    locks = held_locks(db_path)
    (db_path.parent / "earlier.csv").write_text("uuid\n", encoding="utf-8")
    window.settings.setValue("export/folder", str(db_path.parent))
    window.files.choose_export(ExportFormat.CSV)
    dialog = window.findChild(SafeFileDialog)
    assert dialog is not None
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    model = dialog.file_model()
    qtbot.waitUntil(lambda: model.rowCount(model.index(str(db_path.parent))) > 0, timeout=5000)
    assert held_locks(db_path) == locks
    before = window.library.conn
    target = db_path.parent / "exported.csv"
    name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
    assert name_edit is not None
    name_edit.clear()
    qtbot.keyClicks(name_edit, target.name)
    qtbot.keyClick(name_edit, Qt.Key.Key_Return)
    assert window.library.conn is not before  # connected again once the dialog closed
    assert held_locks(db_path) == locks
    assert target.read_text(encoding="utf-8").startswith("uuid,")


def test_a_lost_lock_is_taken_again_when_a_dialog_closes(
    session: Session, qtbot: QtBot, db_path: Path
) -> None:
    """Whatever a dialog did natively, closing it leaves the app holding its locks."""
    window = session.start()
    window.finish_startup()
    locks = held_locks(db_path)
    dialog = open_dialog_on(qtbot, window, db_path.parent)
    folder = os.open(db_path.parent, os.O_RDONLY)  # the files opened relative to their
    for name in (db_path.name, f"{db_path.name}-shm"):  # folder, unseen by the audit hook,
        os.close(os.open(name, os.O_RDONLY, dir_fd=folder))  # as native code may open them
    os.close(folder)
    assert held_locks(db_path) == set()
    dialog.reject()
    assert held_locks(db_path) == locks


def test_python_may_not_open_the_library_file_while_the_app_has_it(
    session: Session, db_path: Path
) -> None:
    window = session.start()
    window.finish_startup()
    for suffix in COMPANIONS:
        with pytest.raises(LibraryFileAccessError, match="only SQLite may open"):
            Path(f"{db_path}{suffix}").read_bytes()
    relative = os.path.relpath(db_path)
    with pytest.raises(LibraryFileAccessError):
        os.open(relative, os.O_RDONLY)
    other = db_path.parent / f"{db_path.name}.txt"  # another file: free
    other.write_text("another file", encoding="utf-8")
    with pytest.raises(LibraryFileAccessError):
        os.replace(other, db_path)
    assert held_locks(db_path) == {db_path.name, f"{db_path.name}-shm"}
    window.close()
    session.close()
    assert db_path.read_bytes().startswith(b"SQLite format 3")  # free once it is closed


def test_opening_or_exporting_onto_the_library_is_refused(
    session: Session, qtbot: QtBot, db_path: Path
) -> None:
    window = session.start()
    count = len(window.library.articles())
    for path in (db_path, Path(f"{db_path}-wal")):
        assert not window.files.open_file(path)
        assert window.error_box is not None
        assert "is the library itself" in window.error_box.text()
        window.error_box.close()
    assert not window.files.export_flags(ExportFormat.W3C, db_path)
    assert window.error_box is not None and "Nothing was written" in window.error_box.text()
    assert len(window.library.articles()) == count
    assert held_locks(db_path) == {db_path.name, f"{db_path.name}-shm"}


def test_hostile_text_in_tooltips_opens_no_file(
    session: Session, qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt shows a tooltip that looks like HTML as rich text, and loads its images: an
    <img> naming the library in an article's words or a layer's name opened the file."""
    monkeypatch.chdir(db_path.parent)  # the app started in the library's folder
    image = f"<img src='{db_path.name}'>"
    window = session.start()
    window.finish_startup()
    meta_path = db_path.parent / "hostile.md"
    meta_path.write_text(
        f"# Cuts\n\nThe cuts saved 80,000 dollars last year (source: {image}).\n",
        encoding="utf-8",
    )
    assert window.files.open_file(meta_path)
    article = window.reading.article
    assert article is not None
    window.review.set_sourced_claims_visible(True)
    ranges = window.review.sourced_ranges
    assert ranges
    view = window.article_view
    cursor = view.textCursor()
    cursor.setPosition(ranges[0][0] + 2)
    rect = view.cursorRect(cursor)
    point = rect.center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    assert QToolTip.isVisible()
    assert held_locks(db_path) == {db_path.name, f"{db_path.name}-shm"}

    flag = Annotation(article.id, Kind.OPINION, make_anchor(article.text, 0, 4), layer=image)
    window.library.add_annotation(flag)
    window.show_article(article.id)
    action = window.window_actions.layer_actions[image]
    QToolTip.showText(QPoint(10, 10), action.toolTip(), window)  # as the menu shows it
    assert held_locks(db_path) == {db_path.name, f"{db_path.name}-shm"}
    QToolTip.hideText()
