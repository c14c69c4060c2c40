"""A result in flags, counted and said in words: all the class view needs to show the
figures kept (nothing here compares)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tally:
    """Counts in flags: the key's side (found, other kind, missed) and the student's side."""

    key_flags: int = 0
    found: int = 0
    found_other_kind: int = 0
    missed: int = 0
    flags: int = 0
    matching: int = 0
    other_kind: int = 0
    extra: int = 0


def summary_sentence(tally: Tally) -> str:
    """E.g. "You found 7 of the 10 flags in the key; 8 of your 9 flags match it." """
    sentence = (
        f"You found {tally.found} of the {in_flags(tally.key_flags)} in the key; "
        f"{tally.matching} of your {in_flags(tally.flags)} match it."
    )
    if tally.found_other_kind:
        sentence += f" You found {in_flags(tally.found_other_kind, 'more')} with another kind."
    return sentence


def counted(n: int, noun: str) -> str:
    """``1 student``, ``3 students``."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def in_flags(count: int, word: str = "") -> str:
    """``1 flag``, ``3 flags``, ``2 more flags``."""
    noun = "flag" if count == 1 else "flags"
    return f"{count} {word} {noun}" if word else f"{count} {noun}"
