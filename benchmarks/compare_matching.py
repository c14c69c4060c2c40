"""How well sentence matching finds news paraphrases: TF-IDF cosine against rapidfuzz's
token-set ratio, on the MSRP sample in benchmarks/data (see its README).

The 191 pairs are split in two halves by their order in the file: the threshold is
chosen on the first (tune) and reported on the second (test), never tuned there.
Each half is cut into "articles" of 16 pairs: article A holds the first sentence of
each pair, article B the second, so every sentence has 15 distractors (sentences of
other news stories) besides its partner.  The matching (reader.compare.matching) then links
sentences best score first, one pair per sentence, down to the threshold:

- precision: links that join a pair the corpus judged paraphrases / all links
- recall: paraphrase pairs linked / all paraphrase pairs
- wrong: links that join a sentence to another pair's sentence (a distractor)

MSRP's non-paraphrases are hard ones (same event, one sentence adds or changes a
claim), so they count against a method that links them; compare mode links them on
purpose (its figures and sources lists show what one adds), so for it "wrong" is the
count that matters.  Its threshold was lowered below the best F1 here on real pairs
of pages (benchmarks/compare_real_pairs.py).

    .venv/bin/python benchmarks/compare_matching.py
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Sequence
from pathlib import Path

from reader.compare.matching import THRESHOLD, pair_best_first, tfidf_scores

DATA = Path(__file__).parent / "data" / "msrp_sample.tsv"
ARTICLE_PAIRS = 16
THRESHOLDS = [round(0.1 + 0.05 * step, 2) for step in range(17)]

Scorer = Callable[[Sequence[str], Sequence[str]], dict[tuple[int, int], float]]
Pair = tuple[bool, str, str]


def load() -> list[Pair]:
    with DATA.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(row[0] == "1", row[3], row[4]) for row in rows[1:]]


def token_set_scores(a: Sequence[str], b: Sequence[str]) -> dict[tuple[int, int], float]:
    from rapidfuzz import fuzz, process, utils

    matrix = process.cdist(a, b, scorer=fuzz.token_set_ratio, processor=utils.default_process)
    return {(i, j): float(matrix[i][j]) / 100 for i in range(len(a)) for j in range(len(b))}


def measure(pairs: list[Pair], scorer: Scorer, threshold: float) -> tuple[float, float, float, int]:
    linked = correct = wrong = 0
    positives = sum(label for label, _, _ in pairs)
    for first in range(0, len(pairs), ARTICLE_PAIRS):
        article = pairs[first : first + ARTICLE_PAIRS]
        scores = scorer([a for _, a, _ in article], [b for _, _, b in article])
        for i, j, _ in pair_best_first(scores, threshold):
            linked += 1
            correct += i == j and article[i][0]
            wrong += i != j
    precision = correct / linked if linked else 1.0
    recall = correct / positives
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, wrong


def main() -> None:
    pairs = load()
    half = len(pairs) // 2
    splits = {"tune": pairs[:half], "test": pairs[half:]}
    methods: dict[str, Scorer] = {"tfidf": tfidf_scores}
    try:
        import rapidfuzz  # noqa: F401  # only this benchmark uses it
    except ImportError:
        print("rapidfuzz is not installed: measuring TF-IDF alone (pip install rapidfuzz)")
    else:
        methods["token_set"] = token_set_scores
    for name, split in splits.items():
        positives = sum(label for label, _, _ in split)
        print(f"{name}: {len(split)} pairs, {positives} paraphrases")
    print(f"{'method':<10} {'threshold':>9}  {'tune P/R/F1 wrong':>20}  {'test P/R/F1 wrong':>20}")
    for method, scorer in methods.items():
        best = max(THRESHOLDS, key=lambda t: measure(splits["tune"], scorer, t)[2])
        for threshold in THRESHOLDS:
            cells = [
                "{:.2f} {:.2f} {:.2f} {:>3}".format(*measure(split, scorer, threshold))
                for split in splits.values()
            ]
            mark = " <- best on tune" if threshold == best else ""
            mark += " (reader.compare)" if method == "tfidf" and threshold == THRESHOLD else ""
            print(f"{method:<10} {threshold:>9.2f}  {cells[0]:>20}  {cells[1]:>20}{mark}")


if __name__ == "__main__":
    main()
