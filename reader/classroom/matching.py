"""The one rule that says when a student's flag matches a flag of the key.

The units are the article's words and sentences (pysbd, as the detectors split
them).  A flag covers the words it touches, even in part.  Two flags *share
words* when the words they both cover are at least half of the words of the
shorter flag.  So flagging the loaded words of a key sentence counts ("a
shameful waste" inside the teacher's whole sentence), while flagging the other
half of the sentence, or a selection that spills one word into it, does not.

A student's flag *matches* a key flag when they share words and have the same
kind; with different kinds the key flag is "found, other kind".  A flag that
covers words in more than ``MAX_SENTENCES`` sentences (a whole paragraph, say)
counts for one key flag only: the one it shares most words with, a same-kind
one first.  Otherwise flagging everything would find everything.

Changing the rule changes figures kept in libraries: raise ``figures.FORMAT`` with it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property, lru_cache

from reader.core.models import Annotation

MAX_SENTENCES = 2


class KeyOutcome(StrEnum):
    """What became of one key flag in one student's work."""

    FOUND = "found"
    OTHER_KIND = "other_kind"
    MISSED = "missed"


class FlagOutcome(StrEnum):
    """What one of a student's flags is, measured against the key."""

    MATCHES = "matches"
    OTHER_KIND = "other_kind"
    EXTRA = "extra"


@dataclass(frozen=True)
class Footprint:
    """The words a flag covers (indices in the article) and the sentences they lie in."""

    words: frozenset[int]
    sentences: frozenset[int]


class SentenceUnits:
    """An article's sentences and words, with code-point offsets into its canonical text."""

    def __init__(self, text: str) -> None:
        from reader.anchoring.tokens import block_sentences, tokenize  # pysbd: when needed

        self.text = text
        self.sentences: list[tuple[int, int]] = [
            span for block in block_sentences(text) for span in block
        ]
        sentence_starts = [start for start, _ in self.sentences]
        tokens = tokenize(text)
        self._word_starts = [token.start for token in tokens]
        self._word_ends = [token.end for token in tokens]
        self._word_sentence = [
            max(0, bisect_right(sentence_starts, token.start) - 1) for token in tokens
        ]
        self._footprints: dict[tuple[int, int], Footprint] = {}  # a class flags alike

    def footprint(self, start: int, end: int) -> Footprint:
        """The words that ``text[start:end]`` touches, and their sentences."""
        found = self._footprints.get((start, end))
        if found is None:
            first = bisect_right(self._word_ends, start)  # the first word ending after start
            last = bisect_left(self._word_starts, end)  # words starting before end: [first, last)
            words = range(first, last)
            found = Footprint(
                frozenset(words), frozenset(self._word_sentence[word] for word in words)
            )
            self._footprints[(start, end)] = found
        return found


@lru_cache(maxsize=8)
def sentence_units(text: str) -> SentenceUnits:
    """The units of ``text``, kept for the texts compared last: finding sentences is the
    slowest step of a comparison, and a class view recomputes its figures after each
    change of the key."""
    return SentenceUnits(text)


def shared_words(a: Footprint, b: Footprint) -> int:
    """How many words two flags share under the rule; 0 when they do not share words."""
    common = len(a.words & b.words)
    return common if common and 2 * common >= min(len(a.words), len(b.words)) else 0


@dataclass(frozen=True)
class Matching:
    """One student's flags against the key: which key flags each of their flags counts for."""

    links: dict[str, tuple[str, ...]]  # student flag uuid -> key flag uuids, best first
    key_outcomes: dict[str, KeyOutcome]  # key flag uuid ->
    flag_outcomes: dict[str, FlagOutcome]  # student flag uuid ->

    def flags_for(self, key_uuid: str) -> list[str]:
        """The student's flags that count for this key flag."""
        return self.counted.get(key_uuid, [])

    @cached_property
    def counted(self) -> dict[str, list[str]]:
        """Key flag uuid -> the student's flags that count for it, in the student's order."""
        found: dict[str, list[str]] = {}
        for uuid, keys in self.links.items():
            for key_uuid in keys:
                found.setdefault(key_uuid, []).append(uuid)
        return found


def key_by_sentence(key: Sequence[tuple[Annotation, Footprint]]) -> dict[int, list[int]]:
    """Each sentence the key covers -> the key flags in it (their index in ``key``): a flag
    shares words only with key flags in its sentences."""
    by_sentence: dict[int, list[int]] = {}
    for index, (_, key_print) in enumerate(key):
        for sentence in key_print.sentences:
            by_sentence.setdefault(sentence, []).append(index)
    return by_sentence


def match(
    key: Sequence[tuple[Annotation, Footprint]],
    flags: Sequence[tuple[Annotation, Footprint]],
    by_sentence: dict[int, list[int]] | None = None,
) -> Matching:
    """Apply the rule to a student's flags and the key, each with its footprint
    (``by_sentence``: the key's :func:`key_by_sentence`, made once for a class)."""
    links: dict[str, tuple[str, ...]] = {}
    key_outcomes = {key_flag.uuid: KeyOutcome.MISSED for key_flag, _ in key}
    flag_outcomes: dict[str, FlagOutcome] = {}
    if by_sentence is None:
        by_sentence = key_by_sentence(key)
    for flag, print_ in flags:
        candidates: list[tuple[bool, int, int, str]] = []
        near = {index for sentence in print_.sentences for index in by_sentence.get(sentence, ())}
        for key_flag, key_print in (key[index] for index in near):
            shared = shared_words(print_, key_print)
            if shared:
                same = key_flag.kind is flag.kind
                candidates.append((same, shared, -key_flag.anchor.start, key_flag.uuid))
        candidates.sort(reverse=True)
        if len(print_.sentences) > MAX_SENTENCES:
            candidates = candidates[:1]
        links[flag.uuid] = tuple(uuid for *_, uuid in candidates)

        if any(same for same, *_ in candidates):
            flag_outcomes[flag.uuid] = FlagOutcome.MATCHES
        elif candidates:
            flag_outcomes[flag.uuid] = FlagOutcome.OTHER_KIND
        else:
            flag_outcomes[flag.uuid] = FlagOutcome.EXTRA
        for same, *_, uuid in candidates:
            if same:
                key_outcomes[uuid] = KeyOutcome.FOUND
            elif key_outcomes[uuid] is KeyOutcome.MISSED:
                key_outcomes[uuid] = KeyOutcome.OTHER_KIND
    return Matching(links, key_outcomes, flag_outcomes)
