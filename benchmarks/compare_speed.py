"""Time the matching of two 5,000-word articles beside splitting them into sentences.

    python benchmarks/compare_speed.py [--words 5000] [--runs 5]

Article A is the three sample articles, repeated until it has enough words (so
each sentence recurs, a harder case for pairing than a real article); article B
is A with every fifth word dropped and its paragraphs in reverse order.  The
baseline is splitting both into sentences (pysbd), which the matching also does;
"match" is ``reader.compare.matching.match_sentences``, "compare" adds the figures
and named sources only in one (``reader.compare.figures.only_in``); "compare, splits
kept" is "compare" given the splits into sentences, as the library keeps them, and
"compare, features kept" from the features for comparing the library keeps
(``reader.compare.features``), read back from their JSON.  The target is
under 300 ms for "compare" (its median; they are run in turn, so that the
shared machine's busy moments fall on all of them alike).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

from reader.anchoring.canonical import canonical_text
from reader.anchoring.tokens import block_sentences
from reader.compare.features import (
    from_json,
    make_features,
    match_features,
    only_in_features,
    to_json,
)
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


def medians_ms(actions: dict[str, Callable[[], object]], runs: int) -> dict[str, float]:
    """The median time of each action, run in turn so that a busy moment of the shared
    machine slows all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(runs):
        for name, action in actions.items():
            started = time.perf_counter()
            action()
            times[name].append((time.perf_counter() - started) * 1000)
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    a = article_text(options.words)
    b = reworded(article_text(options.words * 5 // 4))
    split_sentences(a)  # pysbd builds its rules on first use

    def split_both() -> None:
        split_sentences(a)
        split_sentences(b)

    def compare() -> None:
        match_sentences(a, b)
        only_in(a, b)

    blocks_a, blocks_b = block_sentences(a), block_sentences(b)

    def compare_kept() -> None:
        match_sentences(a, b, blocks_a=blocks_a, blocks_b=blocks_b)
        only_in(a, b)

    kept_a, kept_b = to_json(make_features(a)), to_json(make_features(b))

    def compare_features() -> None:
        features_a, features_b = from_json(a, kept_a), from_json(b, kept_b)
        assert features_a is not None and features_b is not None
        match_features(features_a, features_b)
        only_in_features(features_a, a, features_b, b)

    match = match_sentences(a, b)
    print(
        f"A: {len(a.split())} words, {len(match.pairs) + len(match.only_a)} sentences; "
        f"B: {len(b.split())} words; {len(match.pairs)} pairs"
    )
    medians = medians_ms(
        {"split both (baseline)": split_both, "match": lambda: match_sentences(a, b),
         "compare": compare, "compare, splits kept": compare_kept,
         "compare, features kept": compare_features},
        options.runs,
    )  # fmt: skip
    base = medians["split both (baseline)"]
    for name, median in medians.items():
        print(f"{name:<24} median {median:7.1f} ms  = {median / base:.2f}x the baseline")
    verdict = "under" if medians["compare"] < TARGET_MS else "OVER"
    print(f"compare: {verdict} the {TARGET_MS:.0f} ms target")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
