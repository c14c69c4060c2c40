"""Time reading a class's submission files and building the class overview.

    python benchmarks/classroom_overview.py [--runs 3]

A synthetic class on a 1,500-word article (15 key flags), each student handing
in 20 flags, written as ``.reader-submission`` files to a temporary folder.
Timed: reading every file (size check, JSON, format, every flag checked against
the article text) and building the overview, for 30 and for 300 students.
Targets: under 1 s for 30, under 5 s for 300.  Printed, never asserted; the
figure is the median of the runs, with the time to build the overview alone
beside it.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from reader.classroom.overview import build_overview
from reader.classroom.scores import StudentWork
from reader.classroom.submission import load_submission, submission_bytes
from reader.classroom.synthetic import SyntheticClass, synthetic_class

ASSIGNMENT_ID = "00000000-0000-4000-8000-000000000000"
TARGETS = {30: 1.0, 300: 5.0}


def write_files(synthetic: SyntheticClass, folder: Path) -> list[Path]:
    paths = []
    for number, work in enumerate(synthetic.students):
        path = folder / f"student-{number:03}.reader-submission"
        path.write_bytes(
            submission_bytes(
                synthetic.article,
                assignment_id=ASSIGNMENT_ID,
                student_id=work.student_id,
                student_name=work.name,
                flags=work.flags,
                handed_in=work.handed_in,
            )
        )
        paths.append(path)
    return paths


def read_and_compare(synthetic: SyntheticClass, paths: list[Path]) -> tuple[float, float]:
    """Seconds for everything, and for building the overview alone."""
    article = synthetic.article
    started = time.perf_counter()
    works = []
    for path in paths:
        submission = load_submission(path)
        flags = submission.annotations(article.id, article.text)
        works.append(StudentWork(submission.student_id, submission.student_name, flags))
    read = time.perf_counter()
    build_overview(article, synthetic.key, works)
    done = time.perf_counter()
    return done - started, done - read


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    # load pysbd, the detectors' tokens and krippendorff/numpy once, outside the timing
    warm = synthetic_class(2, seed=0)
    build_overview(warm.article, warm.key, warm.students)
    for students, target in TARGETS.items():
        synthetic = synthetic_class(students, copies=students // 10, seed=students)
        with tempfile.TemporaryDirectory() as folder:
            paths = write_files(synthetic, Path(folder))
            runs = [read_and_compare(synthetic, paths) for _ in range(options.runs)]
        total = statistics.median(run[0] for run in runs)
        overview = statistics.median(run[1] for run in runs)
        words = len(synthetic.article.text.split())
        print(
            f"{students:>4} submissions of 20 flags, {words}-word article: "
            f"{total:.2f} s to read and compare (overview alone {overview:.2f} s); "
            f"target {target:.0f} s, {total / target:.2f}× of it"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
