"""The rule for an article's new version: is a changed text the same story, and where
does each of its flags go on it.

Pure functions on texts, anchors and statuses: the storage reads the flags, asks this
module where they go, and writes the answer.  Matching, the slow part, is planned per
old anchor (the result depends on the anchor and the new text alone), so a plan made
before the write lock stays right whatever is written meanwhile; only anchors the plan
has not seen are matched under the lock.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.core.models import PROGRESS_EVERY, Anchor, Progress, Stage, Status, no_progress

if TYPE_CHECKING:  # the matching (diff-match-patch) is imported when flags are matched:
    # opening a library, which reads SUGGESTION_STATUSES, loads none of it
    from reader.anchoring.reanchor import Reanchored, SearchBudget

SUGGESTION_STATUSES = (Status.SUGGESTED, Status.DISMISSED)  # the app's suggestions, open or not
SAME_STORY_SHARE = 0.4  # of the shorter text's words that an edited story keeps

Plan = dict[Anchor, "Reanchored"]  # where each old anchor goes on the new text


def same_story(old: str, new: str) -> bool:
    """Whether a changed text is an edit of the old one rather than another article.

    Compares the words shared, ignoring order: an edited story keeps most of
    its words, two different stories share few beyond the common ones.
    """
    old_words, new_words = Counter(old.lower().split()), Counter(new.lower().split())
    shared = sum((old_words & new_words).values())
    return shared >= SAME_STORY_SHARE * min(sum(old_words.values()), sum(new_words.values()))


def plan_anchors(
    anchors: Sequence[Anchor],
    text: str,
    planned: Plan,
    budget: SearchBudget,
    progress: Progress = no_progress,
) -> None:
    """Add to ``planned`` where each of ``anchors`` not in it yet goes on ``text`` (flags
    on the same passage move together), telling ``progress`` now and then; ``progress``
    may raise :class:`Cancelled`, leaving ``planned`` with what was matched so far."""
    from reader.anchoring.reanchor import reanchor

    total = len(anchors)
    for done, anchor in enumerate(anchors):
        if done % PROGRESS_EVERY == 0:
            progress(Stage.REANCHORING, done, total)
        if anchor not in planned:
            planned[anchor] = reanchor(anchor, text, budget)
    progress(Stage.REANCHORING, total, total)


def unplanned(anchors: Iterable[Anchor], planned: Plan) -> int:
    """How many of ``anchors`` the plan has not matched (added or moved since it was made)."""
    return sum(anchor not in planned for anchor in anchors)


@dataclass(frozen=True)
class StoredFlag:
    """What the rule needs to know of a flag already stored."""

    uuid: str
    anchor: Anchor
    status: Status


@dataclass(frozen=True)
class PlacedFlag:
    uuid: str
    anchor: Anchor
    status: Status


@dataclass
class NewVersionFlags:
    """Where the flags of an article go on its new version."""

    placed: list[PlacedFlag] = field(default_factory=list)  # found on the new text
    orphaned: list[str] = field(default_factory=list)  # not found: kept, listed apart
    dropped: list[str] = field(default_factory=list)  # suggestions not found: made again
    moved: int = 0  # of the placed, those not at their old place or found another way


def place_flags(
    flags: Sequence[StoredFlag], text: str, planned: Plan, budget: SearchBudget
) -> NewVersionFlags:
    """Move every flag onto ``text``: as ``planned`` says, or matched here if the plan has
    not seen its anchor.  A flag that cannot be found is orphaned, never dropped, except
    a suggestion: the app's own, it can be made again.  A placed orphan is active again."""
    from reader.anchoring.reanchor import Method, reanchor

    result = NewVersionFlags()
    for flag in flags:
        found = planned.get(flag.anchor) or reanchor(flag.anchor, text, budget)
        if found.anchor is None:
            if flag.status in SUGGESTION_STATUSES:
                result.dropped.append(flag.uuid)
            else:
                result.orphaned.append(flag.uuid)
            continue
        if found.method is not Method.POSITION or found.anchor.start != flag.anchor.start:
            result.moved += 1
        status = Status.ACTIVE if flag.status is Status.ORPHANED else flag.status
        result.placed.append(PlacedFlag(flag.uuid, found.anchor, status))
    return result
