"""The default cap on suggestions: at most about 8 per 1,000 words, best first."""

from __future__ import annotations

import json

import pytest

from reader.anchoring.canonical import article_text
from reader.cli.main import main
from reader.core.shipped import SAMPLE_ARTICLES
from reader.detectors import (
    SHOWN_PER_1000_WORDS,
    SuggestionKind,
    best_first,
    score_words,
    suggest_article,
)
from reader.detectors.ranking import LIKELY
from reader.importers.articles import read_article_file

COLUMN = SAMPLE_ARTICLES / "screens-opinion.md"


def test_the_best_few_per_thousand_words_are_shown_first() -> None:
    meta = read_article_file(COLUMN)
    text = article_text(meta, meta.markdown)
    found = suggest_article(meta, text, markdown=meta.markdown)
    shown, hidden = best_first(found, text)
    words = len(text.split())
    assert len(shown) <= SHOWN_PER_1000_WORDS * words / 1000 + 1
    assert hidden == len(found) - len(shown) > 0
    assert [s.score for s in shown] == sorted((s.score for s in found), reverse=True)[: len(shown)]


def test_sourced_claims_are_not_counted_against_the_cap() -> None:
    meta = read_article_file(COLUMN)
    text = article_text(meta, meta.markdown)
    found = suggest_article(meta, text, markdown=meta.markdown, include_sourced=True)
    shown, _ = best_first(found, text)
    sourced = [s for s in found if s.kind is SuggestionKind.SOURCED_CLAIM]
    assert sourced and all(s in shown for s in sourced)


def test_suggest_lists_the_best_few_and_all_with_all(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggest", str(COLUMN), "--json"]) == 0
    captured = capsys.readouterr()
    shown = json.loads(captured.out)
    assert main(["suggest", str(COLUMN), "--json", "--all"]) == 0
    every = json.loads(capsys.readouterr().out)
    assert len(shown) < len(every)
    assert f"{len(every) - len(shown)} more with --all" in captured.err
    scores = [s["score"] for s in shown]
    assert scores == sorted(scores, reverse=True)
    assert [s["start"] for s in every] == sorted(s["start"] for s in every)


def test_scores_in_words_for_a_student(capsys: pytest.CaptureFixture[str]) -> None:
    assert score_words(LIKELY) == "likely"
    assert score_words(LIKELY - 0.01) == "possible"
    assert main(["suggest", str(COLUMN), "--all", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert {s["likelihood"] for s in found} == {"likely", "possible"}
    assert all((s["likelihood"] == "likely") == (s["score"] >= LIKELY) for s in found)
    assert main(["suggest", str(COLUMN)]) == 0
    listed = [line for line in capsys.readouterr().out.splitlines() if not line.startswith(" ")]
    assert listed and all(("likely (" in line) or ("possible (" in line) for line in listed)
