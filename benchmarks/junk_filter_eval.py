"""Count the web-page junk that survives importing real saved news pages, and the real
paragraphs the import drops.

    python benchmarks/junk_filter_eval.py [--verbose]

The pages and their hand labels are in ``benchmarks/data/real_pages/`` (its README says
where each page comes from), with the pages of ``benchmarks/data/real_pairs/`` labelled
there too, and the four held-out pages of 2008 (labelled before the fixes made for them).
Each page is imported as ``reader import`` imports a saved page; a label
counts as found when its words occur in the article's canonical text (the title aside).
Junk found is junk that survived; a paragraph not found was dropped; where a page's
title is labelled, the article's title must be it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from reader.anchoring.canonical import canonical_text
from reader.importers.html_article import article_from_html

PAGES = Path(__file__).parent / "data" / "real_pages"
PAIR_PAGES = PAGES.parent / "real_pairs"


def found(label: str, text: str) -> bool:
    # whole words, so that "Tech" is not found inside "Technology"
    return re.search(rf"(?<!\w){re.escape(label)}(?!\w)", text) is not None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--verbose", action="store_true", help="name each survivor and loss")
    options = parser.parse_args()
    labels = json.loads((PAGES / "junk_labels.json").read_text("utf-8"))
    print(f"{'page':<40} {'junk left':>10} {'paragraphs dropped':>19} {'title':>6}")
    count(PAGES, labels["pages"], "pages the filter was fixed on", options.verbose)
    count(PAGES, labels["unseen_pages"], "pages labelled after the fixes", options.verbose)
    count(PAIR_PAGES, labels["pair_pages"], "real_pairs pages", options.verbose)
    count(PAGES, labels["held_out_pages"], "held-out pages (L3S-GN1)", options.verbose)
    return 0


def count(folder: Path, pages: dict[str, dict[str, Any]], name: str, verbose: bool) -> None:
    junk_total = junk_left = kept_total = dropped = titles = titles_right = 0
    for page_name, page in pages.items():
        article = article_from_html((folder / page_name).read_text("utf-8"), page_name)
        text = canonical_text(article.markdown)
        survivors = [j for j in page["junk"] if found(j, text)]
        lost = [p for p in page["paragraphs"] if not found(p, text)]
        junk_total += len(page["junk"])
        junk_left += len(survivors)
        kept_total += len(page["paragraphs"])
        dropped += len(lost)
        title = ""
        if "title" in page:
            right = article.title == page["title"]
            titles += 1
            titles_right += right
            title = "right" if right else "wrong"
        print(
            f"{page_name:<40} {len(survivors):>4} of {len(page['junk']):<3} "
            f"{len(lost):>10} of {len(page['paragraphs']):<3} {title:>6}"
        )
        if verbose:
            if title == "wrong":
                print(f"    title:     {article.title}")
            for item in survivors:
                print(f"    junk left: {item}")
            for item in lost:
                print(f"    dropped:   {item}")
    right = f"{titles_right} of {titles}" if titles else ""
    print(
        f"{name:<40} {junk_left:>4} of {junk_total:<3} {dropped:>10} of {kept_total:<3} {right:>6}"
    )


if __name__ == "__main__":
    sys.exit(main())
