"""Where an article's Markdown links lie in its canonical text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.anchoring.canonical import (
    BLOCK_SEPARATOR,
    ArticleHeader,
    body_start,
    inline_text,
    markdown_parser,
)

if TYPE_CHECKING:
    from markdown_it.token import Token


def linked_spans(header: ArticleHeader, markdown: str) -> list[tuple[int, int]]:
    """Spans of the text of each web link of the body, as offsets into the article's text
    (the same blocks, in the same order, as ``markdown_blocks``)."""
    spans: list[tuple[int, int]] = []
    position = body_start(header)
    for token in markdown_parser().parse(markdown):
        if token.type == "inline":
            text = inline_text(token)
        elif token.type in ("fence", "code_block"):
            text = token.content.rstrip("\n")
        else:
            continue
        if not text.strip():
            continue
        cursor = 0
        for words in _link_texts(token) if token.type == "inline" else []:
            found = text.find(words, cursor) if words else -1
            if found >= 0:
                spans.append((position + found, position + found + len(words)))
                cursor = found + len(words)
        position += len(text) + len(BLOCK_SEPARATOR)
    return spans


def _link_texts(token: Token) -> list[str]:
    texts: list[str] = []
    current: list[str] | None = None
    for child in token.children or []:
        if child.type == "link_open":
            href = str(child.attrs.get("href", ""))
            current = [] if href.startswith(("http://", "https://")) else None
        elif child.type == "link_close":
            if current is not None:
                texts.append("".join(current))
            current = None
        elif current is not None and child.type in ("text", "code_inline"):
            current.append(child.content)
    return texts
