"""Suggested flags in the library: saving the detector's output, accepting and dismissing.

Suggestions live in the article's ``suggestions`` layer with status
``suggested``.  Accepting one moves it into the user's layer as an active flag
(its reasons kept in the note); dismissing keeps it with status ``dismissed``
so the same passage is not suggested again.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace

from reader.anchoring.selectors import make_anchor
from reader.core.models import Annotation, Article, Kind, LayerKind, Status
from reader.detectors import Suggestion, SuggestionKind
from reader.storage.library import Library

SUGGESTIONS_LAYER = LayerKind.SUGGESTIONS.value
REASON_SEPARATOR = ": "  # how reasons written before the sentence form named their words
_QUOTED_WORDS = re.compile(r"“([^”]+)”")


def flag_kind(kind: SuggestionKind) -> Kind | None:
    """The flag a suggestion becomes; a sourced claim is shown, never stored as a flag."""
    if kind is SuggestionKind.OPINION:
        return Kind.OPINION
    if kind is SuggestionKind.UNSOURCED_CLAIM:
        return Kind.UNSOURCED_CLAIM
    return None


def plan_suggestions(
    article: Article,
    existing: Sequence[Annotation],
    found: Iterable[Suggestion],
    kinds: Collection[SuggestionKind] | None = None,
) -> tuple[list[Annotation], list[Annotation]]:
    """(stale, fresh): the open suggestions to replace, and the new ones to store.

    Only open suggestions of the ``kinds`` looked for (all, by default) are
    stale.  A passage dismissed before is skipped, and so is one that overlaps a
    flag of the same kind already made: the reader has flagged that claim or
    opinion in their own words.
    """
    replaced = {flag_kind(kind) for kind in kinds} if kinds is not None else set(Kind)
    dismissed_before = {
        (annotation.kind, annotation.anchor.start, annotation.anchor.end)
        for annotation in existing
        if annotation.status is Status.DISMISSED
    }
    flagged = [annotation for annotation in existing if annotation.status is Status.ACTIVE]
    stale = [
        annotation
        for annotation in existing
        if annotation.layer == SUGGESTIONS_LAYER
        and annotation.status is Status.SUGGESTED
        and annotation.kind in replaced
    ]
    fresh: list[Annotation] = []
    for suggestion in found:
        kind = flag_kind(suggestion.kind)
        if kind is None or (kind, suggestion.start, suggestion.end) in dismissed_before:
            continue
        if any(
            flag.kind is kind
            and flag.anchor.start < suggestion.end
            and suggestion.start < flag.anchor.end
            for flag in flagged
        ):
            continue
        fresh.append(
            Annotation(
                article_id=article.id,
                kind=kind,
                anchor=make_anchor(article.text, suggestion.start, suggestion.end),
                layer=SUGGESTIONS_LAYER,
                status=Status.SUGGESTED,
                score=round(suggestion.score, 3),
                reasons=list(suggestion.reasons),
                author="Annotated Reader",
            )
        )
    return stale, fresh


def save_suggestions(
    library: Library,
    article_id: int,
    found: Iterable[Suggestion],
    kinds: Collection[SuggestionKind] | None = None,
) -> int:
    """Replace the article's open suggestions with ``found``; returns how many were stored."""
    stale, fresh = plan_suggestions(
        library.article(article_id), library.annotations(article_id), found, kinds
    )
    library.replace_annotations([annotation.uuid for annotation in stale], fresh)
    return len(fresh)


def accepted(suggestion: Annotation, layer: str = LayerKind.MINE.value) -> Annotation:
    """The flag a suggestion becomes when accepted: active, in the user's layer."""
    reasons = "\n".join(f"- {reason}" for reason in suggestion.reasons)
    return Annotation(
        article_id=suggestion.article_id,
        kind=suggestion.kind,
        anchor=suggestion.anchor,
        layer=layer,
        note=f"Suggested because:\n{reasons}" if reasons else "",
        tags=list(suggestion.tags),
        status=Status.ACTIVE,
        score=suggestion.score,
        reasons=list(suggestion.reasons),
        uuid=suggestion.uuid,
        created=suggestion.created,
    )


def dismissed(suggestion: Annotation) -> Annotation:
    return replace(suggestion, status=Status.DISMISSED)


def trigger_spans(annotation: Annotation) -> list[tuple[int, int]]:
    """Where the words a reason names stand in the passage, as canonical offsets.

    Matched as whole words, so "may" is not found inside "mayor".
    """
    spans: list[tuple[int, int]] = []
    for reason in annotation.reasons:
        quoted = _QUOTED_WORDS.findall(reason)
        if not quoted:  # "loaded word: appalling"
            quoted = [reason.partition(REASON_SEPARATOR)[2]]
        for words in (w.strip() for w in quoted):
            if not words:
                continue
            pattern = rf"(?<!\w){re.escape(words)}(?!\w)"
            found = re.search(pattern, annotation.anchor.exact, re.IGNORECASE)
            if found is not None:
                start = annotation.anchor.start + found.start()
                spans.append((start, start + len(found.group())))
    return sorted(set(spans))


def open_suggestions(annotations: Sequence[Annotation]) -> list[Annotation]:
    return [a for a in annotations if a.status is Status.SUGGESTED]
