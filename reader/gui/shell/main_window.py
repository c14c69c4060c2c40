"""The main window: library panel | article | annotation pane, with menus, toolbar and undo.

It holds the shown article's ``ReadingController`` and the rooms' pieces around it, made
at first use and wired in ``assembly``; its actions are built in ``window_actions``, its
session kept in ``session``.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QToolBar, QWidget

from reader.core.models import Annotation, Article, Layer, LayerKind
from reader.gui.classroom.actions import ClassroomActions
from reader.gui.common.theme import remembered_theme
from reader.gui.reading.article_view import ArticleView
from reader.gui.reading.controller import ReadingController
from reader.gui.shell import assembly, session
from reader.gui.shell.appearance import Appearance
from reader.gui.shell.columns import COLUMN_LIMITS, ColumnSplitter
from reader.gui.shell.error_box import open_warning
from reader.gui.shell.library_access import LibraryAccess
from reader.gui.shell.session import SettingsKey, int_setting, preferred_theme
from reader.gui.shell.window_actions import add_toolbar, build_actions, build_menus

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeyEvent, QShowEvent
    from PySide6.QtWidgets import QMessageBox

    from reader.core.palette import Theme
    from reader.gui.annotations.edits import FlagEdits
    from reader.gui.annotations.layers import LayersMenu
    from reader.gui.annotations.pane import AnnotationPane
    from reader.gui.annotations.updates import FlagUpdates
    from reader.gui.compare.side_by_side import SideBySide
    from reader.gui.library.panel import LibraryPanel
    from reader.gui.shell.file_actions import FileActions
    from reader.gui.suggestions.lock import SuggestionLock
    from reader.gui.suggestions.review import SuggestionReview
    from reader.storage.library import Library

APP_NAME = "Annotated Reader"
SUGGESTIONS_LAYER = LayerKind.SUGGESTIONS.value


class MainWindow(QMainWindow):
    """The window; its highlights, toolbar and side panels come just after the first paint.

    Start-up shows the article as soon as it can, beside empty panels of the right
    size and an empty toolbar of its usual height. Right after that first paint the
    article's highlights are drawn; right after their paint, ``finish_startup`` (or
    whatever needs a panel first) fills the toolbar, builds and fills the library
    panel and the annotation pane, follows the system's theme if it changed while
    the app was closed, then emits ``ready``.

    Nothing on the way to the first paint names ``Qt`` (``QtCore.Qt`` in the code):
    PySide6 builds that namespace's ~90 enums at its first use, ~12 ms.

    Given a function that opens the library instead of the library, the window can
    start quickly: see ``restore_session``.
    """

    ready = Signal()
    library_failed = Signal()  # a quick start could not open the library; the user was told

    def __init__(
        self,
        library: Library | Callable[[], Library],
        settings: QSettings,
        theme: Theme | None = None,
        parent: QWidget | None = None,
        *,
        library_path: Path | None = None,
    ) -> None:
        """``library``: the library, or a function that opens the one at ``library_path``."""
        super().__init__(parent)
        self._library = LibraryAccess(library, library_path)
        # What is remembered per library (the last article) is filed under this name.
        self.library_key = session.library_key(self._library.path)
        self.last_article_folder: Path | None = None
        self.settings = settings
        self.error_box: QMessageBox | None = None
        self.pending_split: QByteArray | None = None  # restored once the window is shown
        self._needs_default_split = True
        self._library_panel: LibraryPanel | None = None
        self._review: SuggestionReview | None = None  # these four are made with the panels
        self._flag_updates: FlagUpdates | None = None
        self._edits: FlagEdits | None = None
        self._layers: LayersMenu | None = None
        self._annotation_pane: AnnotationPane | None = None
        # What the panels show, kept until they are built.
        self._pending_panels: tuple[list[Annotation], str | None] | None = None
        self.highlights_pending = False  # the article is shown, its flags not yet drawn
        self.showing_copy = False  # quick start: the article shown is not read from the library
        self.compare_view: SideBySide | None = None  # compare mode (shell/compare_mode.py)
        self._settled_work: list[Callable[[], object]] | None = []  # None once settled

        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.article_view = ArticleView()
        self.article_view.setAccessibleName("Article")
        self.reading = ReadingController(
            lambda: self.library, self.article_view, lambda: self.lock.locked, self
        )
        self.splitter = ColumnSplitter(self.article_view.readable_width, COLUMN_LIMITS)
        self.splitter.add_columns_around(self.article_view)  # the panels come after
        self.setCentralWidget(self.splitter)

        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        stored_theme = remembered_theme(settings.value(SettingsKey.THEME, ""))
        self.window_actions = build_actions(self, stored_theme)
        say, chosen = self.statusBar().showMessage, theme or preferred_theme(settings)
        self.appearance = Appearance(settings, self.article_view, say, chosen, bool(theme), self)
        self.classroom = ClassroomActions(
            self.reading, self, lambda: self.files.export_folder(), lambda: self.theme
        )
        build_menus(self.menuBar(), self.window_actions, self.classroom)
        height = int_setting(settings.value(SettingsKey.TOOLBAR_HEIGHT), 0)
        self.toolbar: QToolBar = add_toolbar(self, height)
        if height <= 0:  # the first start: no height to keep, so filled at once
            assembly.fill_toolbar_now(self)
        assembly.connect_window(self)
        self.article_view.painted.connect(self._on_first_paint)
        self.article_view.painted.connect(self._on_painted_until_settled)

    @property
    def library(self) -> Library:
        """The library; opened here at first use if the window was given a way to open it."""
        return self._library.library

    def is_library_open(self) -> bool:
        return self._library.is_open()

    def close_library(self) -> None:
        """Close the library if it was opened."""
        self._library.close()

    def use_render_cache(self, folder: Path) -> None:
        """Keep rendered articles in ``folder``, and there a copy of the article shown
        last, for a quick start (see ``restore_session``)."""
        self.article_view.use_render_cache(folder)
        self.last_article_folder = session.library_folder(folder, self._library.path)

    @property
    def theme(self) -> Theme:
        return self.appearance.theme

    @property
    def library_panel(self) -> LibraryPanel:
        if self._library_panel is None:
            self.finish_startup()
        assert self._library_panel is not None
        return self._library_panel

    @property
    def annotation_pane(self) -> AnnotationPane:
        if self._annotation_pane is None:
            self.finish_startup()
        assert self._annotation_pane is not None
        return self._annotation_pane

    def is_ready(self) -> bool:
        """Whether the panels are built (``finish_startup`` has run)."""
        return self._annotation_pane is not None

    def finish_startup(self) -> None:
        """Build the library panel and the annotation pane and fill them, laid out for the
        window's next paint to show them whole; emits ``ready``.

        Runs once, right after the first paint; call it to have the whole window at once.
        """
        if self._annotation_pane is not None:
            return
        self._draw_pending_highlights()
        assembly.fill_toolbar_now(self)
        library_panel, pane = assembly.build_panels(self)
        self._library_panel, self._annotation_pane = library_panel, pane
        assembly.place_panels(self, library_panel, pane)
        pane.set_suggestions_locked(self.lock.locked)
        self.lock.show_controls()
        library_panel.reload()
        pane.set_known_tags(self.library.tags())
        pending, self._pending_panels = self._pending_panels, None
        if pending is not None and self.reading.article is not None:
            self._fill_panels(*pending)
        else:
            self.flag_updates.update_status()
            self.review.update_actions()
        self.appearance.follow_system_theme()
        assembly.lay_out_panels_now(library_panel, pane)
        self.ready.emit()

    def _on_first_paint(self) -> None:
        self.article_view.painted.disconnect(self._on_first_paint)
        if self._annotation_pane is None:
            QTimer.singleShot(0, self._draw_pending_highlights)

    def when_settled(self, work: Callable[[], object]) -> None:
        """Run ``work`` once the window has painted with its panels built: start-up's
        invisible work, which would otherwise delay what the user sees."""
        if self._settled_work is None:
            work()
        else:
            self._settled_work.append(work)

    def _on_painted_until_settled(self) -> None:
        self.article_view.painted.disconnect(self._on_painted_until_settled)
        if self.is_ready():  # the first paint showed the whole window
            QTimer.singleShot(0, self._run_settled_work)  # once it has reached the screen
        else:  # the panels' paint is due as they are built
            self.ready.connect(lambda: QTimer.singleShot(0, self._run_settled_work))

    def _run_settled_work(self) -> None:
        work, self._settled_work = self._settled_work or [], None
        for each in work:
            each()

    def _draw_pending_highlights(self) -> None:
        """Start-up: draw the flags over the article painted without them, paint them at
        once, then build the panels. After a quick start, read the library first."""
        if not self.highlights_pending:
            return
        if self.showing_copy and not session.read_quick_started_article(self):
            return
        self.highlights_pending = False
        if self._pending_panels is not None and self.reading.article is not None:
            self.article_view.set_annotations(self.reading.drawn(self._pending_panels[0]))
        if self._annotation_pane is None:
            self.article_view.viewport().repaint()
            QTimer.singleShot(0, self.finish_startup)

    def flush_note(self) -> None:
        """Save the note, tags and source typed in the flag editor and not saved yet."""
        if self._annotation_pane is not None:
            self._annotation_pane.editor.flush_pending_edit()

    # The rooms' pieces, made at first use (after the first paint) and wired here

    @cached_property
    def lock(self) -> SuggestionLock:
        """The teacher's suggestion lock, read from the library at first use: after the
        first paint, where the article's flags are drawn or the panels built."""
        return assembly.make_lock(self)

    @property
    def review(self) -> SuggestionReview:
        """Suggesting flags and reviewing the suggestions; made with the panels."""
        self.finish_startup()  # the panels first: they may make it as they are built
        if self._review is None:
            self._review = assembly.make_review(self)
        return self._review

    @property
    def flag_updates(self) -> FlagUpdates:
        """What the undo commands report their writes to; made with the panels."""
        self.finish_startup()  # the panels first: they may make it as they are built
        if self._flag_updates is None:
            self._flag_updates = assembly.make_flag_updates(self)
        return self._flag_updates

    @property
    def edits(self) -> FlagEdits:
        """The user's flag edits; made with the panels."""
        self.finish_startup()  # the panels first: they may make it as they are built
        if self._edits is None:
            self._edits = assembly.make_edits(self)
        return self._edits

    @property
    def layers(self) -> LayersMenu:
        """The Layers menu, and the showing and hiding of layers; made with the panels."""
        self.finish_startup()  # the panels first: they may make it as they are built
        if self._layers is None:
            self._layers = assembly.make_layers(self)
        return self._layers

    @cached_property
    def files(self) -> FileActions:
        """Opening, importing and exporting files."""
        return assembly.make_files(self)

    # Construction

    # Start-up and settings

    def restore_session(self, article_id: int | None = None, copy: Article | None = None) -> None:
        """Layout, zoom and the article shown last time (or ``article_id``, of which
        ``copy`` may be a copy); see ``session.restore_session`` for the quick start."""
        session.restore_session(self, article_id, copy)

    def clear_article(self) -> None:
        self.reading.clear()
        self._pending_panels = None
        self.showing_copy = False
        self.classroom.article_shown(None)
        self.setWindowTitle(APP_NAME)
        self.window_actions.suggest.setEnabled(False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        split, self.pending_split = self.pending_split, None
        session.restore_split(self, split, self._needs_default_split)
        self._needs_default_split = False

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Back in the window: the command line may have written the library meanwhile
        # (unless the window outlived its library: closed as the app ends). The panels
        # first: PySide6 builds QEvent's enums at the first event.type().
        if (
            self.is_ready()
            and event.type() == QEvent.Type.ActivationChange
            and self.isActiveWindow()
            and self.is_library_open()
        ):
            self.lock.refresh()
            self.library_panel.reload_if_changed_elsewhere()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Here only keys no widget took: among them the shortcuts of disabled actions.
        if not (self.is_ready() and self.review.explain_disabled_shortcut(event)):
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush_note()
        session.save_session(self)
        super().closeEvent(event)

    # Articles

    def show_article(
        self, article_id: int, select_uuid: str | None = None, *, highlights_later: bool = False
    ) -> bool:
        """Show the article; an error dialog (and nothing changed) if it cannot be read.

        With ``highlights_later`` (start-up), the page is painted first and its flags
        drawn just after: drawing them builds PySide6's Qt namespace (~12 ms), which
        QBrush needs.
        """
        self.flush_note()
        read = self.reading.read(article_id)
        if read is None:
            return False
        article, annotations, layers = read
        self.show_read(article, annotations, layers, select_uuid, highlights_later=highlights_later)
        return True

    def show_read(
        self,
        article: Article,
        annotations: list[Annotation],
        layers: list[Layer],
        select_uuid: str | None,
        *,
        highlights_later: bool,
        render: bool = True,
    ) -> None:
        """Show the article read, and its flags now or after the next paint (``render``:
        False when the page shows it already)."""
        self.reading.show(
            article,
            annotations,
            layers,
            self.theme,
            highlights_later=highlights_later,
            render=render,
        )
        self.highlights_pending = highlights_later
        self.showing_copy = False
        # Only the title: the platform adds the application's display name after it.
        self.setWindowTitle(article.title or "Untitled")
        session.remember_article(self, article.id)
        self.window_actions.suggest.setEnabled(True)
        shown = SUGGESTIONS_LAYER not in self.reading.hidden_layers()
        self.window_actions.show_suggestions.setChecked(shown)
        if self._annotation_pane is None:
            self._pending_panels = (annotations, select_uuid or None)
        else:
            self._fill_panels(annotations, select_uuid or None)

    def _fill_panels(self, annotations: list[Annotation], select_uuid: str | None) -> None:
        """The shown article's flags in the pane, menus and status bar; its row marked."""
        article = self.reading.article
        assert article is not None
        self.annotation_pane.set_annotations(annotations, self.reading.layers)
        self.library_panel.mark_current(article.id)
        self.layers.rebuild()
        self.flag_updates.update_status()
        self.review.mark_sourced_claims()
        self.select_annotation(select_uuid)
        self.classroom.article_shown(article.id)

    # The selected flag

    def select_annotation(self, uuid: str | None) -> None:
        self.annotation_pane.select_annotation(uuid)
        assembly.show_selection(self, uuid)

    # Errors

    def show_error(self, message: str) -> None:
        """A warning dialog; window-modal but not blocking, so tests can find and close it."""
        self.error_box = box = open_warning(self, APP_NAME, message)
        box.finished.connect(lambda _result: self._forget_error(box))
        self.statusBar().showMessage(message, 8000)

    def _forget_error(self, box: QMessageBox) -> None:
        if self.error_box is box:
            self.error_box = None

    # Drag and drop

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from reader.gui.shell.file_actions import accept_drag

        accept_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.files.drop(event)
