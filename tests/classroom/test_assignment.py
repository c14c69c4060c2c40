"""The assignment file: round trip, the key never in it, hostile files refused in one line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reader.classroom.assignment import load_assignment, new_assignment, read_assignment
from reader.classroom.files import MAX_FILE_BYTES, MAX_FLAGS
from reader.core.models import Kind, ReaderError
from tests.classroom.conftest import ARTICLE_MARKDOWN, key_flags, lunch_article
from tests.conftest import flag_quote


def assignment_document(**changes: Any) -> dict[str, Any]:
    _, raw = new_assignment(lunch_article(), title="Lunch money", instructions="Find *two*.")
    document: dict[str, Any] = json.loads(raw)
    document.update(changes)
    return document


def as_bytes(document: object) -> bytes:
    return json.dumps(document).encode("utf-8")


def test_round_trip_keeps_every_field() -> None:
    article = lunch_article()
    hint = flag_quote(article, "The mayor said", Kind.CONTEXT_NOTE, note="who is the mayor?")
    assignment, raw = new_assignment(
        article,
        title="  Lunch money ",
        instructions="Find **two** unsourced claims.",
        kinds=[Kind.UNSOURCED_CLAIM, Kind.OPINION],
        due="2026-12-10",
        class_name="9B",
        hints=[hint],
    )
    again = read_assignment(raw, "a.reader-assignment")
    assert again == assignment
    assert again.title == "Lunch money"
    assert again.kinds == (Kind.UNSOURCED_CLAIM, Kind.OPINION)
    assert again.due == "2026-12-10" and again.class_name == "9B"
    assert again.article.markdown == ARTICLE_MARKDOWN
    assert again.article.url == "https://news.example/lunch"
    assert again.text == article.text and again.text_sha256 == article.sha256
    [read_hint] = again.hints
    assert read_hint.anchor == hint.anchor and read_hint.note == "who is the mayor?"
    assert read_hint.uuid != hint.uuid  # a hint is a new flag, not the teacher's
    assert again.hint_annotations(7)[0].layer == "hint"


def test_each_assignment_gets_a_new_random_id() -> None:
    first, _ = new_assignment(lunch_article(), title="A")
    second, _ = new_assignment(lunch_article(), title="A")
    assert first.assignment_id != second.assignment_id


def test_no_byte_of_the_key_is_in_the_assignment() -> None:
    article = lunch_article()
    key = key_flags(article)
    _, raw = new_assignment(article, title="Lunch money", instructions="Flag what you see.")
    text = raw.decode("utf-8")
    for flag in key:
        assert flag.uuid not in text
        assert flag.note not in text
        for tag in flag.tags:
            assert tag not in text
        # the quote is in the file only as often as the article itself holds it
        in_article = json.dumps(article.markdown, ensure_ascii=False).count(flag.anchor.exact)
        assert text.count(flag.anchor.exact) == in_article
    assert "KEYNOTE" not in text and "TextQuoteSelector" not in text


def test_load_from_a_file(tmp_path: Path) -> None:
    assignment, raw = new_assignment(lunch_article(), title="Lunch money")
    path = tmp_path / "lunch.reader-assignment"
    path.write_bytes(raw)
    assert load_assignment(path) == assignment


def refused(raw: bytes) -> str:
    with pytest.raises(ReaderError) as caught:
        read_assignment(raw, "x.reader-assignment")
    message = str(caught.value)
    assert "\n" not in message and message.startswith("x.reader-assignment")
    return message


def edited_article(**changes: Any) -> Callable[[], bytes]:
    def build() -> bytes:
        document = assignment_document()
        document["article"].update(changes)
        return as_bytes(document)

    return build


def too_many_hints() -> bytes:
    document = assignment_document()
    article = lunch_article()
    _, with_hint = new_assignment(
        article, title="t", hints=[flag_quote(article, "The mayor", Kind.OPINION)]
    )
    hints = json.loads(with_hint)["hints"]
    hints["first"]["items"] = hints["first"]["items"] * (MAX_FLAGS + 1)
    hints["total"] = MAX_FLAGS + 1
    document["hints"] = hints
    return as_bytes(document)


def moved_hint(start: int, end: int, exact: str) -> Callable[[], bytes]:
    def build() -> bytes:
        article = lunch_article()
        _, raw = new_assignment(
            article, title="t", hints=[flag_quote(article, "The mayor", Kind.OPINION)]
        )
        document = json.loads(raw)
        position, quote = document["hints"]["first"]["items"][0]["target"]["selector"]
        position.update(start=start, end=end)
        quote["exact"] = exact
        return as_bytes(document)

    return build


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (lambda: b"", "is empty, not an assignment file"),
        (lambda: b"hello", "is not valid JSON"),
        (lambda: b"[1, 2]", "is not an assignment file"),
        (lambda: b"\xff\xfe\x00junk", "is not UTF-8"),
        (lambda: b"[" * 100_000 + b"]" * 100_000, "nested too deeply to be an assignment file"),
        (lambda: as_bytes(assignment_document(format="something-else")), "not an assignment"),
        (
            lambda: as_bytes(assignment_document(format="annotated-reader-submission")),
            "is a submission file, not an assignment file",
        ),
        (lambda: as_bytes(assignment_document(version=2)), "newer Annotated Reader"),
        (lambda: as_bytes(assignment_document(version="1")), "'version' must be a whole number"),
        (lambda: as_bytes(assignment_document(assignment_id="42")), "is not an id"),
        (lambda: as_bytes(assignment_document(title="  ")), "'title' is empty"),
        (lambda: as_bytes(assignment_document(title="t" * 10_000)), "'title' is longer"),
        (lambda: as_bytes(assignment_document(class_name="c" * 101)), "longer than 100"),
        (lambda: as_bytes(assignment_document(class_name="9\nB")), "line break"),
        (lambda: as_bytes(assignment_document(kinds=[])), "at least one kind"),
        (lambda: as_bytes(assignment_document(kinds=["gossip"])), "unknown kind 'gossip'"),
        (lambda: as_bytes(assignment_document(due="next week")), "is not a date"),
        (lambda: as_bytes(assignment_document(created="yesterday")), "not an ISO 8601"),
        (edited_article(markdown=ARTICLE_MARKDOWN + " Edited."), "does not match its SHA-256"),
        (edited_article(text_sha256="0" * 64), "does not match its SHA-256"),
        (edited_article(source_format="pdf"), "unknown 'source_format'"),
        (edited_article(author=["A"]), "'author' must be a string"),
        (too_many_hints, f"at most {MAX_FLAGS:,} are accepted"),
        (moved_hint(10_000, 10_009, "The mayor"), "past the article's end"),
        (moved_hint(0, 9, "The mayor"), "which is not the article's text at 0-9"),
        (lambda: b'{"format": 1, "format": 2}', "appears twice"),
    ],
)
def test_hostile_files_are_refused_with_one_line(build: Callable[[], bytes], expected: str) -> None:
    assert expected in refused(build())


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.reader-assignment"
    with path.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)  # sparse: 20 MB of nothing, never read
    with pytest.raises(ReaderError, match="classroom files are limited to 20 MB"):
        load_assignment(path)


def test_a_folder_or_a_missing_file_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="is a folder"):
        load_assignment(tmp_path)
    with pytest.raises(ReaderError, match="does not exist"):
        load_assignment(tmp_path / "none.reader-assignment")


def test_writing_refuses_a_bad_title_or_due_date() -> None:
    with pytest.raises(ReaderError, match="needs a title"):
        new_assignment(lunch_article(), title=" ")
    with pytest.raises(ReaderError, match="due date"):
        new_assignment(lunch_article(), title="t", due="soon")
