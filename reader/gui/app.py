"""Builds the application: database, settings, theme and main window, then runs or renders it."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

# The Qt-free modules the window needs come first: once PySide6 is imported, it reads
# the source of every module imported after it (looking for its __feature__ switches),
# ~4 ms at start-up for these and the standard modules they import.
import reader.anchoring.selectors  # noqa: F401
from reader.core.models import ReaderError
from reader.core.palette import Theme
from reader.render.cache import load_opened_file, save_last_article, save_opened_file

# isort: split
from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QSize, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from reader.gui.common.theme import apply_theme
from reader.gui.shell.main_window import APP_NAME, MainWindow
from reader.gui.shell.session import library_folder, preferred_theme
from reader.gui.shell.single_instance import SingleInstance

if TYPE_CHECKING:  # imported when the library is opened: after the first paint, if it can
    from reader.core.models import Article
    from reader.storage.library import Library

SETTINGS_FILE_NAME = "settings.ini"
CACHE_FOLDER_NAME = "render-cache"
ORGANISATION = "annotated-reader"
IMPORT_MESSAGE_MS = 8000  # as long as an import's message in the window


def default_settings_path() -> Path:
    import platformdirs

    config = platformdirs.user_config_dir(ORGANISATION, appauthor=False)
    return Path(config) / SETTINGS_FILE_NAME


def default_cache_folder() -> Path:
    import platformdirs

    cache = platformdirs.user_cache_dir(ORGANISATION, appauthor=False)
    return Path(cache) / CACHE_FOLDER_NAME


def open_settings(path: Path) -> QSettings:
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def application(offscreen: bool = False) -> QApplication:
    """The running QApplication, created (offscreen if asked) when there is none yet."""
    existing = QCoreApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # The Fusion style, so both themes look the same everywhere; chosen by argument
    # because setStyle() returns the style, and PySide6's first wrap of a QStyle
    # builds all its enums (~5 ms before the first paint).
    app = QApplication([*sys.argv[:1], "-style", "Fusion"])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationDisplayName(APP_NAME)
    QGuiApplication.setDesktopFileName("annotated-reader")
    return app


def open_library(db_path: Path) -> Library:
    """The library at ``db_path``; a library made here starts with the sample articles
    (one that exists keeps what it holds, empty or not, as in the command line)."""
    from reader.storage.library import Library

    is_new = not db_path.exists()
    library = Library.open(db_path)
    try:
        if is_new:
            from reader.services.samples import ensure_samples

            ensure_samples(library)
    except ReaderError:
        library.close()
        raise
    return library


def run_app(
    db_path: Path,
    open_file: Path | None = None,
    settings_path: Path | None = None,
    compare: tuple[int, int] | None = None,
) -> int:
    """Open the main window on the library at ``db_path`` (``compare``: two articles side
    by side); returns the exit code."""
    instance = SingleInstance(db_path)
    if instance.hand_over(open_file):  # a window on this library runs: it opens the file
        return 0
    # No garbage collection until the window has settled: start-up makes many objects
    # (PySide6's enums among them) and few cycles, and each collection delays the paint.
    gc.disable()
    app = application()
    try:
        if settings_path is None:
            settings = default_settings_path()
            window = start_window(app, db_path, settings, open_file, default_cache_folder())
        else:
            window = start_window(app, db_path, settings_path, open_file)
    except ReaderError as error:
        gc.enable()
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, APP_NAME, f"Cannot open the library: {error}")
        return 1
    window.library_failed.connect(lambda: app.exit(1))  # a quick start found it unreadable
    if compare is not None:
        from reader.gui.shell.compare_mode import compare as show_compared

        QTimer.singleShot(0, lambda: show_compared(window, *compare))
    # Listening (QtNetwork on Windows), and opening a file the importers: invisible work, left
    # until the whole window has painted (see MainWindow.when_settled).
    window.when_settled(lambda: instance.serve(window, lambda path: window.files.open_file(path)))
    window.when_settled(gc.enable)
    try:
        return app.exec()
    finally:
        gc.enable()
        window.close_library()


def start_window(
    app: QApplication,
    db_path: Path,
    settings_path: Path,
    open_file: Path | None = None,
    cache_folder: Path | None = None,
) -> MainWindow:
    """Open the library and settings, and show the main window on the last article, or
    on ``open_file`` imported.

    Rendered articles are cached in ``cache_folder`` (by default a folder next to
    the settings file). The window may start quickly, opening the library just after
    its first paint (``MainWindow.restore_session``); if the library cannot be opened
    then, it says so and emits ``library_failed``. So it does for a file opened before
    whose bytes have not changed (``load_opened_file``): it shows the article that
    import left, and the library's article once opened; only if the library no longer
    holds it as that import left it is the file imported again.
    """
    settings = open_settings(settings_path)
    apply_theme(app, preferred_theme(settings))
    cache = cache_folder or settings_path.parent / CACHE_FOLDER_NAME
    folder = library_folder(cache, db_path)
    opened_before = None if open_file is None else load_opened_file(folder, open_file)
    if open_file is not None and opened_before is None:
        window = MainWindow(open_library(db_path), settings)
        window.use_render_cache(cache)
        window.restore_session()
        open_and_remember(window, open_file)
        window.show()
        return window
    window = MainWindow(lambda: open_library(db_path), settings, library_path=db_path)
    window.use_render_cache(cache)
    if open_file is None or opened_before is None:
        window.restore_session()
    else:
        article, said = opened_before
        window.restore_session(article.id, copy=article)
        window.statusBar().showMessage(said, IMPORT_MESSAGE_MS)
        opened = open_file
        window.ready.connect(lambda: _check_opened_before(window, opened, article))
    window.show()
    return window


def _check_opened_before(window: MainWindow, path: Path, article: Article) -> None:
    """Once the library is read: import the file again unless the library holds its
    article as the import remembered left it (what an import would show and say)."""
    if window.reading.article != article:
        open_and_remember(window, path)


def open_and_remember(window: MainWindow, path: Path) -> None:
    """Import the file at ``path`` and show it; an article file's import is remembered
    for a quick start the next time it is opened unchanged, with what an import of it
    then says."""
    if not window.files.open_file(path) or window.reading.article is None:
        return
    # loaded by the import
    from reader.importers.articles import ARTICLE_SUFFIXES
    from reader.services.article_files import describe_import
    from reader.storage.importing import ImportOutcome, ImportResult

    folder, article = window.last_article_folder, window.reading.article
    if folder is not None and path.suffix.lower() in ARTICLE_SUFFIXES:
        said = describe_import(ImportResult(article, ImportOutcome.UNCHANGED))
        save_opened_file(folder, path, article, said[:1].upper() + said[1:])
        # and as the last article, in case this process ends without closing its window
        save_last_article(folder, article)


def render_screenshot(
    db_path: Path,
    output: Path,
    article_id: int | None,
    size: tuple[int, int],
    theme: Theme,
    select_uuid: str | None,
    compare_with: int | None = None,
) -> None:
    """Render the real main window offscreen, with the article and its flags, to a PNG;
    with ``compare_with``, that article beside it in compare mode."""
    import tempfile

    width, height = size
    if width < 400 or height < 300 or width > 8000 or height > 8000:
        raise ReaderError(f"size {width}x{height} is out of range (400x300 to 8000x8000)")
    if output.suffix.lower() != ".png":
        raise ReaderError(f"{output.name}: the screenshot is written as PNG; name it .png")
    if not output.parent.is_dir():
        raise ReaderError(f"folder {output.parent} does not exist")
    app = application(offscreen=True)
    palette, sheet = app.palette(), app.styleSheet()
    apply_theme(app, theme)
    library = open_library(db_path)
    try:
        chosen = _screenshot_article(library, article_id, select_uuid)
        if compare_with is not None and library.article(compare_with).id == chosen:
            raise ReaderError("choose two different articles to compare")
        with tempfile.TemporaryDirectory(prefix="reader-screenshot-") as folder:
            settings = open_settings(Path(folder) / SETTINGS_FILE_NAME)
            window = MainWindow(library, settings, theme=theme)
            try:
                window.restore_session(chosen)
                window.finish_startup()  # the whole window, not only the first paint's
                window.article_view.setCursorWidth(0)  # a still picture shows no caret
                window.resize(QSize(width, height))
                window.show()
                app.processEvents()
                if select_uuid:
                    window.select_annotation(select_uuid)
                if compare_with is not None:
                    _show_compared(window, chosen, compare_with)
                settle(app)
                if not window.grab().save(str(output), "PNG"):
                    raise ReaderError(f"cannot write {output}")
            finally:
                window.close()
                window.deleteLater()
                app.processEvents()
                del settings
    finally:
        library.close()
        app.setPalette(palette)
        app.setStyleSheet(sheet)


def _show_compared(window: MainWindow, article_id: int, other_id: int) -> None:
    from reader.gui.compare.compare_view import CompareView
    from reader.gui.shell.compare_mode import compare

    if not compare(window, article_id, other_id):
        raise ReaderError(f"cannot compare articles {article_id} and {other_id}")
    view = window.compare_view
    if isinstance(view, CompareView):
        view.finish_matching()  # the picture shows the matches
    if view is not None:
        for side in view.sides:
            side.view.setCursorWidth(0)


def settle(app: QApplication, milliseconds: int = 250) -> None:
    """Run the event loop briefly: item views lay out their rows on a short timer."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()
    app.processEvents()


def _screenshot_article(library: Library, article_id: int | None, select_uuid: str | None) -> int:
    if select_uuid:
        annotation = library.annotation(select_uuid)
        if article_id is not None and annotation.article_id != article_id:
            raise ReaderError(f"flag {select_uuid} belongs to article {annotation.article_id}")
        return annotation.article_id
    if article_id is not None:
        return library.article(article_id).id
    summaries = library.articles()
    if not summaries:
        raise ReaderError("the library has no articles")
    return summaries[0].id
