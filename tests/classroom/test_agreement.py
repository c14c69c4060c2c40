"""Krippendorff's alpha per kind over sentences, and its reading in plain words."""

from __future__ import annotations

import pytest

from reader.classroom.agreement import ClassAgreement, KindAgreement, class_agreement
from reader.core.models import Kind

UNSOURCED, OPINION, CONTEXT = Kind.UNSOURCED_CLAIM, Kind.OPINION, Kind.CONTEXT_NOTE


def test_alpha_against_a_hand_computation() -> None:
    # two students, four sentences: A flags 0 and 1, B flags 0.  Coincidences: o11 = 2,
    # o10 = o01 = 1, o00 = 4; n1 = 3, n0 = 5, n = 8.  Do = 2/8, De = 2*5*3/(8*7) = 30/56,
    # alpha = 1 - Do/De = 1 - (1/4)/(15/28) = 8/15.
    result = class_agreement({OPINION: [{0, 1}, {0}]}, sentence_count=4, students=2)
    assert result.per_kind[OPINION].alpha == pytest.approx(8 / 15)


def test_agreement_and_disagreement_read_in_plain_words() -> None:
    result = class_agreement(
        {
            OPINION: [{0, 1}, {0, 1}, {0, 1}],
            UNSOURCED: [{0}, {1}, {2}],
            CONTEXT: [set(), set(), set()],
        },
        sentence_count=6,
        students=3,
    )
    assert result.per_kind[OPINION].alpha == pytest.approx(1.0)
    alpha_u = result.per_kind[UNSOURCED].alpha
    assert alpha_u is not None and alpha_u < 0
    assert result.per_kind[CONTEXT].alpha is None
    assert result.reading == (
        "The class agrees well on opinion passages (α 1.00); does not agree on unsourced "
        f"claims (α {alpha_u:.2f}); context notes: nobody flagged any."
    )


def test_degenerate_classes_do_not_crash() -> None:
    one = class_agreement({OPINION: [{0}]}, sentence_count=3, students=1)
    assert one.per_kind[OPINION] == KindAgreement(OPINION, None, "needs two students or more")
    everything = class_agreement({OPINION: [{0, 1}, {0, 1}]}, sentence_count=2, students=2)
    assert everything.per_kind[OPINION].reason == "everybody flagged every sentence"
    assert ClassAgreement({}).reading == ""


def test_the_middle_readings() -> None:
    assert KindAgreement(OPINION, 0.7).words == "mostly agrees on opinion passages (α 0.70)"
    assert KindAgreement(UNSOURCED, 0.5).words == "partly agrees on unsourced claims (α 0.50)"


def test_numpy_is_loaded_only_when_alpha_is_computed() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import reader.classroom.overview, reader.classroom.report, reader.classroom.agreement\n"
        "print('numpy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr
