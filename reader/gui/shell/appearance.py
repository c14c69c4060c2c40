"""The window's zoom and theme: applied to the article view and the app, kept in the
settings, said in the status bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from reader.gui.common.theme import apply_theme, remembered_theme, system_theme
from reader.gui.reading.page_layout import MAX_ZOOM, MIN_ZOOM, ZOOM_FACTOR
from reader.gui.shell.session import SettingsKey

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from reader.core.palette import Theme
    from reader.gui.reading.article_view import ArticleView


class Appearance(QObject):
    """Zoom steps and theme; ``theme_changed`` after the view took a new theme."""

    theme_changed = Signal()

    def __init__(
        self,
        settings: QSettings,
        view: ArticleView,
        say: Callable[[str, int], None],
        theme: Theme,
        forced: bool,
        parent: QObject | None = None,
    ) -> None:
        """``forced``: the theme was given (not chosen by the user nor the system's)."""
        super().__init__(parent)
        self._settings = settings
        self._view = view
        self._say = say
        self.theme = theme
        self._forced = forced
        self.zoom = 0
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)

    def set_zoom(self, steps: int) -> None:
        self.zoom = max(MIN_ZOOM, min(MAX_ZOOM, steps))
        self._view.set_zoom(self.zoom)
        self._settings.setValue(SettingsKey.ZOOM, self.zoom)

    def zoom_by(self, steps: int | None) -> None:
        """Zoom in or out by ``steps``; None: back to the normal size."""
        self.set_zoom(0 if steps is None else self.zoom + steps)
        self._say_zoom()

    def on_zoom_changed(self, steps: int) -> None:
        """The view zoomed itself (Ctrl+wheel)."""
        if steps != self.zoom:
            self.zoom = steps
            self._settings.setValue(SettingsKey.ZOOM, steps)
            self._say_zoom()

    def _say_zoom(self) -> None:
        self._say(f"Zoom {round(100 * ZOOM_FACTOR**self.zoom)}%", 3000)

    def choose_theme(self, theme: Theme | None) -> None:
        """Use ``theme`` from now on; None: follow the system's."""
        self._settings.setValue(SettingsKey.THEME, theme.value if theme is not None else "")
        self.set_theme(theme or system_theme())

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)
        # The view keeps its page, flags, selection and place; only its colours change.
        self._view.set_theme(theme)
        self.theme_changed.emit()

    def _on_color_scheme_changed(self, _scheme: object) -> None:
        self.follow_system_theme()

    def follow_system_theme(self) -> None:
        """Take the system's theme (start-up painted the one it had last time)."""
        chosen = remembered_theme(self._settings.value(SettingsKey.THEME, ""))
        if self._forced or chosen is not None:
            return
        theme = system_theme()
        self._settings.setValue(SettingsKey.SYSTEM_THEME, theme.value)
        if theme is not self.theme:
            self.set_theme(theme)
