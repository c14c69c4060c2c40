"""Time suggest() on a 5,000-word article beside the time to import it.

    python benchmarks/suggest_speed.py [--words 5000] [--runs 5] [--profile]

The article is the seed sample article repeated until it has enough words, as a
Markdown file; "import" is what ``reader import`` does with it: read and decode
the file, compute the canonical text and store it in a new library.  Models are
loaded before timing (they load once per process).  Two baselines are timed in
the same run: the import, and a fixed pure-Python workload (sorting and joining
words) that moves with the machine's speed and load as suggest() does, but
touches no disk.  ``--profile`` prints where suggest() spends its time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reader.anchoring.canonical import canonical_text
from reader.core.shipped import SAMPLE_ARTICLES
from reader.detectors import suggest
from reader.services.article_files import import_article_file
from reader.storage.library import Library

SEED = SAMPLE_ARTICLES / "el-salvador-prisons.md"
BUDGET_MS = 250.0


def article_markdown(words: int) -> str:
    seed = SEED.read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in seed.split("\n\n") if p.strip() and not p.startswith("---")]
    out: list[str] = []
    count = 0
    while count < words:
        for paragraph in paragraphs:
            out.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                break
    return "\n\n".join(out) + "\n"


def best_ms(action: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return min(times), statistics.median(times)


def reference_work() -> None:
    """A fixed CPU-bound task of a size comparable to suggest() on 5,000 words."""
    words = [f"w{n}" for n in random.Random(1).sample(range(10**6), 60_000)]
    for _ in range(6):
        " ".join(sorted(words, key=str.casefold)).split()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="where suggest() spends its time")
    options = parser.parse_args()
    markdown = article_markdown(options.words)
    text = canonical_text(markdown)
    suggest("Warm-up sentence that loads the models once.")
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "long.md"
        counter = iter(range(10**6))

        def import_once() -> None:
            # A fresh library each time, so every run really imports.
            library = Library.open(Path(folder) / f"lib{next(counter)}.sqlite")
            import_article_file(library, article)
            library.close()

        article.write_text(f"---\ntitle: Long\n---\n\n{markdown}", encoding="utf-8")
        import_best, import_median = best_ms(import_once, options.runs)
    reference_best, reference_median = best_ms(reference_work, options.runs)
    suggest_best, suggest_median = best_ms(
        lambda: suggest(text, include_sourced=True), options.runs
    )
    found = len(suggest(text, include_sourced=True))
    print(f"article: {len(markdown.split())} words, {len(text)} characters, {found} suggestions")
    print(f"import (reader import): best {import_best:.1f} ms, median {import_median:.1f} ms")
    print(f"suggest():              best {suggest_best:.1f} ms, median {suggest_median:.1f} ms")
    print(f"reference work:         best {reference_best:.1f} ms, median {reference_median:.1f} ms")
    print(f"suggest / import: {suggest_median / import_median:.2f}x")
    print(f"suggest / reference work: {suggest_median / reference_median:.2f}x")
    if options.profile:
        profiler = cProfile.Profile()
        profiler.runcall(suggest, text, include_sourced=True)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    verdict = "within" if suggest_median < BUDGET_MS else "OVER"
    print(f"{verdict} the {BUDGET_MS:.0f} ms budget")
    return 0 if suggest_median < BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
