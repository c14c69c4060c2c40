"""Main windows on a sample library in a temporary folder, started as the app starts them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.core.palette import Theme
from reader.gui.shell.main_window import MainWindow
from reader.services.samples import ensure_samples
from reader.storage.library import Library


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A library file holding the sample articles and their demo flags."""
    path = tmp_path / "library.sqlite"
    library = Library.open(path)
    ensure_samples(library)
    library.close()
    return path


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


class Session:
    """Opens windows on one library file and one settings file, as restarts of the app."""

    def __init__(self, qtbot: QtBot, db_path: Path, settings_path: Path) -> None:
        self.qtbot = qtbot
        self.db_path = db_path
        self.settings_path = settings_path
        self.libraries: list[Library] = []

    def start(self, article_title: str | None = None) -> MainWindow:
        """A shown window: on the last article, or on the article whose title has the words."""
        library = Library.open(self.db_path)
        self.libraries.append(library)
        settings = QSettings(str(self.settings_path), QSettings.Format.IniFormat)
        window = MainWindow(library, settings, theme=Theme.LIGHT)
        self.qtbot.addWidget(window)
        if article_title is None:
            window.restore_session()
        else:
            chosen = next(s.id for s in library.articles() if article_title in s.title)
            window.restore_session(chosen)
        with self.qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        return window

    def close(self) -> None:
        for library in self.libraries:
            library.close()


@pytest.fixture
def session(qtbot: QtBot, db_path: Path, settings_path: Path) -> Iterator[Session]:
    opened = Session(qtbot, db_path, settings_path)
    yield opened
    opened.close()


def send_wheel(view: QAbstractScrollArea, delta: int, modifiers: Qt.KeyboardModifier) -> None:
    """One wheel notch (``delta`` 120 or -120) over the middle of a scroll area's viewport."""
    viewport = view.viewport()
    point = QPointF(viewport.rect().center())
    event = QWheelEvent(
        point,
        QPointF(viewport.mapToGlobal(point.toPoint())),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


def come_back_to(qtbot: QtBot, window: MainWindow) -> None:
    """Another window is made active, then the main window again."""
    other = QWidget()
    qtbot.addWidget(other)
    with qtbot.waitActive(other):
        other.show()
        other.activateWindow()
    assert not window.isActiveWindow()
    with qtbot.waitActive(window):
        window.activateWindow()
    other.close()
