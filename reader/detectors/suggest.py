"""Suggest opinion and unsourced-claim flags for an article's canonical text, with reasons."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace

from reader.anchoring.canonical import ArticleHeader, byline_span
from reader.anchoring.tokens import block_sentences
from reader.core.models import ReaderError
from reader.detectors.features import SentenceAnalysis, analyse
from reader.detectors.links import linked_spans
from reader.detectors.model_features import claim_features
from reader.detectors.ranking import other_kind_lead
from reader.detectors.reasons import SentenceInArticle, claim_suggestion, opinion_suggestion
from reader.detectors.resources import claim_model, cues, opinion_model
from reader.detectors.results import Suggestion, SuggestionKind
from reader.detectors.topic import topic_of

MAX_TEXT_CHARS = 2_000_000
MIN_WORDS = 3
DEFAULT_KINDS = frozenset({SuggestionKind.OPINION, SuggestionKind.UNSOURCED_CLAIM})
_KIND_NAMES = {SuggestionKind.OPINION: "opinion", SuggestionKind.UNSOURCED_CLAIM: "unsourced claim"}

_TERMINAL = re.compile(r"[.!?…:][\"'”’)\]]*\s*$")
_FRAGMENT_EVIDENCE = 2  # trigger passages a heading or list item needs to be suggested
_OPENING_QUOTES = ("“", '"', "«", "„")
_CLOSING_QUOTES = ("”", '"', "»")
_LEADING_WORDS = 3  # a source opening the next sentence: "She said", "Council member Ray Tan said"
# a clause that says someone is speaking without naming them: "…, adding that she never wore it"
_SPEAKING_ON = re.compile(
    r",\s+(?:adding|saying|claiming|insisting|explaining|noting|arguing|stressing)\b"
)


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
    the text, in any of their forms, are its topic, never a loaded word; a sentence holding
    one of the ``links`` spans is sourced by it."""
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
    topic = topic_of(text, title)
    found: list[Suggestion] = []
    introduced = ""  # the source of a quotation announced at the end of the block before
    runs_on = False  # …or left open there, to go on in a block that opens with a quote mark
    speaker = ""  # who the block before quoted, last
    for block in block_sentences(text):
        if any(start <= block[0][0] < end for start, end in skip) or is_furniture(
            text, block, links
        ):
            introduced = speaker = ""
            continue
        if runs_on and not text.startswith(_OPENING_QUOTES, block[0][0]):
            introduced = ""
        if not introduced and speaker and _wholly_quoted(text[block[0][0] : block[-1][1]]):
            introduced = speaker  # a speech quoted over paragraphs, its speaker named once
        sentences = _with_linked_sources(text, _with_sources(text, block, introduced), links)
        last = sentences[-1].analysis
        introduced, runs_on = _introducer(sentences)
        speaker = next((s.source for s in reversed(sentences) if s.analysis.quotes.spans), "")
        fragment = len(block) == 1 and not _TERMINAL.search(last.text)
        for sentence in sentences:
            if len(sentence.analysis.tokens) < MIN_WORDS:
                continue
            made_here: list[Suggestion] = []
            claim_logit = claim.logit(claim_features(sentence.analysis, claim.bigrams))
            if wanted & {SuggestionKind.UNSOURCED_CLAIM, SuggestionKind.SOURCED_CLAIM}:
                made = claim_suggestion(sentence, claim, claim_logit)
                if made is not None and made.kind in wanted:
                    made_here.append(made)
            if SuggestionKind.OPINION in wanted and not sentence.quoted:
                made = opinion_suggestion(sentence, opinion, claim_logit, topic)
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


def is_furniture(
    text: str, block: list[tuple[int, int]], links: Collection[tuple[int, int]]
) -> bool:
    """Page furniture, not the article: a newsletter or comment prompt, a "DON'T MISS"
    heading, a "Related:" teaser, a credit or copyright line, a list item that is only a
    link."""
    start, end = block[0][0], block[-1][1]
    content = text[start:end].lower().replace("’", "'")
    if any(phrase in content for phrase in cues().boilerplate) or content.startswith(
        cues().boilerplate_openings
    ):
        return True
    linked = sum(min(end, e) - max(start, s) for s, e in links if s < end and start < e)
    return linked >= len(content.strip(" -*•.")) > 0


