"""Undoable review of suggested flags: fill, accept, dismiss, each one step however many flags."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.core.models import Annotation
from reader.gui.reading.commands import FlagSetSink, LibraryCommand, copy_annotation

if TYPE_CHECKING:  # the storage code stays off the way to the first paint (MainWindow)
    from reader.storage.library import Library


class ReplaceFlagsCommand(LibraryCommand):
    """Swap one set of flags for another in a single transaction (and back on undo).

    The sink hears of the whole swap at once, so a hundred suggestions cost
    one redraw, not a hundred.
    """

    def __init__(
        self,
        text: str,
        library: Library,
        sink: FlagSetSink,
        before: Sequence[Annotation],
        after: Sequence[Annotation],
    ) -> None:
        super().__init__(text, library, sink)
        self._set_sink = sink
        self._before = [copy_annotation(annotation) for annotation in before]
        self._after = [copy_annotation(annotation) for annotation in after]

    def _apply(self) -> None:
        self._swap(self._before, self._after)

    def _revert(self) -> None:
        self._swap(self._after, self._before)

    def _swap(self, old: list[Annotation], new: list[Annotation]) -> None:
        self._library.replace_annotations([annotation.uuid for annotation in old], new)
        self._report(old, new)

    def _report(self, old: list[Annotation], new: list[Annotation]) -> None:
        self._set_sink.annotations_replaced(
            [copy_annotation(annotation) for annotation in old],
            [copy_annotation(annotation) for annotation in new],
        )
