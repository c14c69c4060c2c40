"""Presentation mode as the class sees it: from each key press until its result is painted.

    python benchmarks/classroom_present.py [--runs 20] [--sessions 5] [--cpu] [--first-pause 1500]

A synthetic class of 30 (``reader.classroom.synthetic``) collected into a library, on a
1,500-word article with its key, prepared by a child process (which also compiles the
app's modules, as an installation has them), so that the app's processes have loaded only
what the app has when the teacher presses F5.  Offscreen, on a screen of 1920×1080 (a
projector), the main window started as the app starts it, its render cache beside the
library, showing the article.  Each run presses, as a teacher does, F5 (enter), →
through every key flag, ← back to none, H twice (the class's shading on, then off) and
Esc.  Each press is timed from the key event until the presentation's page has painted
the new state (the event loop run until the page's paint, which paints the caption with
it: one pass per window).  Before F5 the window is left idle for PAUSE ms (before the
first F5 of a session, ``--first-pause``: the article on the screen a moment, as the app
loads the presentation's code, draws the article off screen in its type and makes the
presentation's window ready a second after a teacher's assigned article is shown), and
after it the teacher turns to the class for as long, untimed: the presentation reads the
flags and the class's work then, once its page is on the screen.

The first F5 and first H of a session (nothing loaded or built yet) are printed apart
(later F5s come PAUSE ms after Esc, before the app makes the next window ready: on this
platform a new window's image takes the memory earlier windows freed, where a first one's
pages come fresh from the system; on X11 each new window's is fresh shared memory):
the median over ``--sessions`` new processes, one after the other on the same library
and render cache (kept between sessions, as the app keeps it), and the last one, which
then makes ``--runs`` runs more: the medians of those follow.

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
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

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

from reader.core.palette import Theme  # noqa: E402
from reader.gui.app import application, settle, start_window  # noqa: E402
from reader.gui.shell.session import SettingsKey  # noqa: E402

if TYPE_CHECKING:
    from reader.gui.classroom.presentation import Presentation
    from reader.gui.shell.main_window import MainWindow

FRAME = 1 / 60
clock = time.perf_counter  # what the presses and the baseline are timed with
TIMEOUT = 5.0  # seconds to wait for a paint that never comes
PAUSE = 200  # milliseconds between F5 and the first →: the teacher turns to the class
# milliseconds the article is on the screen before a session's first F5 (--first-pause)
FIRST_PAUSE = 1500
first_pause = FIRST_PAUSE


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


def prepare(folder: Path) -> None:
    """The teacher's library in ``folder``: the article, its key and the class's work; and
    the app's modules compiled, as an installation has them."""
    import compileall

    import reader

    compileall.compile_dir(Path(reader.__file__).parent, quiet=1)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from classroom_collect import prepared_library

    from reader.classroom.synthetic import synthetic_class
    from reader.services import classroom as service

    library, _ = prepared_library(synthetic_class(30, copies=3, seed=30), folder)
    try:
        service.collect(library, [folder / "handed"])
    finally:
        library.close()


def session(app: QApplication, folder: Path, runs: int) -> Session:
    """The app started on the library in ``folder`` and the article shown; ``runs`` + 1
    times: F5, every flag revealed and hidden, H twice, Esc."""
    settings = folder / "settings.ini"
    chosen = QSettings(str(settings), QSettings.Format.IniFormat)
    chosen.setValue(SettingsKey.THEME, Theme.LIGHT.value)
    chosen.sync()
    window = start_window(app, folder / "teacher.sqlite", settings, cache_folder=folder)
    window.resize(1280, 800)
    window.finish_startup()
    window.show_article(window.library.articles()[0].id)
    settle(app)
    article = window.reading.article
    assert article is not None
    presses = Presses(app, window)
    baseline: list[float] = []
    flags = 0
    for run in range(runs + 1):
        activate(app, window)
        settle(app, first_pause if run == 0 else PAUSE)  # idle, as before a teacher's F5
        presses.press("F5", Qt.Key.Key_F5, window)
        presentation = presses.presentation
        settle(app, PAUSE)
        flags = len(presentation.flags)
        for _ in range(flags):
            presses.press("→", Qt.Key.Key_Right)
        for _ in range(flags):
            presses.press("←", Qt.Key.Key_Left)
        presses.press("H", Qt.Key.Key_H)
        presses.press("H again", Qt.Key.Key_H)
        font = QFont(presentation.view.document().defaultFont())
        QTest.keyClick(presentation, Qt.Key.Key_Escape)
        assert window.classroom.presentation is None
        delete(presentation)  # deleteLater waits for an event loop that never runs here
        settle(app, 20)
        if runs:
            baseline.extend(bare_repaints(app, article.text, font))
    window.close()
    window.close_library()
    delete(window)
    return Session(presses.times, baseline, len(article.text.split()), flags)


class Session(NamedTuple):
    times: dict[str, list[float]]  # seconds per press, by key
    baseline: list[float]
    words: int
    flags: int


def first_presses(folder: Path, cpu: bool) -> dict[str, float]:
    """The first F5 and the first H of a new session of the app, in a process of its own."""
    command = [sys.executable, __file__, "--first-only", str(folder)] + (["--cpu"] if cpu else [])
    command += ["--first-pause", str(first_pause)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    times: dict[str, float] = json.loads(done.stdout)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--sessions", type=int, default=5, help="new sessions for the first F5")
    parser.add_argument("--cpu", action="store_true", help="time the CPU, not the wall clock")
    parser.add_argument(
        "--first-pause", type=int, default=FIRST_PAUSE, help="ms shown before the first F5"
    )
    parser.add_argument("--prepare", type=Path, help=argparse.SUPPRESS)  # a child's folder
    parser.add_argument("--first-only", type=Path, help=argparse.SUPPRESS)  # a child's folder
    options = parser.parse_args()
    if options.prepare is not None:
        prepare(options.prepare)
        return 0
    global first_pause
    first_pause = options.first_pause
    if options.cpu:
        global clock
        clock = time.process_time
    app = application()
    qInstallMessageHandler(quiet)
    if options.first_only is not None:
        first = session(app, options.first_only, 0).times
        print(json.dumps({"F5": first["F5"][0], "H": first["H"][0]}))
        return 0
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        subprocess.run([sys.executable, __file__, "--prepare", str(folder)], check=True)
        # The render cache kept between sessions, as the app keeps it.
        firsts = [first_presses(folder, options.cpu) for _ in range(options.sessions)]
        measured = session(app, folder, options.runs)
    bare = statistics.median(measured.baseline)
    print(
        f"{measured.words}-word article, {measured.flags} key flags, 30 students,"
        f" {SIZE[0]}×{SIZE[1]}, {'CPU' if options.cpu else 'wall-clock'} time;"
        f" baseline: a bare QTextEdit repainted whole, {bare * 1000:.1f} ms"
        f" ({bare / FRAME:.2f} frame)"
    )
    firsts.append({"F5": measured.times["F5"][0], "H": measured.times["H"][0]})
    rows = [
        (f"first F5 of a session (enter), median of {len(firsts)}", [f["F5"] for f in firsts]),
        (f"first H of a session, median of {len(firsts)}", [f["H"] for f in firsts]),
    ]
    rows += [(f"{label}, median of {len(t) - 1}", t[1:]) for label, t in measured.times.items()]
    for label, times in rows:
        median = statistics.median(times)
        print(
            f"  {label}: {median * 1000:.1f} ms = {median / FRAME:.2f} frame"
            f" = {median / bare:.1f}× the baseline"
            + (f" (slowest {max(times) / FRAME:.2f} frame)" if label.startswith("first") else "")
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
