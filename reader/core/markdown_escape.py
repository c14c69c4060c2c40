"""Write plain text into Markdown so that it reads back as exactly that text.

CommonMark lets a backslash escape any ASCII punctuation.  Inline syntax
(emphasis, code, links, autolinks, entities, strikethrough, table pipes) can
start anywhere, so its characters are escaped everywhere; block syntax (headings,
quotes, lists, thematic breaks, setext underlines) only counts at the start of
a line, so those characters are escaped there only and the Markdown stays
readable.
"""

from __future__ import annotations

import re

_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<>&~|])")
_BLOCK_START = re.compile(r"^([#>+=-]|\d{1,9}(?=[.)]))")


def escape_inline(text: str, extra: str = "") -> str:
    """``text`` with every inline Markdown character escaped (plus those in ``extra``)."""
    escaped = _INLINE_SPECIALS.sub(r"\\\1", text)
    for char in extra:
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def escape_line(text: str) -> str:
    """One line of a paragraph: inline characters escaped, and block syntax at its start."""
    return escape_block_start(escape_inline(text))


def escape_block_start(line: str) -> str:
    """Escape what would open a block at the start of an already inline-escaped line."""
    match = _BLOCK_START.match(line)
    if match is None:
        return line
    if match.group(1).isdigit():
        # "12." or "12)" would open an ordered list: escape the delimiter after the digits
        cut = match.end()
        return line[:cut] + "\\" + line[cut:]
    return "\\" + line
