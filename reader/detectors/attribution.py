"""Who a sentence says its words come from: quotations, named sources and vague ones.

One idea at about 400 lines: every rule here walks the same tokens and quotation spans
to find a speaker beside a reporting verb, and splitting the rules would split that walk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.anchoring.tokens import Token
from reader.detectors.resources import Lexicon, cues

_OPENING = "“«„"
_CLOSING = "”»"
_CITATION = re.compile(
    r"\[[^\]]{0,200}\b(?:1[89]|20)\d\d\b[^\]]{0,200}\]"
    r"|\((?:source|sources|via|see)\s*:[^)]{1,200}\)"
    r"|\([A-Z][A-Za-z&.\- ]{1,60},? (?:1[89]|20)\d\d(?:, pp?\. ?\d+(?:[-–]\d+)?)?\)"
    # an organisation named in brackets at the end: "(National Association of Realtors)."
    r"|\((?:the )?[A-Z][\w&.'-]*(?: (?:of|for|and|on|the|&|[A-Z][\w&.'-]*))+\)(?=[.!?]?\s*$)"
    r"|https?://\S+|www\.\S+"
    r"|\[\^?\d{1,3}\]"  # a footnote mark: "[3]", "[^1]"
    r"|(?:(?<=[.,;:!?”\"')])|^)[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}",  # or a raised one after a stop, not "m²"
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
_SUBJECT_BOUND = frozenset(
    {"per", "found", "finds", "show", "shows", "showed", "states", "reports", "lists", "listed"}
    | {"indicate", "indicates", "indicated", "list", "agree", "agrees"}
)
_CLAUSE_MARKS = ",;:()—–"
_NP_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our"}
)
_VAGUE_QUANTIFIERS = frozenset({"some", "many", "several", "most", "various", "numerous", "few"})
_LINK_PREPOSITIONS = frozenset({"of", "for", "from", "by", "at", "with", "in", "on", "to"})
# words that end a subject phrase when walking back from its verb
_NOT_IN_SUBJECT = frozenset(
    {"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can"}
    | {"could", "should", "may", "might", "must", "do", "does", "did", "not", "that", "which"}
    | {"who", "and", "or", "but", "to", "in", "on", "it", "he", "she", "they", "we", "i", "you"}
    | {"if", "because", "when", "while", "as", "than", "so", "then", "there", "what"}
)
_MODIFIER_REACH = 4  # words between a determiner and the head noun: "the state library association"
_LINK_REACH = 3
_BARE_SUBJECT_WORDS = 3
_ASIDE_REACH = 20  # words in an aside between a subject and its verb
_SOURCE_PHRASE_REACH = 8
_ROLE_REACH = 3  # words of a role before a speaker's name: "said running back Rashard Mendenhall"
_LISTED_PHRASES = frozenset({"vague_adverbs", "own_inquiry"})
# what a court or an inquest "heard" is the evidence given there: "…, the inquest heard today"
_HEARINGS = frozenset(
    {"court", "inquest", "inquests", "jury", "tribunal", "hearing", "trial", "inquiry"}
    | {"committee", "panel", "magistrates", "judge", "coroner"}
)
_HEARING_REACH = 5  # words from the hearing to "heard": "the inquest into her death heard"
_PERCEIVED = frozenset({"seen", "viewed", "watched"})
_INTRODUCING_VERBS = frozenset({"read", "reads"})  # "The sign read:" introduces a quotation
# verbs that with "it" speak a quotation: "as the mayor put it:", "she summed it up: “…”"
_SAYING_WITH_IT = frozenset({"put", "puts", "sum", "sums", "summed"})


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


def _name_before(sentence: str, tokens: list[Token], index: int, quotes: Quotes) -> int | None:
    """Index of the first token of a capitalised name ending just before ``index``, within
    its clause ("…Commission, Orbit Labs said": "Orbit Labs")."""
    first: int | None = None
    i = index - 1
    while i >= 0 and not quotes.covers(tokens[i].start, tokens[i].end):
        token = tokens[i]
        if i + 1 < index and _breaks(_gap(sentence, tokens, i, i + 1)):
            break
        if token.is_capitalised and token.norm not in _DETERMINERS:
            first = i
        elif not (first is not None and token.norm in _NAME_CONNECTORS):
            break
        i -= 1
    return first


def _gap(sentence: str, tokens: list[Token], left: int, right: int) -> str:
    return sentence[tokens[left].end : tokens[right].start]


def _breaks(gap: str) -> bool:
    return any(mark in gap for mark in _CLAUSE_MARKS)


def _noun_phrase_start(
    sentence: str, tokens: list[Token], head: int, quotes: Quotes
) -> tuple[int, bool] | None:
    """Where the noun phrase ending at ``head`` starts ("the mayor's office") and whether it
    is vague ("some patrons"); None when no determiner, possessive or name marks it."""
    marked = tokens[head].norm.endswith("'s")
    k = head
    for _ in range(_MODIFIER_REACH):
        if k == 0 or _breaks(_gap(sentence, tokens, k - 1, k)):
            break
        previous = tokens[k - 1]
        if quotes.covers(previous.start, previous.end):
            break
        if previous.norm in _NP_DETERMINERS:
            return k - 1, False
        if previous.norm in _VAGUE_QUANTIFIERS:
            return k - 1, True
        if previous.norm in _NOT_IN_SUBJECT or not _wordlike(previous):
            break
        # a capital that only starts the sentence ("Nine out of ten teachers") names nobody
        named = previous.is_capitalised and k - 1 > 0
        marked = marked or previous.norm.endswith("'s") or named
        k -= 1
    return (k, False) if marked and k < head else None


def _wordlike(token: Token) -> bool:
    """A word, a possessive, a hyphenated compound or a number: what a noun phrase holds."""
    return token.is_number or token.norm.replace("-", "").replace("'", "").isalpha()


def _extend_left(sentence: str, tokens: list[Token], first: int, quotes: Quotes) -> int:
    """Take in what the subject hangs from: "figures from [the agency]", "records obtained
    by [the Ledger]", "a spokesperson for [the district]"."""
    for _ in range(_LINK_REACH):
        link = first - 1
        if link < 1 or tokens[link].norm not in _LINK_PREPOSITIONS:
            break
        k = link
        while k > 0 and link - k < _MODIFIER_REACH:
            previous = tokens[k - 1]
            if _breaks(_gap(sentence, tokens, k - 1, k)) or quotes.covers(
                previous.start, previous.end
            ):
                break
            if previous.norm in _NOT_IN_SUBJECT or previous.norm in _LINK_PREPOSITIONS:
                break
            if not _wordlike(previous):
                break
            k -= 1
            if previous.norm in _NP_DETERMINERS or previous.norm in _VAGUE_QUANTIFIERS:
                break
        if k == link:
            break
        first = k
    return first


