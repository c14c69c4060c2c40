"""Open two 5,000-word articles side by side, with their matches, vs opening one alone.

    QT_QPA_PLATFORM=offscreen python benchmarks/compare_open.py [--words 5000] [--runs 5]

The articles are those of ``compare_speed.py``: A, the sample articles repeated to
``--words`` words, and B, a reworded longer copy; each carries a few dozen flags.
"one alone" is the window showing A (``MainWindow.show_article``: the page, its
flags, the flag pane) until it stops changing: the event loop run until two passes in
a row paint nothing. "side by side" is compare mode on A and B
(``compare_mode.compare``): timed until both pages are painted, and until their
matches are painted too and the window stops changing in the same way (articles whose
features the library keeps are matched before the pages are painted, and come with
their margins and "only here" lists in the first paint; others are matched once both
pages are painted). Each of these timed steps starts from a settled window (its pages
laid out to their ends and painted, untimed), as a reader finds it a moment after the
last.
The two are run in turn,
so the shared machine's busy moments fall on both alike; the matching alone is
timed too, to tell its part from the window's. Target: side by side with its
matches within 2.5x one alone (medians of the pair's first compare; the same pair
opened again reuses the comparison kept in memory and is printed apart).

Qt lays out the part of a long page below the window in steps on a timer, which may
still run when the window stops changing: "laid out to their ends too" times both
again (in runs of their own) until every page shown is laid out to its end and its
scroll bar painted, one alone and side by side alike.

The articles are imported as the app imports them, so the library keeps their
splits into sentences; the first compare of the session (run 1) makes and keeps their
features for comparing (their sentences' words, figures and sources), which the next
ones read back. "never compared" is a compare of articles whose features are not kept
yet (made then, in the matching thread), and "not split yet" of articles from a
library made before it kept splits (the split made then too).

"a new session's first compare" is timed in fresh processes (three each), against the
first article that process opens alone: B selected beside A in the library, then
Ctrl+D a moment later (the app loads compare mode's code meanwhile) or at once (the
compare loads it).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare_speed import article_text, reworded  # noqa: E402
from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings  # noqa: E402
from PySide6.QtGui import QTextDocument  # noqa: E402
from PySide6.QtWidgets import QApplication, QTextEdit  # noqa: E402

from reader.anchoring.selectors import make_anchor  # noqa: E402
from reader.core.models import Annotation, ArticleMeta, Kind, SourceFormat  # noqa: E402
from reader.core.palette import Theme  # noqa: E402
from reader.gui.shell import compare_mode  # noqa: E402
from reader.gui.shell.main_window import MainWindow  # noqa: E402
from reader.storage.library import Library  # noqa: E402

# (compare mode's own modules are imported where they are used: a new session's first
# compare, timed in a process of its own, would find them loaded otherwise)

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


class Paints(QObject):
    """Counts the paint events of every widget."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


PAINTS = Paints()


def until_still() -> None:
    """Run the event loop until two passes in a row paint nothing: the window as the user
    sees it once it stops changing (the flags' underlines, painted a pass after the page,
    included)."""
    quiet = 0
    while quiet < 2:
        before = PAINTS.count
        QApplication.processEvents()
        quiet = quiet + 1 if PAINTS.count == before else 0


def settle() -> None:
    """Untimed, before each timed step of a session: the window as a reader finds it a moment later,
    every page (hidden ones too) laid out to its end and painted, so that no step pays
    for what Qt left to do after the step before (the rest of a long page is laid out
    in steps on a timer, after the window stops changing)."""
    for window in QApplication.topLevelWidgets():
        for view in window.findChildren(QTextEdit):
            document = view.document()
            document.documentLayout().blockBoundingRect(document.lastBlock())
    until_still()


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    until_still()
    return (time.perf_counter() - started) * 1000


def laid_out_timed(documents: list[QTextDocument]) -> float:
    """The rest of each page laid out now (Qt lays out a long page in steps on a timer,
    after the window stops changing), and its scroll bar painted (ms)."""
    started = time.perf_counter()
    for document in documents:
        document.documentLayout().blockBoundingRect(document.lastBlock())
    until_still()
    return (time.perf_counter() - started) * 1000


def compare_timed(window: MainWindow, a: int, b: int) -> tuple[float, float]:
    """Compare mode opened on A and B: until both pages are painted, and until their
    matches are painted too (ms)."""
    started = time.perf_counter()
    assert compare_mode.compare(window, a, b)
    QApplication.processEvents()
    pages = time.perf_counter() - started
    from reader.gui.compare.compare_view import CompareView  # (loaded by the compare)

    view = window.compare_view
    assert isinstance(view, CompareView)
    if not view.is_matched:
        loop = QEventLoop()
        view.matched.connect(loop.quit)
        loop.exec()
    until_still()  # the marks painted
    return pages * 1000, (time.perf_counter() - started) * 1000


READING_SECONDS = 1.0  # from selecting the second article to pressing Ctrl+D


def first_in_session(folder: Path, a: int, b: int, at_once: bool) -> tuple[float, float]:
    """In this fresh process, the window as the app has it after start-up: ms to open A
    alone, then to compare A with B (Ctrl+D) once B is selected beside A in the library, a
    moment later (as a reader moves to the keys) or ``at_once``."""
    app = QApplication.instance() or QApplication([])
    app.installEventFilter(PAINTS)
    library = Library.open(folder / "library.sqlite")
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(library, settings, theme=Theme.LIGHT)
    window.use_render_cache(folder / "cache")
    window.resize(1400, 900)
    window.show()
    window.finish_startup()
    until_still()
    alone = timed(lambda: window.show_article(a))
    listed = window.library_panel.list_widget
    for row in range(listed.count()):
        listed.item(row).setSelected(True)  # A and B: the library holds those two
    until = time.perf_counter() + (0 if at_once else READING_SECONDS)
    while time.perf_counter() < until:
        app.processEvents()
        time.sleep(0.005)
    together = compare_timed(window, a, b)[1]
    window.close()
    library.close()
    return alone, together


