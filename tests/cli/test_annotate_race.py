"""`annotate` while a re-import rewrites the article: the quote is looked up in the text
that the same write transaction sees, so the flag lands on the new text."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.core.models import ArticleMeta, SourceFormat
from reader.storage.library import Library

NANOSLEEP_CALLS = {"35", "230"}  # nanosleep, clock_nanosleep on x86-64: SQLite's busy wait


def sleeping_in_busy_wait(pid: int) -> bool:
    """Whether the process sleeps in a nanosleep call: SQLite waiting for the write lock
    (Python's start-up and the command's own work never sleep)."""
    try:
        return Path(f"/proc/{pid}/syscall").read_text().split()[0] in NANOSLEEP_CALLS
    except (OSError, IndexError):
        return False


@pytest.mark.skipif(
    not (sys.platform.startswith("linux") and os.uname().machine == "x86_64"),
    reason="watches the command's system calls in /proc (Linux, x86-64)",
)
def test_annotate_during_a_reimport_quotes_the_new_text(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    library = Library.open(db)
    body = "The bridge cost 40 million dollars, officials said.\n\nResidents cheered."
    meta = ArticleMeta(title="Bridge", markdown=body, source_format=SourceFormat.MARKDOWN)
    article = library.import_article(meta).article
    article_id = article.id
    library.close()
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # a re-import in progress: the text moves on
    writer.execute("UPDATE articles SET text = 'Update: ' || text WHERE id = ?", (article_id,))
    command = subprocess.Popen(
        [sys.executable, "-m", "reader", "--db", str(db), "annotate", str(article_id),
         "--kind", "opinion", "--quote", "Residents cheered"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while not sleeping_in_busy_wait(command.pid):
            assert command.poll() is None and time.monotonic() < deadline
            time.sleep(0.005)
    finally:
        writer.execute("COMMIT")
        writer.close()
    out, err = command.communicate(timeout=60)
    assert (command.returncode, err) == (0, "")
    [flag] = Library.open(db).annotations(article_id)
    assert flag.uuid == out.strip()
    assert (flag.anchor.start, flag.anchor.exact) == (
        len("Update: ") + article.text.index("Residents cheered"),
        "Residents cheered",
    )
