"""The user's changes to flags in the main window: a new flag on the selected passage, and
the edits and deletions asked for in the flag editor, each pushed as one undo step."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
    from reader.gui.shell.main_window import MainWindow


class FlagEdits:
    """Turns the user's flag edits into undo commands on the window's undo stack."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def flag_selection(self, kind: Kind) -> Annotation | None:
        """Flag the passage selected in the article; the new card opens with its note editor."""
        window = self._window
        if window.article is None:
            return None
        view = window.article_view
        anchor = view.selected_anchor()
        if anchor is None or not anchor.exact.strip():
            window.statusBar().showMessage("Select a passage in the article first", 5000)
            return None
        window.flush_note()
        annotation = Annotation(article_id=window.article.id, kind=kind, anchor=anchor)
        if not window.push(AddFlagCommand(window.library, window.flag_updates, annotation)):
            return None
        cursor = view.textCursor()
        cursor.clearSelection()  # so the new highlight shows instead of the selection colour
        view.setTextCursor(cursor)
        window.annotation_pane.focus_note_editor()
        window.statusBar().showMessage(f"Flagged as {kind.label.lower()}", 4000)
        return annotation

    def delete_selected(self) -> None:
        """Delete the selected flag; on a suggestion, Delete dismisses it."""
        pane = self._window.annotation_pane
        uuid = pane.selected_uuid()
        annotation = pane.model.annotation(uuid) if uuid else None
        if annotation is not None and annotation.status is Status.SUGGESTED:
            self._window.dismiss_suggestion(annotation.uuid)
        elif uuid is not None:
            self.delete(uuid)

    def delete(self, uuid: str) -> None:
        """Delete the flag (the editor's Delete button); the status bar says how to undo."""
        window = self._window
        window.flush_note()  # the command keeps the flag as it is, with the note typed
        annotation = window.annotation_pane.model.annotation(uuid)
        if annotation is None:
            return
        if window.push(DeleteFlagCommand(window.library, window.flag_updates, annotation)):
            undo = window.window_actions.undo.shortcut().toString(
                QKeySequence.SequenceFormat.NativeText
            )
            window.statusBar().showMessage(f"Deleted flag — {undo} to undo", 6000)

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
        window = self._window
        before = window.annotation_pane.model.annotation(uuid)
        if before is None:
            return
        after = edited_copy(before, **changes)  # type: ignore[arg-type]
        window.push(EditFlagCommand(window.library, window.flag_updates, before, after, edited))
