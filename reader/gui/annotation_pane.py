"""The pane beside the article: flag cards with filters, orphaned flags, and the flag editor."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QDesktopServices,
    QFocusEvent,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPalette,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QCompleter,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QStyleOptionViewItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.core.models import Annotation, Kind, Layer, Status
from reader.gui.annotation_model import AnnotationFilterModel, AnnotationListModel, AnnotationRole
from reader.gui.card_delegate import CardDelegate, suggestion_badge
from reader.gui.commands import parse_tags
from reader.gui.icons import color_swatch_icon
from reader.render.header import is_safe_link
from reader.render.palette import KIND_COLOURS, Theme

NOTE_SAVE_DELAY_MS = 350

NOTE_PLACEHOLDERS: dict[Kind, str] = {
    Kind.UNSOURCED_CLAIM: "Why does this need a source? What source would settle it? (Markdown)",
    Kind.OPINION: "Whose opinion is it? Which words are loaded? (Markdown)",
    Kind.CONTEXT_NOTE: "The context, and where it comes from. (Markdown)",
}

NOTE_STYLE = "code, pre { font-family: monospace; } p, ul, ol, pre { margin: 2px 0; }"
# Focus that arrives or leaves without the user moving it inside the window.
PASSING_FOCUS = frozenset(
    {
        Qt.FocusReason.ActiveWindowFocusReason,
        Qt.FocusReason.PopupFocusReason,
        Qt.FocusReason.MenuBarFocusReason,
    }
)
ACCEPT_KEYS = frozenset({Qt.Key.Key_A})
DISMISS_KEYS = frozenset({Qt.Key.Key_D, Qt.Key.Key_Delete})

LISTED_STATUSES = (Status.ACTIVE, Status.SUGGESTED)  # in the card list; orphans apart

SHORT_LABELS: dict[Kind, str] = {
    Kind.UNSOURCED_CLAIM: "Unsourced",
    Kind.OPINION: "Opinion",
    Kind.CONTEXT_NOTE: "Context",
}


def note_html(markdown: str, theme: Theme) -> str:
    """A note's HTML: the article's renderer, so raw HTML stays text, images become their
    alt text and only http, https and mailto links are kept."""
    from reader.render.html import render_body_html  # markdown-it: off the start-up path

    return render_body_html(markdown, theme)


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


class NoteEdit(QPlainTextEdit):
    """The note's Markdown source; says when the user moves the focus away."""

    focus_left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() not in PASSING_FOCUS:
            self.focus_left.emit()


class NoteView(QTextBrowser):
    """The note rendered from Markdown; a click (not on a link), Enter or Tab into it edits it."""

    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_markdown(self, markdown: str) -> None:
        """The note rendered as CommonMark (markdown-it, raw HTML off, safe links only)."""
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        self.document().setDefaultStyleSheet(NOTE_STYLE)
        self.setHtml(note_html(markdown, Theme.DARK if dark else Theme.LIGHT))

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        # A note never makes the app read a file or the network: images stay empty.
        if QUrl(name).scheme().lower() == "data":
            return None
        if kind == QTextDocument.ResourceType.ImageResource.value:
            image = QImage(1, 1, QImage.Format.Format_ARGB32)
            image.fill(Qt.GlobalColor.transparent)
            return image
        return ""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if (
            event.reason() not in PASSING_FOCUS
            and event.reason() != Qt.FocusReason.MouseFocusReason
        ):
            self.edit_requested.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        on_link = bool(self.anchorAt(event.position().toPoint()))
        selecting = self.textCursor().hasSelection()
        if event.button() == Qt.MouseButton.LeftButton and not on_link and not selecting:
            self.edit_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self.edit_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if is_safe_link(url.toString()):
            QDesktopServices.openUrl(url)


class UndoRedirect(QObject):
    """Sends Ctrl+Z / Ctrl+Shift+Z in the editor fields to the window's undo stack.

    Text fields keep their own undo history otherwise, which would bypass the
    stack and so the database.
    """

    undo_requested = Signal()
    redo_requested = Signal()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.matches(QKeySequence.StandardKey.Undo):
                self.undo_requested.emit()
                return True
            if event.matches(QKeySequence.StandardKey.Redo):
                self.redo_requested.emit()
                return True
        return False


