"""Opening the class view of an assignment against opening its article alone.

    python benchmarks/classroom_view.py [--runs 5]

A synthetic class (``reader.classroom.synthetic``) on a 1,500-word article with
15 key flags, each student handing in 20 flags, collected into a library.
Timed, offscreen, each until the window is painted once (``grab``):

- baselines: an article view showing the article read from the library, no flags;
  and the main window opening the article (its pane, its flags: none here), as
  a reader opens it;
- the class view: read every submission, compare them with the key, fill the
  students table and the passages, render the article shaded by the class.

Targets (issue 11): 30 submissions within 1.5× the baseline, 300 within 3×.
Printed as ratios to both baselines measured in the same run, never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QUndoStack  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from shiboken6 import delete  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from classroom_collect import prepared_library  # noqa: E402

from reader.classroom.synthetic import synthetic_class  # noqa: E402
from reader.core.models import ArticleMeta, SourceFormat  # noqa: E402
from reader.core.palette import Theme  # noqa: E402
from reader.gui.classroom.class_view import ClassViewWindow  # noqa: E402
from reader.gui.reading.article_view import ArticleView  # noqa: E402
from reader.gui.shell.main_window import MainWindow  # noqa: E402
from reader.services import classroom as service  # noqa: E402

TARGETS = {30: 1.5, 300: 3.0}
SIZE = (1280, 800)


def timed(make: Callable[[], QWidget]) -> float:
    """Seconds to make the widget and paint it once; the widget deleted at once after
    (deleteLater would wait for an event loop that never runs here)."""
    started = time.perf_counter()
    widget = make()
    widget.resize(*SIZE)
    widget.grab()
    elapsed = time.perf_counter() - started
    delete(widget)
    return elapsed


def opened_in_window(window: MainWindow, article_id: int, other_id: int) -> float:
    """Seconds for the main window to show the article and paint, from another article."""
    window.show_article(other_id)
    started = time.perf_counter()
    window.show_article(article_id)
    window.grab()
    return time.perf_counter() - started


def measure(students: int, runs: int) -> tuple[float, float, float, int]:
    synthetic = synthetic_class(students, copies=students // 10, seed=students)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        library, assignment_id = prepared_library(synthetic, folder)
        try:
            result = service.collect(library, [folder / "handed"])
            assert not result.failed and len(result.collected) == students
            found = service.find_assignment(library, assignment_id)

            def article_alone() -> QWidget:
                view = ArticleView()
                view.show_article(library.article(found.article_id), [], Theme.LIGHT)
                return view

            def class_view() -> QWidget:
                return ClassViewWindow(library, found, Theme.LIGHT, QUndoStack())

            other = library.import_article(
                ArticleMeta("Another", "Another article.\n", SourceFormat.MARKDOWN)
            ).article.id
            settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
            window = MainWindow(library, settings, theme=Theme.LIGHT)
            window.resize(*SIZE)
            window.show()
            timed(article_alone), timed(class_view)  # warm: imports, fonts, caches
            opened_in_window(window, found.article_id, other)
            alone = statistics.median(timed(article_alone) for _ in range(runs))
            in_window = statistics.median(
                opened_in_window(window, found.article_id, other) for _ in range(runs)
            )
            with_class = statistics.median(timed(class_view) for _ in range(runs))
            window.close()
            delete(window)
        finally:
            library.close()
    return alone, in_window, with_class, len(synthetic.article.text.split())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    QApplication.instance() or QApplication([])
    for students, target in TARGETS.items():
        alone, in_window, with_class, words = measure(students, options.runs)
        print(
            f"{students:>4} submissions, {words}-word article: "
            f"class view {with_class * 1000:.0f} ms;"
            f" {with_class / in_window:.2f}× the main window opening the article"
            f" ({in_window * 1000:.0f} ms), {with_class / alone:.2f}× a bare article view"
            f" ({alone * 1000:.0f} ms); target {target}×"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
