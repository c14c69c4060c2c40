"""What a sentence shows: its cue words, quotations and sources (the models read them
through :mod:`reader.detectors.model_features`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property

from reader.anchoring.tokens import Token, tokenize
from reader.detectors.attribution import Attribution, Quotes, find_attributions, find_quotes
from reader.detectors.claim_cues import CLAUSE_BREAK, MONTHS, PERIODS, ClaimCues
from reader.detectors.cue_hits import CueHit, match_cues, strong_categories
from reader.detectors.resources import (
    SentimentLexicon,
    cues,
    noun_compounds,
    sentiment_lexicon,
)

_CONDITIONAL_START = frozenset({"if", "once", "unless"})
_SCARE_QUOTE_MAX_WORDS = 3
# a short quotation right after these words names a term ("the word “alien”"), it does not
# hold it at arm's length; "called" is left out: "what they called “reform”" sneers
_MENTION_WORDS = frozenset(
    {"term", "terms", "word", "words", "phrase", "phrases", "label", "labels", "slogan"}
    | {"name", "names", "dubbed", "titled", "entitled", "headlined"}
    | {"hashtag", "motto", "nickname", "nicknamed", "spelled", "pronounced", "tagline"}
)
_CITING = frozenset({"citing", "quoting", "cited", "quoted"})
_STOP_CONNECTIVES = frozenset({"and", "but", "so", "yet", "or"})
# a rule stated for a class of things, with the condition it sets: "Trees must be cleared
# of decorations before they are dropped off"; "Taxes must be cut" still judges
_RULE_SUBJECT_WORDS = 3  # "Trees", "All old trees", "Recycling carts"
_RULE_QUANTIFIERS = frozenset({"all", "any", "each", "every"})
_RULE_CONDITIONS = frozenset({"before", "until", "unless", "prior"})
_DEADLINES = frozenset({"noon", "midnight", "<num>", "<year>"})
# a plural may name a kind before a noun ("the sports complex"), but after these verbs it is
# the thing judged: "found the forms complex"
_JUDGING_VERBS = frozenset(
    {"find", "finds", "found", "make", "makes", "made", "consider", "considers", "considered"}
    | {"deem", "deemed", "call", "calls", "called", "keep", "kept", "leave", "left", "render"}
    | {"rendered", "think", "thought", "believe", "believed", "rate", "rated", "judged"}
)
_PLACE_PREPOSITIONS = frozenset({"in", "into", "from", "out", "inside", "beside", "near"})
_REPORTED_LEAD_WORDS = 3  # words before a source that opens a sentence: "In a statement,"
_TOLD = frozenset({"told", "instructed", "advised", "ordered", "warned", "asked"})
_BE_FORMS = frozenset({"was", "were", "been", "being", "is", "are"})
_NOUN_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "what", "any"})
_SOURCE_WORDS = 6  # a longer source spans an aside: "Harmon, the depot's manager, said"
_CITATION_OPENINGS = ("(", "[", "http", "www")
# "X called in the Guard" is no speech; "X said …" and "X told CNN …" always are
_SAYS = (" said", " says", " told", " tells")
_NOUN_SPELLED = frozenset({"evaluative", "loaded"})
# an indirect question: a question word after "over", "about"… ("a row over how …")
_QUESTION_WORDS = frozenset({"how", "what", "which", "when", "where", "who"})
_ABOUT = frozenset({"over", "about", "on", "of", "into", "regarding", "as", "to"})
_QUESTION_REACH = 4  # words between the question word and the judgement, at most
# words after which an adjective is said of something, not a noun's modifier ones
_BEFORE_AN_ADJECTIVE = _BE_FORMS | frozenset(
    {"be", "seem", "seems", "seemed", "look", "looks", "looked", "sound", "sounds", "sounded"}
    | {"feel", "feels", "felt", "become", "becomes", "became", "remain", "remains", "remained"}
    | {"prove", "proves", "proved", "get", "gets", "got", "getting", "grew", "grow", "stay"}
    | {"more", "most", "less", "least", "very", "so", "too", "quite", "rather", "as", "how"}
    | {"and", "or", "but", "yet", "not", "never", "it", "them", "this", "that", "all"}
)
# "could" before a verb of the senses says what could be perceived, not how sure the writer is:
# "the ring could clearly be seen", "the crowd could hear the verdict"
_PERCEIVED = frozenset(
    {"see", "seen", "hear", "heard", "feel", "felt", "smell", "smelled", "smelt", "spot"}
    | {"spotted", "watch", "watched", "notice", "noticed", "glimpse", "glimpsed", "sense"}
)
_PERCEPTION_REACH = 3  # words from "could" to the verb: "could clearly be seen"
_AFTER_A_NOUN = frozenset(
    {"of", "on", "in", "at", "for", "with", "by", "from", "near", "beside", "and", "or"}
    | {"that", "which", "where", "is", "was", "are", "were", "will", "would", "has", "had"}
    | {"just", "to", "now", "also", "could", "can", "should"}
)


@dataclass(frozen=True)
class SentenceAnalysis(ClaimCues):
    quotes: Quotes
    attributions: list[Attribution]

    @cached_property
    def named_sources(self) -> list[Attribution]:
        return [a for a in self.attributions if not a.vague]

    @cached_property
    def vague_sources(self) -> list[Attribution]:
        return [a for a in self.attributions if a.vague]

    @cached_property
    def reported(self) -> list[tuple[int, int]]:
        """Spans in a named source's words rather than the writer's: the source itself
        ("our correspondent adds"), what follows it when it opens the sentence and says
        so ("Zango claimed that …", "Mr Bush said …"), what comes before it when it
        ends the sentence after a comma ("…, the minister said.") and what someone "was
        told"."""
        spans: list[tuple[int, int]] = []
        for source in self.named_sources:
            if source.text.startswith(_CITATION_OPENINGS):
                continue  # a citation or link backs a claim; it does not speak the sentence
            if len(self.text[source.start : source.end].split()) <= _SOURCE_WORDS:
                spans.append((source.start, source.end))
            before, after = self.text[: source.start], self.text[source.end :]
            says = source.text.lower().endswith(_SAYS) or after.lower().startswith(" that ")
            if says and len(before.split()) <= _REPORTED_LEAD_WORDS:
                spans.append((source.end, len(self.text)))
            elif before.rstrip().endswith(",") and _only_when(after):
                spans.append((0, source.start))  # "…, the minister said on Tuesday."
        for previous, token in zip(self.tokens, self.tokens[1:], strict=False):
            if token.norm in _TOLD and previous.norm in _BE_FORMS:
                spans.append((token.end, len(self.text)))  # "were told they must leave"
        return spans

    def used_as_noun(self, hit: CueHit) -> bool:
        """An evaluative adjective between a determiner and "of" is a noun spelled the same:
        "that kind of thinking" ("a masterpiece of", a loaded noun, still judges); so is a
        word spelled as an adjective that ends a noun phrase after a noun: "a retail
        complex", "the housing complex on Main Street"."""
        index = self._index_at(hit.start)
        if hit.category not in _NOUN_SPELLED or index is None or index == 0:
            return False
        before = self.tokens[index - 1]
        after = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        if hit.category == "evaluative" and after is not None and after.norm == "of":
            # "that kind of", or with an adjective between: "a different kind of"
            earlier = self.tokens[index - 2].norm if index >= 2 else ""
            if before.norm in _NOUN_DETERMINERS or (
                before.text.isalpha() and before.text.islower() and earlier in _NOUN_DETERMINERS
            ):
                return True
        if hit.category == "evaluative" and before.norm in _NOUN_DETERMINERS:
            return False
        lexicon = sentiment_lexicon()
        word = hit.words[0] if len(hit.words) == 1 else ""
        return (
            word in lexicon.subjectivity
            and (_noun_modifier(before, lexicon) or self._kind_before(index - 1, lexicon))
            and (
                after is None
                or CLAUSE_BREAK.search(self.text[hit.end : after.start]) is not None
                or after.norm in _AFTER_A_NOUN
            )
        )

    def _kind_before(self, index: int, lexicon: SentimentLexicon) -> bool:
        """A plural after a determiner names a kind before a noun: "the sports complex",
        "a new arts complex" (not "found the forms complex")."""
        plural = self.tokens[index]
        if not plural.norm.endswith("s") or not _noun_modifier(_singular(plural), lexicon):
            return False
        k = index - 1
        while k >= 0 and index - k <= 2 and self.tokens[k].text.isalpha():
            word = self.tokens[k].norm
            if word in _NOUN_DETERMINERS or word in _BEFORE_AN_ADJECTIVE:
                break
            k -= 1  # "the new sports complex"
        if k < 0 or self.tokens[k].norm not in _NOUN_DETERMINERS:
            return False
        return k == 0 or self.tokens[k - 1].norm not in _JUDGING_VERBS

    def names_a_thing(self, hit: CueHit) -> bool:
        """A loaded noun as the place something is put or found ("throwing them in the
        garbage", "pulled from the wreck") names a thing; "the plan is garbage" judges."""
        index = self._index_at(hit.start)
        if hit.category != "loaded" or len(hit.words) != 1 or index is None or index < 2:
            return False
        if hit.words[0] in sentiment_lexicon().subjectivity:
            return False  # an adjective, or a word that is also one: "in the extreme"
        after = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        return (
            self.tokens[index - 1].norm == "the"
            and self.tokens[index - 2].norm in _PLACE_PREPOSITIONS
            and (
                after is None
                or CLAUSE_BREAK.search(self.text[hit.end : after.start]) is not None
                or after.norm in _AFTER_A_NOUN
            )
        )

    def modifies_a_noun(self, hit: CueHit) -> bool:
        """A loaded noun with a plain sense before another noun names a kind of thing:
        "garbage bins", "garbage collection", "the vice president" (WordNet's compound nouns
        show which have one; "a sham election" and "a nightmare scenario" still judge)."""
        index = self._index_at(hit.start)
        if hit.category != "loaded" or len(hit.words) != 1 or index is None:
            return False
        if index + 1 >= len(self.tokens) or hit.words[0] in sentiment_lexicon().subjectivity:
            return False
        word, after = hit.words[0], self.tokens[index + 1]
        if self.text[hit.end : after.start].strip():
            return False  # a comma or a dash between them
        compounds = noun_compounds()
        noun = after.norm.removesuffix("s")
        if (word, after.norm) in compounds.pairs or (word, noun) in compounds.pairs:
            return True
        return (
            word in compounds.heads
            and _plain_word(after, sentiment_lexicon())
            and after.norm not in _AFTER_A_NOUN | _PLACE_PREPOSITIONS
        )

    def is_reported(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.reported)

    @cached_property
    def masked(self) -> list[bool]:
        """Tokens inside quotations the sentence attributes to someone: not the article's voice."""
        if not self.named_sources and not self.quotes.opens_before:
            return [False] * len(self.tokens)
        return [self.quotes.covers(t.start, t.end) for t in self.tokens]

    @cached_property
    def opinion_cues(self) -> list[CueHit]:
        hits = [
            hit
            for hit in match_cues(cues().opinion, self.tokens, self.masked)
            if not (hit.category == "first_person" and self._abbreviation(hit))  # "the US"
            and not (hit.category == "judgement" and self._in_indirect_question(hit))
            and not (hit.category == "judgement" and self._a_rule_with_its_condition(hit))
            and not (hit.category == "hedge" and self._ability_to_perceive(hit))
            and not any(s < hit.start and hit.end < e for s, e in self._quoted_names)
            and not (hit.category in _NOUN_SPELLED and self.in_a_capitalised_name(hit))
        ]
        hits.extend(self._evaluative_words(hits))
        hits.extend(self._conditional_prediction())
        for start, end in self._scare_quotes():
            hits.append(CueHit("scare_quotes", start, end, ()))
        tail = self.text.rstrip("”’\"') ]")
        if tail.endswith("?") and not self.masked_at(len(self.text) - 1):
            hits.append(CueHit("question", len(tail) - 1, len(tail), ()))
        for match in re.finditer("!", self.text):
            if not self.masked_at(match.start()):
                hits.append(CueHit("exclamation", match.start(), match.end(), ()))
        return hits

    def _abbreviation(self, hit: CueHit) -> bool:
        """A word in capitals ("US") in a sentence that is not all capitals."""
        word = self.text[hit.start : hit.end]
        return len(word) > 1 and word.isupper() and not self.text.isupper()

    def _in_indirect_question(self, hit: CueHit) -> bool:
        """ "should" in what is asked or disputed, not advised: "a dispute over how
        overtime should be paid", "unsure whether schools must close" ("This is how it
        should be done" still advises)."""
        index = self._index_at(hit.start)
        if index is None:
            return False
        for back in range(max(index - _QUESTION_REACH, 1), index):
            asker, word = self.tokens[back - 1], self.tokens[back]
            if word.norm == "whether" or (word.norm in _QUESTION_WORDS and asker.norm in _ABOUT):
                return not re.search(r"[,;:.]", self.text[word.end : hit.start])
        return False

    def _ability_to_perceive(self, hit: CueHit) -> bool:
        """ "could" before a verb of the senses: "could clearly be seen", "could hear"."""
        index = self._index_at(hit.start)
        if index is None or hit.words != ("could",):
            return False
        following = self.tokens[index + 1 : index + 1 + _PERCEPTION_REACH]
        for token in following:
            if token.norm in _PERCEIVED:
                return True
            if token.norm not in ("be", "not", "just", "still") and not token.norm.endswith("ly"):
                return False
        return False

    def _a_rule_with_its_condition(self, hit: CueHit) -> bool:
        """A rule for a class of things ("must be …") with the condition or deadline it sets
        is the rule's, not the writer's judgement: "Trees must be cleared of decorations
        before they are dropped off", "Carts must be at the curb by 7 a.m."."""
        index = self._index_at(hit.start)
        if index is None:
            return False
        after = [t for t in self.tokens if t.start >= hit.end]
        if len(after) < 2 or after[0].norm != "be" or not after[1].text.isalpha():
            return False
        clause = re.split(r"[,;:]", self.text[: hit.start])[-1].split()
        if not 0 < len(clause) <= _RULE_SUBJECT_WORDS:
            return False
        head = clause[-1]
        words = [w.lower() for w in clause]
        if not head.isalpha() or not head.endswith("s") or head.lower().endswith("ss"):
            return False  # a plural noun heads the subject: "Trees", "Recycling carts"
        opening = words[0] in _BEFORE_AN_ADJECTIVE and words[0] not in _RULE_QUANTIFIERS
        if opening or any(w in _NOUN_DETERMINERS for w in words):
            return False  # "The trees" are some trees; "and taxes must be cut before …"
        rest = after[2:]
        for k, token in enumerate(rest):
            if token.norm in _RULE_CONDITIONS:
                return True
            following = rest[k + 1] if k + 1 < len(rest) else None
            if token.norm == "by" and following is not None:
                word = following.norm
                if word in _DEADLINES or word in MONTHS or word in PERIODS:
                    return True
        return False

    def masked_at(self, offset: int) -> bool:
        return bool(self.masked) and any(self.masked) and self.quotes.covers(offset, offset + 1)

    def _evaluative_words(self, taken: list[CueHit]) -> list[CueHit]:
        """Words the public lexicon rates as strong evaluations, unless already part of a cue."""
        evaluative = sentiment_lexicon().evaluative
        return [
            CueHit("evaluative", t.start, t.end, (t.norm,))
            for t, m in zip(self.tokens, self.masked, strict=True)
            if not m and t.norm in evaluative and not any(h.start <= t.start < h.end for h in taken)
        ]

    @cached_property
    def strong_cues(self) -> frozenset[str]:
        """The categories of the cues that mark the writer's own voice whatever the rest
        of the sentence says (a conditional prediction, "if …, it changes everything",
        among them)."""
        return strong_categories(self.opinion_cues)

    @property
    def has_strong_cue(self) -> bool:
        return bool(self.strong_cues)

    def _conditional_prediction(self) -> list[CueHit]:
        words = [t for t, m in zip(self.tokens, self.masked, strict=True) if not m]
        while words and words[0].norm in _STOP_CONNECTIVES:
            words = words[1:]
        if not words or words[0].norm not in _CONDITIONAL_START:
            return []
        rest = self.text[words[0].end :]
        brk = CLAUSE_BREAK.search(rest)
        if brk is None:
            return []
        start = words[0].end + brk.end()
        end = len(self.text.rstrip('.!?”" '))
        while start < end and not self.text[start].isalnum():
            start += 1
        if end - start < 3:
            return []
        return [CueHit("prediction", start, end, ())]

    def _scare_quotes(self) -> list[tuple[int, int]]:
        if self.named_sources:
            return []
        spans = []
        for start, end in self.quotes.spans:
            inner = self.text[start + 1 : end - 1].strip(" ,.")
            words = len(inner.split())
            if (
                0 < words <= _SCARE_QUOTE_MAX_WORDS
                and inner[0].isalpha()
                and not self._mentioned(start)
                and (start, end) not in self._quoted_names
                and not re.search(r"[\d£$€]", inner)  # a price or an offer: "two for £5"
                and not self._nickname(start, end)
                and not self._cited(start)
            ):
                spans.append((start, end))
        return spans

    @cached_property
    def _quoted_names(self) -> list[tuple[int, int]]:
        return [
            (start, end)
            for start, end in self.quotes.spans
            if self._a_name(start, self.text[start + 1 : end - 1].strip(" ,."))
        ]

    def _cited(self, quote_start: int) -> bool:
        """Words quoted in a clause that cites them are the cited words: "…, citing the
        state's “inappropriate interpretation” of the terms"."""
        clause = re.split(r"[,;:(]", self.text[:quote_start])[-1].split()
        return bool(clause) and clause[0].lower() in _CITING

    def _nickname(self, start: int, end: int) -> bool:
        """One capitalised word quoted between a first name and a surname: Opendra “Bill"
        Narayan."""
        inner = self.text[start + 1 : end - 1]
        before = self.text[:start].split()
        after = self.text[end:].split()
        return (
            len(inner.split()) == 1
            and inner[:1].isupper()
            and bool(before)
            and bool(after)
            and before[-1][:1].isupper()
            and before[-1].isalpha()
            and after[0][:1].isupper()
        )

    def _a_name(self, quote_start: int, inner: str) -> bool:
        """Two or more capitalised words in quotation marks inside a sentence in ordinary
        case are a name: a campaign's, a group's or a title ("a banner reading “Trust
        Huck”"); one capitalised word may still be held at arm's length ("two ‘Acts’")."""
        words = inner.split()
        return (
            quote_start > 0
            and len(words) >= 2
            and all(word[:1].isupper() for word in words)
            and self.in_ordinary_case
        )

    def _mentioned(self, quote_start: int) -> bool:
        """The quoted words are named as words (use–mention), not used as the writer's own."""
        before = [t for t in self.tokens if t.end <= quote_start]
        return bool(before) and before[-1].norm in _MENTION_WORDS


