"""reader suggest, lock-suggestions and unlock-suggestions (reader.cli.suggestions)."""

import io
import json
import sqlite3
import sys
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.services.suggestions import accepted, dismissed
from reader.storage.library import Library
from reader.storage.migrations import migrate
from tests.cli.helpers import RunCli, imported_id, write_article


def test_suggest_kinds(cli: RunCli, tmp_path: Path) -> None:
    article_id = imported_id(cli, write_article(tmp_path))
    code, _, err = cli("suggest", str(article_id), "--kind", "context")
    assert code == 1 and err.startswith("error: unknown suggestion kind 'context'")
    code, out, _ = cli("suggest", str(article_id), "--kind", "sourced", "--json")
    assert code == 0
    assert {s["kind"] for s in json.loads(out)} <= {"sourced_claim"}
    assert all(s["attribution"] for s in json.loads(out))


def test_a_teacher_locks_suggestions_with_a_pin(
    cli: RunCli, tmp_path: Path, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_article(tmp_path, "Crime fell 40 percent in 2024. What a triumph!\n")
    article_id = imported_id(cli, path)
    assert cli("suggest", str(article_id), "--save")[0] == 0  # stored before the lock
    code, out, _ = cli("annotations", str(article_id), "--json")
    assert {a["status"] for a in json.loads(out)} == {"suggested"}
    monkeypatch.setattr(sys, "stdin", io.StringIO("2718\n"))
    code, out, _ = cli("lock-suggestions")
    assert code == 0 and "locked" in out
    code, out, _ = cli("annotations", str(article_id), "--json")
    assert code == 0 and json.loads(out) == []  # the stored suggestions are not listed
    code, _, err = cli("annotations", str(article_id), "--layer", "suggestions")
    assert code == 1 and "locked" in err
    for target in (str(article_id), str(path)):
        code, out, err = cli("suggest", target, "--json")
        assert code == 1 and out == ""
        assert err.count("\n") == 1 and "locked in this library by a teacher" in err
    suggested = len(Library.open(db).annotations(article_id))
    assert cli("suggest", str(article_id), "--save")[0] == 1
    code, _, err = cli(
        "annotate", str(article_id), "--kind", "opinion", "--quote", "triumph", "--layer",
        "suggestions",
    )  # fmt: skip
    assert code == 1 and "locked" in err
    for layer in ("Suggestions", "SUGGESTIONS"):
        code, _, err = cli(
            "annotate", str(article_id), "--kind", "opinion", "--quote", "triumph", "--layer",
            layer,
        )  # fmt: skip
        assert code == 1 and "locked" in err
    assert len(Library.open(db).annotations(article_id)) == suggested
    monkeypatch.setattr(sys, "stdin", io.StringIO("0000\n"))
    code, _, err = cli("unlock-suggestions")
    assert code == 1 and "wrong PIN" in err
    monkeypatch.setattr(sys, "stdin", io.StringIO("2718\n"))
    assert cli("unlock-suggestions")[0] == 0
    code, out, _ = cli("suggest", str(article_id), "--json")
    assert code == 0 and json.loads(out)


def test_suggesting_on_a_file_leaves_the_library_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = write_article(tmp_path, "Crime fell 40 percent in 2024. What a triumph!\n")
    old = tmp_path / "old.sqlite"  # a library from before the lock, and not a library at all
    conn = sqlite3.connect(old, isolation_level=None)
    migrate(conn, old, target=2)
    conn.close()
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a library", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    for db in (old, junk):
        assert main(["--db", str(db), "suggest", str(article), "--json"]) == 0
        assert json.loads(capsys.readouterr().out)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


LESSON = (
    "The mayor's appalling plan will ruin the town.\n\n"
    "Officials made 80,000 arrests since 2019.\n\n"
    "Crime fell 40 percent last year.\n\n"
    "This disgraceful council should resign at once!\n\n"
    "The new bridge cost 40 million dollars.\n"
)
LATER = "The shameful new budget will wreck our schools.\n\nThe new park cost 40 million dollars.\n"


def first_suggested(cli: RunCli, target: str) -> str:
    code, out, _ = cli("suggest", target, "--json")
    assert code == 0
    return str(json.loads(out)[0]["kind"])


def test_suggest_ranks_with_what_the_teacher_decided_until_reset(
    cli: RunCli, tmp_path: Path, db: Path
) -> None:
    code, out, _ = cli("suggestions-learning")
    assert code == 0 and out == "Nothing learned yet: suggestions are shown in the shipped order.\n"
    later_file = write_article(tmp_path, LATER, "later.md")
    later = str(imported_id(cli, later_file))
    shipped = cli("suggest", later, "--json")[1]
    assert first_suggested(cli, later) == "unsourced_claim"
    lesson = imported_id(cli, write_article(tmp_path, LESSON, "lesson.md"))
    assert cli("suggest", str(lesson), "--save", "--all")[0] == 0  # every one, to review
    library = Library.open(db)
    for suggestion in library.annotations(lesson, "suggestions"):  # keeps opinions only
        keep = suggestion.kind.value == "opinion"
        library.update_annotation(accepted(suggestion) if keep else dismissed(suggestion))
    library.close()

    assert first_suggested(cli, later) == "opinion"
    assert first_suggested(cli, str(later_file)) == "opinion"  # a file, ranked for --db
    code, out, _ = cli("suggestions-learning")
    assert code == 0
    assert "Suggested claims are shown less often: you kept 0 and dismissed 3." in out
    code, out, _ = cli("suggestions-learning", "--json")
    learned = json.loads(out)
    assert learned["reset"] is None
    assert {k: v for k, v in learned["learned"][0].items() if k != "weight"} == {
        "kind": "opinion",
        "cue": None,
        "kept": 2,
        "dismissed": 0,
    }
    assert learned["learned"][0]["weight"] > 0

    code, out, _ = cli("suggestions-learning", "--reset")
    assert code == 0 and out.startswith("Suggestions are shown in the shipped order again")
    assert cli("suggest", later, "--json")[1] == shipped
    code, out, _ = cli("suggestions-learning", "--json")
    assert json.loads(out)["learned"] == [] and json.loads(out)["reset"]
    assert cli("suggestions-learning", "--undo-reset")[0] == 0
    assert first_suggested(cli, later) == "opinion"
    code, out, err = cli("suggestions-learning", "--undo-reset")
    assert code == 1 and out == "" and err == "error: learning was not reset: nothing to undo\n"


def test_a_hostile_learning_setting_changes_nothing(cli: RunCli, tmp_path: Path, db: Path) -> None:
    lesson = imported_id(cli, write_article(tmp_path, LESSON, "lesson.md"))
    assert cli("suggest", str(lesson), "--save", "--all")[0] == 0  # every one, to review
    library = Library.open(db)
    for suggestion in library.annotations(lesson, "suggestions"):
        library.update_annotation(dismissed(suggestion))
    before = cli("suggestions-learning")[1]
    for value in ("9999", "2026-02-30T99:99:99", "<script>", "x" * 100_000):
        with library.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                ("suggestions_learning_reset", value),
            )
        code, out, err = cli("suggestions-learning")
        assert (code, out, err) == (0, before, "")