def _subject_before(
    sentence: str, tokens: list[Token], verb: int, quotes: Quotes, *, aside: bool = False
) -> tuple[int, bool] | None:
    """Start token of the verb's subject and whether the subject is vague; ``aside`` when
    ``verb`` is really the first word of an aside that sits between them."""
    lexicon = cues().attribution
    i = verb - 1
    while i >= 0 and tokens[i].norm in _SKIPPED_ADVERBS:
        i -= 1
    if i < 0 or quotes.covers(tokens[i].start, tokens[i].end):
        return None
    if _breaks(_gap(sentence, tokens, i, verb)) and not aside:
        return None  # "…, said Harmon" or an aside: the caller looks after the verb or past it
    word = tokens[i].norm
    if word == "they" and _antecedent_before(tokens, i, quotes):
        return i, False  # "After the Americans left, they urged…": they are named
    if _in_lexicon(lexicon, "vague_sources", word):
        j = i
        while j > 0 and tokens[j - 1].norm in ("some", "many", "most", "human", "rights", "other"):
            j -= 1
        return j, True
    name = _name_before(sentence, tokens, i + 1, quotes)
    if name is not None:
        if name > 0 and tokens[name - 1].norm == "the":
            name -= 1
        return _extend_left(sentence, tokens, name, quotes), False
    if word in _PERSONAL_PRONOUNS:
        return i, False
    if _wordlike(tokens[i]):
        phrase = _noun_phrase_start(sentence, tokens, i, quotes)
        if phrase is not None:
            first, vague = phrase
            first = _extend_left(sentence, tokens, first, quotes)
            return first, vague or tokens[first].norm in _VAGUE_QUANTIFIERS
    return None


def _antecedent_before(tokens: list[Token], index: int, quotes: Quotes) -> bool:
    """Whom "they" at ``index`` stands for is named earlier in the sentence: a name (a
    capitalised word that does not only open the sentence) or a plural after a determiner
    ("the inspectors")."""
    for k in range(index):
        token = tokens[k]
        if quotes.covers(token.start, token.end):
            continue
        if token.is_capitalised and k > 0 and token.norm != "i":
            return True
        if k and tokens[k - 1].norm in _NP_DETERMINERS and token.norm.endswith("s"):
            return True
    return False


