"""Flag suggestions with reasons: opinion passages and unsourced claims (no Qt).

* ``suggest``: the entry point, an article's text in, ``Suggestion``s (``results``) out;
  ``reasons`` scores one sentence as a claim or an opinion and words its reasons.
* ``features``: what one sentence shows (cue words, quotations, sources, model features),
  with ``attribution`` (who a sentence says its words come from), ``links`` and
  ``places`` (names that are no person).
* ``ranking``: which suggestions are shown first.
* ``resources``: the shipped lexicons and linear models (JSON); ``training`` and
  ``lexicon_sources`` rebuild them (training time only).
"""

from reader.detectors.ranking import SHOWN_PER_1000_WORDS, best_first, score_words
from reader.detectors.results import Suggestion, SuggestionKind
from reader.detectors.suggest import suggest, suggest_article

__all__ = [
    "SHOWN_PER_1000_WORDS",
    "Suggestion",
    "SuggestionKind",
    "best_first",
    "score_words",
    "suggest",
    "suggest_article",
]
