"""Export an article's flags as CSV: a header row, then one row per flag in text order.

The columns, always these and in this order (``CSV_COLUMNS``, picked by name from
:func:`reader.core.columns.annotation_columns`):

========  ===========================================================
uuid      the flag's UUID
kind      ``unsourced_claim``, ``opinion`` or ``context_note``
status    ``active``, ``suggested``, ``dismissed`` or ``orphaned``
layer     the layer's name (``mine``, ``key``, a student's submission...)
start     start offset in the canonical text, in code points
end       end offset (exclusive)
exact     the flagged passage
prefix    up to 32 characters before it
suffix    up to 32 characters after it
note      the note, Markdown
tags      the tags joined with ``"; "``
source    the source found (URL or citation)
author    who made the flag
created   ISO 8601 UTC time
updated   ISO 8601 UTC time
========  ===========================================================

Comma-separated, cells quoted when they hold a comma, a quote or a line break;
rows end with ``\\n`` and a ``\\r`` inside a cell is written as ``\\n``.
Write the string as UTF-8 (``utf-8-sig`` if it is meant for Excel).

Formula injection (after OWASP's CSV-injection advice): a text cell gets a
leading ``'``, so that a spreadsheet shows it as text instead of running it as
a formula, when it starts with a control character that breaks or indents a
line (tab, carriage return, line feed, vertical tab, form feed), or with
``=``, ``+``, ``-``, ``@`` or their full-width forms ``＝＋－＠`` — also behind
blank or invisible characters (spaces, U+3000, zero-width spaces, a BOM),
which some spreadsheets skip.  Such cells read back with that extra ``'``.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Sequence

from reader.core.columns import Column, annotation_columns
from reader.core.models import Annotation, Article

CSV_COLUMNS: tuple[str, ...] = (
    "uuid",
    "kind",
    "status",
    "layer",
    "start",
    "end",
    "exact",
    "prefix",
    "suffix",
    "note",
    "tags",
    "source",
    "author",
    "created",
    "updated",
)
TAG_SEPARATOR = "; "
FORMULA_STARTS = frozenset("=+-@＝＋－＠")
LINE_CONTROLS = frozenset("\t\r\n\v\f")


def is_blank_or_invisible(char: str) -> bool:
    """Spaces of any width and characters that show nothing (zero-width space, BOM)."""
    return char.isspace() or unicodedata.category(char) in ("Cf", "Zs")


def could_run_as_formula(text: str) -> bool:
    if text[:1] in LINE_CONTROLS:
        return True
    first_visible = next((char for char in text if not is_blank_or_invisible(char)), "")
    return first_visible in FORMULA_STARTS


def safe_cell(text: str) -> str:
    """Text as a spreadsheet will show it, never as a formula, with one kind of line break."""
    if could_run_as_formula(text):
        text = "'" + text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def flag_row(annotation: Annotation) -> list[str | int]:
    columns = annotation_columns(annotation)
    return [cell(columns[name]) for name in CSV_COLUMNS]


def cell(value: Column) -> str | int:
    """An offset as it is, the tags joined, any other text made safe."""
    if isinstance(value, int):
        return value
    return safe_cell(TAG_SEPARATOR.join(value) if isinstance(value, list) else value)


def to_csv(article: Article, annotations: Sequence[Annotation]) -> str:
    """The flags on ``article`` as CSV text; the article itself is not a column."""
    ordered = sorted(annotations, key=lambda a: (a.anchor.start, a.anchor.end, a.uuid))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(flag_row(annotation) for annotation in ordered)
    return out.getvalue()
