"""Suggested flags in the library: saving the detector's output, accepting and dismissing.

Suggestions live in the article's ``suggestions`` layer with status
``suggested``.  Accepting one moves it into the user's layer as an active flag
(its reasons kept in the note); dismissing keeps it with status ``dismissed``
so the same passage is not suggested again.

What the teacher decided also tunes the order suggestions are shown in, for this
library only (``reader.detectors.learning``): ``library_learning`` reads it back from
the decisions, and ``reset_learning`` makes the ranking the shipped one again.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from reader.anchoring.selectors import make_anchor
from reader.core.models import Annotation, Article, Kind, LayerKind, Status, utc_now
from reader.detectors import Suggestion, SuggestionKind
from reader.detectors.learning import (
    NOTHING_LEARNED,
    Decision,
    Learned,
    Verdict,
    describe,
    learn,
    reason_cues,
)
from reader.services.suggestion_words import reason_sentence
from reader.storage.decisions import decided_flags
from reader.storage.library import Library
from reader.storage.settings import set_setting, setting

SUGGESTIONS_LAYER = LayerKind.SUGGESTIONS.value
REASON_SEPARATOR = ": "  # how reasons written before the sentence form named their words
_QUOTED_WORDS = re.compile(r"“([^”]+)”")
# decisions made up to this time (as ``utc_now`` writes it) are not learned from
LEARNING_RESET_SETTING = "suggestions_learning_reset"
MAX_PASSAGE = 2000  # characters of a flag read for its cues: a flag is a passage, not a page
_STORED_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


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
    *,
    best_only: bool = False,
) -> tuple[int, int]:
    """Replace the article's open suggestions with ``found`` (with ``best_only``, only those
    the app shows by default, as Suggest Flags does); (stored, held back)."""
    article = library.article(article_id)
    found = list(found)
    stale, fresh = plan_suggestions(article, library.annotations(article_id), found, kinds)
    held_back = 0
    if best_only:
        fresh, rest = best_of(fresh, found, article.text, library_learning(library))
        held_back = len(rest)
    library.replace_annotations([annotation.uuid for annotation in stale], fresh)
    return len(fresh), held_back


def accepted(suggestion: Annotation, layer: str = LayerKind.MINE.value) -> Annotation:
    """The flag a suggestion becomes when accepted: active, in the user's layer."""
    reasons = "\n".join(f"- {reason_sentence(reason)}" for reason in suggestion.reasons)
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
    """Dismissed now: learning counts a decision from when it was made."""
    return replace(suggestion, status=Status.DISMISSED, updated=utc_now())


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


def decisions(flags: Sequence[Annotation], since: str = "") -> list[Decision]:
    """What the teacher did, read from the flags of ``decided_flags``, leaving out what was
    last changed at or before ``since``: each suggestion accepted or dismissed, each open
    one that a flag of hers of the same kind covers (accepted in her own words), and each
    flag of hers where no suggestion of its kind was open, with the cues the detector reads
    in its passage (``passage_cues``): one ranked too low to be shown is what she wanted.
    Her flags count only on articles the app suggested on: the sample articles' demo flags
    teach nothing."""
    found: list[Decision] = []
    open_ones: dict[int, list[Annotation]] = {}
    for flag in flags:
        if flag.layer == SUGGESTIONS_LAYER and flag.status is Status.SUGGESTED:
            open_ones.setdefault(flag.article_id, []).append(flag)
    suggested_on = {
        f.article_id for f in flags if f.layer == SUGGESTIONS_LAYER or f.score is not None
    }
    covered: set[str] = set()
    for flag in flags:
        if flag.updated <= since or flag.article_id not in suggested_on:
            continue
        kind = SuggestionKind(flag.kind.value)
        if flag.layer == SUGGESTIONS_LAYER:
            if flag.status is Status.DISMISSED:
                found.append(Decision(kind, Verdict.DISMISSED, reason_cues(flag.reasons)))
        elif flag.status is not Status.ACTIVE:
            continue
        elif flag.score is not None:  # accepted: it keeps its score and reasons
            found.append(Decision(kind, Verdict.ACCEPTED, reason_cues(flag.reasons)))
        else:
            under = [
                s
                for s in open_ones.get(flag.article_id, [])
                if s.kind is flag.kind
                and s.anchor.start < flag.anchor.end
                and flag.anchor.start < s.anchor.end
            ]
            cues = () if under else passage_cues(kind, flag.anchor.exact)
            if cues:  # where the detector reads nothing, her flag says nothing of its order
                found.append(Decision(kind, Verdict.FLAGGED, cues))
            for suggestion in under:
                if suggestion.uuid not in covered:
                    covered.add(suggestion.uuid)
                    found.append(Decision(kind, Verdict.ACCEPTED, reason_cues(suggestion.reasons)))
    return found


