import pytest

from reader.anchoring.canonical import canonical_text
from reader.core.models import ReaderError, SourceFormat
from reader.importers.markdown_article import article_from_markdown

FRONT_MATTER_ARTICLE = """---
title: "Bus lanes: the vote"
author: Priya Natarajan
publication: The Riverside Gazette
url: https://gazette.example.org/news/bus-lanes
published: 2024-03-14
tags: [transport, council]
---

# A heading that stays

The council voted *7 to 2*.
"""


def test_front_matter_fills_the_metadata_and_leaves_the_body() -> None:
    article = article_from_markdown(FRONT_MATTER_ARTICLE, "/tmp/bus.md")
    assert article.title == "Bus lanes: the vote"
    assert article.author == "Priya Natarajan"
    assert article.publication == "The Riverside Gazette"
    assert article.url == "https://gazette.example.org/news/bus-lanes"
    assert article.published == "2024-03-14"
    assert article.source_format is SourceFormat.MARKDOWN
    assert article.markdown.startswith("# A heading that stays")
    assert canonical_text(article.markdown) == "A heading that stays\n\nThe council voted 7 to 2."


def test_author_list_and_datetime_are_accepted() -> None:
    source = "---\nauthor: [Ann Lee, Bo Chen]\npublished: 2024-03-14 09:30:00\n---\nText.\n"
    article = article_from_markdown(source)
    assert article.author == "Ann Lee, Bo Chen"
    assert article.published.startswith("2024-03-14T09:30:00")


def test_first_level_one_heading_becomes_the_title() -> None:
    article = article_from_markdown("\n# The title\n\nFirst paragraph.\n", "/tmp/x.md")
    assert article.title == "The title"
    assert canonical_text(article.markdown) == "First paragraph."


def test_setext_heading_becomes_the_title() -> None:
    article = article_from_markdown("The title\n=========\n\nBody.\n")
    assert article.title == "The title"
    assert canonical_text(article.markdown) == "Body."


def test_without_heading_the_file_stem_is_the_title() -> None:
    article = article_from_markdown("## Second level\n\nBody.\n", "/tmp/my-story.md")
    assert article.title == "my-story"
    assert canonical_text(article.markdown) == "Second level\n\nBody."


def test_without_heading_or_file_the_first_block_is_the_title() -> None:
    article = article_from_markdown("Just *a* paragraph\nwrapped.\n")
    assert article.title == "Just a paragraph wrapped."


def test_windows_line_endings_and_bom_are_normalised() -> None:
    article = article_from_markdown("\ufeff---\r\ntitle: T\r\n---\r\nBody.\r\n")
    assert article.title == "T"
    assert "\r" not in article.markdown


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("---\ntitle: [unclosed\n---\nBody\n", r"invalid front matter in bad\.md: .*\(line \d+\)"),
        ("---\ntitle: 2024\n---\nBody\n", "title must be text, not int"),
        ("---\nauthor: {a: 1}\n---\nBody\n", "author must be text or a list of names"),
        ("---\npublished: [1]\n---\nBody\n", "published must be a date"),
        ("---\n- a\n- b\n---\nBody\n", "must be keys with values"),
        ("---\ntitle: T\nBody without end\n", "not closed"),
        ("---\ntitle: T\n---\n\n", "no article text found in bad.md"),
        ("# Only a title\n", "no article text found in bad.md"),
    ],
)
def test_bad_markdown_is_refused_with_one_line(source: str, message: str) -> None:
    with pytest.raises(ReaderError, match=message) as caught:
        article_from_markdown(source, "/tmp/bad.md")
    assert "\n" not in str(caught.value)
    assert str(caught.value)[0].islower()


def front_matter(lines: str) -> str:
    return f"---\ntitle: The council vote\n{lines}\n---\n\nThe council met on Tuesday.\n"


@pytest.mark.parametrize(
    "written",
    [
        "2001-02-30",
        "2001-13-45",
        "0000-01-01",
        "2001-02-03 25:61:00",
        "2001-02-03T10:00:00+99:00",
        "9" * 4301,
        "!!float 'x'",
        "!!int 'twelve'",
    ],
)
def test_a_published_value_yaml_cannot_construct_is_kept_as_written(written: str) -> None:
    article = article_from_markdown(front_matter(f"published: {written}"), "/tmp/vote.md")
    assert article.published == written.removeprefix("!!float ").removeprefix("!!int ").strip("'")
    assert article.title == "The council vote"
    assert canonical_text(article.markdown) == "The council met on Tuesday."


def test_an_impossible_date_elsewhere_in_the_front_matter_does_not_stop_the_import() -> None:
    article = article_from_markdown(front_matter("updated: 2001-02-30\nviews: " + "1" * 5000))
    assert article.title == "The council vote"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("---\ntitle: " + "[" * 1200 + "\n---\nBody\n", r"nested more than \d+ levels deep"),
        ("---\nx: " + "{a: " * 200 + "1" + "}" * 200 + "\n---\nBody\n", "nested more than"),
        ("---\ntitle: [a, b]\n---\nBody\n", "title must be text, not list"),
        ("---\ntitle: {a: b}\n---\nBody\n", "title must be text, not dict"),
        ("---\ntitle: !!binary aGVsbG8=\n---\nBody\n", "title must be text, not bytes"),
        ("---\nurl: 12.5\n---\nBody\n", "url must be text, not float"),
        ("---\npublished: !!timestamp [1, 2]\n---\nBody\n", "must be one value"),
        ("---\ntitle: !!python/object:os.system {}\n---\nBody\n", "invalid front matter"),
        ("---\na: &a [x, x]\nb: &b [*a, *a]\ntitle: *b\n---\nBody\n", "aliases"),
        ("---\nnote: '" + "x" * 70_000 + "'\n---\nBody\n", r"front matter in bad\.md is longer"),
    ],
)
def test_hostile_front_matter_is_refused_with_one_line(source: str, message: str) -> None:
    with pytest.raises(ReaderError, match=message) as caught:
        article_from_markdown(source, "/tmp/bad.md")
    assert "\n" not in str(caught.value)
    assert len(str(caught.value)) < 200


def test_a_null_title_falls_back_to_the_heading() -> None:
    article = article_from_markdown("---\ntitle: null\nauthor: ~\n---\n# Heading\n\nBody.\n")
    assert (article.title, article.author) == ("Heading", "")


def test_control_characters_and_lone_surrogates_leave_front_matter_text() -> None:
    # YAML's escapes can make characters no file or database can store
    source = '---\ntitle: "\\ud800The \\x01council\\tvote"\nauthor: ["A\\udfffnn"]\n---\nBody.\n'
    article = article_from_markdown(source)
    assert (article.title, article.author) == ("The council vote", "Ann")
