"""The building blocks of the class report's HTML: its style sheet, escaped text,
shortened quotes, counts, percentages, colour tints and a passage's stacked bar."""

from __future__ import annotations

from html import escape

from reader.classroom.overview import KeyPassage
from reader.core.models import Kind
from reader.core.palette import KIND_COLOURS

QUOTE_LIMIT = 160  # characters of a passage shown in the lists
OTHER_KIND_GREY = "#8a8a8a"
MISSED_GREY = "#e4e2dd"

STYLE = """
@page { margin: 16mm 14mm; }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 11pt/1.45 Georgia, "DejaVu Serif", serif; color: #1d1d1b; background: #fff;
       max-width: 48em; margin: 2em auto; padding: 0 1em; }
h1, h2, h3, th, .meta, .legend, .figures, table { font-family: "DejaVu Sans", Arial, sans-serif; }
h1 { font-size: 20pt; margin: 0 0 .2em; }
h2 { font-size: 14pt; margin: 1.6em 0 .5em; border-bottom: 1px solid #d9d6ce; }
h3 { font-size: 11.5pt; margin: 1.2em 0 .4em; }
.meta, .legend, .muted { color: #5c5b57; font-size: 9.5pt; }
.warning { border-left: 4px solid #D55E00; padding: .3em .7em; background: #fbf1ea; }
.article p { margin: 0 0 .8em; white-space: pre-wrap; }
.count { font: 7.5pt "DejaVu Sans", Arial, sans-serif; color: #3b3a36; vertical-align: super;
         margin-left: .15em; }
.key { text-decoration-line: underline; text-decoration-thickness: 2px;
       text-underline-offset: 3px; text-decoration-skip-ink: none; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: .4em 0; }
th, td { text-align: left; vertical-align: top; padding: .3em .4em;
         border-bottom: 1px solid #e4e2dd; }
th { font-weight: 600; border-bottom: 1.5px solid #9c998f; }
td.kind { white-space: nowrap; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.quote { font-family: Georgia, "DejaVu Serif", serif; font-size: 10pt; }
.swatch { display: inline-block; width: 1.6em; height: .9em; vertical-align: -0.1em;
          border-radius: 2px; margin-right: .25em; }
.sample { padding: 0 .3em; }
ul.flags { list-style: none; padding: 0; margin: 0; }
ul.flags li { margin: 0 0 .7em; padding-left: .7em; border-left: 3px solid #d9d6ce; }
.note { white-space: pre-wrap; font-size: 10pt; margin: .15em 0 0; }
.note::before { content: attr(data-who) ": "; font: 600 8.5pt "DejaVu Sans", Arial, sans-serif;
                color: #5c5b57; }
.comment { white-space: pre-wrap; border: 1px solid #d9d6ce; padding: .5em .8em; }
tr, li, .summary-line { break-inside: avoid; }
h2, h3 { break-after: avoid; }
.student { break-before: page; }
@media print { body { margin: 0; max-width: none; padding: 0; } }
"""


def text(value: str) -> str:
    return escape(value, quote=True)


def shortened(value: str, limit: int = QUOTE_LIMIT) -> str:
    line = " ".join(value.split())
    return line if len(line) <= limit else line[: limit - 1].rsplit(" ", 1)[0] + "…"


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def tint(colour: str, strength: float) -> str:
    """``colour`` mixed into white: 0 is white, 1 the colour itself (opaque: prints as seen)."""
    strength = max(0.0, min(1.0, strength))
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(255 - (255 - c) * strength) for c in channels]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def kind_cell(kind: Kind) -> str:
    return f'<span class="swatch" style="background:{KIND_COLOURS[kind]}"></span>{kind.label}'


def bar(passage: KeyPassage, students: int) -> str:
    """A compact stacked bar: found (the kind's colour), other kind (grey), missed (pale)."""
    width, height = 120, 10
    parts = []
    x = 0.0
    segments = [
        (passage.found, KIND_COLOURS[passage.key_flag.kind]),
        (passage.found_other_kind, OTHER_KIND_GREY),
        (passage.missed, MISSED_GREY),
    ]
    for amount, colour in segments:
        if amount and students:
            w = width * amount / students
            parts.append(
                f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="{height}" fill="{colour}"/>'
            )
            x += w
    label = f"{passage.found} found, {passage.found_other_kind} other kind, {passage.missed} missed"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
        f'aria-label="{label}">{"".join(parts)}</svg>'
    )