def test_suggest_on_a_missing_file_says_no_such_file(cli: RunCli, tmp_path: Path) -> None:
    missing = tmp_path / "missing.html"
    code, out, err = cli("suggest", str(missing))
    assert (code, out) == (1, "")
    assert err == f"error: no such file: {missing} (give a file, or an article ID)\n"


def test_save_stores_the_suggestions_it_lists_and_all_of_them_with_all(
    cli: RunCli, tmp_path: Path, db: Path
) -> None:
    """As Suggest Flags in the app: the best few per 1,000 words, the rest with --all."""
    sentences = [
        "The reckless council will surely ruin this wonderful town.",
        "Officials made 80,000 arrests last year.",
        "This disgraceful plan is a total disaster for everyone!",
        "Crime fell 40 percent in 2024.",
    ]
    article_id = imported_id(cli, write_article(tmp_path, "\n\n".join(sentences * 3) + "\n"))
    code, out, err = cli("suggest", str(article_id), "--save", "--json")
    assert code == 0 and "more with --all" in err
    listed = {(s["start"], s["end"]) for s in json.loads(out)}
    stored = Library.open(db).annotations(article_id, "suggestions")
    assert {(a.anchor.start, a.anchor.end) for a in stored} == listed
    code, out, _ = cli("suggest", str(article_id), "--save", "--all", "--json")
    assert code == 0 and len(json.loads(out)) > len(listed)
    stored = Library.open(db).annotations(article_id, "suggestions")
    assert len(stored) == len(json.loads(out))
