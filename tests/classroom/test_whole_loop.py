"""The classroom loop without storage: assign, three students hand in, compare with a hand count."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.classroom.assignment import load_assignment, new_assignment
from reader.classroom.overview import build_overview
from reader.classroom.scores import StudentWork
from reader.classroom.submission import load_submission, submission_bytes
from reader.classroom.tally import Tally
from reader.core.models import Article, Kind
from tests.classroom.conftest import key_flags, lunch_article
from tests.conftest import build_article, flag_quote

UNSOURCED, OPINION, CONTEXT = Kind.UNSOURCED_CLAIM, Kind.OPINION, Kind.CONTEXT_NOTE
PARAGRAPH = (
    "The town spent 2 million euros on new school kitchens last year. "
    "Everyone agrees the food is now the best in the country. "
    "The mayor said the kitchens were finished on time."
)
# What each student flags, by hand: (quote, kind, note)
WORK: dict[str, list[tuple[str, Kind, str]]] = {
    "Ana": [
        ("2 million euros", UNSOURCED, "Who counted?"),
        ("Everyone agrees the food is now the best in the country.", OPINION, "Everyone?"),
        ("a shameful waste of money", OPINION, "loaded words"),
    ],
    "Ben": [
        ("the best in the country", UNSOURCED, "no survey is named"),
        ("The mayor said the kitchens were finished on time.", UNSOURCED, ""),
        ("built in 1975", CONTEXT, "they were 50 years old"),
    ],
    "Cam": [
        (PARAGRAPH, OPINION, "all of it is spin"),
        ("Critics call the plan a shameful waste of money.", OPINION, ""),
    ],
}


def hand_in(tmp_path: Path) -> tuple[Article, list[StudentWork]]:
    teacher_article = lunch_article()
    _, raw = new_assignment(
        teacher_article, title="Lunch money", kinds=[UNSOURCED, OPINION, CONTEXT]
    )
    (tmp_path / "lunch.reader-assignment").write_bytes(raw)
    works = []
    for number, (name, flags) in enumerate(WORK.items()):
        # each student's library: the article as the assignment carries it, without the key
        assignment = load_assignment(tmp_path / "lunch.reader-assignment")
        meta = assignment.article
        mine = build_article(
            meta.markdown,
            title=meta.title,
            author=meta.author,
            publication=meta.publication,
            published=meta.published,
        )
        assert mine.text == teacher_article.text
        annotations = [flag_quote(mine, quote, kind, note=note) for quote, kind, note in flags]
        path = tmp_path / f"{name}.reader-submission"
        path.write_bytes(
            submission_bytes(
                mine,
                assignment_id=assignment.assignment_id,
                student_id=f"00000000-0000-4000-8000-00000000000{number}",
                student_name=name,
                flags=annotations,
            )
        )
        # the teacher's side: read the file back and check it against her article
        submission = load_submission(path)
        assert submission.assignment_id == assignment.assignment_id
        read = submission.annotations(teacher_article.id, teacher_article.text)
        works.append(StudentWork(submission.student_id, submission.student_name, read))
    return teacher_article, works


def test_counts_match_the_hand_count(tmp_path: Path) -> None:
    article, works = hand_in(tmp_path)
    key = key_flags(article)
    claim, opinion, context = key
    overview = build_overview(article, key, works)
    ana, ben, cam = overview.students
    assert [s.work.name for s in overview.students] == ["Ana", "Ben", "Cam"]

    # Ana: her figure is inside the claim; the opinion sentence exactly; "shameful waste" extra
    assert ana.total == Tally(3, found=2, found_other_kind=0, missed=1, flags=3, matching=2,
                              other_kind=0, extra=1)  # fmt: skip
    assert ana.summary() == "You found 2 of the 3 flags in the key; 2 of your 3 flags match it."
    assert ana.missed == [context]
    assert [f.note for f in ana.extra] == ["loaded words"]
    assert [(p.key_flag.uuid, [f.note for f in p.flags]) for p in ana.found] == [
        (claim.uuid, ["Who counted?"]),
        (opinion.uuid, ["Everyone?"]),
    ]
    # Ben: the opinion as an unsourced claim, the mayor's sentence extra, the context found
    assert ben.total == Tally(3, found=1, found_other_kind=1, missed=1, flags=3, matching=1,
                              other_kind=1, extra=1)  # fmt: skip
    assert ben.summary() == (
        "You found 1 of the 3 flags in the key; 1 of your 3 flags match it. "
        "You found 1 more flag with another kind."
    )
    assert ben.per_kind[UNSOURCED] == Tally(1, found=0, found_other_kind=0, missed=1, flags=2,
                                    matching=0, other_kind=1, extra=1)  # fmt: skip
    # Cam: a three-sentence flag counts for one key flag only, the opinion (same kind first)
    assert cam.total == Tally(3, found=1, found_other_kind=0, missed=2, flags=2, matching=1,
                              other_kind=0, extra=1)  # fmt: skip
    assert cam.missed == [claim, context]

    # per passage, most missed first (ties in the article's order)
    assert [
        (p.key_flag.uuid, p.found, p.found_other_kind, p.missed, p.other_kinds)
        for p in overview.passages
    ] == [
        (claim.uuid, 1, 0, 2, {}),
        (context.uuid, 1, 0, 2, {}),
        (opinion.uuid, 2, 1, 0, {UNSOURCED: 1}),
    ]
    # sentences no key flag covers, flagged by two of the three students
    text = article.text
    assert [(text[p.start : p.end], p.students, p.kinds) for p in overview.extra_passages] == [
        ("The mayor said the kitchens were finished on time.", 2, {UNSOURCED: 1, OPINION: 1}),
        ("Critics call the plan a shameful waste of money.", 2, {OPINION: 2}),
    ]
    sentences = [text[s:e] for s, e in overview.units.sentences]
    counts = dict(zip(sentences, overview.sentence_counts, strict=True))
    assert counts[sentences[1]] == {UNSOURCED: 1, OPINION: 1}  # Ana's figure, Cam's paragraph
    assert counts[sentences[2]] == {UNSOURCED: 1, OPINION: 2}
    assert counts["School lunches"] == {}
    assert overview.key_sentences == {1, 2, 6}
    assert overview.similar == ()


def test_partial_overlap_by_hand(tmp_path: Path) -> None:
    article, works = hand_in(tmp_path)
    key = key_flags(article)
    claim_chars = len(key[0].anchor.exact)
    overview = build_overview(article, key, works)
    ana = overview.students[0].overlap
    # "2 million euros" lies inside the claim (credit 1 and 15/len); the opinion is exact
    assert ana.precision == pytest.approx(2 / 3)
    assert ana.recall == pytest.approx((15 / claim_chars + 1) / 3)
    ben = overview.students[1].overlap
    # only "built in 1975" (13 characters) overlaps a key flag of its kind (41 characters)
    assert ben.precision == pytest.approx(1 / 3)
    assert ben.recall == pytest.approx(13 / 41 / 3)
    assert overview.overlap.flags == 8 and overview.overlap.key_flags == 9


def test_only_the_kinds_asked_for_are_compared(tmp_path: Path) -> None:
    article, works = hand_in(tmp_path)
    overview = build_overview(article, key_flags(article), works, kinds=[OPINION])
    assert [p.key_flag.kind for p in overview.passages] == [OPINION]
    ben = overview.students[1]
    assert ben.total.flags == 0 and ben.total.key_flags == 1
    assert set(overview.agreement.per_kind) == {OPINION}


def test_one_student_and_no_key(tmp_path: Path) -> None:
    article, works = hand_in(tmp_path)
    overview = build_overview(article, [], works[:1])
    [ana] = overview.students
    assert ana.total.extra == 3 and ana.total.key_flags == 0
    assert ana.overlap.recall is None and ana.overlap.precision == 0.0
    assert overview.passages == ()
    assert overview.agreement.reading == (
        "Unsourced claims: needs two students or more; opinion passages: needs two students "
        "or more; context notes: needs two students or more."
    )


def test_no_students_at_all() -> None:
    article = lunch_article()
    overview = build_overview(article, key_flags(article), [])
    assert overview.students == () and [p.missed for p in overview.passages] == [0, 0, 0]
    assert overview.overlap.precision is None
