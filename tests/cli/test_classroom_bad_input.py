"""Hostile classroom files: one error line, exit 1, and the library exactly as it was."""

from __future__ import annotations

import json
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reader.classroom.submission import submission_bytes
from reader.storage.library import Library
from tests.classroom.test_whole_loop import WORK
from tests.cli.test_classroom import People, snapshot, student_hands_in, teacher_assigns
from tests.conftest import flag_quote


@pytest.fixture
def reader(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> People:
    return People(tmp_path, capsys)


@pytest.fixture
def handed(reader: People) -> tuple[int, Path]:
    """The teacher's assignment and Ana's good submission, not collected yet."""
    article_id, assignment = teacher_assigns(reader)
    return article_id, student_hands_in(reader, "Ana", assignment, WORK["Ana"])


def flags_of(data: dict[str, Any]) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = data["flags"]["first"]["items"]
    return items


def selectors(item: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {s["type"]: s for s in item["target"]["selector"]}


def move_outside(data: dict[str, Any]) -> None:
    chosen = selectors(flags_of(data)[0])
    length = len(chosen["TextQuoteSelector"]["exact"])
    chosen["TextPositionSelector"].update(start=5000, end=5000 + length)


def misquote(data: dict[str, Any]) -> None:
    quote = selectors(flags_of(data)[0])["TextQuoteSelector"]
    quote["exact"] = "x" * len(quote["exact"])


def many_flags(data: dict[str, Any]) -> None:
    data["flags"]["first"]["items"] = [{}] * 100_000


EDITS: dict[str, Callable[[dict[str, Any]], None]] = {
    "future version": lambda d: d.update(version=99),
    "wrong format": lambda d: d.update(format="annotated-reader-assignment"),
    "assignment not here": lambda d: d.update(assignment_id=str(uuid.uuid4())),
    "edited article": lambda d: d.update(text_sha256="0" * 64),
    "offsets outside the text": move_outside,
    "quote differs": misquote,
    "empty name": lambda d: d["student"].update(name="  "),
    "name of 10,000 characters": lambda d: d["student"].update(name="N" * 10_000),
    "100,000 flags": many_flags,
}
EXPECTED = {
    "not JSON": "is not valid JSON",
    "100 MB": "classroom files are limited to",
    "future version": "made by a newer Annotated Reader",
    "wrong format": "is an assignment file, not a submission file",
    "assignment not here": "is for an assignment that is not in this library",
    "edited article": "was made on a different text of the article",
    "offsets outside the text": "past the article's end",
    "quote differs": "which is not the article's text",
    "empty name": "'name' is empty",
    "name of 10,000 characters": "longer than 100 characters",
    "100,000 flags": "100,000 flags; at most 5,000",
}


def hostile(case: str, good: Path, folder: Path) -> Path:
    path = folder / f"{case.replace(' ', '-').replace(',', '')}.reader-submission"
    if case == "not JSON":
        path.write_bytes(b'{"format": "annotated-reader-submission", oops')
    elif case == "100 MB":
        with path.open("wb") as handle:
            handle.truncate(100 * 1024 * 1024)
    else:
        data = json.loads(good.read_text(encoding="utf-8"))
        EDITS[case](data)
        path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("case", list(EXPECTED))
def test_a_hostile_submission_changes_nothing(
    case: str, reader: People, handed: tuple[int, Path]
) -> None:
    _, good = handed
    path = hostile(case, good, reader.folder)
    db = reader.db("teacher")
    before = snapshot(db)
    done = reader("teacher", "collect", str(path))
    assert done.code == 1
    [line] = done.err.splitlines()
    assert line.startswith(f"error: {path}") and EXPECTED[case] in line, line
    assert "Traceback" not in done.err + done.out
    assert snapshot(db) == before


def test_thirty_submissions_two_broken_and_unrelated_files(
    reader: People, handed: tuple[int, Path]
) -> None:
    article_id, good = handed
    folder = reader.folder / "class"
    (folder / "inner").mkdir(parents=True)
    assignment_id = json.loads(good.read_text(encoding="utf-8"))["assignment_id"]
    library = Library.open(reader.db("teacher"))
    article = library.article(article_id)
    library.close()
    for number in range(28):
        quote, kind, note = WORK["Ana"][number % 3]
        raw = submission_bytes(
            article,
            assignment_id=assignment_id,
            student_id=str(uuid.uuid4()),
            student_name=f"Student {number}",
            flags=[flag_quote(article, quote, kind, note=note)],
        )
        (folder / ("inner" if number % 2 else "") / f"s{number}.reader-submission").write_bytes(raw)
    hostile("not JSON", good, folder)
    hostile("edited article", good, folder)
    (folder / "notes.txt").write_text("not a submission", encoding="utf-8")
    (folder / "inner" / "photo.jpg").write_bytes(b"\xff\xd8\xff")

    done = reader("teacher", "collect", str(folder))
    assert done.code == 1
    errors = done.err.splitlines()
    assert len(errors) == 2 and all(e.startswith("error: ") for e in errors)
    assert done.out.splitlines()[-1] == (
        "collected 28 submissions; 2 not collected: not-JSON.reader-submission, "
        "edited-article.reader-submission; skipped 2 files that are not submissions"
    )
    overview = reader("teacher", "class", str(article_id), "--json").json()
    assert len(overview["students"]) == 28


def test_a_zip_is_read_without_extracting_and_unsafe_names_are_refused(
    reader: People, handed: tuple[int, Path]
) -> None:
    article_id, good = handed
    archive = reader.folder / "class.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zipped:
        zipped.write(good, "Ana/Ana.reader-submission")
        zipped.writestr("../escape.reader-submission", good.read_bytes())
        zipped.writestr("readme.txt", "hello")
        zipped.writestr("nested.zip", b"PK")
    done = reader("teacher", "collect", str(archive))
    assert done.code == 1
    [error] = done.err.splitlines()
    assert (
        error
        == f"error: {archive}:../escape.reader-submission: the name leaves the archive's folder"
    )
    assert done.out.splitlines()[-1] == (
        "collected 1 submissions; 1 not collected: escape.reader-submission; "
        "skipped 2 files that are not submissions"
    )
    # nothing extracted
    assert not list(reader.folder.parent.rglob("escape.reader-submission"))
    assert not (reader.folder / "Ana").exists() and not (Path.cwd() / "Ana").exists()
    overview = reader("teacher", "class", str(article_id), "--json").json()
    assert [s["name"] for s in overview["students"]] == ["Ana"]


def test_a_damaged_zip_is_one_error(reader: People, handed: tuple[int, Path]) -> None:
    archive = reader.folder / "broken.zip"
    archive.write_bytes(b"PK\x03\x04 this is no zip")
    db = reader.db("teacher")
    before = snapshot(db)
    done = reader("teacher", "collect", str(archive))
    assert done.code == 1 and len(done.err.splitlines()) == 1
    assert "is not a zip archive that can be read" in done.err
    assert snapshot(db) == before


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda raw: b"not json at all", "not valid JSON"),
        (lambda raw: raw.replace(b'"version": 1', b'"version": 7'), "made by a newer"),
        (lambda raw: raw.replace(b"The town spent", b"The city spent"), "does not match its SHA"),
    ],
)
def test_a_hostile_assignment_changes_nothing(
    edit: Callable[[bytes], bytes], expected: str, reader: People
) -> None:
    _, assignment = teacher_assigns(reader)
    bad = reader.folder / "bad.reader-assignment"
    bad.write_bytes(edit(assignment.read_bytes()))
    db = reader.db("Ana")
    before = snapshot(db)
    done = reader("Ana", "import", str(bad))
    assert done.code == 1
    [line] = done.err.splitlines()
    assert line.startswith("error: ") and expected in line
    assert snapshot(db) == before


