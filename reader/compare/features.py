"""What comparing needs of one text, made once: its sentences long enough to match, the
counts of their words, its figures and its named sources.

The library keeps them by the text's hash (``to_json``, ``from_json``), so comparing two
articles it keeps needs neither splitting, nor reading words, figures and sources: only
their words' weights for the pair, and the sum of their products for each pair of
sentences that share a word.  The many numbers (places of sentences, words and counts)
are kept as bytes, which read back at once, not as lists of JSON numbers.  A kept row
that does not read as features of its text (a hostile or damaged library) is not used.
"""

from __future__ import annotations

import base64
import binascii
import json
import operator
from dataclasses import dataclass
from typing import cast

from reader.anchoring.tokens import Blocks
from reader.compare.figures import Figure, OnlyIn, Source, figures, missing_in, sources
from reader.compare.matching import (
    THRESHOLD,
    Sentence,
    SentenceMatch,
    WordCounts,
    check_sentence_counts,
    match_counted,
    split_sentences,
    worded,
)
from reader.core.models import ReaderError

# Raise it whenever what ``make_features`` makes, or how it is written, changes.
FEATURES_VERSION = 2
# How the lists of numbers are written: unsigned 32-bit, little-endian, in base64.
NUMBERS_TYPE = "<u4"
# At most this many products of word weights (sentences by sentences by the words of the
# article with fewer, a bound of what a match takes) make a match ``quick_to_match``:
# two articles of about 5,000 words each stay under it.
QUICK_PRODUCTS = 200_000_000


@dataclass(frozen=True)
class TextFeatures:
    """One text's features from ``start`` on (where its body begins)."""

    start: int
    sentence_count: int  # every sentence from ``start`` on, the short ones too
    sentences: list[Sentence]  # those of ``MIN_WORDS`` words or more
    words: WordCounts  # theirs
    figures: list[Figure]
    sources: list[Source]


def make_features(text: str, start: int = 0, blocks: Blocks | None = None) -> TextFeatures:
    """The features of ``text`` from ``start`` on; ``blocks``: its split into sentences by
    ``block_sentences``, if it was kept."""
    every = split_sentences(text, start, blocks)
    kept, counted = worded(every)
    return TextFeatures(
        start, len(every), kept, counted, figures(text, start), sources(text, start)
    )


def quick_to_match(a: TextFeatures, b: TextFeatures) -> bool:
    """Whether matching the two is quick enough for the window to wait for (else it
    matches them in a thread)."""
    shared = min(len(a.words.vocabulary), len(b.words.vocabulary))
    return len(a.sentences) * len(b.sentences) * shared <= QUICK_PRODUCTS


def match_features(a: TextFeatures, b: TextFeatures, threshold: float = THRESHOLD) -> SentenceMatch:
    """``reader.compare.matching.match_sentences`` of two texts given by their features."""
    check_sentence_counts(a.sentence_count, b.sentence_count)
    return match_counted(a.sentences, a.words, b.sentences, b.words, threshold)


def only_in_features(a: TextFeatures, text_a: str, b: TextFeatures, text_b: str) -> OnlyIn:
    """``reader.compare.figures.only_in`` of two texts given with their features."""
    return missing_in(
        a.figures, b.figures, a.sources, b.sources, text_a[a.start :], text_b[b.start :]
    )


def features_maker() -> str:
    """What makes features now, as kept with them: those made otherwise are not used."""
    from reader.anchoring.tokens import splitter_version

    return f"features {FEATURES_VERSION}, {splitter_version()}"


def to_json(features: TextFeatures) -> str:
    """The features as the library keeps them (positions and values; the text is not
    repeated)."""
    words = features.words
    return json.dumps(
        {
            "start": features.start,
            "sentence_count": features.sentence_count,
            "sentence_index": numbers_text([s.index for s in features.sentences]),
            "sentence_start": numbers_text([s.start for s in features.sentences]),
            "sentence_end": numbers_text([s.end for s in features.sentences]),
            "vocabulary": " ".join(words.vocabulary),  # a word holds no space
            "word_ids": numbers_text(words.word_ids),
            "counts": numbers_text(words.counts),
            "offsets": numbers_text(words.offsets),
            "figures": [[f.value, f.percent, f.start, f.end] for f in features.figures],
            "sources": [[s.name, s.start, s.end] for s in features.sources],
        },
        separators=(",", ":"),
        ensure_ascii=False,
    )


