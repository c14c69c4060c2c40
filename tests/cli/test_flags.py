"""reader annotate, annotations and delete-annotation (reader.cli.flags)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.models import ArticleMeta, SourceFormat
from reader.storage.library import Library
from tests.cli.helpers import RunCli, imported_id, write_article


def test_annotate_and_list_flags(cli: RunCli, tmp_path: Path) -> None:
    article_id = imported_id(cli, write_article(tmp_path))
    code, out, err = cli(
        "annotate",
        str(article_id),
        "--kind",
        "unsourced",
        "--quote",
        "40 million dollars",
        "--note",
        "Which budget line?",
        "--tag",
        "money",
        "--tag",
        "budget",
    )
    assert code == 0, err
    uuid = out.strip()
    code, out, _ = cli("annotations", str(article_id), "--json")
    [flag] = json.loads(out)
    assert flag["id"] == uuid and flag["kind"] == "unsourced_claim"
    assert flag["exact"] == "40 million dollars" and flag["tags"] == ["money", "budget"]
    _, text, _ = cli("show", str(article_id), "--text")
    assert text[flag["start"] : flag["end"]] == flag["exact"]


def test_ambiguous_quote_needs_occurrence(cli: RunCli, tmp_path: Path) -> None:
    article_id = imported_id(cli, write_article(tmp_path))
    code, out, err = cli(
        "annotate", str(article_id), "--kind", "opinion", "--quote", "Residents cheered"
    )
    assert code == 1 and out == ""
    assert err.startswith("error: ") and "occurs 2 times" in err and err.count("\n") == 1
    code, out, _ = cli(
        "annotate",
        str(article_id),
        "--kind",
        "opinion",
        "--quote",
        "Residents cheered",
        "--occurrence",
        "2",
        "--json",
    )
    assert code == 0 and json.loads(out)["start"] > 60


def test_delete_annotation_json(cli: RunCli, tmp_path: Path) -> None:
    article_id = imported_id(cli, write_article(tmp_path))
    _, out, _ = cli("annotate", str(article_id), "--kind", "opinion", "--quote", "cheered again")
    code, out, _ = cli("delete-annotation", out.strip(), "--json")
    assert code == 0 and json.loads(out)["deleted"] is True
    assert json.loads(cli("annotations", str(article_id), "--json")[1]) == []


def test_sigkill_during_a_burst_loses_no_reported_flag(db: Path, tmp_path: Path) -> None:
    """Flags whose UUID annotate printed survive a SIGKILL of a later call."""
    words = " ".join(f"word{i}" for i in range(400))
    article = write_article(tmp_path, f"---\ntitle: Burst\n---\n\n{words}\n", "burst.md")
    assert main(["--db", str(db), "import", str(article)]) == 0
    env = dict(os.environ, READER_DB=str(db))
    reported: list[str] = []
    for i in range(40):
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "reader",
                "annotate",
                "1",
                "--kind",
                "opinion",
                "--quote",
                f"word{i} ",
                "--note",
                f"note {i}",
            ],
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )
        if i % 4 == 3:
            time.sleep(0.05 * (i % 7))  # kill at varying moments, some mid-write
            process.send_signal(signal.SIGKILL)
        out, _ = process.communicate()
        if process.returncode == 0 and out.strip():
            reported.append(out.strip())
    library = Library.open(db)
    saved = {a.uuid for a in library.annotations(1)}
    assert reported and set(reported) <= saved
    assert library.check().ok


BURST = """
import sys
from reader.cli.main import main
for i in range(2000):
    main(["annotate", "1", "--kind", "opinion", "--quote", f"word{i % 400} ",
          "--occurrence", "1", "--note", f"note {i}"])
"""


def test_sigkill_mid_write_keeps_every_reported_flag(db: Path, tmp_path: Path) -> None:
    """A process writing flags back to back is killed at random moments, mid-transaction too."""
    words = " ".join(f"word{i}" for i in range(400))
    article = write_article(tmp_path, f"---\ntitle: Burst\n---\n\n{words}\n", "burst.md")
    assert main(["--db", str(db), "import", str(article)]) == 0
    env = dict(os.environ, READER_DB=str(db))
    reported: list[str] = []
    for round_number in range(4):
        with subprocess.Popen(  # closes the pipe and waits for the child on leaving
            [sys.executable, "-c", BURST], stdout=subprocess.PIPE, env=env, text=True
        ) as child:
            assert child.stdout is not None
            for _ in range(10 + 7 * round_number):  # a different number of flags each round
                reported.append(child.stdout.readline().strip())
            time.sleep(0.003 * round_number)
            child.send_signal(signal.SIGKILL)
    library = Library.open(db)
    saved = {annotation.uuid for annotation in library.annotations(1)}
    assert all(reported) and set(reported) <= saved
    assert library.check().ok


# -----------------------------------------------------------------------------
# `annotate` while a re-import rewrites the article: the quote is looked up in the text
# that the same write transaction sees, so the flag lands on the new text.


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
