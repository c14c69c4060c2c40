"""The article's context menu: the three "Flag as" actions above the standard ones."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from reader.core.models import Kind
from reader.gui.reading.flag_keys import FLAG_KEYS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu


def add_flag_actions(menu: QMenu, can_flag: bool, flag: Callable[[Kind], None]) -> QMenu:
    """Put "Flag as …" actions (enabled if ``can_flag``) first in ``menu``; each calls
    ``flag`` with its kind."""
    first = menu.actions()[0] if menu.actions() else None
    for key, kind in FLAG_KEYS.items():
        action = menu.addAction(f"Flag as {kind.label.lower()}")
        action.setShortcut(QKeySequence(key))
        action.setEnabled(can_flag)
        action.setData(kind.value)
        action.triggered.connect(lambda _=False, k=kind: flag(k))
        if first is not None:
            menu.insertAction(first, action)
    if first is not None:
        menu.insertSeparator(first)
    return menu
