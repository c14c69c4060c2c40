"""The classroom loop through the real command line, each person with a library of their own."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from reader.cli.main import main
from reader.core.models import Kind
from reader.storage.library import Library
from tests.classroom.conftest import ARTICLE_MARKDOWN, key_flags, lunch_article
from tests.classroom.test_whole_loop import WORK

UNSOURCED, OPINION, CONTEXT = Kind.UNSOURCED_CLAIM, Kind.OPINION, Kind.CONTEXT_NOTE


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class People:
    """Runs ``reader --db <person's library> ...`` and keeps the files in one folder."""

    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.folder = folder
        self.capsys = capsys

    def db(self, person: str) -> Path:
        path = self.folder / f"{person}.sqlite"
        if not path.exists():
            Library.open(path).close()  # an empty library: no sample articles
        return path

    def __call__(self, person: str, *args: str) -> Run:
        self.capsys.readouterr()
        code = main(["--db", str(self.db(person)), *args])
        captured = self.capsys.readouterr()
        return Run(code, captured.out, captured.err)


@pytest.fixture
def reader(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> People:
    return People(tmp_path, capsys)


def snapshot(db: Path) -> list[str]:
    """Every table's rows (and the schema): what 'the library is unchanged' compares."""
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def teacher_assigns(reader: People, **options: str) -> tuple[int, Path]:
    """The teacher imports the lunch article, flags it, makes that the key and assigns it."""
    article_file = reader.folder / "lunch.md"
    article_file.write_text(ARTICLE_MARKDOWN, encoding="utf-8")
    [imported] = reader("teacher", "import", "--json", str(article_file)).json()
    article_id = int(imported["id"])
    for flag in key_flags(lunch_article()):
        done = reader(
            "teacher", "annotate", str(article_id), "--kind", flag.kind.value,
            "--quote", flag.anchor.exact, "--note", flag.note, *[f"--tag={t}" for t in flag.tags],
        )  # fmt: skip
        assert done.code == 0, done.err
    made = reader("teacher", "use-as-key", str(article_id))
    assert made.code == 0 and "it holds 3" in made.out
    path = reader.folder / "lunch.reader-assignment"
    extra = [item for key, value in options.items() for item in (f"--{key}", value)]
    done = reader(
        "teacher", "assign", str(article_id), "-o", str(path), "--title", "Lunch money", *extra
    )
    assert done.code == 0, done.err
    return article_id, path


def student_hands_in(
    reader: People, name: str, assignment: Path, flags: list[tuple[str, Kind, str]]
) -> Path:
    opened = reader(name, "import", "--json", str(assignment))
    assert opened.code == 0, opened.err
    [entry] = opened.json()
    article_id = str(entry["id"])
    for quote, kind, note in flags:
        done = reader(name, "annotate", article_id, "--kind", kind.value, "--quote", quote,
                      "--note", note)  # fmt: skip
        assert done.code == 0, done.err
    path = reader.folder / f"{name}.reader-submission"
    done = reader(name, "hand-in", article_id, "--name", name, "-o", str(path))
    assert done.code == 0, done.err
    return path


def test_the_whole_loop_with_counts_checked_by_hand(reader: People) -> None:
    article_id, assignment = teacher_assigns(reader, **{"class": "9B", "due": "2026-12-10"})
    handed = reader.folder / "handed"
    handed.mkdir()
    for name, flags in WORK.items():
        submission = student_hands_in(reader, name, assignment, flags)
        submission.rename(handed / submission.name)

    collected = reader("teacher", "collect", str(handed))
    assert collected.code == 0, collected.err
    assert collected.out.splitlines()[-1] == "collected 3 submissions"

    overview = reader("teacher", "class", str(article_id), "--json").json()
    assert isinstance(overview, dict)
    totals = {s["name"]: s["total"] for s in overview["students"]}
    # by hand (see tests/classroom/test_whole_loop.py): Ana finds the claim and the opinion,
    # misses the context, "shameful waste" is extra; Ben finds the opinion only as an
    # unsourced claim and the context; Cam's paragraph counts once, for the opinion
    assert {name: (t["found"], t["found_other_kind"], t["missed"], t["extra"], t["flags"])
            for name, t in totals.items()} == {
        "Ana": (2, 0, 1, 1, 3),
        "Ben": (1, 1, 1, 1, 3),
        "Cam": (1, 0, 2, 1, 2),
    }  # fmt: skip
    assert [(p["kind"], p["found"], p["missed"]) for p in overview["passages"]] == [
        ("unsourced_claim", 1, 2),
        ("context_note", 1, 2),
        ("opinion", 2, 0),
    ]
    assert overview["assignment"]["class"] == "9B"

    text = reader("teacher", "class", str(article_id))
    assert text.code == 0
    assert re.search(r"^Ana\s+2\s+0\s+1\s+1\s+3\s+2\s", text.out, re.MULTILINE)
    assert "Passages many flagged that the key lacks" in text.out

    # the key as it is now: the teacher removes the context flag, Ana and Ben's figures follow
    key = reader("teacher", "annotations", str(article_id), "--layer", "key", "--json").json()
    assert isinstance(key, list)
    context = next(flag for flag in key if flag["kind"] == "context_note")
    assert reader("teacher", "delete-annotation", context["id"]).code == 0
    after = reader("teacher", "class", str(article_id), "--json").json()
    assert isinstance(after, dict)
    assert {s["name"]: s["total"]["missed"] for s in after["students"]} == {
        "Ana": 0, "Ben": 1, "Cam": 1,
    }  # fmt: skip

    said = reader(
        "teacher", "feedback", str(article_id), "--student", "ana", "--comment", "Well done"
    )
    assert said.code == 0 and said.out == "saved the comment to Ana\n"

    keys = reader.folder / "keys"
    released = reader("teacher", "release-key", str(article_id), "-o", str(keys), "--per-student")
    assert released.code == 0, released.err
    files = sorted(p.name for p in keys.iterdir())
    assert len(files) == 3 and files[0].startswith("Ana-")

    before = reader("Ana", "class", str(article_id))
    assert before.code == 1 and before.err.startswith("error: the key of 'Lunch money' is not")
    ana_db = reader.db("Ana")
    unchanged = snapshot(ana_db)
    wrong = reader("Ana", "import", str(keys / files[1]))
    assert wrong.code == 1 and "was made for Ben, not for you" in wrong.err
    assert snapshot(ana_db) == unchanged
    assert reader("Ana", "import", str(keys / files[0])).code == 0
    mine = reader("Ana", "class", str(article_id), "--json").json()
    assert isinstance(mine, dict)
    assert mine["summary"] == "You found 2 of the 2 flags in the key; 2 of your 3 flags match it."
    assert mine["comment"] == "Well done"
    assert "Ben" not in json.dumps(mine) and "Cam" not in json.dumps(mine)
    shown = reader("Ana", "class", str(article_id))
    assert "Teacher's comment: Well done" in shown.out


def test_the_assignment_file_holds_no_byte_of_the_key(reader: People) -> None:
    article_id, assignment = teacher_assigns(reader)
    raw = assignment.read_bytes()
    key = reader("teacher", "annotations", str(article_id), "--layer", "key", "--json").json()
    assert isinstance(key, list) and len(key) == 3
    for flag in key:
        for secret in (flag["id"], flag["note"], *flag["tags"]):
            assert secret.encode() not in raw
        assert hashlib.sha256(flag["exact"].encode()).hexdigest().encode() not in raw
    for marker in (b"KEYNOTE", b"KEYTAG", b"TextPositionSelector", b'"key"', b"Annotation"):
        assert marker not in raw
    assert json.loads(raw)["format"] == "annotated-reader-assignment"


def test_a_newer_submission_replaces_an_older_is_refused_a_namesake_is_kept(
    reader: People,
) -> None:
    article_id, assignment = teacher_assigns(reader)
    first = student_hands_in(reader, "Ana", assignment, WORK["Ana"][:1])
    older = first.rename(reader.folder / "older.reader-submission")
    newer = reader.folder / "newer.reader-submission"
    assert reader("Ana", "hand-in", str(article_id), "-o", str(newer)).code == 0  # name remembered
    # another student who also calls herself Ana
    other = student_hands_in(reader, "ana2", assignment, WORK["Ben"])
    data = json.loads(other.read_text(encoding="utf-8"))
    data["student"]["name"] = "Ana"
    other.write_text(json.dumps(data), encoding="utf-8")

    assert reader("teacher", "collect", str(older), str(other)).code == 0
    replaced = reader("teacher", "collect", str(newer))
    assert replaced.code == 0 and "replacing the submission handed in" in replaced.out
    db = reader.db("teacher")
    unchanged = snapshot(db)
    refused = reader("teacher", "collect", str(older))
    assert refused.code == 1
    assert refused.err.count("\n") == 1 and "is older than the submission of Ana" in refused.err
    assert snapshot(db) == unchanged
    again = reader("teacher", "collect", str(newer))
    assert again.code == 0 and "already collected, unchanged" in again.out

    overview = reader("teacher", "class", str(article_id), "--json").json()
    assert isinstance(overview, dict)
    names = sorted(s["name"] for s in overview["students"])
    assert len(names) == 2 and all(re.fullmatch(r"Ana \([0-9a-f]{4,}\)", n) for n in names)


def test_the_report_names_every_student_escaped(reader: People) -> None:
    article_id, assignment = teacher_assigns(reader)
    handed: list[str] = []
    for name in ("<script>alert(1)</script>", "Zoë & Co"):
        path = student_hands_in(reader, "s" + str(len(handed)), assignment, WORK["Ana"])
        data = json.loads(path.read_text(encoding="utf-8"))
        data["student"]["name"] = name
        path.write_text(json.dumps(data), encoding="utf-8")
        handed.append(str(path))
    assert reader("teacher", "collect", *handed).code == 0
    note = "<b>bold</b> & more"
    assert reader("teacher", "feedback", str(article_id), "--student", "Zoë & Co",
                  "--comment", note).code == 0  # fmt: skip
    report = reader.folder / "report.html"
    done = reader("teacher", "report", str(article_id), "-o", str(report))
    assert done.code == 0, done.err
    html = report.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script" not in html
    assert "Zoë &amp; Co" in html
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; more" in html
    assert not re.search(r"\b(src|href)=", html)  # nothing loaded from anywhere


def test_opening_an_assignment_twice_adds_nothing(reader: People) -> None:
    _, assignment = teacher_assigns(reader)
    assert reader("Ana", "import", str(assignment)).code == 0
    db = reader.db("Ana")
    unchanged = snapshot(db)
    again = reader("Ana", "import", str(assignment))
    assert again.code == 0 and "is open already" in again.out
    assert snapshot(db) == unchanged
    own = reader("teacher", "import", str(assignment))
    assert own.code == 0 and "you made 'Lunch money' in this library" in own.out


def test_assignments_count_hand_ins_for_the_teacher_only(reader: People) -> None:
    _, assignment = teacher_assigns(reader)
    submission = student_hands_in(reader, "Ana", assignment, [])
    assert reader("teacher", "collect", str(submission)).code == 0
    teacher = reader("teacher", "assignments").out.splitlines()
    student = reader("Ana", "assignments").out.splitlines()
    assert teacher[0].split() == ["ASSIGNMENT", "ARTICLE", "ROLE", "HANDED", "IN", "TITLE"]
    assert teacher[1].split()[2:] == ["teacher", "1", "Lunch", "money"]
    assert student[1].split()[2:] == ["student", "Lunch", "money"]
