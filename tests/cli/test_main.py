"""What every command shares (reader.cli.main): one-line user errors and their exit status."""

from __future__ import annotations

import gc
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.storage.files import has_wal_content
from reader.storage.library import Library
from tests.cli.helpers import RunCli, imported_id, write_article
from tests.storage.mounts import fill, read_only_file, remount_read_only, small_disk


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


def test_more_user_errors(cli: RunCli, tmp_path: Path) -> None:
    article_id = imported_id(cli, write_article(tmp_path))
    code, _, err = cli("annotate", str(article_id), "--kind", "bogus", "--quote", "Residents")
    assert code == 1 and "unknown kind" in err
    code, _, err = cli("annotations", str(article_id), "--layer", "nosuch")
    assert code == 1 and "no layer named 'nosuch'" in err
    code, _, err = cli("backup", "-o", str(tmp_path / "missing" / "copy.sqlite"))
    assert code == 1 and "does not exist" in err
    assert not (tmp_path / "missing").exists()


def test_unwritable_library_folder_is_a_user_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", "/proc/no-such-folder/lib.sqlite", "list"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: cannot create folder") and err.count("\n") == 1


# -----------------------------------------------------------------------------
# A full disk, a read-only library or read-only media: one plain line, nothing saved,
# exit status 1 — and reading commands still read.


FULL = "error: the disk is full: nothing was saved\n"
READ_ONLY = "error: the library file is read-only: nothing was saved\n"


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def long_article(folder: Path) -> Path:
    words = random.Random(4).choices(["council", "budget", "bridge", "river", "mayor"], k=120_000)
    path = folder / "long.txt"
    path.write_text(
        "\n\n".join(" ".join(words[i : i + 40]) + "." for i in range(0, len(words), 40))
    )
    return path


def state(capsys: pytest.CaptureFixture[str], db: Path) -> tuple[list[int], int]:
    """The articles' ids and how many flags article 1 has, read by the command line."""
    code, out, err = run(capsys, db, "list", "--json")
    assert (code, err) == (0, ""), err
    code, flags, err = run(capsys, db, "annotations", "1", "--json")
    assert (code, err) == (0, ""), err
    return [entry["id"] for entry in json.loads(out)], len(json.loads(flags))


def annotate(capsys: pytest.CaptureFixture[str], db: Path) -> tuple[int, str, str]:
    code, text, _ = run(capsys, db, "show", "1", "--text")
    assert code == 0
    return run(capsys, db, "annotate", "1", "--kind", "opinion", "--quote", text.split(".")[0])


def test_a_full_disk_during_an_import_saves_nothing_and_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    article = long_article(tmp_path)
    with small_disk(tmp_path / "disk") as disk:
        db = disk / "lib.sqlite"
        before = state(capsys, db)  # a new library, with the sample articles
        assert run(capsys, db, "import", str(article)) == (1, "", FULL)
        assert state(capsys, db) == before
        assert run(capsys, db, "check")[0] == 0


def test_a_full_disk_refuses_a_flag_and_still_reads(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        db = disk / "lib.sqlite"
        before = state(capsys, db)
        fill(disk)
        assert annotate(capsys, db) == (1, "", FULL)
        assert state(capsys, db) == before
        assert run(capsys, db, "search", "library")[0] == 0
        assert run(capsys, db, "export", "1", "--format", "csv")[0] == 0
        assert run(capsys, db, "check")[0] == 0
        (disk / "filler").unlink()
        assert annotate(capsys, db)[0] == 0
        assert state(capsys, db) == (before[0], before[1] + 1)


def test_a_read_only_library_file_refuses_a_flag_and_still_reads(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "lib.sqlite"
    before = state(capsys, db)
    with read_only_file(db):
        assert annotate(capsys, db) == (1, "", READ_ONLY)
        assert state(capsys, db) == before
        assert run(capsys, db, "check")[0] == 0
        assert run(capsys, db, "backup", "-o", str(tmp_path / "copy.sqlite"))[0] == 0
    assert state(capsys, tmp_path / "copy.sqlite") == before


@pytest.mark.parametrize("wal_left", [False, True], ids=["closed", "wal-left"])
def test_a_library_on_read_only_media_can_be_read_but_not_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, wal_left: bool
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        db = disk / "lib.sqlite"
        made = subprocess.run(
            [sys.executable, "-m", "reader", "--db", str(db), "list"], capture_output=True
        )
        assert made.returncode == 0
        if wal_left:  # a reader closes last: the writer's pages stay in the -wal
            reader = Library.open(db, read_only=True)
            writer = Library.open(db)
            writer.set_layer_hidden(1, "mine", True)
            writer.close()
            reader.close()
        before = state(capsys, db)
        gc.collect()
        files = sorted(path.name for path in disk.iterdir())
        assert has_wal_content(db) is wal_left
        remount_read_only(disk)
        assert state(capsys, db) == before
        for command in (["show", "1"], ["search", "library"], ["check"]):
            assert run(capsys, db, *command)[0] == 0, command
        assert run(capsys, db, "export", "1", "--format", "w3c")[0] == 0
        assert annotate(capsys, db) == (1, "", READ_ONLY)
        assert sorted(path.name for path in disk.iterdir()) == files