def _with_linked_sources(
    text: str, sentences: list[SentenceInArticle], links: Collection[tuple[int, int]]
) -> list[SentenceInArticle]:
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
                lead = other_kind_lead(_KIND_NAMES[other.kind], other.score)
                reasons.extend(lead + r for r in other.reasons)
        kept.append(
            replace(first, reasons=tuple(dict.fromkeys(reasons)), triggers=tuple(sorted(triggers)))
        )
    return kept


def _introducer(sentences: list[SentenceInArticle]) -> tuple[str, bool]:
    """The named source of a quotation a block announces at its end ("It read:"), or of
    one it leaves open to go on in the next paragraph (which then opens with a quotation
    mark, as a quotation of several paragraphs is printed); and whether it is left open."""
    last = sentences[-1].analysis
    if last.text.rstrip().endswith(":") and last.named_sources:
        return last.named_sources[-1].text, False
    if last.quotes.runs_on:
        return next((s.source for s in reversed(sentences) if s.source), ""), True
    return "", False


def _with_sources(
    text: str, spans: list[tuple[int, int]], introduced: str
) -> list[SentenceInArticle]:
    """``introduced``: the block is a quotation announced by the block before it."""
    analyses = [analyse(text[start:end]) for start, end in spans]
    sources = [a.named_sources[0].text if a.named_sources else "" for a in analyses]
    quoted = [False] * len(analyses)
    if introduced:
        return [
            SentenceInArticle(start, analysis, source or introduced, not source)
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
            # or, named nowhere in it, the speaker just before it: “…,” he said. “… (left open)
            source = next((sources[k] for k in group if sources[k]), "") or _speaker_nearby(
                analyses, i
            )
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
        elif i and sources[i - 1] and _SPEAKING_ON.search(analyses[i].text):
            # evidence given on: "X told the inquest …. Y once sent …, adding that …"
            sources[i] = sources[i - 1]
        elif i + 1 < len(analyses) and analyses[i + 1].text.lower().startswith(
            ("according to", "that's according to", "that’s according to", "source:")
        ):
            following = analyses[i + 1].named_sources
            sources[i] = following[0].text if following else ""
        elif i and analyses[i - 1].named_sources and _they_report(analyses[i]):
            # "The Forest Service released its survey. They found …": they are that source
            sources[i] = analyses[i - 1].named_sources[0].text
        elif i + 1 < len(analyses) and _only_a_mark(analyses[i + 1]):
            sources[i] = analyses[i + 1].named_sources[0].text  # "…first year.²", split off
        elif i + 1 < len(analyses) and _figures_sourced_next(analyses[i], analyses[i + 1]):
            # "…a 9 percent cut. The adopted budget lists $1.21 million, down from $1.33 million."
            sources[i] = analyses[i + 1].named_sources[0].text
    return [
        SentenceInArticle(start, analysis, source, is_quoted)
        for (start, _), analysis, source, is_quoted in zip(
            spans, analyses, sources, quoted, strict=True
        )
    ]


def _figures_sourced_next(claim: SentenceAnalysis, following: SentenceAnalysis) -> bool:
    """A sentence with figures followed by one that opens with a named source and gives
    the figures behind them: the source is next to the claim."""
    sources = following.named_sources
    return bool(sources) and sources[0].start == 0 and _has_figure(claim) and _has_figure(following)


def _they_report(analysis: SentenceAnalysis) -> bool:
    """A sentence that opens with "They" as the subject of a reporting verb: "They found …"."""
    vague = analysis.vague_sources
    return bool(vague) and vague[0].start == 0 and analysis.tokens[0].norm == "they"


def _only_a_mark(analysis: SentenceAnalysis) -> bool:
    """A "sentence" that is only a footnote mark or a citation."""
    sources = analysis.named_sources
    return bool(sources) and sources[0].start == 0 and sources[0].end >= len(analysis.text.rstrip())


def _has_figure(analysis: SentenceAnalysis) -> bool:
    return any(hit.category == "figure" for hit in analysis.claim_cues)


def _wholly_quoted(block: str) -> bool:
    """A block that is one quotation: it opens and closes with quotation marks and holds
    none between ("…," she said. "…" has its own speaker)."""
    block = block.strip()
    inner = block[1:-1]
    return (
        block.startswith(_OPENING_QUOTES)
        and block.endswith(_CLOSING_QUOTES)
        and not any(mark in inner for mark in _OPENING_QUOTES + _CLOSING_QUOTES)
    )


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
