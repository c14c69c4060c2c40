"""Paints an annotation as a card: kind bar and label, quote, note, tags and source."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QLineF,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from reader.core.models import Annotation, Status
from reader.core.palette import KIND_COLOURS, Theme
from reader.gui.annotations.card_text import (
    badge_text,
    header_texts,
    markdown_plain_text,
    quoted,
    wrap_lines,
)
from reader.gui.common.highlight import HighlightStyle, draw_underline, underline_thickness
from reader.gui.reading.flags_model import AnnotationFilterModel, AnnotationRole
from reader.services.suggestion_words import reason_sentence

ModelIndex = QModelIndex | QPersistentModelIndex

OUTER_MARGIN = 6
PADDING = 10
BAR_WIDTH = 4
LINE_GAP = 4
LABEL_INDENT = 30  # the kind's label, right of its underline sample
QUOTE_LINES = 3
NOTE_LINES = 4
REASON_LINES = 6
SIZE_CACHE_LIMIT = 20_000


def _size_key(annotation: Annotation) -> tuple[object, ...]:
    """What a card's height depends on, besides its width and font."""
    return (
        annotation.anchor.exact,
        annotation.note,
        tuple(annotation.tags),
        annotation.source,
        annotation.status,
        tuple(annotation.reasons),
    )


@dataclass
class _Block:
    lines: list[str]
    font: QFont
    color: QColor


_ANNOTATION_ROLE = int(AnnotationRole.ANNOTATION)
# What every card's size depends on besides its content: the card width and the font key.
_Metrics = tuple[int, str]


