"""Sentences of one article paired with the sentences of another that say the same thing.

Each sentence becomes a TF-IDF vector of its words, the inverse document
frequencies counted over the sentences of both articles (so words every sentence
of this story uses, such as the main actor's name, weigh little, and rare ones
much); two sentences score the cosine of their vectors.  Pairs are then taken
best score first, each sentence in one pair at most, down to ``THRESHOLD``.
Sentences of fewer than ``MIN_WORDS`` words (page furniture such as "Digg |", or a
fragment) are neither paired nor listed as only in one article.

The method was chosen on news paraphrases (``benchmarks/compare_matching.py``); the
threshold there too at first, but two outlets' sentences on one fact each add their
own details and score lower than paraphrases, so it was lowered on real pairs of
pages (``benchmarks/compare_real_pairs.py``), where MSRP shows no more links to
other stories than before (README, "Compare two articles").
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from reader.anchoring.tokens import Blocks, block_sentences
from reader.core.models import ReaderError

THRESHOLD = 0.2
MIN_WORDS = 3
# Sentences of one article the matching takes: about 40,000 words.  Every pair of
# sentences that share a word is scored, so two longer (or hostile, repetitive)
# articles could take minutes; they are refused instead.
MAX_SENTENCES = 2000
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article: its place in the canonical text and its words."""

    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SentencePair:
    a: Sentence
    b: Sentence
    score: float  # cosine of the TF-IDF vectors, 0 to 1


@dataclass(frozen=True)
class SentenceMatch:
    """The pairs, best first, and the sentences of each article left without one."""

    pairs: list[SentencePair]
    only_a: list[Sentence]
    only_b: list[Sentence]


def split_sentences(text: str, start: int = 0, blocks: Blocks | None = None) -> list[Sentence]:
    """The sentences of ``text`` from ``start`` on (where an article's body begins);
    ``blocks``: its split by ``block_sentences``, if it was kept."""
    if blocks is None:
        blocks = block_sentences(text)
    spans = [span for block in blocks for span in block if span[0] >= start]
    return [Sentence(i, start, end, text[start:end]) for i, (start, end) in enumerate(spans)]


def words(sentence: str) -> list[str]:
    return [word.lower().replace("’", "'") for word in _WORD.findall(sentence)]


def tfidf_scores(
    a: Sequence[str], b: Sequence[str], threshold: float = 0.0
) -> dict[tuple[int, int], float]:
    """Cosine of every pair of sentences (index in ``a``, index in ``b``) sharing a word,
    kept when it reaches ``threshold``."""
    return bag_scores(
        [Counter(words(sentence)) for sentence in a],
        [Counter(words(sentence)) for sentence in b],
        threshold,
    )


def bag_scores(
    bags_a: Sequence[Counter[str]], bags_b: Sequence[Counter[str]], threshold: float
) -> dict[tuple[int, int], float]:
    """``tfidf_scores`` of sentences given as the counts of their words."""
    frequency: Counter[str] = Counter()
    for bag in (*bags_a, *bags_b):
        frequency.update(bag.keys())
    count = len(bags_a) + len(bags_b)
    idf = {word: math.log((count + 1) / (df + 1)) + 1 for word, df in frequency.items()}

    def unit_vector(bag: Counter[str]) -> dict[str, float]:
        weights = {word: n * idf[word] for word, n in bag.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {word: w / norm for word, w in weights.items()}

    postings: defaultdict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, bag in enumerate(bags_b):
        for word, weight in unit_vector(bag).items():
            postings[word].append((j, weight))
    scores: dict[tuple[int, int], float] = {}
    for i, bag in enumerate(bags_a):
        row = [0.0] * len(bags_b)  # every weight is above 0: a pair sharing no word stays 0
        for word, weight in unit_vector(bag).items():
            for j, other in postings.get(word, ()):
                row[j] += weight * other
        for j, score in enumerate(row):
            if score and score >= threshold:
                scores[i, j] = min(score, 1.0)  # rounding can pass 1 by a hair
    return scores


def pair_best_first(
    scores: dict[tuple[int, int], float], threshold: float
) -> list[tuple[int, int, float]]:
    """Pairs (i, j, score) taken best score first, each index at most once, down to
    ``threshold``; ties go to the earlier sentences."""
    ranked = sorted(
        ((score, i, j) for (i, j), score in scores.items() if score >= threshold),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for score, i, j in ranked:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j, score))
    return pairs


def match_sentences(
    text_a: str,
    text_b: str,
    *,
    start_a: int = 0,
    start_b: int = 0,
    threshold: float = THRESHOLD,
    blocks_a: Blocks | None = None,
    blocks_b: Blocks | None = None,
) -> SentenceMatch:
    """Pair the sentences of two canonical texts (from ``start_a`` and ``start_b`` on) that
    say the same thing; ``blocks_a`` and ``blocks_b``: their splits, if they were kept."""
    sentences_a = split_sentences(text_a, start_a, blocks_a)
    sentences_b = split_sentences(text_b, start_b, blocks_b)
    for sentences, side in ((sentences_a, "first"), (sentences_b, "second")):
        if len(sentences) > MAX_SENTENCES:
            raise ReaderError(
                f"the {side} article has {len(sentences):,} sentences, too many to compare "
                f"(at most {MAX_SENTENCES:,})"
            )
    bags_a, sentences_a = _worded(sentences_a)
    bags_b, sentences_b = _worded(sentences_b)
    scores = bag_scores(bags_a, bags_b, threshold)
    pairs = [
        SentencePair(sentences_a[i], sentences_b[j], score)
        for i, j, score in pair_best_first(scores, threshold)
    ]
    paired_a = {pair.a.index for pair in pairs}
    paired_b = {pair.b.index for pair in pairs}
    return SentenceMatch(
        pairs,
        [s for s in sentences_a if s.index not in paired_a],
        [s for s in sentences_b if s.index not in paired_b],
    )


def _worded(sentences: list[Sentence]) -> tuple[list[Counter[str]], list[Sentence]]:
    """The sentences of ``MIN_WORDS`` words or more, and the counts of their words."""
    kept = [(Counter(found), s) for s in sentences if len(found := words(s.text)) >= MIN_WORDS]
    return [bag for bag, _ in kept], [sentence for _, sentence in kept]
