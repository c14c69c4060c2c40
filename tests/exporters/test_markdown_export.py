"""The Markdown export reads well and cannot be bent by what it quotes."""

from __future__ import annotations

from typing import Any

from markdown_it.token import Token

from reader.anchoring.canonical import inline_text, markdown_parser
from reader.core.models import Anchor, Annotation, Article, Kind, Status
from reader.exporters.markdown_export import to_markdown
from tests.conftest import build_article


def make_article(markdown: str, **meta: str) -> Article:
    fields = {"title": "Budget row", "author": "", "publication": "", "url": "", "published": ""}
    return build_article(
        markdown, article_id=3, imported_at="2024-03-02T10:00:00Z", **(fields | meta)
    )


def flag(
    article: Article, quote: str, kind: Kind = Kind.UNSOURCED_CLAIM, **fields: Any
) -> Annotation:
    start = article.text.index(quote)
    anchor = Anchor(start, start + len(quote), quote)
    return Annotation(article_id=article.id, kind=kind, anchor=anchor, **fields)


def quoted_texts(markdown: str) -> list[str]:
    """The plain text of each blockquote in rendered Markdown; fails on any structure inside."""
    quotes: list[str] = []
    depth = 0
    for token in markdown_parser().parse(markdown):
        if token.type == "blockquote_open":
            depth += 1
            quotes.append("")
        elif token.type == "blockquote_close":
            depth -= 1
        elif depth:
            assert token.type in ("paragraph_open", "paragraph_close", "inline"), token.type
            if token.type == "inline":
                assert all(child.type in ("text", "softbreak") for child in token.children or [])
                quotes[-1] += ("\n\n" if quotes[-1] else "") + inline_text(token)
    return quotes


def headings(markdown: str) -> list[str]:
    tokens: list[Token] = markdown_parser().parse(markdown)
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]


def test_layout_title_byline_and_flags_in_text_order() -> None:
    article = make_article(
        "The deficit doubled. Everyone agrees it is a disaster.\n\nThe vote is on Friday.",
        author="Ana Ruiz",
        publication="Daily Example",
        published="2024-05-01",
        url="https://daily.example/budget",
    )
    flags = [
        flag(article, "The vote is on Friday.", Kind.CONTEXT_NOTE, note="Moved from Thursday."),
        flag(
            article,
            "The deficit doubled.",
            note="Doubled **since when**? Ask for the *budget office* figures.",
            tags=["budget", "numbers"],
            source="https://budget.example/2024",
        ),
        flag(article, "Everyone agrees it is a disaster.", Kind.OPINION, status=Status.SUGGESTED),
    ]
    out = to_markdown(article, flags)
    assert out.startswith(
        "# Budget row\n\nBy Ana Ruiz · Daily Example · 2024-05-01 · <https://daily.example/budget>\n\n"
    )
    assert headings(out) == [
        "Budget row",
        "1. Unsourced claim",
        "2. Opinion (suggested)",
        "3. Context note",
    ]
    first = out.split("## 1. Unsourced claim\n\n", 1)[1].split("## 2.", 1)[0]
    assert first == (
        "> The deficit doubled.\n\n"
        "Doubled **since when**? Ask for the *budget office* figures.\n\n"
        "Tags: budget, numbers\n\n"
        "Source: <https://budget.example/2024>\n\n"
    )
    assert "Layer:" not in out
    assert out.endswith("Moved from Thursday.\n")


def test_orphaned_flags_in_their_own_section_at_the_end() -> None:
    article = make_article("Alpha beta gamma.\n\nDelta epsilon.")
    flags = [
        flag(article, "Alpha", status=Status.ORPHANED, note="Gone after the edit."),
        flag(article, "Delta epsilon.", Kind.OPINION),
    ]
    out = to_markdown(article, flags)
    assert headings(out) == ["Budget row", "1. Opinion", "Orphaned flags", "2. Unsourced claim"]
    orphan_part = out.split("## Orphaned flags", 1)[1]
    assert "no longer in the article's current text" in orphan_part
    assert "### 2. Unsourced claim\n\n> Alpha\n\nGone after the edit." in orphan_part


def test_hostile_quote_stays_plain_text_inside_the_blockquote() -> None:
    lines = [
        "# Not a heading",
        "- not a list",
        "1. not numbered",
        "2) nor this",
        "<script>alert(1)</script>",
        "[a link](https://evil.example) and ![img](x.png)",
        "    not code",
        "```",
        "| a | b |",
        "*stars* _under_ `code` ~~strike~~ \\ back & &amp; entity",
        "===",
        "+ plus",
        "> nested",
    ]
    passage = "\n".join(lines)
    article = make_article("Intro.\n\n~~~~\n" + passage + "\n~~~~")
    out = to_markdown(article, [flag(article, passage)])
    assert quoted_texts(out) == [" ".join(lines)]
    assert headings(out) == ["Budget row", "1. Unsourced claim"]


def test_passage_across_paragraphs_stays_one_quote() -> None:
    article = make_article("First para ends here.\n\nSecond para starts.")
    passage = "ends here.\n\nSecond para"
    out = to_markdown(article, [flag(article, passage)])
    assert "> ends here.\n>\n> Second para" in out
    assert quoted_texts(out) == ["ends here.\n\nSecond para"]


def test_title_tags_and_citation_escaped() -> None:
    article = make_article("Some text.", title="<b>Bold</b> [claim]", url="javascript:alert(1)")
    out = to_markdown(
        article,
        [flag(article, "Some text.", tags=["#hash", "a|b"], source="[report](http://x) p. *4*")],
    )
    tokens = markdown_parser().parse(out)
    assert not any(t.type in ("html_inline", "html_block", "link_open") for t in tokens)
    assert not any(
        c.type in ("html_inline", "link_open", "em_open") for t in tokens for c in t.children or []
    )
    assert headings(out)[0] == "\\<b\\>Bold\\</b\\> \\[claim\\]"
    assert "Tags: \\#hash, a\\|b" in out
    assert "javascript:alert\\(1\\)" not in out  # no link made of it: kept as escaped text
    assert "javascript:alert(1)" in out


def test_layers_named_when_more_than_one_and_empty_article() -> None:
    article = make_article("One two.")
    out = to_markdown(
        article, [flag(article, "One", layer="key"), flag(article, "two", layer="Sam (student)")]
    )
    assert "Layer: key" in out
    assert "Layer: Sam (student)" in out
    assert to_markdown(article, []) == "# Budget row\n\nNo flags on this article.\n"
