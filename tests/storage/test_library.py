"""The facade: opening the file, its modes, checks and backups."""

from pathlib import Path

import pytest

from reader.core.models import ReaderError
from reader.storage.library import Library
from tests.storage.sample import flag, meta


def test_wal_and_foreign_keys(library: Library) -> None:
    assert library.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert library.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(ReaderError, match="not a SQLite database"):
        Library.open(path)


def test_backup_is_a_readable_copy(library: Library, tmp_path: Path) -> None:
    article = library.import_article(meta()).article
    flag(library, article.id, "Residents")
    library.backup(tmp_path / "copy.sqlite")
    copy = Library.open(tmp_path / "copy.sqlite")
    assert len(copy.annotations(article.id)) == 1
    assert copy.check().ok
