"""The flag editor below the cards: kind, note, tags and source of the selected flag."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reader.core.models import Annotation, Kind, Status
from reader.core.palette import KIND_COLOURS
from reader.gui.annotations.card_text import suggestion_badge
from reader.gui.annotations.commands import parse_tags
from reader.gui.annotations.editor_fields import TagCompleter, UndoRedirect
from reader.gui.common.icons import color_swatch_icon
from reader.gui.common.note_widgets import NoteEdit, NoteView
from reader.gui.common.tooltips import plain_tooltip
from reader.services.suggestion_words import likelihood_tip, reason_sentence

NOTE_PLACEHOLDERS: dict[Kind, str] = {
    Kind.UNSOURCED_CLAIM: "Why does this need a source? What source would settle it? (Markdown)",
    Kind.OPINION: "Whose opinion is it? Which words are loaded? (Markdown)",
    Kind.CONTEXT_NOTE: "The context, and where it comes from. (Markdown)",
}
_QUOTED_WORDS = re.compile(r"“([^”]+)”")  # a reason's trigger words


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
        # The note is saved at the event loop's next turn: after the keys already
        # queued, so a fast typist's burst is one write.
        self._note_timer.setInterval(0)
        self._note_timer.timeout.connect(self.flush_pending_note)
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

    def forget(self, uuid: str) -> None:
        """The flag ``uuid`` is gone: drop what waits to be saved into it, and close it."""
        if self._pending_note is not None and self._pending_note[0] == uuid:
            self._note_timer.stop()
            self._pending_note = None
        if self._annotation is not None and self._annotation.uuid == uuid:
            self._annotation = None  # closed without saving the tags or source into it
            self.set_annotation(None)

    def _show_suggestion(self, annotation: Annotation) -> None:
        self.suggestion_title.setText(f"{annotation.kind.label} · {suggestion_badge(annotation)}")
        tip = likelihood_tip(annotation)
        self.suggestion_title.setToolTip(plain_tooltip(tip) if tip else "")
        items = "".join(f"<li>{marked_reason(reason)}</li>" for reason in annotation.reasons)
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
        """Save the note typed so far if its save is waiting, and the tags and source typed
        but not yet saved (before an undo, say)."""
        annotation = self._annotation
        if annotation is None or annotation.status is Status.SUGGESTED:
            self.flush_pending_note()
            return
        # Read before the note's save shows the stored flag again in the fields.
        tags = parse_tags(self.tags_edit.text())
        source = self.source_edit.text().strip()
        self.flush_pending_note()
        self._save_tags(annotation.uuid, tags)
        self._save_source(annotation.uuid, source)

    def flush_pending_note(self) -> None:
        """Save the note typed so far, if its save is waiting."""
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
        uuid = self._annotation.uuid
        if self.tag_completer.is_choosing():
            # Return in the completions reaches the field before the completion is
            # filled in: save the tags once it is, into this flag only.
            QTimer.singleShot(0, lambda: self._save_typed_tags(uuid))
        else:
            self._save_typed_tags(uuid)

    def _save_typed_tags(self, uuid: str) -> None:
        tags = parse_tags(self.tags_edit.text())
        self.flush_pending_note()
        self._save_tags(uuid, tags)

    def _save_tags(self, uuid: str, tags: list[str]) -> None:
        annotation = self._annotation
        if annotation is None or annotation.uuid != uuid or annotation.status is Status.SUGGESTED:
            return
        if tags != annotation.tags:
            self.tags_edited.emit(uuid, tags)

    def _on_source_finished(self) -> None:
        if self._annotation is None:
            return
        source = self.source_edit.text().strip()
        self.flush_pending_note()
        self._save_source(self._annotation.uuid, source)

    def _save_source(self, uuid: str, source: str) -> None:
        annotation = self._annotation
        if annotation is None or annotation.uuid != uuid or annotation.status is Status.SUGGESTED:
            return
        if source != annotation.source:
            self.source_edited.emit(uuid, source)

    def _on_delete_clicked(self) -> None:
        if self._annotation is not None:
            self.delete_requested.emit(self._annotation.uuid)


def marked_reason(reason: str) -> str:
    """A suggestion's reason as rich text: a sentence, the words in quotes in bold, as the
    article marks them."""
    return _QUOTED_WORDS.sub(r"“<b>\1</b>”", html.escape(reason_sentence(reason)))
