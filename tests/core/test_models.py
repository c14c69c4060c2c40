from enum import StrEnum

import pytest

from reader.core.models import Kind, ReaderError, parse_member
from reader.detectors.results import SuggestionKind


@pytest.mark.parametrize(
    ("given", "kind"),
    [
        ("unsourced", Kind.UNSOURCED_CLAIM),
        ("unsourced_claim", Kind.UNSOURCED_CLAIM),
        ("Opinion", Kind.OPINION),
        ("context", Kind.CONTEXT_NOTE),
        ("context-note", Kind.CONTEXT_NOTE),
    ],
)
def test_kind_accepts_short_forms(given: str, kind: Kind) -> None:
    assert Kind.parse(given) is kind


def test_unknown_kind_is_a_user_error() -> None:
    with pytest.raises(ReaderError, match="unknown kind 'rumour'"):
        Kind.parse("rumour")


class Colour(StrEnum):
    DARK_RED = "dark_red"
    BLUE = "blue"


def test_a_member_is_found_by_value_alias_any_case_and_dashes() -> None:
    aliases = {"red": Colour.DARK_RED}
    for given in ("dark_red", "Dark-Red", " RED "):
        assert parse_member(Colour, given, aliases, what="colour", choices="red or blue") is (
            Colour.DARK_RED
        )


def test_an_unknown_member_is_one_line_naming_the_choices() -> None:
    with pytest.raises(ReaderError) as caught:
        parse_member(Colour, "Green", {}, what="colour", choices="red or blue")
    assert str(caught.value) == "unknown colour 'Green' (use red or blue)"


def test_kind_and_suggestion_kind_keep_their_wording() -> None:
    with pytest.raises(ReaderError) as caught:
        Kind.parse("rumour")
    assert str(caught.value) == (
        "unknown kind 'rumour' (use one of: unsourced_claim, opinion, context_note)"
    )
    with pytest.raises(ReaderError) as caught:
        SuggestionKind.parse("rumour")
    assert str(caught.value) == (
        "unknown suggestion kind 'rumour' (use opinion, unsourced or sourced)"
    )
    assert SuggestionKind.parse("Sourced") is SuggestionKind.SOURCED_CLAIM
