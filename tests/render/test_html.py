"""Markdown -> HTML for the article view (no Qt needed)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

import pytest

from reader.anchoring.canonical import MAX_MARKS, header_blocks, markdown_blocks
from reader.core.models import Article
from reader.render import Theme, is_safe_link, stylesheet
from reader.render.html import render_article_html, render_body_html

ArticleFactory = Callable[..., Article]


def body(html: str) -> str:
    return html.split("<body>", 1)[1]


def test_header_shows_title_and_byline(make_article: ArticleFactory) -> None:
    article = make_article("Text.", title="Ships & <Boats>", author="Ana", published="2025-02-05")
    html = render_article_html(article, Theme.LIGHT)
    assert '<h1 class="title">Ships &amp; &lt;Boats&gt;</h1>' in html
    assert '<p class="byline">Ana · The Daily Test · 5 February 2025</p>' in html
    assert header_blocks(article) == ["Ships & <Boats>", "Ana · The Daily Test · 5 February 2025"]


def test_header_without_byline_or_title(make_article: ArticleFactory) -> None:
    article = make_article("Text.", title="  ", author="", publication="", published="")
    assert header_blocks(article) == ["Untitled article"]
    assert "byline" not in body(render_article_html(article, Theme.DARK))


def test_dates_that_are_not_iso_are_shown_as_given(make_article: ArticleFactory) -> None:
    article = make_article("Text.", author="", publication="", published="Spring 2024")
    assert header_blocks(article)[1] == "Spring 2024"


def test_raw_html_is_shown_as_text_not_markup(make_article: ArticleFactory) -> None:
    html = body(
        render_article_html(make_article("<script>alert(1)</script>\n\nhi <b>x</b>"), Theme.LIGHT)
    )
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;" in html


def test_only_web_and_mail_links_are_kept(make_article: ArticleFactory) -> None:
    markdown = (
        "[web](https://a.example/x) [plain](http://b.example) [mail](mailto:c@d.example) "
        "[script](javascript:alert(1)) [file](file:///etc/passwd) [rel](/local/path) "
        "[ftp](ftp://e.example)"
    )
    html = body(render_article_html(make_article(markdown), Theme.LIGHT))
    assert html.count("<a ") == 3
    for kept in ("https://a.example/x", "http://b.example", "mailto:c@d.example"):
        assert f'href="{kept}"' in html
    for dropped in ("javascript", "file:", "/local/path", "ftp:"):
        assert f'href="{dropped}' not in html
    assert "rel ftp</p>" in html  # the text of a dropped link stays


@pytest.mark.parametrize(
    ("href", "safe"),
    [("HTTPS://x.org", True), (" mailto:a@b", True), ("javascript:x", False), ("data:,x", False)],
)
def test_is_safe_link(href: str, safe: bool) -> None:
    assert is_safe_link(href) is safe


def test_images_become_their_alt_text(make_article: ArticleFactory) -> None:
    html = body(
        render_article_html(make_article("See ![a chart](https://x.example/c.png)."), Theme.LIGHT)
    )
    assert "<img" not in html and "x.example" not in html
    assert "See a chart." in html


def test_an_image_in_an_image_shows_its_label_as_written() -> None:
    markdown = "![a ![b](u) *c* <i>](v) [d ![e](f)](http://g)"
    html = render_body_html(markdown, Theme.LIGHT)
    assert html == '<p>a ![b](u) *c* &lt;i&gt; <a href="http://g">d e</a></p>'


def test_code_blocks_are_coloured_with_inline_styles(make_article: ArticleFactory) -> None:
    markdown = "```python\ndef f():\n    return 'x'\n```\n\n```nosuchlanguage\nplain <b>\n```"
    light = body(render_article_html(make_article(markdown), Theme.LIGHT))
    dark = body(render_article_html(make_article(markdown), Theme.DARK))
    code = light.split("<pre>", 1)[1]
    assert '<span style="color:' in code and "class=" not in code
    assert light != dark  # each theme its own colours
    assert "<pre>\nplain &lt;b&gt;</pre>" in light


def test_breaks_and_block_boundaries_add_no_stray_newlines(make_article: ArticleFactory) -> None:
    html = body(render_article_html(make_article("a\nb  \nc\n\n- x\n  - y"), Theme.LIGHT))
    assert "<p>a b<br />c</p><ul><li>x<ul><li>y</li></ul></li></ul>" in html
    assert "\n" not in html


def test_the_body_holds_the_canonical_text_of_every_block(make_article: ArticleFactory) -> None:
    article = make_article("# Title *x*\n\nCafé 😀 &amp; text\n\n> quote\n\n| a |\n|---|\n| b |")
    html = render_article_html(article, Theme.LIGHT)
    for block in markdown_blocks(article.markdown):
        assert block.replace("&", "&amp;") in html.replace("<em>", "").replace("</em>", "")


def test_themes_have_their_own_style_sheet() -> None:
    assert stylesheet(Theme.LIGHT) != stylesheet(Theme.DARK)
    assert "pre-wrap" in stylesheet(Theme.LIGHT)
    assert "pt" not in stylesheet(Theme.LIGHT).replace("pre-wrap", "")  # sizes follow the zoom


def test_render_does_not_import_qt() -> None:
    code = (
        "import sys, reader.render; from reader.render import cache, html, stylesheet; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_a_title_without_byline_keeps_the_gap_before_the_body(
    make_article: ArticleFactory,
) -> None:
    alone = make_article("Text.", author="", publication="", published="")
    assert '<h1 class="titlealone">' in render_article_html(alone, Theme.LIGHT)
    assert "h1.titlealone" in stylesheet(Theme.LIGHT)


def test_markdown_over_the_size_limits_is_shown_as_written() -> None:
    note = "A note with *" + "*" * MAX_MARKS + " <b>"
    html = render_body_html(note, Theme.LIGHT)
    assert html.startswith("<pre>") and "A note with" in html and "&lt;b&gt;" in html
