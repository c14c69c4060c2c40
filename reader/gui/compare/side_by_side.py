"""What compare mode and the version view share: two panes in place of the single
article, with the keys that flag and undo acting on the side that had the focus last."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QWidget

from reader.core.models import Kind
from reader.gui.compare.side import CompareSide


class SideBySide(QWidget):
    leave_requested = Signal()
    error_raised = Signal(str)
    message = Signal(str, int)

    def __init__(
        self, sides: tuple[CompareSide, ...], leave_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.sides = sides
        self.active = sides[0]
        for side in sides:
            side.reading.error_raised.connect(self.error_raised)
            side.reading.message.connect(self.message)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        leave = QPushButton(leave_text)
        leave.setToolTip("Back to the single article (Esc)")
        leave.clicked.connect(self.leave_requested)
        self.bar = QHBoxLayout()
        self.bar.addWidget(self.summary, 1)
        self.bar.addWidget(leave)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def side_of(self, widget: QWidget | None) -> CompareSide | None:
        for side in self.sides:
            if widget is not None and (widget is side or side.isAncestorOf(widget)):
                return side
        return None

    def flag_selection(self, kind: Kind) -> None:
        self.active.flag_selection(kind)

    def undo(self) -> None:
        self.active.reading.undo()

    def redo(self) -> None:
        self.active.reading.redo()

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        side = self.side_of(new)
        if side is not None:
            self.active = side
