"""The one rule for who sees which layer, and an assignment that cannot be written."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reader.anchoring.selectors import make_anchor
from reader.core.models import Annotation, ArticleMeta, Kind, ReaderError, SourceFormat
from reader.services.classroom import (
    assign,
    describe_flags,
    import_released_key,
    may_see,
    open_assignment,
    presented_flags,
    release_key,
)
from reader.storage import classroom as store
from reader.storage.classroom import Role
from reader.storage.library import Library
from tests.classroom.conftest import ARTICLE_MARKDOWN, key_flags
from tests.conftest import flag_quote

COLLECTED = "submission:0b5f3c1e-6a4d-4f4e-9a53-1c2d3e4f5a6b:7d9e2a40-1111-4222-8333-944455566677"


@pytest.mark.parametrize(
    ("role", "layer", "released", "seen"),
    [
        (Role.STUDENT, "key", False, False),
        (Role.STUDENT, "key", True, True),
        (Role.STUDENT, COLLECTED, True, False),
        (Role.STUDENT, "mine", False, True),
        (Role.TEACHER, "key", False, True),
        (Role.TEACHER, COLLECTED, False, True),
        (None, "key", False, True),  # a solo reader's own key
    ],
)
def test_who_sees_which_layer(role: Role | None, layer: str, released: bool, seen: bool) -> None:
    assert may_see(role, layer, key_released=released) is seen


def test_an_assignment_that_cannot_be_written_is_not_kept(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    article = library.import_article(
        ArticleMeta("School lunches", ARTICLE_MARKDOWN, SourceFormat.MARKDOWN)
    ).article
    with pytest.raises(ReaderError, match="does not exist"):
        assign(library, article.id, tmp_path / "missing" / "a.reader-assignment", title="T")
    assert store.assignments(library) == []
    library.close()


def test_what_a_student_hands_in_is_said_in_words() -> None:
    text = "One claim. Two views. Some context here."
    anchor = make_anchor(text, 0, 10)

    def flag(kind: Kind, note: str = "") -> Annotation:
        return Annotation(article_id=1, kind=kind, anchor=anchor, note=note)

    assert describe_flags([]) == "no flags yet"
    assert describe_flags([flag(Kind.OPINION, "the mayor's")]) == "1 flag: 1 opinion"
    six = [
        *(flag(Kind.UNSOURCED_CLAIM, "which study?") for _ in range(3)),
        flag(Kind.OPINION, "loaded"),
        flag(Kind.OPINION, " "),
        flag(Kind.CONTEXT_NOTE, "the 2019 law"),
    ]
    assert describe_flags(six) == (
        "6 flags: 3 unsourced claims, 2 opinions, 1 context note; 1 flag without a note"
    )


def test_presentation_shows_the_key_only_where_it_may_be_seen(tmp_path: Path) -> None:
    teacher = Library.open(tmp_path / "teacher.sqlite")
    student = Library.open(tmp_path / "student.sqlite")
    try:
        article = teacher.import_article(
            ArticleMeta("School lunches", ARTICLE_MARKDOWN, SourceFormat.MARKDOWN)
        ).article
        key = list(reversed(key_flags(teacher.article(article.id))))
        teacher.add_annotations([replace(flag, article_id=article.id) for flag in key])
        made = assign(teacher, article.id, tmp_path / "a.reader-assignment", title="Lunch")
        assert [f.anchor.start for f in presented_flags(teacher, article.id)] == sorted(
            f.anchor.start for f in key
        )

        opened = open_assignment(student, made.path)
        own = student.article(opened.article_id)
        mine = flag_quote(own, "last year", Kind.OPINION)
        student.add_annotations([mine])
        assert [f.uuid for f in presented_flags(student, own.id)] == [mine.uuid]  # no key yet

        release_key(teacher, made.assignment_id, tmp_path / "k.reader-key")
        import_released_key(student, tmp_path / "k.reader-key")
        shown = presented_flags(student, own.id)
        assert [f.anchor.exact for f in shown] == [
            f.anchor.exact for f in sorted(key, key=lambda f: f.anchor.start)
        ]
    finally:
        teacher.close()
        student.close()
