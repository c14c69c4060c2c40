"""Score the flag-suggestion detector on the dev splits of the shared labelled data.

    python benchmarks/detector_eval.py [--data ../shared/eval] [--split dev]

Opinion is scored as the CheckThat! subjectivity lab does (macro-F1 over SUBJ and
OBJ), claims as the check-worthiness lab does (F1 of the Yes class).  Each sentence
goes through ``suggest()``: SUBJ when it gets an opinion suggestion, Yes when it gets
a claim suggestion, sourced or not.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from reader.detectors import SuggestionKind, suggest
from reader.detectors.training import DEFAULT_DATA, TASKS, read_split

CLAIM_KINDS = frozenset({SuggestionKind.UNSOURCED_CLAIM, SuggestionKind.SOURCED_CLAIM})


def f1(truth: list[bool], guess: list[bool], positive: bool) -> float:
    hits = sum(1 for t, g in zip(truth, guess, strict=True) if t == positive and g == positive)
    total = sum(1 for t in truth if t == positive) + sum(1 for g in guess if g == positive)
    return 2 * hits / total if total else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", default="dev")
    options = parser.parse_args()
    for task in TASKS:
        sentences, labels = read_split(options.data, task, options.split)
        truth = [bool(label) for label in labels]
        started = time.perf_counter()
        if task.name == "opinion":
            guess = [
                any(
                    s.kind == SuggestionKind.OPINION
                    for s in suggest(x, kinds={SuggestionKind.OPINION})
                )
                for x in sentences
            ]
            value = (f1(truth, guess, True) + f1(truth, guess, False)) / 2
            name, target = "subjectivity macro-F1", 0.75
        else:
            guess = [
                any(s.kind in CLAIM_KINDS for s in suggest(x, kinds=CLAIM_KINDS)) for x in sentences
            ]
            value = f1(truth, guess, True)
            name, target = "check-worthy F1 (Yes)", 0.80
        elapsed = time.perf_counter() - started
        verdict = "meets" if value >= target else "below"
        print(
            f"{task.folder}/{options.split}: {name} = {value:.3f} "
            f"({verdict} target {target:.2f}; {len(sentences)} sentences, "
            f"positive F1 {f1(truth, guess, True):.3f}, negative F1 {f1(truth, guess, False):.3f}, "
            f"{elapsed:.1f} s)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
