"""Each library opens on its own last article, painted from its own copy at a quick start."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
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


class FileStarts(Starts):
    """Starts as ``reader --db PATH FILE`` makes them."""

    def start_on(self, db: Path, file: Path) -> MainWindow:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        window = start_window(app, db, self.settings, file, self.cache)
        self.qtbot.waitUntil(window.is_ready)  # after a quick start: once the library is read
        return window

    def stop(self, window: MainWindow) -> None:
        """Closed and gone: a closed window left alive would be told of the next one's
        activation, with its library closed."""
        super().stop(window)
        window.deleteLater()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_file_opened_again_unchanged_is_not_parsed(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.importers.articles
    import reader.services.article_files

    db = tmp_path / "library.sqlite"
    a_library_of_one_article(db, "Another story")
    story = tmp_path / "story.md"
    story.write_text("# The bridge\n\nThe council closed the old bridge on Monday.\n")
    starts = FileStarts(qtbot, tmp_path)
    window = starts.start_on(db, story)
    imported = window.reading.article
    assert imported is not None and imported.title == "The bridge"
    assert window.statusBar().currentMessage().startswith("Imported 'The bridge'")
    starts.stop(window)

    read_files: list[Path] = []
    read_file = reader.importers.articles.read_article_file

    def reading(path: Path) -> ArticleMeta:
        read_files.append(path)
        return read_file(path)

    monkeypatch.setattr(reader.services.article_files, "read_article_file", reading)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = start_window(app, db, starts.settings, story, starts.cache)
    # A quick start: the article the import left, shown before the library is read
    assert window.showing_copy and window.reading.article == imported
    assert not window.is_library_open()
    qtbot.waitUntil(window.is_ready)
    assert window.reading.article == imported and not window.showing_copy
    assert window.statusBar().currentMessage().startswith("Unchanged: 'The bridge'")
    assert read_files == [] and len(window.library.articles()) == 2
    starts.stop(window)

    # The library changed that article since (imported from other text): the file is
    # imported again, as a start that never opened it would.
    library = Library.open(db)
    meta = ArticleMeta("The bridge", "The council reopened the bridge.\n", SourceFormat.MARKDOWN)
    meta.source_path = str(story.resolve())
    assert library.import_article(meta).article.id == imported.id
    library.close()
    window = starts.start_on(db, story)
    shown = window.reading.article
    assert read_files == [story] and shown is not None and "closed the old bridge" in shown.text
    assert window.statusBar().currentMessage().startswith("New version 3 of 'The bridge'")
    starts.stop(window)

    story.write_text("# The bridge\n\nThe council closed the bridge on Tuesday.\n")
    window = starts.start_on(db, story)
    shown = window.reading.article
    assert read_files == [story, story] and shown is not None and "on Tuesday" in shown.text
    starts.stop(window)


def test_a_new_library_opens_on_the_seed_article(qtbot: QtBot, tmp_path: Path) -> None:
    from reader.core.shipped import SAMPLE_ARTICLES
    from reader.importers.articles import read_article_file

    seed = read_article_file(SAMPLE_ARTICLES / "el-salvador-prisons.md")  # the main demo
    starts = Starts(qtbot, tmp_path)
    window, _ = starts.start(tmp_path / "new.sqlite")  # the first start makes the library
    assert window.reading.article is not None and window.reading.article.title == seed.title
    assert len(window.library.articles()) > 1  # not the newest sample: the first imported
    starts.stop(window)
