"""Articles rendered as HTML for the article view (no Qt here)."""

from reader.render.html import header_texts, is_safe_link, render_article_html
from reader.render.palette import KIND_COLOURS, THEME_COLOURS, Theme, ThemeColours
from reader.render.stylesheet import stylesheet

__all__ = [
    "KIND_COLOURS",
    "THEME_COLOURS",
    "Theme",
    "ThemeColours",
    "header_texts",
    "is_safe_link",
    "render_article_html",
    "stylesheet",
]
