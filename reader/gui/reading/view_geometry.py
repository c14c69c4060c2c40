"""Where things are in a text view's viewport: a position's line, a point's character,
and the scrolling that brings a passage or a reading place into view."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QPointF
from PySide6.QtGui import QTextCursor

if TYPE_CHECKING:
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QTextEdit


def line_rect(view: QTextEdit, position: int) -> QRect:
    """The viewport rectangle of the cursor at a document position: its line's height."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    return view.cursorRect(cursor)


def position_at(view: QTextEdit, point: QPoint) -> int:
    """The document position of the character under a viewport point, or -1."""
    layout = view.document().documentLayout()
    offset = QPointF(view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    position = layout.hitTest(QPointF(point) + offset, QtCore.Qt.HitTestAccuracy.ExactHit)
    if position < 0:
        return -1
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    if point.x() < view.cursorRect(cursor).x() and position > 0:
        position -= 1  # the click fell on the character before the nearest boundary
    return position


def top_line_place(view: QTextEdit, x: int) -> tuple[int, int]:
    """The first line at the top of the view: its start and its viewport y."""
    cursor = view.cursorForPosition(QtCore.QPoint(x, 0))
    if view.cursorRect(cursor).bottom() < 0:  # the point fell in the space above a line
        cursor.movePosition(QTextCursor.MoveOperation.Down)
    return cursor.position(), max(0, view.cursorRect(cursor).top())


def scroll_to_place(view: QTextEdit, position: int, y: int) -> None:
    """Scroll the line holding ``position`` to viewport ``y`` (lays the page out only
    down to that line)."""
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + line_rect(view, position).top() - y)


def scroll_into_view(view: QTextEdit, start: int, end: int) -> None:
    """Scroll document ``[start, end)`` to a third down the view unless it is all in view."""
    top = line_rect(view, start).top()
    bottom = line_rect(view, end).bottom()
    height = view.viewport().height()
    if top >= 0 and bottom <= height:
        return
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + top - height // 3)
