import pytest

from reader.core.models import Kind, ReaderError


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
