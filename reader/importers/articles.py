"""Read an article file of any supported kind: the one entry point for importing articles.

The file's suffix picks the importer; its size is checked against
``MAX_ARTICLE_BYTES`` before it is read, and its encoding is detected
(see ``reader.importers.decoding``).
"""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

from reader.core.models import ArticleMeta, ReaderError
from reader.importers.decoding import declared_html_encoding, decode_bytes
from reader.importers.html_article import article_from_html
from reader.importers.limits import MAX_ARTICLE_BYTES, describe_size
from reader.importers.markdown_article import article_from_markdown
from reader.importers.source_names import display_name
from reader.importers.text_article import article_from_text

__all__ = [
    "ARTICLE_SUFFIXES",
    "article_from_html",
    "article_from_markdown",
    "article_from_text",
    "decode_bytes",
    "read_article_file",
]

_IMPORTERS: dict[str, Callable[[str, str], ArticleMeta]] = {
    ".md": article_from_markdown,
    ".markdown": article_from_markdown,
    ".txt": lambda text, source_path: article_from_text(text, source_path=source_path),
    ".html": article_from_html,
    ".htm": article_from_html,
}
ARTICLE_SUFFIXES: frozenset[str] = frozenset(_IMPORTERS)


def read_article_file(path: Path, *, max_bytes: int = MAX_ARTICLE_BYTES) -> ArticleMeta:
    """The article in ``path``; raises ReaderError with a one-line message if it can't be read."""
    name = display_name(str(path), str(path))
    suffix = path.suffix.lower()
    importer = _IMPORTERS.get(suffix)
    if importer is None:
        supported = ", ".join(sorted(ARTICLE_SUFFIXES))
        kind = f"'{suffix}' files" if suffix else "files without a suffix"
        raise ReaderError(f"cannot import {name}: {kind} are not articles (use {supported})")
    data = _read_limited(path, name, max_bytes)
    if not data.strip():
        raise ReaderError(f"cannot import {name}: the file is empty")
    declared = declared_html_encoding(data) if importer is article_from_html else ""
    try:
        text = decode_bytes(data, declared_encoding=declared)
    except ReaderError as error:
        raise ReaderError(f"cannot import {name}: {error}") from None
    if not text.strip():
        raise ReaderError(f"cannot import {name}: the file is empty")
    return importer(text, str(path.resolve()))


def _read_limited(path: Path, name: str, max_bytes: int) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ReaderError(f"cannot import {name}: no such file") from None
    except OSError as error:
        raise ReaderError(f"cannot import {name}: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ReaderError(f"cannot import {name}: it is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise ReaderError(f"cannot import {name}: not a regular file")
    if info.st_size > max_bytes:
        raise _too_large(name, info.st_size, max_bytes)
    try:
        with path.open("rb") as file:
            # read one byte past the limit in case the file grew since stat
            data = file.read(max_bytes + 1)
    except OSError as error:
        raise ReaderError(f"cannot import {name}: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise _too_large(name, len(data), max_bytes)
    return data


def _too_large(name: str, size: int, max_bytes: int) -> ReaderError:
    return ReaderError(
        f"cannot import {name}: it is {describe_size(size)}, "
        f"more than the {describe_size(max_bytes)} limit for articles"
    )
