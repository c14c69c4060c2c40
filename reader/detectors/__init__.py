"""Flag suggestions with reasons: opinion passages and unsourced claims (no Qt)."""

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
