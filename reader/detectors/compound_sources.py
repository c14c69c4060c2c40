"""Compile the compound nouns that open with a loaded noun into ``noun_compounds.json``
(build time).

    apt-get install wordnet-base      # Princeton WordNet 3.0's files
    python -m reader.detectors.compound_sources [WORDNET_DIR]

A loaded noun with a plain sense names a thing before another noun ("garbage collection",
"vice president", "disaster area"); one with none judges there ("a sham election", "a
nightmare scenario"). WordNet lists the compound nouns of English: the two-word ones whose
first word is a loaded word of ``cues.json`` that WordNet knows as no adjective are kept.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from reader.detectors.resources import NOUN_COMPOUNDS_FILE, cues, resources_dir

WORDNET_DIR = Path("/usr/share/wordnet")
CREDIT = "Compound nouns from Princeton WordNet 3.0 (WordNet licence, free to use and ship)."


def _lemmas(index: Path) -> set[str]:
    """The lemmas of a WordNet index file (its licence header lines start with a space)."""
    with index.open(encoding="utf-8") as lines:
        return {line.split(" ", 1)[0] for line in lines if not line.startswith(" ")}


def build_compounds(wordnet: Path) -> dict[str, Any]:
    loaded = {" ".join(p) for p in cues().opinion.categories["loaded"] if len(p) == 1}
    adjectives = _lemmas(wordnet / "index.adj")
    compounds = set()
    for lemma in _lemmas(wordnet / "index.noun"):
        words = lemma.split("_")
        if len(words) == 2 and words[0] in loaded - adjectives and words[1].isalpha():
            compounds.add(" ".join(words))
    return {"about": CREDIT, "compounds": sorted(compounds)}


def main(argv: list[str]) -> int:
    wordnet = Path(argv[0]) if argv else WORDNET_DIR
    target = resources_dir() / NOUN_COMPOUNDS_FILE
    compounds = build_compounds(wordnet)
    target.write_text(json.dumps(compounds, indent=0) + "\n", "utf-8")
    print(f"wrote {len(compounds['compounds']):,} compound nouns to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
