"""Does the ranking learn from a teacher? A teacher reviews three articles, then we measure.

    python benchmarks/learning_simulation.py [--verbose]     # the news pages: for choices
    python benchmarks/learning_simulation.py --held-out      # the sample articles: reported

The keyed articles: the six news pages ``benchmarks/data/real_pages/keys.json`` keys (see
``real_news_eval.py``) and the three sample articles (``sample_articles/*.md``, keyed by
the opinion and unsourced-claim flags of their ``*.flags.json``). Each is imported into a
new library in a temporary folder and suggested on as the app does.

A simulated teacher reviews three news pages in turn, as the app shows and stores them
(``best_first``, with what she taught so far): she accepts each shown suggestion that
overlaps a keyed passage of its kind and dismisses the others; every keyed passage no
accepted suggestion covers she flags herself. Her flags go through the same reading as a
library's (``services.suggestions.decisions``) and teach the ranking (``learn``).

Printed: precision of the shown suggestions (the share that overlaps a keyed passage of
their kind) with the shipped ranking and with the learned one, for every choice of three
reviewed pages out of six: by default measured on the other three pages (the figure the
learning's choices were made on), with ``--held-out`` on the three sample articles (looked
at once, after the choices were made) and on the four news pages keyed later
(``held_out_pages``). ``--verbose`` says what the first three pages taught.
With the news pages, the most kinds and cue families could teach: learned from every
suggestion of the six pages (shown or not, labelled by the key), measured on them.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from reader.core.models import Anchor, Annotation, Article, Kind, Status
from reader.detectors import Suggestion, SuggestionKind, best_first, suggest_article
from reader.detectors.learning import (
    NOTHING_LEARNED,
    Decision,
    Learned,
    Verdict,
    describe,
    learn,
    reason_cues,
)
from reader.services.article_files import import_article_file
from reader.services.suggestions import accepted, decisions, dismissed, plan_suggestions
from reader.storage.library import Library
from reader.w3c.reading import read_flag_file

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "sample_articles"
PAGES = Path(__file__).parent / "data" / "real_pages"
REVIEWED = 3


@dataclass(frozen=True)
class Keyed:
    kind: SuggestionKind
    start: int
    end: int


@dataclass(frozen=True)
class Case:
    name: str
    article: Article
    found: list[Suggestion]
    keys: list[Keyed]


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def agrees(suggestion: Suggestion, keys: list[Keyed]) -> bool:
    return any(
        k.kind is suggestion.kind and overlaps(suggestion.start, suggestion.end, k.start, k.end)
        for k in keys
    )


def keyed(text: str, entries: list[tuple[str, str]], name: str) -> list[Keyed]:
    found = []
    for kind, quote in entries:
        start = text.find(quote)
        if start < 0:
            raise SystemExit(f"{name}: the key's quote is not in the text: {quote!r}")
        found.append(Keyed(SuggestionKind.parse(kind), start, start + len(quote)))
    return found


def key_entries() -> dict[Path, list[tuple[str, str]]]:
    entries: dict[Path, list[tuple[str, str]]] = {}
    for path in sorted(SAMPLES.glob("*.md")):
        flags = read_flag_file(path.with_name(path.stem + ".flags.json"))
        entries[path] = [
            (f.kind.value, f.anchor.exact)
            for f in flags
            if f.kind in (Kind.OPINION, Kind.UNSOURCED_CLAIM) and f.status is Status.ACTIVE
        ]
    keys = json.loads((PAGES / "keys.json").read_text("utf-8"))
    for page, items in {**keys["pages"], **keys["held_out_pages"]}.items():
        entries[PAGES / page] = [(item["kind"], item["quote"]) for item in items]
    return entries


def later_pages() -> set[str]:
    """The news pages keyed after the learning was built (``real_news_eval.py``)."""
    return set(json.loads((PAGES / "keys.json").read_text("utf-8"))["held_out_pages"])


def load_cases(library: Library) -> list[Case]:
    cases = []
    for path, entries in key_entries().items():
        article = import_article_file(library, path).article
        found = [
            s
            for s in suggest_article(article, article.text, markdown=article.markdown)
            if s.kind is not SuggestionKind.SOURCED_CLAIM
        ]
        cases.append(Case(path.name, article, found, keyed(article.text, entries, path.name)))
    return cases


def review(case: Case, learned: Learned) -> list[Annotation]:
    """The flags the article has once the simulated teacher has reviewed it, as the app
    stores them: the suggestions shown by default accepted or dismissed, and her own flags
    for the rest of her key."""
    shown, _ = best_first(case.found, case.article.text, learned)
    _, stored = plan_suggestions(case.article, [], shown)
    flags: list[Annotation] = []
    taken: list[Keyed] = []
    for suggestion in stored:
        anchor = suggestion.anchor
        hits = [
            k
            for k in case.keys
            if k.kind.value == suggestion.kind.value
            and overlaps(anchor.start, anchor.end, k.start, k.end)
        ]
        taken.extend(hits)
        flags.append(accepted(suggestion) if hits else dismissed(suggestion))
    text = case.article.text
    for key in case.keys:
        if key not in taken:
            exact = text[key.start : key.end]
            anchor = Anchor(key.start, key.end, exact)
            flags.append(Annotation(case.article.id, Kind(key.kind.value), anchor))
    return [replace(flag, updated="2026-12-01T00:00:00Z") for flag in flags]


def taught(cases: list[Case]) -> Learned:
    flags: list[Annotation] = []
    learned = NOTHING_LEARNED
    for case in cases:
        flags.extend(review(case, learned))
        learned = learn(decisions(flags))
    return learned


def precision(cases: list[Case], learned: Learned) -> tuple[int, int]:
    """(agreed, shown): the shown suggestions of ``cases`` the key agrees with, of all shown."""
    agreed = shown_count = 0
    for case in cases:
        shown, _ = best_first(case.found, case.article.text, learned)
        agreed += sum(agrees(s, case.keys) for s in shown)
        shown_count += len(shown)
    return agreed, shown_count


def simulate(reviewable: list[Case], measured_on: list[Case] | None, title: str) -> None:
    """Every choice of three reviewed articles out of ``reviewable``, each measured on
    ``measured_on`` (None: on the reviewable ones not reviewed)."""
    before_total = after_total = 0.0
    pooled_before, pooled_after = [0, 0], [0, 0]
    rose = fell = 0
    splits = list(itertools.combinations(range(len(reviewable)), REVIEWED))
    for chosen in splits:
        reviewed = [reviewable[i] for i in chosen]
        rest = measured_on or [c for i, c in enumerate(reviewable) if i not in chosen]
        shipped = precision(rest, NOTHING_LEARNED)
        tuned = precision(rest, taught(reviewed))
        p_before, p_after = shipped[0] / shipped[1], tuned[0] / tuned[1]
        before_total += p_before
        after_total += p_after
        for pooled, pair in ((pooled_before, shipped), (pooled_after, tuned)):
            pooled[0] += pair[0]
            pooled[1] += pair[1]
        rose += p_after > p_before
        fell += p_after < p_before
    count = len(splits)
    print(title)
    print(
        f"  {count} choices of {REVIEWED} reviewed: mean precision of the shown suggestions "
        f"{before_total / count:.3f} shipped, {after_total / count:.3f} after learning "
        f"(pooled: {ratio(pooled_before)} and {ratio(pooled_after)}); "
        f"rose in {rose}, fell in {fell}, same in {count - rose - fell}"
    )


def ceiling(cases: list[Case]) -> None:
    """The most the kinds and cue families could teach: learned from every suggestion of
    ``cases``, shown or not, labelled by the key, and measured on the same articles."""
    everything = learn(
        Decision(
            s.kind,
            Verdict.ACCEPTED if agrees(s, case.keys) else Verdict.DISMISSED,
            reason_cues(s.reasons),
        )
        for case in cases
        for s in case.found
    )
    print("At best: learned from every suggestion, labelled by the key, measured on the same")
    shipped, learned = precision(cases, NOTHING_LEARNED), precision(cases, everything)
    print(f"  precision {ratio(shipped)} shipped, {ratio(learned)} after learning")


def ratio(pair: tuple[int, int] | list[int]) -> str:
    return f"{pair[0] / pair[1]:.3f} ({pair[0]} of {pair[1]})" if pair[1] else "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--held-out",
        action="store_true",
        help="measure on the sample articles, which the learning's choices never looked at",
    )
    parser.add_argument("--verbose", action="store_true", help="what three reviews taught")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        library = Library.open(Path(folder) / "library.db")
        cases = load_cases(library)
        library.close()
    samples = [c for c in cases if c.name.endswith(".md")]
    later = [c for c in cases if c.name in later_pages()]
    pages = [c for c in cases if not c.name.endswith(".md") and c not in later]
    if options.verbose:
        for line in describe(taught(pages[:REVIEWED])):
            print(f"  {line}")
    if options.held_out:
        simulate(pages, samples, "Held out: reviewed news pages, measured on the sample articles")
        simulate(pages, later, "Held out: reviewed news pages, measured on the later news pages")
    else:
        simulate(pages, None, "Choices: reviewed news pages, measured on the other news pages")
        ceiling(pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
