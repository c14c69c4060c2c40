"""What changed between two versions of one article: the spans deleted from the old text
and inserted into the new one, and what became of each flag.

The spans come from difflib's diff (longest matching blocks first) over words, each
with the spaces after it, and punctuation marks: a changed figure reads "4" deleted,
"6" inserted, and a paragraph moved whole reads as deleted in one place and inserted
in another.  Words frequent in a long article only extend matches (difflib's
"autojunk"), which keeps a heavily rewritten article from taking long.

The flags go through the library's own re-anchoring
(:func:`reader.anchoring.reanchor.reanchor`): first onto the old version, since the
library keeps only where each flag is now (a flag not found there is not in that
version and is left out), then onto the new one.  A flag is

- *kept* when its passage is unchanged and sits where the edits around it carried it,
- *moved* when it was found elsewhere or with other words (its passage was edited or
  moved),
- *orphaned* when it was not found: the library keeps it, listed apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from reader.anchoring.reanchor import SearchBudget, reanchor
from reader.core.models import Anchor, Annotation

_TOKEN = re.compile(r"\w+\s*|[^\w\s]\s*|\s+")
# (tag, old_start, old_end, new_start, new_end) in characters, as difflib's opcodes
Opcode = tuple[str, int, int, int, int]


class ChangeKind(StrEnum):
    DELETED = "deleted"
    INSERTED = "inserted"


@dataclass(frozen=True)
class Change:
    """A span deleted from the old text (``old_start``..``old_end``; ``new_start`` ==
    ``new_end`` is where it was in the new one) or inserted into the new text (the reverse)."""

    kind: ChangeKind
    text: str
    old_start: int
    old_end: int
    new_start: int
    new_end: int


class FlagFate(StrEnum):
    KEPT = "kept"
    MOVED = "moved"
    ORPHANED = "orphaned"


@dataclass(frozen=True)
class FlagChange:
    annotation: Annotation
    old: Anchor  # on the old text
    new: Anchor | None  # on the new text; None when orphaned
    fate: FlagFate


@dataclass(frozen=True)
class VersionDiff:
    changes: list[Change]
    flags: list[FlagChange]  # in the order of their place in the old text


def _diff(old: str, new: str) -> list[Opcode]:
    old_tokens = _TOKEN.findall(old)
    new_tokens = _TOKEN.findall(new)
    old_at = _offsets(old_tokens)
    new_at = _offsets(new_tokens)
    matcher = SequenceMatcher(None, old_tokens, new_tokens)
    return [
        (tag, old_at[i1], old_at[i2], new_at[j1], new_at[j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def _offsets(tokens: list[str]) -> list[int]:
    """The character offset of each token, and of the end."""
    offsets = [0]
    for token in tokens:
        offsets.append(offsets[-1] + len(token))
    return offsets


def text_changes(old: str, new: str) -> list[Change]:
    """The deleted and inserted spans, in text order."""
    return _changes(old, new, _diff(old, new))


def _changes(old: str, new: str, opcodes: list[Opcode]) -> list[Change]:
    changes: list[Change] = []
    for tag, old_start, old_end, new_start, new_end in opcodes:
        if tag in ("delete", "replace"):
            text = old[old_start:old_end]
            changes.append(
                Change(ChangeKind.DELETED, text, old_start, old_end, new_start, new_start)
            )
        if tag in ("insert", "replace"):
            text = new[new_start:new_end]
            changes.append(Change(ChangeKind.INSERTED, text, old_end, old_end, new_start, new_end))
    return changes


def _carried(opcodes: list[Opcode], position: int) -> int:
    """Where the edits carry a position of the old text in the new one."""
    for tag, old_start, old_end, new_start, _new_end in opcodes:
        if old_start <= position < old_end:
            return new_start + (position - old_start if tag == "equal" else 0)
    return opcodes[-1][4] if opcodes else 0


def diff_versions(old: str, new: str, flags: Sequence[Annotation]) -> VersionDiff:
    """The changes from ``old`` to ``new`` and the fate of each of ``flags`` (anchored
    on any version of the article)."""
    opcodes = _diff(old, new)
    budget = SearchBudget()
    results: list[FlagChange] = []
    for annotation in flags:
        on_old = reanchor(annotation.anchor, old, budget).anchor
        if on_old is None:
            continue
        on_new = reanchor(on_old, new, budget).anchor
        if on_new is None:
            fate = FlagFate.ORPHANED
        elif on_new.exact == on_old.exact and on_new.start == _carried(opcodes, on_old.start):
            fate = FlagFate.KEPT
        else:
            fate = FlagFate.MOVED
        results.append(FlagChange(annotation, on_old, on_new, fate))
    results.sort(key=lambda change: (change.old.start, change.old.end))
    return VersionDiff(_changes(old, new, opcodes), results)
