"""The headline of a saved page when trafilatura left it out of the article.

trafilatura keeps a page's headings only where it judges them part of the story; a
headline set apart from the paragraphs (the Winnipeg Free Press of 2008: an ``<h3>``
under the section's ``<h2>``, in a page titled with the paper's name) is lost, and
with it what tells the story's start from the page furniture above it.  The page's
text, read before extraction, finds it again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from reader.importers.extracted_markdown import Block
from reader.importers.page_junk import MIN_HEADLINE_WORDS, names_headline, same_text
from reader.importers.page_layout import INLINE_TAGS

_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_SPACES = re.compile(r"\s+")
_HEADLINE_NAME = re.compile(r"headline|(?:story|article|news|post|entry)[_-]?title", re.IGNORECASE)
# the story's first paragraph: a block of this many words at least
_MIN_PARAGRAPH_WORDS = 15
# what may stand between the headline and that paragraph (a date, a byline)
_MAX_WORDS_BETWEEN = 12
# how many of the extracted blocks may come before the story's first paragraph
_MAX_LEADING_BLOCKS = 3
# a heading's text longer than this is no headline (and is not copied out)
_MAX_HEADLINE_CHARACTERS = 300


@dataclass(frozen=True)
class _Heading:
    text: str
    start: int  # offsets in the page's text
    end: int


@dataclass(frozen=True)
class PageText:
    """A page's text on one line, its words spaced as a browser spaces them, and where
    each of its headings is in it."""

    text: str
    headings: tuple[_Heading, ...]


def page_text(tree: lxml_html.HtmlElement) -> PageText:
    """The page's text as trafilatura's blocks will read it, before extraction."""
    parts: list[str] = []
    length = 0
    last_is_space = True
    starts: list[tuple[int, int]] = []  # of the open headings: offset, parts before
    headings: list[_Heading] = []

    def add(raw: str | None) -> None:
        nonlocal length, last_is_space
        text = _SPACES.sub(" ", raw or "")
        if last_is_space:
            text = text.lstrip(" ")
        if text:
            parts.append(text)
            length += len(text)
            last_is_space = text.endswith(" ")

    for event, element in etree.iterwalk(tree, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        space = "" if tag in INLINE_TAGS else " "  # a block's text is apart from its neighbours'
        if event == "start":
            add(space)
            if _is_heading(element):
                starts.append((length, len(parts)))
            add(element.text)
        else:
            if _is_heading(element):
                start, first_part = starts.pop()
                if length - start <= _MAX_HEADLINE_CHARACTERS:
                    text = "".join(parts[first_part:]).strip()
                    headings.append(_Heading(text, start, start + len(text)))
            add(space)
            add(element.tail)
    # in the page's order (a heading inside another ends first)
    return PageText("".join(parts), tuple(sorted(headings, key=lambda h: h.start)))


def _is_heading(element: etree._Element) -> bool:
    """A heading, or an element its class or id calls a headline or a story's title
    ("news_story_title", "headline1"): old pages styled their headlines so."""
    if not isinstance(element.tag, str):
        return False
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return element.tag in _HEADINGS or _HEADLINE_NAME.search(names) is not None


def headline_in_page(
    page: PageText, blocks: list[Block], title: str, page_title: str
) -> tuple[str, int] | None:
    """The headline, and the index of the first block after it, when the page shows the
    headline before the first of ``blocks`` (only page furniture before it).

    The headline is the heading that the page's ``<title>`` holds beside the site's name,
    else the one that is ``title``; or, when ``title`` is no heading of the page (a
    site's name), the heading right above the story's first paragraph.
    """
    candidates = [h for h in page.headings if len(h.text.split()) >= MIN_HEADLINE_WORDS]
    headline = next((h for h in candidates if names_headline(page_title, h.text)), None)
    headline = headline or next((h for h in candidates if same_text(h.text, title)), None)
    if headline is None and not any(h.text and same_text(h.text, title) for h in page.headings):
        headline = _heading_above_first_paragraph(page, candidates, blocks)
    if headline is None:
        return None
    first = 0
    while first < min(len(blocks), _MAX_LEADING_BLOCKS) and _before(page, blocks[first], headline):
        first += 1
    if first < len(blocks) and same_text(_block_text(blocks[first]), headline.text):
        first += 1  # the headline itself, when trafilatura kept it (as a paragraph too)
    return headline.text, first


def _heading_above_first_paragraph(
    page: PageText, candidates: list[_Heading], blocks: list[Block]
) -> _Heading | None:
    for block in blocks[:_MAX_LEADING_BLOCKS]:
        text = _block_text(block)
        if block.heading or len(text.split()) < _MIN_PARAGRAPH_WORDS:
            continue
        start = page.text.find(text)
        above = [h for h in candidates if h.end <= start]
        if start < 0 or not above:
            return None
        between = page.text[above[-1].end : start]
        return above[-1] if len(between.split()) <= _MAX_WORDS_BETWEEN else None
    return None


def _before(page: PageText, block: Block, headline: _Heading) -> bool:
    """Whether the block's text is in the page before the headline: the first time, if a
    short line (a link to the archive, above and below the story); else only there."""
    text = _block_text(block)
    if not 0 <= page.text.find(text) < headline.start:
        return False
    return len(text.split()) < _MIN_PARAGRAPH_WORDS or page.text.find(text, headline.end) < 0


def _block_text(block: Block) -> str:
    return _SPACES.sub(" ", " ".join(block.texts)).strip()
