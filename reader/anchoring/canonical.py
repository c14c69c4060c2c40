"""The canonical plain text of an article: what every anchor counts positions in.

It starts with the header the article view shows: the title, then the byline
(author · publication · date) if there is one.  Then come the blocks of the
Markdown body, read with markdown-it-py: the text of each block (paragraph,
heading, list item paragraph, quote paragraph, code block, table cell).  Every
block is joined to the next by a blank line.  Soft line breaks read as a space,
hard breaks as a newline, images as their alt text.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # markdown-it is imported on first use: it is not needed to open the app
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

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


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """The one parser configuration shared by canonical text and rendering."""
    from markdown_it import MarkdownIt

    return MarkdownIt("js-default")


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
    return blocks


def canonical_text(markdown: str) -> str:
    """The text of the Markdown body alone (an article's text starts with its header)."""
    return BLOCK_SEPARATOR.join(markdown_blocks(markdown))


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
