"""Rows of the flag pane that stay whole when the pane is narrow, rather than cut their
labels: the filter chips wrap onto more rows, and a label's buttons go under it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QBoxLayout, QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent

SPACING = 4


class ChipRow(QWidget):
    """The buttons at their own size, left to right, as many rows as the width needs."""

    def __init__(self, chips: Sequence[QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._chips = list(chips)
        for chip in self._chips:
            chip.setParent(self)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _place(self, width: int, move: bool) -> int:
        """Lay the chips out in ``width`` (moving them if ``move``); the height it takes."""
        x = y = row_height = 0
        for chip in self._chips:
            size = chip.sizeHint()
            if x and x + size.width() > width:
                x, y, row_height = 0, y + row_height + SPACING, 0
            if move:
                chip.setGeometry(x, y, size.width(), size.height())
            x += size.width() + SPACING
            row_height = max(row_height, size.height())
        return y + row_height

    def rows(self) -> int:
        """How many rows the chips take now."""
        return len({chip.y() for chip in self._chips})

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(width, move=False)

    def sizeHint(self) -> QSize:
        hints = [chip.sizeHint() for chip in self._chips]
        width = sum(hint.width() for hint in hints) + SPACING * (len(hints) - 1)
        return QSize(width, max(hint.height() for hint in hints))

    def minimumSizeHint(self) -> QSize:
        width = max(chip.sizeHint().width() for chip in self._chips)
        return QSize(width, self._place(width, move=False))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place(self.width(), move=True)


class LabelWithButtons(QFrame):
    """A label and its buttons: side by side, or the buttons under the label (on the
    right) when the width cannot hold the label on two lines beside them."""

    def __init__(self, label: QLabel, buttons: Sequence[QWidget]) -> None:
        super().__init__()
        self._label = label
        self._label.setWordWrap(True)
        self._buttons = QHBoxLayout()
        self._buttons.addStretch(1)
        for button in buttons:
            self._buttons.addWidget(button)
        self._row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addWidget(label, 1)
        self._row.addLayout(self._buttons)

    def is_stacked(self) -> bool:
        return self._row.direction() is QBoxLayout.Direction.TopToBottom

    def _side_by_side_width(self) -> int:
        """The width that holds the buttons and, beside them, the label on two lines."""
        text = self._label.text()
        metrics = self._label.fontMetrics()
        longest = max((metrics.horizontalAdvance(word) for word in text.split()), default=0)
        label = max(longest, round(metrics.horizontalAdvance(text) * 0.6))
        return label + self._row.spacing() + self._buttons.sizeHint().width()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        stacked = self.width() < self._side_by_side_width()
        direction = (
            QBoxLayout.Direction.TopToBottom if stacked else QBoxLayout.Direction.LeftToRight
        )
        if self._row.direction() is not direction:
            self._row.setDirection(direction)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self._buttons.sizeHint().width()), hint.height())
