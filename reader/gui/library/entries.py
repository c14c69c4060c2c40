"""The library list's entries: an article or a search hit, its snippet fitted to
the width, and the delegate that paints it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import IntEnum

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from reader.core.models import Kind
from reader.core.palette import KIND_COLOURS
from reader.storage.library import MATCH_END, MATCH_START, ArticleSummary, SearchHit

ModelIndex = QModelIndex | QPersistentModelIndex
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


class EntryKind(IntEnum):
    ARTICLE = 1
    ARTICLE_HIT = 2
    NOTE_HIT = 3


@dataclass
class Entry:
    """One row of the list: an article, or a search hit in an article's text or a note."""

    kind: EntryKind
    article_id: int
    title: str
    subtitle: str = ""
    counts: dict[Kind, int] = field(default_factory=dict)
    snippet: str = ""
    annotation_uuid: str | None = None


def article_entry(summary: ArticleSummary) -> Entry:
    parts = [summary.publication, summary.published[:10], summary.author]
    if not any(parts) and summary.imported_at:
        parts.append(f"imported {summary.imported_at[:10]}")
    if summary.version > 1:
        parts.append(f"version {summary.version}")
    return Entry(
        EntryKind.ARTICLE,
        summary.id,
        summary.title or "Untitled",
        " · ".join(part for part in parts if part),
        dict(summary.counts),
    )


def hit_entry(hit: SearchHit) -> Entry:
    kind = EntryKind.NOTE_HIT if hit.annotation_uuid else EntryKind.ARTICLE_HIT
    label = "Note" if hit.annotation_uuid else "Text"
    return Entry(
        kind,
        hit.article_id,
        hit.title or "Untitled",
        label,
        snippet=hit.snippet,
        annotation_uuid=hit.annotation_uuid,
    )


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """The snippet split into (text, is_match) parts (matches between MATCH_START/END)."""
    parts: list[tuple[str, bool]] = []
    pattern = f"({MATCH_START}[^{MATCH_END}]*{MATCH_END})"
    for piece in re.split(pattern, " ".join(snippet.split())):
        if piece.startswith(MATCH_START) and piece.endswith(MATCH_END):
            parts.append((piece[1:-1], True))
        elif piece:
            parts.append((piece, False))
    return parts


@dataclass(frozen=True)
class SnippetWord:
    text: str
    is_match: bool
    spaced: bool  # a space before it


def snippet_words(snippet: str) -> list[SnippetWord]:
    words: list[SnippetWord] = []
    space = False  # a space since the last word
    for text, is_match in snippet_parts(snippet):
        for position, word in enumerate(text.split(" ")):
            space = space or position > 0
            if word:
                words.append(SnippetWord(word, is_match, space and bool(words)))
                space = False
    return words


def fit_snippet(
    snippet: str, width_of: Callable[[str, bool], int], room: int
) -> list[tuple[str, bool]]:
    """The snippet's whole words around its first match that fit in ``room`` pixels.

    Words dropped at either end are shown as "…"; a word is never cut, so the
    matched word shows whole (unless it alone is wider than the room).
    """
    words = snippet_words(snippet)
    if not words:
        return []
    ellipsis = width_of("…", False)

    def width(word: SnippetWord) -> int:
        return width_of(word.text, word.is_match) + (width_of(" ", False) if word.spaced else 0)

    first = next((i for i, word in enumerate(words) if word.is_match), 0)
    start, end = first, first + 1
    used = width(words[first]) + 2 * ellipsis
    while end < len(words) and used + width(words[end]) <= room:
        used += width(words[end])
        end += 1
    while start > 0 and used + width(words[start - 1]) <= room:
        start -= 1
        used += width(words[start])
    parts: list[tuple[str, bool]] = []
    if start > 0:
        parts.append(("… ", False))
    for index in range(start, end):
        word = words[index]
        text = (" " if word.spaced and index > start else "") + word.text
        if parts and parts[-1][1] == word.is_match:
            parts[-1] = (parts[-1][0] + text, word.is_match)
        else:
            parts.append((text, word.is_match))
    if end < len(words):
        parts.append(("…", False))
    return parts


class EntryDelegate(QStyledItemDelegate):
    PADDING = 8

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        entry = index.data(ENTRY_ROLE)
        base = QFontMetrics(option.font)
        lines = 3 if isinstance(entry, Entry) else 1
        rect: QRect = option.rect
        return QSize(rect.width(), 2 * self.PADDING + lines * base.lineSpacing() + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        entry = index.data(ENTRY_ROLE)
        if not isinstance(entry, Entry):
            super().paint(painter, option, index)
            return
        rect: QRect = option.rect
        palette: QPalette = option.palette
        state = option.state
        font: QFont = option.font
        selected = bool(state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if selected:
            fill = QColor(palette.color(QPalette.ColorRole.Highlight))
            fill.setAlphaF(0.18)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(QRectF(rect.adjusted(4, 2, -4, -2)), 5, 5)
        if state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(rect.adjusted(4, 2, -5, -3)), 5, 5)
        text_rect = rect.adjusted(self.PADDING + 4, self.PADDING, -self.PADDING - 4, -self.PADDING)
        metrics = QFontMetrics(font)
        title_font = QFont(font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        title = QFontMetrics(title_font).elidedText(
            entry.title, Qt.TextElideMode.ElideRight, text_rect.width()
        )
        y = text_rect.top() + metrics.ascent()
        painter.drawText(text_rect.left(), y, title)
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.9)
        small_metrics = QFontMetrics(small)
        painter.setFont(small)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(muted)
        y += metrics.lineSpacing()
        painter.drawText(
            text_rect.left(),
            y,
            small_metrics.elidedText(
                entry.subtitle, Qt.TextElideMode.ElideRight, text_rect.width()
            ),
        )
        y += metrics.lineSpacing()
        if entry.kind is EntryKind.ARTICLE:
            self._paint_counts(painter, entry, text_rect.left(), y, small, palette)
        else:
            self._paint_snippet(painter, entry, text_rect, y, small, palette)
        painter.restore()

    def _paint_counts(
        self, painter: QPainter, entry: Entry, x: int, y: int, font: QFont, palette: QPalette
    ) -> None:
        metrics = QFontMetrics(font)
        total = sum(entry.counts.values())
        if total == 0:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(x, y, "no flags yet")
            return
        for kind in Kind:
            count = entry.counts.get(kind, 0)
            if not count:
                continue
            diameter = metrics.ascent() * 0.7
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(KIND_COLOURS[kind]))
            painter.drawEllipse(QRectF(x, y - diameter - 1, diameter, diameter))
            x += int(diameter) + 4
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            label = str(count)
            painter.drawText(x, y, label)
            x += metrics.horizontalAdvance(label) + 12

    def _paint_snippet(
        self, painter: QPainter, entry: Entry, rect: QRect, y: int, font: QFont, palette: QPalette
    ) -> None:
        bold = QFont(font)
        bold.setBold(True)
        metrics = {False: QFontMetrics(font), True: QFontMetrics(bold)}
        x = rect.left()
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        parts = fit_snippet(
            entry.snippet,
            lambda text, is_match: metrics[is_match].horizontalAdvance(text),
            rect.width(),
        )
        for text, is_match in parts:
            painter.setFont(bold if is_match else font)
            room = rect.right() - x
            shown = metrics[is_match].elidedText(text, Qt.TextElideMode.ElideRight, room)
            painter.drawText(x, y, shown)
            x += metrics[is_match].horizontalAdvance(shown)
