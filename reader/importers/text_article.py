"""Plain text (a .txt file or pasted text) as a Markdown article.

Paragraphs are separated by blank lines, and stripped of their indentation.
Lines between blank lines are joined by a space when they look wrapped to a
width (each line too full to take the next line's first word); otherwise, as in
text with a paragraph or a sentence a line, each line is a paragraph of its own.
Control characters other than tabs and line breaks are dropped.  Every character
Markdown could read as syntax is escaped, so the article's canonical text is
exactly these paragraphs.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise
from pathlib import PurePath

from reader.anchoring.selectors import shorten
from reader.core.models import ArticleMeta, ReaderError, SourceFormat
from reader.importers.source_names import display_name
from reader.markdown_escape import escape_line

MAX_TITLE_LINE = 120
_LINE_BREAKS = re.compile(r"\r\n?")
WRAPPED_SHARE = 0.8  # of a block's line ends that must look wrapped; some breaks are by hand


def text_paragraphs(text: str) -> list[str]:
    """The paragraphs of ``text`` as the article will hold them."""
    return [paragraph for lines in _paragraph_lines(text) for paragraph in _joined(lines)]


def article_from_text(text: str, title: str = "", source_path: str = "") -> ArticleMeta:
    """An article from plain text; without ``title`` a short first line becomes the title."""
    name = display_name(source_path, "the text")
    paragraphs = _paragraph_lines(text)
    title = " ".join(title.split())
    if not title and len(paragraphs) > 1 and _is_title_line(paragraphs[0]):
        title = paragraphs.pop(0)[0]
    if not paragraphs:
        raise ReaderError(f"no article text found in {name}")
    body = [paragraph for lines in paragraphs for paragraph in _joined(lines)]
    if not title:
        title = PurePath(source_path).stem if source_path else shorten(body[0], 80)
    return ArticleMeta(
        title=title,
        markdown="\n\n".join(escape_line(paragraph) for paragraph in body) + "\n",
        source_format=SourceFormat.TEXT,
        source_path=source_path,
    )


def _paragraph_lines(text: str) -> list[list[str]]:
    cleaned = "".join(
        char
        for char in _LINE_BREAKS.sub("\n", text)
        if char in "\t\n" or unicodedata.category(char) != "Cc"
    )
    paragraphs: list[list[str]] = [[]]
    for line in cleaned.removeprefix("\ufeff").split("\n"):
        stripped = line.strip()
        if stripped:
            paragraphs[-1].append(stripped)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [lines for lines in paragraphs if lines]


def _joined(lines: list[str]) -> list[str]:
    """One paragraph if the lines look wrapped to a width, else a paragraph per line."""
    width = max(len(line) for line in lines)
    wrapped = sum(
        1
        for line, following in pairwise(lines)
        if len(line) + 1 + len(following.split(maxsplit=1)[0]) > width
    )
    return [" ".join(lines)] if wrapped >= WRAPPED_SHARE * (len(lines) - 1) else lines


def _is_title_line(lines: list[str]) -> bool:
    return len(lines) == 1 and len(lines[0]) <= MAX_TITLE_LINE
