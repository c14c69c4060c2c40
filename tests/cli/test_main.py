"""What every command shares (reader.cli.main): one-line user errors and their exit status."""

from pathlib import Path

import pytest

from reader.cli.main import main
from tests.cli.helpers import RunCli, imported_id, write_article


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
