"""Web-page junk that trafilatura keeps, cut before or after its extraction.

Measured on real saved pages by ``benchmarks/junk_filter_eval.py``: a list of links
nested in a paragraph (a name's related-stories pop-up), a paragraph that is a
"Read more:" link, a picture's credit line, a date set inside a heading, a section link
above the headline, a bar of links that share the page (with its "Post this story to:"),
a box left with one short cell (a picture's caption, a box's title) or calling for
readers' views, a box of sponsored links, links that only run the page's scripts, an
advert's label and, at the article's start or end, short calls to write letters, follow,
subscribe, comment or read MORE, teasers of other stories, links to the previous and next
story, a date or a byline alone, a copyright line, a note on external sites or on whose views
these are.  A wire story's dateline set apart opens its first paragraph.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from reader.importers.extracted_markdown import Block
from reader.importers.page_layout import INLINE_TAGS

# A list of at least this many links nested inside a paragraph is a pop-up (a
# name's "related stories" card): HTML has no lists inside paragraphs, so a browser
# shows it as a box of its own, not as words of the sentence.
_MIN_POPUP_LINKS = 2
_LINK_SHARE = 0.8  # of a list item's text, for the item to count as a link

# Blocks that open or end a news page without being part of its story: calls to write,
# follow, subscribe, or a lone "MORE".  Dropped only from the start or the end of the
# article, as are teasers of other stories, cut off with "[…]".
_CALLS = (
    r"follow us\b|(?:sign up|subscribe) (?:for|to) our\b"
    r"|(?:submit|send|write)(?: us)? (?:your|a) letters?\b|discuss this (?:story|article)\b"
    r"|to contact the (?:reporters?|writers?|editors?|authors?)\b"
)
_BOILERPLATE = re.compile(
    rf"(?:letters? to the editor|have your say|{_CALLS}|(?:read |see )?more\W*$|read the rest\W*$)",
    re.IGNORECASE,
)
# a copyright line ends a page, never a story: "(© 2008 The Associated Press. All ...)"
_COPYRIGHT = r"\(?(?:©|copyright\s*(?:©|\(c\))?\s*\d{4})"
_COPYRIGHT_LINE = re.compile(_COPYRIGHT, re.IGNORECASE)
_MAX_COPYRIGHT_LINE_WORDS = 12
# the count of readers' comments, with at most a call to add one: "5 comments posted —
# Post a new comment"; or the call alone
_COMMENT_CALL = r"(?:post|add|leave|write)(?: a| your)?(?: new)? comments?\W*$"
_COMMENTS = (
    rf"\d+\s+(?:comments?|replies|responses)(?:\s+(?:posted|so far))?\W*(?:$|{_COMMENT_CALL})"
    rf"|{_COMMENT_CALL}"
)
# links to the page's neighbours alone: "Previous Article | Next Article", "« Older posts"
_NEIGHBOURS = r"(?:\W*(?:previous|next|older|newer)(?: (?:article|story|post|page|entry)s?)?\W*)+$"
# the site's note under its links: "(Note: … is not responsible for the content of
# external sites …)"
_EXTERNAL_NOTE = (
    r"\W*(?:note\W*)?[^.]{0,80}?\bnot responsible for the content of external"
    r" (?:internet |web)?(?:sites|websites|links|pages)"
)
# bullets and dashes before a closing line, taken once: trying each split of a long run
# of them against the alternatives below took minutes (tests/fuzz found it)
_BULLETS = r"[\s\u2022\u00b7*|\u2013\u2014-]*+"
# the site's note that a release's or a column's views are not its own
_VIEWS_NOTE = r"the (?:views|opinions) expressed (?:in|on) this (?:release|article|story|column)"
_TRAILING_BOILERPLATE = re.compile(
    rf"{_BULLETS}(?:{_BOILERPLATE.pattern}|{_COPYRIGHT}|{_COMMENTS}|{_NEIGHBOURS}|{_EXTERNAL_NOTE}"
    rf"|{_VIEWS_NOTE})",
    re.IGNORECASE,
)
# before the story only calls to act: a lede may well begin "Letters to the editor..."
_LEADING_BOILERPLATE = re.compile(rf"(?:{_CALLS})", re.IGNORECASE)
_MAX_BOILERPLATE_WORDS = 30
_TEASER_END = re.compile(r"\[(?:…|\.\.\.)\]$")
_MAX_TEASER_WORDS = 80

# A paragraph that is only a link to another story behind a label: "Read more: <link>".
_READ_MORE = re.compile(
    r"(?:read more|read also|also read|see also|more on this|related)\s*[:|\-\u2013\u2014]?\s*",
    re.IGNORECASE,
)

# A picture's credit line on its own: "(Credit: Ana Ruiz / Courier)", "Photo credit: ..."
# ("Photographs by local children line the walls" is a sentence: no "by" form)
_CREDIT = re.compile(
    r"\((?:photo |image |picture )?credits?:[^()]+\)"
    r"|(?:photo(?:graph)?|image|picture)s? credits?:\s[^.]+",
    re.IGNORECASE,
)
_MAX_CREDIT_WORDS = 12

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
_WORD = re.compile(r"\w")
_MAX_TOOL_WORDS = 5  # of a link to "javascript:" without an onclick, to be a tool
_BEFORE_TOOL = ".!?…])|»\"'”’"  # what may end the text before such a link

# A line of links to topics or sections: this many links at least, each this short, with
# at most a short label before them ("All About", "Tags:").
_MIN_LINE_LINKS = 2
_MAX_LINE_LINK_WORDS = 5
_MAX_LINE_LABEL_WORDS = 3
_MAX_SHARE_LINK_WORDS = 3

# A box of advertisers' links under a label (its text, or its picture's alt text):
# "Sponsored Links", "Advertisement", "Ads by Google".  The box is the nearest element
# around the label with two links or more, if it is links with short lines of text only.
_AD_LABEL = re.compile(
    r"(?:sponsored(?: links?| content| stories| results)?|advertisements?|ads by \w+"
    r"|promoted(?: links| stories| content)?|paid (?:links|content))\W*",
    re.IGNORECASE,
)
_MAX_AD_LEVELS = 6  # how far up from the label the box may be
_MAX_AD_WORDS_PER_LINK = 20
_MAX_AD_WORDS = 150

# A date and time alone, with at most a label: "Jan 18, 2008 10:15 am US/Eastern",
# "Last Updated: 2:56am GMT 29/12/2007".  Every word must be one of these.
_DATE_WORD = re.compile(
    r"(?:(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)\.?"
    r"|\d{1,4}(?:st|nd|rd|th)?|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|\d{1,2}[:.]\d{2}(?i:am|pm)?"
    r"|(?i:[ap]\.?m\.?)|[A-Z]{2,5}|[A-Z][A-Za-z]*/[A-Z][A-Za-z_]*"
    r"|(?i:published|updated|posted|last)|on|at|[|/·\u2013\u2014-])[,:]?"
)
_DATE_CORE = re.compile(r"\d")
# A byline alone: "By Ana Ruiz, published Jan 18, 2008 ..."; a sentence ends with a stop.
_BYLINE = re.compile(r"[Bb]y\s+[A-Z][^,.;:]{0,40}(?:,|$|\s+(?:and|in|for|published|posted)\b)")
_SENTENCE_END = re.compile(r"[.?!\"\u201d']\)?$")
# a line that ends a sentence ("...", a link's trail to more, ends none)
_ENDS_SENTENCE = re.compile(r"(?<!\.\.)[.?!][\"\u201d']?\)?$")
_MAX_BYLINE_WORDS = 25

# A box whose other cells emptied (a picture's, links the extractor dropped) and whose one
# cell is this short is a caption, a box's title or an advert's line, not a paragraph.
_MAX_BOX_WORDS = 10

# A wire story's dateline set apart from its first paragraph: "SAN FRANCISCO (AP) —",
# "BAGHDAD, Iraq (Reuters) -", "WASHINGTON —"; the place in capitals, then the agency
# or a dash (or both).  It opens that paragraph.
_DATELINE = re.compile(
    r"[A-Z][A-Z.'\-]*(?: [A-Z][A-Z.'\-]*){0,3}"
    r"(?:, (?:[A-Z][A-Za-z.]*|\d{1,2})(?: (?:[A-Z][A-Za-z.]*|\d{1,2})){0,2})?"
    r"(?: ?\([A-Z][\w.&]*(?: [A-Z][\w.&]*){0,2}\) ?[-\u2013\u2014\u2015]*| ?[-\u2013\u2014\u2015]+)"
)
# how a Markdown block that is no paragraph starts (a paragraph's own such start is escaped)
_NOT_PARAGRAPH = re.compile(r"(?:[-*+>|#]|\d+[.)]|```)")

# A link the byline puts after the author's name, which trafilatura reads as part of it:
# "John Leyden More by this author", "Ana Ruiz | View all posts"
_AUTHOR_LINK = re.compile(
    r"\W*\b(?:more (?:stories |articles |posts )?(?:by|from) (?:this )?(?:author|writer|reporter)"
    r"|(?:view|see|read) (?:all|more)(?: (?:posts|stories|articles))?(?: by \w+)?"
    r"|(?:e-?mail|contact|follow) (?:the|this) (?:author|writer|reporter))\W*$",
    re.IGNORECASE,
)

# what joins a headline to the site name in a page title: "Headline | Site", "Site - Headline"
_SEPARATOR = r"[|\u2013\u2014\u00b7/-]+"
TITLE_SEPARATOR = re.compile(rf"\s+{_SEPARATOR}\s")
_SEPARATOR_AT_END = re.compile(rf"\s{_SEPARATOR}\s+$")
# a shorter heading is a section name or kicker, not the headline
MIN_HEADLINE_WORDS = 3

# Short blocks before the headline (a section link, "Tech") are page furniture.
_MAX_KICKER_BLOCKS = 2
_MAX_KICKER_WORDS = 4


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
        and len(_words(element.text_content())) <= _MAX_CAPTION_WORDS
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
            and len(_words(link.text_content())) <= _MAX_TOOL_WORDS
            and _outside_sentences(link)
        ):
            link.drop_tree()


def _outside_sentences(link: lxml_html.HtmlElement) -> bool:
    block = next((parent for parent in link.iterancestors() if parent.tag not in INLINE_TAGS), None)
    if block is None:
        return False
    before, after = _texts_around(block, link)
    before = before.rstrip()
    return not _WORD.search(after) and (not before or before[-1] in _BEFORE_TOOL)


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
        if _AD_LABEL.fullmatch(
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
            all_link_words = sum(len(_words(link.text_content())) for link in all_links)
            counts[box] = (len(all_links), all_link_words, len(_words(box.text_content())))
        links, link_words, words = counts[box]
        inside = [link for link in around if box in link.iterancestors()]
        links -= len(inside)
        link_words -= sum(len(_words(link.text_content())) for link in inside)
        if links < 2:
            continue
        fits = words - link_words <= _MAX_AD_WORDS_PER_LINK * links
        return box if fits and words <= _MAX_AD_WORDS else None
    return None


def _is_share_bar(element: lxml_html.HtmlElement) -> bool:
    if next(element.iter(*_HEADINGS), None) is not None:
        return False  # a headline or subheading beside the bar is no label of it
    links = list(element.iter("a"))
    if any(len(_words(link.text_content())) > _MAX_SHARE_LINK_WORDS for link in links):
        return False
    link_words = sum(len(_words(link.text_content())) for link in links)
    return len(_words(element.text_content())) - link_words <= _MAX_SHARE_LABEL_WORDS


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


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
        len(_words(link.text_content())) > _MAX_LINE_LINK_WORDS for link in links
    ):
        return False
    # the words outside the links: a label before the first one, then separators alone
    label = _words(_texts_around(element, links[0])[0])
    outside = len(_words(element.text_content())) - sum(
        len(_words(link.text_content())) for link in links
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


def without_edge_boilerplate(blocks: list[Block]) -> list[Block]:
    start, end = 0, len(blocks)
    while start < end and (
        _is_boilerplate(blocks[start], _LEADING_BOILERPLATE) or _is_date_or_byline(blocks[start])
    ):
        start += 1
    # nor does a story end with a heading: it heads another story's teaser
    while end > start and (
        _is_boilerplate(blocks[end - 1], _TRAILING_BOILERPLATE)
        or _opens_with_copyright(blocks[end - 1])
        or _is_date_or_byline(blocks[end - 1])
        or blocks[end - 1].heading
    ):
        end -= 1
    return blocks[start:end]


def with_dateline_joined(blocks: list[Block]) -> list[Block]:
    """The blocks with a dateline that stands alone before the first paragraph put at
    that paragraph's start, where the wire set it."""
    if len(blocks) < 2 or not all(_is_paragraph(block) for block in blocks[:2]):
        return blocks
    dateline, first = blocks[0], blocks[1]
    if not _DATELINE.fullmatch(dateline.texts[0]):
        return blocks
    joined = Block(
        f"{dateline.markdown} {first.markdown}", [f"{dateline.texts[0]} {first.texts[0]}"]
    )
    return [joined, *blocks[2:]]


