"""Check that cutting blocks at sure full stops splits exactly as the segmenter alone.

    python benchmarks/compare_splits.py [--random 3000]

``reader.anchoring.tokens.block_sentences`` cuts a block at full stops that end a
sentence whatever surrounds them and hands the segmenter (pysbd) only the pieces.
This compares its sentences with the segmenter's on each whole block, over the sample
articles, the saved real pages (imported as the app imports them), the labelled
sentences of the detectors' corpus (joined a few to a paragraph), and random
paragraphs built from tricky pieces: abbreviations, initials, quotes, brackets,
decimals, ellipses.  It prints the differences found (there should be none) and how
long each way takes.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Iterator
from pathlib import Path

from reader.anchoring.canonical import article_text, canonical_text
from reader.anchoring.tokens import _blocks, _segmented, _trimmed, block_sentences
from reader.core.shipped import SAMPLE_ARTICLES
from reader.detectors.training import DEFAULT_DATA, TASKS, read_split
from reader.importers.articles import read_article_file

PAGES = Path(__file__).parent / "data" / "real_pages"
PIECES = [
    "The council met on Tuesday.",
    "Dr. Smith said the figure was 3.5 per cent.",
    "Mr. J. R. Jones arrived at 5 p.m. and left.",
    "It cost $4.2 billion, the U.S. agency said.",
    "Prices rose... then fell.",
    "\u201cWe will not stop,\u201d she said.",
    "\u201cWe will not stop.\u201d Then she left.",
    '"It is over." The crowd cheered.',
    "He shouted: stop! Nobody did.",
    "Was it true? Nobody knew.",
    "The plan (announced in Jan. last year) failed.",
    "The report (see p. 4) was late.",
    "Officials said. Later that day",
    "She quoted the law (art. 12, para. 3).",
    "It was approx. ten miles.",
    "The firm, Acme Inc. said sales fell.",
    "Sales fell 2.5% in the U.K. Growth slowed.",
    "Gen. Lee and Capt. Ahab met.",
    "The vote was 5-2 in favour.",
    "He said 'no way' and left. Then",
    "i. First item. ii. Second item.",
    "1. First point. 2. Second point.",
    "a. one thing b. another thing.",
    "The word etc. ends a list. So does this.",
    "They met at St. Paul's Cathedral.",
    "Visit example.com today. It is free.",
    "The band -- loud as ever -- played. Fans danced.",
    "\u2018Quoted\u2019 words, she said. It ended.",
    "The Jan. figures are out. Feb. follows.",
    "He was born in 1990. He died in 2050.",
    "the end. The start.",
    "We saw no. Seven players.",
    "It was fig. Four in the report.",
    "\u00abNon\u00bb, dit-il. Puis il partit.",
    "He left [the room]. She stayed.",
    "Version 2.0.1 shipped. Users cheered.",
    "Yes. No. Maybe.",
    "Ms. Chen went to Washington. She stayed a week.",
    "He asked why? then he left.",
    "Stop! said the guard.",
    "It was late; nobody came. the next day it rained.",
    "One reason: money. another: time.",
    "Use i.e. this or e.g. that.",
    "The U.S. officials met the U.K. team.",
    "He wrote it (in pencil) and then signed.",
    "The list [a] and [b] ended. next came more.",
    "It ended...\nthen it began.",
    "Wait\u2026 nobody answered.",
    "The score was 3.5. then it rose.",
]


def sample_texts() -> Iterator[str]:
    for path in sorted(SAMPLE_ARTICLES.glob("*.md")):
        yield canonical_text(path.read_text(encoding="utf-8"))


def page_texts() -> Iterator[str]:
    for page in sorted(PAGES.glob("*.html")):
        meta = read_article_file(page)
        yield article_text(meta, meta.markdown)


def corpus_texts(rng: random.Random) -> Iterator[str]:
    for task in TASKS:
        for split in ("train", "dev"):
            try:
                sentences = read_split(DEFAULT_DATA, task, split)[0]
            except OSError:
                continue
            for i in range(0, len(sentences), 5):
                yield " ".join(sentences[i : i + 5])


def random_texts(rng: random.Random, count: int) -> Iterator[str]:
    for _ in range(count):
        yield " ".join(rng.choice(PIECES) for _ in range(rng.randint(2, 8)))


def whole_block_sentences(text: str) -> list[list[tuple[int, int]]]:
    """The segmenter alone on each whole block: how ``block_sentences`` split before."""
    result = []
    for block_start, block_end in _blocks(text):
        start, end = _trimmed(text, block_start, block_end)
        if start < end:
            result.append([(start + a, start + b) for a, b in _segmented(text[start:end])])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--random", type=int, default=3000)
    options = parser.parse_args()
    rng = random.Random(14)
    sources = {
        "sample articles": list(sample_texts()),
        "real pages": list(page_texts()),
        "labelled corpus": list(corpus_texts(rng)),
        "random pieces": list(random_texts(rng, options.random)),
    }
    differences = 0
    for name, texts in sources.items():
        found = 0
        old_time = new_time = 0.0
        for text in texts:
            started = time.perf_counter()
            old = whole_block_sentences(text)
            old_time += time.perf_counter() - started
            started = time.perf_counter()
            new = block_sentences(text)
            new_time += time.perf_counter() - started
            if old != new:
                found += 1
                if found <= 3:
                    print(f"  differs: {text[:300]!r}")
                    print(f"    whole: {[text[a:b] for block in old for a, b in block]}")
                    print(f"    cut:   {[text[a:b] for block in new for a, b in block]}")
        differences += found
        print(
            f"{name:16} {len(texts):6} texts, {found} differ; "
            f"segmenter alone {old_time * 1000:8.1f} ms, with cuts {new_time * 1000:8.1f} ms"
        )
    print(f"differences: {differences}")
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
