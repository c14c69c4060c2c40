"""Rebuild the detector's models from the labelled data: ``python -m reader.detectors.training``.

Trains two logistic regressions (opinion on the CheckThat! subjectivity sentences,
check-worthy claims on the CheckThat! 2024 / ClaimBuster sentences) on the train
split only.  The L2 strength, bigrams and decision threshold are chosen by stratified
cross-validation on train, repeated with several shuffles for the small opinion set.
Opinion is scored as suggest() decides: a sentence with a strong cue is flagged
whatever the model says, so the threshold is chosen with that rule in place (the
model's figure without the rule is logged and stored too), with each strong cue's
score: the share of training sentences with it that are labelled opinion.  Needs
numpy (test extra); inference does not.  ``--lexicon`` first rebuilds lexicon.json from the
vaderSentiment and textblob packages, which must then be installed.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from reader.core.models import ReaderError
from reader.detectors.features import SentenceAnalysis, analyse
from reader.detectors.lexicon_sources import (
    PATTERN_FILE,
    VADER_FILE,
    build_lexicon,
    installed_source,
)
from reader.detectors.model_features import claim_features, opinion_features
from reader.detectors.resources import (
    CLAIM_MODEL_FILE,
    LEXICON_FILE,
    OPINION_MODEL_FILE,
    LinearModel,
    read_model,
    resources_dir,
    sentiment_lexicon,
)

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
FeatureFunction = Callable[[SentenceAnalysis, bool], dict[str, float]]

CLAIM_L2_GRID = (1e-4, 3e-4, 1e-3, 3e-3)
DEFAULT_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
L2_GRID = (3e-3, 1e-2, 3e-2, 0.1, 0.3)
FOLDS = 5
MIN_COUNT = 2
MIN_CUE_SENTENCES = 10
SEED = 7
STEPS = 300
CUE_PREFIXES = ("c:", "k:", "s:", "l:")
CUE_PENALTY_FACTOR = 0.1
csv.field_size_limit(1 << 20)


@dataclass(frozen=True)
class Task:
    name: str
    folder: str
    text_column: str
    label_column: str
    positive: str
    negative: str
    output: str
    credit: str
    l2_grid: tuple[float, ...]
    repeats: int  # cross-validation runs, each with its own shuffle


TASKS = (
    Task(
        "opinion",
        "subjectivity",
        "sentence",
        "label",
        "SUBJ",
        "OBJ",
        OPINION_MODEL_FILE,
        "CLEF CheckThat! lab subjectivity data (English), CC BY 4.0, "
        "via MatteoFasulo/clef2025-checkthat",
        L2_GRID,
        3,
    ),
    Task(
        "claim",
        "checkworthy",
        "Text",
        "class_label",
        "Yes",
        "No",
        CLAIM_MODEL_FILE,
        "CLEF CheckThat! 2024 Task 1 check-worthiness (ClaimBuster) data, MIT, "
        "via isyufeng/FactFinders",
        CLAIM_L2_GRID,
        1,
    ),
)


def read_split(data: Path, task: Task, split: str) -> tuple[list[str], list[int]]:
    """Sentences and 0/1 labels; rows whose label is neither class are skipped."""
    sentences: list[str] = []
    labels: list[int] = []
    path = data / task.folder / f"{split}.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            label = (row.get(task.label_column) or "").strip()
            text = (row.get(task.text_column) or "").strip()
            if label in (task.positive, task.negative) and text:
                sentences.append(_unquote(text))
                labels.append(int(label == task.positive))
    return sentences, labels


# The dev split is cut once into two stratified halves by this seed: choices (features,
# settings, thresholds) are made on train and the first half only; the second half is
# held out and scored once, at the end (README, "How the suggestions were measured").
HOLD_OUT_SEED = 12
DEV_HALVES = ("dev-choice", "dev-held-out")


def read_sentences(data: Path, task: Task, split: str) -> tuple[list[str], list[int]]:
    """Like ``read_split``, and also reads either half of dev by its name in DEV_HALVES."""
    if split not in DEV_HALVES:
        return read_split(data, task, split)
    sentences, labels = read_split(data, task, "dev")
    half = stratified_folds(np.array(labels, dtype=np.float64), 2, HOLD_OUT_SEED)[
        DEV_HALVES.index(split)
    ]
    return [sentences[i] for i in half], [labels[i] for i in half]


def _unquote(text: str) -> str:
    """Undo the TSV's CSV-style quoting, which QUOTE_NONE leaves in place."""
    if len(text) > 1 and text[0] == text[-1] == '"':
        return text[1:-1].replace('""', '"')
    return text


