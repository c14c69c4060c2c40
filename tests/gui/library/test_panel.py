"""The library panel's search snippets: whole words, the match always shown."""

from __future__ import annotations

from reader.gui.library.entries import fit_snippet, snippet_parts
from reader.storage.library import MATCH_END, MATCH_START

SNIPPET = f"…the rescue group {MATCH_START}Crisis{MATCH_END} team said on Monday that it would…"
PLAIN = SNIPPET.replace(MATCH_START, "").replace(MATCH_END, "")


def width_of(text: str, is_match: bool) -> int:
    return len(text) * (8 if is_match else 7)


def test_snippet_that_fits_is_shown_whole() -> None:
    parts = fit_snippet(SNIPPET, width_of, 1000)
    assert "".join(text for text, _ in parts) == PLAIN
    assert [text.strip() for text, is_match in parts if is_match] == ["Crisis"]


def test_narrow_snippet_keeps_the_match_whole_and_cuts_between_words() -> None:
    for room in (80, 120, 200, 300):
        parts = fit_snippet(SNIPPET, width_of, room)
        shown = "".join(text for text, _ in parts)
        assert sum(width_of(text, is_match) for text, is_match in parts) <= room
        assert [text.strip() for text, is_match in parts if is_match] == ["Crisis"]
        assert shown.endswith("…")
        words = shown.strip("… ").split()
        original = PLAIN.strip("…").split()
        assert all(word in original for word in words), shown


def test_square_brackets_in_the_text_are_not_matches() -> None:
    parts = snippet_parts(f"as reported [1], the {MATCH_START}council{MATCH_END} voted")
    assert [text for text, is_match in parts if is_match] == ["council"]
    assert "[1]" in "".join(text for text, _ in parts)
