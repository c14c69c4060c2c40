"""Saved web pages and clipboard HTML: the article text and its metadata, via trafilatura.

Nothing is fetched: trafilatura only parses the string it is given (its download
functions are never called).  Scripts, styles, frames, embedded objects, forms'
controls and images are cut from the page before extraction, so none of their
content can reach the article; links survive only with an http(s) or mailto
target.  Web-page junk trafilatura keeps is cut too (:mod:`reader.importers.page_junk`).
"""

from __future__ import annotations

import copy
import logging
import re
from pathlib import PurePath

from lxml import etree
from lxml import html as lxml_html

from reader.anchoring.canonical import canonical_text
from reader.anchoring.selectors import shorten
from reader.core.models import ArticleMeta, ReaderError, SourceFormat
from reader.importers.extracted_markdown import Block, blocks_markdown, extracted_blocks
from reader.importers.page_cleaning import (
    remove_captions,
    remove_heading_dates,
    remove_link_lines,
    remove_link_popups,
    remove_read_more_links,
    remove_script_links,
    remove_share_bars,
    remove_sponsored_links,
)
from reader.importers.page_headline import headline_in_page, page_text
from reader.importers.page_junk import (
    MIN_HEADLINE_WORDS,
    TITLE_SEPARATOR,
    author_name,
    has_no_words,
    is_ad_label,
    is_author_line,
    is_credit,
    is_date,
    is_headline_block,
    is_stray_box,
    is_tools_label,
    plain_text,
    same_text,
    story_start,
    with_dateline_joined,
    without_edge_boilerplate,
)
from reader.importers.page_layout import (
    INLINE_TAGS,
    join_set_apart_first_paragraphs,
    unwrap_layout_tables,
    wrap_loose_text,
)
from reader.importers.source_names import display_name

_UNSAFE_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "canvas",
    "img",
    "picture",
    "video",
    "audio",
    "source",
    "track",
    "map",
    "input",
    "button",
    "select",
    "textarea",
    "keygen",
)
# Elements that never have content.  libxml2 does not know some of them (an
# unclosed <embed> swallows the rest of its parent), so they lose only the tag.
_VOID_TAGS = frozenset(["embed", "img", "input", "keygen", "source", "track"])
# a site named by its domain: "TheStar.com", "news.example.co.uk"
_DOMAIN = re.compile(r"(?:[\w-]+\.)+(?:com|net|org|info|[a-z]{2})", re.IGNORECASE)

# trafilatura drops whitespace-only text between inline elements ("<i>a</i> <b>b</b>"
# comes out as "ab"); a visible stand-in keeps the space through extraction.  Symbols
# that news text does not use; one the page does not contain is chosen.
_SPACE_STAND_INS = ("\U0001d159", "\U0001d15a", "\U0001d1e8")

# Characters XML 1.0 does not allow (tab and line breaks aside): lxml refuses to
# move text holding one, as removing a void element does.  A form feed is a space
# in HTML; the others are dropped.
_XML_INCOMPATIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# A saved news page has a few thousand elements with a handful of attributes each; the
# extractors' time grows with both (faster than linearly with an element's attributes).
MAX_ELEMENTS = 15_000
MAX_ATTRIBUTES = 75_000
MAX_ELEMENT_ATTRIBUTES = 1_000
# what looks like a start tag may be script text: the parsed elements are counted too
_MAX_START_TAGS = 4 * MAX_ELEMENTS

# A start tag and one attribute (libxml2 checks each attribute against those before it)
_START_TAG = re.compile(
    r"""<[a-zA-Z][^\s/>]*(?:[\s/]+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*"""
)
_ATTRIBUTE = re.compile(r"""[\s/]+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?""")

_WHOLE_PAGE = re.compile(r"<(?:!doctype|html|head|body)\b", re.IGNORECASE)

# Without a handler of their own, these libraries' warnings ("discarding data")
# would reach the user's terminal through logging's last-resort handler.
for _library in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_library).addHandler(logging.NullHandler())


