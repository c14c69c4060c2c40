"""Export an article's flags as a Markdown document a person reads.

Layout::

    # Article title

    By Author · Publication · 2024-03-01 · <https://example.org/story>

    ## 1. Unsourced claim

    > the flagged passage, every line quoted

    The note, Markdown as written.

    Tags: economy, statistics

    Source: <https://example.org/report>

    ## Orphaned flags

    These passages are no longer in the article's current text; ...

    ### 4. Opinion
    ...

Flags come in text order and are numbered; a flag that is not active says so
in its heading (``(suggested)``), and when the flags come from more than one
layer each names its layer.  Everything taken from the article or typed as a
label (title, byline, quote, tags, source) is escaped so it reads as plain
text and cannot open a heading, list, link, table or HTML block; the note is
the user's own Markdown and is kept as is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.core.markdown_escape import escape_line as escape_text_line
from reader.core.models import Annotation, Article, Status
from reader.w3c.writing import is_url

LEADING_BLANKS = re.compile(r"[ \t]*")


def escape_line(line: str) -> str:
    """One line of plain text that Markdown shows exactly and reads as no block structure."""
    blanks = LEADING_BLANKS.match(line)
    indent = blanks.group() if blanks else ""
    # as entities, leading blanks cannot turn the line into an indented code block
    return indent.replace(" ", "&#32;").replace("\t", "&#9;") + escape_text_line(
        line[len(indent) :]
    )


def single_line(text: str) -> str:
    return escape_line(" ".join(text.split()))


def blockquote(text: str) -> str:
    return "\n".join(f"> {escape_line(line)}" if line else ">" for line in text.splitlines())


def link_or_text(text: str) -> str:
    if is_url(text) and not any(ch in text for ch in "<>"):
        return f"<{text}>"
    return single_line(text)


def byline(article: Article) -> str:
    parts = []
    if article.author.strip():
        parts.append("By " + single_line(article.author))
    parts.extend(single_line(value) for value in (article.publication, article.published))
    if article.url:
        parts.append(link_or_text(article.url))
    return " · ".join(part for part in parts if part)


def flag_section(
    number: int, annotation: Annotation, heading_level: int, show_layer: bool
) -> list[str]:
    heading = f"{'#' * heading_level} {number}. {annotation.kind.label}"
    if annotation.status not in (Status.ACTIVE, Status.ORPHANED):
        heading += f" ({annotation.status.value})"
    blocks = [heading]
    if show_layer:
        blocks.append("Layer: " + single_line(annotation.layer))
    blocks.append(blockquote(annotation.anchor.exact))
    if annotation.note.strip():
        blocks.append(annotation.note.strip())
    if annotation.tags:
        blocks.append("Tags: " + ", ".join(single_line(tag) for tag in annotation.tags))
    if annotation.source.strip():
        blocks.append("Source: " + link_or_text(annotation.source.strip()))
    return blocks


def to_markdown(article: Article, annotations: Sequence[Annotation]) -> str:
    """The article's title and byline, then each flag; orphaned flags in a last section."""
    ordered = sorted(annotations, key=lambda a: (a.anchor.start, a.anchor.end, a.uuid))
    anchored = [a for a in ordered if a.status is not Status.ORPHANED]
    orphaned = [a for a in ordered if a.status is Status.ORPHANED]
    show_layer = len({a.layer for a in ordered}) > 1

    blocks = ["# " + (single_line(article.title) or "Untitled article")]
    if line := byline(article):
        blocks.append(line)
    if not ordered:
        blocks.append("No flags on this article.")
    for number, annotation in enumerate(anchored, start=1):
        blocks.extend(flag_section(number, annotation, 2, show_layer))
    if orphaned:
        blocks.append("## Orphaned flags")
        blocks.append(
            "These passages are no longer in the article's current text; "
            "each is quoted as it was when it was flagged."
        )
        for number, annotation in enumerate(orphaned, start=len(anchored) + 1):
            blocks.extend(flag_section(number, annotation, 3, show_layer))
    return "\n\n".join(blocks) + "\n"
