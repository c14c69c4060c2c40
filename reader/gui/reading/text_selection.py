"""A selection in the article as the reader means it: whole words, no white space at
either end, table cells in reading order."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument

from reader.gui.reading.highlight_layer import Interval


def trimmed(text: str, start: int, end: int) -> Interval:
    """``[start, end)`` without the white space at either end (a word selection's space)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def snapped_to_words(cursor: QTextCursor) -> QTextCursor:
    """The selection with each end that falls inside a word moved out to that word's
    edge (Unicode word boundaries: "country’s" and "80,000" are one word each)."""
    document = cursor.document()
    start = _word_edge(document, cursor.selectionStart(), backward=True)
    end = _word_edge(document, cursor.selectionEnd(), backward=False)
    forward = cursor.position() >= cursor.anchor()
    snapped = QTextCursor(document)
    snapped.setPosition(start if forward else end)
    snapped.setPosition(end if forward else start, QTextCursor.MoveMode.KeepAnchor)
    return snapped


def _word_edge(document: QTextDocument, position: int, backward: bool) -> int:
    from PySide6.QtCore import QTextBoundaryFinder  # used on a drag: not at start-up

    block = document.findBlock(position)
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Word, block.text())
    finder.setPosition(position - block.position())
    if finder.isAtBoundary():
        return position
    edge = finder.toPreviousBoundary() if backward else finder.toNextBoundary()
    return position if edge < 0 else block.position() + edge


def selected_positions(cursor: QTextCursor) -> Interval:
    """Where a selection starts and ends; a selection of table cells runs from the start of
    its first cell to the end of its last (Qt reports only the cells' corners)."""
    table = cursor.currentTable()
    if table is None or not cursor.hasComplexSelection():
        return cursor.selectionStart(), cursor.selectionEnd()
    cells: tuple[int, int, int, int] = cursor.selectedTableCells()  # type: ignore[assignment]
    first_row, rows, first_column, columns = cells
    first = table.cellAt(first_row, first_column).firstCursorPosition().position()
    last_cell = table.cellAt(first_row + rows - 1, first_column + columns - 1)
    return first, last_cell.lastCursorPosition().position()
