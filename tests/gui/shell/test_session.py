"""Each library opens on its own last article, painted from its own copy at a quick start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.models import Article, ArticleMeta, SourceFormat
from reader.gui.app import open_library, start_window
from reader.gui.shell.main_window import MainWindow
from reader.storage.library import Library


class Starts:
    """Starts of the app as ``reader --db PATH`` makes them, on one settings file and cache."""

    def __init__(self, qtbot: QtBot, folder: Path) -> None:
        self.qtbot = qtbot
        self.settings = folder / "settings.ini"
        self.cache = folder / "cache"

    def start(self, db: Path) -> tuple[MainWindow, Article | None]:
        """The window once ready, and the article it painted first."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        window = start_window(app, db, self.settings, None, self.cache)
        self.qtbot.addWidget(window)
        painted_first = window.reading.article  # a quick start's copy, before the library is read
        with self.qtbot.waitSignal(window.ready, timeout=3000):
            pass
        return window, painted_first

    def stop(self, window: MainWindow) -> None:
        window.close()
        window.close_library()


def a_library_of_one_article(path: Path, title: str) -> None:
    library = Library.open(path)
    markdown = f"# {title}\n\nThe council met on Tuesday and voted for the cuts.\n"
    library.import_article(ArticleMeta(title, markdown, SourceFormat.MARKDOWN))
    library.close()


def test_each_library_opens_on_its_own_last_article(qtbot: QtBot, tmp_path: Path) -> None:
    samples, other = tmp_path / "samples.sqlite", tmp_path / "other.sqlite"
    open_library(samples).close()  # made with the sample articles
    a_library_of_one_article(other, "Another library's story")
    library = Library.open(samples)
    last = library.article(max(summary.id for summary in library.articles()))
    library.close()
    assert last.id != 1  # the other library's only article is number 1
    starts = Starts(qtbot, tmp_path)

    window, _ = starts.start(samples)
    window.show_article(last.id)
    starts.stop(window)

    window, painted = starts.start(other)
    assert painted is None or painted.title == "Another library's story"  # never a copy of
    assert (
        window.reading.article is not None
        and window.reading.article.title == "Another library's story"
    )
    starts.stop(window)  # the sample library's article, whatever its number

    window, painted = starts.start(samples)
    assert painted == last  # its own copy, painted before the library was opened
    assert window.reading.article == last
    starts.stop(window)

    window, _ = starts.start(other)
    assert window.reading.article is not None and window.reading.article.id == 1
    starts.stop(window)
