"""Markdown -> HTML for the article view: header, body, Pygments-coloured code.

The HTML keeps exactly the text the canonical text holds (reader.anchoring.canonical),
block by block, header first, so that the view can map canonical offsets onto document positions:
soft breaks become a space, hard breaks ``<br />``, images their alt text, and no
newline is written between tags (a ``pre-wrap`` block would show it).
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it.common.utils import escapeHtml
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from reader.anchoring.canonical import header_blocks, markdown_parser
from reader.core.models import Article, ReaderError
from reader.core.palette import THEME_COLOURS, Theme
from reader.render.header import is_safe_link
from reader.render.stylesheet import stylesheet

# Larger code blocks are shown plain: colouring them is not worth the wait.
MAX_HIGHLIGHTED_CODE = 50_000


class _ArticleRenderer(RendererHTML):
    """markdown-it's HTML renderer, with the changes the article view needs."""

    def __init__(self, pygments_style: str) -> None:
        super().__init__()
        self._formatter = HtmlFormatter(nowrap=True, noclasses=True, style=pygments_style)

    def renderToken(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return super().renderToken(tokens, idx, options, env).strip("\n")

    def list_item_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return self.renderToken(tokens, idx, options, env)

    def softbreak(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return " "

    def hardbreak(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return "<br />"

    def image(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        return escapeHtml(tokens[idx].content)

    def fence(self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType) -> str:
        token = tokens[idx]
        language = token.info.strip().split(maxsplit=1)[0] if token.info.strip() else ""
        return self._code(token.content, language)

    def code_block(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        return self._code(tokens[idx].content, "")

    def _code(self, content: str, language: str) -> str:
        code = content.rstrip("\n")
        if not code.strip():
            return ""  # the canonical text leaves empty blocks out
        # an HTML reader drops the newline right after <pre>: give it one to drop
        return f"<pre>\n{self._coloured(code, language)}</pre>"

    def _coloured(self, code: str, language: str) -> str:
        if not language or len(code) > MAX_HIGHLIGHTED_CODE:
            return escapeHtml(code)
        try:
            lexer = get_lexer_by_name(language, stripnl=False, stripall=False, ensurenl=False)
        except ClassNotFound:
            return escapeHtml(code)
        return str(highlight(code, lexer, self._formatter)).rstrip("\n")


def drop_unsafe_links(tokens: Sequence[Token]) -> None:
    """Turn links whose href is not http/https/mailto into plain text (their text stays)."""
    for token in tokens:
        if token.type != "inline" or not token.children:
            continue
        dropped: list[bool] = []
        for child in token.children:
            if child.type == "link_open":
                unsafe = not is_safe_link(str(child.attrGet("href") or ""))
                dropped.append(unsafe)
            elif child.type == "link_close":
                unsafe = dropped.pop() if dropped else False
            else:
                continue
            if unsafe:
                child.type, child.tag, child.content, child.attrs = "text", "", "", {}


def render_body_html(markdown: str, theme: Theme) -> str:
    """The HTML of the Markdown body alone."""
    parser = markdown_parser()
    env: EnvType = {}
    try:
        tokens = parser.parse(markdown, env)
    except ReaderError:
        # over the parser's size limits (a note pasted in, a flag file's note): shown as
        # it was written rather than not at all
        return f"<pre>\n{escapeHtml(markdown)}</pre>"
    drop_unsafe_links(tokens)
    renderer = _ArticleRenderer(THEME_COLOURS[theme].pygments_style)
    return str(renderer.render(tokens, parser.options, env))


def render_header_html(article: Article) -> str:
    """The title, and the byline if there is one; the last of them keeps the gap before
    the body (QTextDocument's CSS has no sibling selectors: a class tells them apart)."""
    texts = header_blocks(article)
    if len(texts) == 1:
        return f'<h1 class="titlealone">{escapeHtml(texts[0])}</h1>'
    return (
        f'<h1 class="title">{escapeHtml(texts[0])}</h1><p class="byline">{escapeHtml(texts[1])}</p>'
    )


def render_article_html(article: Article, theme: Theme) -> str:
    """A whole HTML page for QTextDocument: style sheet, header (title, byline), body."""
    return (
        f"<html><head><style>{stylesheet(theme)}</style></head><body>"
        f"{render_header_html(article)}{render_body_html(article.markdown, theme)}"
        "</body></html>"
    )
