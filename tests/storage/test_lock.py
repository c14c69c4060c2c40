"""The teacher's suggestions lock: a PIN kept only as a salted hash, in the library file."""

import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from reader.anchoring.selectors import make_anchor
from reader.core.models import (
    Annotation,
    ArticleMeta,
    Kind,
    LayerKind,
    ReaderError,
    SourceFormat,
    Status,
)
from reader.storage.library import Library
from reader.storage.lock import FREE_PIN_TRIES, SUGGESTIONS_LOCK, suggestions_locked_in
from reader.storage.migrations import LATEST_VERSION, migrate, schema_version
from reader.storage.pins import hash_pin, pin_matches


def test_lock_and_unlock_with_the_same_pin(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    assert not library.suggestions_locked()
    library.lock_suggestions("2718")
    assert library.suggestions_locked()
    with pytest.raises(ReaderError, match="wrong PIN"):
        library.unlock_suggestions("2719")
    assert library.suggestions_locked()
    library.close()
    reopened = Library.open(tmp_path / "lib.sqlite")  # the lock is in the file
    assert reopened.suggestions_locked()
    reopened.unlock_suggestions("2718")
    assert not reopened.suggestions_locked()
    with pytest.raises(ReaderError, match="not locked"):
        reopened.unlock_suggestions("2718")


def test_the_file_holds_a_salted_hash_not_the_pin(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    library.lock_suggestions("secret-pin")
    stored = library.setting(SUGGESTIONS_LOCK)
    assert stored is not None and "secret-pin" not in stored
    files = list(tmp_path.glob("lib.sqlite*"))  # the write-ahead log too
    assert stored.encode() in b"".join(f.read_bytes() for f in files)  # where it would be
    assert all(b"secret-pin" not in f.read_bytes() for f in files)
    assert hash_pin("secret-pin") != hash_pin("secret-pin")  # a new salt each time
    assert pin_matches("secret-pin", stored) and not pin_matches("Secret-pin", stored)
    assert not pin_matches("secret-pin", "scrypt$zz$00") and not pin_matches("x", "garbage")


def test_short_pin_or_second_lock_changes_nothing(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    with pytest.raises(ReaderError, match="4 to 128 characters"):
        library.lock_suggestions("123")
    assert not library.suggestions_locked()
    library.lock_suggestions("1234")
    before = library.setting(SUGGESTIONS_LOCK)
    with pytest.raises(ReaderError, match="locked already"):
        library.lock_suggestions("5678")
    assert library.setting(SUGGESTIONS_LOCK) == before


def test_a_version_2_library_gains_the_settings_table(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, path, target=2)
    conn.close()
    library = Library.open(path)
    assert schema_version(library.conn) == LATEST_VERSION
    assert not library.suggestions_locked()
    assert len(list(tmp_path.glob("old.v2-*.backup.sqlite"))) == 1


def article_with_a_suggestion(library: Library) -> tuple[int, str, Annotation]:
    """An article, its text and an opinion suggestion on its last sentence (not stored)."""
    meta = ArticleMeta(
        title="T",
        markdown="Crime fell 40 percent. What a triumph!",
        source_format=SourceFormat.MARKDOWN,
        source_path="/t.md",
    )
    article_id = library.import_article(meta).article.id
    text = library.article(article_id).text
    suggestion = Annotation(
        article_id=article_id,
        kind=Kind.OPINION,
        anchor=make_anchor(text, 23, len(text)),
        layer=LayerKind.SUGGESTIONS.value,
        status=Status.SUGGESTED,
    )
    return article_id, text, suggestion


def test_no_writer_stores_a_suggestion_while_locked(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    library = Library.open(path)
    article_id, text, suggestion = article_with_a_suggestion(library)
    library.add_annotation(suggestion)
    Library.open(path).lock_suggestions("2718")  # another process locks the library
    mine = Annotation(
        article_id=article_id, kind=Kind.UNSOURCED_CLAIM, anchor=make_anchor(text, 0, 22)
    )
    for write in (
        lambda: library.add_annotation(replace(suggestion, uuid="other")),
        lambda: library.update_annotation(replace(suggestion, status=Status.DISMISSED)),
        lambda: library.replace_annotations(
            [], [mine, replace(mine, uuid="x", layer="suggestions")]
        ),
        # accepting it, in place or as a new flag, or deleting it
        lambda: library.update_annotation(replace(suggestion, status=Status.ACTIVE, layer="mine")),
        lambda: library.replace_annotations([suggestion.uuid], [replace(mine, uuid="y")]),
        lambda: library.delete_annotation(suggestion.uuid),
    ):
        with pytest.raises(ReaderError, match="locked"):
            write()
    assert [a.uuid for a in library.annotations(article_id)] == [suggestion.uuid]
    assert library.annotation(suggestion.uuid).status is Status.SUGGESTED
    library.add_annotation(mine)  # the reader's own flags are never locked
    assert len(library.annotations(article_id)) == 2


def test_note_search_never_returns_suggestions(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    article_id, text, suggestion = article_with_a_suggestion(library)
    mine = Annotation(
        article_id=article_id,
        kind=Kind.OPINION,
        anchor=make_anchor(text, 23, len(text)),
        note="A triumph for whom?",
    )
    library.add_annotations([suggestion, mine])
    flagged = [hit.annotation_uuid for hit in library.search("triumph") if hit.annotation_uuid]
    assert flagged == [mine.uuid]


def test_the_lock_is_read_from_a_file_without_changing_it(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    library = Library.open(path)
    assert not suggestions_locked_in(path)
    library.lock_suggestions("2718")
    assert suggestions_locked_in(path)
    old = tmp_path / "old.sqlite"  # a version 2 library: no settings table yet
    conn = sqlite3.connect(old, isolation_level=None)
    migrate(conn, old, target=2)
    conn.close()
    junk = tmp_path / "notes.txt"
    junk.write_text("not a library", encoding="utf-8")
    before = sorted(p.name for p in tmp_path.iterdir())
    assert not suggestions_locked_in(old) and not suggestions_locked_in(junk)
    assert not suggestions_locked_in(tmp_path / "missing.sqlite")
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no backup, no new file
    assert schema_version(sqlite3.connect(old)) == 2


class Clock:
    """A clock the test moves by hand: no sleeping."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_repeated_wrong_pins_slow_down_the_next_try(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    library.lock_suggestions("2718")
    clock = Clock()
    for _ in range(FREE_PIN_TRIES - 1):
        with pytest.raises(ReaderError, match="^wrong PIN: suggestions stay locked$"):
            library.unlock_suggestions("0000", now=clock)
    with pytest.raises(ReaderError, match=r"^wrong PIN: suggestions stay locked; the next try in "
                       r"30 seconds$"):  # fmt: skip
        library.unlock_suggestions("0000", now=clock)
    clock.now += 20
    other = Library.open(tmp_path / "lib.sqlite")  # another program on the library
    with pytest.raises(ReaderError, match=r"^too many wrong PINs: try again in 10 seconds"):
        other.unlock_suggestions("2718", now=clock)  # even the right PIN waits
    assert other.suggestions_locked()
    clock.now += 10
    with pytest.raises(ReaderError, match="the next try in 1 minute$"):
        other.unlock_suggestions("0000", now=clock)
    clock.now += 60
    library.unlock_suggestions("2718", now=clock)
    assert not library.suggestions_locked()
    library.lock_suggestions("3141")  # unlocked: the count starts again
    with pytest.raises(ReaderError, match="^wrong PIN: suggestions stay locked$"):
        library.unlock_suggestions("0000", now=clock)


def test_the_wait_grows_to_an_hour_at_most(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    library.lock_suggestions("2718")
    clock = Clock()
    waits = []
    for _ in range(FREE_PIN_TRIES + 10):
        with pytest.raises(ReaderError) as raised:
            library.unlock_suggestions("0000", now=clock)
        waits.append(str(raised.value).rpartition("the next try in ")[2])
        clock.now += 3600
    assert waits[FREE_PIN_TRIES - 1 : FREE_PIN_TRIES + 3] == [
        "30 seconds", "1 minute", "2 minutes", "4 minutes",
    ]  # fmt: skip
    assert waits[-1] == "60 minutes"


def test_the_wait_holds_for_the_command_line_too(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    library = Library.open(db)
    library.lock_suggestions("2718")
    for _ in range(FREE_PIN_TRIES):
        with pytest.raises(ReaderError):
            library.unlock_suggestions("0000")  # the real clock
    done = subprocess.run(
        [sys.executable, "-m", "reader", "--db", str(db), "unlock-suggestions"],
        input="2718\n", capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 1
    assert done.stderr.startswith("error: too many wrong PINs: try again in ")
    assert library.suggestions_locked()
