"""Start-up time: process start to a painted main window showing the last article.

Compared with a bare PySide6 window showing a short text, both started as
fresh processes in the same run, several times each, alternating; the medians
are printed with their ratio (target: at most 1.5). Then the app's later steps:
its flags painted, its panels built, and the end of its last paint (the window
as it stays, what benchmarks/startup_x11.py sees settle from outside).

    python benchmarks/startup.py [--runs 7] [--platform offscreen]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAINTED = "painted"
HIGHLIGHTED = "highlighted"
READY = "ready"
SETTLED = "settled"  # followed by the clock's time (time.monotonic) of the last paint's end
QUIET_MS = 400  # after ``ready``, the window has settled when it paints nothing this long

BARE_WINDOW = f"""
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel

class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("{PAINTED}", flush=True)
            app.exit(0)
        return False

app = QApplication([])
label = QLabel("A short text, as a bare window shows it.")
spy = Painted()
label.installEventFilter(spy)
label.resize(1400, 900)
label.show()
app.exec()
"""

# From the second start on, the app paints a copy of the last article kept in its render
# cache and opens the library after that paint (MainWindow.restore_session).
# The app reports its first paint through ArticleView.painted: an event filter on the
# article's viewport() would itself cost ~8 ms, the first time PySide6 wraps it. The
# article's flags are drawn just after that paint: their first paint is reported too.
APP_WINDOW = f"""
import sys
import time
from pathlib import Path
from reader.gui.app import application, start_window
from PySide6.QtCore import QEvent, QObject, QTimer

reported = []

def on_paint():
    if window.reading.article is None:
        return
    if not reported:
        reported.append("{PAINTED}")
    elif window.article_view.highlighted_uuids() and "{HIGHLIGHTED}" not in reported:
        reported.append("{HIGHLIGHTED}")
    else:
        return
    print(reported[-1], flush=True)

class LastPaint(QObject):  # after ready: when a widget's last paint ended (the loop's next turn)

    def __init__(self):
        super().__init__()
        self.ended = time.monotonic()

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self.paint_ended)
        return False

    def paint_ended(self):
        self.ended = time.monotonic()
        quiet.start()

last_paint = LastPaint()
quiet = QTimer(singleShot=True, interval={QUIET_MS})

def on_settled():
    print("{SETTLED}", last_paint.ended, flush=True)
    app.exit(0)

def on_ready():
    print("{READY}", flush=True)
    app.installEventFilter(last_paint)
    quiet.timeout.connect(on_settled)
    quiet.start()

app = application()
app.setCursorFlashTime(0)  # a steady caret: its blinking would count as paints after ready
window = start_window(app, Path(sys.argv[1]), Path(sys.argv[2]))
window.article_view.painted.connect(on_paint)
window.ready.connect(on_ready)
app.exec()
window.close()
window.close_library()
"""


def time_to_paint(
    script: str,
    arguments: list[str],
    environment: dict[str, str],
    later: dict[str, list[float]] | None = None,
) -> float:
    """Seconds from spawning the process to its report of the first paint.

    With ``later``, the app's later reports (its flags painted, its panels built, its
    last paint's end) are read too, and the seconds to each appended to ``later[report]``.
    """
    started = time.monotonic()
    process = subprocess.Popen(
        [sys.executable, "-c", script, *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=environment,
        text=True,
        cwd=tempfile.gettempdir(),  # from the checkout, ``-c`` would import its reader
    )
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    elapsed = time.monotonic() - started
    while later is not None:
        report, *when = process.stdout.readline().split() or [""]
        if report not in (HIGHLIGHTED, READY, SETTLED):
            break
        # the settled time is the app's own clock reading: the report comes QUIET_MS later
        at = float(when[0]) if when else time.monotonic()
        later.setdefault(report, []).append(at - started)
    process.wait(timeout=60)
    if line != PAINTED:
        raise SystemExit(f"the window did not report a paint (exit code {process.returncode})")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    options = parser.parse_args()
    environment = dict(os.environ, QT_QPA_PLATFORM=options.platform)
    # An installed app has its byte code compiled; let the warm-up run write it.
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="reader-startup-") as folder:
        db = Path(folder) / "library.sqlite"
        settings = Path(folder) / "settings.ini"
        arguments = [str(db), str(settings)]
        # First start: fills the library with the samples and writes the settings and
        # the rendered article's cache, as a user's first start does; not measured.
        time_to_paint(APP_WINDOW, arguments, environment)
        time_to_paint(BARE_WINDOW, [], environment)
        bare: list[float] = []
        app: list[float] = []
        later: dict[str, list[float]] = {}
        for _ in range(options.runs):
            bare.append(time_to_paint(BARE_WINDOW, [], environment))
            app.append(time_to_paint(APP_WINDOW, arguments, environment, later))
    bare_median = statistics.median(bare)
    app_median = statistics.median(app)
    print(f"platform            {options.platform}, {options.runs} runs each, medians")
    print(f"bare PySide6 window {bare_median * 1000:7.1f} ms")
    print(f"reader main window  {app_median * 1000:7.1f} ms  (last article shown and painted)")
    print(f"ratio               {app_median / bare_median:7.2f}x  (target <= 1.5x)")
    for report, label, note in (
        (HIGHLIGHTED, "flags painted", "the article's highlights, drawn after that paint"),
        (READY, "panels built", "toolbar, library and flag panes filled after that"),
        (SETTLED, "last paint", "the end of the window's last paint after that"),
    ):
        if report in later:
            median = statistics.median(later[report])
            print(f"{label:19} {median * 1000:7.1f} ms  ({median / bare_median:.2f}x; {note})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
