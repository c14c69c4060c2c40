"""How long re-importing an edited article with many flags holds the write lock, with
the search index's update trigger as migrated and as it was before migration 7.

    python benchmarks/fts_trigger_hold.py [--flags 20000] [--rounds 3]

Each round makes one library per trigger in a temporary folder (an article of 60,000
words, its flags, a new version that moves every flag) and records the longest time
from ``BEGIN IMMEDIATE`` to ``COMMIT`` during the re-import; the median per trigger is
printed in seconds and as a ratio to the trigger before migration 7, measured in the
same run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from reanchor_speed import case_reimport, long_markdown

from reader.storage.library import Library

INDEX_AGAIN = (
    "BEGIN "
    "INSERT INTO annotations_fts (annotations_fts, rowid, note, exact) "
    "VALUES ('delete', old.rowid, old.note, old.exact); "
    "INSERT INTO annotations_fts (rowid, note, exact) VALUES (new.rowid, new.note, new.exact); "
    "END"
)
TRIGGERS = {  # the first is the baseline
    "every UPDATE (migrations 2 to 6)": f"CREATE TRIGGER annotations_au AFTER UPDATE "
    f"ON annotations {INDEX_AGAIN}",
    "UPDATE OF note, exact": f"CREATE TRIGGER annotations_au AFTER UPDATE OF note, exact "
    f"ON annotations {INDEX_AGAIN}",
    "as migrated (7: when the note or quote differs)": None,
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--flags", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()
    markdown = long_markdown(60_000)
    holds: dict[str, list[float]] = {name: [] for name in TRIGGERS}
    with tempfile.TemporaryDirectory() as tmp:
        for round_number in range(options.rounds):
            for number, (name, trigger) in enumerate(TRIGGERS.items()):
                folder = Path(tmp) / f"{round_number}-{number}"
                folder.mkdir()
                library = Library.open(folder / "library.sqlite")
                if trigger is not None:
                    with library.transaction() as conn:
                        conn.execute("DROP TRIGGER annotations_au")
                        conn.execute(trigger)
                holds[name].append(case_reimport(folder, library, markdown, options.flags)[1])
                library.close()
    baseline = statistics.median(holds[next(iter(TRIGGERS))])
    print(f"longest write-lock hold re-importing an article with {options.flags:,} flags")
    for name, seconds in holds.items():
        median = statistics.median(seconds)
        print(f"{name:50s} {median:8.3f} s  {median / baseline:6.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