def numbers_text(numbers: list[int]) -> str:
    """Numbers from 0 to 2**32 - 1 as ``to_json`` writes them."""
    import numpy as np

    return base64.b64encode(np.array(numbers, dtype=NUMBERS_TYPE).tobytes()).decode("ascii")


def from_json(text: str, kept: str) -> TextFeatures | None:
    """The features of ``text`` kept as ``kept``; None when they do not read as features
    of a text that long (damaged, hostile or from another release)."""
    try:
        return _read(text, json.loads(kept))
    except (ValueError, TypeError, KeyError, IndexError, RecursionError, ReaderError):
        return None


def _read(text: str, row: object) -> TextFeatures:
    if type(row) is not dict:
        raise ReaderError("not features")
    length = len(text)
    vocabulary = _text(row["vocabulary"]).split(" ")
    if "" in vocabulary:
        raise ReaderError("not a word")
    word_ids = _ints(row["word_ids"], len(vocabulary) - 1)
    counts = _ints(row["counts"], length)
    offsets = _ints(row["offsets"], len(word_ids))
    starts, ends = _ints(row["sentence_start"], length), _ints(row["sentence_end"], length)
    indices = _ints(row["sentence_index"], length)
    if not len(indices) == len(starts) == len(ends) or not all(map(operator.le, starts, ends)):
        raise ReaderError("not sentences")
    texts = map(text.__getitem__, map(slice, starts, ends))
    sentences = list(map(Sentence, indices, starts, ends, texts))
    if (
        len(counts) != len(word_ids)
        or 0 in counts
        or len(offsets) != len(sentences) + 1
        or offsets[0] != 0
        or offsets[-1] != len(word_ids)
        or offsets != sorted(offsets)
    ):
        raise ReaderError("the words do not fit the sentences")
    found_figures = []
    for found, begin, end in (_range(item, length, 4) for item in _list(row["figures"])):
        value, percent = found[0], found[1]
        if type(value) not in (int, float) or type(percent) is not bool:
            raise ReaderError("not a figure")
        found_figures.append(
            Figure(text[begin:end], float(cast(float, value)), percent, begin, end)
        )
    found_sources = []
    for found, begin, end in (_range(item, length, 3) for item in _list(row["sources"])):
        name = found[0]
        if type(name) is not str or not name:
            raise ReaderError("not a name")
        found_sources.append(Source(name, begin, end))
    return TextFeatures(
        _int(row["start"], length),
        _int(row["sentence_count"], length),
        sentences,
        WordCounts(vocabulary, word_ids, counts, offsets),
        found_figures,
        found_sources,
    )


def _list(value: object) -> list[object]:
    if type(value) is not list:
        raise ReaderError("not a list")
    return cast(list[object], value)


def _int(value: object, most: int) -> int:
    if type(value) is not int or not 0 <= value <= most:
        raise ReaderError("not a number in range")
    return value


def _text(value: object) -> str:
    if type(value) is not str:
        raise ReaderError("not a text")
    return value


def _ints(value: object, most: int) -> list[int]:
    """The numbers ``numbers_text`` wrote, each from 0 to ``most``."""
    import numpy as np

    try:
        written = base64.b64decode(_text(value), validate=True)
    except binascii.Error as error:
        raise ReaderError("not numbers") from error
    if len(written) % np.dtype(NUMBERS_TYPE).itemsize:
        raise ReaderError("not numbers")
    numbers = np.frombuffer(written, dtype=NUMBERS_TYPE)
    if len(numbers) and int(numbers.max()) > most:
        raise ReaderError("a number out of range")
    return cast(list[int], numbers.tolist())


def _range(item: object, length: int, size: int) -> tuple[list[object], int, int]:
    """An item of ``size`` values ending with a range of the text: it, and the range."""
    found = _list(item)
    if len(found) != size:
        raise ReaderError("not an item")
    begin, end = _int(found[-2], length), _int(found[-1], length)
    if begin > end:
        raise ReaderError("an empty range")
    return found, begin, end