def test_requests_that_make_no_sense_are_refused_and_change_nothing(
    reader: People, handed: tuple[int, Path]
) -> None:
    article_id, good = handed
    teacher = reader.db("teacher")
    ana = reader.db("Ana")
    before = (snapshot(teacher), snapshot(ana))
    keys = reader.folder / "keys"
    for who, args, expected in [
        ("teacher", ("hand-in", str(article_id), "-o", str(reader.folder / "x")), "was made in"),
        ("teacher", ("release-key", str(article_id), "-o", str(keys), "--per-student"), "nobody"),
        ("teacher", ("feedback", str(article_id), "--student", "Zed", "--comment", "x"), "no st"),
        ("teacher", ("class", "zz"), "neither an article number nor an assignment id"),
        ("teacher", ("class", "99"), "no article with id 99"),
        ("Ana", ("collect", str(good)), "which this library opened as a student"),
        ("Ana", ("report", str(article_id), "-o", str(reader.folder / "r.html")), "as a student"),
        ("Ana", ("class", str(article_id)), "is not released yet"),
        ("Ana", ("use-as-key", str(article_id)), "opened as a student"),
    ]:  # fmt: skip
        done = reader(who, *args)
        assert done.code == 1, args
        [line] = done.err.splitlines()
        assert line.startswith("error: ") and expected in line, (args, line)
    assert (snapshot(teacher), snapshot(ana)) == before
    assert not keys.exists()