def _is_paragraph(block: Block) -> bool:
    return (
        not (block.heading or block.boxed)
        and len(block.texts) == 1
        and "\n" not in block.texts[0]
        and _NOT_PARAGRAPH.match(block.markdown) is None
    )


def _is_date_or_byline(block: Block) -> bool:
    """A date alone (each of the block's lines), or a byline alone with its date or counts."""
    if block.heading:
        return False
    if all(is_date(text) for text in block.texts):
        return True
    text = " ".join(block.texts)
    return (
        len(text.split()) <= _MAX_BYLINE_WORDS
        and _BYLINE.match(text) is not None
        and _SENTENCE_END.search(text) is None
    )


def _opens_with_copyright(block: Block) -> bool:
    """A block whose first line is a short copyright line: what follows it there is the
    site's closing note ("© 2008 AFP" over a note on where the story comes from)."""
    first_line = block.texts[0].split("\n", 1)[0]
    return (
        len(first_line.split()) <= _MAX_COPYRIGHT_LINE_WORDS
        and _COPYRIGHT_LINE.match(first_line) is not None
        and len(" ".join(block.texts).split()) <= _MAX_TEASER_WORDS
    )


def is_date(text: str) -> bool:
    words = text.split()
    return (
        bool(words)
        and _DATE_CORE.search(text) is not None
        and all(_DATE_WORD.fullmatch(word) for word in words)
    )


