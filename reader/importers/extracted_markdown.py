"""Markdown from the XML that trafilatura extracts from a web page.

trafilatura's XML keeps the structure we want (``head``, ``p``, ``list``/``item``,
``quote``, ``table``/``row``/``cell``, ``code``, ``ref`` links, ``hi`` emphasis,
``lb`` line breaks).  Writing the Markdown ourselves lets every piece of text be
escaped so that the canonical text of the result is exactly the page's text,
keeps only http(s) and mailto links, and leaves images out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from lxml import etree

from reader.anchoring.canonical import canonical_text
from reader.core.markdown_escape import escape_block_start, escape_inline

_BLOCK_TAGS = frozenset({"head", "p", "list", "quote", "table", "div", "ab", "main", "body"})
_CONTAINER_TAGS = frozenset({"div", "ab", "main", "body"})
_EMPHASIS = {"#b": "**", "#i": "*"}
_LINK_SCHEMES = frozenset({"http", "https", "mailto"})
_URL_SAFE = "!#$%&'()*+,-./:;=?@[]_~"
_SPACES = re.compile(r"\s+")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
_URL_IGNORED = re.compile(r"[\t\n\r]")


@dataclass
class Block:
    """One Markdown block and the text of each of its leaf blocks, as canonical text reads it.

    ``boxed``: a table with text in one cell only, a box of the page's layout, written as a
    paragraph.
    """

    markdown: str
    texts: list[str]
    heading: bool = False
    boxed: bool = False


@dataclass(frozen=True)
class _Style:
    """How inline content is written where it appears."""

    emphasis: bool = True
    links: bool = True
    breaks: bool = True
    code_spans: bool = True
    also_escape: str = ""


@dataclass
class _InlineWriter:
    """Collects (markdown, text) pieces line by line; the two agree on every space."""

    lines: list[tuple[list[str], list[str]]] = field(default_factory=lambda: [([], [])])
    emphasised: bool = False

    def add(self, markdown: str, text: str) -> None:
        markdowns, texts = self.lines[-1]
        if text.startswith(" ") and (not texts or texts[-1].endswith(" ")):
            cut = len(text) - len(text.lstrip(" "))
            markdown, text = markdown[cut:], text[cut:]
        if text:
            markdowns.append(markdown)
            texts.append(text)

    def add_text(self, raw: str, style: _Style) -> None:
        text = _clean(raw)
        self.add(escape_inline(text, style.also_escape), text)

    def new_line(self) -> None:
        self.lines.append(([], []))

    def finished_lines(self) -> list[tuple[str, str]]:
        finished = []
        for markdowns, texts in self.lines:
            markdown, text = "".join(markdowns).strip(" "), "".join(texts).strip(" ")
            if text:
                finished.append((markdown, text))
        return finished

    def one_line(self) -> tuple[str, str]:
        lines = self.finished_lines()
        return " ".join(m for m, _ in lines), " ".join(t for _, t in lines)


def extracted_blocks(xml: str) -> list[Block]:
    """The Markdown blocks of trafilatura's XML output (its main text, without comments)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(xml.encode("utf-8"), parser)
    main = root.find("main")
    return _container_blocks(main if main is not None else root)


def blocks_markdown(blocks: list[Block]) -> str:
    return "\n\n".join(block.markdown for block in blocks) + "\n" if blocks else ""


def _clean(raw: str) -> str:
    return _SPACES.sub(" ", _CONTROLS.sub("", raw))


def _container_blocks(container: etree._Element) -> list[Block]:
    """Blocks of an element that mixes inline content with block children."""
    blocks: list[Block] = []
    pending: list[etree._Element | str] = []

    def flush() -> None:
        block = _paragraph(pending)
        if block is not None:
            blocks.append(block)
        pending.clear()

    if container.text:
        pending.append(container.text)
    for child in container:
        if child.tag in _BLOCK_TAGS or (child.tag == "code" and _is_code_block(child)):
            flush()
            blocks.extend(_block(child))
        else:
            pending.append(child)
        if child.tail:
            pending.append(child.tail)
    flush()
    return blocks


def _block(element: etree._Element) -> list[Block]:
    tag = element.tag
    if tag in _CONTAINER_TAGS:
        return _container_blocks(element)
    if tag == "head":
        heading = _heading(element)
        return [heading] if heading else []
    if tag == "p":
        return _container_blocks(element)
    if tag == "list":
        return _list(element)
    if tag == "quote":
        return _quote(element)
    if tag == "table":
        table = _table(element)
        return [table] if table else []
    code = _code_block(element)
    return [code] if code else []


