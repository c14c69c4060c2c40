"""Property tests: whatever an article file holds, importing it gives an article or a
ReaderError with one line, never another exception (issues 8 and 15)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.models import ArticleMeta, ReaderError
from reader.importers.articles import (
    article_from_html,
    article_from_markdown,
    article_from_text,
    read_article_file,
)

# Pieces real inputs are made of, so that generated files reach the parsers' corners.
HTML_PIECES = st.sampled_from(
    [
        "<html>",
        "<head>",
        "<body>",
        "<article>",
        "</article>",
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<b>",
        "</b>",
        "<a href='https://example.org/'>",
        "<a href='javascript:x'>",
        "</a>",
        "<img src=a.png>",
        "<input>",
        "<embed src=x>",
        "<br>",
        "<h1>",
        "</h1>",
        "<table><tr><td>",
        "<pre><code>",
        "<ul><li>",
        "<blockquote>",
        "<script>",
        "</script>",
        "<meta charset='rot13'>",
        "<meta charset='shift_jis'>",
        "<svg>",
        "<title>",
        "</title>",
        "&#12;",
        "&#0;",
        "&#xfffe;",
        "&amp;",
        "&",
        "<!--",
        "-->",
        "<![CDATA[",
        "<?xml version='1.0'?>",
        "\x0c",
        "\x00",
        "\ufeff",
        "The council met on Tuesday. ",
        "The mayor said the cuts were needed. ",
    ]
)
MARKDOWN_PIECES = st.sampled_from(
    [
        "---\n",
        "title: ",
        "published: ",
        "author: ",
        "url: ",
        "2001-02-30",
        "25:61",
        "+99:00",
        "0000-01-01",
        "!!float 'x'",
        "!!binary ",
        "&a ",
        "*a",
        "[",
        "]",
        "{",
        "}",
        "- ",
        "null",
        "~",
        "? ",
        ": ",
        "'",
        '"',
        "\n",
        "# ",
        "> ",
        "![",
        "](",
        ")",
        "`",
        "*",
        "_",
        "&amp;",
        "<b>",
        "\t",
        "\r",
        "\x0c",
        "The council met on Tuesday.",
    ]
)
YAML_VALUES = st.sampled_from(
    [
        "2001-02-30",
        "2001-13-45",
        "0000-01-01",
        "2001-02-03 25:61:00",
        "2001-02-03T10:00+99:00",
        "!!float 'x'",
        "!!int 'x'",
        "!!binary aGk=",
        "!!timestamp [1]",
        "[a, b]",
        "{a: b}",
        "null",
        "~",
        "&a [x]",
        "*a",
        "9" * 4301,
        "[" * 300,
        "12:30",
        "0x1F",
        "1e999",
        "yes",
        "'quoted'",
        "The council vote",
        "!!python/object:os.system {}",
        "|\n  text",
    ]
)
FRONT_MATTER = st.lists(
    st.tuples(
        st.sampled_from(["title", "author", "published", "url", "publication", "x"]),
        st.one_of(YAML_VALUES, st.text(max_size=10)),
    ),
    max_size=6,
).map(lambda pairs: "---\n" + "".join(f"{key}: {value}\n" for key, value in pairs) + "---\n")
MARKDOWN = st.tuples(
    st.one_of(FRONT_MATTER, st.just("")), st.lists(MARKDOWN_PIECES, max_size=30)
).map(lambda parts: parts[0] + "".join(parts[1]))
SUFFIXES = {".md": MARKDOWN, ".txt": MARKDOWN_PIECES, ".html": HTML_PIECES}


def import_or_refuse(path: Path) -> None:
    try:
        article = read_article_file(path)
    except ReaderError as error:
        message = str(error)
        assert message and "\n" not in message
    else:
        assert article.title and article.markdown
        # every field can be stored: no lone surrogates
        for value in (article.title, article.author, article.published, article.markdown):
            value.encode("utf-8")


def files(pieces: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    texts = st.lists(st.one_of(pieces, st.text(max_size=20)), max_size=40).map("".join)
    encoded = texts.flatmap(
        lambda text: st.sampled_from(["utf-8", "utf-16", "cp1252", "shift_jis"]).map(
            lambda encoding: text.encode(encoding, "replace")
        )
    )
    return st.one_of(encoded, st.binary(max_size=300))


@pytest.mark.parametrize("suffix", sorted(SUFFIXES))
def test_any_file_imports_or_is_refused_in_one_line(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"input{suffix}"

    @settings(
        max_examples=100,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=files(SUFFIXES[suffix]))
    def check(data: bytes) -> None:
        path.write_bytes(data)
        import_or_refuse(path)

    check()


# Clipboard text can hold anything a QString holds, lone surrogates too.
PASTED = st.lists(
    st.one_of(st.characters(), st.sampled_from(["\ud800", "\udfff", "\n\n", "\x0c"])),
    max_size=200,
).map("".join)


@pytest.mark.parametrize("importer", [article_from_html, article_from_markdown, article_from_text])
@settings(max_examples=50, deadline=None, database=None)
@given(text=st.one_of(PASTED, st.lists(st.one_of(HTML_PIECES, PASTED), max_size=20).map("".join)))
def test_any_pasted_text_imports_or_is_refused_in_one_line(
    importer: Callable[[str], ArticleMeta], text: str
) -> None:
    try:
        article = importer(text)
    except ReaderError as error:
        assert str(error) and "\n" not in str(error)
    else:
        for value in (article.title, article.author, article.published, article.markdown):
            value.encode("utf-8")
