"""Markdown articles, with an optional YAML front-matter block.

Front matter is a block between two ``---`` lines at the very start of the file,
read with PyYAML's safe loader, bounded: at most 64 KiB and 50 levels of nesting,
and no aliases (``*name``), so no block can expand into a huge structure.  A value
YAML cannot build (``published: 2001-02-30``, a time of ``25:61``, a number too
long for Python) is kept as the text written.  Its keys ``title``, ``author``, ``publication``,
``url`` and ``published`` fill the article's metadata; other keys are ignored.
Without a title there, a level-one heading opening the body becomes the title
(and leaves the body), else the file name, else the first line of text.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Callable
from pathlib import PurePath
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import Node, ScalarNode

from reader.anchoring.canonical import inline_text, markdown_blocks, markdown_parser
from reader.anchoring.selectors import shorten
from reader.core.models import ArticleMeta, ReaderError, SourceFormat
from reader.importers.source_names import display_name

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^---[ \t]*$\n?", re.DOTALL | re.MULTILINE)
_OPENING_LINE = re.compile(r"\A---[ \t]*\n")
_TEXT_KEYS = ("title", "publication", "url")
MAX_FRONT_MATTER_CHARS = 64 * 1024
MAX_FRONT_MATTER_DEPTH = 50


class _FrontMatterLoader(yaml.SafeLoader):
    """The safe loader without aliases and with a bound on nesting."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            raise self._refusal("aliases (*name) are not allowed")
        if self._depth >= MAX_FRONT_MATTER_DEPTH:
            raise self._refusal(f"nested more than {MAX_FRONT_MATTER_DEPTH} levels deep")
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def _refusal(self, problem: str) -> ComposerError:
        # the scanner's mark: the line the problem is on, for the message
        return ComposerError(None, None, problem, self.get_mark())


def _as_written_if_invalid(
    construct: Callable[[_FrontMatterLoader, ScalarNode], object],
) -> Callable[[_FrontMatterLoader, Node], object]:
    def lenient(loader: _FrontMatterLoader, node: Node) -> object:
        if not isinstance(node, ScalarNode):  # "!!int [1, 2]"
            raise ConstructorError(
                None, None, "a number or date must be one value", node.start_mark
            )
        try:
            return construct(loader, node)
        except (ValueError, OverflowError):
            return loader.construct_scalar(node)

    return lenient


for _tag, _construct in (
    ("int", SafeConstructor.construct_yaml_int),
    ("float", SafeConstructor.construct_yaml_float),
    ("timestamp", SafeConstructor.construct_yaml_timestamp),
):
    _FrontMatterLoader.add_constructor(
        f"tag:yaml.org,2002:{_tag}", _as_written_if_invalid(_construct)
    )


def article_from_markdown(markdown_source: str, source_path: str = "") -> ArticleMeta:
    """An article from Markdown; its body stays Markdown."""
    name = display_name(source_path, "the Markdown text")
    source = markdown_source.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    fields, body = _split_front_matter(source, name)
    title = fields.get("title", "")
    if not title:
        title, body = _title_from_heading(body)
    blocks = markdown_blocks(body)
    if not blocks:
        raise ReaderError(f"no article text found in {name}")
    if not title:
        title = PurePath(source_path).stem if source_path else shorten(blocks[0].split("\n")[0], 80)
    return ArticleMeta(
        title=title,
        markdown=body,
        source_format=SourceFormat.MARKDOWN,
        author=fields.get("author", ""),
        publication=fields.get("publication", ""),
        url=fields.get("url", ""),
        published=fields.get("published", ""),
        source_path=source_path,
    )


def _split_front_matter(source: str, name: str) -> tuple[dict[str, str], str]:
    if not _OPENING_LINE.match(source):
        return {}, source
    match = _FRONT_MATTER.match(source)
    if match is None:
        raise ReaderError(f"front matter in {name} is not closed (end it with a line of ---)")
    if len(match.group(1)) > MAX_FRONT_MATTER_CHARS:
        raise ReaderError(
            f"front matter in {name} is longer than {MAX_FRONT_MATTER_CHARS // 1024} KB"
        )
    try:
        data = yaml.load(match.group(1), Loader=_FrontMatterLoader)  # a SafeLoader
    except yaml.YAMLError as error:
        raise ReaderError(f"invalid front matter in {name}: {_yaml_problem(error)}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ReaderError(f"front matter in {name} must be keys with values (title: ...)")
    return _front_matter_fields(data, name), source[match.end() :].lstrip("\n")


def _front_matter_fields(data: dict[Any, Any], name: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for key in _TEXT_KEYS:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise _wrong_type(name, key, value, "text")
        fields[key] = _one_line(value or "")
    author = data.get("author")
    if isinstance(author, list) and all(isinstance(item, str) for item in author):
        author = ", ".join(_one_line(item) for item in author)
    if author is not None and not isinstance(author, str):
        raise _wrong_type(name, "author", author, "text or a list of names")
    fields["author"] = _one_line(author or "")
    published = data.get("published")
    if isinstance(published, datetime.date):
        published = published.isoformat()
    if published is not None and not isinstance(published, str):
        raise _wrong_type(name, "published", published, "a date (2024-03-14)")
    fields["published"] = _one_line(published or "")
    return fields


def _one_line(value: str) -> str:
    """``value`` with its whitespace collapsed, without control characters or the lone
    surrogates YAML's escapes can make ("\\ud800"), which no file or database can store."""
    kept = "".join(
        " " if char.isspace() else char
        for char in value
        if char.isspace() or unicodedata.category(char) not in ("Cc", "Cs")
    )
    return " ".join(kept.split())


def _wrong_type(name: str, key: str, value: object, wanted: str) -> ReaderError:
    found = type(value).__name__
    return ReaderError(f"front matter in {name}: {key} must be {wanted}, not {found}")


def _yaml_problem(error: yaml.YAMLError) -> str:
    if isinstance(error, yaml.MarkedYAMLError) and error.problem:
        mark = error.problem_mark
        # +2: marks count from 0 and the block starts after the opening --- line
        where = f" (line {mark.line + 2})" if mark is not None else ""
        return " ".join(error.problem.split()) + where
    return "not valid YAML"


def _title_from_heading(body: str) -> tuple[str, str]:
    """The text of a level-one heading that opens ``body``, and the body without it."""
    tokens = markdown_parser().parse(body)
    if len(tokens) < 2 or tokens[0].type != "heading_open" or tokens[0].tag != "h1":
        return "", body
    title = " ".join(inline_text(tokens[1]).split())
    line_map = tokens[0].map
    if not title or line_map is None:
        return "", body
    rest = body.split("\n")[line_map[1] :]
    return title, "\n".join(rest).lstrip("\n")