def is_stray_box(block: Block) -> bool:
    """A box (a table of one cell) of a few words, or one that calls for readers' views or
    comments (the BBC's "Have your say"), wherever it is: no part of the story."""
    return block.boxed and (
        len(" ".join(block.texts).split()) <= _MAX_BOX_WORDS
        or _is_boilerplate(block, _TRAILING_BOILERPLATE)
    )


def _is_boilerplate(block: Block, pattern: re.Pattern[str]) -> bool:
    text = " ".join(block.texts)
    words = len(text.split())
    return (words <= _MAX_BOILERPLATE_WORDS and pattern.match(text) is not None) or (
        words <= _MAX_TEASER_WORDS and _TEASER_END.search(text) is not None
    )


def has_no_words(block: Block) -> bool:
    """A block of punctuation alone: what is left of a bar whose links went ("[ ] [ ]")."""
    return not any(_WORD.search(text) for text in block.texts)


def is_ad_label(block: Block) -> bool:
    """A label of an advert alone ("Advertisement"), its box emptied."""
    return not block.heading and _AD_LABEL.fullmatch(" ".join(block.texts)) is not None


def is_credit(block: Block) -> bool:
    text = " ".join(block.texts)
    return len(text.split()) <= _MAX_CREDIT_WORDS and _CREDIT.fullmatch(text) is not None


