"""Action helpers (common.actions)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from reader.gui.common.actions import distinct_shortcuts


def test_shortcuts_given_twice_are_kept_once(qapp: QApplication) -> None:
    redo = QKeySequence.StandardKey.Redo
    standard = QKeySequence.keyBindings(redo)
    # What X11 does: the standard Redo already is Ctrl+Shift+Z.
    as_text = [sequence.toString() for sequence in standard]
    assert distinct_shortcuts(redo, *as_text) == standard
    assert distinct_shortcuts("Ctrl+Shift+Z", "Ctrl+Shift+Z") == [QKeySequence("Ctrl+Shift+Z")]
