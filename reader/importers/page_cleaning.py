"""Web-page junk that trafilatura would keep, cut from the page before its extraction.

Measured on real saved pages by ``benchmarks/junk_filter_eval.py``: a list of links
nested in a paragraph (a name's related-stories pop-up), a picture's caption, a bar of
links that share the page (with its "Post this story to:"), links that only run the
page's scripts, a box of sponsored links, a line of topic or section links, a paragraph
that is a "Read more:" link, a date set inside a heading.  The extracted blocks are
cleaned by :mod:`reader.importers.page_junk`.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from reader.importers.page_junk import AD_LABEL, WORD, plain_text, words_of
from reader.importers.page_layout import INLINE_TAGS

# A list of at least this many links nested inside a paragraph is a pop-up (a
# name's "related stories" card): HTML has no lists inside paragraphs, so a browser
# shows it as a box of its own, not as words of the sentence.
_MIN_POPUP_LINKS = 2
_LINK_SHARE = 0.8  # of a list item's text, for the item to count as a link

# A paragraph that is only a link to another story behind a label: "Read more: <link>".
_READ_MORE = re.compile(
    r"(?:read more|read also|also read|see also|more on this|related)\s*[:|\-\u2013\u2014]?\s*",
    re.IGNORECASE,
)

# A picture's caption: an element its class or id names so ("storyPhotoCaptionBox",
# "cutline"), no longer than this, with a picture at most this many levels up.
_CAPTION_NAME = re.compile(r"caption|cutline", re.IGNORECASE)
_MAX_CAPTION_WORDS = 60
_MAX_CAPTION_LEVELS = 3
_PICTURE_TAGS = ("img", "picture", "video", "figure", "object", "embed")

# A date a page sets inside a heading ("...recovery?Monday, 6 January 2020"): an element
# whose class names a date ("post-date", "hl__date"; not "update").
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_DATE_CLASS = re.compile(r"(?:^|[_-])date$")

# A link that shares the page on a social site, by e-mail or to the printer; a bar of them
# holds nothing else but a short label ("Post this story to:") and separators.
_SHARE_LINK = re.compile(
    r"(?:https?://(?:[\w-]+\.)*(?:del\.icio\.us/post|delicious\.com/(?:save|post)"
    r"|digg\.com/submit|reddit\.com/submit|facebook\.com/share|twitter\.com/(?:share|intent)"
    r"|x\.com/intent|linkedin\.com/share|pinterest\.com/pin/create|stumbleupon\.com/submit"
    r"|newsvine\.com/_tools/seed|plus\.google\.com/share|api\.whatsapp\.com/send)"
    r"|mailto:\?|javascript:\s*(?:window\.)?print\b)",
    re.IGNORECASE,
)
_MAX_SHARE_LABEL_WORDS = 6
_MAX_TOOL_WORDS = 5  # of a link to "javascript:" without an onclick, to be a tool
_BEFORE_TOOL = ".!?…])|»\"'”’"  # what may end the text before such a link

# A line of links to topics or sections: this many links at least, each this short, with
# at most a short label before them ("All About", "Tags:").
_MIN_LINE_LINKS = 2
_MAX_LINE_LINK_WORDS = 5
_MAX_LINE_LABEL_WORDS = 3
_MAX_SHARE_LINK_WORDS = 3
_MAX_AD_LEVELS = 6  # how far up from the label the box may be
_MAX_AD_WORDS_PER_LINK = 20
_MAX_AD_WORDS = 150


def remove_link_popups(tree: lxml_html.HtmlElement) -> None:
    """Cut the pop-ups a page nests in its paragraphs: a list of links, with what
    goes with it (a title, a "MORE" link), but not the words or the link it pops up from."""
    popups = [
        _popup_around(links, paragraph)
        for paragraph in tree.iter("p")
        for links in paragraph.iter("ul", "ol")
        if _is_link_list(links)
    ]
    for popup in popups:
        if popup.getparent() is not None:
            popup.drop_tree()


def _is_link_list(element: lxml_html.HtmlElement) -> bool:
    items = element.findall("li")
    return len(items) >= _MIN_POPUP_LINKS and all(
        len(plain_text(" ".join(link.text_content() for link in item.iter("a"))))
        >= _LINK_SHARE * len(plain_text(item.text_content()))
        > 0
        for item in items
    )


def _popup_around(
    element: lxml_html.HtmlElement, paragraph: lxml_html.HtmlElement
) -> lxml_html.HtmlElement:
    """The largest element holding ``element`` inside ``paragraph`` in which nothing
    comes before it but elements without links: no sentence text, no name's link."""
    while (parent := element.getparent()) is not None and parent is not paragraph:
        if parent.tag == "a" or (parent.text or "").strip():
            break
        before = list(element.itersiblings(preceding=True))
        if any(
            (sibling.tail or "").strip() or sibling.tag == "a" or sibling.find(".//a") is not None
            for sibling in before
        ):
            break
        element = parent
    return element


