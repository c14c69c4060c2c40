"""Only our own library files are opened as libraries; any other file is left untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.models import ReaderError
from reader.storage.library import Library
from reader.storage.migrations import APPLICATION_ID, LATEST_VERSION, migrate, schema_version


def application_id(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA application_id").fetchone()[0])
    finally:
        conn.close()


def other_programs_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.execute("INSERT INTO notes (body) VALUES ('keep me')")
    conn.commit()
    conn.close()


def test_a_new_library_carries_our_application_id(tmp_path: Path) -> None:
    Library.open(tmp_path / "lib.sqlite").close()
    assert application_id(tmp_path / "lib.sqlite") == APPLICATION_ID


@pytest.mark.parametrize(
    "command", [["list"], ["annotate", "1", "--kind", "opinion", "--quote", "x"]]
)
@pytest.mark.parametrize("content", ["sqlite", "text", "empty"])
def test_a_file_that_is_not_a_library_is_refused_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, command: list[str]
) -> None:
    path = tmp_path / "other.db"
    if content == "sqlite":
        other_programs_database(path)
    else:
        path.write_bytes(b"" if content == "empty" else b"Dear diary,\n" * 400)
    before = path.read_bytes()
    assert main(["--db", str(path), *command]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"error: {path} is ")
    assert ("empty file" in err) is (content == "empty")
    assert "nothing was changed" in err and "internal error" not in err
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]  # no WAL, no backup


def test_a_library_from_before_the_application_id_is_known_by_its_tables(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, path, target=3)
    conn.close()
    assert application_id(path) == 0
    library = Library.open(path, read_only=True)  # needs an upgrade: opened for writing
    assert schema_version(library.conn) == LATEST_VERSION
    library.close()
    assert application_id(path) == APPLICATION_ID
    [backup] = tmp_path.glob("old.v3-*.backup.sqlite")
    assert application_id(backup) == 0


def test_the_busy_library_is_one_plain_line(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    library = Library.open(path)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the library
    try:
        library.conn.execute("PRAGMA busy_timeout = 50")
        with pytest.raises(ReaderError) as raised:
            library.set_layer_hidden(1, "mine", True)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert str(raised.value) == (
        "the library is busy in another program (the app or another 'reader' command is "
        "writing to it): nothing was saved; try again"
    )
    assert not library.conn.in_transaction
