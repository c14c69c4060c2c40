"""Time the matching of two 5,000-word articles beside splitting them into sentences.

    python benchmarks/compare_speed.py [--words 5000] [--runs 5]

Article A is the three sample articles, repeated until it has enough words (so
each sentence recurs, a harder case for pairing than a real article); article B
is A with every fifth word dropped and its paragraphs in reverse order.  The
baseline is splitting both into sentences (pysbd), which the matching also does;
"match" is ``reader.compare.matching.match_sentences``, "compare" adds the figures
and named sources only in one (``reader.compare.figures.only_in``).  The target is
under 300 ms for "compare".
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from reader.anchoring.canonical import canonical_text
from reader.compare.figures import only_in
from reader.compare.matching import match_sentences, split_sentences
from reader.core.shipped import SAMPLE_ARTICLES

TARGET_MS = 300.0


def article_text(words: int) -> str:
    paragraphs: list[str] = []
    for path in sorted(SAMPLE_ARTICLES.glob("*.md")):
        text = canonical_text(path.read_text(encoding="utf-8"))
        paragraphs.extend(p for p in text.split("\n\n") if len(p.split()) > 5)
    out: list[str] = []
    count = 0
    while count < words:
        for paragraph in paragraphs:
            out.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                break
    return "\n\n".join(out)


def reworded(text: str) -> str:
    paragraphs = []
    for paragraph in reversed(text.split("\n\n")):
        kept = [word for i, word in enumerate(paragraph.split(" ")) if i % 5 != 4]
        paragraphs.append(" ".join(kept))
    return "\n\n".join(paragraphs)


def best_ms(action: Callable[[], object], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return min(times), statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    a = article_text(options.words)
    b = reworded(a)
    split_sentences(a)  # pysbd builds its rules on first use

    def split_both() -> None:
        split_sentences(a)
        split_sentences(b)

    def compare() -> None:
        match_sentences(a, b)
        only_in(a, b)

    match = match_sentences(a, b)
    print(
        f"A: {len(a.split())} words, {len(match.pairs) + len(match.only_a)} sentences; "
        f"B: {len(b.split())} words; {len(match.pairs)} pairs"
    )
    base, base_median = best_ms(split_both, options.runs)
    print(f"split both (baseline)  best {base:7.1f} ms  median {base_median:7.1f} ms")
    for name, action in (("match", lambda: match_sentences(a, b)), ("compare", compare)):
        best, median = best_ms(action, options.runs)
        print(
            f"{name:<22} best {best:7.1f} ms  median {median:7.1f} ms  "
            f"= {best / base:.2f}x the baseline"
        )
    verdict = "under" if best < TARGET_MS else "OVER"
    print(f"compare: {verdict} the {TARGET_MS:.0f} ms target")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
