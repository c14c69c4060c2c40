"""Read a flag file: W3C Web Annotation JSON-LD, as written by :mod:`reader.w3c.writing`.

A flag file comes from someone else and is treated as hostile.  It is refused,
with a one-line :class:`ReaderError` and nothing half-read, when:

* it is larger than ``MAX_FLAG_FILE_BYTES`` (20 MiB), checked with ``stat``
  before a byte is read, or is not a regular file;
* it is not UTF-8 (a leading byte-order mark is allowed) or not JSON, uses
  ``NaN``/``Infinity``, numbers of more than 30 digits, repeats a key inside an
  object, or nests too deeply for the parser;
* its top level is not an ``AnnotationCollection`` (with its first page
  embedded, and no further pages), a single ``Annotation`` or a list of them;
* any field has the wrong type or an impossible value: every annotation needs
  an ``id``, exactly one ``classifying`` body naming a kind, and a target with
  a ``source``, a ``TextPositionSelector`` (``0 <= start <= end``) and a
  ``TextQuoteSelector`` whose ``exact`` is ``end - start`` characters long.

Accepted leniently: selectors of other types (alternatives, ignored), ids that
are not ``urn:uuid:`` (the flag gets the UUID-5 of the id, so importing the
same file twice gives the same UUIDs), and missing times (now).  A flag
without ``reader:layer`` goes to the ``imported`` layer; without
``reader:status`` it is ``active``.  The first problem found is reported with
where it is, e.g. ``item 3: 'start' must be an integer`` (items count from 1).
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.limited_files import Refusals, read_limited_file
from reader.core.models import Anchor, Kind, LayerKind, ReaderError, Status, utc_now
from reader.w3c.json_values import (
    check_label,
    decode_json,
    is_integer,
    optional_text,
    optional_time,
    position_value,
    shown,
    text_value,
)
from reader.w3c.writing import (
    ANNO_CONTEXT,
    LAYER_KEY,
    REASONS_KEY,
    SCORE_KEY,
    STATUS_KEY,
    UUID_URN_PREFIX,
)

MAX_FLAG_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class FlagFileArticle:
    """An article a flag file points at: its URL or ``urn:sha256:...``, and a title if known."""

    source: str
    title: str


@dataclass(frozen=True)
class ParsedFlag:
    kind: Kind
    anchor: Anchor
    note: str
    tags: list[str]
    source: str
    status: Status
    layer: str
    author: str
    uuid: str
    created: str
    updated: str
    target_source: str
    score: float | None
    reasons: list[str]


@dataclass(frozen=True)
class FlagFile:
    """Everything read from a flag file: the articles it points at and its flags, in file order."""

    articles: list[FlagFileArticle]
    flags: list[ParsedFlag]


def load_flag_file(path: Path) -> FlagFile:
    """Read and validate the flag file at ``path``; errors name the file."""
    name = str(path)
    raw = read_limited_file(path, MAX_FLAG_FILE_BYTES, too_large_message, refusals=FLAG_REFUSALS)
    data = decode_json(raw, name)
    try:
        return parse_flag_document(data)
    except ReaderError as exc:
        raise ReaderError(f"{name}: {exc}") from None


def read_flag_file(path: Path) -> list[ParsedFlag]:
    """The flags in the file at ``path`` (see :func:`load_flag_file`)."""
    return load_flag_file(path).flags


def parse_w3c(data: object) -> list[ParsedFlag]:
    """The flags in already-decoded JSON; raises ReaderError on the first problem."""
    return parse_flag_document(data).flags


FLAG_REFUSALS = Refusals(folder="{name} is not a regular file")


def too_large_message(name: str, size: int) -> str:
    mib = 1024 * 1024
    return (
        f"{name} is {size / mib:.1f} MiB; "
        f"flag files are limited to {MAX_FLAG_FILE_BYTES // mib} MiB"
    )


def parse_flag_document(data: object) -> FlagFile:
    """Validate decoded JSON (a collection, one annotation or a list of them) into flags."""
    label = ""
    if isinstance(data, list):
        items: list[object] = data
    elif isinstance(data, dict) and "AnnotationCollection" in types_of(data, "the collection"):
        check_context(data, "the collection")
        label, items = collection_items(data)
    elif isinstance(data, dict) and "Annotation" in types_of(data, "the annotation"):
        items = [data]
    else:
        raise ReaderError(
            "a flag file must hold an AnnotationCollection, an Annotation or a list of annotations"
        )

    flags: list[ParsedFlag] = []
    seen: dict[str, int] = {}
    for number, item in enumerate(items, start=1):
        where = f"item {number}"
        flag = parse_annotation(item, where)
        if flag.uuid in seen:
            raise ReaderError(
                f"{where}: id urn:uuid:{flag.uuid} is also used by item {seen[flag.uuid]}"
            )
        seen[flag.uuid] = number
        flags.append(flag)

    sources = list(dict.fromkeys(flag.target_source for flag in flags))
    title = label if len(sources) == 1 else ""
    return FlagFile([FlagFileArticle(source, title) for source in sources], flags)


def types_of(obj: dict[str, Any], where: str) -> set[str]:
    value = obj.get("type")
    if isinstance(value, str):
        return {value}
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return set(value)
    if value is None:
        raise ReaderError(f"{where}: 'type' is missing")
    raise ReaderError(f"{where}: 'type' must be a string or a list of strings")


def check_context(obj: dict[str, Any], where: str) -> None:
    if "@context" not in obj:
        return
    context = obj["@context"]
    entries = context if isinstance(context, list) else [context]
    if not all(isinstance(entry, str | dict) for entry in entries):
        raise ReaderError(f"{where}: '@context' must hold strings and objects")
    if ANNO_CONTEXT not in entries:
        raise ReaderError(f"{where}: '@context' does not include {ANNO_CONTEXT}")


def collection_items(collection: dict[str, Any]) -> tuple[str, list[object]]:
    where = "the collection"
    label = optional_text(collection, "label", where)
    page = collection.get("first")
    if page is None:
        raise ReaderError(f"{where}: 'first' (the page of annotations) is missing")
    if isinstance(page, str):
        raise ReaderError(f"{where}: its first page is only linked; the page must be embedded")
    if not isinstance(page, dict):
        raise ReaderError(f"{where}: 'first' must be an AnnotationPage object")
    if "AnnotationPage" not in types_of(page, "the first page"):
        raise ReaderError("the first page: 'type' must be AnnotationPage")
    if "next" in page:
        raise ReaderError("the collection has more than one page; only one is supported")
    items = page.get("items")
    if not isinstance(items, list):
        raise ReaderError("the first page: 'items' must be a list")
    if "total" in collection:
        total = collection["total"]
        if not is_integer(total) or total < 0:
            raise ReaderError(f"{where}: 'total' must be a whole number")
        if total != len(items):
            raise ReaderError(f"{where}: 'total' is {total} but the page holds {len(items)} items")
    return label, items


def parse_annotation(item: object, where: str) -> ParsedFlag:
    if not isinstance(item, dict):
        raise ReaderError(f"{where}: an annotation must be an object")
    if "Annotation" not in types_of(item, where):
        raise ReaderError(f"{where}: 'type' must be Annotation")
    check_context(item, where)
    flag_uuid = parse_id(item, where)
    created = optional_time(item, "created", where) or utc_now()
    updated = optional_time(item, "modified", where) or created
    author = parse_creator(item.get("creator"), where)
    motivation = item.get("motivation")
    if motivation is not None and not (
        isinstance(motivation, str)
        or (isinstance(motivation, list) and all(isinstance(m, str) for m in motivation))
    ):
        raise ReaderError(f"{where}: 'motivation' must be a string or a list of strings")
    bodies = parse_bodies(item.get("body"), where)
    source, anchor = parse_target(item.get("target"), where)

    layer = optional_text(item, LAYER_KEY, where)
    if LAYER_KEY in item:
        check_label(layer, LAYER_KEY, where)
    else:
        layer = LayerKind.IMPORTED.value
    status_name = (
        optional_text(item, STATUS_KEY, where) if STATUS_KEY in item else Status.ACTIVE.value
    )
    try:
        status = Status(status_name)
    except ValueError:
        names = ", ".join(s.value for s in Status)
        raise ReaderError(
            f"{where}: unknown status {shown(status_name)} (use one of: {names})"
        ) from None

    return ParsedFlag(
        kind=bodies.kind,
        anchor=anchor,
        note=bodies.note,
        tags=bodies.tags,
        source=bodies.source,
        status=status,
        layer=layer,
        author=author,
        uuid=flag_uuid,
        created=created,
        updated=updated,
        target_source=source,
        score=parse_score(item.get(SCORE_KEY), where),
        reasons=parse_reasons(item.get(REASONS_KEY), where),
    )


def parse_id(item: dict[str, Any], where: str) -> str:
    if "id" not in item:
        raise ReaderError(f"{where}: 'id' is missing")
    value = text_value(item["id"], "id", where)
    if value.lower().startswith(UUID_URN_PREFIX):
        try:
            return str(uuid.UUID(value[len(UUID_URN_PREFIX) :]))
        except ValueError:
            raise ReaderError(f"{where}: 'id' {shown(value)} is not a valid urn:uuid") from None
    if not value.strip():
        raise ReaderError(f"{where}: 'id' is empty")
    return str(uuid.uuid5(uuid.NAMESPACE_URL, value))


def parse_creator(creator: object, where: str) -> str:
    if creator is None:
        return ""
    if isinstance(creator, dict):
        return optional_text(creator, "name", f"{where}: creator")
    return text_value(creator, "creator", where)


@dataclass
class Bodies:
    kind: Kind
    note: str
    tags: list[str]
    source: str


def parse_bodies(value: object, where: str) -> Bodies:
    if value is None:
        raise ReaderError(f"{where}: 'body' is missing (the kind is a classifying body)")
    bodies = value if isinstance(value, list) else [value]
    kind: Kind | None = None
    note: str | None = None
    source: str | None = None
    tags: list[str] = []
    seen_tags: set[str] = set()  # a list lookup per tag would be quadratic in a hostile file
    for number, body in enumerate(bodies, start=1):
        here = f"{where}: body {number}"
        if not isinstance(body, dict):
            raise ReaderError(f"{here}: a body must be an object")
        purpose = text_value(body.get("purpose"), "purpose", here)
        body_type = optional_text(body, "type", here) or "TextualBody"
        if purpose == "linking" and body_type == "SpecificResource":
            text = text_value(body.get("source"), "source", here)
        elif body_type == "TextualBody":
            text = text_value(body.get("value"), "value", here)
            optional_text(body, "format", here)
        else:
            raise ReaderError(f"{here}: unsupported body type {shown(body_type)}")

        if purpose == "classifying":
            if kind is not None:
                raise ReaderError(f"{here}: a second classifying body (only one kind per flag)")
            check_label(text, "value", here)
            try:
                kind = Kind.parse(text)
            except ReaderError as exc:
                raise ReaderError(f"{here}: {exc}") from None
        elif purpose == "commenting":
            if note is not None:
                raise ReaderError(f"{here}: a second commenting body (only one note per flag)")
            note = text
        elif purpose == "tagging":
            check_label(text, "value", here)
            if text in seen_tags:
                raise ReaderError(f"{here}: the tag {shown(text)} appears twice")
            seen_tags.add(text)
            tags.append(text)
        elif purpose == "linking":
            if source is not None:
                raise ReaderError(f"{here}: a second linking body (only one source per flag)")
            source = text
        else:
            raise ReaderError(f"{here}: unsupported purpose {shown(purpose)}")
    if kind is None:
        raise ReaderError(f"{where}: no body with purpose 'classifying' gives the kind")
    return Bodies(kind=kind, note=note or "", tags=tags, source=source or "")


def parse_target(value: object, where: str) -> tuple[str, Anchor]:
    if isinstance(value, list):
        if len(value) != 1:
            raise ReaderError(f"{where}: exactly one target is supported, found {len(value)}")
        value = value[0]
    if value is None:
        raise ReaderError(f"{where}: 'target' is missing")
    if isinstance(value, str):
        raise ReaderError(f"{where}: the target has no selectors (a bare IRI cannot be anchored)")
    if not isinstance(value, dict):
        raise ReaderError(f"{where}: 'target' must be an object")
    here = f"{where}: target"
    source = text_value(value.get("source"), "source", here)
    if not source.strip():
        raise ReaderError(f"{here}: 'source' is empty")

    raw_selectors = value.get("selector")
    if raw_selectors is None:
        raise ReaderError(f"{here}: 'selector' is missing")
    selectors = raw_selectors if isinstance(raw_selectors, list) else [raw_selectors]
    found: dict[str, dict[str, Any]] = {}
    for number, selector in enumerate(selectors, start=1):
        place = f"{here}: selector {number}"
        if not isinstance(selector, dict):
            raise ReaderError(f"{place}: a selector must be an object")
        selector_type = text_value(selector.get("type"), "type", place)
        if selector_type in ("TextPositionSelector", "TextQuoteSelector"):
            if selector_type in found:
                raise ReaderError(f"{place}: a second {selector_type}")
            found[selector_type] = selector
    for needed in ("TextPositionSelector", "TextQuoteSelector"):
        if needed not in found:
            raise ReaderError(f"{here}: a {needed} is needed")

    position = found["TextPositionSelector"]
    start = position_value(position, "start", here)
    end = position_value(position, "end", here)
    if end < start:
        raise ReaderError(f"{here}: 'end' ({end}) is before 'start' ({start})")
    quote = found["TextQuoteSelector"]
    exact = text_value(quote.get("exact"), "exact", here)
    if not exact:
        raise ReaderError(f"{here}: 'exact' is empty")
    if len(exact) != end - start:
        raise ReaderError(
            f"{here}: 'exact' has {len(exact)} characters but end - start is {end - start}"
        )
    prefix = optional_text(quote, "prefix", here)
    suffix = optional_text(quote, "suffix", here)
    return source, Anchor(start=start, end=end, exact=exact, prefix=prefix, suffix=suffix)


def parse_score(value: object, where: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ReaderError(f"{where}: '{SCORE_KEY}' must be a number")
    return float(value)


def parse_reasons(value: object, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ReaderError(f"{where}: '{REASONS_KEY}' must be a list of strings")
    return [text_value(reason, REASONS_KEY, where) for reason in value]
