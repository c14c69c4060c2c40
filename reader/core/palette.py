"""Colours of the reading themes and of the three kinds of flag (hex strings, no Qt).

Here in core because the renderer, the class report and the app all paint with them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from reader.core.models import Kind


class Theme(StrEnum):
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True)
class ThemeColours:
    background: str
    text: str
    muted: str
    link: str
    code_background: str
    rule: str
    pygments_style: str


THEME_COLOURS: dict[Theme, ThemeColours] = {
    Theme.LIGHT: ThemeColours(
        background="#fbfaf7",
        text="#1d1d1b",
        muted="#5c5b57",
        link="#0b57a4",
        code_background="#f1efe9",
        rule="#d9d6ce",
        pygments_style="default",
    ),
    Theme.DARK: ThemeColours(
        background="#1d1f23",
        text="#e4e2dd",
        muted="#a3a19b",
        link="#8cb8ef",
        code_background="#282c34",
        rule="#3b3f46",
        pygments_style="one-dark",
    ),
}

# Okabe-Ito colours: distinguishable by colour-blind readers.
KIND_COLOURS: dict[Kind, str] = {
    Kind.UNSOURCED_CLAIM: "#E69F00",
    Kind.OPINION: "#CC79A7",
    Kind.CONTEXT_NOTE: "#009E73",
}

# Underlines drawn under highlighted text: a deeper shade of the kind colour on the
# light page, a brighter one on the dark page, so they stand out from the tinted
# background behind the same text.
KIND_UNDERLINE_COLOURS: dict[Theme, dict[Kind, str]] = {
    Theme.LIGHT: {
        Kind.UNSOURCED_CLAIM: "#A86A00",
        Kind.OPINION: "#A8407F",
        Kind.CONTEXT_NOTE: "#00765A",
    },
    Theme.DARK: {
        Kind.UNSOURCED_CLAIM: "#FFBE3D",
        Kind.OPINION: "#F0A0CE",
        Kind.CONTEXT_NOTE: "#3DD6A8",
    },
}

# The selected flag: the kind colour nearly opaque, with this dark ink over it in both
# themes, so it stands apart from every other highlight.
SELECTED_INK = "#141414"

# Keyboard focus on a panel: a frame in this colour.
FOCUS_COLOURS: dict[Theme, str] = {Theme.LIGHT: "#2F6FB3", Theme.DARK: "#6FA8E8"}
