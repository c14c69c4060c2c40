"""Building W3C selectors (position + quote) over the canonical text."""

from __future__ import annotations

from reader.core.models import Anchor, ReaderError

CONTEXT_LENGTH = 32


def make_anchor(text: str, start: int, end: int) -> Anchor:
    """The anchor of ``text[start:end]``, with up to 32 code points of context either side."""
    if not 0 <= start < end <= len(text):
        raise ReaderError(f"selection {start}-{end} is outside the text (0-{len(text)})")
    return Anchor(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_LENGTH) : start],
        suffix=text[end : end + CONTEXT_LENGTH],
    )


def find_occurrences(text: str, quote: str) -> list[int]:
    """Start offsets of every occurrence of ``quote`` in ``text``, overlapping ones included."""
    starts: list[int] = []
    position = text.find(quote)
    while position != -1 and quote:
        starts.append(position)
        position = text.find(quote, position + 1)
    return starts


def anchor_for_quote(text: str, quote: str, occurrence: int | None = None) -> Anchor:
    """The anchor of the given occurrence (from 1) of ``quote``; an error if it is ambiguous."""
    if not quote.strip():
        raise ReaderError("the quote is empty")
    starts = find_occurrences(text, quote)
    if not starts:
        raise ReaderError(f"quote not found in the article text: {shorten(quote)!r}")
    if occurrence is None:
        if len(starts) > 1:
            count = len(starts)
            raise ReaderError(
                f"the quote occurs {count} times; choose one with --occurrence 1-{count}"
            )
        occurrence = 1
    if not 1 <= occurrence <= len(starts):
        raise ReaderError(f"--occurrence must be between 1 and {len(starts)}, not {occurrence}")
    start = starts[occurrence - 1]
    return make_anchor(text, start, start + len(quote))


def shorten(text: str, limit: int = 60) -> str:
    """The start of ``text`` on one line, cut at a word boundary with an ellipsis."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1].rsplit(" ", 1)[0] or line[: limit - 1]
    return cut.rstrip(" ,;:.-") + "…"
