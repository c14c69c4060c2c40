"""Re-anchoring stays cheap on hostile or unlucky inputs, and still never drops a flag."""

from __future__ import annotations

import random
from pathlib import Path

from reader.anchoring.canonical import canonical_text
from reader.anchoring.reanchor import Method, SearchBudget, reanchor
from reader.anchoring.selectors import make_anchor
from reader.core.models import Anchor, Annotation, Kind, Status
from reader.core.shipped import SAMPLE_ARTICLES
from reader.services.article_files import import_article_file, import_flag_file
from reader.storage.library import Library
from reader.w3c.writing import dumps_w3c

SEED = SAMPLE_ARTICLES / "el-salvador-prisons.md"
OTHER = SAMPLE_ARTICLES / "screens-opinion.md"


def paragraphs(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [p.strip() for p in text.split("\n\n") if p.strip() and p.strip()[0].isalpha()]


def test_two_thousand_flags_from_another_article_are_orphaned_not_dropped(tmp_path: Path) -> None:
    # Each quote not in the article used to cost four bitap scans of thousands of
    # characters in pure Python: a file of such flags took minutes to import.
    library = Library.open(tmp_path / "lib.sqlite")
    article = import_article_file(library, SEED).article
    other = " ".join(paragraphs(OTHER))
    rng = random.Random(3)
    flags = []
    for _ in range(2000):
        start = rng.randrange(len(other) - 80)
        flags.append(Annotation(article.id, Kind.OPINION, make_anchor(other, start, start + 80)))
    path = tmp_path / "flags.json"
    path.write_text(dumps_w3c(article, flags), encoding="utf-8")
    result = import_flag_file(library, path)
    assert (result.added, result.orphaned) == (2000, 2000)
    stored = library.annotations(article.id)
    assert {a.uuid for a in stored} == {f.uuid for f in flags}
    assert {a.status for a in stored} == {Status.ORPHANED}
    library.close()


def long_text(paragraph_count: int) -> str:
    seed = paragraphs(SEED)
    return canonical_text(
        "\n\n".join(f"Part {n}: {seed[n % len(seed)]}" for n in range(paragraph_count))
    )


def nearly(quote: str, rng: random.Random) -> str:
    """The quote with one character in 40 replaced, dropped or doubled."""
    letters = list(quote)
    for index in range(len(letters) - 40, 0, -40):
        where = index + rng.randrange(40)
        edit = rng.randrange(3)
        if edit == 0:
            letters[where] = "#"
        elif edit == 1:
            del letters[where]
        else:
            letters.insert(where, letters[where])
    return "".join(letters)


def test_long_quotes_that_nearly_match_are_placed_where_they_were() -> None:
    text = long_text(400)
    rng = random.Random(5)
    exact = 0
    for _ in range(40):
        start = rng.randrange(len(text) - 2000)
        anchor = make_anchor(text, start, start + 2000)
        quote = nearly(anchor.exact, rng)
        edited = Anchor(start, start + len(quote), quote, anchor.prefix, anchor.suffix)
        result = reanchor(edited, text)
        assert result.method is Method.FUZZY
        assert result.anchor is not None
        overlap = min(result.anchor.end, anchor.end) - max(result.anchor.start, anchor.start)
        assert overlap >= 1950
        exact += result.anchor == anchor
    assert exact >= 36


def test_a_reworded_passage_far_from_its_old_place_is_still_found() -> None:
    text = long_text(400)
    quote = "Residents cheered as the first cars crossed the new river bridge on Monday."
    middle = len(text) // 2
    edited_text = text[:middle] + " " + quote.replace("as the", "when the") + text[middle:]
    anchor = Anchor(10, 10 + len(quote), quote, "", "")
    result = reanchor(anchor, edited_text)
    assert result.method is Method.FUZZY
    assert result.anchor is not None
    assert result.anchor.exact == quote.replace("as the", "when the")


def test_a_huge_quote_nowhere_in_the_text_is_orphaned() -> None:
    text = long_text(100)
    quote = "".join(random.Random(1).choice("abcdefgh ") for _ in range(200_000))
    result = reanchor(Anchor(0, len(quote), quote, "", ""), text)
    assert result.method is Method.ORPHANED and result.anchor is None


def test_once_an_imports_search_budget_is_spent_flags_are_orphaned_not_lost() -> None:
    text = long_text(200)
    starts = [text.index(f"Part {number}: ") for number in range(20, 40)]
    anchors = [make_anchor(text, start, start + 40) for start in starts]  # each one unique
    shifted = "Breaking news. " * 1000 + text  # every quote is now far from its old place
    budget = SearchBudget(scan=3 * len(shifted) + 100_000)
    results = [reanchor(anchor, shifted, budget) for anchor in anchors]
    methods = [result.method for result in results]
    assert Method.EXACT in methods and Method.ORPHANED in methods
    assert methods == sorted(methods, key=lambda m: m is Method.ORPHANED)  # found, then not
    for anchor, result in zip(anchors, results, strict=True):
        if result.anchor is not None:
            assert result.anchor.exact == anchor.exact
            assert result.anchor.start == anchor.start + len(shifted) - len(text)
    # A flag still at its place costs no search: it keeps its place on a spent budget.
    assert reanchor(anchors[0], text, budget).method is Method.POSITION
