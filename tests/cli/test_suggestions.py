"""reader suggest, lock-suggestions and unlock-suggestions (reader.cli.suggestions)."""

import io
import json
import sqlite3
import sys
from pathlib import Path

import pytest

from reader.cli.main import main
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
