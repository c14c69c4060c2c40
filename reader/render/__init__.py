"""Articles rendered as HTML for the article view (no Qt here).

Only the light modules are imported here: the HTML renderer (``reader.render.html``)
loads markdown-it and Pygments, which the app's start does not need when the
rendered article is cached (``reader.render.cache``).
"""

from reader.core.palette import KIND_COLOURS, THEME_COLOURS, Theme, ThemeColours
from reader.render.header import is_safe_link
from reader.render.stylesheet import stylesheet

__all__ = [
    "KIND_COLOURS",
    "THEME_COLOURS",
    "Theme",
    "ThemeColours",
    "is_safe_link",
    "stylesheet",
]
