"""Flags in the file: their rows, tags and layers, and the checks on every write."""

from pathlib import Path

import pytest

from reader.anchoring.selectors import anchor_for_quote
from reader.core.models import Annotation, Kind, ReaderError
from reader.storage.library import Library
from tests.storage.sample import flag, meta


def test_flags_round_trip_through_the_file(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    article = library.import_article(meta()).article
    saved = flag(
        library,
        article.id,
        "40 million dollars",
        note="Who counted?",
        tags=["money", "x"],
        source="budget report",
    )
    library.close()
    reopened = Library.open(tmp_path / "lib.sqlite")
    [loaded] = reopened.annotations(article.id)
    assert loaded == saved
    assert reopened.tags() == ["money", "x"]


def test_flag_whose_quote_does_not_match_is_refused(library: Library) -> None:
    article = library.import_article(meta()).article
    bad = Annotation(
        article_id=article.id,
        kind=Kind.OPINION,
        anchor=anchor_for_quote(article.text, "Residents"),
    )
    bad.anchor = type(bad.anchor)(0, 9, "Not there")
    with pytest.raises(ReaderError, match="does not match"):
        library.add_annotation(bad)
    assert library.annotations(article.id) == []


def test_add_many_is_all_or_nothing(library: Library) -> None:
    article = library.import_article(meta()).article
    text = article.text
    good = Annotation(
        article_id=article.id, kind=Kind.OPINION, anchor=anchor_for_quote(text, "Residents")
    )
    duplicate = Annotation(
        article_id=article.id,
        kind=Kind.OPINION,
        anchor=anchor_for_quote(text, "cheered"),
        uuid=good.uuid,
    )
    with pytest.raises(ReaderError, match="already exists"):
        library.add_annotations([good, duplicate])
    assert library.annotations(article.id) == []


def test_layers_are_created_and_hidden(library: Library) -> None:
    article = library.import_article(meta()).article
    flag(library, article.id, "Residents", layer="key")
    flag(library, article.id, "cheered", layer="Ada")
    library.set_layer_hidden(article.id, "key", True)
    layers = {layer.name: layer for layer in library.layers(article.id)}
    assert layers["key"].hidden and layers["key"].kind.value == "key"
    assert layers["Ada"].kind.value == "submission" and layers["Ada"].student == "Ada"
    assert [a.exact for a in [x.anchor for x in library.annotations(article.id, "key")]] == [
        "Residents"
    ]