@dataclass
class Matrix:
    """A sparse 0/1 matrix as coordinate lists."""

    rows: IntArray
    cols: IntArray
    values: FloatArray
    shape: tuple[int, int]

    def dot(self, weights: FloatArray) -> FloatArray:
        products = self.values * weights[self.cols]
        return np.bincount(self.rows, weights=products, minlength=self.shape[0]).astype(np.float64)

    def transpose_dot(self, vector: FloatArray) -> FloatArray:
        products = self.values * vector[self.rows]
        return np.bincount(self.cols, weights=products, minlength=self.shape[1]).astype(np.float64)

    def subset(self, row_ids: IntArray) -> Matrix:
        position = np.full(self.shape[0], -1, dtype=np.int64)
        position[row_ids] = np.arange(len(row_ids))
        keep = position[self.rows] >= 0
        return Matrix(
            position[self.rows[keep]],
            self.cols[keep],
            self.values[keep],
            (len(row_ids), self.shape[1]),
        )


def build_matrix(samples: list[dict[str, float]], vocabulary: dict[str, int]) -> Matrix:
    rows: list[int] = []
    cols: list[int] = []
    values: list[float] = []
    for row, features in enumerate(samples):
        for name, value in features.items():
            column = vocabulary.get(name)
            if column is not None:
                rows.append(row)
                cols.append(column)
                values.append(value)
    return Matrix(
        np.array(rows, dtype=np.int64),
        np.array(cols, dtype=np.int64),
        np.array(values, dtype=np.float64),
        (len(samples), len(vocabulary)),
    )


