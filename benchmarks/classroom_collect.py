"""Time collecting a class's submissions into a library and building the class overview.

    python benchmarks/classroom_collect.py [--runs 3]

A synthetic class (``reader.classroom.synthetic``) on a 1,500-word article with
15 key flags, each student handing in 20 flags, written as
``.reader-submission`` files to a temporary folder.  Timed: ``collect`` of the
folder into a new library that holds the article, its key and the assignment
(every file read and checked, each submission stored in its own transaction),
then the overview as ``reader class`` builds it from the library.  Targets:
30 students under 1 s, 300 under 5 s.  Printed, never asserted: the median of
the runs, with the overview's share beside it.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from reader.classroom.submission import submission_bytes
from reader.classroom.synthetic import SyntheticClass, synthetic_class
from reader.core.models import ArticleMeta, SourceFormat
from reader.services import classroom as service
from reader.storage.library import Library

TARGETS = {30: 1.0, 300: 5.0}


def prepared_library(synthetic: SyntheticClass, folder: Path) -> tuple[Library, str]:
    """A library with the article, the key and an assignment; the submission files beside it."""
    library = Library.open(folder / "teacher.sqlite")
    meta = ArticleMeta(synthetic.article.title, synthetic.article.markdown, SourceFormat.MARKDOWN)
    article = library.import_article(meta).article
    library.add_annotations([replace(flag, article_id=article.id) for flag in synthetic.key])
    made = service.assign(library, article.id, folder / "a.reader-assignment", title="Benchmark")
    handed = folder / "handed"
    handed.mkdir()
    for number, work in enumerate(synthetic.students):
        (handed / f"{number:03}.reader-submission").write_bytes(
            submission_bytes(
                article,
                assignment_id=made.assignment_id,
                student_id=work.student_id,
                student_name=work.name,
                flags=work.flags,
                handed_in=work.handed_in,
            )
        )
    return library, made.assignment_id


def collect_and_compare(synthetic: SyntheticClass) -> tuple[float, float]:
    """Seconds for collecting and comparing, and for the overview alone."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        library, assignment_id = prepared_library(synthetic, folder)
        try:
            started = time.perf_counter()
            result = service.collect(library, [folder / "handed"])
            collected = time.perf_counter()
            view = service.compare(library, assignment_id)
            done = time.perf_counter()
        finally:
            library.close()
    assert not result.failed and len(result.collected) == len(synthetic.students)
    assert isinstance(view, service.ClassView)
    return done - started, done - collected


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    collect_and_compare(synthetic_class(2, seed=0))  # load pysbd, numpy, sqlite-utils once
    for students, target in TARGETS.items():
        synthetic = synthetic_class(students, copies=students // 10, seed=students)
        runs = [collect_and_compare(synthetic) for _ in range(options.runs)]
        total = statistics.median(run[0] for run in runs)
        overview = statistics.median(run[1] for run in runs)
        words = len(synthetic.article.text.split())
        print(
            f"{students:>4} submissions of 20 flags, {words}-word article: "
            f"{total:.2f} s to collect into the library and compare (overview {overview:.2f} s); "
            f"target {target:.0f} s, {total / target:.2f}× of it"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
