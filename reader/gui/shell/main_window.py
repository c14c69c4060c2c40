"""The main window: library panel | article | annotation pane, with menus, toolbar and undo.

Its actions, menus and toolbar are built in ``window_actions``, its session kept in
``session``. What is used only after the first paint lives in ``flag_edits`` (the user's
flag edits), ``flag_updates`` (what the undo commands report), ``layer_visibility``,
``suggestion_review`` and ``file_actions``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QByteArray, QEvent, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QToolBar, QWidget

from reader.core.models import Annotation, Article, Kind, Layer, ReaderError, Status
from reader.core.palette import Theme
from reader.gui.classroom.actions import ClassroomActions
from reader.gui.common.theme import apply_theme, remembered_theme, system_theme
from reader.gui.reading.article_view import MAX_ZOOM, MIN_ZOOM, ZOOM_FACTOR, ArticleView
from reader.gui.reading.highlight_layer import DRAWN_STATUSES
from reader.gui.shell import session
from reader.gui.shell.columns import ColumnLimits, ColumnSplitter
from reader.gui.shell.session import SettingsKey, preferred_theme
from reader.gui.shell.window_actions import (
    SUGGESTIONS_LAYER,
    add_toolbar,
    build_actions,
    build_menus,
    fill_toolbar,
    name_step,
    paint_theme_icons,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeyEvent, QShowEvent
    from PySide6.QtWidgets import QMenu, QMessageBox

    from reader.gui.annotations.commands import LibraryCommand
    from reader.gui.annotations.edits import FlagEdits
    from reader.gui.annotations.pane import AnnotationPane
    from reader.gui.annotations.updates import FlagUpdates
    from reader.gui.library.panel import LibraryPanel
    from reader.gui.suggestions.lock import SuggestionLock
    from reader.gui.suggestions.pin_dialog import PinDialog
    from reader.gui.suggestions.review import SuggestionReview
    from reader.services.article_files import ExportFormat
    from reader.storage.library import Library

APP_NAME = "Annotated Reader"
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

    # Built by window_actions.
    open_action: QAction
    clipboard_action: QAction
    quit_action: QAction
    undo_action: QAction
    redo_action: QAction
    copy_action: QAction
    find_action: QAction
    flag_actions: dict[Kind, QAction]
    delete_action: QAction
    suggest_action: QAction
    accept_action: QAction
    dismiss_action: QAction
    accept_all_action: QAction
    dismiss_all_action: QAction
    show_suggestions_action: QAction
    show_sourced_action: QAction
    lock_suggestions_action: QAction
    zoom_in_action: QAction
    zoom_out_action: QAction
    zoom_reset_action: QAction
    theme_group: QActionGroup
    theme_actions: dict[Theme | None, QAction]  # None: follow the system
    layers_menu: QMenu
    layer_actions: dict[str, QAction]

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
        self._last_article_folder: Path | None = None
        self.settings = settings
        self._forced_theme = theme
        self.theme = theme or preferred_theme(self.settings)
        self.article: Article | None = None
        self._layers: list[Layer] = []
        self._zoom = 0
        self.error_box: QMessageBox | None = None
        self._pending_split: QByteArray | None = None
        self._needs_default_split = True
        self.undo_stack = QUndoStack(self)
        self._suggestion_review: SuggestionReview | None = None
        self._suggestion_lock: SuggestionLock | None = None
        self._library_version: int | None = None  # what this window last listed
        self._flag_updates: FlagUpdates | None = None
        self._flag_edits: FlagEdits | None = None
        self._library_panel: LibraryPanel | None = None
        self._annotation_pane: AnnotationPane | None = None
        # What the panels show, kept until they are built.
        self._pending_panels: tuple[list[Annotation], str | None] | None = None
        self._highlights_pending = False  # the article is shown, its flags not yet drawn
        self._showing_copy = False  # quick start: the article shown is not read from the library
        self._replaying = False  # an undo or redo is running

        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.article_view = ArticleView()
        self.article_view.setAccessibleName("Article")
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
        build_actions(self)
        self.classroom = ClassroomActions(self)
        build_menus(self)
        self.toolbar: QToolBar = add_toolbar(self)
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

    def close_library(self) -> None:
        """Close the library if it was opened."""
        if self._library is not None:
            self._library.close()

    def use_render_cache(self, folder: Path) -> None:
        """Keep rendered articles in ``folder``, and there a copy of the article shown
        last, for a quick start (see ``restore_session``)."""
        self.article_view.use_render_cache(folder)
        self._last_article_folder = folder / session.LIBRARIES_FOLDER / self.library_key

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
        fill_toolbar(self)
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
        pane.set_suggestions_locked(self.suggestions_locked)
        self._lock.show_controls()
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
        if pending is not None and self.article is not None:
            self._fill_panels(*pending)
        else:
            self.flag_updates.update_status()
            self.update_review_actions()
        self._follow_system_theme()
        self.ready.emit()

    def cycle_panels(self, forward: bool = True) -> None:
        """Move the keyboard focus to the next (or previous) panel: F6 and Shift+F6."""
        containers: list[QWidget] = [self.library_panel, self.article_view, self.annotation_pane]
        targets: list[QWidget] = [
            self.library_panel.list_widget,
            self.article_view,
            self.annotation_pane.card_list,
        ]
        focused = QApplication.focusWidget()
        at = next(
            (
                n
                for n, panel in enumerate(containers)
                if focused is not None and (focused is panel or panel.isAncestorOf(focused))
            ),
            None,
        )
        if at is None:
            target = targets[0 if forward else -1]
        else:
            target = targets[(at + (1 if forward else -1)) % len(targets)]
        target.setFocus(QtCore.Qt.FocusReason.ShortcutFocusReason)

    def _on_first_paint(self) -> None:
        self.article_view.painted.disconnect(self._on_first_paint)
        if self._annotation_pane is None:
            QTimer.singleShot(0, self._draw_pending_highlights)

    def _draw_pending_highlights(self) -> None:
        """Start-up: draw the flags over the article painted without them, paint them at
        once, then build the panels. After a quick start, read the library first."""
        if not self._highlights_pending:
            return
        if self._showing_copy and not session.read_quick_started_article(self):
            return
        self._highlights_pending = False
        if self._pending_panels is not None and self.article is not None:
            self.article_view.set_annotations(self.drawn(self._pending_panels[0]))
        if self._annotation_pane is None:
            self.article_view.viewport().repaint()
            QTimer.singleShot(0, self.finish_startup)

    def flush_note(self) -> None:
        """Save the note, tags and source typed in the flag editor and not saved yet."""
        if self._annotation_pane is not None:
            self._annotation_pane.editor.flush_pending_edit()

    @property
    def _review(self) -> SuggestionReview:
        """The suggestion review, made at first use: after the first paint."""
        if self._suggestion_review is None:
            from reader.gui.suggestions.review import SuggestionReview

            self._suggestion_review = SuggestionReview(self)
        return self._suggestion_review

    @property
    def _lock(self) -> SuggestionLock:
        """The teacher's suggestion lock, read from the library at first use: after the
        first paint, where the article's flags are drawn or the panels built."""
        if self._suggestion_lock is None:
            from reader.gui.suggestions.lock import SuggestionLock

            self._suggestion_lock = SuggestionLock(self)
        return self._suggestion_lock

    @property
    def flag_updates(self) -> FlagUpdates:
        """What the undo commands report their writes to; made with the panels."""
        if self._flag_updates is None:
            from reader.gui.annotations.updates import FlagUpdates

            self._flag_updates = FlagUpdates(self)
        return self._flag_updates

    @property
    def _edits(self) -> FlagEdits:
        """The user's flag edits; made with the panels."""
        if self._flag_edits is None:
            from reader.gui.annotations.edits import FlagEdits

            self._flag_edits = FlagEdits(self)
        return self._flag_edits

    # Construction

    def _follows_system(self) -> bool:
        chosen = self.settings.value(SettingsKey.THEME, "")
        return self._forced_theme is None and remembered_theme(chosen) is None

    def _follow_system_theme(self) -> None:
        """Take the system's theme (start-up painted the one it had last time)."""
        if not self._follows_system():
            return
        theme = system_theme()
        self.settings.setValue(SettingsKey.SYSTEM_THEME, theme.value)
        if theme is not self.theme:
            self.set_theme(theme)

    def _connect(self) -> None:
        self.article_view.annotation_clicked.connect(self._on_annotation_clicked)
        self.article_view.flag_requested.connect(self._on_flag_requested)
        self.article_view.accept_requested.connect(self.accept_suggestion)
        self.article_view.dismiss_requested.connect(self.dismiss_suggestion)
        self.article_view.zoom_changed.connect(self._on_zoom_changed)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda text: name_step(self.undo_action, "&Undo", text)
        )
        self.undo_stack.redoTextChanged.connect(
            lambda text: name_step(self.redo_action, "&Redo", text)
        )
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._on_color_scheme_changed)

    def _connect_panels(self) -> None:
        self.library_panel.article_chosen.connect(self._on_article_chosen)
        self.library_panel.note_hit_chosen.connect(self._on_note_hit_chosen)
        pane = self.annotation_pane
        pane.annotation_selected.connect(self._on_card_selected)
        pane.annotation_activated.connect(self._on_card_activated)
        pane.accept_requested.connect(self.accept_suggestion)
        pane.dismiss_requested.connect(self.dismiss_suggestion)
        pane.accept_all_requested.connect(self.accept_all_suggestions)
        pane.dismiss_all_requested.connect(self.dismiss_all_suggestions)
        editor, edits = pane.editor, self._edits
        editor.kind_edited.connect(edits.edit_kind)
        editor.note_edited.connect(edits.edit_note)
        editor.tags_edited.connect(edits.edit_tags)
        editor.source_edited.connect(edits.edit_source)
        editor.delete_requested.connect(edits.delete)
        editor.undo_redirect.undo_requested.connect(self.undo)
        editor.undo_redirect.redo_requested.connect(self.redo)

    # Start-up and settings

    def restore_session(self, article_id: int | None = None) -> None:
        """Layout, zoom and the article shown last time (or ``article_id``); see
        ``session.restore_session`` for the quick start."""
        session.restore_session(self, article_id)

    def _clear_article(self) -> None:
        self.article = None
        self._layers = []
        self._pending_panels = None
        self._showing_copy = False
        self.article_view.clear_article()
        self.classroom.article_shown(None)
        self.setWindowTitle(APP_NAME)
        self.suggest_action.setEnabled(False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        session.restore_split(self)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Back in the window: the command line may have written the library meanwhile.
        if (
            event.type() == QEvent.Type.ActivationChange
            and self.isActiveWindow()
            and self.is_ready()
        ):
            self.refresh_suggestion_lock()
            self._list_changes_made_elsewhere()

    def _list_changes_made_elsewhere(self) -> None:
        """Articles imported or flagged by another process: the library list again."""
        version = self.library.data_version()
        if version != self._library_version:
            self._library_version = version
            self.library_panel.reload()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Here only keys no widget took: among them the shortcuts of disabled actions.
        if not (self.is_ready() and self._review.explain_disabled_shortcut(event)):
            super().keyPressEvent(event)

    def save_session(self) -> None:
        session.save_session(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush_note()
        self.save_session()
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
        read = self._read(article_id)
        if read is None:
            return False
        article, annotations, layers = read
        self._show(article, annotations, layers, select_uuid, highlights_later=highlights_later)
        return True

    def _read(self, article_id: int) -> tuple[Article, list[Annotation], list[Layer]] | None:
        """The article, its flags and its layers; None (and an error dialog) if unreadable."""
        try:
            return (
                self.library.article(article_id),
                self.library.annotations(article_id),
                self.library.layers(article_id),
            )
        except ReaderError as error:
            self.show_error(str(error))
            return None

    def _show(
        self,
        article: Article,
        annotations: list[Annotation],
        layers: list[Layer],
        select_uuid: str | None,
        *,
        highlights_later: bool,
        render: bool = True,
    ) -> None:
        """Show the article, and its flags now or after the next paint (``render``: False
        when the page shows it already)."""
        self.article = article
        self._layers = layers
        self._highlights_pending = highlights_later
        self._showing_copy = False
        if render:
            drawn = [] if highlights_later else self.drawn(annotations)
            self.article_view.show_article(article, drawn, self.theme)
        # Only the title: the platform adds the application's display name after it.
        self.setWindowTitle(article.title or "Untitled")
        session.remember_article(self, article.id)
        self.suggest_action.setEnabled(True)
        self.show_suggestions_action.setChecked(SUGGESTIONS_LAYER not in self.hidden_layers())
        if self._annotation_pane is None:
            self._pending_panels = (annotations, select_uuid or None)
        else:
            self._fill_panels(annotations, select_uuid or None)

    def _fill_panels(self, annotations: list[Annotation], select_uuid: str | None) -> None:
        """The shown article's flags in the pane, menus and status bar; its row marked."""
        assert self.article is not None
        self.annotation_pane.set_annotations(annotations, self._layers)
        self.library_panel.mark_current(self.article.id)
        from reader.gui.annotations.layers import rebuild_layers_menu

        rebuild_layers_menu(self)
        self.flag_updates.update_status()
        self._review.mark_sourced_claims()
        self.select_annotation(select_uuid)
        self.classroom.article_shown(self.article.id)

    def open_file(self, path: Path) -> bool:
        """Import ``path`` (an article or a flag file) and show its article."""
        from reader.gui.shell.file_actions import open_file

        return open_file(self, path)

    def import_clipboard(self) -> bool:
        from reader.gui.shell.file_actions import import_clipboard

        return import_clipboard(self)

    def choose_files(self) -> None:
        from reader.gui.shell.file_actions import choose_files

        choose_files(self)

    def choose_export(self, export_format: ExportFormat) -> None:
        from reader.gui.shell.file_actions import choose_export

        choose_export(self, export_format)

    def export_folder(self) -> Path:
        """The folder of the last export, else the user's Documents folder."""
        from reader.gui.shell.file_actions import export_folder

        return export_folder(self)

    def export_flags(self, export_format: ExportFormat, path: Path) -> bool:
        """Write the current article's flags to ``path`` as W3C JSON, Markdown or CSV."""
        from reader.gui.shell.file_actions import export_flags

        return export_flags(self, export_format, path)

    # Flags: see flag_edits

    def flag_selection(self, kind: Kind) -> Annotation | None:
        """Flag the passage selected in the article; the new card opens with its note editor."""
        return self._edits.flag_selection(kind)

    def delete_selected_flag(self) -> None:
        """Delete the selected flag; on a suggestion, Delete dismisses it."""
        self._edits.delete_selected()

    def select_annotation(self, uuid: str | None) -> None:
        self.annotation_pane.select_annotation(uuid)
        self._show_selection(uuid)

    def keep_selection(self, uuid: str | None) -> None:
        """Select the flag again if it is still listed and drawn; else select none."""
        current = self.annotation_pane.model.annotation(uuid) if uuid else None
        self.select_annotation(current.uuid if current and self.is_drawn(current) else None)

    def _show_selection(self, uuid: str | None) -> None:
        """Mark the flag in the article (a suggestion with its trigger words) and update actions."""
        self.mark_selection(uuid)
        self.update_review_actions()

    def mark_selection(self, uuid: str | None) -> None:
        """Mark the flag in the article (a suggestion with its trigger words), not its card."""
        self.article_view.select_annotation(uuid)
        annotation = self.annotation_pane.model.annotation(uuid) if uuid else None
        suggested = annotation is not None and annotation.status is Status.SUGGESTED
        marked = suggested and self.article_view.selected_annotation() == uuid
        self._review.mark_triggers(annotation if marked else None)
        self.delete_action.setEnabled(annotation is not None and not suggested)

    def update_review_actions(self) -> None:
        """Enable the suggestion actions that apply to the article and the selected flag."""
        self._review.update_actions()

    def trigger_ranges(self) -> list[tuple[int, int]]:
        """Document ranges of the trigger words marked in the selected suggestion's passage."""
        return list(self._review.trigger_ranges)

    # Suggestions: see suggestion_review

    def suggest_flags(self) -> int | None:
        """Run the detector on the article and fill its suggestions layer (one undo step)."""
        return self._review.suggest()

    def accept_suggestion(self, uuid: str | None = None) -> Annotation | None:
        """Make the suggestion a flag in the user's layer, its reasons kept in its note."""
        return self._review.accept(uuid)

    def dismiss_suggestion(self, uuid: str | None = None) -> bool:
        """Hide the suggestion for good; the next one is selected, to go on reviewing."""
        return self._review.dismiss(uuid)

    def accept_all_suggestions(self) -> int:
        return self._review.accept_all()

    def dismiss_all_suggestions(self) -> int:
        return self._review.dismiss_all()

    @property
    def suggestions_locked(self) -> bool:
        """Whether a teacher locked the library's suggestions: none shown, none asked for."""
        return self._lock.locked

    def refresh_suggestion_lock(self) -> bool:
        """Read the lock from the library again, and show the window as it says; whether
        suggestions are locked."""
        return self._lock.refresh()

    def ask_suggestion_lock(self) -> PinDialog:
        """The dialog that locks the suggestions with a new PIN, or unlocks them."""
        return self._lock.ask()

    @property
    def pin_dialog(self) -> PinDialog | None:
        """The lock's PIN dialog while it is open."""
        return None if self._suggestion_lock is None else self._suggestion_lock.dialog

    def set_sourced_claims_visible(self, visible: bool) -> None:
        """Show the claims the article sources as a faint marker (never stored as flags)."""
        self._review.set_sourced_claims_visible(visible)

    def sourced_claim_at(self, position: int) -> str | None:
        """Who sources the claim marked at document ``position`` ("" if unnamed), or None."""
        return self._review.sourced_claim_at(position)

    def sourced_claim_ranges(self) -> list[tuple[int, int]]:
        """Document ranges of the sourced claims marked now."""
        return list(self._review.sourced_ranges)

    def undo(self) -> None:
        self._read_lock_before_replay()
        self.flush_note()
        self._replay(self.undo_stack.undoText(), "Undone", self.undo_stack.undo)

    def redo(self) -> None:
        self._read_lock_before_replay()
        self.flush_note()
        self._replay(self.undo_stack.redoText(), "Redone", self.undo_stack.redo)

    def _read_lock_before_replay(self) -> None:
        """Another process may have locked suggestions meanwhile, and the library refuses
        a step that touches one then: reading the lock clears the stack if it turned on
        (the status bar says so), leaving nothing to undo or redo."""
        if self.is_ready():
            self.refresh_suggestion_lock()

    @property
    def replaying(self) -> bool:
        """Whether an undo or redo is running."""
        return self._replaying

    def _replay(self, text: str, done: str, step: Callable[[], None]) -> None:
        """Undo or redo one step; the flag it changes is selected, and the status bar says what."""
        self._replaying = True
        try:
            step()
        finally:
            self._replaying = False
        if text:
            self.statusBar().showMessage(f"{done}: {text}", 6000)

    def copy_selection(self) -> None:
        widget = QApplication.focusWidget()
        copy = getattr(widget, "copy", None)
        if callable(copy):
            copy()
        else:
            self.article_view.copy()

    def push(self, command: LibraryCommand) -> bool:
        """Run the command and push it on the undo stack; False (and an error dialog) if
        the library refused it. A note still waiting for its save is saved first, as its
        own step (that save comes through here too)."""
        if self._annotation_pane is not None:
            # Re-entry is harmless: the note's save clears its wait before it pushes.
            self._annotation_pane.editor.flush_pending_note()
        try:
            command.execute()
        except ReaderError as error:
            self.show_error(str(error))
            return False
        self.undo_stack.push(command)
        return True

    # Layers: the menu in layer_visibility

    @property
    def layers(self) -> list[Layer]:
        """The shown article's layers."""
        return self._layers

    def read_layers(self) -> list[Layer]:
        """Read the shown article's layers again, after a change to them."""
        assert self.article is not None
        self._layers = self.library.layers(self.article.id)
        return self._layers

    def hidden_layers(self) -> set[str]:
        return {layer.name for layer in self._layers if layer.hidden}

    def is_drawn(self, annotation: Annotation) -> bool:
        """Whether the flag is highlighted in the article: shown, in a layer not hidden,
        and not a suggestion while suggestions are locked."""
        if annotation.status is Status.SUGGESTED and self.suggestions_locked:
            return False
        return annotation.status in DRAWN_STATUSES and annotation.layer not in self.hidden_layers()

    def drawn(self, annotations: Sequence[Annotation]) -> list[Annotation]:
        return [annotation for annotation in annotations if self.is_drawn(annotation)]

    def set_layer_visible(self, name: str, visible: bool) -> None:
        from reader.gui.annotations.layers import set_layer_visible

        set_layer_visible(self, name, visible)

    # Zoom and theme

    def set_zoom(self, steps: int) -> None:
        self._zoom = max(MIN_ZOOM, min(MAX_ZOOM, steps))
        self.article_view.set_zoom(self._zoom)
        self.settings.setValue(SettingsKey.ZOOM, self._zoom)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom + 1)
        self._say_zoom()

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom - 1)
        self._say_zoom()

    def zoom_reset(self) -> None:
        self.set_zoom(0)
        self._say_zoom()

    def _say_zoom(self) -> None:
        self.statusBar().showMessage(f"Zoom {round(100 * ZOOM_FACTOR**self._zoom)}%", 3000)

    @property
    def zoom(self) -> int:
        return self._zoom

    def choose_theme(self, theme: Theme | None) -> None:
        """Use ``theme`` from now on; None: follow the system's."""
        self.settings.setValue(SettingsKey.THEME, theme.value if theme is not None else "")
        self.set_theme(theme or system_theme())

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)
        if self.toolbar.actions():
            paint_theme_icons(self)
        # The view keeps its page, flags, selection and place; only its colours change.
        self.article_view.set_theme(theme)
        if self.article is not None and self._annotation_pane is not None:
            self._review.mark_sourced_claims()
            self._show_selection(self._annotation_pane.selected_uuid())

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
        from reader.gui.shell.file_actions import drop

        drop(self, event)

    def import_paths(self, paths: Sequence[Path]) -> None:
        for path in self.classroom.take_submissions(paths):
            self.open_file(path)

    # Slots

    def _on_article_chosen(self, article_id: int) -> None:
        if self.article is None or article_id != self.article.id:
            self._show_chosen(article_id)

    def _on_note_hit_chosen(self, article_id: int, uuid: str) -> None:
        is_other = self.article is None or article_id != self.article.id
        if is_other and not self._show_chosen(article_id):
            return
        self.select_annotation(uuid)

    def _show_chosen(self, article_id: int) -> bool:
        """Show the article chosen in the library panel; if it cannot be read, the
        panel marks the article still shown again."""
        if self.show_article(article_id):
            return True
        self.library_panel.mark_current(self.article.id if self.article is not None else None)
        return False

    def _on_annotation_clicked(self, uuid: str) -> None:
        self.select_annotation(uuid or None)

    def _on_flag_requested(self, kind: object) -> None:
        if isinstance(kind, Kind):
            self.flag_selection(kind)

    def _on_zoom_changed(self, steps: int) -> None:
        if steps != self._zoom:
            self._zoom = steps
            self.settings.setValue(SettingsKey.ZOOM, steps)
            self._say_zoom()

    def _on_card_selected(self, uuid: str) -> None:
        self._show_selection(uuid or None)  # "": a filter hid the selected card

    def _on_card_activated(self, uuid: str) -> None:
        self._show_selection(uuid)
        self.article_view.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)

    def _on_focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        # The keyboard went into the library (Tab, F6, Ctrl+F) while a narrow window
        # had folded it away: show it.
        if now is not None and self.library_panel.isAncestorOf(now):
            self.splitter.unfold_library()

    def _on_color_scheme_changed(self, _scheme: QtCore.Qt.ColorScheme) -> None:
        self._follow_system_theme()
