from pathlib import Path

import pytest

from reader.cli.main import main
from reader.storage.library import Library
from tests.cli.helpers import RunCli


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """An existing, empty library (so no sample articles are added to it)."""
    path = tmp_path / "lib.sqlite"
    Library.open(path).close()
    return path


@pytest.fixture
def cli(db: Path, capsys: pytest.CaptureFixture[str]) -> RunCli:
    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--db", str(db), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