def remove_captions(tree: lxml_html.HtmlElement) -> None:
    """Cut the captions of the page's pictures: a ``<figcaption>``, or an element that its
    class or id calls a caption, beside a picture. Run before the pictures go."""
    captions = [
        element
        for element in tree.iter()
        if isinstance(element.tag, str)
        and (element.tag == "figcaption" or _CAPTION_NAME.search(_names(element)))
        and len(words_of(element.text_content())) <= _MAX_CAPTION_WORDS
        and _beside_picture(element)
    ]
    for caption in captions:
        if caption.getparent() is not None:
            caption.drop_tree()


def _names(element: lxml_html.HtmlElement) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def _beside_picture(element: lxml_html.HtmlElement) -> bool:
    box = element
    for _ in range(_MAX_CAPTION_LEVELS):
        box = box.getparent()
        if box is None or box.tag in ("body", "html"):
            return False
        if next(box.iter(*_PICTURE_TAGS), None) is not None:
            return True
    return False


def remove_share_bars(tree: lxml_html.HtmlElement) -> None:
    """Cut the bars of links that share the page, each with its label: the largest
    element around a share link that holds nothing but short links and a short label."""
    bars = []
    # each element is judged once: links in one container share their ancestors
    verdicts: dict[lxml_html.HtmlElement, bool] = {}
    for link in tree.iter("a"):
        if not _SHARE_LINK.match((link.get("href") or "").strip()):
            continue
        bar = link
        while (parent := bar.getparent()) is not None and parent.tag not in ("body", "html"):
            if parent not in verdicts:
                verdicts[parent] = _is_share_bar(parent)
            if not verdicts[parent]:
                break
            bar = parent
        bars.append(bar)
    for bar in bars:
        if bar.getparent() is not None:
            bar.drop_tree()


def remove_script_links(tree: lxml_html.HtmlElement) -> None:
    """Cut the links that only run the page's scripts: the page's tools, "E-mail to a
    friend", a video tab's "Watch … »", text-size controls, a "Continued..." to the next
    page; never the story's words. Run before the unsafe attributes go.

    A link to "#" or "javascript:" with an onclick is a tool wherever it is; one to
    "javascript:" alone only where it is a few words outside any sentence: nothing but
    punctuation after it in its block, and before it nothing or a sentence's end or a
    bracket (a glossary pop-up in a sentence is the sentence's, a box's note its own)."""
    # from the last link back, so that a bar's links go one by one: "[-] Text [+]"
    for link in reversed(list(tree.iter("a"))):
        href = (link.get("href") or "#").strip().lower()
        if link.get("onclick") is not None and href.startswith(("#", "javascript:")):
            link.drop_tree()  # its tail, the text after it, stays
        elif (
            href.startswith("javascript:")
            and len(words_of(link.text_content())) <= _MAX_TOOL_WORDS
            and _outside_sentences(link)
        ):
            link.drop_tree()


def _outside_sentences(link: lxml_html.HtmlElement) -> bool:
    block = next((parent for parent in link.iterancestors() if parent.tag not in INLINE_TAGS), None)
    if block is None:
        return False
    before, after = _texts_around(block, link)
    before = before.rstrip()
    return not WORD.search(after) and (not before or before[-1] in _BEFORE_TOOL)


def _texts_around(block: lxml_html.HtmlElement, element: lxml_html.HtmlElement) -> tuple[str, str]:
    """The text of ``block`` before ``element`` (one of its descendants) and after it."""
    before: list[str] = []
    after: list[str] = []
    text = before
    for event, node in etree.iterwalk(block, events=("start", "end")):
        if node is element:
            if event == "start":
                text = []  # the element's own text is neither
            else:
                text = after
                text.append(node.tail or "")
            continue
        if event == "start":
            text.append(node.text or "")
        elif node is not block:
            text.append(node.tail or "")
    return "".join(before), "".join(after)


