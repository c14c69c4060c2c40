"""The CSS given to QTextDocument, which understands only a subset of CSS 2.1."""

from __future__ import annotations

from reader.core.palette import THEME_COLOURS, Theme

# No absolute font sizes: headings scale with the document's default font, so zoom
# works by changing that font alone.  ``pre-wrap`` keeps every space the canonical
# text keeps, so document positions map one to one onto canonical offsets.
# The gap between the header and the body. A title with no byline keeps the same gap:
# its margin adds the half line that the byline's 150% line height leaves below it.
# (QTextDocument turns ems into pixels as it parses, from the application font.)
HEADER_GAP_EM = 1.6
TITLE_ALONE_GAP_EM = HEADER_GAP_EM + 0.75
_TEMPLATE = """
body {{ color: {text}; }}
p, li, td, th, h1, h2, h3, h4, h5, h6 {{ white-space: pre-wrap; }}
p, li {{ line-height: 150%; }}
p {{ margin-top: 0; margin-bottom: 0.9em; }}
h1, h2, h3, h4, h5, h6 {{ font-family: sans-serif; margin-top: 1.1em; margin-bottom: 0.5em; }}
h1.title {{ margin-top: 0.4em; margin-bottom: 0.3em; }}
h1.titlealone {{ margin-top: 0.4em; margin-bottom: {title_gap}em; }}
p.byline {{ color: {muted}; font-family: sans-serif; margin-bottom: {header_gap}em; }}
a {{ color: {link}; text-decoration: underline; }}
code {{ font-family: monospace; }}
pre {{ font-family: monospace; background-color: {code_background}; white-space: pre;
      margin-top: 0.4em; margin-bottom: 1em; }}
blockquote {{ color: {muted}; margin-left: 1.5em; margin-right: 1em; }}
table {{ border-collapse: collapse; margin-bottom: 1em; }}
td, th {{ padding: 4px 8px; border: 1px solid {rule}; }}
th {{ font-weight: bold; }}
"""


def stylesheet(theme: Theme) -> str:
    colours = THEME_COLOURS[theme]
    return _TEMPLATE.format(
        text=colours.text,
        muted=colours.muted,
        link=colours.link,
        code_background=colours.code_background,
        rule=colours.rule,
        header_gap=HEADER_GAP_EM,
        title_gap=TITLE_ALONE_GAP_EM,
    )
