"""The library panel: search over articles and notes, tag filter, and the article list."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.models import Kind
from reader.gui.tooltips import plain_tooltip
from reader.render.palette import KIND_COLOURS
from reader.storage.library import MATCH_END, MATCH_START, ArticleSummary, Library, SearchHit

ModelIndex = QModelIndex | QPersistentModelIndex
SEARCH_DELAY_MS = 200
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


class LibraryPanel(QWidget):
    """Lists the library's articles; searching shows hits in texts and notes instead.

    The current row is the open article: moving it (arrows, Home, End, a click) opens
    its article or note at once. Refilling the list (search, tag filter, reload) opens
    nothing, and neither does the row the view makes current as it takes the focus.
    """

    article_chosen = Signal(int)
    note_hit_chosen = Signal(int, str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Library")
        self._library = library
        self._summaries: list[ArticleSummary] = []
        self._current_article: int | None = None
        self._refilling = False  # the list is being filled or its row moved: open nothing
        # The row a mouse press made current, and so opened: its click opens it no more.
        self._opened_by_press: QListWidgetItem | None = None
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh_list)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Search articles and notes")
        self.search_edit.setAccessibleName("Search the library")
        self.search_edit.setToolTip("Search the text of every article and every note (Ctrl+F)")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_search_changed)
        self.search_edit.returnPressed.connect(self._on_search_return)

        self.tag_combo = QComboBox()
        self.tag_combo.setAccessibleName("Tag filter")
        self.tag_combo.setToolTip(
            "List only the articles that have flags with this tag "
            "(the flag pane filters by text: type the tag there)"
        )
        self.tag_combo.currentIndexChanged.connect(lambda _row: self.refresh_list())

        self.heading = QLabel("Articles")
        self.heading.setProperty("role", "heading")

        self.list_widget = QListWidget()
        self.list_widget.setAccessibleName("Articles")
        self.list_widget.setItemDelegate(EntryDelegate(self.list_widget))
        self.list_widget.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list_widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_widget.setUniformItemSizes(False)
        self.list_widget.itemActivated.connect(self._on_item_activated)
        self.list_widget.itemClicked.connect(self._on_item_clicked)
        self.list_widget.currentItemChanged.connect(self._on_current_item_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.tag_combo)
        layout.addWidget(self.heading)
        layout.addWidget(self.list_widget, 1)

    # Content

    def reload(self) -> None:
        """Read the article list and tags again from the library."""
        self._summaries = self._library.articles()
        self.set_tags(self._library.tags())
        self.refresh_list()

    def set_tags(self, tags: Sequence[str]) -> None:
        current = self.tag_combo.currentData()
        self.tag_combo.blockSignals(True)
        self.tag_combo.clear()
        self.tag_combo.addItem("All tags", None)
        for tag in tags:
            self.tag_combo.addItem(f"#{tag}", tag)
        self.tag_combo.setCurrentIndex(max(0, self.tag_combo.findData(current)))
        self.tag_combo.blockSignals(False)
        self.tag_combo.setEnabled(bool(tags))

    def update_counts(self, article_id: int, counts: dict[Kind, int]) -> None:
        for summary in self._summaries:
            if summary.id == article_id:
                summary.counts = dict(counts)
        for row in range(self.list_widget.count()):
            item = self.list_widget.item(row)
            entry = item.data(ENTRY_ROLE)
            is_article = isinstance(entry, Entry) and entry.kind is EntryKind.ARTICLE
            if is_article and entry.article_id == article_id:
                # A new entry: the item compares values, and tells the view only of a change.
                item.setData(ENTRY_ROLE, dataclasses.replace(entry, counts=dict(counts)))

    def update_article_tags(self, article_id: int, tags: Sequence[str]) -> None:
        """The article's flags are tagged ``tags`` now: list it again under a tag filter."""
        for summary in self._summaries:
            if summary.id == article_id:
                summary.tags = list(tags)
        if isinstance(self.tag_combo.currentData(), str) and not self.search_edit.text().strip():
            self.refresh_list()

    def refresh_list(self) -> None:
        self._search_timer.stop()
        query = self.search_edit.text().strip()
        if query:
            entries = [hit_entry(hit) for hit in self._library.search(query)]
            self.heading.setText(f"Search results ({len(entries)})")
        else:
            tag = self.tag_combo.currentData()
            summaries = [s for s in self._summaries if not isinstance(tag, str) or tag in s.tags]
            entries = [article_entry(summary) for summary in summaries]
            if isinstance(tag, str):
                self.heading.setText(f"Articles with flags tagged #{tag} ({len(entries)})")
            else:
                self.heading.setText(f"Articles ({len(entries)})")
        self._refilling = True
        try:
            self._opened_by_press = None
            self.list_widget.clear()
            for entry in entries:
                item = QListWidgetItem()
                item.setData(ENTRY_ROLE, entry)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{entry.title}. {entry.subtitle}")
                item.setToolTip(plain_tooltip(entry.title))
                self.list_widget.addItem(item)
        finally:
            self._refilling = False
        self.mark_current(self._current_article)

    def mark_current(self, article_id: int | None) -> None:
        """Select the row of the article shown, without emitting anything."""
        self._current_article = article_id
        self.list_widget.blockSignals(True)
        self.list_widget.clearSelection()
        for row in range(self.list_widget.count()):
            item = self.list_widget.item(row)
            entry = item.data(ENTRY_ROLE)
            if (
                isinstance(entry, Entry)
                and entry.kind is EntryKind.ARTICLE
                and entry.article_id == article_id
            ):
                self.list_widget.setCurrentItem(item)
                break
        self.list_widget.blockSignals(False)

    def clear_filters(self) -> None:
        """List every article: no tag filter, no search."""
        for widget in (self.tag_combo, self.search_edit):
            widget.blockSignals(True)
        self.tag_combo.setCurrentIndex(0)
        self.search_edit.clear()
        for widget in (self.tag_combo, self.search_edit):
            widget.blockSignals(False)
        self.refresh_list()

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def entries(self) -> list[Entry]:
        found: list[Entry] = []
        for row in range(self.list_widget.count()):
            entry = self.list_widget.item(row).data(ENTRY_ROLE)
            if isinstance(entry, Entry):
                found.append(entry)
        return found

    # Slots

    def _on_search_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_search_return(self) -> None:
        """Return in the search box opens the first result, the focus in the list."""
        self.refresh_list()
        first = self.list_widget.item(0)
        if first is None:
            return
        # Opened here once: moving the current row off the open article's row must not
        # open it through currentItemChanged as well.
        self._refilling = True
        try:
            self.list_widget.setFocus(Qt.FocusReason.OtherFocusReason)
            self.list_widget.setCurrentItem(first)
        finally:
            self._refilling = False
        self._on_item_chosen(first)

    def _on_current_item_changed(
        self, current: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        # No previous row: the view picked the first row as it took the focus; that is
        # not the reader's choice.
        if self._refilling or current is None or previous is None:
            return
        pressed = QApplication.mouseButtons() != Qt.MouseButton.NoButton
        self._opened_by_press = current if pressed else None
        self._on_item_chosen(current)

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        # Where a single click activates, itemActivated follows and chooses the item.
        style = self.list_widget.style()
        hint = QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick
        if not style.styleHint(hint, None, self.list_widget):
            self._on_item_activated(item)

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        """A click, a double click or Enter: opens the item unless its press did."""
        opened, self._opened_by_press = item is self._opened_by_press, None
        if not opened:
            self._on_item_chosen(item)

    def _on_item_chosen(self, item: QListWidgetItem) -> None:
        entry = item.data(ENTRY_ROLE)
        if not isinstance(entry, Entry):
            return
        if entry.kind is EntryKind.NOTE_HIT and entry.annotation_uuid:
            self.note_hit_chosen.emit(entry.article_id, entry.annotation_uuid)
        else:
            self.article_chosen.emit(entry.article_id)
