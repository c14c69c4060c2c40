"""What an article is about: the words of its title and those it uses often, in any form."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reader.anchoring.tokens import word_norms

TOPIC_COUNT = 3  # a word used this often, counting all its forms, is what the article is about
_ROOT = 4  # letters two forms of a word share at least: "cris" of "crisis" and "crises"
_ENDING = 2  # letters the shorter form may have past the shared ones: "racis|m", "racis|t"


def same_word(first: str, second: str) -> bool:
    """Two forms of one word: "plague" and "plagues", "flood" and "flooding", "crisis" and
    "crises", "racist" and "racism". A Snowball stemmer joins the regular forms only, and
    a lemmatiser's tables would outweigh the rest of the detector's data, hence a shared
    beginning: all but the shorter word's last two letters, and at least four."""
    shorter = min(len(first), len(second))
    shared = max(_ROOT, shorter - _ENDING)
    return shorter >= shared and first[:shared] == second[:shared]


@dataclass(frozen=True)
class Topic:
    """``word in topic``: ``word`` is a form of a title word or of words used often."""

    title: frozenset[str]
    counts: dict[str, tuple[tuple[str, int], ...]]  # by their first letters: (word, count)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if word in self.title or any(same_word(word, t) for t in self.title):
            return True
        forms = self.counts.get(word[:_ROOT], ())
        used = sum(count for form, count in forms if form == word or same_word(word, form))
        return used >= TOPIC_COUNT


def topic_of(text: str, title: str) -> Topic:
    """The topic of an article of ``text`` headed ``title``."""
    by_root: dict[str, list[tuple[str, int]]] = {}
    for word, count in Counter(word_norms(text)).items():
        by_root.setdefault(word[:_ROOT], []).append((word, count))
    title_words = frozenset(word_norms(title))
    return Topic(title_words, {root: tuple(forms) for root, forms in by_root.items()})
