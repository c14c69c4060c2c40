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

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.anchoring.tokens import Blocks, block_sentences
from reader.core.models import ReaderError

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

THRESHOLD = 0.2
MIN_WORDS = 3
# Sentences of one article the matching takes: about 40,000 words.  Every pair of
# sentences that share a word is scored, so two longer (or hostile, repetitive)
# articles could take minutes; they are refused instead.
MAX_SENTENCES = 2000
# Products of two words' weights made at once when two articles' sentences are scored
# (each takes a few numbers in memory).
_PRODUCTS_AT_ONCE = 1_000_000
# A word that this many pairs of sentences share, or more (common words), adds to the
# scores through one product of matrices (sentences by such words), the others product
# by product; all of them do when that product would pass this many multiplications, or
# its matrices this many numbers.
_DENSE_FROM = 64
_DENSE_PRODUCTS = 100_000_000
_DENSE_CELLS = 2_000_000
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
    scores = _cosines(
        WordCounts.of(Counter(words(sentence)) for sentence in a),
        WordCounts.of(Counter(words(sentence)) for sentence in b),
    )
    rows, columns = (scores >= threshold).nonzero()
    return {
        (int(i), int(j)): float(scores[i, j])
        for i, j in zip(rows, columns, strict=True)
        if scores[i, j] > 0
    }


@dataclass(frozen=True)
class WordCounts:
    """The words of some sentences counted: sentence n has the words
    ``word_ids[offsets[n]:offsets[n + 1]]`` (indices in ``vocabulary``), each
    ``counts[...]`` times, in the order it first writes them."""

    vocabulary: list[str]
    word_ids: list[int]
    counts: list[int]
    offsets: list[int]

    @classmethod
    def of(cls, bags: Iterable[Counter[str]]) -> WordCounts:
        vocabulary: dict[str, int] = {}
        word_ids: list[int] = []
        counts: list[int] = []
        offsets = [0]
        for bag in bags:
            for word, count in bag.items():
                word_ids.append(vocabulary.setdefault(word, len(vocabulary)))
                counts.append(count)
            offsets.append(len(word_ids))
        return cls(list(vocabulary), word_ids, counts, offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1


def worded(sentences: list[Sentence]) -> tuple[list[Sentence], WordCounts]:
    """The sentences of ``MIN_WORDS`` words or more, and their words counted."""
    kept = [(s, Counter(found)) for s in sentences if len(found := words(s.text)) >= MIN_WORDS]
    return [sentence for sentence, _ in kept], WordCounts.of(bag for _, bag in kept)


# Each sentence's shared words, as ``_cosines`` makes them: (sentence, shared word, weight
# of its unit vector)
_Entries = tuple["NDArray[np.intp]", "NDArray[np.intp]", "NDArray[np.float64]"]


def _cosines(a: WordCounts, b: WordCounts) -> NDArray[np.float64]:
    """The cosine of the TF-IDF vectors of each sentence of ``a`` (rows) and of ``b``
    (columns), the inverse document frequencies counted over the sentences of both."""
    import numpy as np

    index = {word: n for n, word in enumerate(a.vocabulary)}
    for word in b.vocabulary:
        index.setdefault(word, len(index))
    ids_a = np.array(a.word_ids, dtype=np.intp)
    ids_b = np.array([index[word] for word in b.vocabulary], dtype=np.intp)[
        np.array(b.word_ids, dtype=np.intp)
    ]
    in_a = np.bincount(ids_a, minlength=len(index))  # a word counts once per sentence
    in_b = np.bincount(ids_b, minlength=len(index))
    idf = np.log((len(a) + len(b) + 1) / (in_a + in_b + 1)) + 1
    is_shared = (in_a > 0) & (in_b > 0)  # only the words both use add to a cosine
    shared_count = int(is_shared.sum())
    shared = np.full(len(index), -1, dtype=np.intp)  # a word's column, -1: not shared
    shared[is_shared] = np.arange(shared_count)

    def unit_entries(counts: WordCounts, ids: NDArray[np.intp]) -> _Entries:
        """Each sentence's shared words: (sentence, shared word, weight) of its unit vector."""
        rows = np.repeat(np.arange(len(counts)), np.diff(counts.offsets))
        weights = np.array(counts.counts, dtype=np.float64) * idf[ids]
        norms = np.sqrt(np.bincount(rows, weights * weights, minlength=len(counts)))
        norms[norms == 0] = 1.0  # a sentence without words
        keep = shared[ids] >= 0
        return rows[keep], shared[ids][keep], (weights / norms[rows])[keep]

    entries_a, entries_b = unit_entries(a, ids_a), unit_entries(b, ids_b)
    in_word_a = np.bincount(entries_a[1], minlength=shared_count)
    common = in_word_a * np.bincount(entries_b[1], minlength=shared_count) >= _DENSE_FROM
    common_count = int(common.sum())
    if (
        len(a) * len(b) * common_count > _DENSE_PRODUCTS
        or (len(a) + len(b)) * common_count > _DENSE_CELLS
    ):
        common[:] = False
        common_count = 0
    column = np.cumsum(common) - 1  # a common word's column in the matrices

    def of_words(entries: _Entries, chosen: NDArray[np.bool_], dense: bool) -> _Entries:
        kept = chosen[entries[1]]
        words = entries[1][kept]
        return entries[0][kept], column[words] if dense else words, entries[2][kept]

    scores = _dense_products(
        of_words(entries_a, common, True),
        of_words(entries_b, common, True),
        len(a),
        len(b),
        common_count,
    )
    scores += _sparse_products(
        of_words(entries_a, ~common, False),
        of_words(entries_b, ~common, False),
        len(a),
        len(b),
        shared_count,
    )
    # rounded, so that sums taken in another order give the same ties; rounding can
    # pass 1 by a hair
    return np.minimum(np.round(scores, 12), 1.0)


def _dense_products(
    a: _Entries, b: _Entries, count_a: int, count_b: int, shared_count: int
) -> NDArray[np.float64]:
    """The scores the words given add, as one product of two matrices (sentences by
    those words): quickest for words many sentences use."""
    import numpy as np

    vectors_a = np.zeros((count_a, shared_count))
    vectors_a[a[0], a[1]] = a[2]  # a sentence holds each of its words once
    vectors_b = np.zeros((count_b, shared_count))
    vectors_b[b[0], b[1]] = b[2]
    return vectors_a @ vectors_b.T


def _sparse_products(
    a: _Entries, b: _Entries, count_a: int, count_b: int, shared_count: int
) -> NDArray[np.float64]:
    """The scores the words given add, as the sum, for each pair of sentences, of the
    products of the words they share: quickest for words few sentences use, and a
    bounded memory however long the articles."""
    import numpy as np

    rows_a, words_a, weights_a = a
    rows_b, words_b, weights_b = b
    by_word = np.argsort(words_b, kind="stable")  # b's entries grouped by word
    rows_b, weights_b = rows_b[by_word], weights_b[by_word]
    in_word_b = np.bincount(words_b, minlength=shared_count)
    word_start_b = np.cumsum(in_word_b) - in_word_b
    # each entry of a meets every entry of b with its word: the products are made in
    # parts of a's entries, each sentence pair's summed in the order of a's words
    meets = in_word_b[words_a]
    made = np.cumsum(meets)
    scores = np.zeros(count_a * count_b)
    first = 0
    while first < len(words_a):
        done = int(made[first - 1]) if first else 0
        last = max(int(np.searchsorted(made, done + _PRODUCTS_AT_ONCE, side="right")), first + 1)
        counts = meets[first:last]
        entry = np.repeat(np.arange(first, last), counts)
        within = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
        other = word_start_b[words_a[entry]] + within
        scores += np.bincount(
            rows_a[entry] * count_b + rows_b[other],
            weights_a[entry] * weights_b[other],
            minlength=len(scores),
        )
        first = last
    return scores.reshape(count_a, count_b)


def pair_best_first(
    scores: dict[tuple[int, int], float], threshold: float
) -> list[tuple[int, int, float]]:
    """Pairs (i, j, score) taken best score first, each index at most once, down to
    ``threshold``; ties go to the earlier sentences."""
    ranked = sorted(
        ((score, i, j) for (i, j), score in scores.items() if score >= threshold),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    return _take_best(ranked)


def _take_best(ranked: Iterable[tuple[float, int, int]]) -> list[tuple[int, int, float]]:
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for score, i, j in ranked:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j, score))
    return pairs


