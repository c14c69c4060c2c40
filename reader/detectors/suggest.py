"""Suggest opinion and unsourced-claim flags for an article's canonical text, with reasons."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, replace

from reader.anchoring.canonical import ArticleHeader, byline_span
from reader.anchoring.tokens import Token, block_sentences, word_norms
from reader.core.models import ReaderError
from reader.detectors.features import (
    CueHit,
    SentenceAnalysis,
    analyse,
    claim_features,
    opinion_features,
    strong_categories,
)
from reader.detectors.links import linked_spans
from reader.detectors.places import not_people
from reader.detectors.resources import LinearModel, claim_model, cues, opinion_model
from reader.detectors.results import Suggestion, SuggestionKind

MAX_TEXT_CHARS = 2_000_000
MIN_WORDS = 3
MAX_REASONS = 5
VAGUE_CLAIM_SCORE = 0.6
DEFAULT_KINDS = frozenset({SuggestionKind.OPINION, SuggestionKind.UNSOURCED_CLAIM})
_KIND_NAMES = {SuggestionKind.OPINION: "opinion", SuggestionKind.UNSOURCED_CLAIM: "unsourced claim"}

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
_OTHER_KIND = "Also read as {} ({}%): {}"
_TOPIC_COUNT = 3  # a word used this often is what the article is about
_TOPIC_SENSITIVE = frozenset({"loaded", "evaluative"})
_MODALS = frozenset({"will", "won't", "shall", "would", "be", "to"})  # "going to", "bound to"
_TERMINAL = re.compile(r"[.!?…:][\"'”’)\]]*\s*$")
_FRAGMENT_EVIDENCE = 2  # trigger passages a heading or list item needs to be suggested
_FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "this", "that", "to", "of", "in", "on", "at", "for", "with", "by", "and"}
    | {"or", "but", "as", "than", "more", "less", "so", "very", "too"}
)
_LEADING_WORDS = 3  # a source opening the next sentence: "She said", "Council member Ray Tan said"
# after a modal, these words lead on to the verb it governs: "will not be entering"
_VERB_LEAD_INS = frozenset(
    {"not", "be", "have", "been", "never", "also", "still", "soon", "probably", "likely"}
    | {"actually", "even", "ever", "all", "really", "only", "just", "finally", "certainly"}
)


def reason_templates() -> dict[str, tuple[str, ...]]:
    """Each cue family and the reason sentences written for it, ``{}`` standing for the
    passage's words: how what a teacher decided is traced back to the cues behind it."""
    families: dict[str, tuple[str, ...]] = {c: (t,) for c, t in _OPINION_REASONS.items()}
    families |= _CLAIM_REASONS
    families |= {"vague": (_VAGUE_REASON,), "named": _NAMED_REASONS, "fact": _FACT_REASONS}
    families["wording"] = (_OPINION_WORDING,)
    return families


@dataclass(frozen=True)
class _Sentence:
    start: int
    analysis: SentenceAnalysis
    source: str  # named attribution for it, in the sentence or next to it
    quoted: bool  # wholly inside a quotation attributed elsewhere


def suggest_article(
    article: ArticleHeader,
    text: str,
    *,
    markdown: str = "",
    kinds: Collection[SuggestionKind] | None = None,
    include_sourced: bool = False,
) -> list[Suggestion]:
    """Candidate flags for an article's ``text``: its headline and body, never its byline
    (who wrote it, where and when is no claim or opinion). With the article's ``markdown``,
    a sentence holding a link counts as sourced."""
    byline = byline_span(article)
    skip = [byline] if byline is not None else []
    return suggest(
        text,
        kinds=kinds,
        include_sourced=include_sourced,
        skip=skip,
        title=article.title,
        links=linked_spans(article, markdown) if markdown else (),
    )


