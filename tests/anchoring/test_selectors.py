import pytest

from reader.anchoring.canonical import canonical_text
from reader.anchoring.selectors import anchor_for_quote
from reader.core.models import ReaderError


def test_ambiguous_quote_says_how_many() -> None:
    with pytest.raises(ReaderError, match="occurs 2 times"):
        anchor_for_quote("yes and yes", "yes")


def test_occurrence_picks_one() -> None:
    assert anchor_for_quote("yes and yes", "yes", occurrence=2).start == 8


def test_missing_quote_and_bad_occurrence() -> None:
    with pytest.raises(ReaderError, match="not found"):
        anchor_for_quote("abc", "zzz")
    with pytest.raises(ReaderError, match="between 1 and 1"):
        anchor_for_quote("abc", "b", occurrence=3)


def test_canonical_text_joins_blocks_with_a_blank_line() -> None:
    markdown = "# Head\n\nOne *two*\nthree  \nfour\n\n- item\n\n> quote &amp; more\n\n![alt](x.png)"
    assert canonical_text(markdown) == "Head\n\nOne two three\nfour\n\nitem\n\nquote & more\n\nalt"
