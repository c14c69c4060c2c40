"""The list of flag cards: Enter goes to the passage, A and D review a suggestion.

Letters do nothing else: Qt's type-ahead would jump to the next card whose quote
starts with the letter (and the next A would accept a suggestion never read).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyleOptionViewItem, QWidget

from reader.core.models import Status
from reader.gui.annotations.card_delegate import CardDelegate
from reader.gui.reading.flags_model import AnnotationRole

ACCEPT_KEYS = frozenset({Qt.Key.Key_A})
DISMISS_KEYS = frozenset({Qt.Key.Key_D, Qt.Key.Key_Delete})


class CardList(QListView):
    """Flag cards; Enter activates the current card, A / D accept or dismiss a suggestion."""

    activated_by_key = Signal(QModelIndex)
    accept_pressed = Signal(str)
    dismiss_pressed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(CardDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Not Adjust: that lays every card out again when the height changes (the
        # editor below opening or closing), though only the width changes a card.
        self.setResizeMode(QListView.ResizeMode.Fixed)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setMouseTracking(True)

    def doItemsLayout(self) -> None:
        delegate = self.itemDelegate()
        if not isinstance(delegate, CardDelegate):
            super().doItemsLayout()
            return
        delegate.begin_layout(self)
        try:
            super().doItemsLayout()
        finally:
            delegate.end_layout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The viewport's size: it narrows when the scroll bar shows.
        current = self.currentIndex()
        shrinks = event.size().height() < event.oldSize().height()
        was_shown = (
            shrinks and current.isValid() and self._is_shown(current, event.oldSize().height())
        )
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()  # the cards' text wraps anew
        # The selected card stays in sight when the list shrinks.
        if was_shown and not self._is_shown(current, self.viewport().height()):
            self.scrollTo(current, QAbstractItemView.ScrollHint.EnsureVisible)

    def _is_shown(self, index: QModelIndex, height: int) -> bool:
        """Whether the card lies wholly within a viewport ``height`` pixels high."""
        rect = self.visualRect(index)
        return rect.isValid() and rect.top() >= 0 and rect.bottom() < height

    def dataChanged(
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        # A card that keeps its height only needs a repaint. QListView keeps the sizes
        # it laid out, so a card that grew or shrank (a longer note) needs a new layout,
        # which asks every card for its size (cached by the delegate).
        if top_left == bottom_right and self._keeps_height(top_left):
            QAbstractItemView.dataChanged(self, top_left, bottom_right, list(roles))
            return
        super().dataChanged(top_left, bottom_right, list(roles))
        self.scheduleDelayedItemsLayout()

    def _keeps_height(self, changed: QModelIndex | QPersistentModelIndex) -> bool:
        """Whether the card's new height is the one it was laid out with.

        ``visualRect`` asks the delegate for the height again: the height laid out is
        where the next card starts (the last card is always laid out again).
        """
        if not changed.isValid():
            return False
        index = changed.sibling(changed.row(), changed.column())
        following = index.sibling(index.row() + 1, index.column())
        laid_out = self.visualRect(index)
        if not laid_out.isValid() or not following.isValid():
            return False
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        delegate = self.itemDelegateForIndex(index)
        height = self.visualRect(following).top() - laid_out.top() - self.spacing()
        return delegate is not None and delegate.sizeHint(option, index).height() == height

    def keyboardSearch(self, search: str) -> None:
        """No type-ahead: a card's text has no first letter to find it by."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        # Taking the focus with no current card, the view makes the first one current
        # without scrolling to it: it is chosen (shown in the editor), so show it.
        before = self.currentIndex()
        super().focusInEvent(event)
        current = self.currentIndex()
        if current.isValid() and current != before:
            self.scrollTo(current, QAbstractItemView.ScrollHint.EnsureVisible)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if current.isValid() and plain == Qt.KeyboardModifier.NoModifier:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.activated_by_key.emit(current)
                event.accept()
                return
            if current.data(AnnotationRole.STATUS) == Status.SUGGESTED.value:
                uuid = str(current.data(AnnotationRole.UUID))
                if event.key() in ACCEPT_KEYS:
                    self.accept_pressed.emit(uuid)
                    event.accept()
                    return
                if event.key() in DISMISS_KEYS:
                    self.dismiss_pressed.emit(uuid)
                    event.accept()
                    return
        super().keyPressEvent(event)
