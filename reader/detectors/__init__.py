"""Flag suggestions with reasons: opinion passages and unsourced claims (no Qt)."""

from reader.detectors.suggest import suggest, suggest_article
from reader.detectors.suggestion import Suggestion, SuggestionKind

__all__ = ["Suggestion", "SuggestionKind", "suggest", "suggest_article"]
