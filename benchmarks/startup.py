"""Start-up time: process start to a painted main window showing the last article.

Compared with a bare PySide6 window showing a short text, both started as
fresh processes in the same run, several times each, alternating; the medians
are printed with their ratio (target: at most 1.5).

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
READY = "ready"

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

# The app reports its first paint through ArticleView.painted: an event filter on the
# article's viewport() would itself cost ~8 ms, the first time PySide6 wraps it.
APP_WINDOW = f"""
import sys
from pathlib import Path
from reader.gui.app import application, start_window

def on_paint():
    if window.article is not None and not window.is_ready():
        print("{PAINTED}", flush=True)

def on_ready():
    print("{READY}", flush=True)
    app.exit(0)

app = application()
window = start_window(app, Path(sys.argv[1]), Path(sys.argv[2]))
window.article_view.painted.connect(on_paint)
window.ready.connect(on_ready)
app.exec()
window.close()
window.library.close()
"""


def time_to_paint(
    script: str, arguments: list[str], environment: dict[str, str], ready: list[float] | None = None
) -> float:
    """Seconds from spawning the process to its report of the first paint.

    With ``ready``, the app also reports when its panels are built (just after that
    paint); the seconds to that are appended to ``ready``.
    """
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", script, *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=environment,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    elapsed = time.perf_counter() - started
    if ready is not None and process.stdout.readline().strip() == READY:
        ready.append(time.perf_counter() - started)
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
        complete: list[float] = []
        for _ in range(options.runs):
            bare.append(time_to_paint(BARE_WINDOW, [], environment))
            app.append(time_to_paint(APP_WINDOW, arguments, environment, complete))
    bare_median = statistics.median(bare)
    app_median = statistics.median(app)
    print(f"platform            {options.platform}, {options.runs} runs each, medians")
    print(f"bare PySide6 window {bare_median * 1000:7.1f} ms")
    print(f"reader main window  {app_median * 1000:7.1f} ms  (last article shown and painted)")
    print(f"ratio               {app_median / bare_median:7.2f}x  (target <= 1.5x)")
    if complete:
        ready_median = statistics.median(complete)
        print(
            f"panels built        {ready_median * 1000:7.1f} ms  "
            f"({ready_median / bare_median:.2f}x; library and flag panes filled after that paint)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
