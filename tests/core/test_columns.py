"""The one annotation→columns mapping, behind the CSV export and the CLI's JSON."""

from __future__ import annotations

from reader.core.columns import annotation_columns
from reader.core.models import Anchor, Annotation, Kind, Status
from reader.exporters.csv_export import CSV_COLUMNS


def test_every_field_a_user_sees_is_a_column() -> None:
    annotation = Annotation(
        article_id=3,
        kind=Kind.OPINION,
        anchor=Anchor(4, 9, "cheer", "we ", " on"),
        layer="key",
        note="a note",
        tags=["a", "b"],
        source="https://example.org",
        status=Status.ORPHANED,
        author="Ada",
        uuid="u-1",
        created="2024-01-01T00:00:00Z",
        updated="2024-01-02T00:00:00Z",
    )
    assert annotation_columns(annotation) == {
        "uuid": "u-1",
        "kind": "opinion",
        "start": 4,
        "end": 9,
        "exact": "cheer",
        "prefix": "we ",
        "suffix": " on",
        "note": "a note",
        "tags": ["a", "b"],
        "source": "https://example.org",
        "status": "orphaned",
        "layer": "key",
        "author": "Ada",
        "created": "2024-01-01T00:00:00Z",
        "updated": "2024-01-02T00:00:00Z",
    }


def test_the_csv_export_has_every_column_and_no_other() -> None:
    annotation = Annotation(article_id=1, kind=Kind.OPINION, anchor=Anchor(0, 1, "x"))
    assert sorted(annotation_columns(annotation)) == sorted(CSV_COLUMNS)