def _subject_past_aside(
    sentence: str, tokens: list[Token], verb: int, quotes: Quotes
) -> tuple[int, int, bool] | None:
    """Subject separated from its verb by an aside between commas: "Harmon, the depot's
    manager, said", "The memo, dated May 2, estimates".  Returns (first, last, vague)."""
    k = verb - 1
    while k > 0 and verb - k <= _ASIDE_REACH:
        if quotes.covers(tokens[k].start, tokens[k].end):
            return None
        gap = _gap(sentence, tokens, k - 1, k)
        if any(mark in gap for mark in ";:()"):
            return None
        if "," in gap:
            if "," not in _gap(sentence, tokens, verb - 1, verb):
                # no aside closes before the verb: the words after the comma are its
                # subject, "…, customs data showed", "…, police said", or none are
                return _bare_subject(tokens, k, verb)
            subject = _subject_before(sentence, tokens, k, quotes, aside=True)
            if subject is None:
                return None
            return subject[0], k - 1, subject[1]
        k -= 1
    return None


def _bare_subject(tokens: list[Token], first: int, verb: int) -> tuple[int, int, bool] | None:
    """A subject of a few plain words without a determiner, ``first`` up to the verb:
    "customs data", "police" (not "and environmental stress", a list's last item)."""
    words = [t for t in tokens[first + 1 : verb] if t.norm not in _SKIPPED_ADVERBS]
    words.insert(0, tokens[first])
    if not len(words) <= _BARE_SUBJECT_WORDS or not all(
        _wordlike(t) and t.norm not in _NOT_IN_SUBJECT for t in words
    ):
        return None
    vague = any(_in_lexicon(cues().attribution, "vague_sources", t.norm) for t in words)
    return first, verb - 1, vague


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


def _name_after_role(tokens: list[Token], index: int) -> int | None:
    """Index of the last token of a speaker named after their role in lower case, as an
    inverted source after a quotation gives them: "…," said running back Rashard Mendenhall."""
    first = index
    while (
        first < len(tokens)
        and first - index < _ROLE_REACH
        and tokens[first].text.isalpha()
        and tokens[first].text.islower()
        and tokens[first].norm not in _NOT_IN_SUBJECT | _NP_DETERMINERS | _LINK_PREPOSITIONS
    ):
        first += 1
    if first == index or first >= len(tokens) or not tokens[first].is_capitalised:
        return None
    return _name_after(tokens, first)


def _names_next(tokens: list[Token], index: int) -> bool:
    """A name starts at ``index`` ("the Census Bureau", "Reuters"), not a unit ("per cent")."""
    if index < len(tokens) and tokens[index].norm == "the":
        index += 1
    return index < len(tokens) and tokens[index].is_capitalised


def _phrase_end(sentence: str, tokens: list[Token], first: int) -> int:
    """Last token of the source named after "according to": up to the clause's end."""
    last = first
    while (
        last + 1 < len(tokens)
        and last + 1 - first < _SOURCE_PHRASE_REACH
        and not _breaks(_gap(sentence, tokens, last, last + 1))
        and tokens[last + 1].norm not in _NOT_IN_SUBJECT
    ):
        last += 1
    while last > first and (
        tokens[last].norm in _LINK_PREPOSITIONS or tokens[last].norm in _NP_DETERMINERS
    ):
        last -= 1
    return last


