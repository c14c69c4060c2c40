from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from reader.detectors.features import analyse
from reader.detectors.resources import read_model
from reader.detectors.training import _cue_scores, main, read_split

SUBJECTIVE = [
    "This is a disgraceful and pathetic decision.",
    "What a wonderful, brilliant idea this is!",
    "I think the plan is absurd and shameful.",
    "You should be ashamed of this terrible law.",
    "Their arrogance is simply staggering.",
    "It is a ridiculous waste of everyone's time.",
]
OBJECTIVE = [
    "The council met on Tuesday in the town hall.",
    "The bill passed by 52 votes to 48 in 2021.",
    "The company employs 3,000 people in Ohio.",
    "The report was published in March.",
    "The bridge is 400 metres long.",
    "Schools reopened on 4 September.",
]


def _write(path: Path, header: str, rows: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")


def test_training_writes_loadable_models(tmp_path: Path) -> None:
    data = tmp_path / "eval"
    subjective = [f"s{i}\t{t}\tSUBJ\tFalse" for i, t in enumerate(SUBJECTIVE * 3)]
    objective = [f"o{i}\t{t}\tOBJ\tFalse" for i, t in enumerate(OBJECTIVE * 3)]
    _write(
        data / "subjectivity" / "train.tsv",
        "sentence_id\tsentence\tlabel\tsolved_conflict",
        subjective + objective,
    )
    claims = [f"{i}\t{t}\tYes" for i, t in enumerate(OBJECTIVE * 3)]
    other = [f"{100 + i}\t{t}\tNo" for i, t in enumerate(SUBJECTIVE * 3)]
    broken = ["999\tTwo records run together\tNo29286"]
    _write(
        data / "checkworthy" / "train.tsv",
        "Sentence_id\tText\tclass_label",
        claims + other + broken,
    )
    out = tmp_path / "models"
    assert main(["--data", str(data), "--output", str(out)]) == 0
    for name in ("claim_model.json", "opinion_model.json"):
        stored = json.loads((out / name).read_text(encoding="utf-8"))
        assert "CheckThat" in stored["about"]
        model = read_model(out / name)
        assert 0.0 < model.threshold < 1.0
    opinion = read_model(out / "opinion_model.json")
    assert opinion.weight("w:disgraceful") > 0 > opinion.weight("w:<year>")
    stored = json.loads((out / "opinion_model.json").read_text(encoding="utf-8"))
    assert stored["cross_validation"]["repeats"] == 3
    assert 0.0 <= stored["cross_validation"]["metric_model_alone"] <= 1.0


def test_read_split_skips_bad_labels(tmp_path: Path) -> None:
    from reader.detectors.training import TASKS

    claim_task = next(t for t in TASKS if t.name == "claim")
    _write(
        tmp_path / "checkworthy" / "dev.tsv",
        "Sentence_id\tText\tclass_label",
        ['1\t"He said ""no"" twice."\tYes', "2\tBroken\tNo29286", "3\tFine.\tNo"],
    )
    sentences, labels = read_split(tmp_path, claim_task, "dev")
    assert sentences == ['He said "no" twice.', "Fine."]
    assert labels == [1, 0]


def test_missing_data_fails_cleanly(tmp_path: Path) -> None:
    assert main(["--data", str(tmp_path / "nowhere"), "--output", str(tmp_path / "out")]) == 1
    assert not (tmp_path / "out").exists()


def test_cue_scores_are_the_share_of_opinion_among_sentences_with_the_cue() -> None:
    loaded = [analyse(f"The mayor's disgraceful plan number {i} was filed.") for i in range(12)]
    second = [analyse(f"You should read report {i}.") for i in range(5)]
    labels = np.array([1.0] * 8 + [0.0] * 4 + [1.0] * 5)
    assert all(a.strong_cues == {"loaded"} for a in loaded)
    scores = _cue_scores(loaded + second, labels)
    assert scores == {"loaded": round(8 / 12, 2)}  # second person: too few sentences
