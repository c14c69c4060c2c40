"""A folder of rendered articles, so that showing one again needs neither markdown-it
nor Pygments (their import alone costs a third of a bare Qt window's start).

An entry holds the page's HTML and the offset map's segments (plain numbers), and is
named by checksums of everything the render depends on: the Markdown, the header, the
theme, RENDER_VERSION and the size and time of the renderer's source files. A stale
or damaged entry is never read: its name no longer matches, or it fails to parse and
counts as missing. The folder keeps the MAX_ENTRIES most recently used entries.

Beside the pages, LAST_ARTICLE_FILE keeps a copy of the article shown when the app
last closed, so that the next start can show it before the library is opened (see
``save_last_article`` and ``load_last_article``); and for each article file opened
lately, the article its import showed and what the import said (``save_opened_file``
and ``load_opened_file``), so that opening the same file again can show them before
the file is parsed.
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from reader.core.models import Article, SourceFormat
from reader.core.palette import Theme

# Raise when the HTML or the offset map changes in a way file times would not show.
RENDER_VERSION = 2
MAX_ENTRIES = 64
MAX_ENTRY_BYTES = 64 * 1024 * 1024
_SUFFIX = ".json"
LAST_ARTICLE_FILE = "last-article.json"  # not a page: never pruned
_OPENED_PREFIX = "opened-"  # an opened file's record: the prefix, then the file's stamp
MAX_OPENED_FILES = 16
_RENDERER_FILES = ("html.py", "stylesheet.py", "header.py", "cache.py")
# the header's and the body's blocks, which the offset map aligns; the colours of the page
_CANONICAL_FILE = Path(__file__).parents[1] / "anchoring" / "canonical.py"
_PALETTE_FILE = Path(__file__).parents[1] / "core" / "palette.py"

_PACKAGE = Path(__file__).parents[1]
# what an article file's import depends on besides its bytes (see load_opened_file)
_IMPORTER_FILES = ("anchoring/canonical.py", "storage/importing.py", "storage/articles.py")

# canonical start, document start, length in code points, astral indexes (see offsets)
SegmentData = tuple[int, int, int, tuple[int, ...]]


@dataclass(frozen=True)
class RenderedPage:
    html: str
    segments: list[SegmentData]
    exact: bool


class RenderCache:
    """Rendered pages in ``folder`` (created on first write); never raises on bad entries."""

    def __init__(self, folder: Path, extra_sources: Sequence[Path] = ()) -> None:
        self.folder = folder
        here = Path(__file__).parent
        sources = [here / name for name in _RENDERER_FILES] + [
            _CANONICAL_FILE,
            _PALETTE_FILE,
            *extra_sources,
        ]
        self._fingerprint = _fingerprint(sources)

    def key(self, article: Article, theme: Theme) -> str:
        # Two zlib checksums and the length, not SHA-256: importing hashlib loads OpenSSL
        # (~2.5 ms) on the way to the first paint, and this only names a cache entry.
        header = [article.title, article.author, article.publication, article.published]
        parts = [RENDER_VERSION, self._fingerprint, theme.value, header]
        data = (
            json.dumps(parts).encode("utf-8")
            + b"\0"
            + article.markdown.encode("utf-8", "surrogatepass")
        )
        return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}-{len(data):x}"

    def get(self, key: str) -> RenderedPage | None:
        path = self.folder / f"{key}{_SUFFIX}"
        try:
            if path.stat().st_size > MAX_ENTRY_BYTES:
                return None
            data = json.loads(path.read_text(encoding="utf-8"))
            page = _page_from_data(data)
            os.utime(path)  # most recently used: pruned last
        except (OSError, ValueError, TypeError, KeyError):
            return None
        return page

    def put(self, key: str, page: RenderedPage) -> None:
        """Store the page; a folder that cannot be written only means no cache."""
        data = {"html": page.html, "segments": page.segments, "exact": page.exact}
        try:
            _write_json(self.folder / f"{key}{_SUFFIX}", data)
            self._prune()
        except OSError:
            return

    def _prune(self) -> None:
        pages = [path for path in self.folder.glob(f"*{_SUFFIX}") if path.name != LAST_ARTICLE_FILE]
        pages.sort(key=lambda path: path.stat().st_mtime, reverse=True)
        for path in pages[MAX_ENTRIES:]:
            path.unlink(missing_ok=True)


def save_last_article(folder: Path, article: Article) -> None:
    """Keep a copy of ``article`` for ``load_last_article``; an unwritable folder is ignored."""
    try:
        _write_json(folder / LAST_ARTICLE_FILE, asdict(article))
    except (OSError, ValueError):  # ValueError: text that UTF-8 cannot hold
        return


def load_last_article(folder: Path, article_id: int) -> Article | None:
    """The article ``save_last_article`` kept, if it is ``article_id``; None when there is
    none, it is another one, or the file is damaged.

    The copy may be out of date (the article edited or imported again since): whoever
    shows it must check it against the library.
    """
    path = folder / LAST_ARTICLE_FILE
    try:
        if path.stat().st_size > MAX_ENTRY_BYTES:
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        article = _article_from_data(data)
    except (OSError, ValueError, TypeError, KeyError):
        return None
    return article if article.id == article_id else None


def save_opened_file(folder: Path, path: Path, article: Article, message: str) -> None:
    """Keep, for ``load_opened_file``, the article the import of the file at ``path`` showed
    and the ``message`` it said; unreadable files and unwritable folders are ignored."""
    stamp = _file_stamp(path)
    if stamp is None:
        return
    try:
        _write_json(folder / f"{_OPENED_PREFIX}{stamp}{_SUFFIX}", [asdict(article), message])
        records = sorted(
            folder.glob(f"{_OPENED_PREFIX}*{_SUFFIX}"),
            key=lambda record: record.stat().st_mtime,
            reverse=True,
        )
        for record in records[MAX_OPENED_FILES:]:
            record.unlink(missing_ok=True)
    except (OSError, ValueError):  # ValueError: text that UTF-8 cannot hold
        return


def load_opened_file(folder: Path, path: Path) -> tuple[Article, str] | None:
    """The article and message ``save_opened_file`` kept for the file at ``path``, if its
    bytes have not changed since; None otherwise, or if the record is damaged.

    The record also goes stale when the importers' code changes (their files' sizes and
    times are part of the stamp; the parser libraries' are not). An import of the same
    bytes would leave the article unchanged only if the library still holds it as kept
    here: whoever uses the record must compare the two.
    """
    stamp = _file_stamp(path)
    if stamp is None:
        return None
    record = folder / f"{_OPENED_PREFIX}{stamp}{_SUFFIX}"
    try:
        if record.stat().st_size > MAX_ENTRY_BYTES:
            return None
        data, message = json.loads(record.read_text(encoding="utf-8"))
        article = _article_from_data(data)
    except (OSError, ValueError, TypeError, KeyError):
        return None
    return (article, message) if isinstance(message, str) else None


def _file_stamp(path: Path) -> str | None:
    """Checksums of the file's resolved path and bytes (no parser needed); None if it
    cannot be read or is too large to be an article."""
    try:
        resolved = path.resolve()
        if resolved.stat().st_size > MAX_ENTRY_BYTES:
            return None
        importer = sorted((_PACKAGE / "importers").glob("*.py"))
        importer += [_PACKAGE / name for name in _IMPORTER_FILES]
        name = f"{resolved}\0{_fingerprint(importer)}\0".encode("utf-8", "surrogateescape")
        data = name + resolved.read_bytes()
    except OSError:
        return None
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}-{len(data):x}"


def _write_json(path: Path, data: object) -> None:
    """Write ``data`` to ``path`` whole or not at all (a crash leaves the old file)."""
    import tempfile  # only on a write: not on the way to the first paint

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(data, file, ensure_ascii=False, separators=(",", ":"))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _fingerprint(sources: Sequence[Path]) -> str:
    stamps = []
    for path in sources:
        try:
            status = path.stat()
        except OSError:
            stamps.append(f"{path.name}:missing")
            continue
        stamps.append(f"{path.name}:{status.st_size}:{status.st_mtime_ns}")
    return "|".join(stamps)


def _page_from_data(data: object) -> RenderedPage:
    if not isinstance(data, dict):
        raise ValueError("not an object")
    html, segments, exact = data["html"], data["segments"], data["exact"]
    if not isinstance(html, str) or not isinstance(segments, list) or not isinstance(exact, bool):
        raise ValueError("bad entry")
    parsed: list[SegmentData] = []
    for segment in segments:
        canonical_start, document_start, length, astral = segment
        numbers = (canonical_start, document_start, length, *astral)
        if not all(type(number) is int and number >= 0 for number in numbers):
            raise ValueError("bad segment")
        parsed.append((canonical_start, document_start, length, tuple(astral)))
    return RenderedPage(html, parsed, exact)


def _article_from_data(data: object) -> Article:
    if not isinstance(data, dict):
        raise ValueError("not an object")
    values: dict[str, Any] = {}
    for field in fields(Article):
        value = data[field.name]
        expected = int if field.type == "int" else str  # the enum's field: its value
        if type(value) is not expected:
            raise ValueError(f"bad {field.name}")
        values[field.name] = value
    values["source_format"] = SourceFormat(values["source_format"])
    return Article(**values)
