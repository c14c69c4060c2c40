"""The class overview on a synthetic class: copies pointed out, figures consistent, JSON."""

from __future__ import annotations

import json
from dataclasses import replace

from reader.classroom.overview import (
    build_overview,
    gather_overview,
    overview_json,
    place_key,
    score_work,
)
from reader.classroom.scores import StudentWork
from reader.classroom.synthetic import synthetic_class
from reader.core.models import Kind
from tests.classroom.conftest import key_flags, lunch_article
from tests.conftest import flag_quote


def test_near_copies_are_pointed_out_and_nobody_else() -> None:
    synthetic = synthetic_class(12, copies=2, seed=3)
    overview = build_overview(synthetic.article, synthetic.key, synthetic.students)
    found = {frozenset((p.first, p.second)) for p in overview.similar}
    assert found == {frozenset(pair) for pair in synthetic.copies}
    assert all(0.9 <= p.similarity < 1 and not p.identical for p in overview.similar)


def test_an_identical_copy_is_called_identical() -> None:
    synthetic = synthetic_class(4, seed=5)
    first = synthetic.students[0]
    twin = StudentWork("ffffffff-0000-4000-8000-000000000000", "Twin", first.flags)
    overview = build_overview(synthetic.article, synthetic.key, [*synthetic.students, twin])
    [pair] = overview.similar
    assert {pair.first, pair.second} == {first.student_id, twin.student_id}
    assert pair.identical and pair.similarity == 1.0


def test_figures_add_up_for_every_student() -> None:
    synthetic = synthetic_class(20, seed=7)
    overview = build_overview(synthetic.article, synthetic.key, synthetic.students)
    for result in overview.students:
        total = result.total
        assert total.found + total.found_other_kind + total.missed == len(synthetic.key)
        assert total.matching + total.other_kind + total.extra == len(result.work.flags) == 20
        assert sum(t.key_flags for t in result.per_kind.values()) == total.key_flags
        assert sum(t.extra for t in result.per_kind.values()) == total.extra
    for passage in overview.passages:
        assert passage.found + passage.found_other_kind + passage.missed == 20
    missed = [p.missed for p in overview.passages]
    assert missed == sorted(missed, reverse=True)


def test_json_output_is_plain_data() -> None:
    synthetic = synthetic_class(3, seed=1)
    overview = build_overview(synthetic.article, synthetic.key, synthetic.students)
    data = json.loads(json.dumps(overview_json(overview)))
    assert len(data["students"]) == 3
    assert data["students"][0]["summary"].startswith("You found ")
    assert data["key_flags"] == 15 and len(data["passages"]) == 15
    assert set(data["agreement"]["alpha"]) == {"unsourced_claim", "opinion", "context_note"}


def test_a_student_using_two_other_kinds_on_one_passage_counts_once() -> None:
    article = lunch_article()
    key = key_flags(article)
    both = [
        flag_quote(article, "Everyone agrees the food", Kind.UNSOURCED_CLAIM),
        flag_quote(article, "the best in the country", Kind.CONTEXT_NOTE),
    ]
    overview = build_overview(article, key, [StudentWork("s1", "Dee", both)])
    [passage] = [p for p in overview.passages if p.key_flag.uuid == key[1].uuid]
    assert (passage.found, passage.found_other_kind, passage.missed) == (0, 1, 0)
    assert passage.other_kinds == {Kind.UNSOURCED_CLAIM: 1, Kind.CONTEXT_NOTE: 1}


def test_numpy_is_loaded_only_when_the_agreement_is_asked() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from reader.classroom.overview import build_overview\n"
        "from reader.classroom.synthetic import synthetic_class\n"
        "c = synthetic_class(4, seed=1)\n"
        "overview = build_overview(c.article, c.key, c.students)\n"
        "print('numpy' in sys.modules)\n"
        "assert overview.agreement.reading\n"
        "print('numpy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split() == ["False", "True"], result.stderr


def test_one_students_change_gathered_with_the_others_results_kept() -> None:
    # as the class view does after one student's flag changed: only they are scored again
    synthetic = synthetic_class(12, seed=11)
    placed = place_key(synthetic.article, synthetic.key)
    results = [score_work(placed, work) for work in synthetic.students]
    gather_overview(placed, results)  # each result's sentences by kind worked out
    first = synthetic.students[0]
    flag = first.flags[0]
    other = Kind.OPINION if flag.kind is not Kind.OPINION else Kind.CONTEXT_NOTE
    changed = replace(first, flags=[replace(flag, kind=other), *first.flags[1:]])
    students = [changed, *synthetic.students[1:]]
    kept = gather_overview(placed, [score_work(placed, changed), *results[1:]])
    whole = build_overview(synthetic.article, synthetic.key, students)
    assert overview_json(kept) == overview_json(whole)
    assert kept.marks == whole.marks
    assert overview_json(kept) != overview_json(gather_overview(placed, results))
