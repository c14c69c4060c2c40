"""A sentence's cues of a claim that needs a source (figures, dates, comparisons,
records), and what only looks like one: a day of the month, a time, a rank, a telephone
number, a name with a number in it, a game's score or a player's count of play."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from reader.anchoring.tokens import Token
from reader.detectors.cue_hits import CueHit, match_cues
from reader.detectors.resources import cues

CLAUSE_BREAK = re.compile(r",|…|\.\.\.|—|–|;|\bthen\b")
# a time: "7 p.m.", "9am", "0240 GMT" (a time zone after a number)
_CLOCK = re.compile(r"\s?(?:[ap]\.m\.|[ap]m\b|GMT\b|UTC\b)", re.IGNORECASE)
_CLOCK_TIME = re.compile(r"[012]?\d:[0-5]\d")  # "06:00", "9:30"
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)  # right after the number
_PHONE = re.compile(r"\d{3}[-.]\d{3}[-.]\d{4}\b")
_TEAM = re.compile(r"\d*[1-9]s(?:\W|$)")  # a plural number that is no decade
_DAYS = re.compile(r"(?:0?[1-9]|[12]\d|3[01])(?:[-–](?:0?[1-9]|[12]\d|3[01]))?")  # "6", "3-5"
_RANGE_WORDS = frozenset({"to", "and", "-", "–"})  # "14 to 28 July"
MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september"}
    | {"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug"}
    | {"sep", "sept", "oct", "nov", "dec"}
)
PERIODS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "day"}
    | {"days", "week", "weeks", "weekend", "month", "months", "year", "years", "half"}
    | {"quarter", "season", "round", "minute", "minutes", "hour", "hours", "period", "leg"}
)
# a game's result: a score ("won 4-2", "a 98–91 win", "went 0-3") is what the reporter
# saw, as are the counts of a player's play ("finished with 34 saves")
_SCORE = re.compile(r"\d{1,3}[-–]\d{1,3}")
_RESULT_WORDS = frozenset(
    {"won", "win", "wins", "winning", "beat", "beats", "beating", "lost", "lose", "loses", "went"}
    | {"losing", "fell", "fall", "falls", "defeated", "defeat", "defeats", "drew", "draw"}
    | {"tied", "tie", "edged", "edge", "downed", "routed", "blanked", "thrashed", "victory"}
    | {"loss", "lead", "led", "leading", "trailed", "trailing", "outshot", "outscored"}
    | {"score", "scoreline", "final", "shootout", "overtime"}
)
_RESULT_REACH = 4  # words between a result word and the score after it
_PLAY_COUNTS = frozenset(
    {"goal", "goals", "save", "saves", "assist", "assists", "rebound", "rebounds"}
    | {"touchdown", "touchdowns", "strikeout", "strikeouts", "wicket", "wickets", "birdie"}
    | {"birdies", "tackles", "interceptions", "sacks", "steals", "aces", "three-pointers"}
)
# what a player scores: "scored 23 points", "scoring three runs"
_SCORED = frozenset({"scored", "scoring", "scores", "score"})
_SCORED_COUNTS = frozenset({"points", "runs", "hits", "shots", "baskets", "tries", "penalties"})
_DECIMAL_POINT = re.compile(r"(?:^|\s)\.(?=\d)")
_NAME_NUMBER_DIGITS = 3  # "Route 66", "Boeing 747"; longer numbers are counts
# what makes "first" a record: "the first woman to", "first ever", "since 2009", "in history"
_RECORD_WORDS = frozenset({"to", "ever", "since", "such"})
_RECORD_SPANS = frozenset(
    {"history", "decades", "years", "a", "the", "its", "his", "her", "their", "<num>", "<year>"}
)
_RECORD_REACH = 4  # words from "first" to what makes it a record
_AFTER_AT = frozenset({("least",), ("most",), ("best",), ("worst",)})  # "at least", "at best"
_SHORT_WORD = 4  # letters: a title-case headline's lower-case words are this short
_MONTHS_IN_A_YEAR = 12
_DAYS_IN_A_MONTH = 31
_FRACTION_DENOMINATOR = 10  # "3/4", "2/10": a fraction; "9/11" and "7/7" are dates
_GLUED_WORD = re.compile(r"[A-Za-z]{4}")  # after a number, a word, not a unit ("10km")


@dataclass(frozen=True)
class ClaimCues:
    """The words of one sentence (offsets relative to it) and its claim cues."""

    text: str
    tokens: list[Token]

    @cached_property
    def claim_cues(self) -> list[CueHit]:
        hits = [
            self._period(hit) or hit
            for hit in match_cues(cues().claim, self.tokens, [False] * len(self.tokens))
            if not self._timetable(hit)
            and not self._result_of_a_game(hit)
            and not self._first_in_a_series(hit)
            and not self._bound(hit)
            and not self._record_of(hit)
            and not (hit.category == "comparison" and self.in_a_capitalised_name(hit))
        ]
        for index, token in enumerate(self.tokens):
            day = self._day_of_month(index)
            if day is not None:
                hits.append(day)
            elif token.norm == "<year>":
                hits.append(CueHit("date", token.start, token.end, ("<year>",)))
            elif (
                token.start and self.text[token.start - 1] == "/" and self._slashed_date(index - 1)
            ):
                continue  # the day of a date written with slashes, counted with its month
            elif token.is_number and self._slashed_date(index):
                hits.append(CueHit("date", token.start, self._slashed_date_end(index), ("<day>",)))
            elif token.start and self.text[token.start - 1] == "-":
                continue  # a code such as MS-13, not a figure
            elif token.is_number and self._in_a_name(token):
                continue  # part of a name: "G7", "180solutions" (not a unit: "10km")
            elif token.is_number and index == 0 and self.text[token.end : token.end + 1] == ")":
                continue  # the number of a point in a list: "4) The race is tightening."
            elif token.is_number and self._numbered_name(index):
                continue  # a level, a model or a road: "DEFCON 1", "Category 5", "Route 66"
            elif token.is_number and self._age(index):
                continue  # a person's age after the name: "Narayan, 71, was chairman"
            elif token.is_number and _ORDINAL.match(self.text, token.end):
                continue  # a rank or a place in a series: "the 1st period", "21st"
            elif token.is_number and _PHONE.match(self.text, token.start):
                continue  # a telephone number: "905-502-7788"
            elif token.is_number and _TEAM.fullmatch(self.text, token.start, token.end + 2):
                continue  # a name such as a team's, "the Ottawa 67s" (not "the 1990s")
            elif token.is_number and (self._score(index) or self._play_count(index)):
                continue  # what the reporter saw of a game: "won 4-2", "finished with 34 saves"
            elif token.is_number and _CLOCK_TIME.fullmatch(token.text):
                hits.append(CueHit("date", token.start, token.end, ("<time>",)))
            elif token.is_number and _CLOCK.match(self.text, token.end):
                clock = _CLOCK.match(self.text, token.end)
                assert clock is not None
                hits.append(CueHit("date", token.start, clock.end(), ("<time>",)))
            elif token.is_number or token.norm in ("$", "€", "£"):
                end = token.end
                following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
                if following is not None and following.norm in cues().claim.words("quantity"):
                    end = following.end
                if token.norm in ("$", "€", "£") and following is not None and following.is_number:
                    continue  # the number that follows carries the figure
                start = token.start
                if index and self.tokens[index - 1].norm in ("$", "€", "£"):
                    start = self.tokens[index - 1].start
                elif _DECIMAL_POINT.match(self.text, max(token.start - 2, 0)):
                    start -= 1  # a figure without its nought: "batted .193"
                hits.append(CueHit("figure", start, end, (token.norm,)))
        return hits

    def _slashed_date(self, index: int) -> bool:
        """A month and a day written with a slash is a date ("9/11", "7/7", "12/25/2007"),
        not two figures; a fraction ("1/2", "3/4", "2/10") is still a figure."""
        if index < 0 or index + 1 >= len(self.tokens):
            return False
        month, day = self.tokens[index], self.tokens[index + 1]
        if self.text[month.end : day.start] != "/" or not (month.text + day.text).isdigit():
            return False
        if index and self.text[self.tokens[index - 1].end : month.start] == "/":
            return False  # the day and the year of "12/25/2007"
        if not (
            1 <= int(month.text) <= _MONTHS_IN_A_YEAR and 1 <= int(day.text) <= _DAYS_IN_A_MONTH
        ):
            return False
        with_year = self.text[day.end : day.end + 1] == "/"
        return (
            with_year or int(day.text) > _FRACTION_DENOMINATOR or int(month.text) >= int(day.text)
        )

    def _slashed_date_end(self, index: int) -> int:
        day = self.tokens[index + 1]
        year = self.tokens[index + 2] if index + 2 < len(self.tokens) else None
        if year is not None and self.text[day.end : year.start] == "/":
            return year.end
        return day.end

    def _bound(self, hit: CueHit) -> bool:
        """A superlative after "at" sets a bound or hedges ("at least a month behind", "at
        most 40 seats", "has at best been a fig leaf"): it compares nothing with anything."""
        index = self._index_at(hit.start)
        return (
            hit.words in _AFTER_AT
            and index is not None
            and index > 0
            and self.tokens[index - 1].norm == "at"
        )

    def _record_of(self, hit: CueHit) -> bool:
        """ "a record of" is what someone has done, not a record broken: "a record of poor
        attendance", "with a record of corruption"."""
        following = self._token_after(hit.end)
        return hit.words == ("record",) and following is not None and following.norm == "of"

    def in_a_capitalised_name(self, hit: CueHit) -> bool:
        """A cue word capitalised inside a sentence in ordinary case is part of a name:
        "St. Vital Park", "Noble fir", "the Rose Bowl", "Best Buy"."""
        words = self._words
        first = next((t for t in words if t.start == hit.start), None)
        if first is None or first is words[0] or not first.text[:1].isupper():
            return False
        return self.in_ordinary_case

    @cached_property
    def in_ordinary_case(self) -> bool:
        """Not a headline in title case, which leaves only short words in lower case."""
        ordinary = [t for t in self._words if t.text.islower() and len(t.text) > _SHORT_WORD]
        return len(ordinary) >= 2

    @cached_property
    def _words(self) -> list[Token]:
        """The sentence's tokens that start with a letter."""
        return [t for t in self.tokens if t.text[:1].isalpha()]

    def _index_at(self, start: int) -> int | None:
        """The index of the token that starts at ``start``, if any."""
        return next((i for i, t in enumerate(self.tokens) if t.start == start), None)

    def _token_after(self, end: int) -> Token | None:
        return next((t for t in self.tokens if t.start > end), None)

    def _numbered_name(self, index: int) -> bool:
        """A small whole number right after a capitalised word inside the sentence, with no
        unit after it, is part of a name: "DEFCON 1", "Category 5", "Route 66" (not "Some
        3,000 jobs", "Ford cut 1,200", "the Tigers 5")."""
        token = self.tokens[index]
        if index < 2 or not token.text.isdigit() or len(token.text) > _NAME_NUMBER_DIGITS:
            return False
        name = self.tokens[index - 1]
        if (
            not name.is_capitalised
            or not name.text.isalpha()
            or name.norm.endswith("s")
            or name.norm in MONTHS
            or name.norm in PERIODS
            or self.text[name.end : token.start] != " "
        ):
            return False
        following = self._token_after(token.end)
        return following is None or following.norm not in cues().claim.words("quantity")

    def _age(self, index: int) -> bool:
        """A number of two digits set off by commas right after a capitalised name."""
        token = self.tokens[index]
        before = self.text[: token.start].rstrip()
        name = before[:-1].split()[-1:] if before.endswith(",") else []
        return (
            len(token.text) == 2
            and bool(name)
            and name[0][:1].isupper()
            and name[0].isalpha()
            and self.text[token.end : token.end + 1] == ","
        )

    def _score(self, index: int) -> bool:
        """A game's score: "4-2" after a result word ("won", "fell", "the Bulls 98-91" after
        "beat") or before one ("a 2-1 win")."""
        if not _SCORE.fullmatch(self.tokens[index].text):
            return False
        near = self.tokens[max(0, index - _RESULT_REACH) : index + 2]
        return any(t.norm in _RESULT_WORDS for t in near)

    def _play_count(self, index: int) -> bool:
        """A count of a player's play: "34 saves", "two goals"; "23 points" after "scored"."""
        following = self._token_after(self.tokens[index].end)
        if following is None:
            return False
        if following.norm in _PLAY_COUNTS:
            return True
        return (
            following.norm in _SCORED_COUNTS
            and index > 0
            and self.tokens[index - 1].norm in _SCORED
        )

    def _result_of_a_game(self, hit: CueHit) -> bool:
        """ "fell" or "dropped" before a score is a game lost, not a fall: "fell 4-2"."""
        if hit.category != "comparison":
            return False
        index = self._index_at(hit.start)
        if index is None:
            return False
        return any(
            self._score(k)
            for k in range(index + 1, min(index + 1 + _RESULT_REACH, len(self.tokens)))
        )

    def _timetable(self, hit: CueHit) -> bool:
        """ "due to" before a verb says when, not why: "is due to open in May"."""
        if hit.words != ("due", "to"):
            return False
        following = self._token_after(hit.end)
        return following is not None and following.norm in cues().timetable_verbs

    def _first_in_a_series(self, hit: CueHit) -> bool:
        """ "first" that only says which of a series or a role ("the first president of the
        club", "a first baseman"), not a record: "the first woman to climb it", "the first
        ever", "for the first time since 2009", "the first in a decade"."""
        if hit.words != ("first",) or self._period(hit) is not None:
            return False
        index = self._index_at(hit.start)
        if index is None:
            return False
        for k in range(index + 1, min(index + 1 + _RECORD_REACH, len(self.tokens))):
            if CLAUSE_BREAK.search(self.text[self.tokens[k - 1].end : self.tokens[k].start]):
                break
            word = self.tokens[k].norm
            following = self.tokens[k + 1].norm if k + 1 < len(self.tokens) else ""
            if word in _RECORD_WORDS or (word == "in" and following in _RECORD_SPANS):
                return False
        return True

    def _period(self, hit: CueHit) -> CueHit | None:
        """ "first" before a day or a span of time names when ("the first Tuesday of the
        month", "in the first half"), not a record: a date."""
        if hit.words != ("first",):
            return None
        following = self._token_after(hit.end)
        if following is None or not (following.norm in MONTHS or following.norm in PERIODS):
            return None
        return CueHit("date", hit.start, following.end, ("<day>",))

    def _in_a_name(self, token: Token) -> bool:
        """A number glued to letters is part of a name: "G7", "COVID19", "180solutions"."""
        glued_before = token.start > 0 and self.text[token.start - 1].isalpha()
        return glued_before or _GLUED_WORD.match(self.text, token.end) is not None

    def _day_of_month(self, index: int) -> CueHit | None:
        """A day next to a month ("March 3", "Feb. 6", "6 January", "May 3-5", "14 to 28
        July") is part of a date, not a figure."""
        token = self.tokens[index]
        if token.norm != "<num>" or not _DAYS.fullmatch(token.text):
            return None
        if index:
            month = self.tokens[index - 1]
            gap = self.text[month.end : token.start]
            if month.norm.rstrip(".") in MONTHS and gap in (" ", ". "):
                return CueHit("date", month.start, token.end, ("<day>",))
        if index + 1 < len(self.tokens):
            month = self.tokens[index + 1]
            # capitalised: "6 May" is a date, "6 may go" is not
            if (
                month.norm in MONTHS
                and month.is_capitalised
                and self.text[token.end : month.start] == " "
            ):
                return CueHit("date", token.start, month.end, ("<day>",))
            if month.norm in _RANGE_WORDS and index + 2 < len(self.tokens):
                last = self._day_of_month(index + 2)
                if last is not None:
                    return CueHit("date", token.start, last.end, ("<day>",))
        return None
