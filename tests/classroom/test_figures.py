"""The class's figures, read off the overview, written as JSON and read back."""

from __future__ import annotations

import pytest

from reader.classroom.figures import class_figures, figures_from_json, figures_json
from reader.classroom.overview import build_overview
from reader.classroom.synthetic import synthetic_class


def test_the_figures_read_back_equal_those_written() -> None:
    synthetic = synthetic_class(12, copies=2, seed=4)
    overview = build_overview(synthetic.article, synthetic.key, synthetic.students)
    figures = class_figures(overview, with_agreement=True)
    assert figures_from_json(figures_json(figures)) == figures
    assert [s.name for s in figures.students] == [
        overview.names[r.work.student_id] for r in overview.students
    ]
    assert figures.agreement == tuple(overview.agreement.lines)
    assert figures.extra_passages == overview.extra_passages
    assert [p.missed for p in figures.passages] == [p.missed for p in overview.passages]
    unagreed = class_figures(overview, with_agreement=False)
    assert unagreed.agreement is None and figures_from_json(figures_json(unagreed)) == unagreed


@pytest.mark.parametrize("text", ["", "[]", "{}", '{"kinds": ["nonsense"]}', "not json", "STALE"])
def test_what_is_not_figures_is_refused(text: str) -> None:
    if text == "STALE":  # a tally written under another name
        synthetic = synthetic_class(3, seed=1)
        overview = build_overview(synthetic.article, synthetic.key, synthetic.students)
        text = figures_json(class_figures(overview, with_agreement=False))
        text = text.replace('"found":', '"found_it":')
    with pytest.raises(ValueError, match="not the class's figures"):
        figures_from_json(text)
