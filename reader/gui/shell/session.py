"""The main window's session: settings keys, and the layout and article restored at start-up
and saved on closing."""

from __future__ import annotations

import zlib
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize

from reader.core.models import Article, ReaderError
from reader.core.palette import Theme
from reader.gui.common.theme import remembered_theme, system_theme
from reader.render.cache import load_last_article, save_last_article

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from reader.gui.shell.main_window import MainWindow

DEFAULT_SIZE = QSize(1400, 900)
DEFAULT_PANEL_WIDTHS = (280, 400)  # library and pane; the article takes the rest
NO_ARTICLE = -1  # no article remembered
LIBRARIES_FOLDER = "libraries"  # in the render cache: a folder per library, for its last article


class SettingsKey(StrEnum):
    GEOMETRY = "window/geometry"
    STATE = "window/state"
    SPLITTER = "window/splitter"
    PANEL_WIDTHS = "window/panel_widths"  # library and pane, when the window has room
    ZOOM = "view/zoom"
    THEME = "view/theme"  # the user's choice: "", "light" or "dark"
    SYSTEM_THEME = "view/system_theme"  # the system's, as last seen
    TOOLBAR_HEIGHT = "window/toolbar_height"
    LAST_ARTICLE = "last_article"  # a group: one key per library (see library_key)
    EXPORT_FOLDER = "export/folder"


def restore_session(
    window: MainWindow, article_id: int | None = None, copy: Article | None = None
) -> None:
    """Layout, zoom and the article shown last time (or ``article_id``).

    Quick start: if the window was given a way to open the library (not the library
    itself) and the render cache holds a copy of the article to show (written on
    closing, see ``use_render_cache``), the copy is shown without opening the library:
    importing the storage code and reading SQLite would delay the first paint by
    ~7 ms. Right after that paint the library is opened and the article, its flags and
    layers read; an article changed meanwhile (or gone) replaces the copy before the
    flags are drawn, so from the next frame on the window is as a normal start left it.
    ``copy``: the copy to show for ``article_id``, if not the one kept on closing.
    """
    geometry = window.settings.value(SettingsKey.GEOMETRY)
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        window.resize(DEFAULT_SIZE)
    state = window.settings.value(SettingsKey.STATE)
    if isinstance(state, QByteArray) and not state.isEmpty():
        window.restoreState(state)
    split = window.settings.value(SettingsKey.SPLITTER)
    window.pending_split = split if isinstance(split, QByteArray) else None
    window.appearance.set_zoom(int_setting(window.settings.value(SettingsKey.ZOOM), 0))
    if window.is_ready():
        window.library_panel.reload()
        window.annotation_pane.set_known_tags(window.library.tags())
    if article_id is None:
        article_id = remembered_article(window)
    copy = _last_article_copy(window, article_id, copy)
    if copy is not None:
        window.show_read(copy, [], [], None, highlights_later=True)
        window.showing_copy = True
    else:
        shown = _article_to_show(window, article_id)
        if shown is not None:
            # Before the first paint, the highlights come just after it (see show_article).
            window.show_article(shown, highlights_later=not window.is_ready())
    window.article_view.setFocus()


def _last_article_copy(window: MainWindow, article_id: int, copy: Article | None) -> Article | None:
    """The copy of the article to show (``copy``, else the one kept on closing), for a
    quick start; None when it cannot be one."""
    folder = window.last_article_folder
    if window.is_library_open() or window.is_ready() or folder is None:
        return None
    return copy if copy is not None else load_last_article(folder, article_id)


def _article_to_show(window: MainWindow, article_id: int) -> int | None:
    """``article_id`` if the library has it; else, if none was remembered, the seed
    article of a library made with the samples; else the first it lists, else None."""
    ids = [summary.id for summary in window.library.articles()]  # as the library lists them
    if article_id in ids:
        return article_id
    if article_id == NO_ARTICLE:  # the library's first start in the app
        from reader.services.samples import seed_article

        seed = seed_article(window.library)
        if seed in ids:
            return seed
    return ids[0] if ids else None


