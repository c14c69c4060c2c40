"""Who a sentence says its words come from: quotations, named sources and vague ones."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.detectors.resources import Lexicon, cues
from reader.detectors.text import Token

_OPENING = "“«„"
_CLOSING = "”»"
_CITATION = re.compile(
    r"\[[^\]]{0,200}\b(?:1[89]|20)\d\d\b[^\]]{0,200}\]"
    r"|\((?:source|sources|via|see)\s*:[^)]{1,200}\)"
    r"|\([A-Z][A-Za-z&.\- ]{1,60},? (?:1[89]|20)\d\d\)"
    r"|https?://\S+|www\.\S+",
    re.IGNORECASE,
)
_PASSIVE_AUXILIARIES = frozenset({"is", "are", "was", "were", "be", "been", "being", "'s"})
_PERFECT_AUXILIARIES = frozenset({"has", "have", "had"})
_SKIPPED_ADVERBS = frozenset(
    {"also", "widely", "often", "long", "later", "then", "previously", "recently", "repeatedly"}
    | {"generally", "largely", "frequently", "once", "already", "publicly", "now", "and", "who"}
    | {"has", "have", "had", "is", "was", "reportedly"}
)
_NAME_CONNECTORS = frozenset({"of", "de", "del", "la", "al", "bin", "van", "von", "der", "the"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their"})
_PERSONAL_PRONOUNS = frozenset({"he", "she", "it"})
_REACTION_VERBS = frozenset(
    {"drawn", "drew", "draws", "draw", "faced", "face", "faces", "facing", "met", "garnered"}
    | {"garner", "attracted", "attract", "received", "receive", "sparked", "spark", "won"}
)
# reporting verbs that are also common nouns or other verbs: only count them with a subject
_SUBJECT_BOUND = frozenset({"per", "found", "finds", "shows", "showed", "states", "reports"})


@dataclass(frozen=True)
class Attribution:
    """Offsets are relative to the sentence."""

    text: str
    start: int
    end: int
    vague: bool


@dataclass(frozen=True)
class Quotes:
    spans: tuple[tuple[int, int], ...]
    opens_before: bool  # the sentence closes a quotation opened in an earlier sentence
    runs_on: bool  # the sentence opens a quotation that it does not close

    def covers(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.spans)


def find_quotes(sentence: str) -> Quotes:
    spans: list[tuple[int, int]] = []
    double_open: int | None = None
    single_open: int | None = None
    opens_before = False
    for i, char in enumerate(sentence):
        previous = sentence[i - 1] if i else " "
        following = sentence[i + 1] if i + 1 < len(sentence) else " "
        if char in _OPENING or (char == '"' and double_open is None):
            if double_open is None:
                double_open = i
        elif char in _CLOSING or char == '"':
            if double_open is not None:
                spans.append((double_open, i + 1))
                double_open = None
            elif not spans:
                spans.append((0, i + 1))
                opens_before = True
        elif char == "‘" or (char == "'" and not previous.isalnum() and following.isalpha()):
            if single_open is None and double_open is None:
                single_open = i
        elif char in "’'" and single_open is not None and not following.isalnum():
            spans.append((single_open, i + 1))
            single_open = None
    runs_on = double_open is not None
    if double_open is not None:
        spans.append((double_open, len(sentence)))
    return Quotes(tuple(sorted(spans)), opens_before, runs_on)


def _in_lexicon(lexicon: Lexicon, category: str, word: str) -> bool:
    return (word,) in lexicon.categories[category]


def _name_before(tokens: list[Token], index: int, quotes: Quotes) -> int | None:
    """Index of the first token of a capitalised name ending just before ``index``."""
    first: int | None = None
    i = index - 1
    while i >= 0 and not quotes.covers(tokens[i].start, tokens[i].end):
        token = tokens[i]
        if token.is_capitalised and token.norm not in _DETERMINERS:
            first = i
        elif not (first is not None and token.norm in _NAME_CONNECTORS):
            break
        i -= 1
    return first


def _subject_before(
    sentence: str, tokens: list[Token], verb: int, quotes: Quotes
) -> tuple[int, bool] | None:
    """Start token of the verb's subject and whether the subject is vague."""
    lexicon = cues().attribution
    i = verb - 1
    while i >= 0 and tokens[i].norm in _SKIPPED_ADVERBS:
        i -= 1
    if i < 0 or quotes.covers(tokens[i].start, tokens[i].end):
        return None
    word = tokens[i].norm
    if _in_lexicon(lexicon, "vague_sources", word):
        j = i
        while j > 0 and tokens[j - 1].norm in ("some", "many", "most", "human", "rights", "other"):
            j -= 1
        return j, True
    name = _name_before(tokens, i + 1, quotes)
    if name is not None:
        if name > 0 and tokens[name - 1].norm == "the":
            name -= 1
        return name, False
    if word in _PERSONAL_PRONOUNS:
        return i, False
    if i > 0 and tokens[i - 1].norm in ("the", "a", "an") and word.isalpha():
        return i - 1, False
    return None