@lru_cache(maxsize=4096)
def passage_cues(kind: SuggestionKind, passage: str) -> tuple[str, ...]:
    """The cue families the detector reads in a passage the teacher flagged herself, as
    ``kind``: what made it worth a flag, even where it was not shown or not suggested at
    all (read alone, without the article around it)."""
    from reader.detectors import suggest

    cues: dict[str, None] = {}
    for suggestion in suggest(passage[:MAX_PASSAGE], kinds={kind}):
        cues.update(dict.fromkeys(reason_cues(suggestion.reasons)))
    return tuple(cues)


def learning_reset_time(library: Library) -> str:
    """When learning was last reset, or "" (also for a value no reset wrote)."""
    return _reset_time(library.conn)


def library_learning(library: Library) -> Learned:
    """What this library's decisions since the last reset teach the ranking."""
    return _learned(library.conn)


def learning_in(path: Path) -> Learned:
    """What the library file at ``path`` has learned, read without opening it as a library
    (no migration, no write): nothing for a file that is not a library, or is too old."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return NOTHING_LEARNED
    try:
        return _learned(conn)
    except (sqlite3.Error, ValueError):  # not a database, or one without these tables
        return NOTHING_LEARNED
    finally:
        conn.close()


def _reset_time(conn: sqlite3.Connection) -> str:
    value = setting(conn, LEARNING_RESET_SETTING) or ""
    return value if _STORED_TIME.fullmatch(value) else ""


def _learned(conn: sqlite3.Connection) -> Learned:
    return learn(decisions(decided_flags(conn), _reset_time(conn)))


def reset_learning(library: Library) -> None:
    """Rank as shipped again: decisions made until now are no longer learned from (they
    are kept, and ``undo_reset_learning`` learns from them again)."""
    with library.transaction() as conn:
        set_setting(conn, LEARNING_RESET_SETTING, utc_now())


def undo_reset_learning(library: Library) -> None:
    with library.transaction() as conn:
        set_setting(conn, LEARNING_RESET_SETTING, None)


def learning_summary(library: Library) -> list[str]:
    """What the ranking has learned in this library, in plain sentences (for Settings)."""
    return describe(library_learning(library))


def best_of(
    planned: Sequence[Annotation],
    found: Iterable[Suggestion],
    text: str,
    learned: Learned = NOTHING_LEARNED,
) -> tuple[list[Annotation], list[Annotation]]:
    """(shown, rest): the suggestions ``planned`` from the detector's ``found`` that
    ``best_first`` shows by default, as ``reader suggest`` does (with what the library
    learned from its teacher), and the others."""
    from reader.detectors import best_first

    def place(kind: Kind | None, start: int, end: int) -> tuple[Kind | None, int, int]:
        return kind, start, end

    places = {place(a.kind, a.anchor.start, a.anchor.end) for a in planned}
    best, _ = best_first(
        (s for s in found if place(flag_kind(s.kind), s.start, s.end) in places), text, learned
    )
    chosen = {place(flag_kind(s.kind), s.start, s.end) for s in best}
    shown = [a for a in planned if place(a.kind, a.anchor.start, a.anchor.end) in chosen]
    return shown, [a for a in planned if a not in shown]