def new_sessions(folder: Path, a: int, b: int, runs: int, at_once: bool) -> list[float]:
    """Per fresh process: its first compare against its first article alone."""
    command = [sys.executable, __file__, "--first", str(folder), str(a), str(b)]
    command += ["--at-once"] if at_once else []
    ratios = []
    for _ in range(runs):
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        alone, together = (float(x) for x in output.split()[-2:])
        ratios.append(together / alone)
    return ratios


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--first", nargs=3, help=argparse.SUPPRESS)  # a child's measure
    parser.add_argument("--at-once", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.first:
        where, a, b = Path(options.first[0]), int(options.first[1]), int(options.first[2])
        print(*first_in_session(where, a, b, options.at_once))
        return 0
    from reader.services.compare import compare_articles, forget_recent_comparisons

    app = QApplication.instance() or QApplication([])
    app.installEventFilter(PAINTS)
    with tempfile.TemporaryDirectory(prefix="compare-open-") as folder:
        library = Library.open(Path(folder) / "library.sqlite")
        a = store(library, "Article A", article_text(options.words))
        b = store(library, "Article B", reworded(article_text(options.words * 5 // 4)))
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(library, settings, theme=Theme.LIGHT)
        window.use_render_cache(Path(folder) / "cache")  # as the app does
        window.resize(1400, 900)
        window.show()
        window.finish_startup()
        window.show_article(a)
        app.processEvents()
        alone: list[float] = []
        pages: list[float] = []
        together: list[float] = []
        again: list[float] = []
        matching: list[float] = []

        def leave() -> None:
            compare_mode.leave_compare(window)
            app.processEvents()
            # the view left is deleted now, as the app's event loop deletes it on leaving,
            # not in the next timed compare's loop (the first that runs)
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)

        def settled_timed(action: Callable[[], object]) -> float:
            settle()
            return timed(action)

        def compared() -> tuple[float, float]:
            settle()
            both = compare_timed(window, a, b)
            leave()
            return both

        def whole_compared() -> float:
            settle()
            together = compare_timed(window, a, b)[1]
            view = window.compare_view
            assert view is not None
            together += laid_out_timed([side.view.document() for side in view.sides])
            leave()
            return together

        def match_alone() -> None:
            forget_recent_comparisons()
            compare_articles(library, a, b)

        for _ in range(options.runs):
            alone.append(settled_timed(lambda: window.show_article(a)))
            forget_recent_comparisons()  # the pair not compared yet in this session
            both = compared()
            pages.append(both[0])
            together.append(both[1])
            again.append(compared()[1])
            matching.append(settled_timed(match_alone))
        # the same, each until its pages are laid out to their ends too
        whole_alone: list[float] = []
        whole_together: list[float] = []
        for _ in range(options.runs):
            whole_alone.append(
                settled_timed(lambda: window.show_article(a))
                + laid_out_timed([window.article_view.document()])
            )
            forget_recent_comparisons()
            whole_together.append(whole_compared())
        sessions = new_sessions(Path(folder), a, b, 3, at_once=False)
        sessions_at_once = new_sessions(Path(folder), a, b, 3, at_once=True)
        # articles never compared: the first compare makes their features (in a thread)
        library.conn.execute("DELETE FROM compare_features")
        forget_recent_comparisons()
        featureless = compared()[1]
        # a library from before the splits were kept: the first compare splits both too
        library.conn.execute("DELETE FROM compare_features")
        library.conn.execute("DELETE FROM sentence_splits")
        forget_recent_comparisons()
        unsplit = compared()[1]
        view_words = [len(library.article(i).text.split()) for i in (a, b)]
        window.close()
        library.close()
    one, two = statistics.median(alone), statistics.median(together)
    print(f"A: {view_words[0]} words, B: {view_words[1]} words, {FLAGS} flags each")
    for name, figure in (
        ("one alone (baseline)", one),
        ("side by side, pages painted", statistics.median(pages)),
        ("  and their matches painted", two),
        ("  the session's first", together[0]),
        ("the same pair again", statistics.median(again)),
        ("matching alone", statistics.median(matching)),
        ("articles never compared", featureless),
        ("articles not split yet", unsplit),
    ):
        print(f"{name:28} {figure:7.1f} ms  = {figure / one:.2f}x the baseline")
    whole_one, whole_two = statistics.median(whole_alone), statistics.median(whole_together)
    print(
        f"laid out to their ends too: one alone {whole_one:.1f} ms, side by side with their"
        f" matches {whole_two:.1f} ms = {whole_two / whole_one:.2f}x"
    )
    for name, ratios in (("a moment after", sessions), ("at once", sessions_at_once)):
        rounds = " ".join(f"{r:.2f}" for r in ratios)
        print(
            f"a new session's first compare, Ctrl+D {name} selecting B:"
            f" {statistics.median(ratios):.2f}x its first article alone (rounds: {rounds})"
        )
    print(f"  (medians of {options.runs} runs, each the pair's first compare in memory;")
    print("   the session's first: run 1, with the compare view's first use;")
    print("   again: compare mode left and opened again on the pair;")
    print("   matching alone: reader.services.compare_articles, on the main thread;")
    print("   never compared: the features for comparing not kept yet, once;")
    print("   not split yet: a library from before the splits were kept, once)")
    for name, figure in (("with its matches", two), ("again", statistics.median(again))):
        verdict = "within" if figure / one <= TARGET else "OVER"
        print(f"side by side {name}: {verdict} the {TARGET}x target")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
