"""Read an article file of any supported kind: the one entry point for importing articles.

The file's suffix picks the importer; its size is checked against
``MAX_ARTICLE_BYTES`` before it is read, and its encoding is detected
(see ``reader.importers.decoding``).

These entry points (a file, clipboard HTML, pasted text) raise only ReaderError:
an error a parser library raises on hostile input (lxml, PyYAML, markdown-it,
trafilatura, the codecs) becomes a one-line ReaderError, with the original
chained to it for the crash log.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import yaml
from lxml import etree

from reader.anchoring.selectors import shorten
from reader.core.limited_files import Refusals, read_limited_file
from reader.core.limits import MAX_ARTICLE_BYTES, describe_size
from reader.core.models import ArticleMeta, ReaderError
from reader.importers import html_article, markdown_article, text_article
from reader.importers.decoding import declared_html_encoding, decode_bytes
from reader.importers.source_names import display_name

__all__ = [
    "ARTICLE_SUFFIXES",
    "article_from_html",
    "article_from_markdown",
    "article_from_text",
    "decode_bytes",
    "read_article_file",
]

_IMPORTERS: dict[str, Callable[[str, str], ArticleMeta]] = {
    ".md": markdown_article.article_from_markdown,
    ".markdown": markdown_article.article_from_markdown,
    ".txt": lambda text, source_path: text_article.article_from_text(text, source_path=source_path),
    ".html": html_article.article_from_html,
    ".htm": html_article.article_from_html,
}
ARTICLE_SUFFIXES: frozenset[str] = frozenset(_IMPORTERS)

# What the parser libraries raise on input they choke on.  UnicodeError is a
# ValueError, KeyError and IndexError are LookupErrors.
_PARSER_ERRORS = (
    ValueError,
    LookupError,
    RecursionError,
    MemoryError,
    OverflowError,
    etree.LxmlError,
    yaml.YAMLError,
)
_MAX_DETAIL = 100
_LONE_SURROGATES = re.compile("[\ud800-\udfff]")


def read_article_file(path: Path, *, max_bytes: int = MAX_ARTICLE_BYTES) -> ArticleMeta:
    """The article in ``path``; raises ReaderError with a one-line message if it can't be read."""
    name = display_name(str(path), str(path))
    return _only_reader_errors(name, lambda: _read_article_file(path, name, max_bytes))


def article_from_html(html: str, source_path: str = "") -> ArticleMeta:
    """The article in a saved web page or clipboard HTML; raises only ReaderError."""
    name = display_name(source_path, "the HTML")
    html = _storable(html)
    return _only_reader_errors(name, lambda: html_article.article_from_html(html, source_path))


def article_from_markdown(markdown: str, source_path: str = "") -> ArticleMeta:
    """The article in Markdown text; raises only ReaderError."""
    name = display_name(source_path, "the Markdown text")
    markdown = _storable(markdown)
    return _only_reader_errors(
        name, lambda: markdown_article.article_from_markdown(markdown, source_path)
    )


def article_from_text(text: str, title: str = "", source_path: str = "") -> ArticleMeta:
    """The article in plain text (a pasted passage); raises only ReaderError."""
    name = display_name(source_path, "the text")
    text = _storable(text)
    return _only_reader_errors(
        name, lambda: text_article.article_from_text(text, title, source_path)
    )


def _storable(text: str) -> str:
    """Pasted ``text`` without lone surrogates (a clipboard may hold them; no file or
    database can); a file's decoded text never has them."""
    return _LONE_SURROGATES.sub("\ufffd", text)


def _only_reader_errors(name: str, read: Callable[[], ArticleMeta]) -> ArticleMeta:
    try:
        return read()
    except ReaderError:
        raise
    except _PARSER_ERRORS as error:
        raise ReaderError(f"cannot read {name}: {_problem(error)}") from error


def _problem(error: BaseException) -> str:
    if isinstance(error, RecursionError):
        return "it is nested too deeply to read"
    if isinstance(error, MemoryError):
        return "it needs more memory than is free"
    detail = shorten(str(error), _MAX_DETAIL)
    return f"its content cannot be parsed ({type(error).__name__}: {detail})"


def _read_article_file(path: Path, name: str, max_bytes: int) -> ArticleMeta:
    suffix = path.suffix.lower()
    importer = _IMPORTERS.get(suffix)
    if importer is None:
        supported = ", ".join(sorted(ARTICLE_SUFFIXES))
        kind = f"'{suffix}' files" if suffix else "files without a suffix"
        raise ReaderError(f"cannot read {name}: {kind} are not articles (use {supported})")
    data = read_limited_file(
        path,
        max_bytes,
        lambda name, size: _too_large(name, size, max_bytes),
        name=name,
        refusals=ARTICLE_REFUSALS,
    )
    if not data.strip():
        raise ReaderError(f"cannot read {name}: the file is empty")
    is_html = importer is html_article.article_from_html
    declared = declared_html_encoding(data) if is_html else ""
    try:
        text = decode_bytes(data, declared_encoding=declared)
    except ReaderError as error:
        raise ReaderError(f"cannot read {name}: {error}") from None
    if not text.strip():
        raise ReaderError(f"cannot read {name}: the file is empty")
    return importer(text, str(path.resolve()))


ARTICLE_REFUSALS = Refusals(
    missing="cannot read {name}: no such file",
    folder="cannot read {name}: it is a folder, not a file",
    not_regular="cannot read {name}: not a regular file",
)


def _too_large(name: str, size: int, max_bytes: int) -> str:
    return (
        f"cannot read {name}: it is {describe_size(size)}, "
        f"more than the {describe_size(max_bytes)} limit for articles"
    )
