"""Which links in an article or a note may open (the header's text is the canonical
text's: reader.anchoring.canonical.header_blocks)."""

from __future__ import annotations

from urllib.parse import urlsplit

SAFE_LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def is_safe_link(href: str) -> bool:
    """Whether a link may be kept: only http, https and mailto open anywhere."""
    try:
        scheme = urlsplit(href.strip()).scheme.lower()
    except ValueError:
        return False
    return scheme in SAFE_LINK_SCHEMES
