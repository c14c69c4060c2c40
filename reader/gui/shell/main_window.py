"""The main window: library panel | article | annotation pane, with menus, toolbar and undo.

It builds the rooms' pieces and wires their signals: the article's ``ReadingController``
(``reading.controller``), the user's flag edits and what the undo commands report
(``annotations.edits`` and ``annotations.updates``), the Layers menu, the review of
suggestions and their lock (``suggestions``). Its actions, menus and toolbar are built in
``window_actions``, its session kept in ``session``, its files opened in ``file_actions``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QByteArray, QEvent, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QToolBar, QWidget

from reader.core.models import Annotation, Article, Layer, LayerKind, Status
from reader.gui.classroom.actions import ClassroomActions
from reader.gui.common.theme import remembered_theme
from reader.gui.reading.article_view import ArticleView
from reader.gui.reading.controller import ReadingController
from reader.gui.shell import session
from reader.gui.shell.appearance import Appearance
from reader.gui.shell.columns import ColumnLimits, ColumnSplitter, cycle_focus
from reader.gui.shell.session import SettingsKey, int_setting, preferred_theme
from reader.gui.shell.window_actions import (
    add_toolbar,
    build_actions,
    build_menus,
    fill_export_menu,
    fill_toolbar,
    name_step,
    paint_theme_icons,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeyEvent, QShowEvent
    from PySide6.QtWidgets import QMessageBox

    from reader.gui.annotations.edits import FlagEdits
    from reader.gui.annotations.layers import LayersMenu
    from reader.gui.annotations.pane import AnnotationPane
    from reader.gui.annotations.updates import FlagUpdates
    from reader.gui.library.panel import LibraryPanel
    from reader.gui.shell.file_actions import FileActions
    from reader.gui.suggestions.lock import SuggestionLock
    from reader.gui.suggestions.review import SuggestionReview
    from reader.render.palette import Theme
    from reader.storage.library import Library

APP_NAME = "Annotated Reader"
SUGGESTIONS_LAYER = LayerKind.SUGGESTIONS.value
LIBRARY_MIN_WIDTH = 180
PANE_MIN_WIDTH = 260
COLUMN_LIMITS = ColumnLimits(
    library=LIBRARY_MIN_WIDTH, pane=PANE_MIN_WIDTH, pane_comfortable=320, article=320
)


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
        self._library: Library | None = None
        self._open_library: Callable[[], Library] | None = None
        if callable(library):
            assert library_path is not None, "a library opened later needs its path"
            self._open_library = library
        else:
            self._take_library(library)
            library_path = library.path
        # What is remembered per library (the last article) is filed under this name.
        self.library_key = session.library_key(library_path)
        self.last_article_folder: Path | None = None
        self.settings = settings
        self.error_box: QMessageBox | None = None
        self.pending_split: QByteArray | None = None  # restored once the window is shown
        self._needs_default_split = True
        self._library_version: int | None = None  # what this window last listed
        # The rooms' pieces, made at first use: after the first paint.
        self._lock: SuggestionLock | None = None
        self._review: SuggestionReview | None = None
        self._flag_updates: FlagUpdates | None = None
        self._edits: FlagEdits | None = None
        self._layers: LayersMenu | None = None
        self._files: FileActions | None = None
        self._library_panel: LibraryPanel | None = None
        self._annotation_pane: AnnotationPane | None = None
        # What the panels show, kept until they are built.
        self._pending_panels: tuple[list[Annotation], str | None] | None = None
        self.highlights_pending = False  # the article is shown, its flags not yet drawn
        self.showing_copy = False  # quick start: the article shown is not read from the library

        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.article_view = ArticleView()
        self.article_view.setAccessibleName("Article")
        self.reading = ReadingController(
            lambda: self.library, self.article_view, lambda: self.lock.locked, self
        )
        self.splitter = ColumnSplitter(self.article_view.readable_width, COLUMN_LIMITS)
        # placeholders of the panels' places and sizes until they are built
        library_place, pane_place = QWidget(), QWidget()
        library_place.setMinimumWidth(LIBRARY_MIN_WIDTH)
        pane_place.setMinimumWidth(PANE_MIN_WIDTH)
        self.splitter.add_columns(library_place, self.article_view, pane_place)
        self.splitter.setStretchFactor(1, 1)
        self.article_view.setMinimumWidth(COLUMN_LIMITS.article)
        self.setCentralWidget(self.splitter)

        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        stored_theme = remembered_theme(settings.value(SettingsKey.THEME, ""))
        self.window_actions = build_actions(self, stored_theme)
        say = self.statusBar().showMessage
        chosen = theme or preferred_theme(settings)
        self.appearance = Appearance(settings, self.article_view, say, chosen, theme is not None)
        self.classroom = ClassroomActions(
            self.reading, self, lambda: self.files.export_folder(), lambda: self.theme
        )
        self.classroom.article_changed.connect(self.show_article)
        build_menus(self.menuBar(), self.window_actions, self.classroom)
        height = int_setting(settings.value(SettingsKey.TOOLBAR_HEIGHT), 0)
        self.toolbar: QToolBar = add_toolbar(self, height)
        if height <= 0:  # the first start: no height to keep, so filled at once
            self._fill_toolbar()
        self._connect()
        self.article_view.painted.connect(self._on_first_paint)

    @property
    def library(self) -> Library:
        """The library; opened here at first use if the window was given a way to open it."""
        if self._library is None:
            assert self._open_library is not None
            self._take_library(self._open_library())
            self._open_library = None
        assert self._library is not None
        return self._library

    def _take_library(self, library: Library) -> None:
        from reader.gui.shell.library_guard import guard_library_files

        guard_library_files(library)  # only SQLite may open its file: see library_guard
        self._library = library

    def is_library_open(self) -> bool:
        return self._library is not None

    def close_library(self) -> None:
        """Close the library if it was opened."""
        if self._library is not None:
            self._library.close()

    def use_render_cache(self, folder: Path) -> None:
        """Keep rendered articles in ``folder``, and there a copy of the article shown
        last, for a quick start (see ``restore_session``)."""
        self.article_view.use_render_cache(folder)
        self.last_article_folder = folder / session.LIBRARIES_FOLDER / self.library_key

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
        """Build the library panel and the annotation pane and fill them; emits ``ready``.

        Runs once, right after the first paint; call it to have the whole window at once.
        """
        if self._annotation_pane is not None:
            return
        self._draw_pending_highlights()
        self._fill_toolbar()
        # Imported here: the panels, their models and delegates stay off the path
        # to the first painted article.
        from reader.gui.annotations.pane import AnnotationPane
        from reader.gui.library.panel import LibraryPanel

        library_panel = LibraryPanel(self.library)
        self._library_version = self.library.data_version()
        library_panel.setMinimumWidth(LIBRARY_MIN_WIDTH)
        pane = AnnotationPane()
        pane.setMinimumWidth(PANE_MIN_WIDTH)
        self._library_panel, self._annotation_pane = library_panel, pane
        for position, widget in ((0, library_panel), (2, pane)):
            placeholder = self.splitter.replaceWidget(position, widget)
            if placeholder is not None:
                placeholder.deleteLater()
        self.setTabOrder(library_panel.search_edit, library_panel.tag_combo)
        self.setTabOrder(library_panel.tag_combo, library_panel.list_widget)
        self.setTabOrder(library_panel.list_widget, self.article_view)
        self.setTabOrder(self.article_view, pane.kind_buttons.button(0))
        self._connect_panels()
        pane.set_suggestions_locked(self.lock.locked)
        self.lock.show_controls()
        for shortcut, forward in (("F6", True), ("Shift+F6", False)):
            action = QAction(self)
            action.setShortcuts([QKeySequence(shortcut)])
            action.triggered.connect(lambda _=False, f=forward: self.cycle_panels(f))
            self.addAction(action)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)
        library_panel.reload()
        pane.set_known_tags(self.library.tags())
        pending, self._pending_panels = self._pending_panels, None
        if pending is not None and self.reading.article is not None:
            self._fill_panels(*pending)
        else:
            self.flag_updates.update_status()
            self.review.update_actions()
        self.appearance.follow_system_theme()
        self.ready.emit()

    def cycle_panels(self, forward: bool = True) -> None:
        """Move the keyboard focus to the next (or previous) panel: F6 and Shift+F6."""
        panels: list[tuple[QWidget, QWidget]] = [
            (self.library_panel, self.library_panel.list_widget),
            (self.article_view, self.article_view),
            (self.annotation_pane, self.annotation_pane.card_list),
        ]
        cycle_focus(panels, forward)

    def _on_first_paint(self) -> None:
        self.article_view.painted.disconnect(self._on_first_paint)
        if self._annotation_pane is None:
            QTimer.singleShot(0, self._draw_pending_highlights)

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

    @property
    def lock(self) -> SuggestionLock:
        """The teacher's suggestion lock, read from the library at first use: after the
        first paint, where the article's flags are drawn or the panels built."""
        if self._lock is None:
            from reader.gui.suggestions.lock import SuggestionLock

            self._lock = SuggestionLock(self.reading, self.window_actions, self.statusBar(), self)
            self._lock.lock_changed.connect(self._on_lock_changed)
        return self._lock

    @property
    def review(self) -> SuggestionReview:
        """Suggesting flags and reviewing the suggestions; made with the panels."""
        if self._review is None:
            from reader.gui.suggestions.review import SuggestionReview

            pane, updates, lock = self.annotation_pane, self.flag_updates, self.lock
            review = SuggestionReview(self.reading, pane, updates, self.window_actions, lock)
            review.selection_wanted.connect(self.select_annotation)
            review.layer_shown_wanted.connect(lambda name: self.layers.set_visible(name, True))
            self._review = review
        return self._review

    @property
    def flag_updates(self) -> FlagUpdates:
        """What the undo commands report their writes to; made with the panels."""
        if self._flag_updates is None:
            from reader.gui.annotations.updates import FlagUpdates

            updates = FlagUpdates(self.reading, self.annotation_pane)
            panel = self.library_panel
            updates.article_left.connect(lambda id_, uuid: self.show_article(id_, uuid or None))
            updates.flag_marked.connect(self.mark_selection)
            updates.selection_wanted.connect(self.select_annotation)
            updates.layers_changed.connect(lambda: self.layers.rebuild())
            updates.tags_changed.connect(panel.set_tags)
            updates.article_tags_changed.connect(panel.update_article_tags)
            updates.counts_changed.connect(panel.update_counts)
            updates.status_changed.connect(self.status_label.setText)
            updates.review_due.connect(lambda: self.review.update_actions())
            self._flag_updates = updates
        return self._flag_updates

    @property
    def edits(self) -> FlagEdits:
        """The user's flag edits; made with the panels."""
        if self._edits is None:
            from reader.gui.annotations.edits import FlagEdits

            self._edits = FlagEdits(self.reading, self.annotation_pane, self.flag_updates)
            self._edits.dismiss_requested.connect(lambda uuid: self.review.dismiss(uuid))
        return self._edits

    @property
    def layers(self) -> LayersMenu:
        """The Layers menu and the showing and hiding of layers; made with the panels."""
        if self._layers is None:
            from reader.gui.annotations.layers import LayersMenu

            actions = self.window_actions
            self._layers = LayersMenu(
                actions.layers_menu,
                actions.layer_actions,
                actions.show_suggestions,
                self.reading,
                self.annotation_pane,
                lambda: self.lock.locked,
            )
            self._layers.layer_toggled.connect(self._on_layer_toggled)
        return self._layers

    @property
    def files(self) -> FileActions:
        """Opening, importing and exporting files."""
        if self._files is None:
            from reader.gui.shell.file_actions import FileActions

            self._files = FileActions(
                self.reading, self, self.settings, self.classroom.take_submissions
            )
            self._files.imported.connect(self._on_imported)
        return self._files

    # Construction

    def _fill_toolbar(self) -> None:
        actions, theme, text = self.window_actions, self.theme, self.toolbar_text_colour()
        if fill_toolbar(self.toolbar, actions, self.style(), theme, text):
            height = self.toolbar.sizeHint().height()
            self.settings.setValue(SettingsKey.TOOLBAR_HEIGHT, height)

    def toolbar_text_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.ButtonText)

    def _connect(self) -> None:
        actions, reading, appearance = self.window_actions, self.reading, self.appearance
        actions.open.triggered.connect(lambda: self.files.choose_files())
        actions.clipboard.triggered.connect(lambda: self.files.import_clipboard())
        actions.quit.triggered.connect(self.close)
        actions.undo.triggered.connect(reading.undo)
        actions.redo.triggered.connect(reading.redo)
        actions.copy.triggered.connect(self._on_copy)
        actions.find.triggered.connect(lambda: self.library_panel.focus_search())
        for kind, action in actions.flags.items():
            action.triggered.connect(lambda _=False, k=kind: self.edits.flag_selection(k))
        actions.delete.triggered.connect(lambda: self.edits.delete_selected())
        actions.suggest.triggered.connect(lambda: self.review.suggest())
        actions.accept.triggered.connect(lambda: self.review.accept())
        actions.dismiss.triggered.connect(lambda: self.review.dismiss())
        actions.accept_all.triggered.connect(lambda: self.review.accept_all())
        actions.dismiss_all.triggered.connect(lambda: self.review.dismiss_all())
        actions.show_suggestions.triggered.connect(
            lambda shown=True: self.layers.set_visible(SUGGESTIONS_LAYER, bool(shown))
        )
        actions.show_sourced.triggered.connect(
            lambda shown=False: self.review.set_sourced_claims_visible(bool(shown))
        )
        actions.lock_suggestions.triggered.connect(lambda: self.lock.ask())
        actions.zoom_in.triggered.connect(lambda: appearance.zoom_by(1))
        actions.zoom_out.triggered.connect(lambda: appearance.zoom_by(-1))
        actions.zoom_reset.triggered.connect(lambda: appearance.zoom_by(None))
        for theme, action in actions.themes.items():
            action.triggered.connect(lambda _=False, t=theme: appearance.choose_theme(t))
        export_menu = actions.export_menu
        export_menu.aboutToShow.connect(
            lambda: fill_export_menu(self, export_menu, self.files.choose_export)
        )
        view = self.article_view
        view.annotation_clicked.connect(lambda uuid: self.select_annotation(uuid or None))
        view.flag_requested.connect(lambda kind: self.edits.flag_selection(kind))
        view.accept_requested.connect(lambda uuid: self.review.accept(uuid))
        view.dismiss_requested.connect(lambda uuid: self.review.dismiss(uuid))
        view.zoom_changed.connect(appearance.on_zoom_changed)
        appearance.theme_changed.connect(self._on_theme_changed)
        reading.error_raised.connect(self.show_error)
        reading.message.connect(self.statusBar().showMessage)
        reading.edits_flush_wanted.connect(self.flush_note)
        reading.write_started.connect(self._on_write_started)
        reading.replay_started.connect(self._on_replay_started)
        stack = reading.undo_stack
        stack.canUndoChanged.connect(actions.undo.setEnabled)
        stack.canRedoChanged.connect(actions.redo.setEnabled)
        stack.undoTextChanged.connect(lambda text: name_step(actions.undo, "&Undo", text))
        stack.redoTextChanged.connect(lambda text: name_step(actions.redo, "&Redo", text))
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._on_color_scheme_changed)

    def _connect_panels(self) -> None:
        self.library_panel.article_chosen.connect(self._on_article_chosen)
        self.library_panel.note_hit_chosen.connect(self._on_note_hit_chosen)
        pane = self.annotation_pane
        pane.annotation_selected.connect(self._on_card_selected)
        pane.annotation_activated.connect(self._on_card_activated)
        pane.accept_requested.connect(lambda uuid: self.review.accept(uuid))
        pane.dismiss_requested.connect(lambda uuid: self.review.dismiss(uuid))
        pane.accept_all_requested.connect(lambda: self.review.accept_all())
        pane.dismiss_all_requested.connect(lambda: self.review.dismiss_all())
        editor, edits = pane.editor, self.edits
        editor.kind_edited.connect(edits.edit_kind)
        editor.note_edited.connect(edits.edit_note)
        editor.tags_edited.connect(edits.edit_tags)
        editor.source_edited.connect(edits.edit_source)
        editor.delete_requested.connect(edits.delete)
        editor.undo_redirect.undo_requested.connect(self.reading.undo)
        editor.undo_redirect.redo_requested.connect(self.reading.redo)

    # Start-up and settings

    def restore_session(self, article_id: int | None = None) -> None:
        """Layout, zoom and the article shown last time (or ``article_id``); see
        ``session.restore_session`` for the quick start."""
        session.restore_session(self, article_id)

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
        # Back in the window: the command line may have written the library meanwhile.
        if (
            event.type() == QEvent.Type.ActivationChange
            and self.isActiveWindow()
            and self.is_ready()
        ):
            self.lock.refresh()
            self._list_changes_made_elsewhere()

    def _list_changes_made_elsewhere(self) -> None:
        """Articles imported or flagged by another process: the library list again."""
        version = self.library.data_version()
        if version != self._library_version:
            self._library_version = version
            self.library_panel.reload()

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
        self.show_selection(uuid)

    def show_selection(self, uuid: str | None) -> None:
        """Mark the flag in the article (a suggestion with its trigger words) and update actions."""
        self.mark_selection(uuid)
        self.review.update_actions()

    def mark_selection(self, uuid: str | None) -> None:
        """Mark the flag in the article (a suggestion with its trigger words), not its card."""
        self.article_view.select_annotation(uuid)
        annotation = self.annotation_pane.model.annotation(uuid) if uuid else None
        suggested = annotation is not None and annotation.status is Status.SUGGESTED
        marked = suggested and self.article_view.selected_annotation() == uuid
        self.review.mark_triggers(annotation if marked else None)
        self.window_actions.delete.setEnabled(annotation is not None and not suggested)

    # Errors

    def show_error(self, message: str) -> None:
        """A warning dialog; window-modal but not blocking, so tests can find and close it."""
        from PySide6.QtWidgets import QMessageBox  # dialogs: imported when first shown

        box = QMessageBox(
            QMessageBox.Icon.Warning, APP_NAME, message, QMessageBox.StandardButton.Ok, self
        )
        box.setTextFormat(QtCore.Qt.TextFormat.PlainText)  # messages quote file names, text
        box.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.error_box = box
        box.finished.connect(lambda _result: self._forget_error(box))
        box.open()
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

    # Slots

    def _on_write_started(self) -> None:
        if self._annotation_pane is not None:
            # Re-entry is harmless: the note's save clears its wait before it pushes.
            self._annotation_pane.editor.flush_pending_note()

    def _on_replay_started(self) -> None:
        # Another process may have locked suggestions meanwhile, and the library refuses
        # a step that touches one then: reading the lock clears the stack if it turned on
        # (the status bar says so), leaving nothing to undo or redo.
        if self.is_ready():
            self.lock.refresh()
        self.flush_note()

    def _on_lock_changed(self, locked: bool) -> None:
        """The article's highlights, cards, counts and menus, with or without suggestions."""
        if self.is_ready():
            pane = self.annotation_pane
            selected = pane.selected_uuid()
            pane.set_suggestions_locked(locked)
            if self.reading.article is not None:
                self.article_view.set_annotations(self.reading.drawn(pane.model.annotations()))
                self.layers.rebuild()
                self.select_annotation(self.flag_updates.kept(selected))
                shown = self.window_actions.show_sourced.isChecked()
                self.review.set_sourced_claims_visible(shown)
            self.flag_updates.update_counts()
        self.review.update_actions()

    def _on_theme_changed(self) -> None:
        if self.toolbar.actions():
            paint_theme_icons(self.window_actions, self.theme, self.toolbar_text_colour())
        if self.reading.article is not None and self._annotation_pane is not None:
            self.review.mark_sourced_claims()
            self.show_selection(self._annotation_pane.selected_uuid())

    def _on_imported(self, article_id: int) -> None:
        self.library_panel.clear_filters()  # or the new article might not be listed
        self.library_panel.reload()
        self.annotation_pane.set_known_tags(self.library.tags())
        self.show_article(article_id)

    def _on_layer_toggled(self, selected: str | None) -> None:
        self.select_annotation(self.flag_updates.kept(selected))
        self.flag_updates.update_status()

    def _on_copy(self) -> None:
        widget = QApplication.focusWidget()
        copy = getattr(widget, "copy", None)
        if callable(copy):
            copy()
        else:
            self.article_view.copy()

    def _on_article_chosen(self, article_id: int) -> None:
        article = self.reading.article
        if article is None or article_id != article.id:
            self._show_chosen(article_id)

    def _on_note_hit_chosen(self, article_id: int, uuid: str) -> None:
        article = self.reading.article
        is_other = article is None or article_id != article.id
        if is_other and not self._show_chosen(article_id):
            return
        self.select_annotation(uuid)

    def _show_chosen(self, article_id: int) -> bool:
        """Show the article chosen in the library panel; if it cannot be read, the
        panel marks the article still shown again."""
        if self.show_article(article_id):
            return True
        article = self.reading.article
        self.library_panel.mark_current(article.id if article is not None else None)
        return False

    def _on_card_selected(self, uuid: str) -> None:
        self.show_selection(uuid or None)  # "": a filter hid the selected card

    def _on_card_activated(self, uuid: str) -> None:
        self.show_selection(uuid)
        self.article_view.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)

    def _on_focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        # The keyboard went into the library (Tab, F6, Ctrl+F) while a narrow window
        # had folded it away: show it.
        if now is not None and self.library_panel.isAncestorOf(now):
            self.splitter.unfold_library()

    def _on_color_scheme_changed(self, _scheme: QtCore.Qt.ColorScheme) -> None:
        self.appearance.follow_system_theme()