def _paragraph(content: list[etree._Element | str]) -> Block | None:
    block, emphasised = _write_paragraph(content, _Style())
    if block is not None and emphasised and canonical_text(block.markdown) != block.texts[0]:
        # emphasis next to other markup can fail to parse and leave its asterisks in the text
        block, _ = _write_paragraph(content, _Style(emphasis=False))
    return block


def _write_paragraph(
    content: list[etree._Element | str], style: _Style
) -> tuple[Block | None, bool]:
    writer = _InlineWriter()
    for item in content:
        if isinstance(item, str):
            writer.add_text(item, style)
        else:
            _write_inline(item, writer, style)
    lines = writer.finished_lines()
    if not lines:
        return None, False
    markdown = "\\\n".join(escape_block_start(line) for line, _ in lines)
    return Block(markdown, ["\n".join(text for _, text in lines)]), writer.emphasised


def _heading(element: etree._Element) -> Block | None:
    rend = element.get("rend") or ""
    level = int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2
    writer = _InlineWriter()
    _write_children(element, writer, _Style(emphasis=False, breaks=False, also_escape="#"))
    markdown, text = writer.one_line()
    if not text:
        return None
    return Block(f"{'#' * level} {markdown}", [text], heading=True)


def _list(element: etree._Element) -> list[Block]:
    ordered = element.get("rend") == "ol"
    items: list[tuple[str, list[Block]]] = []
    for item in element:
        if item.tag != "item":
            continue
        blocks = _container_blocks(item)
        if blocks:
            marker = f"{len(items) + 1}. " if ordered else "- "
            items.append((marker, blocks))
    if not items:
        return []
    loose = any(len(blocks) > 1 for _, blocks in items)
    rendered = [
        _prefixed(blocks_markdown(blocks).rstrip("\n"), marker, " " * len(marker))
        for marker, blocks in items
    ]
    texts = [text for _, blocks in items for block in blocks for text in block.texts]
    return [Block(("\n\n" if loose else "\n").join(rendered), texts)]


def _quote(element: etree._Element) -> list[Block]:
    blocks = _container_blocks(element)
    if not blocks:
        return []
    markdown = _prefixed(blocks_markdown(blocks).rstrip("\n"), "> ", "> ")
    return [Block(markdown, [text for block in blocks for text in block.texts])]


def _prefixed(markdown: str, first: str, rest: str) -> str:
    lines = markdown.split("\n")
    out = [first + lines[0]]
    out.extend(rest + line if line else rest.rstrip(" ") for line in lines[1:])
    return "\n".join(out)


def _table(element: etree._Element) -> Block | None:
    style = _Style(emphasis=False, breaks=False, code_spans=False)
    rows: list[list[tuple[str, str]]] = []
    filled_cells: list[etree._Element] = []
    for row in element.iter("row"):
        cells = []
        for cell in row:
            if cell.tag == "cell":
                writer = _InlineWriter()
                _write_children(cell, writer, style)
                cells.append(writer.one_line())
                if cells[-1][1]:
                    filled_cells.append(cell)
        if any(text for _, text in cells):
            rows.append(cells)
    if not rows:
        return None
    if len(filled_cells) == 1:
        return _box(filled_cells[0])
    width = max(len(cells) for cells in rows)
    lines = []
    for index, cells in enumerate(rows):
        padded = cells + [("", "")] * (width - len(cells))
        lines.append("| " + " | ".join(markdown for markdown, _ in padded) + " |")
        if index == 0:
            lines.append("|" + " --- |" * width)
    texts = [text for cells in rows for _, text in cells if text]
    return Block("\n".join(lines), texts)


def _box(cell: etree._Element) -> Block:
    """A table's one filled cell (a box of the page) as a paragraph: its paragraphs (a fact
    box's title and points) one to a line, or its content on one line if it holds more
    than paragraphs."""
    only_paragraphs = all(
        inner.tag not in _BLOCK_TAGS - {"p"} and inner.tag != "code" for inner in cell.iter()
    )
    if only_paragraphs and (blocks := _container_blocks(cell)):
        markdown = "\\\n".join(block.markdown for block in blocks)
        return Block(markdown, ["\n".join(block.texts[0] for block in blocks)], boxed=True)
    writer = _InlineWriter()
    _write_children(cell, writer, _Style(emphasis=False, breaks=False, code_spans=False))
    markdown, text = writer.one_line()
    return Block(escape_block_start(markdown), [text], boxed=True)