def suggest(
    text: str,
    *,
    kinds: Collection[SuggestionKind] | None = None,
    include_sourced: bool = False,
    skip: Collection[tuple[int, int]] = (),
    title: str = "",
    links: Collection[tuple[int, int]] = (),
) -> list[Suggestion]:
    """Candidate flags for ``text`` (canonical text), sorted by start offset; none in a
    block that starts inside one of the ``skip`` spans, nor in page furniture (a newsletter
    prompt, a block that is only a link). The words of the ``title`` and words frequent in
    the text are its topic, never a loaded word; a sentence holding one of the ``links``
    spans is sourced by it."""
    if not isinstance(text, str):
        raise ReaderError("suggest needs the article's text as a string")
    if len(text) > MAX_TEXT_CHARS:
        raise ReaderError(
            f"the text is too long for suggestions: {_count(len(text))} characters, "
            f"at most {_count(MAX_TEXT_CHARS)}"
        )
    wanted = set(DEFAULT_KINDS if kinds is None else kinds)
    if include_sourced:
        wanted.add(SuggestionKind.SOURCED_CLAIM)
    opinion, claim = opinion_model(), claim_model()
    topic = topic_words(text, title)
    found: list[Suggestion] = []
    introduced = ""  # the source of a quotation announced at the end of the block before
    for block in block_sentences(text):
        if any(start <= block[0][0] < end for start, end in skip) or is_furniture(
            text, block, links
        ):
            introduced = ""
            continue
        sentences = _with_linked_sources(text, _with_sources(text, block, introduced), links)
        last = sentences[-1].analysis
        introduced = _introducer(last)
        fragment = len(block) == 1 and not _TERMINAL.search(last.text)
        for sentence in sentences:
            if len(sentence.analysis.tokens) < MIN_WORDS:
                continue
            made_here: list[Suggestion] = []
            claim_logit = claim.logit(claim_features(sentence.analysis, claim.bigrams))
            if wanted & {SuggestionKind.UNSOURCED_CLAIM, SuggestionKind.SOURCED_CLAIM}:
                made = _claim(sentence, claim, claim_logit)
                if made is not None and made.kind in wanted:
                    made_here.append(made)
            if SuggestionKind.OPINION in wanted and not sentence.quoted:
                made = _opinion(sentence, opinion, claim_logit, topic)
                if made is not None:
                    made_here.append(made)
            # a heading or a short list item is a label, not a statement: only strong evidence
            found.extend(
                s for s in made_here if not fragment or len(s.triggers) >= _FRAGMENT_EVIDENCE
            )
    return sorted(_one_per_sentence(found), key=lambda s: (s.start, s.kind))


def _count(characters: int) -> str:
    """A number of characters in plain words: "8.9 million", "2 million", "1,250"."""
    millions = characters / 1_000_000
    if characters < 1_000_000 or round(millions, 1) * 1_000_000 == MAX_TEXT_CHARS != characters:
        return f"{characters:,}"  # rounded, it would read as the limit itself
    return f"{millions:.1f}".removesuffix(".0") + " million"


def topic_words(text: str, title: str) -> frozenset[str]:
    """What the article is about: the words of its title and those it uses often."""
    counts = Counter(word_norms(text))
    frequent = {word for word, count in counts.items() if count >= _TOPIC_COUNT}
    return frozenset(frequent | set(word_norms(title)))


def _on_topic(hit: CueHit, topic: frozenset[str]) -> bool:
    return hit.category in _TOPIC_SENSITIVE and any(word in topic for word in hit.words)


def is_furniture(
    text: str, block: list[tuple[int, int]], links: Collection[tuple[int, int]]
) -> bool:
    """Page furniture, not the article: a newsletter or comment prompt, a "DON'T MISS"
    heading, a list item that is only a link."""
    start, end = block[0][0], block[-1][1]
    content = text[start:end].lower().replace("’", "'")
    if any(phrase in content for phrase in cues().boilerplate):
        return True
    linked = sum(min(end, e) - max(start, s) for s, e in links if s < end and start < e)
    return linked >= len(content.strip(" -*•.")) > 0


def _with_linked_sources(
    text: str, sentences: list[_Sentence], links: Collection[tuple[int, int]]
) -> list[_Sentence]:
    """A sentence holding a link is sourced by it."""
    result = []
    for sentence in sentences:
        end = sentence.start + len(sentence.analysis.text)
        link = next(((s, e) for s, e in links if sentence.start <= s < end), None)
        if link is not None and not sentence.source:
            sentence = replace(sentence, source=f"a link: {text[link[0] : link[1]]}")
        result.append(sentence)
    return result


def _one_per_sentence(found: list[Suggestion]) -> list[Suggestion]:
    """One flag suggestion per sentence: an opinion and an unsourced claim (or two of a
    kind) on the same passage become one, of the kind with the higher score, with every
    reason; the other kind's reasons say which kind and score they come from. Sourced
    claims (shown, never stored) stay apart."""
    by_passage: dict[tuple[int, int], list[Suggestion]] = {}
    kept: list[Suggestion] = []
    for suggestion in found:
        if suggestion.kind in DEFAULT_KINDS:
            by_passage.setdefault((suggestion.start, suggestion.end), []).append(suggestion)
        else:
            kept.append(suggestion)
    for group in by_passage.values():
        first, *others = sorted(group, key=lambda s: -s.score)
        reasons = list(first.reasons)
        triggers = set(first.triggers)
        for other in others:
            triggers.update(other.triggers)
            if other.kind is first.kind:
                reasons.extend(other.reasons)
            else:
                name, percent = _KIND_NAMES[other.kind], round(other.score * 100)
                reasons.extend(_OTHER_KIND.format(name, percent, r) for r in other.reasons)
        kept.append(
            replace(first, reasons=tuple(dict.fromkeys(reasons)), triggers=tuple(sorted(triggers)))
        )
    return kept


def _introducer(analysis: SentenceAnalysis) -> str:
    """The named source of a sentence that ends by announcing a quotation ("It read:")."""
    if analysis.text.rstrip().endswith(":") and analysis.named_sources:
        return analysis.named_sources[-1].text
    return ""


