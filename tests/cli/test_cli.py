import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.shipped import SAMPLE_ARTICLES
from reader.storage.library import Library
from reader.storage.migrations import migrate

RunCli = Callable[..., tuple[int, str, str]]

ARTICLE = """---
title: The bridge
author: Ana Núñez
publication: Riverside Post
url: https://example.org/bridge
published: "2025-05-01"
---

The new bridge cost 40 million dollars, the mayor said on Monday.

Residents cheered 🎉 as the first cars crossed. Residents cheered again at night.
"""


def write_article(tmp_path: Path, text: str = ARTICLE, name: str = "bridge.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def imported_id(cli: RunCli, path: Path) -> int:
    code, out, _ = cli("import", str(path), "--json")
    assert code == 0
    return int(json.loads(out)[0]["id"])


def test_import_list_show(cli: RunCli, tmp_path: Path) -> None:
    article_id = imported_id(cli, write_article(tmp_path))
    code, out, _ = cli("list", "--json")
    assert code == 0
    [entry] = json.loads(out)
    assert entry["title"] == "The bridge" and entry["publication"] == "Riverside Post"
    code, out, _ = cli("show", str(article_id), "--text")
    assert out.startswith(
        "The bridge\n\nAna Núñez · Riverside Post · 1 May 2025\n\n"
        "The new bridge cost 40 million dollars"
    )
    assert out.endswith("again at night.")


def test_reimport_unchanged_says_so(cli: RunCli, tmp_path: Path) -> None:
    path = write_article(tmp_path)
    cli("import", str(path))
    code, out, _ = cli("import", str(path))
    assert code == 0 and "unchanged" in out


def test_annotate_and_list_flags(cli: RunCli, tmp_path: Path) -> None:
    article_id = imported_id(cli, write_article(tmp_path))
    code, out, err = cli(
        "annotate",
        str(article_id),
        "--kind",
        "unsourced",
        "--quote",
        "40 million dollars",
        "--note",
        "Which budget line?",
        "--tag",
        "money",
        "--tag",
        "budget",
    )
    assert code == 0, err
    uuid = out.strip()
    code, out, _ = cli("annotations", str(article_id), "--json")
    [flag] = json.loads(out)
    assert flag["id"] == uuid and flag["kind"] == "unsourced_claim"
    assert flag["exact"] == "40 million dollars" and flag["tags"] == ["money", "budget"]
    _, text, _ = cli("show", str(article_id), "--text")
    assert text[flag["start"] : flag["end"]] == flag["exact"]


def test_ambiguous_quote_needs_occurrence(cli: RunCli, tmp_path: Path) -> None:
    article_id = imported_id(cli, write_article(tmp_path))
    code, out, err = cli(
        "annotate", str(article_id), "--kind", "opinion", "--quote", "Residents cheered"
    )
    assert code == 1 and out == ""
    assert err.startswith("error: ") and "occurs 2 times" in err and err.count("\n") == 1
    code, out, _ = cli(
        "annotate",
        str(article_id),
        "--kind",
        "opinion",
        "--quote",
        "Residents cheered",
        "--occurrence",
        "2",
        "--json",
    )
    assert code == 0 and json.loads(out)["start"] > 60


def test_user_errors_are_one_line(cli: RunCli, tmp_path: Path) -> None:
    for args in (
        ("show", "99"),
        ("annotate", "1", "--kind", "rumour", "--quote", "x"),
        ("export", "1", "--format", "pdf"),
        ("delete-annotation", "no-such-uuid"),
        ("import", str(tmp_path / "missing.md")),
        ("frobnicate",),
        ("list", "--bogus"),
    ):
        code, _, err = cli(*args)
        assert code == 1, args
        assert err.startswith("error: ") and err.count("\n") == 1, (args, err)
        assert "Traceback" not in err


def test_w3c_round_trip_into_a_fresh_library(cli: RunCli, tmp_path: Path) -> None:
    path = write_article(tmp_path)
    article_id = imported_id(cli, path)
    cli(
        "annotate",
        str(article_id),
        "--kind",
        "context",
        "--quote",
        "🎉 as the first cars",
        "--note",
        "Opening day *photo*",
        "--source",
        "https://example.org/photo",
    )
    cli("annotate", str(article_id), "--kind", "opinion", "--quote", "cheered again")
    exported = tmp_path / "flags.json"
    assert cli("export", str(article_id), "--format", "w3c", "-o", str(exported))[0] == 0
    _, before, _ = cli("annotations", str(article_id), "--json")

    fresh = tmp_path / "fresh.sqlite"
    Library.open(fresh).close()
    assert main(["--db", str(fresh), "import", str(path), str(exported)]) == 0
    [fresh_id] = [summary.id for summary in Library.open(fresh).articles()]
    after = Library.open(fresh).annotations(fresh_id)
    expected = json.loads(before)
    assert [
        (
            a.uuid,
            a.kind.value,
            a.anchor.start,
            a.anchor.end,
            a.anchor.exact,
            a.note,
            a.source,
            a.tags,
        )
        for a in after
    ] == [
        (f["id"], f["kind"], f["start"], f["end"], f["exact"], f["note"], f["source"], f["tags"])
        for f in expected
    ]


def test_edited_article_keeps_surviving_flags(cli: RunCli, tmp_path: Path) -> None:
    path = write_article(tmp_path)
    article_id = imported_id(cli, path)
    cli("annotate", str(article_id), "--kind", "unsourced", "--quote", "40 million dollars")
    cli("annotate", str(article_id), "--kind", "opinion", "--quote", "cheered again at night")
    path.write_text(
        ARTICLE.replace("The new bridge", "After years of delay, the new bridge").replace(
            " Residents cheered again at night.", ""
        ),
        encoding="utf-8",
    )
    code, out, _ = cli("import", str(path), "--json")
    [result] = json.loads(out)
    assert (result["outcome"], result["id"], result["version"]) == ("new_version", article_id, 2)
    assert result["orphaned"] == 1
    code, out, _ = cli("check")
    assert code == 0 and "integrity: ok" in out and "cheered again at night" in out
    _, out, _ = cli("annotations", str(article_id), "--json")
    statuses = {flag["exact"]: flag["status"] for flag in json.loads(out)}
    assert statuses == {"40 million dollars": "active", "cheered again at night": "orphaned"}


def test_export_formats(cli: RunCli, tmp_path: Path) -> None:
    article_id = imported_id(cli, write_article(tmp_path))
    cli(
        "annotate",
        str(article_id),
        "--kind",
        "unsourced",
        "--quote",
        "40 million dollars",
        "--note",
        "Which budget?",
    )
    _, markdown, _ = cli("export", str(article_id), "--format", "markdown")
    assert markdown.startswith("# The bridge") and "40 million dollars" in markdown
    _, csv_text, _ = cli("export", str(article_id), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(csv_text)))
    assert len(rows) == 1 and rows[0]["note"] == "Which budget?"


