"""The size-limited read shared by article, flag and classroom files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.core.limited_files import PLAIN, Refusals, read_limited_file
from reader.core.models import ReaderError


def too_large(name: str, size: int) -> str:
    return f"{name} has {size} bytes"


def refused(path: Path, refusals: Refusals = PLAIN, max_bytes: int = 10) -> str:
    with pytest.raises(ReaderError) as caught:
        read_limited_file(path, max_bytes, too_large, name="the file", refusals=refusals)
    return str(caught.value)


def test_a_file_within_the_limit_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_bytes(b"0123456789")
    assert read_limited_file(path, 10, too_large) == b"0123456789"


def test_messages_name_the_path_unless_told_otherwise(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(ReaderError, match=f"^{missing} does not exist$"):
        read_limited_file(missing, 10, too_large)


def test_each_refusal_in_the_default_wording(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 11)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # reading it would block: refused before it is opened
    assert refused(tmp_path / "missing.txt") == "the file does not exist"
    assert refused(tmp_path) == "the file is a folder, not a file"
    assert refused(fifo) == "the file is not a regular file"
    assert refused(big) == "the file has 11 bytes"


def test_each_refusal_in_a_callers_wording(tmp_path: Path) -> None:
    wording = Refusals(missing="no {name}", folder="{name}: folder", not_regular="{name}: odd")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert refused(tmp_path / "missing.txt", wording) == "no the file"
    assert refused(tmp_path, wording) == "the file: folder"
    assert refused(fifo, wording) == "the file: odd"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file_says_why(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_bytes(b"secret")
    path.chmod(0)
    assert refused(path) == "cannot read the file: Permission denied"
