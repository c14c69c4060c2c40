"""The library panel: search over articles and notes, tag filter, and the article list."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from reader.core.models import Kind
from reader.gui.common.tooltips import plain_tooltip
from reader.gui.library.entries import (
    ENTRY_ROLE,
    Entry,
    EntryDelegate,
    EntryKind,
    article_entry,
    hit_entry,
)
from reader.storage.library import ArticleSummary, Library

SEARCH_DELAY_MS = 200


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
        self._listed_version = library.data_version()  # changes as other processes write
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
        # Ctrl+click or Shift+click selects a second article, to compare (Ctrl+D)
        self.list_widget.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
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

    def reload_if_changed_elsewhere(self) -> None:
        """Articles imported or flagged by another process: the list again."""
        version = self._library.data_version()
        if version != self._listed_version:
            self._listed_version = version
            self.reload()

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
        for row in range(self.list_widget.count()):
            item = self.list_widget.item(row)
            entry = item.data(ENTRY_ROLE)
            if (
                isinstance(entry, Entry)
                and entry.kind is EntryKind.ARTICLE
                and entry.article_id == article_id
            ):
                # Made current by the reader's click or key, its selection is theirs
                # (Ctrl+click selects a second article, to compare)
                if item is not self.list_widget.currentItem():
                    self.list_widget.clearSelection()
                    self.list_widget.setCurrentItem(item)
                break
        else:
            self.list_widget.clearSelection()
        self.list_widget.blockSignals(False)

    def selected_article_ids(self) -> list[int]:
        """The articles selected (several with Ctrl+click or Shift+click), in list order."""
        chosen: list[int] = []
        for item in self.list_widget.selectedItems():
            entry = item.data(ENTRY_ROLE)
            if isinstance(entry, Entry) and entry.article_id not in chosen:
                chosen.append(entry.article_id)
        return chosen

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
