"""Undoable flag edits: a new flag, a deleted one, a changed kind, note, tags or source.

Like every ``LibraryCommand`` they report each write to an ``AnnotationSink``
(``FlagUpdates``), which updates the article view, the flag pane and the library panel.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from reader.anchoring.selectors import shorten
from reader.core.models import Annotation, Kind
from reader.gui.reading.commands import AnnotationSink, LibraryCommand, copy_annotation

if TYPE_CHECKING:  # the storage code stays off the way to the first paint (MainWindow)
    from reader.storage.library import Library

NOTE_EDIT_ID = 1001


class EditField(StrEnum):
    KIND = "kind"
    NOTE = "note"
    TAGS = "tags"
    SOURCE = "source"


class AddFlagCommand(LibraryCommand):
    def __init__(self, library: Library, sink: AnnotationSink, annotation: Annotation) -> None:
        label = f"Flag “{shorten(annotation.anchor.exact, 30)}” as {annotation.kind.label}"
        super().__init__(label, library, sink)
        self._annotation = copy_annotation(annotation)

    def _apply(self) -> None:
        self._library.add_annotation(copy_annotation(self._annotation))
        self._sink.annotation_added(copy_annotation(self._annotation))

    def _revert(self) -> None:
        self._library.delete_annotation(self._annotation.uuid)
        self._sink.annotation_removed(copy_annotation(self._annotation))


class DeleteFlagCommand(LibraryCommand):
    def __init__(self, library: Library, sink: AnnotationSink, annotation: Annotation) -> None:
        super().__init__(f"Delete flag “{shorten(annotation.anchor.exact, 30)}”", library, sink)
        self._annotation = copy_annotation(annotation)

    def _apply(self) -> None:
        self._annotation = self._library.delete_annotation(self._annotation.uuid)
        self._sink.annotation_removed(copy_annotation(self._annotation))

    def _revert(self) -> None:
        self._library.add_annotation(copy_annotation(self._annotation))
        self._sink.annotation_added(copy_annotation(self._annotation))


class EditFlagCommand(LibraryCommand):
    """Change one field of a flag; consecutive note edits of one flag merge into one step."""

    def __init__(
        self,
        library: Library,
        sink: AnnotationSink,
        before: Annotation,
        after: Annotation,
        edited: EditField,
    ) -> None:
        label = f"Edit {edited.value} of flag “{shorten(before.anchor.exact, 30)}”"
        super().__init__(label, library, sink)
        self._before = copy_annotation(before)
        self._after = copy_annotation(after)
        self.edited = edited

    @property
    def uuid(self) -> str:
        return self._after.uuid

    def id(self) -> int:
        return NOTE_EDIT_ID if self.edited is EditField.NOTE else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditFlagCommand) or other.edited is not EditField.NOTE:
            return False
        if other.uuid != self.uuid:
            return False
        self._after = copy_annotation(other._after)
        return True

    def _apply(self) -> None:
        self._write(self._after)

    def _revert(self) -> None:
        self._write(self._before)

    def _write(self, state: Annotation) -> None:
        stored = copy_annotation(state)
        self._library.update_annotation(stored)
        self._sink.annotation_changed(copy_annotation(stored))


def edited_copy(
    annotation: Annotation,
    *,
    kind: Kind | None = None,
    note: str | None = None,
    tags: list[str] | None = None,
    source: str | None = None,
) -> Annotation:
    """A copy of ``annotation`` with the given fields replaced."""
    result = copy_annotation(annotation)
    if kind is not None:
        result.kind = kind
    if note is not None:
        result.note = note
    if tags is not None:
        result.tags = list(tags)
    if source is not None:
        result.source = source
    return result


def parse_tags(text: str) -> list[str]:
    """Comma-separated tags, trimmed, empty and repeated ones left out, order kept."""
    tags: list[str] = []
    for part in text.split(","):
        tag = part.strip()
        if tag and tag not in tags:
            tags.append(tag)
    return tags
