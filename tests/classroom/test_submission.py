"""The submission file: round trip, who is who, hostile files refused in one line."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from reader.classroom.files import MAX_FLAGS
from reader.classroom.submission import (
    Arrival,
    arrival,
    display_names,
    read_submission,
    submission_bytes,
)
from reader.core.models import Kind, ReaderError, Status
from tests.classroom.conftest import lunch_article
from tests.conftest import flag_quote

ASSIGNMENT_ID = "0b5f3c1e-6a4d-4f4e-9a53-1c2d3e4f5a6b"
STUDENT_ID = "7d9e2a40-1111-4222-8333-944455566677"


def handed_in(**changes: Any) -> bytes:
    article = lunch_article()
    flags = [
        flag_quote(article, "the best in the country", Kind.OPINION, note="Says who? 😀"),
        flag_quote(article, "built in 1975", Kind.CONTEXT_NOTE, tags=["history"]),
        flag_quote(article, "The mayor", Kind.OPINION, status=Status.DISMISSED),
    ]
    options: dict[str, Any] = {
        "assignment_id": ASSIGNMENT_ID,
        "student_id": STUDENT_ID,
        "student_name": " Zoë Dupont ",
        "flags": flags,
        "handed_in": "2026-12-09T08:30:00Z",
    }
    options.update(changes)
    return submission_bytes(article, **options)


def test_round_trip() -> None:
    article = lunch_article()
    submission = read_submission(handed_in(), "zoe.reader-submission")
    assert submission.assignment_id == ASSIGNMENT_ID
    assert submission.student_id == STUDENT_ID
    assert submission.student_name == "Zoë Dupont"
    assert submission.handed_in == "2026-12-09T08:30:00Z"
    assert submission.text_sha256 == article.sha256
    flags = submission.flags(article.text)
    assert [(f.kind, f.anchor.exact) for f in flags] == [
        (Kind.OPINION, "the best in the country"),
        (Kind.CONTEXT_NOTE, "built in 1975"),
    ]  # a dismissed suggestion is not handed in
    assert flags[0].note == "Says who? 😀" and flags[1].tags == ["history"]
    annotations = submission.annotations(3, article.text)
    assert {a.layer for a in annotations} == {"submission"}
    assert {a.article_id for a in annotations} == {3}


def test_a_submission_on_an_edited_text_is_refused() -> None:
    submission = read_submission(handed_in(), "zoe.reader-submission")
    text = lunch_article().text.replace("1975", "1976")
    with pytest.raises(ReaderError, match="zoe.reader-submission was made on a different text"):
        submission.flags(text)


def test_writing_needs_a_name() -> None:
    with pytest.raises(ReaderError, match="a name is needed"):
        handed_in(student_name="  ")
    with pytest.raises(ReaderError, match="longer than 100"):
        handed_in(student_name="x" * 10_000)


def document(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(handed_in())
    data.update(changes)
    return data


def edit_flag(**selector: Any) -> Callable[[], dict[str, Any]]:
    def build() -> dict[str, Any]:
        data = document()
        position, quote = data["flags"]["first"]["items"][0]["target"]["selector"]
        position.update({k: v for k, v in selector.items() if k in ("start", "end")})
        quote.update({k: v for k, v in selector.items() if k == "exact"})
        return data

    return build


def many_flags() -> dict[str, Any]:
    data = document()
    items = data["flags"]["first"]["items"]
    data["flags"]["first"]["items"] = items * 2_600
    data["flags"]["total"] = len(items) * 2_600
    return data


def with_student(**student: Any) -> Callable[[], dict[str, Any]]:
    def build() -> dict[str, Any]:
        data = document()
        data["student"].update(student)
        return data

    return build


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (lambda: document(format="annotated-reader-assignment"), "is an assignment file"),
        (lambda: document(version=99), "file version 99; this app reads up to 1"),
        (lambda: document(text_sha256="abc"), "is not a SHA-256"),
        (lambda: document(handed_in="2026-12-09T08:30:00"), "has no time zone"),
        (lambda: document(student="Zoë"), "'student' must be an object"),
        (with_student(name=""), "'name' is empty"),
        (with_student(name="x" * 10_000), "longer than 100 characters"),
        (with_student(name=None), "'name' is missing"),
        (with_student(id="Zoë"), "is not an id"),
        (many_flags, f"at most {MAX_FLAGS:,} are accepted"),
        (edit_flag(start=9_000, end=9_023), "past the article's end"),
        (edit_flag(exact="the BEST in the country"), "which is not the article's text"),
        (edit_flag(start=-1), "must not be negative"),
    ],
)
def test_hostile_submissions_are_refused_with_one_line(
    build: Callable[[], dict[str, Any]], expected: str
) -> None:
    raw = json.dumps(build()).encode("utf-8")
    with pytest.raises(ReaderError) as caught:
        read_submission(raw, "s.reader-submission").flags(lunch_article().text)
    message = str(caught.value)
    assert expected in message
    assert message.startswith("s.reader-submission") and "\n" not in message


def test_a_newer_hand_in_replaces_an_older_one_is_refused() -> None:
    assert arrival("2026-12-09T08:30:00Z", None) is Arrival.NEW
    assert arrival("2026-12-09T09:00:00Z", "2026-12-09T08:30:00Z") is Arrival.REPLACES
    assert arrival("2026-12-09T08:00:00Z", "2026-12-09T08:30:00Z") is Arrival.NOT_NEWER
    assert arrival("2026-12-09T08:30:00Z", "2026-12-09T08:30:00Z") is Arrival.NOT_NEWER
    # times from different zones compare as moments
    assert arrival("2026-12-09T10:00:00+02:00", "2026-12-09T07:30:00Z") is Arrival.REPLACES


def test_two_students_with_one_name_are_told_apart() -> None:
    names = display_names(
        [("aaaa1111-0000", "Sam Lee"), ("bbbb2222-0000", "sam lee"), ("cccc3333", "Ana")]
    )
    assert names == {
        "aaaa1111-0000": "Sam Lee (aaaa)",
        "bbbb2222-0000": "sam lee (bbbb)",
        "cccc3333": "Ana",
    }
    close = display_names([("abcd1234", "Jo"), ("abcd5678", "Jo")])
    assert close == {"abcd1234": "Jo (abcd1)", "abcd5678": "Jo (abcd5)"}
