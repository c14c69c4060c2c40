"""The canonical plain text of an article: what every anchor counts positions in.

It starts with the header the article view shows: the title, then the byline
(author · publication · date) if there is one.  Then come the blocks of the
Markdown body, read with markdown-it-py: the text of each block (paragraph,
heading, list item paragraph, quote paragraph, code block, table cell).  Every
block is joined to the next by a blank line.  Soft line breaks read as a space,
hard breaks as a newline, images as their alt text.

markdown-it-py spends tens of microseconds on each block and on each character of
inline syntax, whatever the text around them: Markdown with more of either than
``MAX_BLOCKS`` and ``MAX_MARKS`` allow is refused before it is parsed (an article a
hundred times longer than a long report still fits).
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right, insort
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from types import SimpleNamespace
from typing import TYPE_CHECKING, Protocol

from reader.core.models import ReaderError

if TYPE_CHECKING:  # markdown-it is imported on first use: it is not needed to open the app
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token
    from markdown_it.utils import EnvType

BLOCK_SEPARATOR = "\n\n"
BYLINE_SEPARATOR = " · "
UNTITLED = "Untitled article"
# English month names, whatever the locale: the byline is part of the text anchors count in.
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


class ArticleHeader(Protocol):
    """The fields the header shows (an Article or, before it is stored, an ArticleMeta)."""

    @property
    def title(self) -> str: ...

    @property
    def author(self) -> str: ...

    @property
    def publication(self) -> str: ...

    @property
    def published(self) -> str: ...


MAX_BLOCKS = 10_000  # paragraphs, headings, list items, quotes, table rows
MAX_MARKS = 50_000  # characters of inline syntax, escapes included
_MARKS = "\\`*_[]<>&~|!"
# the lines that may open a block: after a blank line, or with a block marker
_BLOCK_START = re.compile(r"^[ \t]*(?:[-+*>#|]|\d+[.)])|(?<=\n\n)[^\n]", re.MULTILINE)


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """The one parser configuration shared by canonical text and rendering."""
    from markdown_it import MarkdownIt, helpers

    parser = MarkdownIt("js-default")
    # markdown-it's link rules look their helpers up on the parser: this one has a
    # label scan that does not walk the same brackets again for every "[" or "!["
    parser.helpers = SimpleNamespace(  # type: ignore[assignment]  # same functions as the module
        parseLinkLabel=_memoised_link_label,
        parseLinkDestination=helpers.parseLinkDestination,
        parseLinkTitle=helpers.parseLinkTitle,
    )
    parser.core.ruler.before("normalize", "size_limits", _refuse_too_large)
    _leave_image_labels_unparsed(parser)
    return parser


# Set while markdown-it's image rule runs (in this thread or task).
_in_image_rule: ContextVar[bool] = ContextVar("in_image_rule", default=False)


def _leave_image_labels_unparsed(parser: MarkdownIt) -> None:
    """Image tokens get no child tokens: the canonical text and the view show an image's
    label as written (``token.content``).

    markdown-it parses each image's label again, as inline text of its own, for the
    children; with images nested in each other's labels every level scans all the levels
    inside it, so a label of many tokens costs its length times the depth.
    """
    from markdown_it.rules_inline import image

    parse = parser.inline.parse

    def image_rule(state: StateInline, silent: bool) -> bool:
        entered = _in_image_rule.set(True)
        try:
            return image(state, silent)
        finally:
            _in_image_rule.reset(entered)

    def parse_unless_image_label(
        src: str, md: MarkdownIt, env: EnvType, tokens: list[Token]
    ) -> list[Token]:
        # the image rule's parse of its label is the only one started inside it
        return tokens if _in_image_rule.get() else parse(src, md, env, tokens)

    parser.inline.ruler.at("image", image_rule)
    parser.inline.parse = parse_unless_image_label  # type: ignore[method-assign]


def check_markdown_size(markdown: str) -> None:
    """Raise ReaderError if ``markdown`` has more blocks or inline syntax than an article may."""
    marks = sum(markdown.count(mark) for mark in _MARKS)
    if marks > MAX_MARKS:
        raise ReaderError(
            f"the article has {marks:,} characters of Markdown syntax (links, emphasis, "
            f"escapes…), more than the {MAX_MARKS:,} an article may have"
        )
    if markdown.count("\n") >= MAX_BLOCKS:
        check_block_count(sum(1 for _ in islice(_BLOCK_START.finditer(markdown), MAX_BLOCKS + 1)))


def check_block_count(blocks: int) -> None:
    """Raise ReaderError if an article of ``blocks`` blocks is more than an article may have."""
    if blocks > MAX_BLOCKS:
        raise ReaderError(
            f"the article has more than {MAX_BLOCKS:,} paragraphs, headings and list items, "
            "the most an article may have"
        )


def _refuse_too_large(state: StateCore) -> None:
    check_markdown_size(state.src)


@dataclass
class _LabelEnds:
    """What the label scans of one inline parse found: for each "[" a scan crossed, where
    its label ends (-1: not before ``limit``, the end the scan ran to), and the "[" that
    open a nested link (a label may not hold one)."""

    ends: dict[int, tuple[int, int]] = field(default_factory=dict)
    nested_links: list[int] = field(default_factory=list)


_label_ends: weakref.WeakKeyDictionary[StateInline, _LabelEnds] = weakref.WeakKeyDictionary()


def _memoised_link_label(state: StateInline, start: int, disable_nested: bool = False) -> int:
    """markdown-it's ``parseLinkLabel``, each bracket scanned once per inline parse.

    markdown-it scans from each "[" to its "]" (or to the end of the paragraph when
    there is none), so that unmatched or nested brackets cost time quadratic in their
    number.  Where a scan goes depends only on the position (markdown-it caches each
    token's end by position), so one scan that keeps a stack of the "[" it crosses
    finds every one of their labels' ends as well.
    """
    found = _label_ends.setdefault(state, _LabelEnds())
    known = found.ends.get(start)
    if known is None or (known[0] < 0 and known[1] < state.posMax):
        _scan_labels(state, start, found)
        known = found.ends[start]
    end = known[0] if 0 <= known[0] < state.posMax else -1
    if end >= 0 and disable_nested:
        nested = found.nested_links
        following = bisect_right(nested, start)
        if following < len(nested) and nested[following] < end:
            return -1
    return end


def _scan_labels(state: StateInline, start: int, found: _LabelEnds) -> None:
    old_pos, limit = state.pos, state.posMax
    opened = [start]
    state.pos = start + 1
    while state.pos < limit and opened:
        marker = state.src[state.pos]
        if marker == "]":
            found.ends[opened.pop()] = (state.pos, limit)
            if not opened:
                break
        before = state.pos
        state.md.inline.skipToken(state)
        if marker != "[":
            continue
        if before != state.pos - 1:  # the start of a link, not a bracket of text
            if before not in found.nested_links[-1:]:
                insort(found.nested_links, before)
            continue
        known = found.ends.get(before)
        if known is None or (known[0] < 0 and known[1] < limit) or known[0] >= limit:
            opened.append(before)
        elif known[0] < 0:
            break  # a bracket left open leaves open every one before it
        else:
            state.pos = known[0] + 1  # its label was scanned: step over it
    for position in opened:
        found.ends[position] = (-1, limit)
    state.pos = old_pos


def inline_text(token: Token) -> str:
    """Plain text of an inline token, as a reader sees it rendered."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
    return "".join(parts)


def markdown_blocks(markdown: str) -> list[str]:
    """The text of each block of the Markdown, in reading order, empty blocks left out."""
    return list(_cached_blocks(markdown))


@lru_cache(maxsize=2)  # an import reads the blocks, then stores the canonical text
def _cached_blocks(markdown: str) -> tuple[str, ...]:
    blocks: list[str] = []
    for token in markdown_parser().parse(markdown):
        if token.type == "inline":
            text = inline_text(token)
        elif token.type in ("fence", "code_block"):
            text = token.content.rstrip("\n")
        else:
            continue
        if text.strip():
            blocks.append(text)
    return tuple(blocks)


def canonical_text(markdown: str) -> str:
    """The text of the Markdown body alone (an article's text starts with its header)."""
    return BLOCK_SEPARATOR.join(_cached_blocks(markdown))


def format_date(published: str) -> str:
    """``2025-02-05`` (or a longer ISO timestamp) as ``5 February 2025``; anything else as is."""
    try:
        from datetime import date  # not needed to show a cached page

        day = date.fromisoformat(published[:10])
    except ValueError:
        return published
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def header_blocks(header: ArticleHeader) -> list[str]:
    """The title, and the byline if there is one, each on one line as the view shows it."""
    title = " ".join(header.title.split()) or UNTITLED
    parts = [" ".join(part.split()) for part in (header.author, header.publication)]
    parts.append(format_date(" ".join(header.published.split())))
    byline = BYLINE_SEPARATOR.join(part for part in parts if part)
    return [title, byline] if byline else [title]


def article_blocks(header: ArticleHeader, markdown: str) -> list[str]:
    """Every block of the article's text: the header's, then the body's."""
    return header_blocks(header) + markdown_blocks(markdown)


def article_text(header: ArticleHeader, markdown: str) -> str:
    """The canonical text of an article: its header and its Markdown body."""
    return BLOCK_SEPARATOR.join(article_blocks(header, markdown))


def header_text(header: ArticleHeader) -> str:
    """The start of the article's text, up to the separator before the body."""
    return BLOCK_SEPARATOR.join(header_blocks(header))


def body_start(header: ArticleHeader) -> int:
    """Where the body starts in the article's text."""
    return len(header_text(header)) + len(BLOCK_SEPARATOR)


def byline_span(header: ArticleHeader) -> tuple[int, int] | None:
    """Where the byline lies in the article's text; None without one."""
    blocks = header_blocks(header)
    if len(blocks) < 2:
        return None
    start = len(blocks[0]) + len(BLOCK_SEPARATOR)
    return start, start + len(blocks[1])


def text_sha256(text: str) -> str:
    import hashlib  # on first use: loading OpenSSL is not needed to show an article

    return hashlib.sha256(text.encode("utf-8")).hexdigest()
