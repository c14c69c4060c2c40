"""The features the two models read from a sentence's analysis: its words, style, cues,
shape and how emotive its words are."""

from __future__ import annotations

import math

from reader.anchoring.tokens import Token
from reader.detectors.features import SentenceAnalysis
from reader.detectors.resources import sentiment_lexicon


def _shape(analysis: SentenceAnalysis, features: dict[str, float]) -> None:
    count = len(analysis.tokens)
    features[f"s:len{min(count // 8, 5)}"] = 1.0
    if analysis.quotes.spans:
        features["s:quote"] = 1.0
    if analysis.named_sources:
        features["s:sourced"] = 1.0
    if analysis.vague_sources:
        features["s:vague"] = 1.0
    if any(t.is_capitalised for t in analysis.tokens[1:] if t.norm != "i"):
        features["s:name"] = 1.0


def _words(tokens: list[Token], bigrams: bool, features: dict[str, float]) -> None:
    norms = [t.norm for t in tokens]
    for norm in norms:
        features[f"w:{norm}"] = 1.0
    if bigrams:
        for first, second in zip(["<s>", *norms], [*norms, "</s>"], strict=True):
            features[f"b:{first} {second}"] = 1.0


_STYLE_MARKS = {"—": "dash", "(": "aside", "…": "ellipsis", "...": "ellipsis", ";": "semicolon"}


def _style(analysis: SentenceAnalysis, kept: list[Token], features: dict[str, float]) -> None:
    for mark, name in _STYLE_MARKS.items():
        if mark in analysis.text:
            features[f"s:{name}"] = 1.0
    for token in kept:
        word = token.norm
        if len(word) > 5 and word.isalpha():
            features[f"x:{word[-3:]}"] = 1.0
        if word.endswith("ly") and len(word) > 4:
            features["s:adverb"] = features.get("s:adverb", 0.0) + 1.0
        if word.endswith("est") and len(word) > 5:
            features["s:superlative"] = 1.0


STRONG_VALENCE = 2.0
SUBJECTIVE_WORD = 0.5


def _lexicon(kept: list[Token], features: dict[str, float]) -> None:
    """How emotive (VADER valence) and how subjective (pattern) the words are, in summary."""
    lexicon = sentiment_lexicon()
    valences = [lexicon.valence[t.norm] for t in kept if t.norm in lexicon.valence]
    total = sum(valences)
    features["l:valence_sum"] = math.log1p(total / 2)
    features["l:valence_max"] = max(valences, default=0.0) / 3
    features["l:valence_strong"] = math.log1p(sum(1 for v in valences if v >= STRONG_VALENCE))
    features["l:valence_density"] = total / max(len(kept), 1)
    subjective = sum(1 for t in kept if lexicon.subjectivity.get(t.norm, 0.0) >= SUBJECTIVE_WORD)
    if subjective:
        features["l:subjective_words"] = math.log1p(subjective)


CLAIM_SCORE_SCALE = 0.3


def opinion_features(
    analysis: SentenceAnalysis, bigrams: bool, claim_logit: float
) -> dict[str, float]:
    """``claim_logit`` is the claim model's score: check-worthy claims are rarely opinion."""
    kept = [t for t, m in zip(analysis.tokens, analysis.masked, strict=True) if not m]
    features: dict[str, float] = {}
    _words(kept, bigrams, features)
    _style(analysis, kept, features)
    _lexicon(kept, features)
    for hit in analysis.opinion_cues:
        features[f"c:{hit.category}"] = features.get(f"c:{hit.category}", 0.0) + 1.0
    for hit in analysis.claim_cues:
        features[f"k:{hit.category}"] = 1.0
    features["s:claim"] = claim_logit * CLAIM_SCORE_SCALE
    _shape(analysis, features)
    return features


def claim_features(analysis: SentenceAnalysis, bigrams: bool) -> dict[str, float]:
    features: dict[str, float] = {}
    _words(analysis.tokens, bigrams, features)
    for hit in analysis.claim_cues:
        features[f"k:{hit.category}"] = features.get(f"k:{hit.category}", 0.0) + 1.0
    for hit in analysis.opinion_cues:
        features[f"c:{hit.category}"] = 1.0
    _shape(analysis, features)
    return features
