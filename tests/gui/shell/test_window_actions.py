"""The window's actions (shell.window_actions): shortcuts and the theme menu."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtGui import QKeySequence

from reader.core.palette import Theme
from reader.gui.shell.main_window import MainWindow
from reader.gui.shell.session import SettingsKey


def test_theme_menu_is_keyed_by_theme_and_stored_by_value(window: MainWindow) -> None:
    assert set(window.window_actions.themes) == {None, Theme.LIGHT, Theme.DARK}
    assert isinstance(SettingsKey.THEME, StrEnum)
    window.window_actions.themes[Theme.DARK].trigger()
    assert window.theme is Theme.DARK
    assert window.settings.value(SettingsKey.THEME) == "dark"
    window.window_actions.themes[None].trigger()
    assert window.settings.value(SettingsKey.THEME) == ""


def test_no_action_has_the_same_shortcut_twice(window: MainWindow) -> None:
    for action in window.actions():
        keys = [sequence.toString() for sequence in action.shortcuts()]
        assert len(keys) == len(set(keys)), action.text()
    redo_keys = window.window_actions.redo.shortcuts()
    assert QKeySequence("Ctrl+Shift+Z") in redo_keys
    assert all(key in redo_keys for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
