"""Reading flag files: the W3C round trip, and hostile files refused with one line."""

from __future__ import annotations

import copy
import json
import time
from pathlib import Path
from typing import Any

import pytest

from reader.core.models import Anchor, Annotation, Article, Kind, ReaderError, Status
from reader.w3c.reading import (
    MAX_FLAG_FILE_BYTES,
    FlagFileArticle,
    load_flag_file,
    parse_flag_document,
    parse_w3c,
    read_flag_file,
)
from reader.w3c.writing import dumps_w3c, to_w3c
from tests.conftest import build_article, flag_quote

MARKDOWN = (
    "# Café prices 😀\n\n"
    "Prices rose by 40 % in Zürich, everyone knows it.\n\n"
    "The mayor — naïvely — blamed tourists 🏖️ for the rise.\n\n"
    "Officials said nothing."
)


def make_article(url: str = "https://news.example/cafe") -> Article:
    return build_article(
        MARKDOWN,
        title="Café prices 😀",
        author="",
        publication="",
        published="",
        article_id=7,
        url=url,
        imported_at="2024-03-02T10:00:00Z",
    )


def flag(article: Article, quote: str, kind: Kind = Kind.OPINION, **fields: Any) -> Annotation:
    return flag_quote(article, quote, kind, **fields)


def sample_flags(article: Article) -> list[Annotation]:
    return [
        flag(
            article,
            "Prices rose by 40 % in Zürich",
            Kind.UNSOURCED_CLAIM,
            note="Which index?\n\n- the city's own CPI?\n- *Swiss* statistics? 📊",
            tags=["économie", "numbers"],
            source="https://stats.example/zurich?q=1&x=2",
            author="Frau Müller",
            layer="key",
            created="2024-03-02T10:00:00Z",
            updated="2024-03-03T11:30:00Z",
        ),
        flag(
            article,
            "naïvely — blamed tourists 🏖️",
            note="Loaded word: *naïvely*.",
            source="Interview, Radio Zürich, 4 March 2024",
            status=Status.SUGGESTED,
            layer="suggestions",
            score=0.8,
            reasons=["loaded adverb", "emoji 🏖️ in text"],
        ),
        flag(
            article,
            "everyone knows it.\n\nThe mayor",
            Kind.CONTEXT_NOTE,
            status=Status.ORPHANED,
        ),
        flag(article, "Officials said nothing.", Kind.CONTEXT_NOTE, status=Status.DISMISSED),
    ]


def same_fields(annotation: Annotation) -> tuple[Any, ...]:
    a = annotation
    return (
        a.kind,
        a.anchor,
        a.note,
        a.tags,
        a.source,
        a.status,
        a.layer,
        a.author,
        a.uuid,
        a.created,
        a.updated,
        a.score,
        a.reasons,
    )


def write(tmp_path: Path, content: str | bytes, name: str = "flags.json") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def collection(article: Article | None = None) -> dict[str, Any]:
    article = article or make_article()
    return to_w3c(article, sample_flags(article))


