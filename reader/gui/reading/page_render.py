"""The article's page in a document: rendered from its Markdown, or taken from the
render cache, with the map between its positions and the canonical text's."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtGui
from PySide6.QtGui import QTextDocument

from reader.anchoring.canonical import article_blocks
from reader.core.models import Article
from reader.core.palette import Theme
from reader.gui.reading import offsets
from reader.gui.reading.offsets import OffsetMap, build_offset_map
from reader.render.cache import RenderCache, RenderedPage


def page_cache(folder: Path | None) -> RenderCache | None:
    """A cache of rendered pages in ``folder`` (None: no cache)."""
    # The cached map depends on how Qt splits the page into blocks and on offsets.py.
    sources = [Path(offsets.__file__), Path(QtGui.__file__)]
    return RenderCache(folder, sources) if folder is not None else None


def render_page(
    document: QTextDocument, article: Article, theme: Theme, cache: RenderCache | None
) -> OffsetMap:
    """Fill the document with the article's page (from ``cache`` if it holds it); the
    map of its offsets."""
    key = cache.key(article, theme) if cache is not None else ""
    page = cache.get(key) if cache is not None else None
    if page is not None:
        document.setHtml(page.html)
        return OffsetMap.from_data(page.segments, page.exact)
    from reader.render.html import render_article_html  # markdown-it and Pygments

    html = render_article_html(article, theme)
    document.setHtml(html)
    offset_map = build_offset_map(document, article_blocks(article, article.markdown))
    if cache is not None:
        cache.put(key, RenderedPage(html, offset_map.to_data(), offset_map.exact))
    return offset_map
