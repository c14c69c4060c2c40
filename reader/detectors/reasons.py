"""One sentence read as a claim or an opinion, with the reasons a reader is shown.

:mod:`reader.detectors.suggest` decides which sentences are read and where their
sources are; this module scores one of them and words its reasons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.anchoring.tokens import Token
from reader.detectors.cue_hits import CueHit, strong_categories
from reader.detectors.features import SentenceAnalysis
from reader.detectors.model_features import opinion_features
from reader.detectors.places import not_people
from reader.detectors.resources import LinearModel
from reader.detectors.results import Suggestion, SuggestionKind
from reader.detectors.topic import Topic

MAX_REASONS = 5
VAGUE_CLAIM_SCORE = 0.6

# Reasons are sentences about the passage a 15-year-old can follow; the words that
# triggered one stand in curly quotes, which is how the app finds and marks them.
_OPINION_REASONS = {
    "loaded": "“{}” is a loaded word: it judges as well as describes.",
    "evaluative": "“{}” calls something good or bad.",
    "intensifier": "“{}” makes it sound stronger than a plain report would.",
    "hedge": "“{}” is a hedge: the writer is guessing or not sure.",
    "prediction": "“{}” says what will happen, which nobody can know yet.",
    "judgement": "“{}” says what should be done or what is right.",
    "sweeping": "“{}” is sweeping: it speaks for everyone or everything.",
    "first_person": "“{}” is the writer speaking for themselves.",
    "second_person": "“{}” speaks to you, the reader, directly.",
    "scare_quotes": "The quotation marks around “{}” hint that the word is not meant.",
    "question": "It asks a question to make a point, not to get an answer.",
    "exclamation": "The exclamation mark shows the writer's feelings.",
}
_OPINION_WORDING = "Words such as {} are common in opinions."
# (without a source, with one)
_CLAIM_REASONS = {
    "figure": ("No source is given for the figure “{}”.", "It gives the figure “{}”."),
    "comparison": (
        "No source is given for the comparison “{}”.",
        "It makes the comparison “{}”.",
    ),
    "causal": ("No source backs the cause in “{}”.", "It says what caused what: “{}”."),
}
_VAGUE_REASON = "“{}” does not say who exactly: the source is vague."
_NAMED_REASONS = (
    "It says something about “{}” without a source.",
    "It says something about “{}”.",
)
_FACT_REASONS = (
    "It states a fact that could be checked, but gives no source.",
    "It states a fact.",
)


def reason_templates() -> dict[str, tuple[str, ...]]:
    """Each cue family and the reason sentences written for it, ``{}`` standing for the
    passage's words: how what a teacher decided is traced back to the cues behind it."""
    families: dict[str, tuple[str, ...]] = {c: (t,) for c, t in _OPINION_REASONS.items()}
    families |= _CLAIM_REASONS
    families |= {"vague": (_VAGUE_REASON,), "named": _NAMED_REASONS, "fact": _FACT_REASONS}
    families["wording"] = (_OPINION_WORDING,)
    return families


_TOPIC_SENSITIVE = frozenset({"loaded", "evaluative"})
_MODALS = frozenset({"will", "won't", "shall", "would", "be", "to"})  # "going to", "bound to"
_DATELINE_DASH = re.compile(r"\s*[-–—]\s")  # "NEW YORK - ", "DENVER — "
_SHORT_CAPITALS = 4  # "NATO", "FBI": a longer word in capitals is set so, not an acronym
_FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "this", "that", "to", "of", "in", "on", "at", "for", "with", "by", "and"}
    | {"or", "but", "as", "than", "more", "less", "so", "very", "too"}
)
# a name before these is a party's, a movement's or a place's: "the Baath party", or names
# the people who belong to one: "Baath members", "Hamas fighters"
_GROUP_NOUNS = frozenset(
    {"party", "parties", "movement", "government", "regime", "province", "state", "region"}
    | {"city", "county", "district", "army", "militia", "administration", "ministry"}
    | {"member", "members", "membership", "loyalists", "fighters", "militants", "activists"}
    | {"voters", "lawmakers", "legislators", "forces", "troops", "rebels", "delegates", "mps"}
)
_COMPASS_POINTS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
)
_LOCATIVES = frozenset({"in", "across", "throughout", "near", "outside", "inside"})
# after a modal, these words lead on to the verb it governs: "will not be entering"
_VERB_LEAD_INS = frozenset(
    {"not", "be", "have", "been", "never", "also", "still", "soon", "probably", "likely"}
    | {"actually", "even", "ever", "all", "really", "only", "just", "finally", "certainly"}
)


@dataclass(frozen=True)
class SentenceInArticle:
    """A sentence where it starts in the article, with what the article says of its source."""

    start: int
    analysis: SentenceAnalysis
    source: str  # named attribution for it, in the sentence or next to it
    quoted: bool  # wholly inside a quotation attributed elsewhere


def _on_topic(hit: CueHit, topic: Topic) -> bool:
    return hit.category in _TOPIC_SENSITIVE and any(word in topic for word in hit.words)


