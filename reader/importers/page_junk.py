"""Web-page junk that trafilatura keeps, cut from the blocks it extracted.

Measured on real saved pages by ``benchmarks/junk_filter_eval.py``: a box left with one
short cell (a picture's caption, a box's title) or calling for readers' views, an
advert's label, a picture's credit line, blocks with no word left, a section link above
the headline, the headline repeated with its date, and, at the article's start or end,
short calls to write letters, follow, subscribe, comment or read MORE, teasers of other
stories, links to the previous and next story, a date or a byline alone, a copyright
line, a note on external sites or on whose views these are.  A wire story's dateline
set apart opens its first paragraph.  What is cut from the page before the extraction is
in :mod:`reader.importers.page_cleaning`.
"""

from __future__ import annotations

import re

from reader.importers.extracted_markdown import Block

# Blocks that open or end a news page without being part of its story: calls to write,
# follow, subscribe, or a lone "MORE".  Dropped only from the start or the end of the
# article, as are teasers of other stories, cut off with "[…]".
_CALLS = (
    r"follow us\b|(?:sign up|subscribe) (?:for|to) our\b"
    r"|(?:submit|send|write)(?: us)? (?:your|a) letters?\b|discuss this (?:story|article)\b"
    r"|to contact the (?:reporters?|writers?|editors?|authors?)\b"
    r"|[\w .'-]{1,60}? can be (?:reached|contacted) at \S+@"
    r"|contact (?:[\w.'-]+ ){1,6}at \S+@|(?:want more\W+)?get home delivery\b"
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
# before the story only calls to act (a lede may well begin "Letters to the editor..."),
# the site's path to the page ("Home > Archives > …"), its account bar ("Welcome |
# sign-out") and the title of a box of the section's other stories ("More from Sports")
_LEADING_BOILERPLATE = re.compile(
    rf"(?:{_CALLS}|home\s*[>»›]|welcome\W+(?:sign|log)[- ]?(?:in|out)\b"
    r"|more from(?: [\w&'’-]+){1,3}\W*$)",
    re.IGNORECASE,
)
# A line that heads other stories after the story ("Recent Online Media Daily Articles",
# "More from Business", "Related stories"): it and the short blocks after it are cut.
_MORE_STORIES = re.compile(
    r"(?:recent|related|latest|more|other|popular|top|most read)\b[\w\s'’&-]{0,60}?"
    r"\b(?:articles|stories|news|headlines|posts)\W*$",
    re.IGNORECASE,
)
_MAX_MORE_STORIES_WORDS = 8
_MAX_BOILERPLATE_WORDS = 30
_TEASER_END = re.compile(r"\[(?:…|\.\.\.)\]$")
_MAX_TEASER_WORDS = 80

# A picture's credit line on its own: "(Credit: Ana Ruiz / Courier)", "Photo credit: ..."
# ("Photographs by local children line the walls" is a sentence: no "by" form)
_CREDIT = re.compile(
    r"\((?:photo |image |picture )?credits?:[^()]+\)"
    r"|(?:photo(?:graph)?|image|picture)s? credits?:\s[^.]+",
    re.IGNORECASE,
)
_MAX_CREDIT_WORDS = 12
_TOOLS_LABEL = re.compile(r"(?:story|article|page) tools\W*", re.IGNORECASE)
WORD = re.compile(r"\w")  # a letter or a digit: what a block of words holds

# A box of advertisers' links under a label (its text, or its picture's alt text):
# "Sponsored Links", "Advertisement", "Ads by Google".  The box is the nearest element
# around the label with two links or more, if it is links with short lines of text only.
AD_LABEL = re.compile(
    r"(?:sponsored(?: links?| content| stories| results)?|advertisements?|ads by \w+"
    r"|promoted(?: links| stories| content)?|paid (?:links|content))\W*",
    re.IGNORECASE,
)

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

# where a byline's date starts: a weekday, a month before its day, "Published" (a month
# alone may be a name: "April Lindqvist")
_BYLINE_DATE = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|published\b|posted\b|updated\b"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d)",
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


def words_of(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def without_edge_boilerplate(blocks: list[Block]) -> list[Block]:
    start, end = 0, _before_more_stories(blocks)
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


def _before_more_stories(blocks: list[Block]) -> int:
    """Where the story ends if a line heading other stories follows it, with only
    teasers after it (short blocks); else the end."""
    for index in range(len(blocks) - 1, 0, -1):
        line, *rest = blocks[index].texts  # (the teasers may share its block)
        if len(line.split()) <= _MAX_MORE_STORIES_WORDS and _MORE_STORIES.match(line):
            after = rest + [" ".join(block.texts) for block in blocks[index + 1 :]]
            if all(len(text.split()) <= _MAX_TEASER_WORDS for text in after):
                return index
            break
    return len(blocks)


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
    return not any(WORD.search(text) for text in block.texts)


def is_ad_label(block: Block) -> bool:
    """A label of an advert alone ("Advertisement"), its box emptied."""
    return not block.heading and AD_LABEL.fullmatch(" ".join(block.texts)) is not None


def is_tools_label(block: Block) -> bool:
    """The label of a box of the page's tools ("STORY TOOLS", "Article tools"), its links
    gone: no part of the story wherever it is."""
    return _TOOLS_LABEL.fullmatch(" ".join(block.texts)) is not None


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
    words = [word.casefold() for word in words_of(" ".join(block.texts))]
    if words[:1] == ["by"]:
        words = words[1:]
    return bool(words) and words == [word.casefold() for word in words_of(author)]


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
    """The author's name in a byline trafilatura found, without a link or the page's date
    after it ("Ana Ruiz Thursday; December", "Published January": no name)."""
    name = _AUTHOR_LINK.sub("", plain_text(byline))
    return _BYLINE_DATE.split(name, maxsplit=1)[0].strip(" ,;:|-")


def plain_text(value: str | None) -> str:
    return " ".join((value or "").split())


def same_text(first: str, second: str) -> bool:
    return plain_text(first).casefold() == plain_text(second).casefold()
