"""The canonical plain text of an article: what every anchor counts positions in.

It is computed from the Markdown body with markdown-it-py: the text of each
block (paragraph, heading, list item paragraph, quote paragraph, code block,
table cell), blocks joined by a blank line.  Soft line breaks read as a space,
hard breaks as a newline, images as their alt text.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # markdown-it is imported on first use: it is not needed to open the app
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

BLOCK_SEPARATOR = "\n\n"


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
    return BLOCK_SEPARATOR.join(markdown_blocks(markdown))


def text_sha256(text: str) -> str:
    import hashlib  # on first use: loading OpenSSL is not needed to show an article

    return hashlib.sha256(text.encode("utf-8")).hexdigest()