def _span_text(sentence: SentenceInArticle, hit: CueHit) -> str:
    return " ".join(sentence.analysis.text[hit.start : hit.end].split())


def _suggestion(
    kind: SuggestionKind,
    sentence: SentenceInArticle,
    score: float,
    evidence: list[tuple[str, tuple[int, int] | None]],
    attribution: str = "",
) -> Suggestion:
    text = sentence.analysis.text
    base = sentence.start
    triggers = sorted({(base + s[0], base + s[1]) for _, s in evidence if s is not None})
    reasons = tuple(dict.fromkeys(reason for reason, _ in evidence))
    return Suggestion(
        kind,
        base,
        base + len(text),
        text,
        round(min(1.0, max(0.0, score)), 3),
        reasons,
        tuple(triggers),
        attribution,
    )


def claim_suggestion(
    sentence: SentenceInArticle, model: LinearModel, logit: float
) -> Suggestion | None:
    analysis = sentence.analysis
    score = model.probability_of(logit)
    vague = [] if sentence.source else analysis.vague_sources
    if score < model.threshold and not vague:
        return None
    if vague:
        score = max(score, VAGUE_CLAIM_SCORE)
    unsourced = not sentence.source
    which = 0 if unsourced else 1
    evidence: list[tuple[str, tuple[int, int] | None]] = []
    shown: dict[str, int] = {}
    hits = analysis.claim_cues
    for hit in sorted(
        hits,
        key=lambda h: (
            list(_CLAIM_REASONS).index(h.category) if h.category in _CLAIM_REASONS else 99
        ),
    ):
        templates = _CLAIM_REASONS.get(hit.category)
        if templates is None or shown.get(hit.category, 0) >= 2:
            continue
        if any(o is not hit and o.start <= hit.start and hit.end <= o.end for o in hits):
            continue  # "March" inside "March 3"
        shown[hit.category] = shown.get(hit.category, 0) + 1
        reason = templates[which].format(_span_text(sentence, hit))
        evidence.append((reason, (hit.start, hit.end)))
    for source in vague:
        evidence.insert(0, (_VAGUE_REASON.format(source.text), (source.start, source.end)))
    if not evidence and any(hit.category == "date" for hit in hits):
        return None  # a bare date or time ("in 2010", "at 7 p.m.") is not a claim
    if not evidence:
        name = _first_name(analysis)
        if name is not None:
            named = " ".join(analysis.text[name[0] : name[1]].split())
            evidence.append((_NAMED_REASONS[which].format(named), name))
        else:
            evidence.append((_FACT_REASONS[which], None))
    kind = SuggestionKind.UNSOURCED_CLAIM if unsourced else SuggestionKind.SOURCED_CLAIM
    return _suggestion(kind, sentence, score, evidence[:MAX_REASONS], sentence.source)


def opinion_suggestion(
    sentence: SentenceInArticle, model: LinearModel, claim_logit: float, topic: Topic
) -> Suggestion | None:
    analysis = sentence.analysis
    features = opinion_features(analysis, model.bigrams, claim_logit)
    score = model.probability(features)
    # a strong cue marks the writer's own voice whatever the model says; its score is how
    # often sentences with that cue were opinion in training, and at least the bar
    if all(analysis.is_reported(t.start, t.end) for t in analysis.tokens):
        return None  # reported speech with its speaker, as a quotation, is not the writer's
    hits = [
        hit
        for hit in analysis.opinion_cues
        if not _on_topic(hit, topic)
        and not analysis.is_reported(hit.start, hit.end)
        and not analysis.used_as_noun(hit)
        and not analysis.names_a_thing(hit)
        and not analysis.modifies_a_noun(hit)
    ]
    strong = strong_categories(hits)
    if score < model.threshold and not strong:
        return None
    if strong:
        cue_score = max(model.cue_scores.get(category, 0.0) for category in strong)
        score = max(score, model.threshold, cue_score)
    ranked: list[tuple[float, str, str, tuple[int, int]]] = []
    for hit in hits:
        template = _OPINION_REASONS.get(hit.category)
        if template is None:
            continue
        weight = model.weight(f"c:{hit.category}") + sum(
            model.weight(f"w:{word}") for word in hit.words
        )
        start, end = _extended(analysis, hit)
        shown = " ".join(analysis.text[start:end].split())
        if hit.category == "scare_quotes":
            shown = shown.strip("\"'“”‘’")
        ranked.append((weight, hit.category, template.format(shown), (start, end)))
    ranked = [  # "will" inside "will be entering"
        item
        for item in ranked
        if not any(
            other[1] == item[1]
            and other[3] != item[3]
            and other[3][0] <= item[3][0]
            and item[3][1] <= other[3][1]
            for other in ranked
        )
    ]
    ranked.sort(key=lambda item: -item[0])
    evidence: list[tuple[str, tuple[int, int] | None]] = [
        (reason, span) for _, _, reason, span in ranked[:MAX_REASONS]
    ]
    if not evidence:
        kept = [t for t, m in zip(analysis.tokens, analysis.masked, strict=True) if not m]
        words = _top_words(model, [t.norm for t in kept if t.norm not in topic])
        if not words:
            return None
        listed = ", ".join(f"“{word}”" for word in words)
        evidence = [(_OPINION_WORDING.format(listed), None)]
    return _suggestion(SuggestionKind.OPINION, sentence, score, evidence)


