"""The CSV export: fixed columns, one row per flag, safe in a spreadsheet."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from reader.core.models import Annotation, Article, Kind, Status
from reader.exporters.csv_export import CSV_COLUMNS, to_csv
from tests.conftest import build_article, flag_quote

# the second flag's 32 characters of prefix start with the "=" (the title and a
# separator before the first paragraph)
TEXT_MARKDOWN = '=SUM(A1) is what we all typed.\n\nPrices, "officially", rose 😀 in Köln.'


def make_article() -> Article:
    return build_article(
        TEXT_MARKDOWN,
        title="Prices",
        author="",
        publication="",
        url="",
        published="",
        article_id=4,
        imported_at="2024-03-02T10:00:00Z",
    )


def flag(article: Article, quote: str, **fields: Any) -> Annotation:
    return flag_quote(article, quote, Kind.UNSOURCED_CLAIM, **fields)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_header_is_the_documented_columns() -> None:
    text = to_csv(make_article(), [])
    assert text == ",".join(CSV_COLUMNS) + "\n"
    assert CSV_COLUMNS == (
        "uuid",
        "kind",
        "status",
        "layer",
        "start",
        "end",
        "exact",
        "prefix",
        "suffix",
        "note",
        "tags",
        "source",
        "author",
        "created",
        "updated",
    )


def test_one_row_per_flag_in_text_order_with_every_field() -> None:
    article = make_article()
    later = flag(
        article,
        'Prices, "officially", rose 😀 in Köln.',
        note="Line one\nline two, with a comma",
        tags=["prices", "Köln"],
        source="Statistik NRW, table 3",
        author="Jo",
        layer="key",
        status=Status.SUGGESTED,
        created="2024-03-02T10:00:00Z",
        updated="2024-03-04T09:00:00Z",
    )
    earlier = flag(article, "what we all typed")
    parsed = rows(to_csv(article, [later, earlier]))
    assert [r["uuid"] for r in parsed] == [earlier.uuid, later.uuid]
    row = parsed[1]
    assert row == {
        "uuid": later.uuid,
        "kind": "unsourced_claim",
        "status": "suggested",
        "layer": "key",
        "start": str(later.anchor.start),
        "end": str(later.anchor.end),
        "exact": 'Prices, "officially", rose 😀 in Köln.',
        "prefix": "'" + later.anchor.prefix,  # it starts with "="
        "suffix": "",
        "note": "Line one\nline two, with a comma",
        "tags": "prices; Köln",
        "source": "Statistik NRW, table 3",
        "author": "Jo",
        "created": "2024-03-02T10:00:00Z",
        "updated": "2024-03-04T09:00:00Z",
    }
    assert int(row["end"]) - int(row["start"]) == len(row["exact"])


def test_formula_cells_are_neutralised() -> None:
    article = make_article()
    dangerous = flag(
        article,
        "=SUM(A1)",
        note="+1 agree",
        tags=["-minus"],
        source="@cmd|' /C calc'!A0",
        author="\tTab",
    )
    [row] = rows(to_csv(article, [dangerous]))
    assert row["exact"] == "'=SUM(A1)"
    assert row["note"] == "'+1 agree"
    assert row["tags"] == "'-minus"
    assert row["source"] == "'@cmd|' /C calc'!A0"
    assert row["author"] == "'\tTab"
    assert row["suffix"] == dangerous.anchor.suffix  # harmless cells untouched
    assert row["start"] == "8"  # after the title, "Prices"


def test_carriage_returns_cannot_split_a_row() -> None:
    article = make_article()
    text = to_csv(article, [flag(article, "what we all typed", note="a\rb\r\nc")])
    [row] = rows(text)
    assert row["note"] == "a\nb\nc"
    assert "\r" not in text


HIDDEN_FORMULAS = [
    " =1+1",
    "\u3000=1+1",
    "\u200b=1+1",
    "\ufeff=1+1",
    "\n=1+1",
    "\v=1+1",
    "\f=1+1",
    "\r=1+1",
    "\t=1+1",
    "＝1+1",
    "＋1",
    "－1",
    "＠SUM(A1)",
    " \u200b\u3000＋1",
    "\n",
    "\v",
]


@pytest.mark.parametrize("note", HIDDEN_FORMULAS)
def test_formulas_behind_blank_or_full_width_characters_are_neutralised(note: str) -> None:
    article = make_article()
    [row] = rows(to_csv(article, [flag(article, "what we all typed", note=note)]))
    assert row["note"] == "'" + note.replace("\r", "\n")


@pytest.mark.parametrize("note", [" a plain note", "\u3000note", "a = b", "x-1", "'quoted"])
def test_ordinary_cells_stay_as_written(note: str) -> None:
    article = make_article()
    [row] = rows(to_csv(article, [flag(article, "what we all typed", note=note)]))
    assert row["note"] == note
