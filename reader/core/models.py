"""Domain objects of the library: articles, layers, annotations and their anchors."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar


class ReaderError(Exception):
    """A user-facing error: its message is one line that explains what went wrong."""


class Cancelled(ReaderError):  # noqa: N818  # what it says to the user: "cancelled"
    """Raised by a progress hook to stop a long operation before it writes anything."""

    def __init__(self, message: str = "cancelled: nothing was imported") -> None:
        super().__init__(message)


class Stage(StrEnum):
    """The stages of an import that a progress hook is told about."""

    READING = "reading"
    REANCHORING = "re-anchoring"
    SAVING = "saving"


PROGRESS_EVERY = 200  # items (flags) handled between two calls of a progress hook

# Told now and then how a long operation goes: (stage, done, total); may raise Cancelled.
Progress = Callable[[str, int, int], None]


def no_progress(stage: str, done: int, total: int) -> None:
    """A progress hook that ignores what it is told."""


Member = TypeVar("Member", bound=StrEnum)


def parse_member(
    enum: type[Member], value: str, aliases: Mapping[str, Member], *, what: str, choices: str
) -> Member:
    """The member a user named: its value or one of its ``aliases``, in any case, with ``-``
    for ``_``; else a ReaderError ``unknown <what> '<value>' (use <choices>)``."""
    cleaned = value.strip().lower().replace("-", "_")
    if cleaned in aliases:
        return aliases[cleaned]
    try:
        return enum(cleaned)
    except ValueError:
        raise ReaderError(f"unknown {what} {value!r} (use {choices})") from None


class Kind(StrEnum):
    UNSOURCED_CLAIM = "unsourced_claim"
    OPINION = "opinion"
    CONTEXT_NOTE = "context_note"

    @classmethod
    def parse(cls, value: str) -> Kind:
        """Accept the stored name or its short form (``unsourced``, ``opinion``, ``context``)."""
        aliases = {"unsourced": cls.UNSOURCED_CLAIM, "context": cls.CONTEXT_NOTE}
        names = ", ".join(k.value for k in cls)
        return parse_member(cls, value, aliases, what="kind", choices=f"one of: {names}")

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS: dict[Kind, str] = {
    Kind.UNSOURCED_CLAIM: "Unsourced claim",
    Kind.OPINION: "Opinion",
    Kind.CONTEXT_NOTE: "Context note",
}


class Status(StrEnum):
    ACTIVE = "active"
    SUGGESTED = "suggested"
    DISMISSED = "dismissed"
    ORPHANED = "orphaned"


class LayerKind(StrEnum):
    MINE = "mine"
    KEY = "key"
    SUBMISSION = "submission"
    SUGGESTIONS = "suggestions"
    IMPORTED = "imported"


class SourceFormat(StrEnum):
    MARKDOWN = "markdown"
    TEXT = "text"
    HTML = "html"


def utc_now() -> str:
    """ISO 8601 timestamp in UTC, to the second, as stored everywhere."""
    from datetime import UTC, datetime  # on first use: not needed to show the last article

    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def new_uuid() -> str:
    import uuid  # imported on first use: it pulls in `platform`, slow for start-up

    return str(uuid.uuid4())


@dataclass(frozen=True)
class Anchor:
    """W3C TextPositionSelector + TextQuoteSelector over the canonical text, in code points."""

    start: int
    end: int  # exclusive
    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass
class ArticleMeta:
    """What an importer extracts from a file, before it is stored."""

    title: str
    markdown: str
    source_format: SourceFormat
    author: str = ""
    publication: str = ""
    url: str = ""
    published: str = ""
    source_path: str = ""


@dataclass
class Article:
    id: int
    title: str
    author: str
    publication: str
    url: str
    published: str
    source_format: SourceFormat
    source_path: str
    markdown: str
    text: str
    sha256: str
    version: int
    imported_at: str


@dataclass
class Layer:
    id: int
    article_id: int
    name: str
    kind: LayerKind
    student: str = ""
    hidden: bool = False


@dataclass
class Annotation:
    article_id: int
    kind: Kind
    anchor: Anchor
    layer: str = LayerKind.MINE.value
    note: str = ""
    tags: list[str] = field(default_factory=list)
    source: str = ""
    status: Status = Status.ACTIVE
    score: float | None = None
    reasons: list[str] = field(default_factory=list)
    author: str = ""
    uuid: str = field(default_factory=new_uuid)
    created: str = field(default_factory=utc_now)
    updated: str = field(default_factory=utc_now)
