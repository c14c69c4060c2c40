"""Small helpers for QActions: their tips with the shortcut, and shortcuts given once."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence


def set_tips(action: QAction, tip: str) -> None:
    """The action's status tip, and its tooltip with its shortcut."""
    hint = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip} ({hint})" if hint else tip)
    action.setStatusTip(tip)


def distinct_shortcuts(*keys: QKeySequence | QKeySequence.StandardKey | str) -> list[QKeySequence]:
    """The key sequences, a standard key as all its platform bindings, each sequence once.

    A sequence given twice makes the action's shortcut ambiguous, and Qt then fires
    neither: X11's standard Redo already is Ctrl+Shift+Z, for one.
    """
    found: list[QKeySequence] = []
    for key in keys:
        if isinstance(key, QKeySequence.StandardKey):
            sequences = QKeySequence.keyBindings(key)
        else:
            sequences = [QKeySequence(key)]
        for sequence in sequences:
            if not sequence.isEmpty() and sequence not in found:
                found.append(sequence)
    return found
