"""Presentation mode as the class sees it: from each key press until its result is painted.

    python benchmarks/classroom_present.py [--runs 20] [--cpu]

A synthetic class of 30 (``reader.classroom.synthetic``) collected into a library, on a
1,500-word article with its key; offscreen, on a screen of 1920×1080 (a projector), the
main window showing the article.  Each run presses, as a teacher does, F5 (enter), →
through every key flag, ← back to none, H twice (the class's shading on, then off) and
Esc.  Each press is timed from the key event until the presentation's page has painted
the new state (the event loop run until the page's paint, which paints the caption with
it: one pass per window).  Before F5 the window is left idle for PAUSE ms, and after it
the teacher turns to the class for as long, untimed: the presentation reads the class's
work then, once its page is on the screen.  The
first run's F5 and first H (nothing built yet) are printed apart, then the medians of
the other runs.

Baseline, measured in the same run: a bare full-screen QTextEdit holding the article's
text in the same type, repainted whole (``update()`` until its paint).  Printed as
frames of 16.7 ms (60 Hz) and as ratios to that baseline, never asserted.  With
``--cpu``, the process's CPU time instead of the wall clock: steadier on a machine
shared with other jobs, but blind to waiting.  Target
(issue 11): entering and revealing within a frame.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SIZE = (1920, 1080)
_SCREEN = Path(tempfile.gettempdir()) / "reader-benchmark-projector.json"
_SCREEN.write_text(
    json.dumps(
        {
            "screens": [
                {
                    "name": "projector",
                    "x": 0,
                    "y": 0,
                    "width": SIZE[0],
                    "height": SIZE[1],
                    "logicalDpi": 96,
                    "logicalBaseDpi": 96,
                    "dpr": 1,
                }
            ]
        }  # fmt: skip
    )
)
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"

from PySide6.QtCore import QMessageLogContext, QSettings, Qt, QtMsgType, qInstallMessageHandler  # noqa: E402
from PySide6.QtGui import QFont, QPaintEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QTextEdit, QWidget  # noqa: E402
from shiboken6 import delete  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from classroom_collect import prepared_library  # noqa: E402

from reader.classroom.synthetic import synthetic_class  # noqa: E402
from reader.core.palette import Theme  # noqa: E402
from reader.gui.app import application, settle  # noqa: E402
from reader.gui.classroom.presentation import Presentation  # noqa: E402
from reader.gui.shell.main_window import MainWindow  # noqa: E402
from reader.services import classroom as service  # noqa: E402

FRAME = 1 / 60
clock = time.perf_counter  # what the presses and the baseline are timed with
TIMEOUT = 5.0  # seconds to wait for a paint that never comes
PAUSE = 200  # milliseconds between F5 and the first →: the teacher turns to the class


def quiet(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's messages, but the offscreen platform's about a window's size hints."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


class BareEdit(QTextEdit):
    """A QTextEdit that says when it painted."""

    painted = False

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.painted = True


def until_painted(app: QApplication, painted: Callable[[], bool]) -> None:
    """Run the event loop until ``painted()``."""
    deadline = time.perf_counter() + TIMEOUT
    while not painted():
        if time.perf_counter() > deadline:
            raise RuntimeError("nothing was painted")
        app.processEvents()


def bare_repaints(app: QApplication, text: str, font: QFont, times: int = 5) -> list[float]:
    """Seconds to repaint a bare full-screen QTextEdit holding ``text`` whole."""
    edit = BareEdit()
    edit.setFrameShape(QTextEdit.Shape.NoFrame)
    edit.document().setDefaultFont(font)
    edit.setPlainText(text)
    edit.showFullScreen()
    until_painted(app, lambda: edit.painted)
    seconds = []
    for _ in range(times):
        edit.painted = False
        started = clock()
        edit.viewport().update()
        until_painted(app, lambda: edit.painted)
        seconds.append(clock() - started)
    edit.close()
    delete(edit)
    return seconds


def activate(app: QApplication, window: QWidget) -> None:
    """Make the window the active one, where F5 (its shortcut) works."""
    handle = window.windowHandle()
    deadline = time.perf_counter() + TIMEOUT
    while QApplication.activeWindow() is not window:
        if time.perf_counter() > deadline:
            raise RuntimeError("the window never became active")
        handle.requestActivate()
        app.processEvents()


class Presses:
    """Key presses timed until the presentation's page painted."""

    def __init__(self, app: QApplication, window: MainWindow) -> None:
        self._app = app
        self._window = window
        self._painted = False
        self.times: dict[str, list[float]] = {}

    @property
    def presentation(self) -> Presentation:
        shown = self._window.classroom.presentation
        assert shown is not None
        return shown

    def press(self, label: str, key: Qt.Key, target: QWidget | None = None) -> None:
        self._painted = False
        started = clock()
        QTest.keyClick(target or self.presentation, key)
        if key == Qt.Key.Key_F5:
            self.presentation.view.painted.connect(self._on_painted)
        until_painted(self._app, lambda: self._painted)
        self.times.setdefault(label, []).append(clock() - started)

    def _on_painted(self) -> None:
        self._painted = True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--cpu", action="store_true", help="time the CPU, not the wall clock")
    options = parser.parse_args()
    if options.cpu:
        global clock
        clock = time.process_time
    app = application()
    qInstallMessageHandler(quiet)
    synthetic = synthetic_class(30, copies=3, seed=30)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        library, assignment_id = prepared_library(synthetic, folder)
        service.collect(library, [folder / "handed"])
        article_id = service.find_assignment(library, assignment_id).article_id
        article = library.article(article_id)
        flags = service.presented_flags(library, article_id)
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(library, settings, theme=Theme.LIGHT)
        window.resize(1280, 800)
        window.restore_session()
        window.show()
        window.finish_startup()
        window.show_article(article_id)
        settle(app)
        presses = Presses(app, window)
        baseline: list[float] = []
        for _ in range(options.runs + 1):
            activate(app, window)
            settle(app, PAUSE)  # the window idle, as before a teacher presses F5
            presses.press("F5", Qt.Key.Key_F5, window)
            presentation = presses.presentation
            settle(app, PAUSE)
            for _ in flags:
                presses.press("→", Qt.Key.Key_Right)
            for _ in flags:
                presses.press("←", Qt.Key.Key_Left)
            presses.press("H", Qt.Key.Key_H)
            presses.press("H again", Qt.Key.Key_H)
            font = QFont(presentation.view.document().defaultFont())
            QTest.keyClick(presentation, Qt.Key.Key_Escape)
            assert window.classroom.presentation is None
            delete(presentation)  # deleteLater waits for an event loop that never runs here
            settle(app, 20)

            baseline.extend(bare_repaints(app, article.text, font))
        window.close()
        delete(window)
        library.close()
    bare = statistics.median(baseline)
    words = len(article.text.split())
    print(
        f"{words}-word article, {len(flags)} key flags, 30 students, {SIZE[0]}×{SIZE[1]},"
        f" {'CPU' if options.cpu else 'wall-clock'} time;"
        f" baseline: a bare QTextEdit repainted whole, {bare * 1000:.1f} ms"
        f" ({bare / FRAME:.2f} frame)"
    )
    rows = [
        ("first F5 (enter)", presses.times["F5"][:1]),
        ("first H (the class's shading)", presses.times["H"][:1]),
    ]
    rows += [(f"{label}, median of {len(t) - 1}", t[1:]) for label, t in presses.times.items()]
    for label, times in rows:
        median = statistics.median(times)
        print(
            f"  {label}: {median * 1000:.1f} ms = {median / FRAME:.2f} frame"
            f" = {median / bare:.1f}× the baseline"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
