"""A library whose file and folder the user may not write: read when SQLite can, a clear
line when it cannot.  Root ignores permission bits, so the reads run in a subprocess as
the user nobody, with the system's Python (the storage code needs only the standard
library); skipped where that is impossible."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.storage.library import Library

READ_ONLY = "error: the library file is read-only: nothing was saved"
ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import sys
from pathlib import Path
from reader.core.models import ReaderError
from reader.storage.library import Library
try:
    library = Library.open(Path(sys.argv[1]), read_only=sys.argv[2] == "read")
    print(len(library.articles()))
    library.set_layer_hidden(1, "mine", True)
except ReaderError as error:
    print(f"error: {error}")
"""


def as_nobody(db: Path, mode: str) -> list[str]:
    done = run_as_nobody(SCRIPT, str(db), mode)
    assert done.stderr == ""
    return done.stdout.splitlines()


def run_as_nobody(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["/usr/bin/python3", "-c", script, *args],
        user="nobody",
        group="nogroup",
        extra_groups=[],
        capture_output=True,
        text=True,
        cwd="/",
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        timeout=60,
    )


@pytest.fixture
def folder() -> Iterator[Path]:
    if os.geteuid() != 0 or not os.path.exists("/usr/bin/python3"):
        pytest.skip("needs root and /usr/bin/python3 to read as the user nobody")
    tried = run_as_nobody("import reader.storage.library")
    if tried.returncode:
        pytest.skip(f"the user nobody cannot run this checkout's code: {tried.stderr[-200:]}")
    path = Path(tempfile.mkdtemp(prefix="reader-ro-", dir="/tmp"))
    path.chmod(0o755)
    yield path
    path.chmod(0o755)
    shutil.rmtree(path)


def read_only_library(folder: Path, keep_shm: bool) -> Path:
    db = folder / "lib.sqlite"
    library = Library.open(db)
    library.close()
    if keep_shm:  # a reader's connection leaves -wal and -shm behind
        Library.open(db, read_only=True).close()
    assert (folder / "lib.sqlite-shm").exists() is keep_shm
    db.chmod(0o444)
    folder.chmod(0o555)
    return db


def test_a_read_only_library_with_its_shm_is_read_and_not_written(folder: Path) -> None:
    db = read_only_library(folder, keep_shm=True)
    for mode in ("read", "write"):
        assert as_nobody(db, mode) == ["0", READ_ONLY], mode
    assert sorted(path.name for path in folder.iterdir()) == [
        "lib.sqlite", "lib.sqlite-shm", "lib.sqlite-wal",
    ]  # fmt: skip


def test_a_read_only_library_without_its_shm_says_why_it_cannot_be_read(folder: Path) -> None:
    db = read_only_library(folder, keep_shm=False)
    assert as_nobody(db, "read") == [
        f"error: cannot read library lib.sqlite: SQLite needs to create lib.sqlite-shm beside "
        f"it, and its folder {folder} cannot be written (copy the library to a folder you can "
        "write to): nothing was changed"
    ]
    assert sorted(path.name for path in folder.iterdir()) == ["lib.sqlite"]
