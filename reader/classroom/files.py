"""What the three classroom files share: limits, the versioned envelope, checked fields, flags.

Each file is one UTF-8 JSON object whose ``format`` names what it is and whose
``version`` is a whole number; a version newer than this app reads is refused
with a message saying to update the app.  Reading is for hostile files: the
size is checked before a byte is read, and every field is checked for its type,
its length and (for flags) its place in the article text.  Any problem is one
:class:`ReaderError` line that starts with the file's name.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from reader.core.limited_files import read_limited_file
from reader.core.limits import describe_size
from reader.core.models import Annotation, Article, ReaderError, Status
from reader.w3c.json_values import decode_json, shown, text_value
from reader.w3c.reading import ParsedFlag, parse_w3c
from reader.w3c.writing import to_w3c

MAX_FILE_BYTES = 20 * 1024 * 1024  # as for flag files: an article of 10 MiB plus its flags
MAX_FLAGS = 5_000  # a careful student flags dozens; a key of thousands is a mistake
MAX_NAME_CHARS = 100  # a student's or a class's name
MAX_TITLE_CHARS = 300
MAX_NOTE_CHARS = 20_000  # instructions and feedback comments
APP_NAME = "Annotated Reader"


class FileFormat(StrEnum):
    """The ``format`` name of each classroom file, with the newest version this app reads."""

    ASSIGNMENT = "annotated-reader-assignment"
    SUBMISSION = "annotated-reader-submission"
    KEY = "annotated-reader-key"

    @property
    def version(self) -> int:
        return 1

    @property
    def description(self) -> str:
        return {
            FileFormat.ASSIGNMENT: "an assignment",
            FileFormat.SUBMISSION: "a submission",
            FileFormat.KEY: "a released key",
        }[self]


def app_version() -> str:
    """This app's version, as written into the files it makes."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("annotated-reader")
    except PackageNotFoundError:
        return "unknown"


def read_limited(path: Path) -> bytes:
    """The bytes of ``path``, refused before reading if it is not a file or too large."""
    return read_limited_file(path, MAX_FILE_BYTES, too_large)


def too_large(name: str, size: int) -> str:
    return (
        f"{name} is {describe_size(size)}; classroom files are limited to "
        f"{describe_size(MAX_FILE_BYTES)}"
    )


def open_envelope(raw: bytes, name: str, expected: FileFormat) -> dict[str, Any]:
    """The top-level object of a classroom file, once its format and version are known good."""
    if len(raw) > MAX_FILE_BYTES:
        raise ReaderError(too_large(name, len(raw)))
    if not raw.strip():
        raise ReaderError(f"{name} is empty, not {expected.description} file")
    try:
        data = decode_json(raw, name)
    except ReaderError as exc:
        # decode_json words its refusals for flag files; say what this file should have been
        raise ReaderError(str(exc).replace("a flag file", f"{expected.description} file")) from None
    if not isinstance(data, dict):
        raise ReaderError(f"{name} is not {expected.description} file (no JSON object)")
    found = data.get("format")
    if found != expected.value:
        known = {f.value: f for f in FileFormat}
        if isinstance(found, str) and found in known:
            raise ReaderError(
                f"{name} is {known[found].description} file, not {expected.description} file"
            )
        raise ReaderError(f"{name} is not {expected.description} file ('format' is not {expected})")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ReaderError(f"{name}: 'version' must be a whole number from 1")
    if version > expected.version:
        raise ReaderError(
            f"{name} was made by a newer {APP_NAME} (file version {version}; this app reads "
            f"up to {expected.version}): update the app to open it"
        )
    return data


def envelope(kind: FileFormat) -> dict[str, Any]:
    return {"format": kind.value, "version": kind.version}


def to_bytes(document: dict[str, Any]) -> bytes:
    """A classroom file's bytes: indented UTF-8 JSON ending in a newline."""
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# Checked fields.  ``where`` is already prefixed with the file's name by the callers.


