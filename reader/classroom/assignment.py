"""The assignment file (``.reader-assignment``): the article and the task, never the key.

What a teacher hands out: a random assignment id, the article (its metadata,
its Markdown and the SHA-256 of its canonical text), a title, instructions in
Markdown, the kinds of flag asked for, a due date, the class's name and,
if she chooses, hint flags.  Hints get new ids and keep only kind, place, note,
tags and source, so nothing ties them to the key.  The reader recomputes the
canonical text from the Markdown and refuses the file if its hash differs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.anchoring.canonical import article_text, text_sha256
from reader.classroom.files import (
    MAX_NAME_CHARS,
    MAX_NOTE_CHARS,
    MAX_TITLE_CHARS,
    FileFormat,
    app_version,
    as_annotation,
    check_due,
    check_name,
    date_field,
    envelope,
    flags_document,
    id_field,
    name_field,
    open_envelope,
    read_flags,
    read_limited,
    required_dict,
    text_field,
    time_field,
    to_bytes,
)
from reader.core.limits import MAX_ARTICLE_BYTES
from reader.core.models import (
    Annotation,
    Article,
    ArticleMeta,
    Kind,
    ReaderError,
    SourceFormat,
    new_uuid,
    utc_now,
)
from reader.w3c.json_values import shown
from reader.w3c.reading import ParsedFlag

SUFFIX = ".reader-assignment"
HINT_LAYER = "hint"


@dataclass(frozen=True)
class Assignment:
    """An assignment as written or read: ``text`` is the article's canonical text."""

    assignment_id: str
    title: str
    instructions: str
    kinds: tuple[Kind, ...]
    due: str
    class_name: str
    created: str
    app_version: str
    article: ArticleMeta
    text: str
    text_sha256: str
    hints: tuple[ParsedFlag, ...] = field(default=())

    def hint_annotations(self, article_id: int) -> list[Annotation]:
        """The hint flags as annotations of the stored article, in the ``hint`` layer."""
        return [as_annotation(flag, article_id, HINT_LAYER) for flag in self.hints]


def new_assignment(
    article: Article,
    *,
    title: str,
    instructions: str = "",
    kinds: Sequence[Kind] = tuple(Kind),
    due: str = "",
    class_name: str = "",
    hints: Sequence[Annotation] = (),
) -> tuple[Assignment, bytes]:
    """A new assignment on ``article`` (with a new random id) and the bytes of its file."""
    title = title.strip()
    if not title:
        raise ReaderError("the assignment needs a title")
    if len(title) > MAX_TITLE_CHARS:
        raise ReaderError(f"the title is longer than {MAX_TITLE_CHARS} characters")
    if len(instructions) > MAX_NOTE_CHARS:
        raise ReaderError(f"the instructions are longer than {MAX_NOTE_CHARS:,} characters")
    if not kinds:
        raise ReaderError("the assignment must ask for at least one kind of flag")
    if due:
        check_due(due, "the due date")
    class_name = check_name(class_name.strip(), "the class name") if class_name.strip() else ""
    assignment_id = new_uuid()
    # Fresh ids and no layer, author or times: a hint shares nothing with the key but its place.
    shown_hints = [
        Annotation(
            article_id=article.id,
            kind=hint.kind,
            anchor=hint.anchor,
            layer=HINT_LAYER,
            note=hint.note,
            tags=list(hint.tags),
            source=hint.source,
        )
        for hint in hints
    ]
    document: dict[str, Any] = envelope(FileFormat.ASSIGNMENT)
    document.update(
        {
            "assignment_id": assignment_id,
            "title": title,
            "instructions": instructions,
            "kinds": [kind.value for kind in dict.fromkeys(kinds)],
            "due": due,
            "class_name": class_name,
            "created": utc_now(),
            "app_version": app_version(),
            "article": {
                "title": article.title,
                "author": article.author,
                "publication": article.publication,
                "url": article.url,
                "published": article.published,
                "source_format": article.source_format.value,
                "markdown": article.markdown,
                "text_sha256": article.sha256,
            },
        }
    )
    if shown_hints:
        document["hints"] = flags_document(article, shown_hints)
    raw = to_bytes(document)
    return read_assignment(raw, "the new assignment"), raw


def load_assignment(path: Path) -> Assignment:
    return read_assignment(read_limited(path), str(path))


def read_assignment(raw: bytes, name: str) -> Assignment:
    """The assignment in ``raw``; a ReaderError naming ``name`` if anything is wrong."""
    data = open_envelope(raw, name, FileFormat.ASSIGNMENT)
    meta, text, sha256 = read_article(required_dict(data, "article", name), f"{name}: article")
    return Assignment(
        assignment_id=id_field(data, "assignment_id", name),
        title=text_field(data, "title", name, limit=MAX_TITLE_CHARS, required=True).strip(),
        instructions=text_field(data, "instructions", name, limit=MAX_NOTE_CHARS),
        kinds=read_kinds(data.get("kinds"), name),
        due=date_field(data, "due", name),
        class_name=name_field(data, "class_name", name, required=False),
        created=time_field(data, "created", name),
        app_version=text_field(data, "app_version", name, limit=MAX_NAME_CHARS),
        article=meta,
        text=text,
        text_sha256=sha256,
        hints=tuple(read_flags(data, "hints", name, text)) if "hints" in data else (),
    )


def read_article(data: dict[str, Any], where: str) -> tuple[ArticleMeta, str, str]:
    markdown = text_field(data, "markdown", where, limit=MAX_ARTICLE_BYTES, required=True)
    expected = text_field(data, "text_sha256", where, limit=64, required=True)
    format_name = text_field(data, "source_format", where, limit=20) or SourceFormat.MARKDOWN
    try:
        source_format = SourceFormat(format_name)
    except ValueError:
        raise ReaderError(f"{where}: unknown 'source_format' {shown(format_name)}") from None
    meta = ArticleMeta(
        title=text_field(data, "title", where, limit=MAX_TITLE_CHARS),
        markdown=markdown,
        source_format=source_format,
        author=text_field(data, "author", where, limit=MAX_TITLE_CHARS),
        publication=text_field(data, "publication", where, limit=MAX_TITLE_CHARS),
        url=text_field(data, "url", where, limit=4096),
        published=text_field(data, "published", where, limit=40),
    )
    text = article_text(meta, markdown)
    if text_sha256(text) != expected:
        raise ReaderError(
            f"{where}: the text does not match its SHA-256 (the file was edited or damaged)"
        )
    return meta, text, expected


def read_kinds(value: object, where: str) -> tuple[Kind, ...]:
    if not isinstance(value, list) or not value:
        raise ReaderError(f"{where}: 'kinds' must be a list of at least one kind")
    kinds: list[Kind] = []
    for item in value:
        if not isinstance(item, str) or len(item) > 40:
            raise ReaderError(f"{where}: 'kinds' must hold kind names")
        try:
            kind = Kind(item)
        except ValueError:
            raise ReaderError(f"{where}: unknown kind {shown(item)} in 'kinds'") from None
        if kind in kinds:
            raise ReaderError(f"{where}: the kind {kind.value} appears twice in 'kinds'")
        kinds.append(kind)
    return tuple(kinds)
