import random
import textwrap

import pytest

from reader.anchoring.canonical import canonical_text
from reader.core.models import ReaderError, SourceFormat
from reader.importers.text_article import article_from_text, text_paragraphs

TRICKY = [
    "*not emphasis* and _not either_ and **nor this**",
    "# not a heading",
    "1. not a list\n2) nor this",
    "- dash\n+ plus\n* star",
    "<b>not bold</b> <script>alert(1)</script>",
    "[a link](http://example.org) ![image](x.png) [ref]: /url",
    "`code` and ``more `code` `` and ```fence",
    "&amp; &lt; &#65; &copy;",
    "> not a quote\n>> nor this",
    "---",
    "***",
    "___",
    "===",
    "a | b | c\n--|--|--\n1 | 2 | 3",
    "~~not struck~~ ~~~",
    "back\\slash at the end\\",
    "    indented code?\n\tand a tab",
    "trailing spaces  \nhard break?",
    "Title line\n=====",
    "<http://autolink.example> <me@example.org>",
    "emoji 😀 and accents é à ü, CJK 漢字",
    "1986\\. escaped already",
    "\\*backslash star\\*",
    "\u00a0leading nbsp and trailing\u00a0",
    "line one\r\nline two\rline three",
]

ALPHABET = list("abc XYZ 019.)*_#>-+=`~<>&;[]()!|\\\t\"':é😀") + ["\n", "\n\n", "  "]


def expected(text: str) -> str:
    return "\n\n".join(text_paragraphs(text))


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_text_comes_through_literally(text: str) -> None:
    article = article_from_text(text, title="Fixed title")
    assert canonical_text(article.markdown) == expected(text)


def test_random_strings_come_through_literally() -> None:
    rng = random.Random(20240314)
    for _ in range(600):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 40)))
        if not text.strip():
            continue
        article = article_from_text(text, title="Fixed title")
        assert canonical_text(article.markdown) == expected(text), repr(text)


def test_paragraphs_are_soft_wrapped_lines_without_indentation() -> None:
    text = "  First line\n    continues here.\n\n\n   Second paragraph.\n"
    assert text_paragraphs(text) == ["First line continues here.", "Second paragraph."]


def test_control_characters_are_dropped() -> None:
    assert text_paragraphs("a\x00b\x07c\td") == ["abc\td"]


def test_short_first_line_becomes_the_title_and_leaves_the_body() -> None:
    article = article_from_text("A headline\n\nThe body text.\n", source_path="/tmp/story.txt")
    assert article.title == "A headline"
    assert canonical_text(article.markdown) == "The body text."
    assert article.source_format is SourceFormat.TEXT


def test_long_or_wrapped_first_paragraph_keeps_the_file_stem_as_title() -> None:
    article = article_from_text("The council met\non Tuesday.\n\nMore.", source_path="/x/notes.txt")
    assert article.title == "notes"
    assert canonical_text(article.markdown) == "The council met on Tuesday.\n\nMore."


def test_pasted_single_paragraph_is_titled_by_its_start() -> None:
    words = " ".join(["word"] * 40)
    article = article_from_text(words)
    assert article.title.endswith("…") and len(article.title) <= 81
    assert canonical_text(article.markdown) == words


@pytest.mark.parametrize("text", ["", "   \n\t\n  ", "\x00\x01"])
def test_text_without_words_is_refused(text: str) -> None:
    with pytest.raises(ReaderError, match="no article text found in story.txt"):
        article_from_text(text, source_path="/tmp/story.txt")


def test_lines_wrapped_to_a_width_are_one_paragraph() -> None:
    paragraph = (
        "The board's memo on the change, dated Feb. 6 and obtained through a public-records "
        "request, estimates that the new schedule will save about $96,000 a year, mostly in "
        "part-time wages, and says no permanent staff will be laid off this spring."
    )
    for width in (40, 60, 72):
        wrapped = textwrap.fill(paragraph, width, break_on_hyphens=False)
        assert wrapped.count("\n") >= 2
        assert text_paragraphs(wrapped) == [paragraph]


def test_one_sentence_or_paragraph_a_line_keeps_each_line() -> None:
    lines = [
        "Gone are the days when they led the world in recession-busting",
        "Unemployment fell to 4.1 percent in March.",
        "What a disgraceful decision this was!",
        "The senator was only human.",
    ]
    assert text_paragraphs("\n".join(lines)) == lines
    article = article_from_text("\n".join(lines), source_path="/x/sentences.txt")
    assert article.title == "sentences"
    assert canonical_text(article.markdown) == "\n\n".join(lines)


def test_text_wrapped_without_blank_lines_keeps_its_paragraphs() -> None:
    paragraphs = [
        "The council's budget, published on Monday by the city's finance office, cuts the "
        "library's share by nine percent and closes two branches on Sundays from March.",
        "Residents who spoke at the meeting said the evening hours matter most to people "
        "who work day shifts, and several asked the council to reconsider before the vote.",
        "The mayor said the cuts were painful but necessary.",
        "A final vote is expected on March 3, after a second public hearing at the town hall.",
    ]
    wrapped = "\n".join(textwrap.fill(p, 70, break_on_hyphens=False) for p in paragraphs)
    assert wrapped.count("\n") > len(paragraphs)
    assert text_paragraphs(wrapped) == paragraphs


def test_one_overlong_line_does_not_unwrap_a_paragraph() -> None:
    paragraph = (
        "The full budget is published on the town's website as a spreadsheet that anyone "
        "can download, at https://example.org/marlow-falls/finance/budget-2025-26/adopted-"
        "operating-budget-final-version.xlsx, together with the minutes of the meeting."
    )
    wrapped = textwrap.fill(paragraph, 60, break_on_hyphens=False, break_long_words=False)
    assert max(len(line) for line in wrapped.split("\n")) >= 100
    assert text_paragraphs(wrapped) == [paragraph]
