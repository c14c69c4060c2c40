"""The article's header (title and byline) and which links may open: no Markdown needed."""

from __future__ import annotations

from urllib.parse import urlsplit

from reader.core.models import Article

SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto"})
BYLINE_SEPARATOR = " · "
UNTITLED = "Untitled article"


def is_safe_link(href: str) -> bool:
    """Whether a link may be kept: only http, https and mailto open anywhere."""
    try:
        scheme = urlsplit(href.strip()).scheme.lower()
    except ValueError:
        return False
    return scheme in SAFE_LINK_SCHEMES


def format_date(published: str) -> str:
    """``2025-02-05`` (or a longer ISO timestamp) as ``5 February 2025``; anything else as is."""
    try:
        from datetime import date  # only to render a page: not needed to show a cached one

        day = date.fromisoformat(published.strip()[:10])
    except ValueError:
        return published.strip()
    return f"{day.day} {day:%B %Y}"


def header_texts(article: Article) -> list[str]:
    """The text of each header block, in the order the HTML shows them."""
    title = " ".join(article.title.split()) or UNTITLED
    parts = [article.author.strip(), article.publication.strip(), format_date(article.published)]
    byline = BYLINE_SEPARATOR.join(part for part in parts if part)
    return [title, byline] if byline else [title]
