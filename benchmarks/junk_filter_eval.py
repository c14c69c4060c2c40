"""Count the web-page junk that survives importing real saved news pages, and the real
paragraphs the import drops.

    python benchmarks/junk_filter_eval.py [--verbose]

The pages and their hand labels are in ``benchmarks/data/real_pages/`` (its README says
where each page comes from). Each page is imported as ``reader import`` imports a saved
page; a label counts as found when its words occur in the article's canonical text (the
title aside). Junk found is junk that survived; a paragraph not found was dropped.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from reader.anchoring.canonical import canonical_text
from reader.importers.html_article import article_from_html

PAGES = Path(__file__).parent / "data" / "real_pages"


def found(label: str, text: str) -> bool:
    # whole words, so that "Tech" is not found inside "Technology"
    return re.search(rf"(?<!\w){re.escape(label)}(?!\w)", text) is not None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--verbose", action="store_true", help="name each survivor and loss")
    options = parser.parse_args()
    labels = json.loads((PAGES / "junk_labels.json").read_text("utf-8"))
    print(f"{'page':<40} {'junk left':>10} {'paragraphs dropped':>19}")
    count(labels["pages"], "pages the filter was fixed on", options.verbose)
    count(labels["unseen_pages"], "pages labelled after the fixes", options.verbose)
    return 0


def count(pages: dict[str, dict[str, list[str]]], name: str, verbose: bool) -> None:
    junk_total = junk_left = kept_total = dropped = 0
    for page_name, page in pages.items():
        article = article_from_html((PAGES / page_name).read_text("utf-8"), page_name)
        text = canonical_text(article.markdown)
        survivors = [j for j in page["junk"] if found(j, text)]
        lost = [p for p in page["paragraphs"] if not found(p, text)]
        junk_total += len(page["junk"])
        junk_left += len(survivors)
        kept_total += len(page["paragraphs"])
        dropped += len(lost)
        print(
            f"{page_name:<40} {len(survivors):>4} of {len(page['junk']):<3} "
            f"{len(lost):>10} of {len(page['paragraphs']):<3}"
        )
        if verbose:
            for item in survivors:
                print(f"    junk left: {item}")
            for item in lost:
                print(f"    dropped:   {item}")
    print(f"{name:<40} {junk_left:>4} of {junk_total:<3} {dropped:>10} of {kept_total:<3}")


if __name__ == "__main__":
    sys.exit(main())
