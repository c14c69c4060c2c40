"""Cue words found in a sentence: where each is and the words behind its weight."""

from __future__ import annotations

from dataclasses import dataclass

from reader.anchoring.tokens import Token
from reader.detectors.resources import Lexicon

STRONG_CUES = frozenset(
    {"loaded", "sweeping", "judgement", "exclamation", "scare_quotes", "second_person"}
)


@dataclass(frozen=True)
class CueHit:
    """A cue in a sentence; offsets relative to the sentence."""

    category: str
    start: int
    end: int
    words: tuple[str, ...]  # normalised words, for looking up their weights


def match_cues(lexicon: Lexicon, tokens: list[Token], skip: list[bool]) -> list[CueHit]:
    hits: list[CueHit] = []
    i = 0
    while i < len(tokens):
        if skip[i]:
            i += 1
            continue
        width = 1
        for phrase, category in lexicon.index.get(tokens[i].norm, ()):
            end = i + len(phrase)
            if end <= len(tokens) and all(
                tokens[i + k].norm == phrase[k] and not skip[i + k] for k in range(len(phrase))
            ):
                hits.append(CueHit(category, tokens[i].start, tokens[end - 1].end, phrase))
                width = max(width, len(phrase))
        norm = tokens[i].norm
        if "'" in norm:  # "we'll" is also a prediction, "don't" a plain negation
            suffix = norm[norm.index("'") :]
            for phrase, category in lexicon.index.get(suffix, ()):
                if len(phrase) == 1:
                    hits.append(CueHit(category, tokens[i].start, tokens[i].end, (norm,)))
        i += width
    return hits


def strong_categories(hits: list[CueHit]) -> frozenset[str]:
    return frozenset(
        hit.category
        for hit in hits
        if hit.category in STRONG_CUES or (hit.category == "prediction" and not hit.words)
    )
