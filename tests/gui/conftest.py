"""Main windows on a sample library in a temporary folder, started as the app starts them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget
from pytestqt.qtbot import QtBot

from reader.core.models import Annotation, Article, ArticleMeta, Kind, SourceFormat
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
        window.show()
        activate(self.qtbot, window)
        return window

    def start_on(self, article: Article) -> MainWindow:
        """A shown window on ``article``, imported into the library as it is."""
        window = self.start()
        meta = ArticleMeta(
            title=article.title,
            markdown=article.markdown,
            source_format=SourceFormat.MARKDOWN,
            author=article.author,
            publication=article.publication,
            url=article.url,
            published=article.published,
        )
        stored = window.library.import_article(meta).article
        assert stored.text == article.text
        assert window.show_article(stored.id)
        return window

    def close(self) -> None:
        for library in self.libraries:
            library.close()


@pytest.fixture
def session(qtbot: QtBot, db_path: Path, settings_path: Path) -> Iterator[Session]:
    opened = Session(qtbot, db_path, settings_path)
    yield opened
    opened.close()


@pytest.fixture
def window(session: Session) -> MainWindow:
    """The whole window (its panels built), active, on the article a new library opens
    on (the seed sample)."""
    shown = session.start()
    shown.finish_startup()
    return shown


def add_flag(
    window: MainWindow, start: int = 10, end: int = 40, kind: Kind = Kind.OPINION
) -> Annotation:
    """A flag on the shown article, made as the window makes one (undoable)."""
    assert window.reading.article is not None
    window.article_view.select_text(start, end)
    flag = window.edits.flag_selection(kind)
    assert flag is not None
    return flag


def stored(window: MainWindow, uuid: str) -> Annotation | None:
    """The flag as the library holds it, if it does."""
    assert window.reading.article is not None
    found = [a for a in window.library.annotations(window.reading.article.id) if a.uuid == uuid]
    return found[0] if found else None


def sentence(window: MainWindow, number: int) -> tuple[int, int]:
    """Offsets of the shown article's ``number``-th sentence."""
    assert window.reading.article is not None
    text = window.reading.article.text
    starts = [0] + [i + 2 for i in range(len(text)) if text.startswith(". ", i)]
    start = starts[number]
    return start, text.index(".", start + 5) + 1


def activate(qtbot: QtBot, window: MainWindow) -> None:
    """Make the window the active one, where a user's keys go and its shortcuts work.

    Offscreen, a dialog shown meanwhile (an import's progress, a file dialog) keeps the
    activation once it is hidden; a desktop gives it back to the window. Qt then counts
    the window as active too (``QWindow.isActive``: a dialog of its own has the focus),
    so ``activateWindow`` asks for nothing and ``waitActive`` returns at once, yet the
    window's shortcuts do not work: wait for the application's active window itself.
    """
    QApplication.processEvents()  # a dialog's activation still queued comes first
    handle = window.windowHandle()
    assert handle is not None
    if QApplication.activeWindow() is not window:
        handle.requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def press_flag_key(qtbot: QtBot, window: MainWindow, key: Qt.Key | str) -> Annotation | None:
    """Press a kind key (1, 2, 3) in the window's article: the flag it added, if any."""
    before = {a.uuid for a in window.annotation_pane.model.annotations()}
    activate(qtbot, window)
    qtbot.keyClick(window.article_view, key)
    added = [a for a in window.annotation_pane.model.annotations() if a.uuid not in before]
    assert len(added) <= 1
    return added[0] if added else None


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
