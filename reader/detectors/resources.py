"""The detector's data files: cue lexicons, a sentiment lexicon and linear models (JSON)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from reader.core.models import ReaderError
from reader.core.shipped import RESOURCES

CUES_FILE = "cues.json"
OPINION_MODEL_FILE = "opinion_model.json"
CLAIM_MODEL_FILE = "claim_model.json"
LEXICON_FILE = "lexicon.json"
NOUN_COMPOUNDS_FILE = "noun_compounds.json"


def resources_dir() -> Path:
    return RESOURCES / "detectors"


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReaderError(
            f"detector file missing: {path} (rebuild with python -m reader.detectors.training)"
        ) from None
    except (OSError, ValueError) as exc:
        raise ReaderError(f"cannot read detector file {path}: {exc}") from None


Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    """Phrases by category; ``index`` maps a first word to the phrases starting with it."""

    categories: dict[str, frozenset[Phrase]]
    index: dict[str, tuple[tuple[Phrase, str], ...]]

    def words(self, category: str) -> frozenset[str]:
        return frozenset(" ".join(p) for p in self.categories[category])


def build_lexicon(groups: dict[str, list[str]]) -> Lexicon:
    categories: dict[str, frozenset[Phrase]] = {}
    index: dict[str, list[tuple[Phrase, str]]] = {}
    for category, entries in groups.items():
        phrases = frozenset(tuple(e.lower().replace("’", "'").split()) for e in entries)
        categories[category] = phrases
        for phrase in phrases:
            index.setdefault(phrase[0], []).append((phrase, category))
    # longest phrases first, so "going to" wins over "going"
    return Lexicon(
        categories,
        {k: tuple(sorted(v, key=lambda item: -len(item[0]))) for k, v in index.items()},
    )


@dataclass(frozen=True)
class Cues:
    opinion: Lexicon
    claim: Lexicon
    attribution: Lexicon
    not_people: frozenset[str]  # capitalised words that name no person: parties, demonyms
    boilerplate: tuple[str, ...]  # lower-case phrases of page furniture: "sign up for our"
    boilerplate_openings: tuple[str, ...]  # labels that open a block of it: "related:", "©"
    timetable_verbs: frozenset[str]  # "is due to open" is a timetable, not a cause


@cache
def cues() -> Cues:
    data = read_json(resources_dir() / CUES_FILE)
    return Cues(
        build_lexicon(data["opinion"]),
        build_lexicon(data["claim"]),
        build_lexicon(data["attribution"]),
        frozenset(data["not_people"]),
        tuple(phrase.lower() for phrase in data["boilerplate"]),
        tuple(label.lower() for label in data["boilerplate_openings"]),
        frozenset(data["timetable_verbs"]),
    )


@dataclass(frozen=True)
class NounCompounds:
    """Compound nouns that open with a loaded noun (see compound_sources.py)."""

    pairs: frozenset[tuple[str, str]]  # ("garbage", "truck"), ("vice", "president")
    heads: frozenset[str]  # loaded nouns that open several: plain nouns before a noun


_HEAD_COMPOUNDS = 3  # "garbage" opens 11, "vice" 6, "mess" 3; "smear" 2 ("smear campaign")


@cache
def noun_compounds() -> NounCompounds:
    path = resources_dir() / NOUN_COMPOUNDS_FILE
    data = read_json(path)
    try:
        pairs = [tuple(str(c).split(" ")) for c in data["compounds"]]
    except (KeyError, TypeError, AttributeError):
        raise ReaderError(f"detector file {path} is not a compound noun file") from None
    firsts = [pair[0] for pair in pairs if len(pair) == 2]
    return NounCompounds(
        frozenset((pair[0], pair[1]) for pair in pairs if len(pair) == 2),
        frozenset(word for word in firsts if firsts.count(word) >= _HEAD_COMPOUNDS),
    )


@dataclass(frozen=True)
class SentimentLexicon:
    """Word scores from public lexicons (see lexicon_sources.py for where they come from)."""

    valence: dict[str, float]  # VADER's absolute valence, 0 to 4
    subjectivity: dict[str, float]  # pattern's adjective subjectivity, 0 to 1
    evaluative: frozenset[str]  # strongly subjective and clearly positive or negative


@cache
def sentiment_lexicon() -> SentimentLexicon:
    path = resources_dir() / LEXICON_FILE
    data = read_json(path)
    try:
        return SentimentLexicon(
            {str(k): float(v) for k, v in data["valence"].items()},
            {str(k): float(v) for k, v in data["subjectivity"].items()},
            frozenset(str(w) for w in data["evaluative"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        raise ReaderError(f"detector file {path} is not a lexicon file") from None


@dataclass(frozen=True)
class LinearModel:
    """Logistic regression over named features; positive weights push towards the flag."""

    bias: float
    weights: dict[str, float]
    threshold: float
    bigrams: bool
    # for a strong cue: the share of training sentences with it that carry the label
    cue_scores: dict[str, float] = field(default_factory=dict)

    def logit(self, features: dict[str, float]) -> float:
        weights = self.weights
        return self.bias + sum(weights.get(name, 0.0) * value for name, value in features.items())

    def probability(self, features: dict[str, float]) -> float:
        return self.probability_of(self.logit(features))

    @staticmethod
    def probability_of(logit: float) -> float:
        z = max(-30.0, min(30.0, logit))
        return 1.0 / (1.0 + math.exp(-z))

    def weight(self, name: str) -> float:
        return self.weights.get(name, 0.0)


def read_model(path: Path) -> LinearModel:
    data = read_json(path)
    try:
        return LinearModel(
            float(data["bias"]),
            {str(k): float(v) for k, v in data["weights"].items()},
            float(data["threshold"]),
            bool(data["bigrams"]),
            {str(k): float(v) for k, v in data.get("cue_scores", {}).items()},
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        raise ReaderError(f"detector file {path} is not a model file") from None


@cache
def opinion_model() -> LinearModel:
    return read_model(resources_dir() / OPINION_MODEL_FILE)


@cache
def claim_model() -> LinearModel:
    return read_model(resources_dir() / CLAIM_MODEL_FILE)