def _first_name(analysis: SentenceAnalysis) -> tuple[int, int] | None:
    """Span of the first run of capitalised words that holds a word (not an abbreviation such
    as "U.S." or a code such as "MS-13"); a lone capital first word does not count."""
    tokens = analysis.tokens
    i = _after_a_capitals_lead_in(analysis.text, tokens)
    while i < len(tokens):
        if _name_word(tokens[i]) and tokens[i].norm != "i":
            j = i
            while j + 1 < len(tokens) and _name_word(tokens[j + 1]):
                j += 1
            run = [t for t in tokens[i : j + 1] if t.norm not in _FUNCTION_WORDS]
            worded = any(_is_word(t.text) for t in run)
            following = tokens[j + 1].norm if j + 1 < len(tokens) else ""
            if (
                worded
                and not _numbered(analysis.text, tokens, j)
                and (j > i or i > 0)
                and following not in _GROUP_NOUNS
                and not _names_a_place(run, tokens)
            ):
                # not the function word that opens the sentence: "For Winnipeggers"
                return run[0].start, tokens[j].end
            i = j + 1
        else:
            i += 1
    return None


def _numbered(text: str, tokens: list[Token], last: int) -> bool:
    """Capitalised words with a number right after them name a road, a model or a mission,
    not people: "U.S. Highway 160", "Boeing 747", "Apollo 11"."""
    following = tokens[last + 1] if last + 1 < len(tokens) else None
    return (
        following is not None
        and following.text.isdigit()
        and text[tokens[last].end : following.start] == " "
    )


def _name_word(token: Token) -> bool:
    """A capitalised word, not an adjective made with a hyphen ("DNA-based", "Lenexa-based")."""
    last = token.text.rsplit("-", 1)[-1]
    return token.is_capitalised and not ("-" in token.text and last.isalpha() and last.islower())


def _after_a_capitals_lead_in(text: str, tokens: list[Token]) -> int:
    """Where a sentence's words start after a lead-in set in capitals ("THE PATENT FIGHT
    BETWEEN Google and …": words in capitals, one of them long) or a dateline ("NEW YORK -
    The Port Authority …", "DENVER — …"): they name nobody."""
    k = 0
    while k < len(tokens) and tokens[k].text.isalpha() and tokens[k].text.isupper():
        k += 1
    if not 0 < k < len(tokens):
        return 0
    if _DATELINE_DASH.match(text, tokens[k - 1].end):
        return k
    long_word = any(len(t.text) > _SHORT_CAPITALS for t in tokens[:k])
    return k if k >= 2 and long_word else 0


def _names_a_place(run: list[Token], tokens: list[Token]) -> bool:
    """ "Virginia", "New York", "Democratic": the capitalised words name no person; nor do
    those after "in" or "across" ("in Bavaria", "across the Midwest"), nor a movement's
    people ("Islamist"), nor a name that opens with a point of the compass ("the West
    Fork"), nor a name joined to a place ("between Durango and Cortez")."""
    before = [t for t in tokens if t.start < run[0].start and t.norm != "the"]
    if before and before[-1].norm in _LOCATIVES:
        return True
    if len(run) == 1 and run[0].norm.endswith(("ist", "ists")):
        return True  # a movement's people: "Islamist", "Baathists"
    if len(run) > 1 and run[0].norm in _COMPASS_POINTS:
        return True  # "the West Fork", "North Shore", "South Side"
    places = not_people()
    whole = " ".join(t.text for t in run).lower()
    if whole in places or all(t.norm in places for t in run):
        return True
    return (
        len(before) >= 2
        and before[-1].norm in ("and", "or")
        and before[-2].is_capitalised
        and before[-2].norm in places
    )


def _is_word(text: str) -> bool:
    return len(text) > 1 and any(c.islower() for c in text)


def _extended(analysis: SentenceAnalysis, hit: CueHit) -> tuple[int, int]:
    """A modal prediction is shown up to the verb it governs ("will destroy", "won't be
    open"); other cues as they are."""
    last = hit.words[-1] if hit.words else ""
    if hit.category != "prediction" or not (last in _MODALS or last.endswith("'ll")):
        return hit.start, hit.end
    end = hit.end
    for token in (t for t in analysis.tokens if t.start >= hit.end):
        if token.norm in _FUNCTION_WORDS or any(
            mark in analysis.text[end : token.start] for mark in ",.;:!?–—"
        ):
            break
        end = token.end
        if token.norm not in _VERB_LEAD_INS:
            break
    return hit.start, end


def _top_words(model: LinearModel, words: list[str], count: int = 3) -> list[str]:
    scored = sorted(
        ((model.weight(f"w:{w}"), w) for w in set(words) if not w.startswith("<")),
        reverse=True,
    )
    return [w for weight, w in scored[:count] if weight > 0.1]
