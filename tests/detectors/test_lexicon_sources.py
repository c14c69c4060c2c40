from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.models import ReaderError
from reader.detectors.features import analyse
from reader.detectors.lexicon_sources import build_lexicon, installed_source
from reader.detectors.model_features import opinion_features
from reader.detectors.resources import sentiment_lexicon

VADER_LINES = [
    ":)\t2.0\t0.5\t[2, 2]",
    "dreadful\t-2.7\t0.6\t[-3, -2]",
    "calm\t1.3\t0.5\t[1, 2]",
    "cold\t-0.4\t0.5\t[0, -1]",
    "well-known\t0.6\t0.4\t[1, 0]",
]
PATTERN_XML = """<?xml version="1.0" encoding="utf-8"?>
<sentiment language="en">
<word form="dreadful" pos="JJ" polarity="-1.0" subjectivity="1.0" intensity="1.0" />
<word form="dreadful" pos="JJ" polarity="-0.8" subjectivity="0.8" intensity="1.0" />
<word form="calm" pos="JJ" polarity="0.3" subjectivity="0.4" intensity="1.0" />
<word form="cold" pos="JJ" polarity="-0.6" subjectivity="1.0" intensity="1.0" />
<word form="annual" pos="JJ" polarity="0.0" subjectivity="0.0" intensity="1.0" />
<word form="in good taste" pos="JJ" polarity="0.7" subjectivity="0.9" intensity="1.0" />
</sentiment>
"""


def _sources(tmp_path: Path, xml: str = PATTERN_XML) -> tuple[Path, Path]:
    vader = tmp_path / "vader_lexicon.txt"
    vader.write_text("\n".join(VADER_LINES) + "\n", encoding="utf-8")
    pattern = tmp_path / "en-sentiment.xml"
    pattern.write_text(xml, encoding="utf-8")
    return vader, pattern


def test_build_lexicon_from_source_files(tmp_path: Path) -> None:
    lexicon = build_lexicon(*_sources(tmp_path))
    assert lexicon["valence"] == {"calm": 1.3, "cold": 0.4, "dreadful": 2.7, "well-known": 0.6}
    assert lexicon["subjectivity"] == {"calm": 0.4, "cold": 1.0, "dreadful": 0.9}
    # "cold" is subjective to pattern but VADER gives it almost no feeling
    assert lexicon["evaluative"] == ["dreadful"]
    assert "VADER" in str(lexicon["about"]) and "PDDL" in str(lexicon["about"])


def test_bad_source_files_are_rejected(tmp_path: Path) -> None:
    vader, pattern = _sources(tmp_path, "<sentiment><word form=")
    with pytest.raises(ReaderError, match="cannot parse"):
        build_lexicon(vader, pattern)
    vader, pattern = _sources(tmp_path)
    vader.write_text("dreadful\tvery bad\n", encoding="utf-8")
    with pytest.raises(ReaderError, match="bad valence"):
        build_lexicon(vader, pattern)


def test_missing_source_package() -> None:
    with pytest.raises(ReaderError, match="not installed"):
        installed_source("no_such_package_for_the_reader", "data.txt")


def test_shipped_lexicon_and_evaluative_cue() -> None:
    lexicon = sentiment_lexicon()
    assert lexicon.valence["disastrous"] >= 2.0
    assert "hilarious" in lexicon.evaluative and "annual" not in lexicon.evaluative
    analysis = analyse("The parade was hilarious, and the annual budget rose.")
    hits = [h for h in analysis.opinion_cues if h.category == "evaluative"]
    assert [analysis.text[h.start : h.end] for h in hits] == ["hilarious"]
    features = opinion_features(analysis, False, 0.0)
    assert features["l:valence_max"] > 0 and features["l:subjective_words"] > 0


def test_evaluative_word_inside_attributed_quote_is_ignored() -> None:
    analysis = analyse("“The parade was hilarious,” the mayor said.")
    assert not [h for h in analysis.opinion_cues if h.category == "evaluative"]


def test_strong_cues() -> None:
    assert analyse("This is a disgraceful plan.").has_strong_cue
    assert not analyse("The council met on Tuesday.").has_strong_cue