def is_headline_block(block: Block, title: str) -> bool:
    """A block that opens with the headline as a line of its own, then only short lines
    that end no sentence: the date, section links and calls set under the headline."""
    lines = "\n".join(block.texts).split("\n")
    return (
        not block.heading
        and len(lines) > 1
        and same_text(lines[0], title)
        and len(" ".join(lines).split()) <= _MAX_BOILERPLATE_WORDS
        and not any(_ENDS_SENTENCE.search(line.strip()) for line in lines[1:])
    )


def is_author_line(block: Block, author: str) -> bool:
    """A line that is the author's name alone (with "By"), as the page's metadata gives it:
    a byline the date patterns do not know ("michelle shephard  national security reporter")."""
    # word by word: the metadata's punctuation is the extractor's ("Ana Ruiz; Reporter")
    words = [word.casefold() for word in _words(" ".join(block.texts))]
    if words[:1] == ["by"]:
        words = words[1:]
    return bool(words) and words == [word.casefold() for word in _words(author)]


def story_start(blocks: list[Block], title: str, page_title: str = "") -> int | None:
    """The index of the headline among the first blocks, when only short blocks (a section
    link) come before it; ``None`` when the article does not open with its headline.

    The headline is the heading that is the title, or that the page's ``<title>`` holds
    beside the site's name ("wjz.com - Headline") when the title found is a section's name.
    """
    for index, block in enumerate(blocks[: _MAX_KICKER_BLOCKS + 1]):
        heading = block.texts[0] if block.heading else ""
        if heading and (
            same_text(heading, title)
            or (not title and index == 0)
            or names_headline(page_title, heading)
        ):
            return index
        if len(" ".join(block.texts).split()) > _MAX_KICKER_WORDS:
            return None
    return None


def names_headline(page_title: str, heading: str) -> bool:
    """Whether a page's ``<title>`` is ``heading`` with a site's name before or after it."""
    title, heading = plain_text(page_title).casefold(), plain_text(heading).casefold()
    if len(heading.split()) < MIN_HEADLINE_WORDS or len(heading) >= len(title):
        return False
    if title.endswith(heading):
        return _SEPARATOR_AT_END.search(title[: -len(heading)]) is not None
    if title.startswith(heading):
        return TITLE_SEPARATOR.match(title[len(heading) :]) is not None
    return False


def author_name(byline: str | None) -> str:
    """The author's name in a byline trafilatura found, without a link after it."""
    return _AUTHOR_LINK.sub("", plain_text(byline))


def plain_text(value: str | None) -> str:
    return " ".join((value or "").split())


def same_text(first: str, second: str) -> bool:
    return plain_text(first).casefold() == plain_text(second).casefold()
