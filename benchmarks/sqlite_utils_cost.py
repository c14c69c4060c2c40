"""What importing sqlite-utils would add to the first write of a process, beside the
import of a short article (read, canonical text, store) in a process of its own.

    python benchmarks/sqlite_utils_cost.py [--runs 7]

Each figure is the median over fresh Python processes, so every module is imported
anew: ``import sqlite_utils`` alone, and importing the seed sample article into a
library made beforehand (the process loads what an import needs, and no sqlite-utils:
the library's reads and writes are plain SQL).  The ratio is the first to the second.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

IMPORT_SQLITE_UTILS = """
import time
started = time.perf_counter()
import sqlite_utils
print(time.perf_counter() - started)
"""
IMPORT_ARTICLE = """
import sys, time
from pathlib import Path
from reader.core.shipped import SAMPLE_ARTICLES
from reader.services.article_files import import_article_file
from reader.storage.library import Library
library = Library.open(Path(sys.argv[1]))
started = time.perf_counter()
import_article_file(library, SAMPLE_ARTICLES / "el-salvador-prisons.md")
print(time.perf_counter() - started)
assert "sqlite_utils" not in sys.modules
"""
MAKE_LIBRARY = """
import sys
from pathlib import Path
from reader.storage.library import Library
Library.open(Path(sys.argv[1])).close()
"""


def seconds(script: str, *arguments: str) -> float:
    done = subprocess.run(
        [sys.executable, "-c", script, *arguments], capture_output=True, text=True, check=True
    )
    return float(done.stdout.split()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    own: list[float] = []
    article: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(options.runs):
            library = str(Path(tmp) / f"library-{run}.sqlite")
            subprocess.run([sys.executable, "-c", MAKE_LIBRARY, library], check=True)
            own.append(seconds(IMPORT_SQLITE_UTILS))
            article.append(seconds(IMPORT_ARTICLE, library))
    baseline = statistics.median(article)
    cost = statistics.median(own)
    print(f"baseline: import the seed article in a fresh process {baseline * 1000:.1f} ms")
    print(f"import sqlite_utils in a fresh process {cost * 1000:8.1f} ms  {cost / baseline:6.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
