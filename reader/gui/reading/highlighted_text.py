"""A text view that draws flags over its document: highlights, the selected flag, and
the flag under a point."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTextBrowser, QWidget

from reader.core.models import Annotation, Status
from reader.gui.reading.highlight_layer import HighlightLayer, Interval, Stroke
from reader.gui.reading.view_geometry import position_at, scroll_into_view

VIEWPORT_NAME = "qt_scrollarea_viewport"  # as QAbstractScrollArea names its viewport

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint, QRect


class HighlightedText(QTextBrowser):
    """A read-only text whose flags a ``HighlightLayer`` draws (none until a subclass
    shows a document and sets ``_layer``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The viewport's wrapper made here and kept, as the plain QWidget it is, so that
        # viewport() returns it: PySide6 would wrap it by trying every widget class it has
        # not loaded yet, building their enums (on the way to start-up's highlights).
        self._viewport = self.findChild(QWidget, VIEWPORT_NAME)
        self._layer: HighlightLayer | None = None  # the flags drawn over the text shown

    def set_annotations(self, annotations: Sequence[Annotation]) -> None:
        """Replace every highlight (only active and suggested flags are drawn)."""
        if self._layer is not None:
            self._layer.repaint(self._layer.replace(annotations))

    def add_highlight(self, annotation: Annotation, *, select: bool = False) -> None:
        """Draw a new flag; with ``select``, drawn as the selected one in the same change
        of the document (each change lays the changed lines out again)."""
        if self._layer is None:
            return
        ranges = self._layer.redraw(annotation)
        if select:
            ranges += self._reselect(self._layer, annotation.uuid)
        self._layer.repaint(ranges)

    def update_highlight(self, annotation: Annotation) -> None:
        """Draw the flag as it is now (a flag no longer active or suggested disappears)."""
        if self._layer is not None:
            self._layer.repaint(self._layer.redraw(annotation))

    def remove_highlight(self, uuid: str) -> None:
        if self._layer is not None:
            self._layer.repaint(self._layer.remove(uuid))

    def select_annotation(self, uuid: str | None) -> None:
        """Mark the flag as the selected one and scroll its passage into view."""
        if self._layer is not None:
            self._layer.repaint(self._reselect(self._layer, uuid))

    def _reselect(self, layer: HighlightLayer, uuid: str | None) -> list[Interval]:
        """Make ``uuid`` the selected flag and scroll to it; the ranges to paint again."""
        span = layer.range_of(uuid)
        if span is not None:
            scroll_into_view(self, *span)
        return layer.select(uuid)

    def selected_annotation(self) -> str | None:
        return self._layer.selected if self._layer is not None else None

    def selected_suggestion(self) -> str | None:
        """The selected flag's uuid if it is an open suggestion."""
        if self._layer is None:
            return None
        annotation = self._layer.annotation(self._layer.selected)
        if annotation is None or annotation.status is not Status.SUGGESTED:
            return None
        return annotation.uuid

    def highlighted_uuids(self) -> list[str]:
        """The flags drawn now, in the order they were added."""
        layer = self._layer
        return [annotation.uuid for annotation in layer.annotations()] if layer is not None else []

    def annotation_at(self, point: QPoint) -> str:
        """The uuid of the topmost highlight under a viewport point, or ""."""
        position = position_at(self, point)
        if position < 0:
            return ""
        return self.annotation_at_position(position)

    def annotation_at_position(self, position: int) -> str:
        """The uuid of the topmost highlight over the character at a document position."""
        return self._layer.annotation_at(position) if self._layer is not None else ""

    def underline_strokes(self, area: QRect | None = None) -> list[Stroke]:
        """The underlines to paint over ``area`` of the viewport (all of it by default):
        one stroke per line of each highlighted stretch, in viewport pixels."""
        if self._layer is None:
            return []
        if area is None:
            area = self.viewport().rect()
        return self._layer.underline_strokes(area, *self._scroll_offset())

    def _scroll_offset(self) -> tuple[int, int]:
        return self.horizontalScrollBar().value(), self.verticalScrollBar().value()