def test_search_and_backup(cli: RunCli, tmp_path: Path) -> None:
    article_id = imported_id(cli, write_article(tmp_path))
    cli(
        "annotate",
        str(article_id),
        "--kind",
        "unsourced",
        "--quote",
        "40 million dollars",
        "--note",
        "ask the treasurer",
    )
    code, out, _ = cli("search", "treasurer", "--json")
    assert code == 0 and json.loads(out)[0]["article_id"] == article_id
    backup = tmp_path / "copy.sqlite"
    code, out, _ = cli("backup", "-o", str(backup))
    assert code == 0 and backup.exists()


def test_new_library_is_filled_with_the_samples(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "new" / "lib.sqlite"
    assert main(["--db", str(db), "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    samples = sorted(SAMPLE_ARTICLES.glob("*.md"))
    assert len(listed) == len(samples) >= 3
    assert sum(sum(entry["counts"].values()) for entry in listed) >= 15


def test_sigkill_during_a_burst_loses_no_reported_flag(db: Path, tmp_path: Path) -> None:
    """Flags whose UUID annotate printed survive a SIGKILL of a later call."""
    words = " ".join(f"word{i}" for i in range(400))
    article = write_article(tmp_path, f"---\ntitle: Burst\n---\n\n{words}\n", "burst.md")
    assert main(["--db", str(db), "import", str(article)]) == 0
    env = dict(os.environ, READER_DB=str(db))
    reported: list[str] = []
    for i in range(40):
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "reader",
                "annotate",
                "1",
                "--kind",
                "opinion",
                "--quote",
                f"word{i} ",
                "--note",
                f"note {i}",
            ],
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        if i % 4 == 3:
            time.sleep(0.05 * (i % 7))  # kill at varying moments, some mid-write
            process.send_signal(signal.SIGKILL)
        out, _ = process.communicate()
        if process.returncode == 0 and out.strip():
            reported.append(out.strip())
    library = Library.open(db)
    saved = {a.uuid for a in library.annotations(1)}
    assert reported and set(reported) <= saved
    assert library.check().ok


def test_more_user_errors(cli: RunCli, tmp_path: Path) -> None:
    article_id = imported_id(cli, write_article(tmp_path))
    code, _, err = cli("annotate", str(article_id), "--kind", "bogus", "--quote", "Residents")
    assert code == 1 and "unknown kind" in err
    code, _, err = cli("annotations", str(article_id), "--layer", "nosuch")
    assert code == 1 and "no layer named 'nosuch'" in err
    code, _, err = cli("backup", "-o", str(tmp_path / "missing" / "copy.sqlite"))
    assert code == 1 and "does not exist" in err
    assert not (tmp_path / "missing").exists()


def test_delete_annotation_json(cli: RunCli, tmp_path: Path) -> None:
    article_id = imported_id(cli, write_article(tmp_path))
    _, out, _ = cli("annotate", str(article_id), "--kind", "opinion", "--quote", "cheered again")
    code, out, _ = cli("delete-annotation", out.strip(), "--json")
    assert code == 0 and json.loads(out)["deleted"] is True
    assert json.loads(cli("annotations", str(article_id), "--json")[1]) == []


def test_export_and_backup_never_overwrite_the_library(
    cli: RunCli, tmp_path: Path, db: Path
) -> None:
    article_id = imported_id(cli, write_article(tmp_path))
    code, _, err = cli("export", str(article_id), "--format", "csv", "-o", str(db))
    assert code == 1 and "overwrite the library" in err
    code, _, err = cli("backup", "-o", f"{db}-wal")
    assert code == 1 and "overwrite the library" in err
    assert cli("check")[0] == 0


def test_suggest_kinds(cli: RunCli, tmp_path: Path) -> None:
    article_id = imported_id(cli, write_article(tmp_path))
    code, _, err = cli("suggest", str(article_id), "--kind", "context")
    assert code == 1 and err.startswith("error: unknown suggestion kind 'context'")
    code, out, _ = cli("suggest", str(article_id), "--kind", "sourced", "--json")
    assert code == 0
    assert {s["kind"] for s in json.loads(out)} <= {"sourced_claim"}
    assert all(s["attribution"] for s in json.loads(out))


def test_unwritable_library_folder_is_a_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", "/proc/no-such-folder/lib.sqlite", "list"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: cannot create folder") and err.count("\n") == 1


BURST = """
import sys
from reader.cli.main import main
for i in range(2000):
    main(["annotate", "1", "--kind", "opinion", "--quote", f"word{i % 400} ",
          "--occurrence", "1", "--note", f"note {i}"])
"""


def test_sigkill_mid_write_keeps_every_reported_flag(db: Path, tmp_path: Path) -> None:
    """A process writing flags back to back is killed at random moments, mid-transaction too."""
    words = " ".join(f"word{i}" for i in range(400))
    article = write_article(tmp_path, f"---\ntitle: Burst\n---\n\n{words}\n", "burst.md")
    assert main(["--db", str(db), "import", str(article)]) == 0
    env = dict(os.environ, READER_DB=str(db))
    reported: list[str] = []
    for round_number in range(4):
        with subprocess.Popen(  # closes the pipe and waits for the child on leaving
            [sys.executable, "-c", BURST], stdout=subprocess.PIPE, env=env, text=True
        ) as child:
            assert child.stdout is not None
            for _ in range(10 + 7 * round_number):  # a different number of flags each round
                reported.append(child.stdout.readline().strip())
            time.sleep(0.003 * round_number)
            child.send_signal(signal.SIGKILL)
    library = Library.open(db)
    saved = {annotation.uuid for annotation in library.annotations(1)}
    assert all(reported) and set(reported) <= saved
    assert library.check().ok


def test_exports_leave_out_suggestions(cli: RunCli, tmp_path: Path) -> None:
    text = ARTICLE + "\nThe notorious scheme cost 80,000 families their savings since 2019!\n"
    article_id = imported_id(cli, write_article(tmp_path, text))
    cli("annotate", str(article_id), "--kind", "opinion", "--quote", "cheered again")
    assert cli("suggest", str(article_id), "--save")[0] == 0
    _, flags, _ = cli("annotations", str(article_id), "--json")
    assert any(flag["status"] == "suggested" for flag in json.loads(flags))
    _, csv_text, _ = cli("export", str(article_id), "--format", "csv")
    assert [row["exact"] for row in csv.DictReader(io.StringIO(csv_text))] == ["cheered again"]


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


def test_headline_and_byline_are_flagged_exported_and_found(cli: RunCli, tmp_path: Path) -> None:
    article_id = imported_id(cli, write_article(tmp_path))
    for quote, kind in (("The bridge", "opinion"), ("Riverside Post", "context")):
        code, _, err = cli("annotate", str(article_id), "--kind", kind, "--quote", quote)
        assert code == 0, err
    _, out, _ = cli("annotations", str(article_id), "--json")
    anchors = [(flag["start"], flag["exact"]) for flag in json.loads(out)]
    assert anchors == [(0, "The bridge"), (len("The bridge\n\nAna Núñez · "), "Riverside Post")]
    _, markdown, _ = cli("export", str(article_id), "--format", "markdown")
    assert "> The bridge" in markdown and "> Riverside Post" in markdown
    code, out, _ = cli("search", "Riverside", "--json")
    assert code == 0
    [hit] = [hit for hit in json.loads(out) if hit["annotation_uuid"] is None]
    assert hit["snippet"].startswith("The bridge\n\nAna Núñez · [Riverside] Post")