def remove_sponsored_links(tree: lxml_html.HtmlElement) -> None:
    """Cut the boxes of advertisers' links that a label calls sponsored or advertising
    (ITworld's "Sponsored Links" of 2008, a picture of those words above them)."""
    labels = [
        element
        for element in tree.iter()
        if AD_LABEL.fullmatch(
            plain_text(element.get("alt") if element.tag == "img" else element.text)
        )
    ]
    # each element's links and words are counted once: labels may share their boxes
    counts: dict[lxml_html.HtmlElement, tuple[int, int, int]] = {}
    boxes = [box for label in labels if (box := _ad_box(label, counts)) is not None]
    for box in boxes:
        if box.getparent() is not None:
            box.drop_tree()


def _ad_box(
    label: lxml_html.HtmlElement, counts: dict[lxml_html.HtmlElement, tuple[int, int, int]]
) -> lxml_html.HtmlElement | None:
    # a link around the label (a picture that links to the advertising desk) is no advert
    around = [*label.iterancestors("a"), *([label] if label.tag == "a" else [])]
    box = label
    for _ in range(_MAX_AD_LEVELS):
        box = box.getparent()
        if box is None or box.tag in ("body", "html"):
            return None
        if box not in counts:
            all_links = list(box.iter("a"))
            all_link_words = sum(len(words_of(link.text_content())) for link in all_links)
            counts[box] = (len(all_links), all_link_words, len(words_of(box.text_content())))
        links, link_words, words = counts[box]
        inside = [link for link in around if box in link.iterancestors()]
        links -= len(inside)
        link_words -= sum(len(words_of(link.text_content())) for link in inside)
        if links < 2:
            continue
        fits = words - link_words <= _MAX_AD_WORDS_PER_LINK * links
        return box if fits and words <= _MAX_AD_WORDS else None
    return None


def _is_share_bar(element: lxml_html.HtmlElement) -> bool:
    if next(element.iter(*_HEADINGS), None) is not None:
        return False  # a headline or subheading beside the bar is no label of it
    links = list(element.iter("a"))
    if any(len(words_of(link.text_content())) > _MAX_SHARE_LINK_WORDS for link in links):
        return False
    link_words = sum(len(words_of(link.text_content())) for link in links)
    return len(words_of(element.text_content())) - link_words <= _MAX_SHARE_LABEL_WORDS


def remove_link_lines(tree: lxml_html.HtmlElement) -> None:
    """Cut the paragraphs that are a line of links to topics or sections, with at most a
    short label before them ("All About Ferries • Harbour Board • Fuel Prices")."""
    lines = [
        element
        for element in tree.iter("p", "div")
        if not any(child.tag not in INLINE_TAGS and child.tag != "br" for child in element)
        and _is_link_line(element)
    ]
    for line in lines:
        if line.getparent() is not None:
            line.drop_tree()


def _is_link_line(element: lxml_html.HtmlElement) -> bool:
    links = list(element.iter("a"))
    if len(links) < _MIN_LINE_LINKS or any(
        len(words_of(link.text_content())) > _MAX_LINE_LINK_WORDS for link in links
    ):
        return False
    # the words outside the links: a label before the first one, then separators alone
    label = words_of(_texts_around(element, links[0])[0])
    outside = len(words_of(element.text_content())) - sum(
        len(words_of(link.text_content())) for link in links
    )
    return len(label) <= _MAX_LINE_LABEL_WORDS and outside == len(label)


def remove_read_more_links(tree: lxml_html.HtmlElement) -> None:
    """Cut the paragraphs that are a label and a link to another story, nothing else."""
    for paragraph in list(tree.iter("p")):
        text = plain_text(paragraph.text_content())
        label = _READ_MORE.match(text)
        rest = text[label.end() :] if label else ""
        links = plain_text(" ".join(link.text_content() for link in paragraph.iter("a")))
        if rest and len(links) >= _LINK_SHARE * len(rest) and paragraph.getparent() is not None:
            paragraph.drop_tree()


def remove_heading_dates(tree: lxml_html.HtmlElement) -> None:
    dates = [
        element
        for heading in tree.iter(*_HEADINGS)
        for element in heading.iterdescendants()
        if any(_DATE_CLASS.search(name) for name in (element.get("class") or "").split())
    ]
    for element in dates:
        if element.getparent() is not None:
            element.drop_tree()