def _noun_modifier(token: Token, lexicon: SentimentLexicon) -> bool:
    """A plain word that can modify a noun and is no adjective or feeling word itself:
    "retail", "housing"; not a plural, which an adjective may follow ("locals unhappy at")."""
    return _plain_word(token, lexicon) and not token.norm.endswith("s")


def _plain_word(token: Token, lexicon: SentimentLexicon) -> bool:
    """A lower-case word that is no function word, adverb, adjective or feeling word."""
    word = token.norm
    return (
        word.isalpha()
        and token.text.islower()
        and not word.endswith("ly")
        and word not in _BEFORE_AN_ADJECTIVE
        and word not in _NOUN_DETERMINERS
        and word not in lexicon.subjectivity
        and word not in lexicon.valence
    )


_WHEN_WORDS = (
    MONTHS
    | PERIODS
    | frozenset(
        {"on", "in", "at", "last", "this", "earlier", "later", "late", "today", "yesterday"}
        | {"tonight", "morning", "afternoon", "evening", "night", "<num>", "<year>"}
    )
)


def _only_when(text: str) -> bool:
    """Nothing but when, if anything: "", " today.", " on Tuesday", " late last night."."""
    words = [t.norm for t in tokenize(text.strip(" .!?\"'”’)"))]
    return all(word in _WHEN_WORDS for word in words)


def _singular(token: Token) -> Token:
    """The token as its singular, for asking whether it could modify a noun."""
    return replace(token, norm=token.norm[:-1], text=token.text[:-1])


def analyse(sentence: str) -> SentenceAnalysis:
    tokens = tokenize(sentence)
    quotes = find_quotes(sentence)
    return SentenceAnalysis(sentence, tokens, quotes, find_attributions(sentence, tokens, quotes))
