"""`backup -o` and `export -o` compare files, not names, and never replace a file unasked."""

import os
import sqlite3
from pathlib import Path

import pytest

from reader.storage.library import Library
from tests.cli.helpers import RunCli, imported_id, write_article


def flag_count(path: Path) -> int:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM annotations").fetchone()[0])
    finally:
        conn.close()


def flagged(cli: RunCli, tmp_path: Path) -> int:
    article_id = imported_id(cli, write_article(tmp_path))
    assert cli("annotate", str(article_id), "--kind", "opinion", "--quote", "cheered again")[0] == 0
    return article_id


def test_backup_onto_a_hard_link_of_the_library_is_refused(
    cli: RunCli, tmp_path: Path, db: Path
) -> None:
    flagged(cli, tmp_path)
    hard = tmp_path / "hard.sqlite"
    os.link(db, hard)
    code, _, err = cli("backup", "-o", str(hard))
    assert code == 1 and err == "error: the backup must not overwrite the library itself\n"
    article_id = flagged(cli, tmp_path)
    assert cli("check")[0] == 0
    assert flag_count(db) == 2 and len(Library.open(db).annotations(article_id)) == 2


@pytest.mark.parametrize("command", ["backup", "export"])
def test_a_symlink_to_the_library_or_its_wal_is_the_library(
    cli: RunCli, tmp_path: Path, db: Path, command: str
) -> None:
    article_id = flagged(cli, tmp_path)
    args = ["--force"] if command == "backup" else [str(article_id), "--format", "csv"]
    for target in (db, Path(f"{db}-wal"), Path(f"{db}-journal")):
        link = tmp_path / f"link-{target.name}"
        link.symlink_to(target)  # the -journal one dangles
        code, _, err = cli(command, "-o", str(link), *args)
        assert code == 1 and "must not overwrite the library itself" in err, err
    assert flag_count(db) == 1


def test_the_library_is_found_under_another_spelling_of_its_folder(
    tmp_path: Path, db: Path
) -> None:
    library = Library.open(db)
    (tmp_path / "sub").mkdir()
    assert library.is_library_file(tmp_path / "sub" / ".." / "lib.sqlite")
    assert library.is_library_file(tmp_path / "LIB.SQLITE-WAL")  # as a case-blind disk sees it
    assert not library.is_library_file(tmp_path / "lib.sqlite.csv")


def test_backup_refuses_an_existing_file_unless_forced(
    cli: RunCli, tmp_path: Path, db: Path
) -> None:
    flagged(cli, tmp_path)
    other = tmp_path / "other.sqlite"
    Library.open(other).close()
    before = other.read_bytes()
    code, _, err = cli("backup", "-o", str(other))
    assert (
        code == 1 and err == f"error: {other} exists: nothing was written (--force replaces it)\n"
    )
    assert other.read_bytes() == before
    code, out, _ = cli("backup", "-o", str(other), "--force")
    assert code == 0 and flag_count(other) == 1


def test_backup_never_writes_through_a_symlink(cli: RunCli, tmp_path: Path) -> None:
    flagged(cli, tmp_path)
    outside = tmp_path / "elsewhere.sqlite"
    for exists in (False, True):
        if exists:
            outside.write_bytes(b"keep")
        link = tmp_path / f"link-{exists}.sqlite"
        link.symlink_to(outside)
        code, _, err = cli("backup", "-o", str(link), "--force")
        assert code == 1 and err == f"error: {link} is a symbolic link: nothing was written\n"
        assert link.is_symlink()
    assert outside.read_bytes() == b"keep"