def _ends_clause(sentence: str, tokens: list[Token], last: int) -> bool:
    """An inverted source ("said the minister", "said Harmon") closes its clause."""
    if tokens[last].is_capitalised:
        return True
    return last + 1 == len(tokens) or _breaks(_gap(sentence, tokens, last, last + 1))


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
                add(i, _phrase_end(sentence, tokens, j), vague)
            i += 2
            continue
        if word == "per" and _names_next(tokens, i + 1):
            add(i, _phrase_end(sentence, tokens, i + 1), False)  # "per the Census Bureau"
            i += 1
            continue
        reporting = (
            _in_lexicon(lexicon, "reporting_verbs", word)
            or (word in _INTRODUCING_VERBS and sentence[token.end : token.end + 1] == ":")
            or (_saying_with_it(tokens, i, quotes) and outside[i + 1])
        ) and token.text.islower()
        previous = tokens[i - 1].norm if i else ""
        passive = previous in _PASSIVE_AUXILIARIES | {"as"} or (  # "as reported by"
            previous in _SKIPPED_ADVERBS and i > 1 and tokens[i - 2].norm in _PASSIVE_AUXILIARIES
        )
        if _in_lexicon(lexicon, "vague_passive_verbs", word) and passive and not _seen(tokens, i):
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
        hearing = _hearing_before(sentence, tokens, i)
        if hearing is not None and outside[hearing]:
            add(
                hearing - 1 if hearing and tokens[hearing - 1].norm in _DETERMINERS else hearing,
                i,
                False,
            )
            i += 1
            continue
        if reporting:
            subject = _subject_before(sentence, tokens, i, quotes)
            named_end = None
            if subject is None and word not in _SUBJECT_BOUND and i + 1 < len(tokens):
                named_end = _name_after(tokens, i + 1) if outside[i + 1] else None
                if named_end is None and i and not outside[i - 1] and outside[i + 1]:
                    named_end = _name_after_role(tokens, i + 1)  # right after a quotation
                if named_end is not None and not _ends_clause(sentence, tokens, named_end):
                    named_end = None  # "…, said the depot handled": not "said the minister"
            aside = None
            if subject is None and named_end is None:
                aside = _subject_past_aside(sentence, tokens, i, quotes)
            if subject is not None:
                add(subject[0], i, subject[1])
            elif named_end is not None:
                add(i, named_end, False)
            elif aside is not None:
                first, last, vague = aside
                shown = f"{_clip(sentence, tokens[first].start, tokens[last].end)} {token.text}"
                found.append(Attribution(shown, tokens[first].start, token.end, vague))
            i += 1
            continue
        if _in_lexicon(lexicon, "survey_verbs", word) and i + 1 < len(tokens):
            named_end = _name_after(tokens, i + 2) if tokens[i + 1].norm == "by" else None
            if named_end is not None:  # "analysts polled by Reuters"
                add(i - 1 if i else i, named_end, False)
                i = named_end + 1
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
    for first, last, category in _listed_phrases(tokens, outside):
        if not any(a.start <= tokens[first].start < a.end for a in found):
            add(first, last, category == "vague_adverbs")
    for match in _CITATION.finditer(sentence):
        text = _clip(sentence, match.start(), match.end())
        found.append(Attribution(text[:80], match.start(), match.end(), False))
    return sorted(found, key=lambda a: a.start)


def _seen(tokens: list[Token], index: int) -> bool:
    """ "seen" or "viewed" as the eyes see: "the ring can be seen on her hand"; not "is seen
    as the favourite" or "was seen to be", which say what people think."""
    following = tokens[index + 1].norm if index + 1 < len(tokens) else ""
    return tokens[index].norm in _PERCEIVED and following not in ("as", "to")


def _hearing_before(sentence: str, tokens: list[Token], index: int) -> int | None:
    """Where the court, inquest or jury is that "heard" at ``index`` names, in the same
    clause: "…, the inquest into her death heard today"."""
    if tokens[index].norm != "heard":
        return None
    k = index - 1
    while k >= 0 and index - k <= _HEARING_REACH:
        if tokens[k].norm in _HEARINGS:
            return k
        if _breaks(_gap(sentence, tokens, k, k + 1)):
            return None
        k -= 1
    return None


def _saying_with_it(tokens: list[Token], index: int, quotes: Quotes) -> bool:
    """ "put it" or "summed it up" in a sentence that quotes what was said."""
    following = tokens[index + 1].norm if index + 1 < len(tokens) else ""
    return tokens[index].norm in _SAYING_WITH_IT and following == "it" and bool(quotes.spans)


def _listed_phrases(tokens: list[Token], outside: list[bool]) -> list[tuple[int, int, str]]:
    """Vague hedges ("reportedly") and the reporter's own inquiries ("declined to comment")."""
    index = cues().attribution.index
    hits: list[tuple[int, int, str]] = []
    for i, token in enumerate(tokens):
        if not outside[i]:
            continue
        for phrase, category in index.get(token.norm, ()):
            if category not in _LISTED_PHRASES:
                continue
            words = tuple(t.norm for t in tokens[i : i + len(phrase)])
            if words == phrase:
                hits.append((i, i + len(phrase) - 1, category))
                break
    return hits