def first_item(doc: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = doc["first"]["items"][0]
    return item


def refused(data: object) -> str:
    with pytest.raises(ReaderError) as info:
        parse_w3c(data)
    message = str(info.value)
    assert "\n" not in message
    return message


# --- round trip -----------------------------------------------------------------------------


def test_round_trip_through_a_file_keeps_every_field(tmp_path: Path) -> None:
    article = make_article()
    annotations = sample_flags(article)
    path = write(tmp_path, dumps_w3c(article, annotations))
    parsed = read_flag_file(path)
    expected = sorted(annotations, key=lambda a: (a.anchor.start, a.uuid))
    assert len(parsed) == len(expected)
    for got, want in zip(parsed, expected, strict=True):
        assert (
            got.kind,
            got.anchor,
            got.note,
            got.tags,
            got.source,
            got.status,
            got.layer,
            got.author,
            got.uuid,
            got.created,
            got.updated,
            got.score,
            got.reasons,
        ) == same_fields(want)
        assert got.target_source == "https://news.example/cafe"
        assert article.text[got.anchor.start : got.anchor.end] == got.anchor.exact


def test_round_trip_with_text_hash_target_and_articles_listed(tmp_path: Path) -> None:
    article = make_article(url="")
    path = write(tmp_path, dumps_w3c(article, sample_flags(article)))
    flag_file = load_flag_file(path)
    assert flag_file.articles == [FlagFileArticle("urn:sha256:" + article.sha256, "Café prices 😀")]
    assert {f.target_source for f in flag_file.flags} == {"urn:sha256:" + article.sha256}


def test_export_of_parsed_flags_is_identical() -> None:
    article = make_article()
    doc = to_w3c(article, sample_flags(article))
    again = [
        Annotation(
            article_id=article.id,
            kind=f.kind,
            anchor=f.anchor,
            layer=f.layer,
            note=f.note,
            tags=f.tags,
            source=f.source,
            status=f.status,
            score=f.score,
            reasons=f.reasons,
            author=f.author,
            uuid=f.uuid,
            created=f.created,
            updated=f.updated,
        )
        for f in parse_w3c(doc)
    ]
    assert to_w3c(article, again) == doc


# --- other accepted shapes -------------------------------------------------------------------


def test_single_annotation_accepted() -> None:
    item = dict(first_item(collection()), **{"@context": "http://www.w3.org/ns/anno.jsonld"})
    [parsed] = parse_w3c(item)
    assert parsed.anchor.exact == "Prices rose by 40 % in Zürich"


def test_plain_list_of_annotations_accepted() -> None:
    items = collection()["first"]["items"]
    assert [f.uuid for f in parse_w3c(items)] == [item["id"][len("urn:uuid:") :] for item in items]
    assert parse_flag_document(items).articles == [FlagFileArticle("https://news.example/cafe", "")]


def test_minimal_foreign_annotation_gets_defaults() -> None:
    item = {
        "id": "http://other.example/anno/1",
        "type": "Annotation",
        "body": {"type": "TextualBody", "purpose": "classifying", "value": "unsourced"},
        "target": {
            "source": "https://news.example/cafe",
            "selector": [
                {"type": "RangeSelector", "startSelector": {}},
                {"type": "TextQuoteSelector", "exact": "Officials"},
                {"type": "TextPositionSelector", "start": 5, "end": 14},
            ],
        },
    }
    [parsed] = parse_w3c(item)
    assert parsed.kind is Kind.UNSOURCED_CLAIM
    assert parsed.layer == "imported"
    assert parsed.status is Status.ACTIVE
    assert parsed.anchor == Anchor(5, 14, "Officials", "", "")
    assert parsed.created.endswith("Z") and parsed.updated == parsed.created
    assert parsed.uuid == parse_w3c(item)[0].uuid  # stable across imports


def test_empty_collection_gives_no_flags() -> None:
    assert parse_w3c(to_w3c(make_article(), [])) == []


# --- hostile files: reading ------------------------------------------------------------------


def test_sparse_100_mb_file_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as stream:
        stream.truncate(100 * 1024 * 1024)
    began = time.perf_counter()
    with pytest.raises(
        ReaderError, match=r"huge\.json is 100\.0 MiB; flag files are limited to 20 MiB"
    ):
        read_flag_file(path)
    assert time.perf_counter() - began < 0.5


def test_file_one_byte_over_the_limit_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as stream:
        stream.truncate(MAX_FLAG_FILE_BYTES + 1)
    with pytest.raises(ReaderError, match="limited to 20 MiB"):
        read_flag_file(path)


def test_not_json_names_line_and_column(tmp_path: Path) -> None:
    path = write(tmp_path, '{\n  "type": "AnnotationCollection",\n  oops\n}')
    with pytest.raises(ReaderError) as info:
        read_flag_file(path)
    assert str(info.value) == f"{path} is not valid JSON (line 3 column 3)"


def test_empty_file(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="is empty"):
        read_flag_file(write(tmp_path, b"  \n"))


def test_invalid_utf8(tmp_path: Path) -> None:
    content = b'{"type": "Annotation", "label": "caf\xe9"}'
    with pytest.raises(ReaderError, match=r"is not UTF-8 text \(bad byte at offset 36\)"):
        read_flag_file(write(tmp_path, content))


def test_byte_order_mark_accepted(tmp_path: Path) -> None:
    article = make_article()
    path = write(tmp_path, b"\xef\xbb\xbf" + dumps_w3c(article, sample_flags(article)).encode())
    assert len(read_flag_file(path)) == 4


def test_deep_nesting_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = write(tmp_path, "[" * 200_000 + "]" * 200_000)
    with pytest.raises(ReaderError, match="nested too deeply"):
        read_flag_file(path)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="does not exist"):
        read_flag_file(tmp_path / "nope.json")
    with pytest.raises(ReaderError, match="is not a regular file"):
        read_flag_file(tmp_path)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"a": NaN}', "NaN is not a number"),
        ('{"a": 1' + "0" * 5000 + "}", "too long"),
        ('{"type": "Annotation", "type": "Annotation"}', "the key 'type' appears twice"),
    ],
)
def test_unacceptable_json(tmp_path: Path, content: str, expected: str) -> None:
    with pytest.raises(ReaderError, match=expected):
        read_flag_file(write(tmp_path, content))