def _name_after(tokens: list[Token], index: int) -> int | None:
    """Index of the last token of a named source starting at ``index``."""
    i = index
    if i < len(tokens) and tokens[i].norm in ("the", "a", "an"):
        i += 1
    last: int | None = None
    while i < len(tokens) and i < index + 8:
        token = tokens[i]
        if token.is_capitalised:
            last = i
        elif not (last is not None and token.norm in _NAME_CONNECTORS):
            break
        i += 1
    if last is None and index + 1 < len(tokens) and tokens[index].norm == "the":
        return index + 1  # "said the minister"
    return last


def _clip(sentence: str, start: int, end: int) -> str:
    return " ".join(sentence[start:end].split())


def find_attributions(sentence: str, tokens: list[Token], quotes: Quotes) -> list[Attribution]:
    lexicon = cues().attribution
    found: list[Attribution] = []

    def add(first: int, last: int, vague: bool) -> None:
        start, end = tokens[first].start, tokens[last].end
        found.append(Attribution(_clip(sentence, start, end), start, end, vague))

    outside = [not quotes.covers(t.start, t.end) for t in tokens]
    i = 0
    while i < len(tokens):
        token = tokens[i]
        word = token.norm
        if not outside[i]:
            i += 1
            continue
        if word == "according" and i + 1 < len(tokens) and tokens[i + 1].norm == "to":
            j = i + 2
            if j < len(tokens):
                vague = tokens[j].norm in ("some", "many", "several") or _in_lexicon(
                    lexicon, "vague_sources", tokens[j].norm
                )
                last = _name_after(tokens, j)
                add(i, last if last is not None else j, vague and last is None)
            i += 2
            continue
        reporting = _in_lexicon(lexicon, "reporting_verbs", word) and token.text.islower()
        previous = tokens[i - 1].norm if i else ""
        passive = previous in _PASSIVE_AUXILIARIES or (
            previous in _SKIPPED_ADVERBS and i > 1 and tokens[i - 2].norm in _PASSIVE_AUXILIARIES
        )
        if _in_lexicon(lexicon, "vague_passive_verbs", word) and passive:
            first = i - 1
            while (
                first > 0 and tokens[first - 1].norm in _PERFECT_AUXILIARIES | _PASSIVE_AUXILIARIES
            ):
                first -= 1
            last = i
            if i + 1 < len(tokens) and tokens[i + 1].norm in ("by", "from"):
                named_end = _name_after(tokens, i + 2)
                if named_end is not None:
                    add(first, named_end, False)
                    i = named_end + 1
                    continue
            if i + 1 < len(tokens) and tokens[i + 1].norm in ("as", "to"):
                last = i + 1
            add(first, last, True)
            i = last + 1
            continue
        if reporting:
            subject = _subject_before(sentence, tokens, i, quotes)
            if subject is not None:
                add(subject[0], i, subject[1])
            elif word not in _SUBJECT_BOUND and i + 1 < len(tokens):
                named_end = _name_after(tokens, i + 1)
                if named_end is not None and outside[i + 1]:
                    add(i, named_end, False)
            i += 1
            continue
        if _in_lexicon(lexicon, "vague_reaction_nouns", word) and any(
            t.norm in _REACTION_VERBS for t in tokens[max(0, i - 3) : i]
        ):
            first = next(k for k in range(max(0, i - 3), i) if tokens[k].norm in _REACTION_VERBS)
            if i + 1 < len(tokens) and tokens[i + 1].norm == "from":
                named_end = _name_after(tokens, i + 2)
                if named_end is not None:
                    add(first, named_end, False)
                    i = named_end + 1
                    continue
            add(first, i, True)
            i += 1
            continue
        i += 1
    for first, last in _vague_phrases(tokens, outside):
        if not any(a.start <= tokens[first].start < a.end for a in found):
            add(first, last, True)
    for match in _CITATION.finditer(sentence):
        text = _clip(sentence, match.start(), match.end())
        found.append(Attribution(text[:80], match.start(), match.end(), False))
    return sorted(found, key=lambda a: a.start)


def _vague_phrases(tokens: list[Token], outside: list[bool]) -> list[tuple[int, int]]:
    index = cues().attribution.index
    hits: list[tuple[int, int]] = []
    for i, token in enumerate(tokens):
        if not outside[i]:
            continue
        for phrase, category in index.get(token.norm, ()):
            if category != "vague_adverbs":
                continue
            words = tuple(t.norm for t in tokens[i : i + len(phrase)])
            if words == phrase:
                hits.append((i, i + len(phrase) - 1))
                break
    return hits
