"""The released key: the key's flags and at most one student's feedback."""

from __future__ import annotations

import json

import pytest

from reader.classroom.released_key import Feedback, read_released_key, released_key_bytes
from reader.core.models import ReaderError
from tests.classroom.conftest import key_flags, lunch_article

ASSIGNMENT_ID = "0b5f3c1e-6a4d-4f4e-9a53-1c2d3e4f5a6b"
STUDENT_ID = "7d9e2a40-1111-4222-8333-944455566677"


def test_round_trip_for_the_class_and_for_one_student() -> None:
    article = lunch_article()
    key = key_flags(article)
    for_class = read_released_key(
        released_key_bytes(article, assignment_id=ASSIGNMENT_ID, key=key), "k", article.text
    )
    assert for_class.feedback is None
    assert [(f.uuid, f.kind, f.anchor, f.note) for f in for_class.flags] == [
        (f.uuid, f.kind, f.anchor, f.note) for f in key
    ]
    assert {a.layer for a in for_class.annotations(5)} == {"key"}

    feedback = Feedback(STUDENT_ID, "Zoë", 'Good eye for "everyone" & <more>.')
    for_zoe = read_released_key(
        released_key_bytes(article, assignment_id=ASSIGNMENT_ID, key=key, feedback=feedback),
        "k",
        article.text,
    )
    assert for_zoe.feedback == feedback
    assert for_zoe.assignment_id == ASSIGNMENT_ID


def test_a_key_for_another_text_or_a_broken_feedback_is_refused() -> None:
    article = lunch_article()
    raw = released_key_bytes(article, assignment_id=ASSIGNMENT_ID, key=key_flags(article))
    with pytest.raises(ReaderError, match="^k is the key for a different text"):
        read_released_key(raw, "k", article.text + " More.")
    data = json.loads(raw)
    data["feedback"] = {"student_id": STUDENT_ID, "student_name": "", "comment": "x"}
    with pytest.raises(ReaderError, match="^k: feedback: 'student_name' is empty"):
        read_released_key(json.dumps(data).encode(), "k", article.text)