def test_validation_errors_name_the_file(tmp_path: Path) -> None:
    doc = collection()
    doc["first"]["items"][2]["target"]["selector"][0]["start"] = "12"
    path = write(tmp_path, json.dumps(doc))
    with pytest.raises(ReaderError) as info:
        read_flag_file(path)
    assert str(info.value) == f"{path}: item 3: target: 'start' must be an integer"


# --- hostile files: validation ---------------------------------------------------------------


@pytest.mark.parametrize("data", [None, 42, "text", {"type": "Something"}, {"label": "x"}])
def test_wrong_top_level(data: object) -> None:
    message = refused(data)
    assert "AnnotationCollection" in message or "'type' is missing" in message


def mutated(change: str) -> dict[str, Any]:
    """The sample collection with one thing broken in its first item."""
    doc = copy.deepcopy(collection())
    item = first_item(doc)
    position, quote = item["target"]["selector"]
    if change == "start negative":
        position["start"] = -1
    elif change == "start bool":
        position["start"] = True
    elif change == "start float":
        position["start"] = 1.5
    elif change == "end before start":
        position["end"] = position["start"] - 1
    elif change == "end huge":
        position["end"] = 10**15
    elif change == "exact not string":
        quote["exact"] = ["Prices"]
    elif change == "exact empty":
        quote["exact"] = ""
        position["end"] = position["start"]
    elif change == "exact wrong length":
        quote["exact"] = "Prices"
    elif change == "no quote selector":
        item["target"]["selector"] = [position]
    elif change == "two position selectors":
        item["target"]["selector"] = [position, position, quote]
    elif change == "unknown kind":
        item["body"][0]["value"] = "rumour"
    elif change == "kind not string":
        item["body"][0]["value"] = 3
    elif change == "no kind":
        del item["body"][0]
    elif change == "two kinds":
        item["body"].append(item["body"][0])
    elif change == "unknown purpose":
        item["body"][1]["purpose"] = "describing"
    elif change == "body not object":
        item["body"][2] = "économie"
    elif change == "tag with newline":
        item["body"][2]["value"] = "a\nb"
    elif change == "tag twice":
        item["body"][3]["value"] = item["body"][2]["value"]
    elif change == "no body":
        del item["body"]
    elif change == "no target":
        del item["target"]
    elif change == "bare target":
        item["target"] = "https://news.example/cafe"
    elif change == "target source number":
        item["target"]["source"] = 5
    elif change == "bad uuid":
        item["id"] = "urn:uuid:not-a-uuid"
    elif change == "no id":
        del item["id"]
    elif change == "bad time":
        item["created"] = "yesterday"
    elif change == "status unknown":
        item["reader:status"] = "deleted"
    elif change == "layer list":
        item["reader:layer"] = ["key"]
    elif change == "score string":
        item["reader:score"] = "high"
    elif change == "reasons string":
        item["reader:reasons"] = "because"
    elif change == "creator number":
        item["creator"] = 12
    elif change == "note lone surrogate":
        item["body"][1]["value"] = "bad \ud800 text"
    elif change == "note NUL":
        item["body"][1]["value"] = "bad \x00 text"
    elif change == "not an annotation":
        item["type"] = "Note"
    elif change == "duplicate uuid":
        doc["first"]["items"][1]["id"] = item["id"]
    elif change == "total wrong":
        doc["total"] = 9
    elif change == "page linked":
        doc["first"] = "https://elsewhere.example/page1"
    elif change == "second page":
        doc["first"]["next"] = {"type": "AnnotationPage", "items": []}
    elif change == "items not list":
        doc["first"]["items"] = {"0": item}
    elif change == "foreign context":
        doc["@context"] = "https://schema.org/"
    else:
        raise AssertionError(change)
    return doc


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("start negative", "item 1: target: 'start' must not be negative"),
        ("start bool", "item 1: target: 'start' must be an integer"),
        ("start float", "item 1: target: 'start' must be an integer"),
        ("end before start", "item 1: target: 'end' (29) is before 'start' (30)"),
        ("end huge", "item 1: target: 'end' is beyond any article (1000000000000000)"),
        ("exact not string", "item 1: target: 'exact' must be a string"),
        ("exact empty", "item 1: target: 'exact' is empty"),
        ("exact wrong length", "item 1: target: 'exact' has 6 characters but end - start is 29"),
        ("no quote selector", "item 1: target: a TextQuoteSelector is needed"),
        ("two position selectors", "item 1: target: selector 2: a second TextPositionSelector"),
        ("unknown kind", "item 1: body 1: unknown kind 'rumour'"),
        ("kind not string", "item 1: body 1: 'value' must be a string"),
        ("no kind", "item 1: no body with purpose 'classifying' gives the kind"),
        ("two kinds", "item 1: body 6: a second classifying body"),
        ("unknown purpose", "item 1: body 2: unsupported purpose 'describing'"),
        ("body not object", "item 1: body 3: a body must be an object"),
        ("tag with newline", "item 1: body 3: 'value' contains a line break"),
        ("tag twice", "item 1: body 4: the tag 'économie' appears twice"),
        ("no body", "item 1: 'body' is missing"),
        ("no target", "item 1: 'target' is missing"),
        ("bare target", "item 1: the target has no selectors"),
        ("target source number", "item 1: target: 'source' must be a string"),
        ("bad uuid", "item 1: 'id' 'urn:uuid:not-a-uuid' is not a valid urn:uuid"),
        ("no id", "item 1: 'id' is missing"),
        ("bad time", "item 1: 'created' is not an ISO 8601 date-time: 'yesterday'"),
        ("status unknown", "item 1: unknown status 'deleted'"),
        ("layer list", "item 1: 'reader:layer' must be a string"),
        ("score string", "item 1: 'reader:score' must be a number"),
        ("reasons string", "item 1: 'reader:reasons' must be a list of strings"),
        ("creator number", "item 1: 'creator' must be a string"),
        ("note lone surrogate", "item 1: body 2: 'value' contains an unpaired surrogate"),
        ("note NUL", "item 1: body 2: 'value' contains a NUL character"),
        ("not an annotation", "item 1: 'type' must be Annotation"),
        ("duplicate uuid", "item 2: id urn:uuid:"),
        ("total wrong", "the collection: 'total' is 9 but the page holds 4 items"),
        ("page linked", "the collection: its first page is only linked"),
        ("second page", "the collection has more than one page"),
        ("items not list", "the first page: 'items' must be a list"),
        (
            "foreign context",
            "the collection: '@context' does not include http://www.w3.org/ns/anno.jsonld",
        ),
    ],
)
def test_bad_field_refused_with_its_place(change: str, expected: str) -> None:
    message = refused(mutated(change))
    assert message.startswith(expected), message


