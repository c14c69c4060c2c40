"""Figures and named sources that one article gives and the other does not.

A *figure* is a number written in digits with what it counts: "80,000 arrests",
"160kg", "US$2,799", "$5 billion", "12%" (the same as "12 percent"); a year is its
number alone.  A number with nothing to count ("on Jan. 21"), the year of a date
("August 2006"), times ("8 p.m.", "5pm"), ordinals ("21st"), ranges ("5–2",
"2025–26"), labels ("Q2") and a number before a name ("Mac OS X 10.5 Leopard") are
not figures.  Two figures are the same when their
values are, whatever the word after them, so "80,000 arrests" and "80,000
people arrested" are one figure; "2,000 residents" and "3,500 residents" are two.
Thousands may be set apart by commas or spaces ("80,000", "80 000").  Numbers in
words are read before "thousand", "million" or "billion" only ("eighty thousand"
is 80,000), not alone ("three shelters").

A *named source* is a capitalised name next to a verb of saying ("Human Rights
Watch said", "said Chris Butler", "according to the Met Office"; not the one told, in
"told CNN").  A source is
shared when the other article names it too, or, for a person, their surname
("Mr Eckhard" and "Fred Eckhard"); within one article a surname alone is the person
named in full ("Denholm" after "Mark Denholm").  Sources named only by a common noun ("police
said", "officials said"), or by a word the article also writes in lower case
("Earlier reports"), are not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NOT_UNITS = frozenset(
    {
        "a", "an", "and", "are", "as", "at", "but", "by", "for", "from", "had", "has", "have",
        "in", "into", "is", "it", "of", "on", "or", "that", "the", "to", "was", "were", "when",
        "which", "while", "who", "with",
    }
)  # fmt: skip
_ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES = {
    **{word: 1 + i for i, word in enumerate(_ONES)},
    **{word: 10 + i for i, word in enumerate(_TEENS)},
    **{word: 20 + 10 * i for i, word in enumerate(_TENS)},
}
_WORDS_NUMBER = (  # "eighty", "twenty-five", "three hundred"; read before a scale only
    rf"(?i:(?:(?:{'|'.join(_TENS)})(?:-(?:{'|'.join(_ONES)}))?|{'|'.join(_TEENS + _ONES)})"
    r"(?:\s+hundred)?)"
)
_FIGURE = re.compile(
    r"(?<![\w.,:–-])(?P<currency>(?:US|A|C|NZ|HK)?[$€£])?"
    # thousands apart by commas or spaces ("80,000", "80 000"), or a plain number
    r"(?:(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3}(?!\d))+"
    r"|\d+(?:\.\d+)?)(?![\w,.:–-]?\d)"
    rf"|(?P<words>{_WORDS_NUMBER})(?=\s+(?:thousand|million|billion|trillion)\b))(?P<percent>%)?"
    r"(?:\s+(?P<scale>thousand|million|billion|trillion)\b)?"
    # the unit after a space or a hyphen ("80,000 arrests", "3-foot") or against the
    # number ("160kg", "32GB"); not after a spaced dash ("0.16 - twice")
    r"(?:(?P<gap>\s+|-|)(?P<unit>[^\W\d_]{2,}(?:-[^\W\d_]+)*))?"
    r"(?P<time>\s*[ap]\.m\.)?"
)
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# before the year of a date ("August 2006", "Jan 18, 2008") or of a copyright line
_DATE_BEFORE = re.compile(rf"(?:\b{_MONTH}(?:\s+\d{{1,2}},?)?\s+|©\s*|\b[Cc]opyright\s+)$")
# letters written against a number that are no unit: "2nd", "21st", "5pm"
_NOT_GLUED_UNITS = frozenset({"st", "nd", "rd", "th", "am", "pm", "s"})
_SAID = (
    r"(?:said|says|say|stated|states|announced|announces|reported|reports|warned"
    r"|warns|added|adds|claimed|claims|confirmed|confirms|estimated|estimates|wrote|writes)"
)
_SAY = rf"(?:{_SAID}|told|tells)"  # the name after "told" is who was told ("told CNN")
_WORD = r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][\w'’&-]*)"  # "U.S." or a capitalised word
_NAME = rf"{_WORD}(?: +(?:(?:of|for|and|&|de|al|van|von) +)?{_WORD})*"  # within one line
_SOURCE = re.compile(
    rf"(?P<before>{_NAME})\s+{_SAY}\b"
    rf"|\b{_SAID}\s+(?P<after>{_NAME})"
    rf"|\b[Aa]ccording\s+to\s+(?:the\s+)?(?P<according>{_NAME})"
)
_FULL_NAME = re.compile(r"\b[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)+")  # "Mark Denholm"
_LEADING = re.compile(r"^(?:(?:The|A|An|But|And|Then|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?)\s+)+")
# capitalised words that name no one in particular: pronouns, common nouns that open a
# sentence, days and months ("said Friday")
_NOT_NAMES = frozenset(
    {
        "I", "He", "She", "It", "We", "They", "You", "This", "That", "These", "Those", "There",
        "Police", "Officials", "Officers", "Authorities", "Witnesses", "Residents", "Experts",
        "Analysts", "Critics", "Doctors", "Researchers", "Scientists", "Sources", "Reports",
        "Observers", "Today", "Yesterday", "Monday", "Tuesday", "Wednesday", "Thursday",
        "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Figure:
    text: str  # as the article writes it: "80,000 arrests"
    value: float
    percent: bool
    start: int
    end: int


@dataclass(frozen=True)
class Source:
    name: str  # "Human Rights Watch", without a leading "the" or title; in full
    start: int  # where the article cites it, perhaps by surname only ("Denholm said")
    end: int


@dataclass(frozen=True)
class OnlyIn:
    """What each article gives that the other does not, in the order it gives them."""

    figures_a: list[Figure]
    figures_b: list[Figure]
    sources_a: list[Source]
    sources_b: list[Source]


def figures(text: str, start: int = 0) -> list[Figure]:
    """Each figure of ``text`` from ``start`` on, once (its first occurrence)."""
    found: dict[tuple[float, bool], Figure] = {}
    for match in _FIGURE.finditer(text, start):
        if match["time"]:  # "8 p.m."
            continue
        number = match["number"] or ""
        value = float(re.sub(r"[, \u00a0\u202f]", "", number)) if number else _value(match["words"])
        if match["scale"]:
            value *= _SCALES[match["scale"]]
        unit = match["unit"] or ""
        percent = bool(match["percent"]) or unit.lower() in ("percent", "per-cent")
        end = match.end()
        is_year = _YEAR.fullmatch(number) and not (match["currency"] or percent)
        if is_year and _DATE_BEFORE.search(text, max(0, match.start() - 20), match.start()):
            continue
        if unit and not (percent or _is_unit(unit, match["gap"])) or is_year or match["currency"]:
            unit = ""
            end = max(match.end(group) for group in ("number", "percent", "scale") if match[group])
        if not (unit or is_year or percent or match["currency"] or match["scale"]):
            continue
        figure = Figure(text[match.start() : end], value, percent, match.start(), end)
        found.setdefault((value, percent), figure)
    return list(found.values())


def _value(words: str) -> float:
    """The value of a number in words: "eighty" 80, "twenty-five" 25, "three hundred" 300."""
    value = 0
    for word in re.split(r"[\s-]+", words.lower()):
        value = value * 100 if word == "hundred" else value + _WORD_VALUES[word]
    return float(value)


def _is_unit(word: str, gap: str) -> bool:
    """Whether ``word``, after a number and ``gap``, says what the number counts."""
    if not gap:  # "160kg", "32GB"; not "2nd" or "5pm"
        return word.lower() not in _NOT_GLUED_UNITS
    if word.lower() in _NOT_UNITS:  # "2,999 as"
        return False
    # a capitalised word is a name ("10.5 Leopard", "13 Total"), but a short
    # abbreviation may be ("800 MHz", "1600 Mhz")
    return word[0].islower() or len(word) <= 3


def sources(text: str, start: int = 0) -> list[Source]:
    """Each named source of ``text`` from ``start`` on, once (its first occurrence)."""
    found: dict[str, Source] = {}
    written: set[str] | None = None  # the words of the text, read on first need
    for match in _SOURCE.finditer(text, start):
        group = next(name for name in ("before", "after", "according") if match[name])
        raw = match[group]
        lead = _LEADING.match(raw)
        name = raw[lead.end() :] if lead else raw
        name = name.rstrip(".")
        if not name or name in _NOT_NAMES or not name[:1].isupper():
            continue
        if " " not in name:  # a common word, written in lower case elsewhere ("Earlier")
            written = set(re.findall(r"[^\W\d_]+", text)) if written is None else written
            if name.lower() in written:
                continue
        at = match.start(group) + (lead.end() if lead else 0)
        found.setdefault(name, Source(name, at, at + len(name)))
    # "Denholm" is the "Mark Denholm" the article names in full elsewhere
    full = {name.split()[-1]: name for name in found if " " in name}
    for match in _FULL_NAME.finditer(text, start):
        full.setdefault(match.group().split()[-1], match.group())
    named: dict[str, Source] = {}
    for name, source in found.items():
        name = full.get(name, name)
        named.setdefault(name, Source(name, source.start, source.end))
    return list(named.values())


def _named_in(source: Source, text: str) -> bool:
    # each name looked for as a plain string first, which is quick, then as a word
    if source.name in text and re.search(rf"\b{re.escape(source.name)}\b", text):
        return True
    last = source.name.split()[-1]
    return (
        len(source.name.split()) > 1
        and len(last) > 2
        and last in text
        and bool(re.search(rf"\b{re.escape(last)}\b", text))
    )


def _missing(items: Iterable[Figure], others: list[Figure]) -> list[Figure]:
    keys = {(other.value, other.percent) for other in others}
    return [item for item in items if (item.value, item.percent) not in keys]


def only_in(text_a: str, text_b: str, *, start_a: int = 0, start_b: int = 0) -> OnlyIn:
    """The figures and named sources of each text (from ``start_a`` and ``start_b`` on)
    that the other lacks."""
    return missing_in(
        figures(text_a, start_a),
        figures(text_b, start_b),
        sources(text_a, start_a),
        sources(text_b, start_b),
        text_a[start_a:],
        text_b[start_b:],
    )


def missing_in(
    figures_a: list[Figure],
    figures_b: list[Figure],
    sources_a: list[Source],
    sources_b: list[Source],
    body_a: str,
    body_b: str,
) -> OnlyIn:
    """``only_in`` of two texts' bodies given with the figures and sources found in them."""
    return OnlyIn(
        _missing(figures_a, figures_b),
        _missing(figures_b, figures_a),
        [source for source in sources_a if not _named_in(source, body_b)],
        [source for source in sources_b if not _named_in(source, body_a)],
    )
