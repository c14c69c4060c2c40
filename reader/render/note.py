"""A flag's Markdown note as HTML for the note view: CommonMark by markdown-it (no Qt).

Raw HTML stays text ("js-default"), images show as their alt text (nothing is ever
fetched), and links keep only http, https and mailto targets.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from reader.anchoring.canonical import markdown_parser
from reader.core.models import ReaderError
from reader.render.html import drop_unsafe_links
from reader.render.palette import THEME_COLOURS, Theme

MAX_NOTE_CHARACTERS = 100_000

_STYLE = """
body {{ color: {text}; }}
p {{ margin-top: 0; margin-bottom: 0.5em; }}
a {{ color: {link}; }}
code {{ font-family: monospace; background-color: {code_background}; }}
pre {{ font-family: monospace; background-color: {code_background}; white-space: pre-wrap; }}
blockquote {{ color: {muted}; margin-left: 1em; }}
"""


class _NoteRenderer(RendererHTML):
    def image(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return escapeHtml(tokens[idx].content)


def render_markdown_html(markdown: str, theme: Theme) -> str:
    """A small HTML page (style sheet and body) showing the note in the theme's colours."""
    if len(markdown) > MAX_NOTE_CHARACTERS:
        raise ReaderError(
            f"the note is too long to show ({len(markdown)} characters, "
            f"at most {MAX_NOTE_CHARACTERS})"
        )
    parser = markdown_parser()
    env: EnvType = {}
    tokens = parser.parse(markdown, env)
    drop_unsafe_links(tokens)
    body = str(_NoteRenderer().render(tokens, parser.options, env))
    colours = THEME_COLOURS[theme]
    style = _STYLE.format(
        text=colours.text,
        link=colours.link,
        code_background=colours.code_background,
        muted=colours.muted,
    )
    return f"<html><head><style>{style}</style></head><body>{body}</body></html>"
