"""Opening the class view of an assignment against opening its article alone.

    python benchmarks/classroom_view.py [--rounds 5] [--first-rounds 3] [--students 30 300]

A synthetic class (``reader.classroom.synthetic``) on a 1,500-word article with
15 key flags, each student handing in 20 flags, collected into a library.  The
main window is made as the app makes it (its render cache in use, its panels built),
offscreen.
Both are timed as the user gets them, from the action until the window is painted
with what it shows (every watched widget has had its paint event):

- the article alone: the main window, showing another article, opens it
  (``show_article``, as a click in the library does), until its page is painted;
- the class view: View › Class View… triggered on the shown article, until the
  window and its page (shaded by the class) are painted; its students table, passages
  and summary are painted in the same pass.  The agreement (it loads numpy) is filled
  in just after, in lines laid out for it: the time until it is painted is printed
  beside.

Figures per class size, each the median of per-round ratios (the two measured
alternately in the same round):

- again: both in one running app, after a first time (the app's caches warm);
- setting / comment / submission written: the same, with a write to the library before
  each class view: a setting (no figure depends on it), a comment to one student, or
  one flag of one student's submission changing kind (that student compared again);
- first: the first time in a session (a fresh process per measure, which shows another
  article first): the first article opened against the first class view opened (the
  article shown before it), each clicked a moment (``READING_SECONDS``) after the page
  before it was painted, as a user reads before clicking, or (first, at once) the class
  view clicked just after its article (the app works out for that article nothing
  ahead; it loads the class view's code while the first article is read);
  the modules compiled beforehand as an installed app has them; the class's figures
  kept in the library (as collecting leaves them), or (first, none kept) not, as in a
  library collected by an older version.

Targets (issue 11): 30 submissions within 1.5× the article alone, 300 within 3×.
Printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

sys.path.insert(0, str(Path(__file__).resolve().parent))

TARGETS = {30: 1.5, 300: 3.0}
WRITES = ("setting", "comment", "submission")  # see ``Session.write``
SIZE = (1280, 800)
READING_SECONDS = 1.5  # before the measured click of a first time (``first_time``)


def prepare(students: int, folder: Path) -> tuple[str, int, int]:
    """The library in ``folder`` with the class collected: (assignment id, article id,
    another article's id)."""
    from classroom_collect import prepared_library

    from reader.classroom.synthetic import synthetic_class
    from reader.core.models import ArticleMeta, SourceFormat
    from reader.services import classroom as service

    synthetic = synthetic_class(students, copies=students // 10, seed=students)
    library, assignment_id = prepared_library(synthetic, folder)
    try:
        result = service.collect(library, [folder / "handed"])
        assert not result.failed and len(result.collected) == students
        article_id = service.find_assignment(library, assignment_id).article_id
        other = library.import_article(
            ArticleMeta("Another", "Another article.\n", SourceFormat.MARKDOWN)
        ).article.id
    finally:
        library.close()
    return assignment_id, article_id, other


class Session:
    """The main window on the library, as the app makes it, showing the other article."""

    def __init__(self, folder: Path, article_id: int, other_id: int) -> None:
        from PySide6.QtCore import QSettings
        from PySide6.QtWidgets import QApplication

        from reader.core.palette import Theme
        from reader.gui.shell.main_window import MainWindow
        from reader.storage.library import Library

        self.app = QApplication.instance() or QApplication([])
        self.library = Library.open(folder / "teacher.sqlite")
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        self.window = MainWindow(self.library, settings, theme=Theme.LIGHT)
        self.window.use_render_cache(folder / "cache")
        self.window.resize(*SIZE)
        self.window.show()
        self.window.finish_startup()  # its panels, as the app has them after its first paint
        self.article_id, self.other_id = article_id, other_id
        self.agreements: list[float] = []
        self.writes = 0
        self.show_other()

    def show_other(self) -> None:
        self.window.show_article(self.other_id)
        self.settle()

    def settle(self) -> None:
        for _ in range(3):
            self.app.processEvents()

    def read(self) -> None:
        """The events of a moment spent reading the page, as a user does before the next
        click (the app's work left for idle time runs then)."""
        until = time.perf_counter() + READING_SECONDS
        while time.perf_counter() < until:
            self.app.processEvents()
            time.sleep(0.005)

    def until_painted(
        self, widgets: list[object], ready: Callable[[], bool] = lambda: True
    ) -> None:
        """Run the event loop until each widget (a QWidget) has painted (with ``ready()``
        true then)."""
        from PySide6.QtCore import QEvent, QObject

        painted: set[int] = set()

        class Watch(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and ready():
                    painted.add(id(watched))
                return False

        watch = Watch()
        for widget in widgets:
            widget.installEventFilter(watch)  # type: ignore[attr-defined]
        try:
            while len(painted) < len(widgets):
                self.app.processEvents()
        finally:
            for widget in widgets:
                widget.removeEventFilter(watch)  # type: ignore[attr-defined]

    def open_article(self) -> float:
        """Seconds to open the article and paint its page."""
        started = time.perf_counter()
        self.window.show_article(self.article_id)
        self.until_painted([self.window.article_view.viewport()])
        return time.perf_counter() - started

    def write(self, what: str) -> None:
        """A write to the library, after which the class view kept is out of date:
        ``setting`` (no flag, no comment), ``comment`` (to one student), ``submission``
        (one flag of one student's changes kind, as collecting their work again would)."""
        from dataclasses import replace

        from reader.core.models import Kind
        from reader.storage import classroom as store
        from reader.storage.settings import set_setting

        self.writes += 1
        if what == "setting":
            with self.library.transaction() as conn:
                set_setting(conn, "benchmark_writes", str(self.writes))
            return
        [assignment] = store.assignments(self.library, self.article_id)
        student = store.submissions(self.library, assignment.assignment_id)[0]
        if what == "comment":
            comment = f"Comment {self.writes}"
            store.set_feedback(self.library, assignment.assignment_id, student.student_id, comment)
            return
        flag = self.library.annotations(self.article_id, student.layer)[0]
        kinds = (Kind.UNSOURCED_CLAIM, Kind.OPINION)
        kind = kinds[1] if flag.kind is kinds[0] else kinds[0]
        self.library.update_annotation(replace(flag, kind=kind))

    def open_class_view(self) -> float:
        """Seconds from View › Class View… on the shown article until the class view is
        painted; the view then closed once its agreement is painted too (``agreements``
        holds the seconds until then)."""
        started = time.perf_counter()
        self.window.classroom.class_view_action.trigger()
        view = self.window.classroom.class_view
        assert view is not None
        # the window and its page: the rest of it is painted in the same pass
        self.until_painted([view, view.article_view.viewport()])
        elapsed = time.perf_counter() - started
        if "working" in view.agreement.text():
            self.until_painted([view.agreement], lambda: "working" not in view.agreement.text())
        self.agreements.append(time.perf_counter() - started)
        view.close()
        self.settle()
        # The overview the window works out ahead in a thread, after its paint, is done
        # before the next measure, which it would slow.
        while any(t.name == "class-overview" for t in threading.enumerate()):
            self.app.processEvents()
            time.sleep(0.005)
        return elapsed

    def close(self) -> None:
        from shiboken6 import delete

        self.window.close()
        delete(self.window)
        self.library.close()


Round = tuple[float, float, float]  # seconds: the article alone, the class view, its agreement


def again(
    folder: Path, article_id: int, other_id: int, rounds: int, *, write: str = ""
) -> list[Round]:
    """Per round: seconds for the article alone and for the class view, in one running app
    (``write``: something written to the library before each, see ``Session.write``)."""
    session = Session(folder, article_id, other_id)
    try:
        session.open_article(), session.open_class_view()  # the first time: see ``first``
        ratios = []
        for _ in range(rounds):
            session.show_other()
            alone = session.open_article()
            session.settle()
            if write:
                session.write(write)
            shown = session.open_class_view()
            ratios.append((alone, shown, session.agreements[-1]))
        return ratios
    finally:
        session.close()


def first_time(folder: Path, article_id: int, other_id: int, what: str) -> list[float]:
    """In this fresh process: seconds to open the article, or (``what`` = "class") the
    class view of the article shown and its agreement; each clicked a moment after the
    page before was painted ("class at once": the class view just after)."""
    session = Session(folder, article_id, other_id)
    try:
        session.read()
        if what == "article":
            return [session.open_article()]
        session.open_article()
        session.settle()
        if what == "class":
            session.read()
        return [session.open_class_view(), session.agreements[-1]]
    finally:
        session.close()


def first(
    folder: Path,
    article_id: int,
    other_id: int,
    rounds: int,
    *,
    kept: bool = True,
    at_once: bool = False,
) -> list[Round]:
    """Per round: seconds for the first article opened and for the first class view, each
    in a fresh process (``kept``: with the class's figures a session before kept in the
    library; else as a library collected by an older version, none kept; ``at_once``: the
    class view clicked just after the article is painted, not a moment after)."""

    # Compiled modules kept, as an installed app has them (pip compiles the wheel), even
    # where the environment says not to write them: else each fresh process compiles
    # every module it imports first, the class view's more than the article's.
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    environment["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")

    def fresh(what: str) -> list[float]:
        command = [sys.executable, __file__, "--first", str(folder), str(article_id)]
        command += [str(other_id), what]
        output = subprocess.run(
            command, check=True, capture_output=True, text=True, env=environment
        ).stdout
        return [float(seconds) for seconds in json.loads(output.splitlines()[-1])]

    fresh("class")  # compiles what it imports
    ratios = []
    for _ in range(rounds):
        [alone] = fresh("article")
        if not kept:
            forget_figures(folder)
        shown, agreement = fresh("class at once" if at_once else "class")
        ratios.append((alone, shown, agreement))
    return ratios


def forget_figures(folder: Path) -> None:
    """The class's figures kept in the library deleted (as before a first class view)."""
    from reader.storage.library import Library

    library = Library.open(folder / "teacher.sqlite")
    try:
        with library.transaction() as conn:
            conn.execute("DELETE FROM class_figures")
    finally:
        library.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--first-rounds", type=int, default=3)
    parser.add_argument("--students", type=int, nargs="+", default=list(TARGETS))
    parser.add_argument("--first", nargs=4, help=argparse.SUPPRESS)  # one fresh measure
    options = parser.parse_args()
    if options.first:
        folder, article_id, other_id, what = options.first
        print(json.dumps(first_time(Path(folder), int(article_id), int(other_id), what)))
        return 0
    for students in options.students:
        target = TARGETS.get(students, 0.0)
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            assignment_id, article_id, other_id = prepare(students, folder)
            # the render cache filled, as the app leaves it once the article was shown
            first_time(folder, article_id, other_id, "article")
            rows = {"again": again(folder, article_id, other_id, options.rounds)}
            for write in WRITES:
                rows[f"{write} written"] = again(
                    folder, article_id, other_id, options.rounds, write=write
                )
            rows["first time"] = first(folder, article_id, other_id, options.first_rounds)
            rows["first, at once"] = first(
                folder, article_id, other_id, options.first_rounds, at_once=True
            )
            rows["first, none kept"] = first(
                folder, article_id, other_id, options.first_rounds, kept=False
            )
        print(f"{students:>4} submissions, target {target}×: class view / article alone")
        for name, measured in rows.items():
            print(f"     {name + ':':<21} {summary(measured)}")
    return 0


def summary(rounds: list[Round]) -> str:
    """The median ratio, each round's, and the median times."""
    ratios = [shown / alone for alone, shown, _ in rounds]
    alone, shown, agreement = (statistics.median(r[i] for r in rounds) * 1000 for i in range(3))
    return (
        f"{statistics.median(ratios):.2f}× (rounds: {' '.join(f'{r:.2f}' for r in ratios)});"
        f" {shown:.0f} ms against {alone:.0f} ms; the agreement painted at {agreement:.0f} ms"
    )


if __name__ == "__main__":
    raise SystemExit(main())
