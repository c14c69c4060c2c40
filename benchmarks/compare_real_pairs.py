"""Compare real reports of one event by two outlets, and check the pairs against a key.

    python benchmarks/compare_real_pairs.py [--threshold T] [--runs 9] [--quiet]

The pages are in benchmarks/data/real_pairs (see its README): saved web pages,
imported here as ``reader import`` does into a library in a temporary folder, then
compared as ``reader compare`` does.  ``key.tsv`` there was written by reading the
two pages, before any comparison was run: for some sentences of A, the sentences of
B that say the same thing ("|" between alternatives), or "-" when nothing in B does
(and "-" in column a for a sentence of B that nothing in A says).  For each pair the
script prints the matched sentences, the figures and sources only in each, and

- right: keyed sentences linked as the key says (to an alternative, or to nothing);
- wrong: keyed sentences linked to another sentence, or linked when the key says "-";
- missed: keyed sentences left without the counterpart the key gives;
- precision: right links / all links made from keyed sentences.

Timing: the comparison (sentences and figures) as a ratio to splitting both texts
into sentences (pysbd), the first step of it, medians of ``--runs`` in the same run.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from reader.anchoring.canonical import body_start
from reader.compare.figures import only_in
from reader.compare.matching import THRESHOLD, Sentence, match_sentences, split_sentences
from reader.services.article_files import import_article_file
from reader.storage.library import Library

DATA = Path(__file__).parent / "data" / "real_pairs"
PAIRS = {
    "macpro": ("itworld.com.macpro.html", "apcmag.com.macpro.html"),
    "tiger": ("telegraph.co.uk.tiger.html", "wjz.com.tiger.html"),
    "renfro": ("laist.com.renfro.html", "associatedcontent.com.renfro.html"),
}


@dataclass
class Tally:
    right: int = 0
    wrong: int = 0
    missed: int = 0
    linked_right: int = 0  # links among the right ones (not "nothing in the other")

    @property
    def precision(self) -> float:
        links = self.linked_right + self.wrong
        return self.linked_right / links if links else 1.0


def load_key() -> dict[str, list[tuple[str, str]]]:
    key: dict[str, list[tuple[str, str]]] = {}
    with (DATA / "key.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            key.setdefault(row["pair"], []).append((row["a"], row["b"]))
    return key


def find(sentences: list[Sentence], opening: str) -> Sentence:
    found = [s for s in sentences if s.text.startswith(opening)]
    if len(found) != 1:
        raise SystemExit(f"the key's {opening!r} opens {len(found)} sentences, not one")
    return found[0]


def check(
    key: list[tuple[str, str]],
    partner_of_a: dict[int, Sentence],
    partner_of_b: dict[int, Sentence],
    sentences_a: list[Sentence],
    sentences_b: list[Sentence],
) -> tuple[Tally, list[str]]:
    tally = Tally()
    notes: list[str] = []
    for a, b in key:
        if a == "-":
            sentence = find(sentences_b, b)
            partner = partner_of_b.get(sentence.index)
            expected: list[str] = []
        else:
            sentence = find(sentences_a, a)
            partner = partner_of_a.get(sentence.index)
            expected = [] if b == "-" else [alt.strip() for alt in b.split("|")]
        if partner is None and not expected:
            tally.right += 1
        elif partner is None:
            tally.missed += 1
            notes.append(f"missed: “{sentence.text[:50]}…”")
        elif any(partner.text.startswith(alt) for alt in expected):
            tally.right += 1
            tally.linked_right += 1
        else:
            tally.wrong += 1
            notes.append(f"wrong: “{sentence.text[:50]}…” ↔ “{partner.text[:50]}…”")
    return tally, notes


def time_pair(
    text_a: str, text_b: str, start_a: int, start_b: int, runs: int
) -> tuple[float, float]:
    """Medians (ms) of splitting both texts into sentences and of comparing them."""

    def split_both() -> None:
        split_sentences(text_a, start_a)
        split_sentences(text_b, start_b)

    def compare() -> None:
        match_sentences(text_a, text_b, start_a=start_a, start_b=start_b)
        only_in(text_a, text_b, start_a=start_a, start_b=start_b)

    split_both()  # pysbd builds its rules on first use
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):  # in turn, so that the shared machine's busy moments hit both
        for action, spent in zip((split_both, compare), times, strict=True):
            started = time.perf_counter()
            action()
            spent.append((time.perf_counter() - started) * 1000)
    return statistics.median(times[0]), statistics.median(times[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--quiet", action="store_true", help="the figures only")
    args = parser.parse_args()
    key = load_key()
    total = Tally()
    with tempfile.TemporaryDirectory() as folder:
        library = Library.open(Path(folder) / "library.sqlite")
        for name, (file_a, file_b) in PAIRS.items():
            a = import_article_file(library, DATA / file_a).article
            b = import_article_file(library, DATA / file_b).article
            start_a, start_b = body_start(a), body_start(b)
            match = match_sentences(
                a.text, b.text, start_a=start_a, start_b=start_b, threshold=args.threshold
            )
            only = only_in(a.text, b.text, start_a=start_a, start_b=start_b)
            sentences_a = split_sentences(a.text, start_a)
            sentences_b = split_sentences(b.text, start_b)
            tally, notes = check(
                key[name],
                {pair.a.index: pair.b for pair in match.pairs},
                {pair.b.index: pair.a for pair in match.pairs},
                sentences_a,
                sentences_b,
            )
            for field in ("right", "wrong", "missed", "linked_right"):
                setattr(total, field, getattr(total, field) + getattr(tally, field))

            baseline, compared = time_pair(a.text, b.text, start_a, start_b, args.runs)
            print(
                f"== {name}: A {file_a} ({len(sentences_a)} sentences), "
                f"B {file_b} ({len(sentences_b)} sentences)"
            )
            print(
                f"   {len(match.pairs)} pairs at threshold {args.threshold:.2f}; key: "
                f"{tally.right} right, {tally.wrong} wrong, {tally.missed} missed, "
                f"precision {tally.precision:.2f}"
            )
            print(
                f"   compare {compared:.1f} ms = {compared / baseline:.1f}x splitting both "
                f"into sentences ({baseline:.1f} ms)"
            )
            if args.quiet:
                continue
            for pair in match.pairs:
                print(
                    f"   {pair.score:.2f}  A “{pair.a.text[:60]}”\n         B “{pair.b.text[:60]}”"
                )
            for note in notes:
                print(f"   {note}")
            for side, figs, srcs in (
                ("A", only.figures_a, only.sources_a),
                ("B", only.figures_b, only.sources_b),
            ):
                print(f"   figures only in {side}: " + "; ".join(f.text for f in figs))
                print(f"   sources only in {side}: " + "; ".join(s.name for s in srcs))
        library.close()
    print(
        f"== all: {total.right} right, {total.wrong} wrong, {total.missed} missed, "
        f"precision {total.precision:.2f}"
    )


if __name__ == "__main__":
    main()
