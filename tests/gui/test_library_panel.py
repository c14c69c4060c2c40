"""The library panel's search snippets: whole words, the match always shown."""

from __future__ import annotations

from reader.gui.library_panel import fit_snippet

SNIPPET = "…the rescue group [Crisis] team said on Monday that it would…"


def width_of(text: str, is_match: bool) -> int:
    return len(text) * (8 if is_match else 7)


def test_snippet_that_fits_is_shown_whole() -> None:
    parts = fit_snippet(SNIPPET, width_of, 1000)
    assert "".join(text for text, _ in parts) == SNIPPET.replace("[", "").replace("]", "")
    assert [text.strip() for text, is_match in parts if is_match] == ["Crisis"]


def test_narrow_snippet_keeps_the_match_whole_and_cuts_between_words() -> None:
    for room in (80, 120, 200, 300):
        parts = fit_snippet(SNIPPET, width_of, room)
        shown = "".join(text for text, _ in parts)
        assert sum(width_of(text, is_match) for text, is_match in parts) <= room
        assert [text.strip() for text, is_match in parts if is_match] == ["Crisis"]
        assert shown.endswith("…")
        words = shown.strip("… ").split()
        original = SNIPPET.replace("[", "").replace("]", "").strip("…").split()
        assert all(word in original for word in words), shown