def article_from_html(html: str, source_path: str = "") -> ArticleMeta:
    """The article in a saved web page or a piece of HTML copied to the clipboard."""
    import trafilatura  # imported here: it takes a while and only imports need it

    name = display_name(source_path, "the HTML")
    _refuse_crowded_tags(html, name)
    tree = _parse(html)
    if tree is None:
        raise ReaderError(f"no article text found in {name}")
    _refuse_oversized(tree, name)
    # extensive=False: htmldate would otherwise hand odd date-like text to dateparser, which
    # tries every locale it knows (seconds of CPU for a 2 KB page; tests/fuzz found it).
    metadata = trafilatura.extract_metadata(copy.deepcopy(tree), extensive=False)
    page_url = _web_url(metadata.url if metadata else None)
    page_title = tree.findtext(".//title") or ""
    headline = _first_headline(tree, page_title)
    remove_share_bars(tree)
    remove_captions(tree)  # before the pictures go
    remove_sponsored_links(tree)  # before the pictures go: a label may be one's alt text
    remove_script_links(tree)  # before the scripts' attributes go
    _remove_unsafe(tree)
    remove_link_popups(tree)
    remove_read_more_links(tree)
    remove_link_lines(tree)
    remove_heading_dates(tree)
    unwrap_layout_tables(tree)
    join_set_apart_first_paragraphs(tree)
    wrap_loose_text(tree)
    _split_at_double_breaks(tree)
    page = page_text(tree)
    stand_in = _protect_inline_spaces(tree, html)
    try:
        xml = trafilatura.extract(
            tree,
            url=page_url or None,
            output_format="xml",
            include_links=True,
            include_images=False,
            include_tables=True,
            include_formatting=True,
            include_comments=False,
            with_metadata=False,
        )
    except etree.LxmlError:  # trafilatura re-reads its own output as XML, which can fail
        raise ReaderError(f"no article text found in {name}: its HTML is too broken") from None
    if xml and stand_in:
        xml = xml.replace(stand_in, " ")
    blocks = without_edge_boilerplate(extracted_blocks(xml) if xml else [])
    blocks = [
        block
        for block in blocks
        if not (
            is_credit(block)
            or is_stray_box(block)
            or is_ad_label(block)
            or is_tools_label(block)
            or has_no_words(block)
        )
    ]
    title = _without_site_suffix(plain_text(metadata.title if metadata else ""), headline)
    if (start := story_start(blocks, title, page_title)) is not None:
        title = blocks[start].texts[0]
        blocks = without_edge_boilerplate(blocks[start + 1 :])  # a date under the headline
    elif (found := headline_in_page(page, blocks, title, page_title)) is not None:
        title, first = found
        blocks = without_edge_boilerplate(blocks[first:])
    if blocks and is_headline_block(blocks[0], title):
        blocks = without_edge_boilerplate(blocks[1:])
    author = author_name(metadata.author if metadata else "")
    if blocks and not blocks[0].heading and is_author_line(blocks[0], author):
        blocks = without_edge_boilerplate(blocks[1:])
    markdown = blocks_markdown(with_dateline_joined(blocks))
    if not canonical_text(markdown):
        raise ReaderError(f"no article text found in {name}")
    return ArticleMeta(
        title=title or _fallback_title(source_path, blocks),
        markdown=markdown,
        source_format=SourceFormat.HTML,
        author=author,
        publication=_publication(
            plain_text(metadata.sitename if metadata else ""), title, page_title
        ),
        url=page_url,
        published=plain_text(metadata.date if metadata else ""),
        source_path=source_path,
    )


def _parse(html: str) -> lxml_html.HtmlElement | None:
    if not html.strip():
        return None
    if not _WHOLE_PAGE.search(html):
        # a clipboard fragment: trafilatura finds its content only inside a container
        html = f"<html><body><article>{html}</article></body></html>"
    # bytes with a fixed encoding: lxml refuses str input that declares an encoding
    parser = lxml_html.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True
    )
    try:
        tree = lxml_html.document_fromstring(html.encode("utf-8", "replace"), parser)
    except (etree.ParserError, ValueError):
        return None
    if not isinstance(tree, lxml_html.HtmlElement):
        return None
    _remove_xml_incompatible(tree)
    return tree


def _remove_xml_incompatible(tree: lxml_html.HtmlElement) -> None:
    """Drop the characters lxml cannot store, whether the page has them raw or as ``&#12;``."""
    for element in tree.iter():
        for attribute in ("text", "tail"):
            value = getattr(element, attribute)
            if value and _XML_INCOMPATIBLE.search(value):
                setattr(element, attribute, _xml_compatible(value))


def _xml_compatible(value: str) -> str:
    return _XML_INCOMPATIBLE.sub(lambda match: " " if match[0] == "\f" else "", value)


def _refuse_crowded_tags(html: str, name: str) -> None:
    """Refuse a tag with too many attributes before libxml2 parses it (quadratically), and
    a page far over the element limit before its tree takes the memory."""
    shortest = 2 * MAX_ELEMENT_ATTRIBUTES  # an attribute takes two characters or more
    for count, tag in enumerate(_START_TAG.finditer(html)):
        if count > _MAX_START_TAGS:
            raise _too_many_elements(name)
        if tag.end() - tag.start() > shortest:
            attributes = sum(1 for _ in _ATTRIBUTE.finditer(html, tag.start(), tag.end()))
            if attributes > MAX_ELEMENT_ATTRIBUTES:
                raise _too_many_attributes(name)


def _too_many_elements(name: str) -> ReaderError:
    return ReaderError(
        f"{name} has more than {MAX_ELEMENTS:,} HTML elements, the most a page may have"
    )


def _too_many_attributes(name: str) -> ReaderError:
    return ReaderError(
        f"{name} has more HTML attributes than a page may have "
        f"({MAX_ELEMENT_ATTRIBUTES:,} on one element, {MAX_ATTRIBUTES:,} in all)"
    )


def _refuse_oversized(tree: lxml_html.HtmlElement, name: str) -> None:
    attributes = 0
    for elements, element in enumerate(tree.iter(), start=1):
        count = len(element.attrib)
        attributes += count
        if elements > MAX_ELEMENTS:
            raise _too_many_elements(name)
        if count > MAX_ELEMENT_ATTRIBUTES or attributes > MAX_ATTRIBUTES:
            raise _too_many_attributes(name)


