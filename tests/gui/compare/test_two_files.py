"""`reader FILE_A FILE_B`: both imported, the window opens on them side by side."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli.app import import_both
from reader.core.models import ReaderError
from reader.storage.library import Library
from tests.compare.articles import FLOOD_A, FLOOD_B


def write(folder: Path, name: str, title: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"# {title}\n\n{body}", encoding="utf-8")
    return path


# Run in its own process: the app's start-up sets up the application for good.
LOOK = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from reader.gui.app import application, run_app
from reader.gui.compare.compare_view import CompareView
from reader.gui.shell.main_window import MainWindow

def look_and_close():
    for window in QApplication.topLevelWidgets():
        if isinstance(window, MainWindow):
            view = window.compare_view
            if isinstance(view, CompareView):
                print("|".join(side.view.article.title for side in view.sides))
            window.close()
    QApplication.instance().quit()

application()  # made here so that the timer has an event loop to run in
QTimer.singleShot(500, look_and_close)
compared = (int(sys.argv[3]), int(sys.argv[4]))
sys.exit(run_app(Path(sys.argv[1]), settings_path=Path(sys.argv[2]), compare=compared))
"""


def test_two_files_open_side_by_side(tmp_path: Path) -> None:
    db = tmp_path / "library.sqlite"
    first = write(tmp_path, "a.md", "Floods force residents out", FLOOD_A)
    second = write(tmp_path, "b.md", "Thousands evacuated", FLOOD_B)
    id_a, id_b = import_both(argparse.Namespace(db=str(db)), first, second)

    settings = tmp_path / "settings.ini"
    command = [sys.executable, "-c", LOOK, str(db), str(settings), str(id_a), str(id_b)]
    environment = os.environ | {"QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, env=environment)

    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["Floods force residents out|Thousands evacuated"]


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