def _with_sources(text: str, spans: list[tuple[int, int]], introduced: str) -> list[_Sentence]:
    """``introduced``: the block is a quotation announced by the block before it."""
    analyses = [analyse(text[start:end]) for start, end in spans]
    sources = [a.named_sources[0].text if a.named_sources else "" for a in analyses]
    quoted = [False] * len(analyses)
    if introduced:
        return [
            _Sentence(start, analysis, source or introduced, not source)
            for (start, _), analysis, source in zip(spans, analyses, sources, strict=True)
        ]
    # a quotation running over several sentences takes the source named where it closes
    i = 0
    while i < len(analyses):
        if analyses[i].quotes.runs_on:
            j = i + 1
            while j < len(analyses) and not analyses[j].quotes.opens_before:
                j += 1
            group = range(i, min(j, len(analyses) - 1) + 1)
            source = next((sources[k] for k in group if sources[k]), "")
            if source:
                for k in group:
                    quoted[k] = not sources[k]
                    sources[k] = sources[k] or source
            i = group[-1] + 1
        else:
            i += 1
    for i in range(len(analyses)):
        if sources[i]:
            continue
        if _only_quotation(analyses[i]):
            # a quoted sentence belongs to the speaker named just before it in the paragraph,
            # or just after it ("…the busiest in the state." She said the figure had doubled.)
            speaker = _speaker_nearby(analyses, i)
            if speaker:
                sources[i], quoted[i] = speaker, True
                continue
        if i and analyses[i - 1].text.rstrip().endswith(":") and analyses[i - 1].named_sources:
            sources[i] = sources[i - 1]
        elif i + 1 < len(analyses) and analyses[i + 1].text.lower().startswith(
            ("according to", "that's according to", "that’s according to", "source:")
        ):
            following = analyses[i + 1].named_sources
            sources[i] = following[0].text if following else ""
        elif i + 1 < len(analyses) and _figures_sourced_next(analyses[i], analyses[i + 1]):
            # "…a 9 percent cut. The adopted budget lists $1.21 million, down from $1.33 million."
            sources[i] = analyses[i + 1].named_sources[0].text
    return [
        _Sentence(start, analysis, source, is_quoted)
        for (start, _), analysis, source, is_quoted in zip(
            spans, analyses, sources, quoted, strict=True
        )
    ]


def _figures_sourced_next(claim: SentenceAnalysis, following: SentenceAnalysis) -> bool:
    """A sentence with figures followed by one that opens with a named source and gives
    the figures behind them: the source is next to the claim."""
    sources = following.named_sources
    return bool(sources) and sources[0].start == 0 and _has_figure(claim) and _has_figure(following)


def _has_figure(analysis: SentenceAnalysis) -> bool:
    return any(hit.category == "figure" for hit in analysis.claim_cues)


def _only_quotation(analysis: SentenceAnalysis) -> bool:
    """Every word of the sentence is inside quotation marks."""
    tokens = analysis.tokens
    return bool(tokens) and all(analysis.quotes.covers(t.start, t.end) for t in tokens)


def _speaker_nearby(analyses: list[SentenceAnalysis], index: int) -> str:
    before = analyses[index - 1] if index else None
    if before is not None and before.quotes.spans and before.named_sources:
        return before.named_sources[0].text
    after = analyses[index + 1] if index + 1 < len(analyses) else None
    if after is not None and after.named_sources:
        source = after.named_sources[0]
        if len(after.text[: source.start].split()) <= _LEADING_WORDS:
            return source.text
    return ""


def _span_text(sentence: _Sentence, hit: CueHit) -> str:
    return " ".join(sentence.analysis.text[hit.start : hit.end].split())


def _suggestion(
    kind: SuggestionKind,
    sentence: _Sentence,
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


def _claim(sentence: _Sentence, model: LinearModel, logit: float) -> Suggestion | None:
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


def _opinion(
    sentence: _Sentence, model: LinearModel, claim_logit: float, topic: frozenset[str]
) -> Suggestion | None:
    analysis = sentence.analysis
    features = opinion_features(analysis, model.bigrams, claim_logit)
    score = model.probability(features)
    # a strong cue marks the writer's own voice whatever the model says; its score is how
    # often sentences with that cue were opinion in training, and at least the bar
    hits = [hit for hit in analysis.opinion_cues if not _on_topic(hit, topic)]
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
    i = 0
    while i < len(tokens):
        if tokens[i].is_capitalised and tokens[i].norm != "i":
            j = i
            while j + 1 < len(tokens) and tokens[j + 1].is_capitalised:
                j += 1
            run = [t for t in tokens[i : j + 1] if t.norm not in _FUNCTION_WORDS]
            worded = any(_is_word(t.text) for t in run)
            if worded and (j > i or i > 0) and not _names_a_place(run):
                return tokens[i].start, tokens[j].end
            i = j + 1
        else:
            i += 1
    return None


def _names_a_place(run: list[Token]) -> bool:
    """ "Virginia", "New York", "Democratic": the capitalised words name no person."""
    places = not_people()
    whole = " ".join(t.text for t in run).lower()
    return whole in places or all(t.norm in places for t in run)


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
