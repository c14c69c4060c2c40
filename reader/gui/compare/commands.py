"""Re-attaching an orphaned flag to a passage of the article's new version: one undo step."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from reader.anchoring.selectors import shorten
from reader.core.models import Anchor, Annotation, Status
from reader.gui.reading.commands import AnnotationSink, LibraryCommand, copy_annotation

if TYPE_CHECKING:
    from reader.storage.library import Library


class ReattachFlagCommand(LibraryCommand):
    """The flag, orphaned by an edit of its article, anchored on ``anchor`` and active
    again; undone, it is orphaned on its old passage as it was."""

    def __init__(
        self, library: Library, sink: AnnotationSink, orphan: Annotation, anchor: Anchor
    ) -> None:
        super().__init__(f"Re-attach flag to “{shorten(anchor.exact, 30)}”", library, sink)
        self._orphan = copy_annotation(orphan)
        self._attached = dataclasses.replace(
            copy_annotation(orphan), anchor=anchor, status=Status.ACTIVE
        )

    @property
    def attached(self) -> Annotation:
        return copy_annotation(self._attached)

    def _apply(self) -> None:
        self._write(self._attached)

    def _revert(self) -> None:
        self._write(self._orphan)

    def _write(self, state: Annotation) -> None:
        annotation = copy_annotation(state)
        self._library.update_annotation(annotation)
        self._sink.annotation_changed(copy_annotation(annotation))
