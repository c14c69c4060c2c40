"""The main window's three columns: library | article | flag pane.

The article keeps a readable line first. When the window narrows, the panels give way:
the library shrinks to its minimum, the pane to a comfortable width, then the library
folds away and the pane narrows to its minimum. As the window widens they come back
to the widths the user gave them (by dragging a handle, or those of a first start).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtWidgets import QApplication, QSplitter, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent

LIBRARY, ARTICLE, PANE = 0, 1, 2


@dataclass(frozen=True)
class ColumnLimits:
    library: int  # below it the library folds away (width 0)
    pane: int
    pane_comfortable: int  # the pane narrows below this only once the library is folded
    article: int


LIBRARY_MIN_WIDTH = 180
PANE_MIN_WIDTH = 260
COLUMN_LIMITS = ColumnLimits(
    library=LIBRARY_MIN_WIDTH, pane=PANE_MIN_WIDTH, pane_comfortable=320, article=320
)


def fit_columns(
    available: int, library: int, pane: int, readable: int, limits: ColumnLimits
) -> tuple[int, int, int]:
    """Library, article and pane widths in ``available`` pixels, from the panel widths the
    user wants, so that the article is ``readable`` wide if it can be."""
    wanted_pane = pane

    def short() -> int:
        return readable - (available - library - pane)

    if short() > 0:  # the library down to its minimum
        library -= min(short(), max(0, library - limits.library))
    if short() > 0:  # the pane down to a comfortable width
        pane -= min(short(), max(0, pane - limits.pane_comfortable))
    if short() > 0 and library:  # the library folds away; the pane takes back what is spare
        library = 0
        pane = min(wanted_pane, pane - min(0, short()))
    if short() > 0:  # the pane down to its minimum
        pane -= min(short(), max(0, pane - limits.pane))
    return library, available - library - pane, pane


class ColumnSplitter(QSplitter):
    """A horizontal splitter of the three columns that fits them on each change of width."""

    def __init__(self, readable_width: Callable[[], int], limits: ColumnLimits) -> None:
        super().__init__()
        self._readable_width = readable_width
        self._limits = limits
        self._wanted: list[int] | None = None  # library and pane widths, once laid out
        self._chosen_article: int | None = None  # the article's width after the last drag
        self.setChildrenCollapsible(False)
        self.splitterMoved.connect(self._on_splitter_moved)

    def add_columns_around(self, article: QWidget) -> None:
        """The three columns: the article between placeholders of the panels' places and
        sizes until they are built. The library alone may fold away (a drag, or no room)."""
        library, pane = QWidget(), QWidget()
        library.setMinimumWidth(self._limits.library)
        pane.setMinimumWidth(self._limits.pane)
        for column in (library, article, pane):
            self.addWidget(column)
        self.setCollapsible(LIBRARY, True)
        self.setStretchFactor(ARTICLE, 1)
        article.setMinimumWidth(self._limits.article)

    def follow_focus(self, _old: QWidget | None, now: QWidget | None) -> None:
        """The keyboard went into the library (Tab, F6, Ctrl+F) while a narrow window
        had folded it away: show it."""
        library = self.widget(LIBRARY)
        if now is not None and library is not None and library.isAncestorOf(now):
            self.unfold_library()

    def set_wanted_widths(self, library: int, pane: int) -> None:
        """The panels' widths to return to when there is room; the columns fitted to them."""
        self._wanted = [library, pane]
        self.fit()

    def keep_widths(self, wanted: Sequence[int] = ()) -> None:
        """Keep the columns as they are; the panels' widths to return to when there is
        room are ``wanted`` (library, pane), else the widths they have now."""
        sizes = self.sizes()
        self._wanted = list(wanted) if len(wanted) == 2 else [sizes[LIBRARY], sizes[PANE]]

    def wanted_widths(self) -> list[int]:
        """The library and pane widths to return to when there is room ([] before any)."""
        return list(self._wanted or [])

    def fit(self) -> None:
        if self._wanted is None:
            return
        available = sum(self.sizes())
        library, pane = self._wanted
        readable = min(self._readable_width(), self._chosen_article or available)
        fitted = fit_columns(available, library, pane, readable, self._limits)
        if list(fitted) != self.sizes():
            self.setSizes(list(fitted))

    def unfold_library(self) -> None:
        """Give a folded library its minimum width back, from the article (until the next
        change of the window's width)."""
        library, article, pane = self.sizes()
        if library == 0:
            self.setSizes([self._limits.library, article - self._limits.library, pane])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()

    def _on_splitter_moved(self, _position: int, handle: int) -> None:
        # Handle 1 lies between the library and the article, handle 2 before the pane:
        # a drag sets the width wanted for that panel only (not for one folded away),
        # and an article dragged narrower than readable is readable enough from then on.
        if self._wanted is None:
            return
        sizes = self.sizes()
        if handle == 1:
            self._wanted[0] = sizes[LIBRARY]
        else:
            self._wanted[1] = sizes[PANE]
        self._chosen_article = sizes[ARTICLE]  # what readable means to this user


def cycle_focus(panels: Sequence[tuple[QWidget, QWidget]], forward: bool) -> None:
    """Move the keyboard focus to the next (or previous) panel: F6 and Shift+F6.

    ``panels``: each panel, and the widget in it that takes the focus.
    """
    focused = QApplication.focusWidget()
    at = next(
        (
            n
            for n, (panel, _) in enumerate(panels)
            if focused is not None and (focused is panel or panel.isAncestorOf(focused))
        ),
        None,
    )
    if at is None:
        target = panels[0 if forward else -1][1]
    else:
        target = panels[(at + (1 if forward else -1)) % len(panels)][1]
    target.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)
