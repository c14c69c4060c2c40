"""Canonical offsets <-> document positions, checked by selecting text in a real document."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument

from reader.anchoring.canonical import article_blocks
from reader.core.models import Article
from reader.gui.reading.offsets import OffsetMap, Segment, align_blocks, build_offset_map, normalise
from reader.render import Theme
from reader.render.html import render_article_html

pytestmark = pytest.mark.usefixtures("qapp")

ArticleFactory = Callable[..., Article]
SAMPLE_PATHS = sorted((Path(__file__).parents[3] / "sample_articles").glob("*.md"))

SYNTHETIC = {
    "emoji": "Grinning 😀 face, then 👩‍👩‍👧 family and 🇫🇷 flag.\n\nAfter 😀😀 two.",
    "accents": "Café naïve résumé — “quoted” text.\n\nZoë and e\u0301 combining; Ångström.",
    "crlf": "First line\r\nsoft broken\r\n\r\nSecond paragraph\r\n",
    "lists": "- one\n- two 😀\n  - nested\n\n1. first\n\n   second para\n2. third\n",
    "quote": "> A quoted 😀 paragraph\n> continues.\n>\n> > nested quote\n\nafter",
    "table": "| a | b 😀 |\n|---|:--:|\n| 1 |  |\n| x  y | é |\n\nafter table",
    "code": "Text\n\n```python\n\nx = '😀'\n\n\ty = 2\n```\n\n    indented code\n    more\n\nend",
    "breaks": "hard  \nbreak and\\\nbackslash break with  two  spaces",
    "entities": "&amp; &lt;tag&gt; &copy; &#x1F600; &nbsp; non&nbsp;breaking &quot;q&quot;",
    "whitespace": "&nbsp;\n\nreal text\n\n***\n\n# Heading *em* `code 😀`",
    "links": "[a link](https://example.org) and [bad](javascript:alert(1)) ![alt 😀](x.png)",
    "raw_html": "<div>raw *html*</div>\n\ninline <b>tag</b> &amp; <script>x()</script>",
    "tabs_and_autolinks": "a\tb  <https://example.org/😀> <mailto:a@b.c>\n\n## Closed ##",
    "list_with_code": "1. item\n\n   ```js\n   let a = 1;\n   ```\n2. next\n\n---\n\nend",
    "unknown_language": "```nosuchlang\nplain 😀 code\n```\n\n```\n```\n\nafter",
}


def document_for(article: Article) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(render_article_html(article, Theme.LIGHT))
    return document


def offset_map_for(article: Article, document: QTextDocument) -> OffsetMap:
    return build_offset_map(document, article_blocks(article, article.markdown))


def selected(document: QTextDocument, start: int, end: int) -> str:
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return normalise(cursor.selectedText())


def check_every_block(article: Article) -> None:
    document = document_for(article)
    mapping = offset_map_for(article, document)
    assert mapping.exact
    start = 0
    for block in article_blocks(article, article.markdown):
        end = start + len(block)
        span = mapping.document_range(start, end)
        assert span is not None
        assert selected(document, *span) == block
        assert mapping.canonical_range(*span) == (start, end)
        start = end + 2
    assert start - 2 == len(article.text)


def check_every_offset(article: Article) -> None:
    document = document_for(article)
    mapping = offset_map_for(article, document)
    text = article.text
    for offset in range(len(text) + 1):
        if text[offset - 1 : offset + 1] == "\n\n" and offset > 0:
            continue  # between the two newlines of a block separator: no position of its own
        round_trips = [
            mapping.to_canonical(position, forward=forward)
            for forward in (True, False)
            if (position := mapping.to_document(offset, forward=forward)) is not None
        ]
        assert offset in round_trips
    for offset in range(0, len(text) - 3, 3):
        span = mapping.document_range(offset, offset + 3)
        if span is not None and "\n" not in text[offset : offset + 3]:
            assert selected(document, *span) == text[offset : offset + 3]


@pytest.mark.parametrize("name", sorted(SYNTHETIC))
def test_every_block_maps_onto_its_text(make_article: ArticleFactory, name: str) -> None:
    check_every_block(make_article(SYNTHETIC[name]))


@pytest.mark.parametrize("name", sorted(SYNTHETIC))
def test_every_offset_round_trips(make_article: ArticleFactory, name: str) -> None:
    check_every_offset(make_article(SYNTHETIC[name]))


@pytest.mark.parametrize("path", SAMPLE_PATHS, ids=lambda path: path.name)
def test_sample_articles_map_exactly(path: Path, load_sample: Callable[[Path], Article]) -> None:
    article = load_sample(path)
    check_every_block(article)
    check_every_offset(article)


def test_title_and_byline_map_to_their_own_blocks(make_article: ArticleFactory) -> None:
    article = make_article("# Same\n\nbody", title="Same", author="Ana", publication="")
    assert article.text == "Same\n\nAna · 5 February 2025\n\nSame\n\nbody"
    document = document_for(article)
    mapping = offset_map_for(article, document)
    for start, end, block in [(0, 4, 0), (6, 27, 1), (29, 33, 2)]:
        span = mapping.document_range(start, end)
        assert span is not None
        assert document.findBlock(span[0]).blockNumber() == block
        assert selected(document, *span) == article.text[start:end]


def test_emoji_shifts_later_positions_by_one_unit() -> None:
    segment = Segment.of(10, 100, "a😀b😀c")
    assert [segment.to_document(o) for o in range(10, 16)] == [100, 101, 103, 104, 106, 107]
    assert segment.to_canonical(102, forward=True) == 12  # inside the surrogate pair
    assert segment.to_canonical(102, forward=False) == 11
    assert segment.to_canonical(106, forward=True) == 14


def test_offsets_between_blocks_snap_in_the_direction_asked() -> None:
    mapping = OffsetMap([Segment.of(0, 5, "abc"), Segment.of(5, 20, "de")])
    assert mapping.to_document(4, forward=True) == 20
    assert mapping.to_document(4, forward=False) == 8
    assert mapping.to_canonical(2, forward=True) == 0
    assert mapping.to_canonical(2, forward=False) is None
    assert mapping.to_canonical(30, forward=False) == 7
    assert mapping.document_range(3, 5) is None


def test_a_block_qt_shows_differently_is_aligned_character_by_character(
    make_article: ArticleFactory,
) -> None:
    article = make_article("one two three\n\nfour", author="", publication="", published="")
    blocks = [(0, "A test article"), (15, "one two  three"), (30, "four")]
    mapping = align_blocks(blocks, article_blocks(article, article.markdown))
    assert not mapping.exact
    body = len("A test article\n\n")
    assert mapping.document_range(0, 14) == (0, 14)
    assert mapping.to_document(body) == 15
    assert mapping.to_document(body + 8) == 24  # "three" after the doubled space
    assert mapping.document_range(body + 15, body + 19) == (30, 34)
