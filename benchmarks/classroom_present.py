"""Entering presentation mode and revealing a flag, against one frame.

    python benchmarks/classroom_present.py [--runs 5]

A synthetic class of 30 (``reader.classroom.synthetic``) collected into a library, on a
1,500-word article with 15 key flags; offscreen, at 1920×1080 (a projector).  Timed as
F5, → and H run them, each until the presentation has painted once (``grab``):

- entering: the key read, the window made, the article rendered in large type;
- revealing: → once, the flag drawn and its caption shown;
- the class heat: the first H, the class's work read and compared, every sentence shaded.

Target (issue 11): entering and revealing within a frame.  Printed as a fraction of a
16 ms frame (60 Hz), never asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from classroom_collect import prepared_library  # noqa: E402

from reader.classroom.synthetic import synthetic_class  # noqa: E402
from reader.core.palette import Theme  # noqa: E402
from reader.gui.classroom.presentation import Presentation  # noqa: E402
from reader.services import classroom as service  # noqa: E402
from reader.services.class_results import class_overview_of  # noqa: E402

FRAME = 1 / 60
SIZE = (1920, 1080)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    QApplication.instance() or QApplication([])
    synthetic = synthetic_class(30, copies=3, seed=30)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        library, assignment_id = prepared_library(synthetic, folder)
        service.collect(library, [folder / "handed"])
        article_id = service.find_assignment(library, assignment_id).article_id
        article = library.article(article_id)
        words = len(article.text.split())
        parent = QWidget()
        entering, revealing, shading = [], [], []
        for run in range(options.runs + 1):  # the first warms imports, fonts and caches
            started = time.perf_counter()
            flags = service.presented_flags(library, article_id)
            presentation = Presentation(
                parent, article, flags, Theme.LIGHT, lambda: class_overview_of(library, article_id)
            )
            presentation.start()
            presentation.resize(*SIZE)
            presentation.grab()
            entered = time.perf_counter()
            presentation.reveal_next()
            presentation.grab()
            revealed = time.perf_counter()
            presentation.toggle_heat()
            presentation.grab()
            shaded = time.perf_counter()
            presentation.close()
            if run:
                entering.append(entered - started)
                revealing.append(revealed - entered)
                shading.append(shaded - revealed)
        library.close()
    for label, times in (
        ("enter presentation mode", entering),
        ("reveal a flag (→)", revealing),
        ("shade the class's heat (the first H)", shading),
    ):
        median = statistics.median(times)
        print(
            f"{label}, {words}-word article, {len(flags)} key flags: "
            f"{median * 1000:.1f} ms = {median / FRAME:.2f} of a 16 ms frame; target ≤ 1"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
