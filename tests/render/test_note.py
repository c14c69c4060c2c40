"""A flag's note rendered as CommonMark HTML, safely (no Qt needed)."""

from __future__ import annotations

import pytest

from reader.core.models import ReaderError
from reader.render import Theme
from reader.render.note import MAX_NOTE_CHARACTERS, render_markdown_html


def body(html: str) -> str:
    return html.split("<body>", 1)[1]


def test_commonmark_emphasis_and_code() -> None:
    html = body(render_markdown_html("_italic_ and **bold** and `x = 1`", Theme.LIGHT))
    assert "<em>italic</em>" in html
    assert "<strong>bold</strong>" in html
    assert "<code>x = 1</code>" in html


def test_raw_html_stays_text() -> None:
    html = body(render_markdown_html('<script>alert(1)</script> <b onclick="x">b</b>', Theme.DARK))
    assert "<script>" not in html and "<b " not in html
    assert "&lt;script&gt;" in html


def test_images_become_their_alt_text_and_nothing_is_fetched() -> None:
    html = body(render_markdown_html("see ![a chart](https://example.org/t.png)", Theme.LIGHT))
    assert "<img" not in html and "example.org" not in html
    assert "a chart" in html


def test_only_safe_links_are_kept() -> None:
    html = body(
        render_markdown_html(
            "[ok](https://example.org) [bad](javascript:alert(1)) [ftp](ftp://example.org/x)",
            Theme.LIGHT,
        )
    )
    assert '<a href="https://example.org">ok</a>' in html
    assert html.count("<a ") == 1  # the others stay text
    assert "ftp" in html and "bad" in html


def test_the_theme_colours_the_text() -> None:
    light = render_markdown_html("text", Theme.LIGHT)
    dark = render_markdown_html("text", Theme.DARK)
    assert "#1d1d1b" in light and "#e4e2dd" in dark


def test_an_overlong_note_is_refused() -> None:
    with pytest.raises(ReaderError, match="too long"):
        render_markdown_html("x" * (MAX_NOTE_CHARACTERS + 1), Theme.LIGHT)
