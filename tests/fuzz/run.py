"""A bounded fuzz run of the article importers and the article view's renderer.

    python -m tests.fuzz.run --seconds 90 --seed 1

The corpus is the sample articles plus every hostile input of ``tests.fuzz.corpus`` at
sizes that run in a second or two.  For ``--seconds`` it mutates corpus inputs (the
mutations follow from ``--seed`` alone) and imports and renders each in a worker
process.  Refused input (ReaderError) is fine; the run stops and exits 1, naming the
input and saving it under ``--keep``, at the first that raises anything else, takes
more than ``--timeout`` seconds or makes the worker's peak memory pass ``--memory-mb``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import sys
import tempfile
import time
import traceback
from multiprocessing.connection import Connection
from pathlib import Path

from tests.fuzz.corpus import CRASH_INPUTS, HOSTILE_INPUTS

SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"
FUZZ_SIZES = (2_000, 20_000)  # bytes of each hostile input in the corpus
MAX_INPUT = 1024 * 1024  # mutated inputs grow up to this many characters
# Pieces of syntax the mutations insert.
FRAGMENTS = (
    "[", "]", "![", "](", "](http://a)", "[x]: http://a\n", "`", "``", "*", "_", "**",
    "~~", "\\", "&amp;", "&#91;", "<", ">", "|", "\n", "\n\n", "# ", "- ", "1. ", "> ",
    "    ", "```\n", "---\n", "<b>", "</b>", "<p>", "</p>", "<li>", "<h2>", "<a href=x>",
    "<table><tr><td>", "<p a=1 b=2 c=3>", "<article>", "<!--", "-->", "\u00e9", "\u200b",
    "\U0001f600", "<pre>", "<code>", "<br>", "<img src=a>", "<input>", "<embed>", "\x0c",
    "&#12;", "\x00", "\ud800", "<meta charset=rot13>", "---\npublished: 2001-02-30\n---\n",
)  # fmt: skip
WORKER_MEMORY_CAP = 2 * 1024**3  # address space: a runaway worker fails instead of the machine


def corpus() -> list[tuple[str, str]]:
    """(file name, text) of every corpus input."""
    entries = [
        (path.name, path.read_text(encoding="utf-8")) for path in sorted(SAMPLES.glob("*.md"))
    ]
    for hostile in HOSTILE_INPUTS:
        for size in FUZZ_SIZES:
            entries.append((hostile.name, hostile.text(size)))
    entries.extend(CRASH_INPUTS)
    return entries


def mutate(text: str, rng: random.Random, others: list[tuple[str, str]]) -> str:
    for _ in range(rng.randint(1, 4)):
        where = rng.randint(0, len(text))
        choice = rng.randrange(5)
        if choice == 0:
            text = text[:where] + rng.choice(FRAGMENTS) + text[where:]
        elif choice == 1:  # a run of one fragment
            text = text[:where] + rng.choice(FRAGMENTS) * rng.randint(2, 5_000) + text[where:]
        elif choice == 2:  # delete a span
            text = text[:where] + text[where + rng.randint(1, 200) :]
        elif choice == 3:  # repeat a span
            span = text[where : where + rng.randint(1, 50)]
            text = text[:where] + span * rng.randint(2, 2_000) + text[where:]
        else:  # splice in a piece of another input
            other = rng.choice(others)[1]
            start = rng.randint(0, len(other))
            text = text[:where] + other[start : start + rng.randint(1, 5_000)] + text[where:]
    return text[:MAX_INPUT]


def _worker(connection: Connection) -> None:
    """Import and render each path sent; answer with the outcome and the peak memory."""
    resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY_CAP, WORKER_MEMORY_CAP))
    from reader.anchoring.canonical import canonical_text
    from reader.core.models import ReaderError
    from reader.core.palette import Theme
    from reader.importers.articles import read_article_file
    from reader.render.html import render_body_html

    while True:
        path = connection.recv()
        try:
            markdown = read_article_file(Path(path)).markdown
            canonical_text(markdown)
            render_body_html(markdown, Theme.LIGHT)
            outcome = ""
        except ReaderError:
            outcome = ""
        except BaseException:  # every other error is what the run looks for
            outcome = traceback.format_exc(limit=8)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        connection.send((outcome, peak_mb))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=90)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=10, help="seconds per input")
    parser.add_argument("--memory-mb", type=float, default=500, help="peak RSS per input")
    parser.add_argument("--keep", type=Path, default=Path("fuzz-failures"))
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    entries = corpus()
    context = multiprocessing.get_context("spawn")
    deadline = time.monotonic() + args.seconds
    cases = 0
    with tempfile.TemporaryDirectory() as folder:
        worker, connection = _start(context)
        try:
            while time.monotonic() < deadline:
                name, text = entries[cases] if cases < len(entries) else rng.choice(entries)
                if cases >= len(entries):
                    text = mutate(text, rng, entries)
                path = Path(folder, f"case-{cases}-{name}")
                path.write_text(text, encoding="utf-8", errors="surrogatepass")
                connection.send(str(path))
                problem = ""
                if not connection.poll(args.timeout):
                    problem = f"took more than {args.timeout:g} s"
                else:
                    outcome, peak_mb = connection.recv()
                    if outcome:
                        problem = f"crashed:\n{outcome}"
                    elif peak_mb > args.memory_mb:
                        problem = f"peak memory {peak_mb:.0f} MB, more than {args.memory_mb:g} MB"
                if problem:
                    kept = _keep(path, args.keep)
                    print(
                        f"fuzz: {name} (case {cases}, {len(text):,} characters, "
                        f"saved as {kept}) {problem}"
                    )
                    return 1
                cases += 1
                # each worker's peak memory is its own: a fresh one for the next input
                # after a big one keeps one input's memory from being blamed on the next
                if peak_mb > args.memory_mb / 2:
                    worker.kill()
                    worker, connection = _start(context)
        finally:
            worker.kill()
    print(
        f"fuzz: {cases} inputs imported and rendered in {args.seconds:g} s "
        f"(seed {args.seed}): no crash, hang or memory blow-up"
    )
    return 0


def _start(
    context: multiprocessing.context.SpawnContext,
) -> tuple[multiprocessing.process.BaseProcess, Connection]:
    ours, theirs = context.Pipe()
    worker = context.Process(target=_worker, args=(theirs,), daemon=True)
    worker.start()
    return worker, ours


def _keep(path: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / path.name
    kept.write_bytes(path.read_bytes())
    return kept


if __name__ == "__main__":
    sys.exit(main())