def read_quick_started_article(window: MainWindow) -> bool:
    """After a quick start: open the library and show what it holds in place of the
    copy, re-rendered only if it differs. False if the library cannot be opened."""
    copy = window.reading.article
    assert copy is not None
    try:
        article_id = _article_to_show(window, copy.id)  # opens the library
    except ReaderError as error:
        window.highlights_pending = False
        _library_failed(window, error)
        return False
    read = window.reading.read(article_id) if article_id is not None else None
    if read is None:
        window.clear_article()
        return True
    article, annotations, layers = read
    changed = article != copy  # edited or imported again since, or another article
    window.show_read(article, annotations, layers, None, highlights_later=True, render=changed)
    return True


def _library_failed(window: MainWindow, error: ReaderError) -> None:
    """The library of a quick start cannot be opened: say so, as a normal start would
    have before showing the window; ``library_failed`` once the message is closed."""
    window.clear_article()
    window.show_error(f"Cannot open the library: {error}")
    assert window.error_box is not None
    window.error_box.finished.connect(lambda _result: window.library_failed.emit())


def save_session(window: MainWindow) -> None:
    window.settings.setValue(SettingsKey.GEOMETRY, window.saveGeometry())
    window.settings.setValue(SettingsKey.STATE, window.saveState())
    window.settings.setValue(SettingsKey.SPLITTER, window.splitter.saveState())
    window.settings.setValue(SettingsKey.PANEL_WIDTHS, window.splitter.wanted_widths())
    window.settings.setValue(SettingsKey.ZOOM, window.appearance.zoom)
    article = window.reading.article
    if article is not None:
        remember_article(window, article.id)
        if window.last_article_folder is not None:
            save_last_article(window.last_article_folder, article)
    window.settings.sync()


def library_folder(cache_folder: Path, db_path: Path) -> Path:
    """The render cache's folder for what is kept per library (its last article, the
    files opened)."""
    return cache_folder / LIBRARIES_FOLDER / library_key(db_path)


def library_key(path: Path) -> str:
    """A short name for the library file at ``path``, the same for each way of naming it:
    checksums of its resolved path (hashlib's import would cost the start-up more)."""
    data = str(path.resolve()).encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def remembered_article(window: MainWindow) -> int:
    """The article last shown from this window's library; NO_ARTICLE if none."""
    key = f"{SettingsKey.LAST_ARTICLE}/{window.library_key}"
    return int_setting(window.settings.value(key), NO_ARTICLE)


def remember_article(window: MainWindow, article_id: int) -> None:
    window.settings.setValue(f"{SettingsKey.LAST_ARTICLE}/{window.library_key}", article_id)


def restore_split(window: MainWindow, split: QByteArray | None, first_show: bool) -> None:
    """The split of the last session (``split``), else the default one on the window's
    first show."""
    # The split is restored once the window has its final size, or the
    # splitter would spread the size change over the restored panes.
    if split is not None and window.splitter.restoreState(split):
        # as they were, and as the user had them before a narrow window folded them
        saved = window.settings.value(SettingsKey.PANEL_WIDTHS)
        widths = [int_setting(width, -1) for width in saved] if isinstance(saved, list) else []
        window.splitter.keep_widths(widths if all(width >= 0 for width in widths) else ())
    elif first_show:
        window.splitter.set_wanted_widths(*DEFAULT_PANEL_WIDTHS)


def preferred_theme(settings: QSettings) -> Theme:
    """The theme the user chose, else the system's as seen last time, else the system's."""
    return (
        remembered_theme(settings.value(SettingsKey.THEME, ""))
        or remembered_theme(settings.value(SettingsKey.SYSTEM_THEME, ""))
        or system_theme()
    )


def int_setting(value: object, default: int) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return default
