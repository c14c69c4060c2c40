"""Time the slow paths of flag files and re-anchoring beside importing the seed article.

    python benchmarks/reanchor_speed.py [--flags 20000]

Each case runs on a new library in a temporary folder, and its time is printed in
seconds and as a ratio to importing the seed sample article (read, canonical text,
store) in the same run:

* a flag file with one flag that carries 10,000 tags;
* a flag file of 2,000 flags whose quotes are not in the article;
* a flag file of 300 flags with 2,000-character quotes that nearly match;
* re-importing an edited article that has 20,000 flags, and the longest time the
  write lock was held meanwhile (from ``BEGIN IMMEDIATE`` to ``COMMIT``, seen by
  SQLite's statement trace).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reader.anchoring.selectors import make_anchor
from reader.core.models import Annotation, Article, Kind
from reader.core.shipped import SAMPLE_ARTICLES
from reader.services.article_files import import_article_file, import_flag_file
from reader.storage.library import Library
from reader.w3c.writing import dumps_w3c

SEED = SAMPLE_ARTICLES / "el-salvador-prisons.md"
OTHER = SAMPLE_ARTICLES / "screens-opinion.md"


def paragraphs(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n\n") if p.strip() and p.strip()[0].isalpha()]


def long_markdown(words: int) -> str:
    """The seed article's paragraphs, numbered so that no two are alike, to ``words`` words."""
    seed = paragraphs(SEED)
    out = ["# A long story"]
    count = number = 0
    while count < words:
        paragraph = f"Part {number}: {seed[number % len(seed)]}"
        out.append(paragraph)
        count += len(paragraph.split())
        number += 1
    return "\n\n".join(out) + "\n"


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def import_markdown(library: Library, folder: Path, markdown: str, name: str) -> Article:
    path = folder / name
    path.write_text(markdown, encoding="utf-8")
    return import_article_file(library, path).article


def flag_file(folder: Path, article: Article, flags: list[Annotation]) -> Path:
    path = folder / "flags.json"
    path.write_text(dumps_w3c(article, flags), encoding="utf-8")
    return path


def spans(text: str, count: int, length: int, rng: random.Random) -> list[tuple[int, int]]:
    starts = sorted(rng.randrange(0, len(text) - length) for _ in range(count))
    return [(start, start + length) for start in starts]


def case_tags(folder: Path, library: Library, article: Article) -> float:
    text = article.text
    start = text.index("prison")
    flag = Annotation(article.id, Kind.OPINION, make_anchor(text, start, start + 6))
    flag.tags = [f"tag {number}" for number in range(10_000)]
    path = flag_file(folder, article, [flag])
    return timed(lambda: import_flag_file(library, path))


def case_unmatched(folder: Path, library: Library, article: Article) -> float:
    other = " ".join(paragraphs(OTHER))
    rng = random.Random(3)
    flags = []
    for start, end in spans(other, 2000, 80, rng):
        flag = Annotation(article.id, Kind.OPINION, make_anchor(other, start, end))
        flags.append(flag)
    path = flag_file(folder, article, flags)
    return timed(lambda: import_flag_file(library, path))


def nearly(quote: str, rng: random.Random) -> str:
    """The quote with one character in 40 replaced, dropped or doubled."""
    letters = list(quote)
    for index in range(len(letters) - 40, 0, -40):
        where = index + rng.randrange(40)
        edit = rng.randrange(3)
        if edit == 0:
            letters[where] = "x"
        elif edit == 1:
            del letters[where]
        else:
            letters.insert(where, letters[where])
    return "".join(letters)


def case_near(folder: Path, library: Library, article: Article) -> float:
    text = article.text
    rng = random.Random(5)
    flags = []
    for start, end in spans(text, 300, 2000, rng):
        anchor = make_anchor(text, start, end)
        changed = nearly(anchor.exact, rng)
        moved = type(anchor)(start, start + len(changed), changed, anchor.prefix, anchor.suffix)
        flags.append(Annotation(article.id, Kind.OPINION, moved))
    path = flag_file(folder, article, flags)
    return timed(lambda: import_flag_file(library, path))


def case_reimport(folder: Path, library: Library, markdown: str, count: int) -> tuple[float, float]:
    article = import_markdown(library, folder, markdown, "story.md")
    text = article.text
    rng = random.Random(9)
    flags = []
    for start, end in spans(text, count, 60, rng):
        while not text[start:end].strip():
            start, end = start + 1, end + 1
        flags.append(Annotation(article.id, Kind.OPINION, make_anchor(text, start, end)))
    library.add_annotations(flags)
    edited = markdown.replace("# A long story\n\n", "# A long story\n\nA new first line.\n\n", 1)
    edited = edited.replace("gang", "gangs")
    holds: list[float] = []
    began: list[float] = []

    def trace(statement: str) -> None:
        if statement.startswith("BEGIN IMMEDIATE"):
            began.append(time.perf_counter())
        elif statement in ("COMMIT", "ROLLBACK") and began:
            holds.append(time.perf_counter() - began.pop())

    library.conn.set_trace_callback(trace)
    total = timed(lambda: import_markdown(library, folder, edited, "story.md"))
    library.conn.set_trace_callback(None)
    return total, max(holds, default=0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--flags", type=int, default=20_000, help="flags on the re-imported one")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)

        def fresh(name: str) -> Library:
            return Library.open(folder / f"{name}.sqlite")

        warm_up = fresh("warm-up")  # the first import loads markdown-it and more
        import_article_file(warm_up, SEED)
        warm_up.close()
        seed_library = fresh("seed")
        baseline = timed(lambda: import_article_file(seed_library, SEED))
        seed_library.close()
        rows: list[tuple[str, float]] = []
        for name, case, words in (
            ("flag file: one flag with 10,000 tags", case_tags, 0),
            ("flag file: 2,000 flags not in the article", case_unmatched, 0),
            ("flag file: 300 near-matching 2,000-char quotes", case_near, 100_000),
        ):
            library = fresh(name.split(":")[1].split()[0])
            markdown = long_markdown(words) if words else SEED.read_text(encoding="utf-8")
            article = import_markdown(library, folder, markdown, f"{case.__name__}.md")
            rows.append((name, case(folder, library, article)))
            library.close()
        library = fresh("reimport")
        total, hold = case_reimport(folder, library, long_markdown(60_000), options.flags)
        library.close()
        rows.append((f"re-import with {options.flags:,} flags", total))
        rows.append(("  longest write-lock hold in it", hold))
    print(f"baseline: import the seed article {baseline * 1000:.1f} ms")
    for name, seconds in rows:
        print(f"{name:50s} {seconds:8.2f} s  {seconds / baseline:10.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