def required_dict(data: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise ReaderError(f"{where}: '{key}' must be an object")
    return value


def text_field(
    data: dict[str, Any], key: str, where: str, *, limit: int, required: bool = False
) -> str:
    """A string field, at most ``limit`` characters; absent or null reads as ""."""
    value = data.get(key)
    if value is None:
        if required:
            raise ReaderError(f"{where}: '{key}' is missing")
        return ""
    text = text_value(value, key, where)
    if len(text) > limit:
        raise ReaderError(f"{where}: '{key}' is longer than {limit:,} characters")
    if required and not text.strip():
        raise ReaderError(f"{where}: '{key}' is empty")
    return text


def name_field(data: dict[str, Any], key: str, where: str, *, required: bool = True) -> str:
    """A person's or a class's name: one line, 1 to ``MAX_NAME_CHARS`` characters once trimmed."""
    value = data.get(key)
    if value is None and not required:
        return ""
    name = text_value(value, key, where).strip()
    if not name:
        if not required:
            return ""
        raise ReaderError(f"{where}: '{key}' is empty")
    return check_name(name, f"{where}: '{key}'")


def check_name(name: str, what: str) -> str:
    if len(name) > MAX_NAME_CHARS:
        raise ReaderError(f"{what} is longer than {MAX_NAME_CHARS} characters")
    if any(ch < " " or ch == "\x7f" for ch in name):
        raise ReaderError(f"{what} contains a line break or control character")
    return name


def id_field(data: dict[str, Any], key: str, where: str) -> str:
    """A random id as the files hold them: a UUID in its canonical lower-case spelling."""
    import uuid

    value = text_value(data.get(key), key, where)
    try:
        parsed = uuid.UUID(value)
    except ValueError:
        raise ReaderError(f"{where}: '{key}' {shown(value)} is not an id") from None
    if str(parsed) != value:
        raise ReaderError(f"{where}: '{key}' {shown(value)} is not an id")
    return value


def time_field(data: dict[str, Any], key: str, where: str) -> str:
    value = text_value(data.get(key), key, where)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ReaderError(
            f"{where}: '{key}' is not an ISO 8601 date-time: {shown(value)}"
        ) from None
    if moment.tzinfo is None:
        raise ReaderError(f"{where}: '{key}' has no time zone: {shown(value)}")
    return value


def date_field(data: dict[str, Any], key: str, where: str) -> str:
    """An optional ISO date (``2026-12-10``) or date-time; "" when absent."""
    value = text_field(data, key, where, limit=40)
    if value:
        check_due(value, f"{where}: '{key}'")
    return value


def check_due(value: str, what: str) -> None:
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parse(value)
            return
        except ValueError:
            continue
    raise ReaderError(f"{what} is not a date such as 2026-12-10: {shown(value)}")


def sha256_field(data: dict[str, Any], key: str, where: str) -> str:
    value = text_value(data.get(key), key, where)
    if len(value) != 64 or any(ch not in "0123456789abcdef" for ch in value):
        raise ReaderError(f"{where}: '{key}' is not a SHA-256 in lower-case hex")
    return value


# Flags: a W3C AnnotationCollection, written and read by the project's one W3C codec.


def flags_document(article: Article, flags: Sequence[Annotation]) -> dict[str, Any]:
    return to_w3c(article, flags)


def read_flags(data: dict[str, Any], key: str, where: str, text: str) -> list[ParsedFlag]:
    """The flags under ``key``, each checked against ``text``: in it, and quoting it exactly."""
    collection = required_dict(data, key, where)
    here = f"{where}: {key}"
    page = collection.get("first")
    items = page.get("items") if isinstance(page, dict) else None
    if isinstance(items, list) and len(items) > MAX_FLAGS:
        raise ReaderError(f"{here}: {len(items):,} flags; at most {MAX_FLAGS:,} are accepted")
    try:
        flags = parse_w3c(collection)
    except ReaderError as exc:
        raise ReaderError(f"{here}: {exc}") from None
    for number, flag in enumerate(flags, start=1):
        anchor = flag.anchor
        if anchor.end > len(text):
            raise ReaderError(
                f"{here}: item {number} ends at {anchor.end}, past the article's end ({len(text)})"
            )
        if text[anchor.start : anchor.end] != anchor.exact:
            raise ReaderError(
                f"{here}: item {number} quotes {shown(anchor.exact)}, "
                f"which is not the article's text at {anchor.start}-{anchor.end}"
            )
        if flag.status is not Status.ACTIVE:
            raise ReaderError(f"{here}: item {number} is {flag.status.value}, not an active flag")
    return flags


def as_annotation(flag: ParsedFlag, article_id: int, layer: str) -> Annotation:
    """A flag read from a classroom file as an annotation of the article (already placed)."""
    return Annotation(
        article_id=article_id,
        kind=flag.kind,
        anchor=flag.anchor,
        layer=layer,
        note=flag.note,
        tags=list(flag.tags),
        source=flag.source,
        author=flag.author,
        uuid=flag.uuid,
        created=flag.created,
        updated=flag.updated,
    )