class TagCompleter(QObject):
    """Completion of the last comma-separated tag in a line edit."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setWidget(edit)
        self._completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._completer.activated[str].connect(self._on_activated)  # type: ignore[index]
        edit.textEdited.connect(self._on_text_edited)

    def set_tags(self, tags: Sequence[str]) -> None:
        self._model.setStringList(list(tags))

    def popup(self) -> QAbstractItemView | None:
        return self._completer.popup()

    def is_choosing(self) -> bool:
        """Whether the list of completions is open (Return there picks one)."""
        popup = self._completer.popup()
        return popup is not None and popup.isVisible()

    def _on_text_edited(self, text: str) -> None:
        prefix = text.rsplit(",", 1)[-1].strip()
        popup = self._completer.popup()
        if prefix:
            self._completer.setCompletionPrefix(prefix)
        if prefix and self._completer.completionCount() > 0:
            self._completer.complete()
        elif popup is not None:
            popup.hide()

    def _on_activated(self, tag: str) -> None:
        head = self._edit.text().rsplit(",", 1)
        before = [part.strip() for part in head[0].split(",")] if len(head) == 2 else []
        self._edit.setText(", ".join([*(p for p in before if p), tag]) + ", ")


class FlagEditor(QFrame):
    """Edits the selected flag: kind, note (saved as you type), tags, source; delete.

    A suggestion is not edited: it shows its score and reasons, with Accept and Dismiss.
    """

    kind_edited = Signal(str, object)
    note_edited = Signal(str, str)
    tags_edited = Signal(str, object)
    source_edited = Signal(str, str)
    delete_requested = Signal(str)
    accept_requested = Signal(str)
    dismiss_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "editor")
        self._annotation: Annotation | None = None
        self._pending_note: tuple[str, str] | None = None
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self.flush_pending_edit)
        self.undo_redirect = UndoRedirect(self)

        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName("Flag kind")
        self.kind_combo.setToolTip("The kind of this flag")
        for kind in Kind:
            self.kind_combo.addItem(color_swatch_icon(KIND_COLOURS[kind]), kind.label, kind.value)
        self.kind_combo.activated.connect(self._on_kind_activated)

        self.delete_button = QPushButton("Delete")
        self.delete_button.setAccessibleName("Delete flag")
        self.delete_button.setToolTip("Delete this flag (Del)")
        self.delete_button.clicked.connect(self._on_delete_clicked)

        self.note_edit = NoteEdit()
        self.note_edit.setAccessibleName("Note")
        self.note_edit.setToolTip("The note, in Markdown; saved as you type")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setUndoRedoEnabled(False)
        self.note_edit.setMinimumHeight(70)
        self.note_edit.setMaximumHeight(160)
        self.note_edit.textChanged.connect(self._on_note_changed)
        self.note_edit.focus_left.connect(self._on_note_left)

        self.note_view = NoteView()
        self.note_view.setProperty("role", "note")
        self.note_view.setAccessibleName("Note (rendered)")
        self.note_view.setToolTip("The note as it reads; click, or press Enter, to edit it")
        self.note_view.setMinimumHeight(70)
        self.note_view.setMaximumHeight(160)
        self.note_view.edit_requested.connect(self.focus_note)
        self.note_stack = QStackedWidget()
        self.note_stack.addWidget(self.note_view)
        self.note_stack.addWidget(self.note_edit)
        self.note_stack.setMaximumHeight(160)

        self.tags_edit = QLineEdit()
        self.tags_edit.setAccessibleName("Tags")
        self.tags_edit.setPlaceholderText("tags, comma separated")
        self.tags_edit.setToolTip("Tags, separated by commas; press Enter to save")
        self.tags_edit.editingFinished.connect(self._on_tags_finished)
        self.tag_completer = TagCompleter(self.tags_edit)

        self.source_edit = QLineEdit()
        self.source_edit.setAccessibleName("Source")
        self.source_edit.setPlaceholderText("URL or citation")
        self.source_edit.setToolTip("A source for the claim or the context; press Enter to save")
        self.source_edit.editingFinished.connect(self._on_source_finished)

        for widget in (self.note_edit, self.tags_edit, self.source_edit):
            widget.installEventFilter(self.undo_redirect)

        self.suggestion_box = self._build_suggestion_box()

        top = QHBoxLayout()
        top.addWidget(self.kind_combo, 1)
        top.addWidget(self.delete_button)
        self.details = QWidget()
        form = QFormLayout(self.details)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Tags", self.tags_edit)
        form.addRow("Source", self.source_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.addLayout(top)
        layout.addWidget(self.suggestion_box)
        layout.addWidget(self.note_stack, 1)
        layout.addWidget(self.details)
        self.set_annotation(None)

    def _build_suggestion_box(self) -> QWidget:
        box = QWidget()
        self.suggestion_title = QLabel()
        self.suggestion_title.setProperty("role", "heading")
        self.reasons_label = QLabel()
        self.reasons_label.setAccessibleName("Reasons")
        self.reasons_label.setTextFormat(Qt.TextFormat.RichText)
        self.reasons_label.setWordWrap(True)
        self.reasons_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.accept_button = QPushButton("Accept")
        self.accept_button.setAccessibleName("Accept suggestion")
        self.accept_button.setToolTip(
            "Make it a flag of yours, the reasons kept in its note (A on the card, Ctrl+Enter)"
        )
        self.accept_button.clicked.connect(self._on_accept_clicked)
        self.dismiss_button = QPushButton("Dismiss")
        self.dismiss_button.setAccessibleName("Dismiss suggestion")
        self.dismiss_button.setToolTip(
            "Hide it; this passage is not suggested again (D or Del on the card)"
        )
        self.dismiss_button.clicked.connect(self._on_dismiss_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.dismiss_button)
        buttons.addWidget(self.accept_button)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.suggestion_title)
        layout.addWidget(self.reasons_label)
        layout.addLayout(buttons)
        return box

    @property
    def annotation(self) -> Annotation | None:
        return self._annotation

    def set_annotation(self, annotation: Annotation | None) -> None:
        """Show ``annotation`` for editing, or disable the editor."""
        if self._annotation is not None and (
            annotation is None or annotation.uuid != self._annotation.uuid
        ):
            self.flush_pending_edit()
        self._annotation = annotation
        self.setEnabled(annotation is not None)
        self.setVisible(annotation is not None)
        if annotation is None:
            return
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(annotation.kind.value))
        suggested = annotation.status is Status.SUGGESTED
        self.kind_combo.setVisible(not suggested)
        self.delete_button.setVisible(not suggested)
        self.suggestion_box.setVisible(suggested)
        self.note_stack.setVisible(not suggested)
        self.details.setVisible(not suggested)
        if suggested:
            self._show_suggestion(annotation)
            return
        self.note_edit.setPlaceholderText(NOTE_PLACEHOLDERS[annotation.kind])
        self._set_note_text(annotation.note)
        if not self.note_edit.hasFocus():
            self._show_note_rendered()
        tags = ", ".join(annotation.tags)
        if parse_tags(self.tags_edit.text()) != annotation.tags:
            self.tags_edit.setText(tags)
        if self.source_edit.text().strip() != annotation.source:
            self.source_edit.setText(annotation.source)
        self.source_edit.setCursorPosition(0)

    def _set_note_text(self, note: str) -> None:
        if self._pending_note is not None or self.note_edit.toPlainText() == note:
            return
        position = self.note_edit.textCursor().position()
        self.note_edit.blockSignals(True)
        self.note_edit.setPlainText(note)
        self.note_edit.blockSignals(False)
        cursor = self.note_edit.textCursor()
        cursor.setPosition(min(position, len(note)))
        self.note_edit.setTextCursor(cursor)

    def _show_suggestion(self, annotation: Annotation) -> None:
        self.suggestion_title.setText(f"{annotation.kind.label} · {suggestion_badge(annotation)}")
        items = "".join(f"<li>{html.escape(reason)}</li>" for reason in annotation.reasons)
        self.reasons_label.setText(
            f"<ul style='margin: 0; -qt-list-indent: 1'>{items}</ul>"
            if items
            else "No reasons given."
        )

    def _show_note_rendered(self) -> None:
        """The rendered note, unless it is empty (then the editor shows its prompt)."""
        note = self.note_edit.toPlainText()
        if not note.strip():
            self.note_stack.setCurrentWidget(self.note_edit)
            return
        self.note_view.set_markdown(note)
        self.note_stack.setCurrentWidget(self.note_view)

    def is_editing_note(self) -> bool:
        return self.note_stack.currentWidget() is self.note_edit

    def focus_note(self) -> None:
        self.note_stack.setCurrentWidget(self.note_edit)
        self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.note_edit.moveCursor(QTextCursor.MoveOperation.End)

    def focus_suggestion(self) -> None:
        self.accept_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_note_left(self) -> None:
        if self._annotation is not None:
            self._show_note_rendered()

    def _on_accept_clicked(self) -> None:
        if self._annotation is not None:
            self.accept_requested.emit(self._annotation.uuid)

    def _on_dismiss_clicked(self) -> None:
        if self._annotation is not None:
            self.dismiss_requested.emit(self._annotation.uuid)

    def flush_pending_edit(self) -> None:
        """Save the note typed so far, if a save is waiting for the debounce."""
        self._note_timer.stop()
        pending, self._pending_note = self._pending_note, None
        if pending is not None:
            self.note_edited.emit(*pending)

    def _on_note_changed(self) -> None:
        if self._annotation is None:
            return
        self._pending_note = (self._annotation.uuid, self.note_edit.toPlainText())
        self._note_timer.start()

    def _on_kind_activated(self, row: int) -> None:
        if self._annotation is None:
            return
        kind = Kind(self.kind_combo.itemData(row))
        if kind is not self._annotation.kind:
            self.flush_pending_edit()
            self.kind_edited.emit(self._annotation.uuid, kind)

    def _on_tags_finished(self) -> None:
        if self.tag_completer.is_choosing():
            # Return in the completions reaches the field before the completion is
            # filled in: save the tags once it is.
            QTimer.singleShot(0, self._save_tags)
        else:
            self._save_tags()

    def _save_tags(self) -> None:
        if self._annotation is None:
            return
        tags = parse_tags(self.tags_edit.text())
        if tags != self._annotation.tags:
            self.flush_pending_edit()
            self.tags_edited.emit(self._annotation.uuid, tags)

    def _on_source_finished(self) -> None:
        if self._annotation is None:
            return
        source = self.source_edit.text().strip()
        if source != self._annotation.source:
            self.flush_pending_edit()
            self.source_edited.emit(self._annotation.uuid, source)

    def _on_delete_clicked(self) -> None:
        if self._annotation is not None:
            self._note_timer.stop()
            self._pending_note = None
            self.delete_requested.emit(self._annotation.uuid)


class AnnotationPane(QWidget):
    """Flag cards of the current article, filtered by kind, layer and text."""

    annotation_selected = Signal(str)
    annotation_activated = Signal(str)
    accept_requested = Signal(str)
    dismiss_requested = Signal(str)
    accept_all_requested = Signal()
    dismiss_all_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Annotation pane")
        self._hidden_layers: frozenset[str] = frozenset()
        self.model = AnnotationListModel(self)
        self.active_filter = AnnotationFilterModel(LISTED_STATUSES, self)
        self.active_filter.setSourceModel(self.model)
        self.orphan_filter = AnnotationFilterModel([Status.ORPHANED], self)
        self.orphan_filter.setSourceModel(self.model)
        self._syncing = False
        self._card_timer = QTimer(self)  # selects the edited flag's card (open_in_editor)
        self._card_timer.setSingleShot(True)
        self._card_timer.setInterval(0)  # a timer, not a queued call: runs after the paint
        self._card_timer.timeout.connect(self._select_edited_card)

        self.kind_buttons = QButtonGroup(self)
        self.kind_buttons.setExclusive(True)
        filter_row = QHBoxLayout()
        filter_row.setSpacing(4)
        all_button = self._filter_button("All", "Show every kind of flag")
        self.kind_buttons.addButton(all_button, 0)
        filter_row.addWidget(all_button)
        for position, kind in enumerate(Kind, start=1):
            button = self._filter_button(
                SHORT_LABELS[kind], f"Show only {kind.label.lower()} flags"
            )
            button.setIcon(color_swatch_icon(KIND_COLOURS[kind]))
            self.kind_buttons.addButton(button, position)
            filter_row.addWidget(button)
        filter_row.addStretch(1)
        all_button.setChecked(True)
        self.kind_buttons.idToggled.connect(self._on_kind_filter_toggled)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Filter flags…")
        self.search_edit.setAccessibleName("Filter flags")
        self.search_edit.setToolTip(
            "Show flags whose quote, note, tags or source contain this text"
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_search_changed)
        self.layer_combo = QComboBox()
        self.layer_combo.setAccessibleName("Layer filter")
        self.layer_combo.setToolTip("Show the flags of one layer")
        self.layer_combo.addItem("All layers", None)
        self.layer_combo.currentIndexChanged.connect(self._on_layer_changed)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.layer_combo)

        self.heading = QLabel("Flags")
        self.heading.setProperty("role", "heading")
        self.empty_label = QLabel("Select a passage in the article and press 1, 2 or 3 to flag it.")
        self.empty_label.setProperty("role", "empty")
        self.empty_label.setWordWrap(True)
        self.no_match_label = QLabel("No flags match this filter.")
        self.no_match_label.setProperty("role", "empty")
        self.no_match_label.setWordWrap(True)

        self.card_list = CardList()
        self.card_list.setAccessibleName("Flags")
        self.card_list.setModel(self.active_filter)
        self.card_list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.card_list.clicked.connect(self._on_card_clicked)
        self.card_list.activated_by_key.connect(self._on_card_activated)
        self.card_list.accept_pressed.connect(self.accept_requested)
        self.card_list.dismiss_pressed.connect(self.dismiss_requested)
        self.card_list.setToolTip(
            "Enter: go to the passage. On a suggestion: A accepts, D dismisses"
        )

        self.suggestion_bar = self._build_suggestion_bar()

        self.orphan_heading = QLabel("Orphaned flags")
        self.orphan_heading.setProperty("role", "heading")
        self.orphan_heading.setToolTip(
            "Flags whose passage is no longer in this version of the text"
        )
        self.orphan_list = CardList()
        self.orphan_list.setAccessibleName("Orphaned flags")
        self.orphan_list.setModel(self.orphan_filter)
        self.orphan_list.setMaximumHeight(180)
        self.orphan_list.selectionModel().currentChanged.connect(self._on_orphan_current_changed)

        self.editor = FlagEditor()
        self.editor.accept_requested.connect(self.accept_requested)
        self.editor.dismiss_requested.connect(self.dismiss_requested)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.setSpacing(6)
        layout.addLayout(filter_row)
        layout.addLayout(search_row)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.no_match_label)
        layout.addWidget(self.suggestion_bar)
        layout.addWidget(self.card_list, 3)
        layout.addWidget(self.orphan_heading)
        layout.addWidget(self.orphan_list, 1)
        layout.addWidget(self.editor)

        # The source model's signals too: a proxy reports a removed row before the
        # source has removed it, so counting then would count it.
        for model in (self.model, self.active_filter, self.orphan_filter):
            model.rowsInserted.connect(self._update_sections)
            model.rowsRemoved.connect(self._update_sections)
            model.modelReset.connect(self._update_sections)
            model.layoutChanged.connect(self._update_sections)
        self._update_sections()

    def _build_suggestion_bar(self) -> QFrame:
        bar = QFrame()
        bar.setProperty("role", "suggestions")
        bar.setAccessibleName("Suggestions")
        self.suggestion_count_label = QLabel()
        self.accept_all_button = QPushButton("Accept all")
        self.accept_all_button.setAccessibleName("Accept all suggestions")
        self.accept_all_button.setToolTip(
            "Make every suggestion shown a flag of yours (one step to undo)"
        )
        self.accept_all_button.clicked.connect(self.accept_all_requested)
        self.dismiss_all_button = QPushButton("Dismiss all")
        self.dismiss_all_button.setAccessibleName("Dismiss all suggestions")
        self.dismiss_all_button.setToolTip(
            "Hide every suggestion; these passages are not suggested again (one step to undo)"
        )
        self.dismiss_all_button.clicked.connect(self.dismiss_all_requested)
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.suggestion_count_label, 1)
        row.addWidget(self.dismiss_all_button)
        row.addWidget(self.accept_all_button)
        return bar

    def open_suggestions(self) -> list[Annotation]:
        """The suggestions waiting for review in the shown layers, in reading order."""
        if not self.open_suggestion_count():
            return []
        return [
            annotation
            for annotation in self.model.annotations()
            if annotation.status is Status.SUGGESTED and annotation.layer not in self._hidden_layers
        ]

    def _filter_button(self, text: str, tooltip: str) -> QPushButton:
        button = QPushButton(text)
        button.setCheckable(True)
        button.setProperty("role", "filter")
        button.setToolTip(tooltip)
        button.setAccessibleName(f"Filter: {text}")
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        return button

    # Content

    def set_annotations(self, annotations: Sequence[Annotation], layers: Sequence[Layer]) -> None:
        self.editor.set_annotation(None)
        self.model.set_annotations(annotations)
        self.set_layers(layers)

    def set_layers(self, layers: Sequence[Layer]) -> None:
        current = self.layer_combo.currentData()
        names = sorted(
            {layer.name for layer in layers} | {a.layer for a in self.model.annotations()}
        )
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        self.layer_combo.addItem("All layers", None)
        for name in names:
            self.layer_combo.addItem(name, name)
        self.layer_combo.setCurrentIndex(max(0, self.layer_combo.findData(current)))
        self.layer_combo.blockSignals(False)
        self.layer_combo.setVisible(len(names) > 1)
        self._on_layer_changed(self.layer_combo.currentIndex())
        hidden = [layer.name for layer in layers if layer.hidden]
        self._hidden_layers = frozenset(hidden)
        self.active_filter.set_hidden_layers(hidden)
        self.orphan_filter.set_hidden_layers(hidden)
        self._update_sections()

    def set_known_tags(self, tags: Sequence[str]) -> None:
        self.editor.tag_completer.set_tags(tags)

    def add_annotation(self, annotation: Annotation) -> None:
        self.model.add(annotation)

    def update_annotation(self, annotation: Annotation) -> None:
        self.model.update(annotation)
        if self.editor.annotation is not None and self.editor.annotation.uuid == annotation.uuid:
            self.editor.set_annotation(annotation)

    def remove_annotation(self, uuid: str) -> None:
        if self.editor.annotation is not None and self.editor.annotation.uuid == uuid:
            self.editor.set_annotation(None)
        self.model.remove(uuid)

    def replace_annotations(self, remove: Sequence[str], add: Sequence[Annotation]) -> None:
        """Many changes at once (suggestions filled, accepted or dismissed)."""
        if self.editor.annotation is not None and self.editor.annotation.uuid in remove:
            self.editor.set_annotation(None)
        self.model.replace(remove, add)

    # Selection

    def selected_uuid(self) -> str | None:
        return None if self.editor.annotation is None else self.editor.annotation.uuid

    def select_annotation(self, uuid: str | None) -> None:
        """Select the card of ``uuid`` (without telling the article view again)."""
        self._stop_holding_cards()
        annotation = self.model.annotation(uuid) if uuid else None
        self._syncing = True
        try:
            self._select_card(annotation)
            self.editor.set_annotation(annotation)
        finally:
            self._syncing = False

    def open_in_editor(self, uuid: str) -> None:
        """Open the flag in the editor now, and select its card at the next turn of the
        event loop: selecting it scrolls to it, which lays every card out again (a new
        card moves those after it), too slow to wait for before the editor shows."""
        annotation = self.model.annotation(uuid)
        if annotation is None:
            return
        self.editor.set_annotation(annotation)
        # Nor is the list painted meanwhile: a paint of the list lays it out first.
        self.card_list.setUpdatesEnabled(False)
        self._card_timer.start()

    def _stop_holding_cards(self) -> None:
        self._card_timer.stop()
        if not self.card_list.updatesEnabled():
            self.card_list.setUpdatesEnabled(True)

    def _select_edited_card(self) -> None:
        self._stop_holding_cards()
        uuid = self.selected_uuid()
        self._syncing = True
        try:
            self._select_card(self.model.annotation(uuid) if uuid else None)
        finally:
            self._syncing = False

    def _select_card(self, annotation: Annotation | None) -> None:
        """Select the card in its list (the caller sets ``_syncing``)."""
        if annotation is None:
            self.card_list.selectionModel().clear()
            self.orphan_list.selectionModel().clear()
        elif annotation.status is Status.ORPHANED:
            self._select_in(self.orphan_list, self.orphan_filter, annotation.uuid)
            self.card_list.selectionModel().clear()
        else:
            if not self._select_in(self.card_list, self.active_filter, annotation.uuid):
                # Filtered out: show everything so the selected card is there.
                self.clear_filters()
                self._select_in(self.card_list, self.active_filter, annotation.uuid)
            self.orphan_list.selectionModel().clear()

    def clear_filters(self) -> None:
        button = self.kind_buttons.button(0)
        if button is not None:
            button.setChecked(True)
        self.search_edit.clear()
        self.layer_combo.setCurrentIndex(0)

    def _select_in(self, view: QListView, proxy: AnnotationFilterModel, uuid: str | None) -> bool:
        row = self.model.row_of(uuid or "")
        if row < 0:
            return False
        index = proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def focus_note_editor(self) -> None:
        self.editor.focus_note()

    # Slots

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._syncing and current.isValid():
            self.orphan_list.selectionModel().clear()
            self._choose(str(current.data(AnnotationRole.UUID)))

    def _on_orphan_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._syncing and current.isValid():
            self.card_list.selectionModel().clear()
            self._choose(str(current.data(AnnotationRole.UUID)))

    def _on_card_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and self.selected_uuid() != index.data(AnnotationRole.UUID):
            self._choose(str(index.data(AnnotationRole.UUID)))

    def _choose(self, uuid: str) -> None:
        self.editor.set_annotation(self.model.annotation(uuid))
        self.annotation_selected.emit(uuid)

    def _on_card_activated(self, index: QModelIndex) -> None:
        self.annotation_activated.emit(str(index.data(AnnotationRole.UUID)))

    def _on_kind_filter_toggled(self, button_id: int, checked: bool) -> None:
        if not checked:
            return
        kinds = list(Kind) if button_id == 0 else [list(Kind)[button_id - 1]]
        self._refilter(lambda proxy: proxy.set_kinds(kinds))

    def _on_search_changed(self, text: str) -> None:
        self._refilter(lambda proxy: proxy.set_text(text))

    def _on_layer_changed(self, _row: int) -> None:
        data = self.layer_combo.currentData()
        layer = data if isinstance(data, str) else None
        self._refilter(lambda proxy: proxy.set_layer(layer))

    def _refilter(self, change: Callable[[AnnotationFilterModel], None]) -> None:
        """Filter both lists; the selected card stays selected, or is let go if hidden.

        The current row the list moves to while rows come and go is not a choice
        of the user's: it neither selects a card nor scrolls the article.
        """
        nested = self._syncing
        self._syncing = True
        try:
            for proxy in (self.active_filter, self.orphan_filter):
                change(proxy)
        finally:
            self._syncing = nested
        selected = self.selected_uuid()
        if nested or selected is None:
            return
        annotation = self.model.annotation(selected)
        orphaned = annotation is not None and annotation.status is Status.ORPHANED
        view, proxy = (
            (self.orphan_list, self.orphan_filter)
            if orphaned
            else (self.card_list, self.active_filter)
        )
        self._syncing = True
        try:
            shown = self._select_in(view, proxy, selected)
            if not shown:
                view.selectionModel().clear()
                self.editor.set_annotation(None)
        finally:
            self._syncing = False
        if not shown:
            self.annotation_selected.emit("")

    def open_suggestion_count(self) -> int:
        """How many suggestions wait for review in the shown layers."""
        return self.model.count([Status.SUGGESTED], self._hidden_layers)

    def listed_total(self) -> int:
        """Flags and open suggestions the card list shows when no filter is on."""
        return self.model.count(LISTED_STATUSES, self._hidden_layers)

    def _update_sections(self) -> None:
        total = self.listed_total()
        shown = self.active_filter.rowCount()
        orphans = self.orphan_filter.rowCount()
        self.heading.setText(
            f"Flags ({shown})" if shown == total else f"Flags ({shown} of {total})"
        )
        self.empty_label.setVisible(total == 0)
        self.no_match_label.setVisible(total > 0 and shown == 0)
        self.orphan_heading.setVisible(orphans > 0)
        self.orphan_list.setVisible(orphans > 0)
        self.orphan_heading.setText(f"Orphaned flags ({orphans})")
        waiting = self.open_suggestion_count()
        self.suggestion_bar.setVisible(waiting > 0)
        self.suggestion_count_label.setText(
            f"{waiting} suggestion{'' if waiting == 1 else 's'} to review"
        )
