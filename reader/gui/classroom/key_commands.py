"""Adding a student's extra passage to the key, as an undoable step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from reader.core.models import Annotation
from reader.services import class_details
from reader.storage.classroom import StoredAssignment
from reader.storage.library import Library


class AddToKeyCommand(QUndoCommand):
    """Redo adds a copy of the student's flag to the key; undo takes it out again.
    ``changed`` runs after each, so the figures shown follow."""

    def __init__(
        self,
        library: Library,
        found: StoredAssignment,
        flag: Annotation,
        changed: Callable[[], None],
    ) -> None:
        super().__init__(f"Add “{flag.anchor.exact[:40]}” to the key")
        self._library = library
        self._found = found
        self._flag = flag
        self._changed = changed
        self.added: Annotation | None = None

    def redo(self) -> None:
        if self.added is None:
            self.added = class_details.add_to_key(self._library, self._found, self._flag)
        else:
            class_details.restore_to_key(self._library, self.added)
        self._changed()

    def undo(self) -> None:
        assert self.added is not None
        class_details.remove_from_key(self._library, self.added)
        self._changed()
