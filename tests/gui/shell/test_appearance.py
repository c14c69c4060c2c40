"""The window's zoom and theme (shell.appearance)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from reader.core.palette import THEME_COLOURS, Theme
from reader.gui.reading.page_layout import MAX_ZOOM, MIN_ZOOM
from reader.gui.shell.main_window import MainWindow
from reader.gui.shell.session import SettingsKey
from tests.gui.conftest import send_wheel


def test_ctrl_wheel_zooms_the_page_and_is_remembered(window: MainWindow, qtbot: QtBot) -> None:
    view = window.article_view
    ui_font = view.font().pointSizeF()
    body = view.document().defaultFont().pointSizeF()
    send_wheel(window.article_view, 120, Qt.KeyboardModifier.ControlModifier)
    assert window.appearance.zoom == 1 and view.zoom() == 1
    assert view.document().defaultFont().pointSizeF() > body
    assert view.font().pointSizeF() == ui_font
    assert window.settings.value(SettingsKey.ZOOM) in (1, "1")
    send_wheel(window.article_view, -120, Qt.KeyboardModifier.ControlModifier)
    assert window.appearance.zoom == 0


def test_window_and_view_agree_on_zoom_limits(window: MainWindow) -> None:
    window.appearance.set_zoom(100)
    assert window.appearance.zoom == MAX_ZOOM == window.article_view.zoom()
    window.appearance.set_zoom(-100)
    assert window.appearance.zoom == MIN_ZOOM == window.article_view.zoom()


def test_switching_to_dark_repaints_the_article_dark(window: MainWindow, qtbot: QtBot) -> None:
    window.appearance.choose_theme(Theme.DARK)
    qtbot.wait(20)
    view = window.article_view
    image = view.viewport().grab().toImage()
    corner = QColor(image.pixel(5, image.height() - 5))
    assert corner.lightness() < 80
    assert corner == QColor(THEME_COLOURS[Theme.DARK].background)
    assert view.palette().color(view.palette().ColorRole.Base).lightness() < 80
