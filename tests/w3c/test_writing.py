"""The W3C JSON-LD export: shape, determinism and what each part holds."""

from __future__ import annotations

import json
from typing import Any

from reader.core.models import Annotation, Article, Kind, Status
from reader.w3c.writing import dumps_w3c, to_w3c
from tests.conftest import build_article, flag_quote

MARKDOWN = (
    "# Jobs report\n\n"
    "Unemployment fell to 3 % last month, the minister said.\n\n"
    "Critics disagree 😀."
)


def make_article(url: str = "https://news.example/jobs") -> Article:
    return build_article(
        MARKDOWN,
        title="Jobs report",
        author="A. Writer",
        publication="The Example",
        published="2024-03-01",
        url=url,
        imported_at="2024-03-02T10:00:00Z",
    )


def flag(article: Article, quote: str, **fields: Any) -> Annotation:
    return flag_quote(article, quote, Kind.OPINION, **fields)


def test_collection_shape_and_context() -> None:
    article = make_article()
    doc = to_w3c(article, [flag(article, "Critics disagree")])
    assert doc["@context"][0] == "http://www.w3.org/ns/anno.jsonld"
    assert doc["@context"][1]["reader"] == "urn:annotated-reader:"
    assert doc["type"] == "AnnotationCollection"
    assert doc["label"] == "Jobs report"
    assert doc["total"] == 1
    assert doc["id"].startswith("urn:uuid:")
    page = doc["first"]
    assert page["type"] == "AnnotationPage"
    assert page["startIndex"] == 0
    assert len(page["items"]) == 1


def test_item_holds_kind_note_tags_source_and_both_selectors() -> None:
    article = make_article()
    annotation = flag(
        article,
        "Unemployment fell to 3 %",
        note="Which survey?",
        tags=["economy", "numbers"],
        source="https://stats.example/release",
        author="Ms Lee",
        status=Status.SUGGESTED,
        layer="key",
        score=0.75,
        reasons=["number without a source"],
    )
    item = to_w3c(article, [annotation])["first"]["items"][0]
    assert item["id"] == f"urn:uuid:{annotation.uuid}"
    assert item["type"] == "Annotation"
    assert item["created"] == annotation.created
    assert item["modified"] == annotation.updated
    assert item["creator"] == {"type": "Person", "name": "Ms Lee"}
    purposes = [(b["purpose"], b.get("value", b.get("source"))) for b in item["body"]]
    assert purposes == [
        ("classifying", "opinion"),
        ("commenting", "Which survey?"),
        ("tagging", "economy"),
        ("tagging", "numbers"),
        ("linking", "https://stats.example/release"),
    ]
    assert item["body"][1]["format"] == "text/markdown"
    assert item["body"][4]["type"] == "SpecificResource"
    target = item["target"]
    assert target["source"] == "https://news.example/jobs"
    position, quote = target["selector"]
    # after the title and byline: "Jobs report\n\nA. Writer · The Example · 1 March 2024\n\n"
    assert position == {"type": "TextPositionSelector", "start": 66, "end": 90}
    assert quote["type"] == "TextQuoteSelector"
    assert quote["exact"] == "Unemployment fell to 3 %"
    assert quote["prefix"] == "le · 1 March 2024\n\nJobs report\n\n"
    assert quote["suffix"] == annotation.anchor.suffix
    assert item["reader:layer"] == "key"
    assert item["reader:status"] == "suggested"
    assert item["reader:score"] == 0.75
    assert item["reader:reasons"] == ["number without a source"]


def test_optional_parts_left_out_and_citation_is_textual() -> None:
    article = make_article()
    item = to_w3c(article, [flag(article, "Critics", source="Annual report 2023, p. 4")])["first"][
        "items"
    ][0]
    assert "creator" not in item
    assert "reader:score" not in item
    assert "reader:reasons" not in item
    assert [b["purpose"] for b in item["body"]] == ["classifying", "linking"]
    assert item["body"][1] == {
        "type": "TextualBody",
        "purpose": "linking",
        "value": "Annual report 2023, p. 4",
    }


def test_target_is_text_hash_without_url() -> None:
    article = make_article(url="")
    doc = to_w3c(article, [flag(article, "Critics")])
    assert doc["first"]["items"][0]["target"]["source"] == "urn:sha256:" + article.sha256


def test_items_sorted_by_start_then_uuid_and_output_is_deterministic() -> None:
    article = make_article()
    late = flag(article, "Critics", uuid="00000000-0000-4000-8000-000000000001")
    early_b = flag(article, "Unemployment", uuid="00000000-0000-4000-8000-00000000000b")
    early_a = flag(article, "Unemployment fell", uuid="00000000-0000-4000-8000-00000000000a")
    first = dumps_w3c(article, [late, early_b, early_a])
    second = dumps_w3c(article, [early_a, late, early_b])
    assert first == second
    ids = [item["id"][-1] for item in json.loads(first)["first"]["items"]]
    assert ids == ["a", "b", "1"]


def test_dumps_keeps_non_ascii_and_is_valid_json() -> None:
    article = make_article()
    text = dumps_w3c(article, [flag(article, "Critics disagree 😀", note="Très subjectif")])
    assert "😀" in text
    assert "Très" in text
    assert text.endswith("\n")
    assert json.loads(text)["first"]["items"][0]["target"]["selector"][1]["exact"] == (
        "Critics disagree 😀"
    )


def test_empty_collection() -> None:
    doc = to_w3c(make_article(), [])
    assert doc["total"] == 0
    assert doc["first"]["items"] == []