def check_sentence_counts(count_a: int, count_b: int) -> None:
    """Refuse articles with more sentences than the matching takes."""
    for count, side in ((count_a, "first"), (count_b, "second")):
        if count > MAX_SENTENCES:
            raise ReaderError(
                f"the {side} article has {count:,} sentences, too many to compare "
                f"(at most {MAX_SENTENCES:,})"
            )


def match_counted(
    sentences_a: list[Sentence],
    counts_a: WordCounts,
    sentences_b: list[Sentence],
    counts_b: WordCounts,
    threshold: float = THRESHOLD,
) -> SentenceMatch:
    """Pair the sentences (those ``worded`` keeps) given with their words counted."""
    import numpy as np

    scores = _cosines(counts_a, counts_b)
    rows, columns = ((scores > 0) & (scores >= threshold)).nonzero()
    found = scores[rows, columns]
    order = np.lexsort((columns, rows, -found))  # best first; ties to earlier sentences
    pairs = [
        SentencePair(sentences_a[i], sentences_b[j], score)
        for i, j, score in _take_best(
            zip(found[order].tolist(), rows[order].tolist(), columns[order].tolist(), strict=True)
        )
    ]
    paired_a = {pair.a.index for pair in pairs}
    paired_b = {pair.b.index for pair in pairs}
    return SentenceMatch(
        pairs,
        [s for s in sentences_a if s.index not in paired_a],
        [s for s in sentences_b if s.index not in paired_b],
    )


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
    check_sentence_counts(len(sentences_a), len(sentences_b))
    return match_counted(*worded(sentences_a), *worded(sentences_b), threshold)
