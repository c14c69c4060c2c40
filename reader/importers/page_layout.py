"""How a saved page lays out its text, made plain before extraction.

Old pages put a story's text straight into a ``<div>`` or a table cell, beside its
paragraphs, where a browser shows each run of it as a paragraph of its own; trafilatura
keeps such loose text only in some places and drops it in others (the Winnipeg Free
Press of 2008 lost a paragraph's words after an ``<em>``).  Each run is given a ``<p>``.

They also lay the page out in tables (the BBC's of 2008: the story in one cell, links
to other stories in the next), which trafilatura reads as data: a table row, its cells'
paragraphs run together.  A table with a cell of paragraphs, of another table or of
more words than a data cell holds is read as blocks, as is a table of one such cell (the
Telegraph of 2007 set its story in one); a short box stays a table of one cell, which
the import keeps as a paragraph of its own (a fact box) or leaves out (a caption).

Some templates set the story's first paragraph apart, in a ``<p>`` of the story's class
just before the ``<div>`` of the rest (the Cortez Journal of 2008), and trafilatura
takes the ``<div>`` alone: that paragraph is put back at the start of the ``<div>``.
"""

from __future__ import annotations

from lxml import html as lxml_html

# Phrasing elements: the whitespace between two of them is a word space.
INLINE_TAGS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "ins",
        "kbd",
        "label",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
    ]
)
# Elements whose loose text beside their paragraphs is a paragraph too.  (One without
# paragraphs, a box of links or a byline, is left as it is: trafilatura reads it better.)
_CONTAINERS = frozenset(
    [
        "article",
        "body",
        "center",
        "div",
        "font",
        "footer",
        "header",
        "main",
        "section",
        "span",
        "td",
        "th",
    ]
)


# a cell this long, or holding this many paragraphs, is no data but a part of the page
_MAX_DATA_CELL_WORDS = 50
_MAX_DATA_CELL_PARAGRAPHS = 1


def unwrap_layout_tables(tree: lxml_html.HtmlElement) -> None:
    """Make blocks (``<div>``) of the tables, rows and cells that lay a page out."""
    layout = [table for table in tree.iter("table") if _lays_out(table)]
    for table in layout:
        for element in [table, *_own_parts(table)]:
            element.tag = "div"  # its class and id stay: trafilatura reads them


def _own_parts(table: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """The table's row groups, rows and cells, not those of a table inside it."""
    return [
        part
        for part in table.iter("thead", "tbody", "tfoot", "tr", "td", "th")
        if next(part.iterancestors("table"), None) is table
    ]


def _lays_out(table: lxml_html.HtmlElement) -> bool:
    for cell in _own_parts(table):
        if cell.tag not in ("td", "th"):
            continue
        if (
            cell.find(".//table") is not None
            or len(cell.findall(".//p")) > _MAX_DATA_CELL_PARAGRAPHS
            or len(cell.text_content().split()) > _MAX_DATA_CELL_WORDS
        ):
            return True
    return False


def wrap_loose_text(tree: lxml_html.HtmlElement) -> None:
    """Give each run of text and phrasing elements that sits beside blocks a ``<p>``."""
    blocks = _blocks(tree)
    for container in list(tree.iter(*_CONTAINERS)):
        if container.find("p") is not None:
            _wrap_runs(container, blocks)


def _blocks(tree: lxml_html.HtmlElement) -> set[lxml_html.HtmlElement]:
    """The elements laid out as blocks: all but phrasing ones, and a phrasing container
    (a <font>, a <span>) that holds a block, as browsers lay it out."""
    blocks: set[lxml_html.HtmlElement] = set()
    for element in reversed(list(tree.iter())):  # each element after its descendants
        tag = element.tag
        if not isinstance(tag, str) or tag == "br":
            continue
        if tag not in INLINE_TAGS or (
            tag in _CONTAINERS and any(child in blocks for child in element)
        ):
            blocks.add(element)
    return blocks


def _wrap_runs(container: lxml_html.HtmlElement, blocks: set[lxml_html.HtmlElement]) -> None:
    run: list[lxml_html.HtmlElement] = []
    text, container.text = container.text, None
    for child in list(container):
        if child in blocks:
            _wrap(text, run, before=child, container=container)
            run, text = [], child.tail
            child.tail = None
        else:
            run.append(child)
    _wrap(text, run, before=None, container=container)


def _wrap(
    text: str | None,
    run: list[lxml_html.HtmlElement],
    before: lxml_html.HtmlElement | None,
    container: lxml_html.HtmlElement,
) -> None:
    """Move ``text`` and ``run`` (children of ``container``, in order) into a new ``<p>``
    before ``before`` (or at the end), unless they show no words: then only the
    whitespace of ``text`` is dropped."""
    if not (text or "").strip() and not any(
        (element.text_content() + (element.tail or "")).strip() for element in run
    ):
        return
    paragraph = lxml_html.Element("p")
    paragraph.text = text
    if before is not None:
        before.addprevious(paragraph)
    else:
        container.append(paragraph)
    paragraph.extend(run)


def join_set_apart_first_paragraphs(tree: lxml_html.HtmlElement) -> None:
    """Put a ``<p>`` back into the block of its own class that follows it, with only
    empty elements between them."""
    for paragraph in list(tree.iter("p")):
        names = paragraph.get("class")
        if not names or not paragraph.text_content().strip():
            continue
        between = paragraph
        following = paragraph.getnext()
        while following is not None and _is_empty(following) and _blank(between.tail):
            between, following = following, following.getnext()
        if (
            following is not None
            and following.tag == "div"
            and following.get("class") == names
            and _blank(between.tail)
        ):
            paragraph.tail = None  # (blank)
            following.insert(0, paragraph)


def _is_empty(element: lxml_html.HtmlElement) -> bool:
    """An element of no text and no children (a box a script would have filled)."""
    return isinstance(element.tag, str) and len(element) == 0 and _blank(element.text)


def _blank(text: str | None) -> bool:
    return not (text or "").strip()
