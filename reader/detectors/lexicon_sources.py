"""Turn public sentiment lexicons into the detector's compact ``lexicon.json`` (training time).

Sources are data files that two pip packages ship inside themselves; only their files are
read, the packages are never imported, and inference never needs them:

- ``vaderSentiment/vader_lexicon.txt`` (VADER, C.J. Hutto and Eric Gilbert, MIT licence):
  word, mean valence from -4 to +4, then rating details, tab-separated.
- ``textblob/en/en-sentiment.xml`` (pattern's English adjective lexicon by Tom De Smedt and
  Walter Daelemans, PDDL, as bundled in TextBlob, MIT): per word sense, a polarity from -1 to
  +1 and a subjectivity from 0 to 1.
"""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from reader.core.models import ReaderError

VADER_FILE = ("vaderSentiment", "vader_lexicon.txt")
PATTERN_FILE = ("textblob", "en/en-sentiment.xml")
# a word reads as an evaluation when pattern rates it this subjective and this far from
# neutral and VADER agrees that it carries feeling (pattern alone has film-review senses
# such as "cold")
EVALUATIVE_SUBJECTIVITY = 0.8
EVALUATIVE_POLARITY = 0.3
EVALUATIVE_VALENCE = 1.0
MAX_SOURCE_BYTES = 5_000_000
CREDIT = (
    "Word valences from the VADER lexicon (C.J. Hutto and Eric Gilbert, MIT licence, "
    "vaderSentiment 3.3.2); adjective subjectivity and polarity from pattern's English "
    "sentiment lexicon (Tom De Smedt and Walter Daelemans, PDDL), as bundled in TextBlob "
    "0.20.1 (MIT)."
)


def installed_source(package: str, relative: str) -> Path:
    """Path of a data file inside an installed package, found without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ReaderError(f"package {package} is not installed (pip install it to rebuild)")
    path = Path(next(iter(spec.submodule_search_locations))) / relative
    if not path.is_file():
        raise ReaderError(f"package {package} has no {relative}")
    return path


def _read_text(path: Path) -> str:
    if path.stat().st_size > MAX_SOURCE_BYTES:
        raise ReaderError(f"lexicon source too large: {path}")
    return path.read_text(encoding="utf-8")


def _is_word(form: str) -> bool:
    return form.replace("-", "").replace("'", "").isalpha()


def read_vader(path: Path) -> dict[str, float]:
    """Absolute valence (0 to 4) of each plain word; emoticons and symbols are dropped."""
    valences: dict[str, float] = {}
    for line in _read_text(path).splitlines():
        parts = line.split("\t")
        if len(parts) < 2 or not _is_word(parts[0]):
            continue
        try:
            valences[parts[0].lower()] = round(abs(float(parts[1])), 1)
        except ValueError:
            raise ReaderError(f"bad valence in {path.name}: {line[:60]!r}") from None
    return valences


def read_pattern(path: Path) -> tuple[dict[str, float], set[str]]:
    """Mean subjectivity of each one-word form over its senses, and the evaluative forms."""
    try:
        root = ElementTree.fromstring(_read_text(path))
    except ElementTree.ParseError as exc:
        raise ReaderError(f"cannot parse {path.name}: {exc}") from None
    senses: dict[str, list[tuple[float, float]]] = {}
    for word in root.iter("word"):
        form = (word.get("form") or "").lower()
        if not _is_word(form):
            continue
        try:
            polarity = float(word.get("polarity", ""))
            subjectivity = float(word.get("subjectivity", ""))
        except ValueError:
            raise ReaderError(f"bad scores for {form!r} in {path.name}") from None
        senses.setdefault(form, []).append((polarity, subjectivity))
    subjectivity_of: dict[str, float] = {}
    evaluative: set[str] = set()
    for form, scores in senses.items():
        polarity = sum(p for p, _ in scores) / len(scores)
        subjectivity = sum(s for _, s in scores) / len(scores)
        if subjectivity > 0:
            subjectivity_of[form] = round(subjectivity, 2)
        if subjectivity >= EVALUATIVE_SUBJECTIVITY and abs(polarity) >= EVALUATIVE_POLARITY:
            evaluative.add(form)
    return subjectivity_of, evaluative


def build_lexicon(vader: Path, pattern: Path) -> dict[str, object]:
    """The contents of ``lexicon.json``."""
    subjectivity, evaluative = read_pattern(pattern)
    valence = read_vader(vader)
    return {
        "about": CREDIT + " Rebuilt by python -m reader.detectors.training --lexicon.",
        "valence": dict(sorted(valence.items())),
        "subjectivity": dict(sorted(subjectivity.items())),
        "evaluative": sorted(w for w in evaluative if valence.get(w, 0.0) >= EVALUATIVE_VALENCE),
    }
