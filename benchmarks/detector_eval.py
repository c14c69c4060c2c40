"""Score the flag-suggestion detector on the dev splits of the shared labelled data.

    python benchmarks/detector_eval.py [--data ../shared/eval] [--split dev-choice]

``--split dev-held-out`` is the half of dev kept out of every choice (see
``reader.detectors.training.HOLD_OUT_SEED``): score it once, at the end.

Opinion is scored as the CheckThat! subjectivity lab does (macro-F1 over SUBJ and
OBJ), claims as the check-worthiness lab does (F1 of the Yes class).  Each sentence
goes through ``suggest()``: SUBJ when it gets an opinion suggestion, Yes when it gets
a claim suggestion, sourced or not.

    python benchmarks/detector_eval.py --calibration

instead measures how far a score can be trusted, on the train splits: each sentence is
scored by a model fitted (as training.py fits it) on the other four fifths, never on
itself. It prints a reliability table of the scores that make suggestions (the share
of sentences in each score band that carry the label) and their Brier score; the
"likely" bar of ``reader.detectors.ranking`` is read off it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from reader.detectors import SuggestionKind, suggest
from reader.detectors.features import analyse
from reader.detectors.model_features import claim_features
from reader.detectors.ranking import LIKELY
from reader.detectors.resources import claim_model, opinion_model, resources_dir
from reader.detectors.training import (
    DEFAULT_DATA,
    SEED,
    TASKS,
    Task,
    _opinion_with_claims,
    cross_validate,
    read_sentences,
    read_split,
)

CLAIM_KINDS = frozenset({SuggestionKind.UNSOURCED_CLAIM, SuggestionKind.SOURCED_CLAIM})


def f1(truth: list[bool], guess: list[bool], positive: bool) -> float:
    hits = sum(1 for t, g in zip(truth, guess, strict=True) if t == positive and g == positive)
    total = sum(1 for t in truth if t == positive) + sum(1 for g in guess if g == positive)
    return 2 * hits / total if total else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--split", default="dev-choice", help="train, dev, dev-choice or dev-held-out"
    )
    parser.add_argument("--calibration", action="store_true", help="reliability on train")
    options = parser.parse_args()
    if options.calibration:
        for task in TASKS:
            calibration(task, options.data)
        return 0
    for task in TASKS:
        sentences, labels = read_sentences(options.data, task, options.split)
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
            name, target = "subjectivity macro-F1", 0.70
        else:
            guess = [
                any(s.kind in CLAIM_KINDS for s in suggest(x, kinds=CLAIM_KINDS)) for x in sentences
            ]
            value = f1(truth, guess, True)
            name, target = "check-worthy F1 (Yes)", 0.75
        elapsed = time.perf_counter() - started
        verdict = "meets" if value >= target else "below"
        print(
            f"{task.folder}/{options.split}: {name} = {value:.3f} "
            f"({verdict} target {target:.2f}; {len(sentences)} sentences, "
            f"positive F1 {f1(truth, guess, True):.3f}, negative F1 {f1(truth, guess, False):.3f}, "
            f"{elapsed:.1f} s)"
        )
    return 0


BANDS = (0.0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)


def calibration(task: Task, data: Path) -> None:
    """Out-of-fold scores on train, with the shipped model's settings; a strong cue lifts an
    opinion score to its cue score as ``suggest`` does."""
    import numpy as np

    model = opinion_model() if task.name == "opinion" else claim_model()
    features = _opinion_with_claims(claim_model()) if task.name == "opinion" else claim_features
    sentences, raw = read_split(data, task, "train")
    labels = np.array(raw, dtype=np.float64)
    analyses = [analyse(x) for x in sentences]
    samples = [features(a, model.bigrams) for a in analyses]
    l2 = float(json.loads((resources_dir() / task.output).read_text("utf-8"))["l2"])
    scores = cross_validate(samples, labels, l2, SEED)
    if task.name == "opinion":
        for i, a in enumerate(analyses):
            if a.strong_cues:
                cue = max(model.cue_scores.get(c, 0.0) for c in a.strong_cues)
                scores[i] = max(scores[i], model.threshold, cue)
    shown = scores >= model.threshold
    print(f"{task.folder}/train, out of fold ({int(shown.sum())} of {len(labels)} suggested):")
    print("    score band   sentences  mean score  share labelled")
    for low, high in zip(BANDS, BANDS[1:], strict=False):
        band = shown & (scores >= low) & (scores < high)
        if band.any():
            print(
                f"    {low:.1f}–{min(high, 1.0):.1f}     {int(band.sum()):>8}  "
                f"{scores[band].mean():>10.3f}  {labels[band].mean():>14.3f}"
            )
    brier = float(np.mean((scores[shown] - labels[shown]) ** 2))
    likely = shown & (scores >= LIKELY)
    print(
        f"    Brier score of the suggested {brier:.3f}; 'likely' (score ≥ {LIKELY}): "
        f"{labels[likely].mean():.3f} labelled of {int(likely.sum())}, 'possible': "
        f"{labels[shown & ~likely].mean():.3f} of {int((shown & ~likely).sum())}"
    )


if __name__ == "__main__":
    sys.exit(main())
