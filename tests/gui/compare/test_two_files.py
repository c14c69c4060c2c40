"""`reader FILE_A FILE_B`: both imported, the window opens on them side by side."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.cli.app import import_both
from reader.core.models import ReaderError
from reader.gui.app import run_app
from reader.gui.compare.compare_view import CompareView
from reader.gui.shell.main_window import MainWindow
from reader.storage.library import Library
from tests.compare.articles import FLOOD_A, FLOOD_B


def write(folder: Path, name: str, title: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"# {title}\n\n{body}", encoding="utf-8")
    return path


def test_two_files_open_side_by_side(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite"
    args = argparse.Namespace(db=str(db))
    first = write(tmp_path, "a.md", "Floods force residents out", FLOOD_A)
    second = write(tmp_path, "b.md", "Thousands evacuated", FLOOD_B)
    compared = import_both(args, first, second)
    seen: list[str] = []

    def look_and_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        view = windows[0].compare_view if windows else None
        if isinstance(view, CompareView):
            seen.extend(side.view.article.title if side.view.article else "" for side in view.sides)
        for window in windows:
            window.close()
            window.deleteLater()
        QApplication.instance().quit()  # type: ignore[union-attr]

    QTimer.singleShot(300, look_and_close)
    assert run_app(db, settings_path=tmp_path / "settings.ini", compare=compared) == 0

    assert seen == ["Floods force residents out", "Thousands evacuated"]


def test_an_unreadable_second_file_imports_neither(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite"
    args = argparse.Namespace(db=str(db))
    first = write(tmp_path, "a.md", "Floods force residents out", FLOOD_A)
    second = tmp_path / "b.exe"
    second.write_bytes(b"\x00\x01 not an article")

    with pytest.raises(ReaderError):
        import_both(args, first, second)

    library = Library.open(db) if db.exists() else None
    titles = [s.title for s in library.articles()] if library else []
    assert "Floods force residents out" not in titles
    if library:
        library.close()
