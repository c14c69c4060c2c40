"""The pane beside the article: flag cards with filters, orphaned flags, and the flag editor."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent, QTextCursor
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
    QVBoxLayout,
    QWidget,
)

from reader.core.models import Annotation, Kind, Layer, Status
from reader.gui.annotation_model import AnnotationFilterModel, AnnotationListModel, AnnotationRole
from reader.gui.card_delegate import CardDelegate
from reader.gui.commands import parse_tags
from reader.gui.icons import color_swatch_icon
from reader.render.palette import KIND_COLOURS

NOTE_SAVE_DELAY_MS = 350

NOTE_PLACEHOLDERS: dict[Kind, str] = {
    Kind.UNSOURCED_CLAIM: "Why does this need a source? What source would settle it? (Markdown)",
    Kind.OPINION: "Whose opinion is it? Which words are loaded? (Markdown)",
    Kind.CONTEXT_NOTE: "The context, and where it comes from. (Markdown)",
}

SHORT_LABELS: dict[Kind, str] = {
    Kind.UNSOURCED_CLAIM: "Unsourced",
    Kind.OPINION: "Opinion",
    Kind.CONTEXT_NOTE: "Context",
}


class CardList(QListView):
    """A list of flag cards; Enter activates the current card."""

    activated_by_key = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(CardDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setMouseTracking(True)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # QListView re-lays rows out only when its height changes; card heights
        # depend on the width (wrapped text).
        if event.size().width() != event.oldSize().width():
            self.scheduleDelayedItemsLayout()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_by_key.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


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
    """Edits the selected flag: kind, note (saved as you type), tags, source; delete."""

    kind_edited = Signal(str, object)
    note_edited = Signal(str, str)
    tags_edited = Signal(str, object)
    source_edited = Signal(str, str)
    delete_requested = Signal(str)

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

        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName("Note")
        self.note_edit.setToolTip("The note, in Markdown; saved as you type")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setUndoRedoEnabled(False)
        self.note_edit.setMinimumHeight(70)
        self.note_edit.setMaximumHeight(160)
        self.note_edit.textChanged.connect(self._on_note_changed)

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

        top = QHBoxLayout()
        top.addWidget(self.kind_combo, 1)
        top.addWidget(self.delete_button)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Tags", self.tags_edit)
        form.addRow("Source", self.source_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.addLayout(top)
        layout.addWidget(self.note_edit, 1)
        layout.addLayout(form)
        self.set_annotation(None)

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
        self.note_edit.setPlaceholderText(NOTE_PLACEHOLDERS[annotation.kind])
        self._set_note_text(annotation.note)
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

    def focus_note(self) -> None:
        self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.note_edit.moveCursor(QTextCursor.MoveOperation.End)

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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Annotation pane")
        self.model = AnnotationListModel(self)
        self.active_filter = AnnotationFilterModel([Status.ACTIVE, Status.SUGGESTED], self)
        self.active_filter.setSourceModel(self.model)
        self.orphan_filter = AnnotationFilterModel([Status.ORPHANED], self)
        self.orphan_filter.setSourceModel(self.model)
        self._syncing = False

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

        self.card_list = CardList()
        self.card_list.setAccessibleName("Flags")
        self.card_list.setModel(self.active_filter)
        self.card_list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.card_list.clicked.connect(self._on_card_clicked)
        self.card_list.activated_by_key.connect(self._on_card_activated)

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

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.setSpacing(6)
        layout.addLayout(filter_row)
        layout.addLayout(search_row)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.card_list, 3)
        layout.addWidget(self.orphan_heading)
        layout.addWidget(self.orphan_list, 1)
        layout.addWidget(self.editor)

        for model in (self.active_filter, self.orphan_filter):
            model.rowsInserted.connect(self._update_sections)
            model.rowsRemoved.connect(self._update_sections)
            model.modelReset.connect(self._update_sections)
            model.layoutChanged.connect(self._update_sections)
        self._update_sections()

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
        self.active_filter.set_hidden_layers(hidden)
        self.orphan_filter.set_hidden_layers(hidden)

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

    # Selection

    def selected_uuid(self) -> str | None:
        return None if self.editor.annotation is None else self.editor.annotation.uuid

    def select_annotation(self, uuid: str | None) -> None:
        """Select the card of ``uuid`` (without telling the article view again)."""
        self._syncing = True
        try:
            annotation = self.model.annotation(uuid) if uuid else None
            if annotation is None:
                self.card_list.selectionModel().clear()
                self.orphan_list.selectionModel().clear()
                self.editor.set_annotation(None)
                return
            if annotation.status is Status.ORPHANED:
                self._select_in(self.orphan_list, self.orphan_filter, uuid)
                self.card_list.selectionModel().clear()
            else:
                if not self._select_in(self.card_list, self.active_filter, uuid):
                    # Filtered out: show everything so the selected card is there.
                    self.clear_filters()
                    self._select_in(self.card_list, self.active_filter, uuid)
                self.orphan_list.selectionModel().clear()
            self.editor.set_annotation(annotation)
        finally:
            self._syncing = False

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
        self.active_filter.set_kinds(kinds)
        self.orphan_filter.set_kinds(kinds)

    def _on_search_changed(self, text: str) -> None:
        self.active_filter.set_text(text)
        self.orphan_filter.set_text(text)

    def _on_layer_changed(self, _row: int) -> None:
        layer = self.layer_combo.currentData()
        self.active_filter.set_layer(layer if isinstance(layer, str) else None)
        self.orphan_filter.set_layer(layer if isinstance(layer, str) else None)

    def _update_sections(self) -> None:
        total = self.model.rowCount()
        shown = self.active_filter.rowCount()
        orphans = self.orphan_filter.rowCount()
        self.heading.setText(
            f"Flags ({shown})" if shown == total else f"Flags ({shown} of {total})"
        )
        self.empty_label.setVisible(total == 0)
        self.orphan_heading.setVisible(orphans > 0)
        self.orphan_list.setVisible(orphans > 0)
        self.orphan_heading.setText(f"Orphaned flags ({orphans})")