def _is_code_block(element: etree._Element) -> bool:
    return "\n" in "".join(element.itertext()) or element.find("lb") is not None


def _code_block(element: etree._Element) -> Block | None:
    parts = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else "".join(child.itertext()))
        parts.append(child.tail or "")
    code = _CONTROLS.sub("", "".join(parts).replace("\r\n", "\n")).strip("\n")
    if not code.strip():
        return None
    longest = max((len(run) for run in re.findall(r"`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    return Block(f"{fence}\n{code}\n{fence}", [code.rstrip("\n")])


def _write_children(element: etree._Element, writer: _InlineWriter, style: _Style) -> None:
    if element.text:
        writer.add_text(element.text, style)
    for child in element:
        _write_inline(child, writer, style)
        if child.tail:
            writer.add_text(child.tail, style)


def _write_inline(element: etree._Element, writer: _InlineWriter, style: _Style) -> None:
    tag = element.tag
    if tag == "graphic":
        return
    if tag == "lb":
        if style.breaks:
            writer.new_line()
        else:
            writer.add(" ", " ")
    elif tag == "ref":
        _write_link(element, writer, style)
    elif tag == "code" or (tag == "hi" and element.get("rend") == "#t"):
        _write_code_span(element, writer, style)
    elif tag == "hi" and element.get("rend") in _EMPHASIS and style.emphasis:
        _write_emphasis(element, writer, style)
    elif tag in _BLOCK_TAGS or tag in ("item", "row", "cell"):
        # block content where only inline fits (a table cell, a link): keep words apart
        writer.add(" ", " ")
        _write_children(element, writer, style)
        writer.add(" ", " ")
    else:
        _write_children(element, writer, style)


def _inner(element: etree._Element, style: _Style) -> tuple[str, str, str, str]:
    """Markdown and text of an element on one line, with the spaces around them split off."""
    writer = _InlineWriter()
    _write_children(element, writer, style)
    markdown, text = writer.one_line()
    raw = "".join(element.itertext())
    lead = " " if raw[:1].isspace() else ""
    trail = " " if raw[-1:].isspace() else ""
    return lead, markdown, text, trail


def _write_link(element: etree._Element, writer: _InlineWriter, style: _Style) -> None:
    url = _safe_url(element.get("target") or "") if style.links else ""
    inner_style = _Style(
        emphasis=style.emphasis, links=False, breaks=False, also_escape=style.also_escape
    )
    lead, markdown, text, trail = _inner(element, inner_style)
    if not text:
        return
    if url:
        markdown = f"[{markdown}](<{url}>)"
    writer.add(lead + markdown + trail, lead + text + trail)


def _write_emphasis(element: etree._Element, writer: _InlineWriter, style: _Style) -> None:
    marker = _EMPHASIS[element.get("rend") or ""]
    inner_style = _Style(
        emphasis=False, links=style.links, breaks=False, also_escape=style.also_escape
    )
    lead, markdown, text, trail = _inner(element, inner_style)
    if not text:
        return
    # a delimiter run opens and closes reliably only against a letter or digit
    if markdown[0].isalnum() and markdown[-1].isalnum():
        markdown = marker + markdown + marker
        writer.emphasised = True
    writer.add(lead + markdown + trail, lead + text + trail)


def _write_code_span(element: etree._Element, writer: _InlineWriter, style: _Style) -> None:
    raw = _clean("".join(element.itertext()))
    code = raw.strip(" ")
    if not code:
        writer.add_text(raw, style)
        return
    lead = " " if raw.startswith(" ") else ""
    trail = " " if raw.endswith(" ") else ""
    if not style.code_spans:
        writer.add(lead + escape_inline(code, style.also_escape) + trail, lead + code + trail)
        return
    ticks = "`" * (max((len(run) for run in re.findall(r"`+", code)), default=0) + 1)
    pad = " " if code.startswith("`") or code.endswith("`") else ""
    writer.add(f"{lead}{ticks}{pad}{code}{pad}{ticks}{trail}", lead + code + trail)


def _safe_url(target: str) -> str:
    """``target`` ready for a Markdown link if it is an http(s) or mailto URL, else ``""``."""
    # as browsers do: surrounding spaces and controls, and tabs and newlines anywhere, are dropped
    url = _URL_IGNORED.sub("", target.strip("".join(map(chr, range(33)))))
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return ""
    if scheme not in _LINK_SCHEMES:
        return ""
    return quote(url, safe=_URL_SAFE)
