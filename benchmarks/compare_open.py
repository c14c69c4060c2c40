"""Open two 5,000-word articles side by side, with their matches, vs opening one alone.

    QT_QPA_PLATFORM=offscreen python benchmarks/compare_open.py [--words 5000] [--runs 5]

The articles are those of ``compare_speed.py``: A, the sample articles repeated to
``--words`` words, and B, a reworded longer copy; each carries a few dozen flags.
"one alone" is the window showing A (``MainWindow.show_article``: the page, its
flags, the flag pane), "side by side" is compare mode on A and B
(``compare_mode.compare``: both read and matched, both pages and flag lists, the
links and margins); each until the events it posted are handled. The two are run
in turn, so the shared machine's busy moments fall on both alike; the matching alone
is timed too, to tell its part from the window's. Target: side by side within 2.5x
one alone (its median).
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
sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare_speed import article_text, reworded  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.anchoring.selectors import make_anchor  # noqa: E402
from reader.core.models import Annotation, ArticleMeta, Kind, SourceFormat  # noqa: E402
from reader.core.palette import Theme  # noqa: E402
from reader.gui.shell import compare_mode  # noqa: E402
from reader.gui.shell.main_window import MainWindow  # noqa: E402
from reader.services.compare import compare_articles  # noqa: E402
from reader.storage.library import Library  # noqa: E402

TARGET = 2.5
FLAGS = 40


def store(library: Library, title: str, text: str) -> int:
    meta = ArticleMeta(title, text, SourceFormat.MARKDOWN, publication="Benchmark")
    article = library.import_article(meta).article
    words = [i for i, char in enumerate(article.text) if char == " "]
    step = max(len(words) // FLAGS, 2)
    flags = [
        Annotation(article.id, Kind.OPINION, make_anchor(article.text, words[i] + 1, words[i + 1]))
        for i in range(0, len(words) - 1, step)
    ][:FLAGS]
    library.add_annotations(flags)
    return article.id


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    QApplication.processEvents()
    return (time.perf_counter() - started) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="compare-open-") as folder:
        library = Library.open(Path(folder) / "library.sqlite")
        a = store(library, "Article A", article_text(options.words))
        b = store(library, "Article B", reworded(article_text(options.words * 5 // 4)))
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(library, settings, theme=Theme.LIGHT)
        window.resize(1400, 900)
        window.show()
        window.finish_startup()
        window.show_article(a)
        app.processEvents()
        alone: list[float] = []
        together: list[float] = []
        matching: list[float] = []
        for _ in range(options.runs):
            alone.append(timed(lambda: window.show_article(a)))
            together.append(timed(lambda: compare_mode.compare(window, a, b)))
            matching.append(timed(lambda: compare_articles(library, a, b)))
            compare_mode.leave_compare(window)
            app.processEvents()
        view_words = [len(library.article(i).text.split()) for i in (a, b)]
        window.close()
        library.close()
    one, two = statistics.median(alone), statistics.median(together)
    matched = statistics.median(matching)
    print(f"A: {view_words[0]} words, B: {view_words[1]} words, {FLAGS} flags each")
    print(f"one alone (baseline)  median {one:7.1f} ms")
    print(f"side by side          median {two:7.1f} ms  = {two / one:.2f}x the baseline")
    print(f"  of which matching   median {matched:7.1f} ms  (reader.services.compare_articles)")
    rest = two - matched
    print(f"  the window's part          {rest:7.1f} ms  = {rest / one:.2f}x the baseline")
    verdict = "within" if two / one <= TARGET else "OVER"
    print(f"side by side: {verdict} the {TARGET}x target")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
