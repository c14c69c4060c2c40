"""The undo commands' base: each writes to the library at once in redo and undo, and
reports what it wrote to a sink; the commands know nothing about widgets."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QUndoCommand

from reader.core.models import Annotation, ReaderError

if TYPE_CHECKING:  # the storage code stays off the way to the first paint (MainWindow)
    from reader.storage.library import Library


class AnnotationSink(Protocol):
    def annotation_added(self, annotation: Annotation) -> None: ...
    def annotation_changed(self, annotation: Annotation) -> None: ...
    def annotation_removed(self, annotation: Annotation) -> None: ...
    def show_error(self, message: str) -> None: ...


def copy_annotation(annotation: Annotation) -> Annotation:
    """A copy the caller cannot change behind the command's back."""
    return dataclasses.replace(
        annotation, tags=list(annotation.tags), reasons=list(annotation.reasons)
    )


class LibraryCommand(QUndoCommand):
    """Runs its first ``redo`` through ``execute``, so a refused write raises before the push.

    QUndoStack.push calls ``redo`` from C++, where an exception cannot reach the
    caller; later redo/undo failures are shown as an error dialog instead.
    """

    def __init__(self, text: str, library: Library, sink: AnnotationSink) -> None:
        super().__init__(text)
        self._library = library
        self._sink = sink
        self._executed = False

    def execute(self) -> None:
        """Apply the change now; raises ``ReaderError`` (and changes nothing) if it is refused."""
        self._apply()
        self._executed = True

    def redo(self) -> None:
        if self._executed:
            self._executed = False
            return
        self._guarded(self._apply)

    def undo(self) -> None:
        self._guarded(self._revert)

    def _guarded(self, step: Callable[[], None]) -> None:
        try:
            step()
        except ReaderError as error:
            self.setObsolete(True)
            self._sink.show_error(str(error))

    def _apply(self) -> None:
        raise NotImplementedError

    def _revert(self) -> None:
        raise NotImplementedError


class FlagSetSink(AnnotationSink, Protocol):
    def annotations_replaced(
        self, removed: Sequence[Annotation], added: Sequence[Annotation]
    ) -> None: ...