def test_duplicate_uuid_names_both_items() -> None:
    assert refused(mutated("duplicate uuid")).endswith("is also used by item 1")


def test_huge_hostile_values_are_cut_short_in_messages() -> None:
    doc = collection()
    first_item(doc)["reader:status"] = "x" * 1_000_000
    message = refused(doc)
    assert message.startswith("item 1: unknown status 'xxxx")
    assert len(message) < 200
    doc = collection()
    first_item(doc)["body"][0]["value"] = "opinion\n" * 100_000
    assert refused(doc) == "item 1: body 1: 'value' is longer than 200 characters"


def test_a_flag_with_tens_of_thousands_of_tags_is_read_in_one_pass() -> None:
    # Checking each tag against a list of the ones before it was quadratic: a flag file
    # within the size limit could stall an import for minutes.
    item = copy.deepcopy(first_item(collection()))
    classifying = [body for body in item["body"] if body["purpose"] == "classifying"]
    tags = [f"tag {number}" for number in range(60_000)]
    item["body"] = classifying + [
        {"type": "TextualBody", "purpose": "tagging", "value": tag} for tag in tags
    ]
    [parsed] = parse_w3c(item)
    assert parsed.tags == tags
    item["body"].append({"type": "TextualBody", "purpose": "tagging", "value": "tag 7"})
    with pytest.raises(ReaderError, match="the tag 'tag 7' appears twice"):
        parse_w3c(item)


def test_refusals_keep_the_flag_file_wording(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    with pytest.raises(ReaderError) as caught:
        read_flag_file(missing)
    assert str(caught.value) == f"{missing} does not exist"
    with pytest.raises(ReaderError) as caught:
        read_flag_file(tmp_path)  # a folder is refused like any other non-file
    assert str(caught.value) == f"{tmp_path} is not a regular file"
