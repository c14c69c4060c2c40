"""A text's features for comparing: they match as the text does, and read back from the
library as written, or not at all when the row is damaged or hostile."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.compare.features import (
    from_json,
    make_features,
    match_features,
    numbers_text,
    only_in_features,
    to_json,
)
from reader.compare.figures import only_in
from reader.compare.matching import match_sentences
from tests.compare.articles import FLOOD_A, FLOOD_B, PROTEST_A, PROTEST_B

HEADER = "Floods force 2,000 from homes\n\n"
TEXT = HEADER + FLOOD_A


def test_features_match_and_list_as_the_texts_do() -> None:
    for a, b in ((FLOOD_A, FLOOD_B), (PROTEST_A, PROTEST_B), (FLOOD_A, PROTEST_B)):
        features_a, features_b = make_features(a), make_features(b)

        assert match_features(features_a, features_b) == match_sentences(a, b)
        assert only_in_features(features_a, a, features_b, b) == only_in(a, b)
        assert match_features(features_a, features_b).pairs or a is FLOOD_A and b is PROTEST_B


def test_features_read_back_as_written() -> None:
    features = make_features(TEXT, len(HEADER))

    again = from_json(TEXT, to_json(features))

    assert again == features
    assert features.figures and features.sources and features.sentences
    assert all(s.text == TEXT[s.start : s.end] for s in features.sentences)
    assert features.sentences[0].start >= len(HEADER)


# the lists of numbers ``to_json`` writes as bytes
NUMBERS = ("sentence_index", "sentence_start", "sentence_end", "word_ids", "counts", "offsets")


def _written() -> dict[str, object]:
    """Real features as kept, their numbers and words read back as lists (to damage)."""
    found = json.loads(to_json(make_features(TEXT, len(HEADER))))
    assert isinstance(found, dict)
    for key in NUMBERS:
        written = base64.b64decode(found[key])
        found[key] = [
            int.from_bytes(written[i : i + 4], "little") for i in range(0, len(written), 4)
        ]
    found["vocabulary"] = found["vocabulary"].split(" ")
    return found


def _kept(row: object) -> str:
    """A row of ``_written`` as ``to_json`` writes it: its lists of numbers (when they fit
    in 32 bits) as bytes, its list of words as one text."""
    if isinstance(row, dict):
        row = dict(row)
        for key in NUMBERS:
            numbers = row.get(key)
            if isinstance(numbers, list) and all(
                type(n) is int and 0 <= n < 2**32 for n in numbers
            ):
                row[key] = numbers_text(numbers)
        words = row.get("vocabulary")
        if isinstance(words, list) and all(type(word) is str for word in words):
            row["vocabulary"] = " ".join(words)
    return json.dumps(row)


def _set(key: str, value: object) -> Callable[[dict[str, object]], object]:
    def change(row: dict[str, object]) -> object:
        row[key] = value
        return row

    return change


def _first_item(key: str, value: object) -> Callable[[dict[str, object]], object]:
    def change(row: dict[str, object]) -> object:
        items = row[key]
        assert isinstance(items, list)
        items[0] = value
        return row

    return change


DAMAGED: dict[str, Callable[[dict[str, object]], object]] = {
    "a list, not an object": lambda row: list(row),
    "a key missing": lambda row: {k: v for k, v in row.items() if k != "offsets"},
    "a start past the text": _set("start", len(TEXT) + 1),
    "a negative start": _set("start", -1),
    "a start that is true": _set("start", True),
    "a word unknown": _first_item("word_ids", 10**6),
    "words written as a list": _set("word_ids", ["3"]),
    "numbers that are no base64": _set("counts", "not base64!"),
    "numbers cut short": _set("offsets", base64.b64encode(b"abc").decode()),
    "a number past the text": _first_item("sentence_start", 2**32 - 1),
    "a count of zero": _first_item("counts", 0),
    "words that are no text": _set("vocabulary", 7),
    "an empty word": _first_item("vocabulary", ""),
    "offsets out of order": lambda row: {**row, "offsets": list(reversed(row["offsets"]))},  # type: ignore[call-overload]
    "fewer offsets than sentences": lambda row: {**row, "offsets": row["offsets"][:-1]},  # type: ignore[index]
    "a sentence past the text": _first_item("sentence_end", len(TEXT) + 5),
    "a sentence ending before it starts": _first_item("sentence_end", 0),
    "a sentence without its end": lambda row: {**row, "sentence_end": row["sentence_end"][1:]},  # type: ignore[index]
    "a figure of text": _first_item("figures", ["many", False, 0, 3]),
    "a figure not in percent or not": _first_item("figures", [5.0, "no", 0, 3]),
    "a source without a name": _first_item("sources", ["", 0, 3]),
    "a source past the text": _first_item("sources", ["Met Office", 0, 10**9]),
    "sources that are no list": _set("sources", {"Met Office": 1}),
}


@pytest.mark.parametrize("damage", DAMAGED.values(), ids=DAMAGED.keys())
def test_damaged_features_do_not_read(damage: Callable[[dict[str, object]], object]) -> None:
    assert from_json(TEXT, _kept(_written())) is not None  # the row before the damage

    assert from_json(TEXT, _kept(damage(_written()))) is None


@pytest.mark.parametrize(
    "kept",
    ["", "not JSON", "null", "[" * 100_000, '{"start": 1e999}', json.dumps({"start": 0})],
)
def test_rows_that_are_no_features_do_not_read(kept: str) -> None:
    assert from_json(TEXT, kept) is None


def test_features_of_a_longer_text_do_not_read_for_a_shorter_one() -> None:
    kept = to_json(make_features(TEXT, len(HEADER)))

    assert from_json(TEXT[:100], kept) is None


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(row=JSON, key=st.sampled_from(sorted(_written())))
def test_no_kept_row_makes_reading_fail(row: object, key: str) -> None:
    """Any JSON, alone or in place of one field of real features, reads or is None."""
    whole = _written()
    whole[key] = row
    for kept in (json.dumps(row), _kept(whole)):
        found = from_json(TEXT, kept)
        assert found is None or found.start <= len(TEXT)