def make_vocabulary(samples: Iterable[dict[str, float]]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for features in samples:
        counts.update(features.keys())
    names = sorted(name for name, count in counts.items() if count >= MIN_COUNT)
    return {name: i for i, name in enumerate(names)}


def penalties(vocabulary: dict[str, int], l2: float) -> FloatArray:
    """Word features get the full L2 penalty, the few cue and shape features a tenth of it."""
    penalty = np.full(len(vocabulary), l2)
    for name, column in vocabulary.items():
        if name[:2] in CUE_PREFIXES:
            penalty[column] = l2 * CUE_PENALTY_FACTOR
    return penalty


def fit(matrix: Matrix, labels: FloatArray, l2: FloatArray) -> tuple[FloatArray, float]:
    """L2-regularised logistic regression by full-batch Adam (the loss is convex)."""
    weights = np.zeros(matrix.shape[1])
    bias = float(np.log((labels.mean() + 1e-6) / (1 - labels.mean() + 1e-6)))
    first = np.zeros(matrix.shape[1] + 1)
    second = np.zeros(matrix.shape[1] + 1)
    rate, beta1, beta2 = 0.05, 0.9, 0.999
    count = matrix.shape[0]
    for step in range(1, STEPS + 1):
        probability = 1.0 / (1.0 + np.exp(-(matrix.dot(weights) + bias)))
        error = probability - labels
        gradient = np.append(matrix.transpose_dot(error) / count + l2 * weights, error.mean())
        first = beta1 * first + (1 - beta1) * gradient
        second = beta2 * second + (1 - beta2) * gradient**2
        update = rate * (first / (1 - beta1**step)) / (np.sqrt(second / (1 - beta2**step)) + 1e-8)
        weights -= update[:-1]
        bias -= float(update[-1])
    return weights, bias


def predict(matrix: Matrix, weights: FloatArray, bias: float) -> FloatArray:
    return 1.0 / (1.0 + np.exp(-(matrix.dot(weights) + bias)))


def f1(labels: FloatArray, predicted: npt.NDArray[np.bool_], positive: bool) -> float:
    truth = labels == 1 if positive else labels == 0
    guess = predicted if positive else ~predicted
    true_positive = float(np.sum(truth & guess))
    denominator = float(np.sum(truth) + np.sum(guess))
    return 2 * true_positive / denominator if denominator else 0.0


def task_metric(task: Task, labels: FloatArray, predicted: npt.NDArray[np.bool_]) -> float:
    """Macro-F1 for opinion (as the subjectivity lab scores), Yes-class F1 for claims."""
    if task.name == "opinion":
        return (f1(labels, predicted, True) + f1(labels, predicted, False)) / 2
    return f1(labels, predicted, True)


def best_threshold(
    task: Task, labels: FloatArray, scores: FloatArray, forced: npt.NDArray[np.bool_] | None = None
) -> tuple[float, float]:
    """The threshold that scores best; ``forced`` marks rows flagged whatever their score."""
    always = np.zeros(len(labels), dtype=bool) if forced is None else forced
    best = (0.5, -1.0)
    for threshold in np.arange(0.2, 0.81, 0.02):
        value = task_metric(task, labels, (scores >= threshold) | always)
        if value > best[1]:
            best = (round(float(threshold), 2), value)
    return best


def stratified_folds(labels: FloatArray, folds: int, seed: int) -> list[IntArray]:
    generator = np.random.default_rng(seed)
    parts: list[list[int]] = [[] for _ in range(folds)]
    for value in (0, 1):
        members = np.flatnonzero(labels == value)
        generator.shuffle(members)
        for i, member in enumerate(members):
            parts[i % folds].append(int(member))
    return [np.array(sorted(p), dtype=np.int64) for p in parts]


def cross_validate(
    samples: list[dict[str, float]], labels: FloatArray, l2: float, seed: int
) -> FloatArray:
    """Out-of-fold probabilities; each fold builds its vocabulary from its own training part."""
    scores = np.zeros(len(labels))
    for held_out in stratified_folds(labels, FOLDS, seed):
        training = np.setdiff1d(np.arange(len(labels)), held_out)
        vocabulary = make_vocabulary(samples[i] for i in training)
        matrix = build_matrix(samples, vocabulary)
        weights, bias = fit(matrix.subset(training), labels[training], penalties(vocabulary, l2))
        scores[held_out] = predict(matrix.subset(held_out), weights, bias)
    return scores


def train_task(
    task: Task, data: Path, features: FeatureFunction, log: Callable[[str], None]
) -> dict[str, object]:
    sentences, raw_labels = read_split(data, task, "train")
    labels = np.array(raw_labels, dtype=np.float64)
    analyses = [analyse(s) for s in sentences]
    # out-of-fold scores of every repeat side by side, so one threshold serves them all
    pooled_labels = np.tile(labels, task.repeats)
    forced = None
    if task.name == "opinion":
        forced = np.tile([a.has_strong_cue for a in analyses], task.repeats)
    best: tuple[float, bool, float, float, float] | None = None
    for bigrams in (False, True):
        samples = [features(a, bigrams) for a in analyses]
        for l2 in task.l2_grid:
            scores = np.concatenate(
                [cross_validate(samples, labels, l2, SEED + r) for r in range(task.repeats)]
            )
            threshold, value = best_threshold(task, pooled_labels, scores, forced)
            alone = best_threshold(task, pooled_labels, scores)[1]
            log(
                f"{task.name}: bigrams={bigrams} l2={l2:g} threshold={threshold} cv={value:.4f} "
                f"(model alone {alone:.4f})"
            )
            if best is None or value > best[3]:
                best = (l2, bigrams, threshold, value, alone)
    assert best is not None
    l2, bigrams, threshold, value, alone = best
    samples = [features(a, bigrams) for a in analyses]
    vocabulary = make_vocabulary(samples)
    weights, bias = fit(build_matrix(samples, vocabulary), labels, penalties(vocabulary, l2))
    kept = {
        name: round(float(weights[i]), 4)
        for name, i in vocabulary.items()
        if abs(weights[i]) >= 0.005
    }
    log(
        f"{task.name}: chose bigrams={bigrams} l2={l2:g} threshold={threshold}, "
        f"cv={value:.4f}, {len(kept)} weights"
    )
    cue_scores = _cue_scores(analyses, labels) if task.name == "opinion" else {}
    return {
        "model": task.name,
        "about": f"Logistic regression trained by reader/detectors/training.py on {task.credit}.",
        "bigrams": bigrams,
        "l2": l2,
        "threshold": threshold,
        "cross_validation": {
            "folds": FOLDS,
            "repeats": task.repeats,
            "metric": round(value, 4),
            "metric_model_alone": round(alone, 4),
        },
        "training_rows": len(sentences),
        "bias": round(bias, 4),
        "cue_scores": cue_scores,
        "weights": dict(sorted(kept.items())),
    }


def _cue_scores(analyses: list[SentenceAnalysis], labels: FloatArray) -> dict[str, float]:
    """For each strong cue seen in at least MIN_CUE_SENTENCES training sentences, the
    share of them labelled opinion: the score of a suggestion that cue alone makes."""
    found: dict[str, list[float]] = {}
    for analysis, label in zip(analyses, labels, strict=True):
        for category in analysis.strong_cues:
            found.setdefault(category, []).append(float(label))
    return {
        category: round(sum(values) / len(values), 2)
        for category, values in sorted(found.items())
        if len(values) >= MIN_CUE_SENTENCES
    }


def _opinion_with_claims(claim: LinearModel) -> FeatureFunction:
    def features(analysis: SentenceAnalysis, bigrams: bool) -> dict[str, float]:
        return opinion_features(
            analysis, bigrams, claim.logit(claim_features(analysis, claim.bigrams))
        )

    return features


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reader.detectors.training", description=__doc__
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared eval folder")
    parser.add_argument("--output", type=Path, default=resources_dir(), help="where to write")
    parser.add_argument("--only", choices=[t.name for t in TASKS], help="train one model")
    parser.add_argument(
        "--lexicon",
        action="store_true",
        help=f"first rebuild {LEXICON_FILE} in {resources_dir()} from vaderSentiment and textblob",
    )
    options = parser.parse_args(argv)
    if options.lexicon:
        try:
            lexicon = build_lexicon(installed_source(*VADER_FILE), installed_source(*PATTERN_FILE))
        except ReaderError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        target = resources_dir() / LEXICON_FILE
        target.write_text(json.dumps(lexicon, indent=0, ensure_ascii=False) + "\n", "utf-8")
        sentiment_lexicon.cache_clear()
        print(f"wrote {target}")
    for task in sorted(TASKS, key=lambda t: t.name != "claim"):  # opinion uses claim
        if options.only and task.name != options.only:
            continue
        if not (options.data / task.folder / "train.tsv").is_file():
            print(f"error: no {task.folder}/train.tsv under {options.data}", file=sys.stderr)
            return 1
        if task.name == "opinion":
            features = _opinion_with_claims(read_model(options.output / CLAIM_MODEL_FILE))
        else:
            features = claim_features
        model = train_task(task, options.data, features, lambda line: print(line, flush=True))
        options.output.mkdir(parents=True, exist_ok=True)
        target = options.output / task.output
        target.write_text(json.dumps(model, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
