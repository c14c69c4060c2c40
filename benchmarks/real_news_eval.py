"""How many suggestions real news articles get, and how far a teacher's key agrees.

    python benchmarks/real_news_eval.py [--verbose]

The articles are the saved pages in ``benchmarks/data/real_pages/``; ``keys.json``
beside them holds the unsourced claims and opinions keyed by hand before any suggestion
was looked at on them: six pages (``pages``) and, in a group of their own, four pages
added later and held out of every choice (``held_out_pages``). Each page goes through
what ``reader suggest PAGE.html`` does: import, suggest, and by default show the best
(``best_first``). A suggestion agrees with the key when it overlaps a keyed passage of
the same kind; sourced claims are never flags and are left out.

Printed per article and in all: words, suggestions per 1,000 words (shown by default,
and all of them), precision of the shown (the share the key agrees with; in brackets,
the share on a keyed passage of any kind) and recall of the key (by the shown, and by
all).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from reader.anchoring.canonical import article_text
from reader.detectors import Suggestion, SuggestionKind, suggest_article
from reader.detectors.ranking import best_first
from reader.importers.articles import read_article_file

PAGES = Path(__file__).parent / "data" / "real_pages"


@dataclass(frozen=True)
class Keyed:
    kind: SuggestionKind
    start: int
    end: int


@dataclass
class Tally:
    words: int = 0
    shown: int = 0
    found: int = 0
    agreed: int = 0
    on_a_key: int = 0
    keys: int = 0
    recalled_shown: int = 0
    recalled_all: int = 0

    def add(self, other: Tally) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self, name: str) -> str:
        per = 1000 / self.words if self.words else 0.0
        precision = self.agreed / self.shown if self.shown else 0.0
        loose = self.on_a_key / self.shown if self.shown else 0.0
        return (
            f"{name:<38} {self.words:>5} {self.shown * per:>6.1f} {self.found * per:>6.1f} "
            f"{precision:>6.2f} ({loose:.2f}) {self.keys:>4} "
            f"{self.recalled_shown / self.keys if self.keys else 0:>6.2f} "
            f"{self.recalled_all / self.keys if self.keys else 0:>6.2f}"
        )


def overlaps(suggestion: Suggestion, key: Keyed) -> bool:
    return suggestion.start < key.end and key.start < suggestion.end


def keyed_passages(text: str, entries: list[dict[str, str]], page: str) -> list[Keyed]:
    passages = []
    for entry in entries:
        start = text.find(entry["quote"])
        if start < 0:
            raise SystemExit(f"{page}: the key's quote is not in the text: {entry['quote']!r}")
        passages.append(
            Keyed(SuggestionKind.parse(entry["kind"]), start, start + len(entry["quote"]))
        )
    return passages


def score_page(page: str, entries: list[dict[str, str]], verbose: bool) -> Tally:
    meta = read_article_file(PAGES / page)
    text = article_text(meta, meta.markdown)
    keys = keyed_passages(text, entries, page)
    found = [
        s
        for s in suggest_article(meta, text, markdown=meta.markdown)
        if s.kind is not SuggestionKind.SOURCED_CLAIM
    ]
    shown = best_first(found, text)[0]
    tally = Tally(words=len(text.split()), shown=len(shown), found=len(found), keys=len(keys))
    for suggestion in shown:
        agrees = any(k.kind is suggestion.kind and overlaps(suggestion, k) for k in keys)
        tally.agreed += agrees
        tally.on_a_key += any(overlaps(suggestion, k) for k in keys)
        if verbose:
            mark = "agrees" if agrees else "------"
            kind = suggestion.kind.value
            print(f"    {mark} {kind:<16} {suggestion.score:.2f} {suggestion.quote[:70]}")
    for key in keys:
        tally.recalled_shown += any(s.kind is key.kind and overlaps(s, key) for s in shown)
        tally.recalled_all += any(s.kind is key.kind and overlaps(s, key) for s in found)
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--verbose", action="store_true", help="list each shown suggestion")
    options = parser.parse_args()
    keys = json.loads((PAGES / "keys.json").read_text("utf-8"))
    print(
        f"{'article':<38} {'words':>5} {'shown':>6} {'all':>6} {'prec.':>6} {'(any)':>6} "
        f"{'keys':>4} {'rec.':>6} {'rec.all':>6}"
    )
    print(f"{'':<38} {'':>5} {'per 1,000 words':>13}")
    for group, name in (("pages", "all articles"), ("held_out_pages", "all held-out articles")):
        total = Tally()
        for page, entries in keys[group].items():
            tally = score_page(page, entries, options.verbose)
            total.add(tally)
            print(tally.line(page))
        print(total.line(name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
