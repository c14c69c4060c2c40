"""Plain text (a .txt file or pasted text) as a Markdown article.

Paragraphs are separated by blank lines, and stripped of their indentation.
Lines between blank lines are joined by a space when they look wrapped to a
width (a line too full to take the next line's first word runs on; in wrapped
text a short line ends its paragraph); otherwise, as in text with a paragraph or
a sentence a line, each line is a paragraph of its own.
Control characters other than tabs and line breaks are dropped.  Every character
Markdown could read as syntax is escaped, so the article's canonical text is
exactly these paragraphs.
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import PurePath

from reader.anchoring.canonical import check_block_count
from reader.anchoring.selectors import shorten
from reader.core.markdown_escape import escape_line
from reader.core.models import ArticleMeta, ReaderError, SourceFormat
from reader.importers.source_names import display_name

MAX_TITLE_LINE = 120
_LINE_BREAKS = re.compile(r"\r\n?")
# Unicode's control characters (category Cc) other than tab and line feed
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
WRAPPED_SHARE = 0.5  # of a block's line ends that look wrapped, for the block to be wrapped


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
    check_block_count(len(paragraphs))  # before the work of escaping each of them
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
    cleaned = _CONTROLS.sub("", _LINE_BREAKS.sub("\n", text))
    paragraphs: list[list[str]] = [[]]
    for line in cleaned.removeprefix("\ufeff").split("\n"):
        stripped = line.strip()
        if stripped:
            paragraphs[-1].append(stripped)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [lines for lines in paragraphs if lines]


def _joined(lines: list[str]) -> list[str]:
    """The paragraphs of lines between blank lines.  If most line ends look wrapped to a
    width, a full line runs on into the next and a short one ends its paragraph (text
    wrapped without blank lines); otherwise each line is a paragraph."""
    # the wrap width: a line of one unbreakable word (a URL) may run past it
    width = max((len(line) for line in lines if " " in line), default=0)
    full = [
        len(line) + 1 + len(following.split(maxsplit=1)[0]) > width
        for line, following in pairwise(lines)
    ]
    if sum(full) < WRAPPED_SHARE * len(full):
        return lines
    paragraphs = [lines[0]]
    for line, runs_on in zip(lines[1:], full, strict=True):
        if runs_on:
            paragraphs[-1] += " " + line
        else:
            paragraphs.append(line)
    return paragraphs


def _is_title_line(lines: list[str]) -> bool:
    return len(lines) == 1 and len(lines[0]) <= MAX_TITLE_LINE