class CardDelegate(QStyledItemDelegate):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._note_cache: dict[str, str] = {}
        # Every change to the list makes QListView ask again for every card's size:
        # first by the annotation object's identity (cheap), then by its content.
        self._size_cache: dict[tuple[object, ...], QSize] = {}
        self._sizes_by_id: dict[int, tuple[Annotation, _Metrics, QSize]] = {}
        self._layout_metrics: _Metrics | None = None
        self._layout_rows: list[Annotation] | None = None

    def begin_layout(self, view: QAbstractItemView) -> None:
        """The list lays every card out: measure the width and font once, not per card,
        and read the annotations from the filter's list rather than through Qt."""
        self._layout_metrics = (self._view_card_width(view), view.font().key())
        model = view.model()
        if isinstance(model, AnnotationFilterModel) and view.rootIndex() == QModelIndex():
            self._layout_rows = model.shown_annotations()

    def end_layout(self) -> None:
        self._layout_metrics = None
        self._layout_rows = None

    def _plain_note(self, note: str) -> str:
        cached = self._note_cache.get(note)
        if cached is None:
            if len(self._note_cache) > 4000:
                self._note_cache.clear()
            cached = markdown_plain_text(note)
            self._note_cache[note] = cached
        return cached

    def _fonts(self, base: QFont) -> tuple[QFont, QFont, QFont, QFont]:
        label = QFont(base)
        label.setBold(True)
        label.setPointSizeF(base.pointSizeF() * 0.9)
        quote = QFont(base)
        quote.setItalic(True)
        note = QFont(base)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.88)
        return label, quote, note, small

    def _blocks(
        self, annotation: Annotation, option: QStyleOptionViewItem, width: int
    ) -> list[_Block]:
        """The card's text blocks, wrapped to the text ``width``."""
        palette = option.palette
        _, quote_font, note_font, small_font = self._fonts(option.font)
        text_color = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        blocks = [
            _Block(
                wrap_lines(quoted(annotation.anchor.exact), quote_font, width, QUOTE_LINES),
                quote_font,
                text_color if annotation.status is not Status.ORPHANED else muted,
            )
        ]
        if annotation.status is Status.SUGGESTED:
            reasons = "\n".join(f"• {reason_sentence(r)}" for r in annotation.reasons)
            if reasons:
                blocks.append(
                    _Block(wrap_lines(reasons, note_font, width, REASON_LINES), note_font, muted)
                )
            return blocks
        note = self._plain_note(annotation.note)
        if note:
            blocks.append(
                _Block(wrap_lines(note, note_font, width, NOTE_LINES), note_font, text_color)
            )
        if annotation.tags:
            tags = "  ".join(f"#{tag}" for tag in annotation.tags)
            blocks.append(_Block(wrap_lines(tags, small_font, width, 2), small_font, muted))
        if annotation.source:
            link = palette.color(QPalette.ColorRole.Link)
            blocks.append(
                _Block(
                    wrap_lines(f"Source: {annotation.source}", small_font, width, 1),
                    small_font,
                    link,
                )
            )
        return blocks

    @classmethod
    def _card_width(cls, option: QStyleOptionViewItem) -> int:
        # sizeHint gets no useful rect: the card is as wide as the list's viewport.
        view = option.widget
        if isinstance(view, QAbstractItemView):
            return cls._view_card_width(view)
        rect: QRect = option.rect
        return int(rect.width())

    @staticmethod
    def _view_card_width(view: QAbstractItemView) -> int:
        # Not viewport().width(): PySide6's first wrap of a viewport costs ~6 ms.
        width = view.maximumViewportSize().width()
        bar = view.verticalScrollBar()
        if bar.isVisible():
            width -= bar.width()
        return int(width)

    @staticmethod
    def _text_width(card_width: int) -> int:
        return max(60, card_width - 2 * OUTER_MARGIN - BAR_WIDTH - 2 * PADDING)

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        # Called for every card on each layout of the list: the common case makes
        # one call into Qt (the row) and one dictionary look-up.
        rows = self._layout_rows
        annotation = rows[index.row()] if rows is not None else index.data(_ANNOTATION_ROLE)
        metrics = self._layout_metrics
        if metrics is None:
            font: QFont = option.font
            metrics = (self._card_width(option), font.key())
        known = self._sizes_by_id.get(id(annotation))
        if known is not None and known[0] is annotation and known[1] == metrics:
            return known[2]
        if not isinstance(annotation, Annotation):
            return super().sizeHint(option, index)
        card_width = metrics[0]
        key = (*_size_key(annotation), *metrics)
        size = self._size_cache.get(key)
        if size is None:
            if len(self._size_cache) >= SIZE_CACHE_LIMIT:
                self._size_cache.clear()
            size = self._measure(annotation, option, card_width)
            self._size_cache[key] = size
        if len(self._sizes_by_id) >= SIZE_CACHE_LIMIT:
            self._sizes_by_id.clear()
        self._sizes_by_id[id(annotation)] = (annotation, metrics, size)
        return size

    def _measure(
        self, annotation: Annotation, option: QStyleOptionViewItem, card_width: int
    ) -> QSize:
        label_font = self._fonts(option.font)[0]
        height = 2 * OUTER_MARGIN + 2 * PADDING + QFontMetrics(label_font).height()
        for block in self._blocks(annotation, option, self._text_width(card_width)):
            height += LINE_GAP + len(block.lines) * QFontMetrics(block.font).lineSpacing()
        return QSize(max(120, card_width), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        annotation = index.data(AnnotationRole.ANNOTATION)
        if not isinstance(annotation, Annotation):
            super().paint(painter, option, index)
            return
        rect: QRect = option.rect
        palette: QPalette = option.palette
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        kind_color = QColor(KIND_COLOURS[annotation.kind])

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        card = QRectF(
            rect.adjusted(OUTER_MARGIN, OUTER_MARGIN // 2, -OUTER_MARGIN, -OUTER_MARGIN // 2)
        )
        background = palette.color(QPalette.ColorRole.Base)
        if selected:
            tint = QColor(kind_color)
            tint.setAlphaF(0.14)
            background = _blend(background, tint)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(card, 6, 6)
        border = (
            palette.color(QPalette.ColorRole.Highlight)
            if selected
            else palette.color(QPalette.ColorRole.Mid)
        )
        suggested = annotation.status is Status.SUGGESTED
        painter.setPen(_pen(border, 2.0 if selected else 1.0, dashed=suggested and not selected))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(card.adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
        if focused and not selected:
            painter.setPen(_pen(palette.color(QPalette.ColorRole.Highlight), 1.0, dashed=True))
            painter.drawRoundedRect(card.adjusted(2, 2, -2, -2), 5, 5)

        bar = QRectF(card.left(), card.top(), BAR_WIDTH + 2, card.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(kind_color)
        painter.drawRoundedRect(bar, 3, 3)
        painter.drawRect(QRectF(bar.left() + 3, bar.top(), bar.width() - 3, bar.height()))

        left = int(card.left()) + BAR_WIDTH + PADDING
        top = int(card.top()) + PADDING
        width = self._text_width(self._card_width(option))
        label_font = self._fonts(option.font)[0]
        label_metrics = QFontMetrics(label_font)
        # the kind's underline as the article draws it, as a sample beside the label
        sample = HighlightStyle(annotation.kind, suggested=suggested)
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        baseline = top + label_metrics.ascent() - 3
        draw_underline(
            painter,
            sample,
            Theme.DARK if dark else Theme.LIGHT,
            QLineF(left, baseline, left + 22, baseline),
            underline_thickness(label_metrics.height()),
        )
        painter.setFont(label_font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        label, badge = header_texts(
            label_metrics, annotation.kind.label, badge_text(annotation), width - LABEL_INDENT
        )
        painter.drawText(left + LABEL_INDENT, top + label_metrics.ascent(), label)
        if badge:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            badge_width = label_metrics.horizontalAdvance(badge)
            painter.drawText(left + width - badge_width, top + label_metrics.ascent(), badge)
        y = top + label_metrics.height()
        for block in self._blocks(annotation, option, width):
            y += LINE_GAP
            metrics = QFontMetrics(block.font)
            painter.setFont(block.font)
            painter.setPen(block.color)
            for line in block.lines:
                painter.drawText(left, y + metrics.ascent(), line)
                y += metrics.lineSpacing()
        painter.restore()

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        # Cards are edited in the pane's editor, never in place.
        return None  # type: ignore[return-value]


def _blend(base: QColor, tint: QColor) -> QColor:
    alpha = tint.alphaF()
    return QColor.fromRgbF(
        base.redF() * (1 - alpha) + tint.redF() * alpha,
        base.greenF() * (1 - alpha) + tint.greenF() * alpha,
        base.blueF() * (1 - alpha) + tint.blueF() * alpha,
    )


def _pen(color: QColor, width: float, dashed: bool = False) -> QPen:
    pen = QPen(color, width)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen
