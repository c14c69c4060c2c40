"""Pathological Markdown costs work in proportion to its size, not its square.

The work is counted, not timed: markdown-it's inline parser skips over a token at a
time (``skipToken``) when it scans a link label, and every step of a scan is one call.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from reader.anchoring.canonical import canonical_text, markdown_parser
from tests.fuzz.corpus import HOSTILE_INPUTS

# steps per character of Markdown: markdown-it alone takes about a hundred on a run of "!["
MAX_SKIPS_PER_CHARACTER = 2


def _token_skips(markdown: str, monkeypatch: pytest.MonkeyPatch) -> int:
    inline = markdown_parser().inline
    original: Callable[..., None] = inline.skipToken
    calls = 0

    def counted(state: object) -> None:
        nonlocal calls
        calls += 1
        original(state)

    with monkeypatch.context() as patch:
        patch.setattr(inline, "skipToken", counted)
        canonical_text(markdown)
    return calls


@pytest.mark.parametrize("name", ["image-openers.md", "nested-links.md", "nested-images.md"])
def test_label_scans_step_over_each_bracket_once(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    markdown = next(item for item in HOSTILE_INPUTS if item.name == name).text(8_000)
    skips = _token_skips(markdown, monkeypatch)
    assert 0 < skips <= MAX_SKIPS_PER_CHARACTER * len(markdown)


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("[a [b] c](http://x) and [d](<e>)", "a [b] c and d"),
        ("[a `[` b](http://x)", "a [ b"),
        ("[[a](b)](c) ![![i](j)](k)", "[a](c) ![i](j)"),
        ("![a ![b `c` *d*](u) e](v) [f ![g](h)](i)", "a ![b `c` *d*](u) e f g"),
        ("[x [y](z) w](v)", "[x y w](v)"),
        ("[a](u]x) [`]`](u)", "a ]"),
        ("[x][y]\n\n[y]: http://z", "x"),
        ("\\[a](b) [unclosed " + "![" * 50, "[a](b) [unclosed " + "![" * 50),
    ],
)
def test_links_read_as_before(markdown: str, text: str) -> None:
    assert canonical_text(markdown) == text
