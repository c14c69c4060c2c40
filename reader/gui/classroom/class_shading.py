"""How the class view marks the article: each sentence shaded by how many students
flagged it, or one student's work against the key.

Both are extra selections over the article view's page, replaced whole; the key's
flags are underlined in their kind's style over the class's shading, without a
shade of their own.  A student's passages are told apart by underline style and
texture as well as by colour (see ``MARK_LEGEND``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from reader.classroom.figures import KeyMark
from reader.core.models import Kind
from reader.core.palette import KIND_COLOURS, KIND_UNDERLINE_COLOURS, Theme
from reader.gui.reading.article_view import ArticleView
from reader.services.class_details import Mark, MarkedPassage

# The shade of a sentence every student flagged, and of one a single student flagged
# (opacity, 0-255); the shares in between are drawn in between.
FULL_ALPHA = {Theme.LIGHT: 170, Theme.DARK: 190}
LEAST_ALPHA = {Theme.LIGHT: 30, Theme.DARK: 45}
HATCH_ALPHA = 150
MARK_COLOURS = {Mark.FOUND: "#009E73", Mark.OTHER_KIND: "#56B4E9", Mark.EXTRA: "#E69F00"}
MARK_LEGEND = (
    "Found: shaded, solid underline · Found as another kind: shaded, dotted underline"
    " · Missed: hatched, dashed underline · Extra: shaded, wavy underline"
)
KIND_UNDERLINES = {
    Kind.UNSOURCED_CLAIM: QTextCharFormat.UnderlineStyle.WaveUnderline,
    Kind.OPINION: QTextCharFormat.UnderlineStyle.DotLine,
    Kind.CONTEXT_NOTE: QTextCharFormat.UnderlineStyle.SingleUnderline,
}
UNDERLINES = {
    Mark.FOUND: QTextCharFormat.UnderlineStyle.SingleUnderline,
    Mark.OTHER_KIND: QTextCharFormat.UnderlineStyle.DotLine,
    Mark.MISSED: QTextCharFormat.UnderlineStyle.DashUnderline,
    Mark.EXTRA: QTextCharFormat.UnderlineStyle.WaveUnderline,
}


class ClassHeat(Protocol):
    """What the shading reads: the class's figures, or its whole overview."""

    @property
    def students(self) -> Sequence[object]: ...
    @property
    def sentences(self) -> Sequence[tuple[int, int]]: ...
    @property
    def sentence_counts(self) -> Sequence[dict[Kind, int]]: ...


def sentence_heat(counts: dict[Kind, int], kind: Kind | None) -> tuple[Kind, int] | None:
    """The kind a sentence is shaded in and how many students flagged it that way: the
    chosen kind, or (all kinds) the one most students used; None when unflagged."""
    if kind is not None:
        return (kind, counts[kind]) if counts.get(kind) else None
    if not counts:
        return None
    most = max(counts, key=lambda k: (counts[k], -list(Kind).index(k)))
    return most, counts[most]


# A sentence's shade: its span, the kind and the alpha it is shaded in.
Shade = tuple[int, int, Kind, int]


def heat_selections(
    view: ArticleView,
    figures: ClassHeat,
    kind: Kind | None,
    theme: Theme,
    made: dict[Shade, QTextEdit.ExtraSelection | None] | None = None,
) -> list[QTextEdit.ExtraSelection]:
    """``made``: the selections made before on this page, reused (after one student's
    change only the sentences whose shade changed are made again)."""
    students = len(figures.students)
    made = {} if made is None else made
    selections = []
    for sentence, counts in enumerate(figures.sentence_counts):
        heat = sentence_heat(counts, kind)
        if heat is None or not students:
            continue
        shade_kind, flagged = heat
        least, full = LEAST_ALPHA[theme], FULL_ALPHA[theme]
        alpha = round(least + (full - least) * flagged / students)
        start, end = figures.sentences[sentence]
        shade = (start, end, shade_kind, alpha)
        if shade not in made:
            colour = QColor(KIND_COLOURS[shade_kind])
            colour.setAlpha(alpha)
            text_format = QTextCharFormat()
            text_format.setBackground(QBrush(colour))
            made[shade] = _selection(view, start, end, text_format)
        selection = made[shade]
        if selection is not None:
            selections.append(selection)
    return selections


def key_selections(
    view: ArticleView, key: Sequence[KeyMark], theme: Theme
) -> list[QTextEdit.ExtraSelection]:
    """The key's flags underlined in their kind's style, with no shade of their own (the
    shade under them is the class's)."""
    selections = []
    for flag in key:
        text_format = QTextCharFormat()
        text_format.setUnderlineStyle(KIND_UNDERLINES[flag.kind])
        text_format.setUnderlineColor(QColor(KIND_UNDERLINE_COLOURS[theme][flag.kind]))
        selection = _selection(view, flag.start, flag.end, text_format)
        if selection is not None:
            selections.append(selection)
    return selections


def mark_selections(
    view: ArticleView, marks: Sequence[MarkedPassage], theme: Theme
) -> list[QTextEdit.ExtraSelection]:
    selections = []
    for passage in marks:
        text_format = QTextCharFormat()
        text_format.setUnderlineStyle(UNDERLINES[passage.mark])
        text_format.setUnderlineColor(QColor(KIND_UNDERLINE_COLOURS[theme][passage.flag.kind]))
        if passage.mark is Mark.MISSED:
            # Hatched: a texture that tells it apart on any projector (an extra selection
            # cannot change the font, so no italic).
            colour = QColor(KIND_UNDERLINE_COLOURS[theme][passage.flag.kind])
            colour.setAlpha(HATCH_ALPHA)  # the words stay readable over it
            text_format.setBackground(QBrush(colour, Qt.BrushStyle.BDiagPattern))
        else:
            colour = QColor(MARK_COLOURS[passage.mark])
            colour.setAlpha(FULL_ALPHA[theme] // 2)
            text_format.setBackground(QBrush(colour))
        selection = _selection(view, passage.start, passage.end, text_format)
        if selection is not None:
            selections.append(selection)
    return selections


def _selection(
    view: ArticleView, start: int, end: int, text_format: QTextCharFormat
) -> QTextEdit.ExtraSelection | None:
    span = view.document_range(start, end)
    if span is None:
        return None
    cursor = QTextCursor(view.document())
    cursor.setPosition(span[0])
    cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
    selection = QTextEdit.ExtraSelection()
    selection.cursor = cursor
    selection.format = text_format
    return selection
