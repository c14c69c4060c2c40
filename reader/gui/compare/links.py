"""The sentences of two shown articles linked to their counterparts, in document positions."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from reader.compare.matching import Sentence, SentenceMatch
from reader.gui.reading.article_view import ArticleView

Span = tuple[int, int]  # document positions


@dataclass(frozen=True)
class Link:
    here: Span
    there: Span | None  # the counterpart on the other side; None: only in this article
    score: float


class SentenceLinks:
    """One side's sentences (as shown in its view) with their counterparts' places."""

    def __init__(self, links: list[Link]) -> None:
        self._links = sorted(links, key=lambda link: link.here)
        self._starts = [link.here[0] for link in self._links]

    @classmethod
    def both_sides(
        cls, match: SentenceMatch, view_a: ArticleView, view_b: ArticleView
    ) -> tuple[SentenceLinks, SentenceLinks]:
        links_a: list[Link] = []
        links_b: list[Link] = []
        for pair in match.pairs:
            a, b = place(view_a, pair.a), place(view_b, pair.b)
            if a is not None and b is not None:
                links_a.append(Link(a, b, pair.score))
                links_b.append(Link(b, a, pair.score))
        for view, alone, links in (
            (view_a, match.only_a, links_a),
            (view_b, match.only_b, links_b),
        ):
            for sentence in alone:
                span = place(view, sentence)
                if span is not None:
                    links.append(Link(span, None, 0.0))
        return cls(links_a), cls(links_b)

    def at(self, position: int) -> Link | None:
        """The sentence holding the document position, if any."""
        row = bisect_right(self._starts, position) - 1
        if row >= 0 and position < self._links[row].here[1]:
            return self._links[row]
        return None

    def first_linked_from(self, position: int) -> Link | None:
        """The first sentence with a counterpart that ends after the position."""
        row = max(bisect_right(self._starts, position) - 1, 0)
        for link in self._links[row:]:
            if link.there is not None and link.here[1] > position:
                return link
        return None


def place(view: ArticleView, sentence: Sentence) -> Span | None:
    """Where a sentence is in a view's page (None: not shown)."""
    return view.document_range(sentence.start, sentence.end)


def alone_spans(view: ArticleView, alone: list[Sentence]) -> list[Span]:
    """Where the sentences without a counterpart are in a view's page, in order."""
    return [span for span in (place(view, sentence) for sentence in alone) if span]