def _remove_unsafe(tree: lxml_html.HtmlElement) -> None:
    for element in list(tree.iter(*_UNSAFE_TAGS)):
        if element.getparent() is None:
            continue
        if element.tag in _VOID_TAGS:
            # anything "inside" a void element is page text the parser put there
            element.drop_tag()
        else:
            element.drop_tree()


def _split_at_double_breaks(tree: lxml_html.HtmlElement) -> None:
    """Make two paragraphs of a paragraph's text on either side of ``<br><br>``: old pages
    set their paragraphs apart so, and trafilatura would keep a single line break."""
    for paragraph in list(tree.iter("p")):
        children = list(paragraph)
        cuts: list[int] = []
        for index, (first, second) in enumerate(zip(children, children[1:], strict=False)):
            if (
                first.tag == "br"
                and second.tag == "br"
                and not (first.tail or "").strip()
                and (not cuts or index > cuts[-1] + 1)
            ):
                cuts.append(index)
        # from the last cut back, so that each element moves once
        end, tail = len(children), paragraph.tail
        paragraph.tail = None
        for index in reversed(cuts):
            first, second = children[index], children[index + 1]
            rest = lxml_html.Element("p", dict(paragraph.attrib))
            rest.text = second.tail
            rest.extend(children[index + 2 : end])
            rest.tail, tail = tail, None
            paragraph.remove(first)
            paragraph.remove(second)
            paragraph.addnext(rest)
            end = index
        paragraph.tail = tail


def _protect_inline_spaces(tree: lxml_html.HtmlElement, html: str) -> str:
    """Put a stand-in for each space between two inline elements; return it (or ``""``)."""
    stand_in = next((char for char in _SPACE_STAND_INS if char not in html), "")
    if not stand_in:
        return ""
    for element in tree.iter(*INLINE_TAGS):
        following = element.getnext()
        if (
            element.tail is not None
            and element.tail.isspace()
            and following is not None
            and following.tag in INLINE_TAGS
        ):
            element.tail = stand_in
    return stand_in


def _first_headline(tree: lxml_html.HtmlElement, page_title: str) -> str:
    """The page's ``<h1>``; without one, the first part of the page's title ("Headline -
    Site - Motto") when an element of the page has it as its text (a styled ``<div>``)."""
    heading = tree.find(".//h1")
    if heading is not None:
        return plain_text(heading.text_content())
    first_part = TITLE_SEPARATOR.split(plain_text(page_title), maxsplit=1)[0]
    body = tree.find("body")
    shown = body.iter() if body is not None else ()
    return first_part if any(same_text(element.text, first_part) for element in shown) else ""


def _without_site_suffix(title: str, headline: str) -> str:
    """The page's headline when the title is that headline plus a site name or date.

    Pages often title themselves "Headline | Site | 19.01.2020"; the <h1> has the
    headline alone.
    """
    if len(headline.split()) < MIN_HEADLINE_WORDS or len(headline) >= len(title):
        return title
    if not title.casefold().startswith(headline.casefold()):
        return title
    rest = title[len(headline) :]
    return headline if TITLE_SEPARATOR.match(rest) else title


def _publication(sitename: str, title: str, page_title: str) -> str:
    """The site's name; from a page titled "Headline | Site" when trafilatura found none
    or took the headline for it (alone, or with the page's sections: "Headline Co. … |
    Section", a part of the title with a full stop)."""
    headline_in_it = bool(title) and title.casefold() in sitename.casefold()
    if any(c.isalpha() for c in sitename) and not headline_in_it:
        return _without_dates(sitename)  # (a "site name" of digits alone is the page's date)
    parts = [_site_part(part) for part in TITLE_SEPARATOR.split(plain_text(page_title))]
    if len(parts) != 2 or title.casefold() not in (parts[0].casefold(), parts[1].casefold()):
        return ""
    return parts[1] if parts[0].casefold() == title.casefold() else parts[0]


def _site_part(part: str) -> str:
    """A part of the page's title, without the colon a site leaves after its name."""
    return part.strip().rstrip(":").rstrip()


def _without_dates(sitename: str) -> str:
    """The site's name without the page's date or section that title parts brought with
    it: "Star-Telegram.com: | 01/08/2008" is "Star-Telegram.com", and so is the domain
    of "TheStar.com | News" ("News" being the page's section)."""
    parts = [_site_part(part) for part in TITLE_SEPARATOR.split(sitename) if not is_date(part)]
    domains = [part for part in parts if _DOMAIN.fullmatch(part)]
    return domains[0] if len(parts) > 1 and len(domains) == 1 else " | ".join(parts)


def _web_url(url: str | None) -> str:
    return url if url and url.lower().startswith(("http://", "https://")) else ""


def _fallback_title(source_path: str, blocks: list[Block]) -> str:
    if source_path:
        return PurePath(source_path).stem
    return shorten(blocks[0].texts[0], 80) if blocks else ""
