"""Showing the class's work: the class view of an assignment beside the main window, and
presentation mode (the article alone, full screen, its flags revealed one by one)."""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from reader.classroom.overview import ClassOverview
    from reader.core.models import Annotation, Article
    from reader.gui.classroom.class_view import ClassViewWindow
    from reader.gui.classroom.dialog_host import DialogHost
    from reader.gui.classroom.presentation import Presentation
    from reader.services.class_results import KeptClassView
    from reader.storage.classroom import StoredAssignment
    from reader.storage.library import Library


# A teacher reads the page a moment before opening its class view: its code is loaded
# then, and the class's figures worked out if the library does not keep them, not when
# it is asked for, and never while the article is being shown.
WARM_AFTER_MS = 1000
# The window made ready ahead holds an image of the screen's size (8 MB at 1920×1080);
# a larger screen's is not held ahead.
READY_MAX_PIXELS = 2560 * 1600
CLASS_VIEW_CODE = ("reader.gui.classroom.class_view", "reader.gui.classroom.presentation")


class ClassShowing:
    """The class view and the presentation open now, if any."""

    def __init__(self, host: DialogHost, article_changed: Callable[[int], None]) -> None:
        """``article_changed``: called when the class view changed the key of an article."""
        self._host = host
        self._article_changed = article_changed
        self.class_view: ClassViewWindow | None = None
        self.presentation: Presentation | None = None
        self._kept: KeptClassView | None = None  # the figures shown last
        self._closed_view: ClassViewWindow | None = None  # kept to be shown again
        self._type_warmed: tuple[Path, int] | None = None  # the page last drawn ahead
        # A presentation of the shown article, its window made ready while the teacher
        # reads, with the library it reads the flags from.
        self._ready: tuple[Presentation, Library] | None = None

    def prepare_soon(self, assigned: int | None) -> None:
        """A moment after an article is shown, get the class view ready (see ``_prepare``)
        so that its first opening waits for nothing: that of ``assigned``, an article this
        library assigned, or (None) its code alone, if the library assigned any article."""
        from PySide6.QtCore import QTimer

        if assigned is None and all(name in sys.modules for name in CLASS_VIEW_CODE):
            return
        library = self._host.reading.library
        QTimer.singleShot(
            WARM_AFTER_MS, self._host.parent, lambda: self._prepare(library, assigned)
        )

    def _prepare(self, library: Library, assigned: int | None) -> None:
        """Load the class view's and the presentation's code, if this library assigned an
        article. For ``assigned``, also get its presentation ready and, if the library does
        not keep its class's figures for their work as it is now (collected by an older
        version, or changed since), work them out ahead and keep them. Nothing if the
        window was closed, or the reader has moved on to another article or library."""
        from reader.storage import classroom as store

        reading = self._host.reading
        shown = reading.article
        if not self._host.parent.isVisible() or library.closed:
            return
        if shown is None or shown.id != assigned or reading.library is not library:
            if assigned is None and store.made_any(library):
                _load_class_view_code()
            return
        _load_class_view_code()
        self._get_presentation_ready()
        from reader.services.class_results import KeptClassView, figures_kept, latest_made

        made = latest_made(library, assigned)
        if made is None or figures_kept(library, made):
            return
        if self._kept is None:
            self._kept = KeptClassView()
        self._kept.work_out_ahead(library.path, made, keep=True)

    def _get_presentation_ready(self) -> None:
        """Once per article: the shown article's page drawn in the presentation's type and
        a presentation of it made ready, its window's image (the screen's size) held until
        F5 uses it."""
        from reader.gui.classroom.presentation import warm_type

        reading = self._host.reading
        article = reading.article
        if article is None or self._type_warmed == (reading.library.path, article.id):
            return
        self._type_warmed = (reading.library.path, article.id)
        warm_type(self._host.parent, article, self._host.theme(), reading.view.render_cache)
        self._make_ready()

    def _make_ready(self) -> None:
        """A presentation of the shown article made ready, its window's image (the
        screen's size) held until F5 uses it; nothing if the window was closed, shows no
        article or presents one."""
        reading = self._host.reading
        article = reading.article
        if not self._host.parent.isVisible() or reading.library.closed or article is None:
            return
        if self.presentation is not None:  # (made ready again once it is closed)
            return
        screen = self._host.parent.screen().size()
        if screen.width() * screen.height() > READY_MAX_PIXELS:
            return
        if self._ready is not None:  # another article's, or in another theme
            self._ready[0].deleteLater()
        ready = self._new_presentation(reading.library, article)
        ready.make_window_ready()
        self._ready = ready, reading.library

    def show_class_view(self, made: StoredAssignment | None = None) -> ClassViewWindow | None:
        """The class view of the assignment ``made``; by default of the shown article's
        (the latest, if several)."""
        from PySide6.QtGui import QUndoStack

        from reader.gui.classroom.class_view import ClassViewWindow
        from reader.services.class_results import KeptClassView, latest_made

        host = self._host
        reading = host.reading
        article = reading.article
        if made is None and article is not None:
            made = latest_made(reading.library, article.id)
        if made is None:
            reading.show_error(
                "The class view shows an assignment you made: open its article first "
                "(File › Assign… makes one)."
            )
            return None
        if self._kept is None:
            self._kept = KeptClassView()
        figures = self._kept.shown(reading.library, made)
        view = self.class_view or self._closed_view
        self._closed_view = None
        if view is not None and not view.shows(reading.library, made, host.theme()):
            view.closed.disconnect(self._on_class_view_closed)
            view.close()
            view.deleteLater()
            view = None
        if view is not None:
            # Shown again: only what changed since it was closed is redrawn; if a flag
            # changed, a closed window works out the agreement once it has painted.
            view.show_figures(figures, agreement_now=view.isVisible())
        else:
            view = ClassViewWindow(
                reading.library,
                made,
                host.theme(),
                QUndoStack(host.parent),
                host.parent,
                kept=self._kept,
                render_cache=reading.view.render_cache,
            )
            view.key_changed.connect(self._on_class_view_key_changed)
            view.closed.connect(self._on_class_view_closed)
        self.class_view = view
        view.show()
        view.raise_()
        return view

    def _on_class_view_key_changed(self, article_id: int) -> None:
        """The key shown in the main window follows, if it shows that article."""
        article = self._host.reading.article
        if article is not None and article.id == article_id:
            self._article_changed(article_id)

    def _on_class_view_closed(self) -> None:
        self._closed_view, self.class_view = self.class_view, None

    def present(self) -> Presentation | None:
        """The article alone, full screen, its flags hidden until → reveals them."""
        host = self._host
        reading = host.reading
        if reading.article is None:
            reading.show_error("Open the article to present first.")
            return None
        reading.flush_edits()
        article, library = reading.article, reading.library
        presentation = None
        if self._ready is not None:
            ready, ready_library = self._ready
            self._ready = None
            if (ready_library, ready.article, ready.theme) == (library, article, host.theme()):
                presentation = ready
            else:
                ready.deleteLater()
        if presentation is None:
            presentation = self._new_presentation(library, article)
        presentation.closed.connect(self._on_presentation_closed)
        self.presentation = presentation
        presentation.start()
        return presentation

    def _new_presentation(self, library: Library, article: Article) -> Presentation:
        """A presentation of ``article``, not shown yet."""
        from reader.gui.classroom.presentation import Presentation

        # Read once the page is painted: F5 waits neither for them nor for their imports.
        def flags() -> list[Annotation]:
            from reader.services.assignments import presented_flags

            return presented_flags(library, article.id)

        def heat() -> ClassOverview | None:
            from reader.services.class_results import class_overview_of

            return class_overview_of(library, article.id)

        host = self._host
        return Presentation(
            host.parent, article, flags, host.theme(), heat, host.reading.view.render_cache
        )

    def _on_presentation_closed(self) -> None:
        """Back to the main window; the next F5 made ready a moment later."""
        from PySide6.QtCore import QTimer

        self.presentation = None
        self._host.parent.activateWindow()
        QTimer.singleShot(WARM_AFTER_MS, self._host.parent, self._make_ready)


def _load_class_view_code() -> None:
    for name in CLASS_VIEW_CODE:
        importlib.import_module(name)
