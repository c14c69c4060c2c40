"""The user's changes to flags: a new flag on the passage selected in the article, and
the edits and deletions asked for in the flag editor, each pushed as one undo step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence

from reader.core.models import Annotation, Kind, Status
from reader.gui.annotations.commands import (
    AddFlagCommand,
    DeleteFlagCommand,
    EditField,
    EditFlagCommand,
    edited_copy,
)

if TYPE_CHECKING:
    from reader.gui.annotations.pane import AnnotationPane
    from reader.gui.reading.commands import AnnotationSink
    from reader.gui.reading.controller import ReadingController


class FlagEdits(QObject):
    """Turns the user's flag edits into undo commands on the article's undo stack."""

    dismiss_requested = Signal(str)  # Delete on a suggestion dismisses it

    def __init__(
        self, reading: ReadingController, pane: AnnotationPane, sink: AnnotationSink
    ) -> None:
        super().__init__(reading)
        self._reading = reading
        self._pane = pane
        self._sink = sink

    def flag_selection(self, kind: Kind) -> Annotation | None:
        """Flag the passage selected in the article; the new card opens with its note editor."""
        reading = self._reading
        if reading.article is None:
            return None
        view = reading.view
        anchor = view.selected_anchor()
        if anchor is None or not anchor.exact.strip():
            reading.say("Select a passage in the article first", 5000)
            return None
        reading.flush_edits()
        annotation = Annotation(article_id=reading.article.id, kind=kind, anchor=anchor)
        if not reading.push(AddFlagCommand(reading.library, self._sink, annotation)):
            return None
        cursor = view.textCursor()
        cursor.clearSelection()  # so the new highlight shows instead of the selection colour
        view.setTextCursor(cursor)
        self._pane.focus_note_editor()
        reading.say(f"Flagged as {kind.label.lower()}", 4000)
        return annotation

    def delete_selected(self) -> None:
        """Delete the selected flag; on a suggestion, Delete dismisses it."""
        uuid = self._pane.selected_uuid()
        annotation = self._pane.model.annotation(uuid) if uuid else None
        if annotation is not None and annotation.status is Status.SUGGESTED:
            self.dismiss_requested.emit(annotation.uuid)
        elif uuid is not None:
            self.delete(uuid)

    def delete(self, uuid: str) -> None:
        """Delete the flag (the editor's Delete button); the status bar says how to undo."""
        reading = self._reading
        reading.flush_edits()  # the command keeps the flag as it is, with the note typed
        annotation = self._pane.model.annotation(uuid)
        if annotation is None:
            return
        if reading.push(DeleteFlagCommand(reading.library, self._sink, annotation)):
            undo = QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)[0]
            keys = undo.toString(QKeySequence.SequenceFormat.NativeText)
            reading.say(f"Deleted flag — {keys} to undo", 6000)

    def edit_kind(self, uuid: str, kind: object) -> None:
        if isinstance(kind, Kind):
            self._edit(uuid, EditField.KIND, kind=kind)

    def edit_note(self, uuid: str, note: str) -> None:
        self._edit(uuid, EditField.NOTE, note=note)

    def edit_tags(self, uuid: str, tags: object) -> None:
        if isinstance(tags, list):
            self._edit(uuid, EditField.TAGS, tags=[str(tag) for tag in tags])

    def edit_source(self, uuid: str, source: str) -> None:
        self._edit(uuid, EditField.SOURCE, source=source)

    def _edit(self, uuid: str, edited: EditField, **changes: object) -> None:
        before = self._pane.model.annotation(uuid)
        if before is None:
            return
        after = edited_copy(before, **changes)  # type: ignore[arg-type]
        self._reading.push(
            EditFlagCommand(self._reading.library, self._sink, before, after, edited)
        )
