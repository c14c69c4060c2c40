"""The main window: library panel | article | annotation pane, with menus, toolbar and undo."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QObject,
    QSize,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QFont,
    QGuiApplication,
    QHelpEvent,
    QKeySequence,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QSplitter,
    QTextEdit,
    QToolBar,
    QWidget,
)

from reader.anchoring.selectors import shorten
from reader.core.models import Annotation, Article, Kind, Layer, LayerKind, ReaderError, Status
from reader.gui.article_view import ZOOM_FACTOR, ArticleView
from reader.gui.commands import (
    AddFlagCommand,
    DeleteFlagCommand,
    EditField,
    EditFlagCommand,
    LibraryCommand,
    edited_copy,
)
from reader.gui.suggestion_commands import ReplaceFlagsCommand
from reader.gui.theme import KIND_SHORTCUTS, apply_theme, remembered_theme, system_theme
from reader.render.cache import load_last_article, save_last_article
from reader.render.palette import KIND_COLOURS, Theme

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
    from PySide6.QtWidgets import QMessageBox

    from reader.gui.annotation_pane import AnnotationPane
    from reader.gui.library_panel import LibraryPanel
    from reader.storage.library import Library

APP_NAME = "Annotated Reader"
DEFAULT_SIZE = QSize(1400, 900)
LIBRARY_MIN_WIDTH = 180
PANE_MIN_WIDTH = 260
DRAWN_STATUSES = frozenset({Status.ACTIVE, Status.SUGGESTED})
SUGGESTIONS_LAYER = LayerKind.SUGGESTIONS.value
FEW_CHANGES = 12  # fewer flags than this are redrawn one by one, more all at once
EXPORT_FILTERS = {
    "w3c": "W3C Web Annotation JSON (*.json)",
    "markdown": "Markdown (*.md)",
    "csv": "CSV (*.csv)",
}


class SettingsKey:
    GEOMETRY = "window/geometry"
    STATE = "window/state"
    SPLITTER = "window/splitter"
    ZOOM = "view/zoom"
    THEME = "view/theme"  # the user's choice: "", "light" or "dark"
    SYSTEM_THEME = "view/system_theme"  # the system's, as last seen
    TOOLBAR_HEIGHT = "window/toolbar_height"
    LAST_ARTICLE = "library/last_article"
    EXPORT_FOLDER = "export/folder"


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
    ) -> None:
        super().__init__(parent)
        if callable(library):
            self._library: Library | None = None
            self._open_library: Callable[[], Library] | None = library
        else:
            self._library, self._open_library = library, None
        self._last_article_folder: Path | None = None
        self.settings = settings
        self._forced_theme = theme
        self.theme = theme or self._preferred_theme()
        self.article: Article | None = None
        self._layers: list[Layer] = []
        self._zoom = 0
        self.error_box: QMessageBox | None = None
        self._pending_split: QByteArray | None = None
        self._needs_default_split = True
        self.undo_stack = QUndoStack(self)
        self._trigger_ranges: list[tuple[int, int]] = []
        self._sourced_ranges: list[tuple[int, int]] = []
        self._sourced_by: list[tuple[tuple[int, int], str]] = []
        self._sourced_tips: SourcedClaimTips | None = None
        self._library_panel: LibraryPanel | None = None
        self._annotation_pane: AnnotationPane | None = None
        # What the panels show, kept until they are built.
        self._pending_panels: tuple[list[Annotation], str | None] | None = None
        self._highlights_pending = False  # the article is shown, its flags not yet drawn
        self._showing_copy = False  # quick start: the article shown is not read from the library
        self._replaying = False  # an undo or redo is running
        # Counts and actions after a new flag: updated once its first frame is painted.
        self._after_new_flag = QTimer(self)
        self._after_new_flag.setSingleShot(True)
        self._after_new_flag.setInterval(0)  # a timer, not a queued call: runs after the paint
        self._after_new_flag.timeout.connect(self._update_counts_and_actions)

        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.article_view = ArticleView()
        self.article_view.setAccessibleName("Article")
        self.splitter = QSplitter()  # horizontal
        self.splitter.setChildrenCollapsible(False)
        for width in (LIBRARY_MIN_WIDTH, None, PANE_MIN_WIDTH):
            if width is None:
                self.splitter.addWidget(self.article_view)
                continue
            placeholder = QWidget()  # the panel's place and size until it is built
            placeholder.setMinimumWidth(width)
            self.splitter.addWidget(placeholder)
        self.splitter.setStretchFactor(1, 1)
        self.article_view.setMinimumWidth(320)
        self.setCentralWidget(self.splitter)

        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self._build_actions()
        self._build_menus()
        self.toolbar = self._add_toolbar()
        self._connect()
        self.article_view.painted.connect(self._on_first_paint)

    @property
    def library(self) -> Library:
        """The library; opened here at first use if the window was given a way to open it."""
        if self._library is None:
            assert self._open_library is not None
            self._library = self._open_library()
            self._open_library = None
        return self._library

    def close_library(self) -> None:
        """Close the library if it was opened."""
        if self._library is not None:
            self._library.close()

    def use_render_cache(self, folder: Path) -> None:
        """Keep rendered articles in ``folder``, and there a copy of the article shown
        last, for a quick start (see ``restore_session``)."""
        self.article_view.use_render_cache(folder)
        self._last_article_folder = folder

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
        from reader.gui.annotation_pane import AnnotationPane
        from reader.gui.library_panel import LibraryPanel

        library_panel = LibraryPanel(self.library)
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
        library_panel.reload()
        pane.set_known_tags(self.library.tags())
        pending, self._pending_panels = self._pending_panels, None
        if pending is not None and self.article is not None:
            self._fill_panels(*pending)
        else:
            self._update_status()
            self._update_suggestion_actions()
        self._follow_system_theme()
        self.ready.emit()

    def _on_first_paint(self) -> None:
        self.article_view.painted.disconnect(self._on_first_paint)
        if self._annotation_pane is None:
            QTimer.singleShot(0, self._draw_pending_highlights)

    def _draw_pending_highlights(self) -> None:
        """Start-up: draw the flags over the article painted without them, paint them at
        once, then build the panels. After a quick start, read the library first."""
        if not self._highlights_pending:
            return
        if self._showing_copy and not self._read_quick_started_article():
            return
        self._highlights_pending = False
        if self._pending_panels is not None and self.article is not None:
            self.article_view.set_annotations(self._drawn(self._pending_panels[0]))
        if self._annotation_pane is None:
            self.article_view.viewport().repaint()
            QTimer.singleShot(0, self.finish_startup)

    def _flush_note(self) -> None:
        """Save a note still waiting for its debounced save."""
        if self._annotation_pane is not None:
            self._annotation_pane.editor.flush_pending_edit()

    # Construction

    def _preferred_theme(self) -> Theme:
        return preferred_theme(self.settings)

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

    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            # setShortcuts: PySide6's setShortcut() would build the Qt namespace (see above).
            action.setShortcuts(distinct_shortcuts(shortcut))
        hint = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        label = text.replace("&", "").rstrip("…")
        action.setToolTip(f"{tip or label} ({hint})" if hint else tip or label)
        action.setStatusTip(tip or label)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.open_action = self._action(
            "&Open / Import…", self.choose_files, key.Open, "Import an article or a flag file"
        )
        self.clipboard_action = self._action(
            "New Article from &Clipboard",
            self.import_clipboard,
            "Ctrl+Shift+V",
            "Import the article on the clipboard (HTML or text)",
        )
        self.export_actions = {
            name: self._action(label, lambda _=False, n=name: self.choose_export(n), None, tip)
            for name, label, tip in (
                ("w3c", "&W3C JSON…", "Export this article's flags as W3C Web Annotations"),
                ("markdown", "&Markdown…", "Export this article's flags as Markdown notes"),
                ("csv", "&CSV…", "Export this article's flags as a spreadsheet table"),
            )
        }
        self.quit_action = self._action("&Quit", self.close, key.Quit)
        self.undo_action = self._action("&Undo", self.undo, key.Undo, "Undo the last change")
        self.redo_action = self._action("&Redo", self.redo, key.Redo, "Redo")
        self.redo_action.setShortcuts(distinct_shortcuts(key.Redo, "Ctrl+Shift+Z"))
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self.copy_action = self._action("&Copy", self.copy_selection, key.Copy)
        self.find_action = self._action(
            "&Find…",
            lambda: self.library_panel.focus_search(),
            key.Find,
            "Search articles and notes",
        )
        self.flag_actions: dict[Kind, QAction] = {}
        for kind in Kind:
            action = self._action(
                kind.label,
                lambda _=False, k=kind: self.flag_selection(k),
                KIND_SHORTCUTS[kind],
                f"Flag the selected passage as {kind.label.lower()}",
            )
            self.flag_actions[kind] = action
        self.delete_action = self._action(
            "&Delete Flag", self.delete_selected_flag, key.Delete, "Delete the selected flag"
        )
        self.delete_action.setEnabled(False)
        self._build_suggestion_actions()
        self.zoom_in_action = self._action("Zoom &In", self.zoom_in)
        self.zoom_in_action.setShortcuts(distinct_shortcuts(key.ZoomIn, "Ctrl+="))
        self.zoom_in_action.setToolTip("Larger text (Ctrl++)")
        self.zoom_out_action = self._action("Zoom &Out", self.zoom_out, key.ZoomOut, "Smaller text")
        self.zoom_reset_action = self._action(
            "&Actual Size", self.zoom_reset, "Ctrl+0", "Text at its normal size"
        )
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        stored = str(self.settings.value(SettingsKey.THEME, ""))
        for value, label in (("", "Follow System"), ("light", "Light"), ("dark", "Dark")):
            action = self._action(label, lambda _=False, v=value: self.choose_theme(v))
            action.setCheckable(True)
            action.setChecked(value == stored)
            self.theme_group.addAction(action)
            self.theme_actions[value] = action

    def _build_suggestion_actions(self) -> None:
        self.suggest_action = self._action(
            "&Suggest Flags",
            self.suggest_flags,
            "Ctrl+Shift+S",
            "Suggest opinion passages and unsourced claims, each with its reasons",
        )
        self.accept_action = self._action(
            "&Accept Suggestion",
            lambda _=False: self.accept_suggestion(),
            "Ctrl+Return",
            "Make the selected suggestion a flag of yours (A on the card)",
        )
        self.accept_action.setShortcuts(distinct_shortcuts("Ctrl+Return", "Ctrl+Enter"))
        self.dismiss_action = self._action(
            "D&ismiss Suggestion",
            lambda _=False: self.dismiss_suggestion(),
            None,
            "Hide the selected suggestion for good (D or Del on the card)",
        )
        self.accept_all_action = self._action(
            "Accept A&ll Suggestions",
            self.accept_all_suggestions,
            None,
            "Make every open suggestion a flag of yours (one step to undo)",
        )
        self.dismiss_all_action = self._action(
            "Dismiss All Su&ggestions",
            self.dismiss_all_suggestions,
            None,
            "Hide every open suggestion for good (one step to undo)",
        )
        self.show_suggestions_action = self._action(
            "Show &Suggestions",
            lambda shown=True: self.set_layer_visible(SUGGESTIONS_LAYER, bool(shown)),
            None,
            "Show or hide the app's suggestions on this article (e.g. before students see it)",
        )
        self.show_suggestions_action.setCheckable(True)
        self.show_suggestions_action.setChecked(True)
        self.show_sourced_action = self._action(
            "Show Sourced &Claims",
            lambda shown=False: self.set_sourced_claims_visible(bool(shown)),
            None,
            "Mark the factual claims the article does source, with a faint dotted line",
        )
        self.show_sourced_action.setCheckable(True)
        for action in (
            self.suggest_action,
            self.accept_action,
            self.dismiss_action,
            self.accept_all_action,
            self.dismiss_all_action,
        ):
            action.setEnabled(False)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.clipboard_action)
        export_menu = file_menu.addMenu("&Export Flags")
        for action in self.export_actions.values():
            export_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.copy_action)
        edit_menu.addAction(self.find_action)
        flag_menu = bar.addMenu("F&lag")
        for action in self.flag_actions.values():
            flag_menu.addAction(action)
        flag_menu.addSeparator()
        flag_menu.addAction(self.delete_action)
        flag_menu.addSeparator()
        for action in (
            self.suggest_action,
            self.accept_action,
            self.dismiss_action,
            self.accept_all_action,
            self.dismiss_all_action,
        ):
            flag_menu.addAction(action)
        view_menu = bar.addMenu("&View")
        view_menu.addAction(self.zoom_in_action)
        view_menu.addAction(self.zoom_out_action)
        view_menu.addAction(self.zoom_reset_action)
        view_menu.addSeparator()
        view_menu.addAction(self.show_suggestions_action)
        view_menu.addAction(self.show_sourced_action)
        self.layers_menu = view_menu.addMenu("&Layers")
        self.layers_menu.setToolTipsVisible(True)
        self.layer_actions: dict[str, QAction] = {}
        theme_menu = view_menu.addMenu("&Theme")
        for action in self.theme_actions.values():
            theme_menu.addAction(action)

    def _add_toolbar(self) -> QToolBar:
        """The toolbar, filled by ``_fill_toolbar`` just after the first paint.

        Until then it keeps the height it had last time, so that nothing moves.
        On the first start there is no such height, and it is filled at once.
        """
        toolbar = QToolBar("Flags")
        toolbar.setObjectName("flags_toolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setAccessibleName("Flag toolbar")
        self.addToolBar(toolbar)  # at the top
        height = _int_setting(self.settings.value(SettingsKey.TOOLBAR_HEIGHT), 0)
        if height > 0:
            toolbar.setMinimumHeight(height)
        else:
            self._fill_toolbar(toolbar)
        return toolbar

    def _fill_toolbar(self, toolbar: QToolBar | None = None) -> None:
        """The toolbar's buttons and the actions' icons (drawn, and the style's)."""
        toolbar = toolbar or self.toolbar
        if toolbar.actions():
            return
        from PySide6.QtWidgets import QStyle

        from reader.gui.icons import kind_icon

        toolbar.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for kind, action in self.flag_actions.items():
            action.setIcon(kind_icon(kind))
            toolbar.addAction(action)
        toolbar.addSeparator()
        style = self.style()
        self._paint_delete_icon()
        self.undo_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.redo_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        toolbar.addAction(self.delete_action)
        toolbar.addSeparator()
        toolbar.addAction(self.suggest_action)
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        toolbar.setMinimumHeight(0)
        self.settings.setValue(SettingsKey.TOOLBAR_HEIGHT, toolbar.sizeHint().height())

    def _paint_delete_icon(self) -> None:
        """The Delete Flag icon, drawn in the theme's text colour like the kind icons."""
        from reader.gui.icons import delete_icon

        self.delete_action.setIcon(delete_icon(self.palette().color(QPalette.ColorRole.ButtonText)))

    def _connect(self) -> None:
        self.article_view.annotation_clicked.connect(self._on_annotation_clicked)
        self.article_view.flag_requested.connect(self._on_flag_requested)
        self.article_view.zoom_changed.connect(self._on_zoom_changed)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        self.undo_stack.undoTextChanged.connect(
            lambda text: self._name_step(self.undo_action, "&Undo", text)
        )
        self.undo_stack.redoTextChanged.connect(
            lambda text: self._name_step(self.redo_action, "&Redo", text)
        )
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._on_color_scheme_changed)

    @staticmethod
    def _name_step(action: QAction, verb: str, text: str) -> None:
        """ "Undo Delete flag “…”": the Edit menu and the tooltip say which step."""
        label = f"{verb} {text}" if text else verb
        action.setText(label)
        action.setIconText(verb.replace("&", ""))  # the toolbar button keeps its short name
        plain = label.replace("&", "")
        action.setStatusTip(plain)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{plain} ({keys})" if keys else plain)

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
        editor = pane.editor
        editor.kind_edited.connect(self._on_kind_edited)
        editor.note_edited.connect(self._on_note_edited)
        editor.tags_edited.connect(self._on_tags_edited)
        editor.source_edited.connect(self._on_source_edited)
        editor.delete_requested.connect(self._on_delete_requested)
        editor.undo_redirect.undo_requested.connect(self.undo)
        editor.undo_redirect.redo_requested.connect(self.redo)

    # Start-up and settings

    def restore_session(self, article_id: int | None = None) -> None:
        """Layout, zoom and the article shown last time (or ``article_id``).

        Quick start: if the window was given a way to open the library (not the library
        itself) and the render cache holds a copy of the article to show (written on
        closing, see ``use_render_cache``), the copy is shown without opening the library:
        importing the storage code and reading SQLite would delay the first paint by
        ~7 ms. Right after that paint the library is opened and the article, its flags and
        layers read; an article changed meanwhile (or gone) replaces the copy before the
        flags are drawn, so from the next frame on the window is as a normal start left it.
        """
        geometry = self.settings.value(SettingsKey.GEOMETRY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(DEFAULT_SIZE)
        state = self.settings.value(SettingsKey.STATE)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        split = self.settings.value(SettingsKey.SPLITTER)
        self._pending_split = split if isinstance(split, QByteArray) else None
        self.set_zoom(_int_setting(self.settings.value(SettingsKey.ZOOM), 0))
        if self._library_panel is not None:
            self._library_panel.reload()
            self.annotation_pane.set_known_tags(self.library.tags())
        if article_id is None:
            article_id = _int_setting(self.settings.value(SettingsKey.LAST_ARTICLE), -1)
        copy = self._last_article_copy(article_id)
        if copy is not None:
            self._show(copy, [], [], None, highlights_later=True)
            self._showing_copy = True
        else:
            shown = self._article_to_show(article_id)
            if shown is not None:
                # Before the first paint, the highlights come just after it (see show_article).
                self.show_article(shown, highlights_later=self._annotation_pane is None)
        self.article_view.setFocus()

    def _last_article_copy(self, article_id: int) -> Article | None:
        """The copy of the article to show, for a quick start; None when it cannot be one."""
        folder = self._last_article_folder
        if self._library is not None or self._annotation_pane is not None or folder is None:
            return None
        return load_last_article(folder, article_id)

    def _article_to_show(self, article_id: int) -> int | None:
        """``article_id`` if the library has it, else the first it lists, else None."""
        ids = [summary.id for summary in self.library.articles()]  # as the library lists them
        if article_id in ids:
            return article_id
        return ids[0] if ids else None

    def _read_quick_started_article(self) -> bool:
        """After a quick start: open the library and show what it holds in place of the
        copy, re-rendered only if it differs. False if the library cannot be opened."""
        copy = self.article
        assert copy is not None
        try:
            article_id = self._article_to_show(copy.id)  # opens the library
        except ReaderError as error:
            self._highlights_pending = False
            self._library_failed(error)
            return False
        read = self._read(article_id) if article_id is not None else None
        if read is None:
            self._clear_article()
            return True
        article, annotations, layers = read
        changed = article != copy  # edited or imported again since, or another article
        self._show(article, annotations, layers, None, highlights_later=True, render=changed)
        return True

    def _library_failed(self, error: ReaderError) -> None:
        """The library of a quick start cannot be opened: say so, as a normal start would
        have before showing the window; ``library_failed`` once the message is closed."""
        self._clear_article()
        self.show_error(f"Cannot open the library: {error}")
        assert self.error_box is not None
        self.error_box.finished.connect(lambda _result: self.library_failed.emit())

    def _clear_article(self) -> None:
        self.article = None
        self._layers = []
        self._pending_panels = None
        self._showing_copy = False
        self.article_view.clear_article()
        self.setWindowTitle(APP_NAME)
        self.suggest_action.setEnabled(False)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The split is restored once the window has its final size, or the
        # splitter would spread the size change over the restored panes.
        split, self._pending_split = self._pending_split, None
        restored = split is not None and self.splitter.restoreState(split)
        if not restored and self._needs_default_split:
            self.splitter.setSizes(default_split(self.splitter.width()))
        self._needs_default_split = False

    def save_session(self) -> None:
        self.settings.setValue(SettingsKey.GEOMETRY, self.saveGeometry())
        self.settings.setValue(SettingsKey.STATE, self.saveState())
        self.settings.setValue(SettingsKey.SPLITTER, self.splitter.saveState())
        self.settings.setValue(SettingsKey.ZOOM, self._zoom)
        if self.article is not None:
            self.settings.setValue(SettingsKey.LAST_ARTICLE, self.article.id)
            if self._last_article_folder is not None:
                save_last_article(self._last_article_folder, self.article)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._flush_note()
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
        self._flush_note()
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
            drawn = [] if highlights_later else self._drawn(annotations)
            self.article_view.show_article(article, drawn, self.theme)
        # Only the title: the platform adds the application's display name after it.
        self.setWindowTitle(article.title or "Untitled")
        self.settings.setValue(SettingsKey.LAST_ARTICLE, article.id)
        self.suggest_action.setEnabled(True)
        self.show_suggestions_action.setChecked(SUGGESTIONS_LAYER not in self._hidden_layers())
        if self._annotation_pane is None:
            self._pending_panels = (annotations, select_uuid or None)
        else:
            self._fill_panels(annotations, select_uuid or None)

    def _fill_panels(self, annotations: list[Annotation], select_uuid: str | None) -> None:
        """The shown article's flags in the pane, menus and status bar; its row marked."""
        assert self.article is not None
        self.annotation_pane.set_annotations(annotations, self._layers)
        self.library_panel.mark_current(self.article.id)
        self._rebuild_layers_menu()
        self._update_status()
        self._mark_sourced_claims()
        self.select_annotation(select_uuid)

    def open_file(self, path: Path) -> bool:
        """Import ``path`` (an article or a flag file) and show its article."""
        from reader.actions import (
            describe_import,
            import_article_file,
            import_flag_file,
            is_flag_file,
        )

        try:
            if is_flag_file(path):
                flags = import_flag_file(self.library, path)
                article_id = flags.article_id
                message = f"Added {flags.added} flags from {path.name}"
            else:
                result = import_article_file(self.library, path)
                article_id = result.article.id
                message = describe_import(result)
        except ReaderError as error:
            self.show_error(import_error_text(path, str(error)))
            return False
        except OSError as error:
            self.show_error(f"Cannot read {path.name}: {error.strerror or error}")
            return False
        self._after_import(article_id, message)
        return True

    def import_clipboard(self) -> bool:
        from reader.actions import describe_import
        from reader.importers.articles import article_from_html, article_from_text

        data = QApplication.clipboard().mimeData()
        try:
            if data is not None and data.hasHtml() and data.html().strip():
                meta = article_from_html(data.html())
            elif data is not None and data.hasText() and data.text().strip():
                meta = article_from_text(data.text())
            else:
                raise ReaderError("the clipboard holds no text")
            result = self.library.import_article(meta)
        except ReaderError as error:
            self.show_error(f"Cannot import the clipboard: {error}")
            return False
        self._after_import(result.article.id, describe_import(result))
        return True

    def _after_import(self, article_id: int, message: str) -> None:
        self.library_panel.clear_filters()  # or the new article might not be listed
        self.library_panel.reload()
        self.annotation_pane.set_known_tags(self.library.tags())
        self.show_article(article_id)
        self.statusBar().showMessage(message[:1].upper() + message[1:], 8000)

    def choose_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from reader.importers.articles import ARTICLE_SUFFIXES

        patterns = " ".join(f"*{suffix}" for suffix in sorted(ARTICLE_SUFFIXES))
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            "Open or import",
            "",
            f"Articles ({patterns});;Flag files (*.json *.jsonld);;All files (*)",
        )
        for name in paths:
            self.open_file(Path(name))

    def choose_export(self, format_name: str) -> None:
        from PySide6.QtWidgets import QFileDialog

        from reader.actions import ExportFormat

        if self.article is None:
            self.show_error("Open an article first.")
            return
        export_format = ExportFormat(format_name)
        suggested = self.export_folder() / export_file_name(
            self.article.title, export_format.suffix
        )
        name, _ = QFileDialog.getSaveFileName(
            self, "Export flags", str(suggested), EXPORT_FILTERS[format_name]
        )
        if name:
            self.settings.setValue(SettingsKey.EXPORT_FOLDER, str(Path(name).parent))
            self.export_flags(format_name, Path(name))

    def export_folder(self) -> Path:
        """The folder of the last export, else the user's Documents folder."""
        from PySide6.QtCore import QStandardPaths

        last = str(self.settings.value(SettingsKey.EXPORT_FOLDER, "") or "")
        if last and Path(last).is_dir():
            return Path(last)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents) if documents else Path.home()

    def export_flags(self, format_name: str, path: Path) -> bool:
        """Write the current article's flags to ``path`` as W3C JSON, Markdown or CSV."""
        from reader.actions import ExportFormat, export_text, write_file_atomically

        if self.article is None:
            self.show_error("Open an article first.")
            return False
        self._flush_note()
        try:
            content = export_text(self.library, self.article.id, ExportFormat(format_name))
            write_file_atomically(path, content)
        except ReaderError as error:
            self.show_error(f"Cannot export: {error}")
            return False
        self.statusBar().showMessage(f"Exported flags to {path}", 8000)
        return True

    # Flags

    def flag_selection(self, kind: Kind) -> Annotation | None:
        """Flag the passage selected in the article; the new card opens with its note editor."""
        if self.article is None:
            return None
        anchor = self.article_view.selected_anchor()
        if anchor is None or not anchor.exact.strip():
            self.statusBar().showMessage("Select a passage in the article first", 5000)
            return None
        self._flush_note()
        annotation = Annotation(article_id=self.article.id, kind=kind, anchor=anchor)
        if not self._push(AddFlagCommand(self.library, self, annotation)):
            return None
        cursor = self.article_view.textCursor()
        cursor.clearSelection()  # so the new highlight shows instead of the selection colour
        self.article_view.setTextCursor(cursor)
        self.annotation_pane.focus_note_editor()
        self.statusBar().showMessage(f"Flagged as {kind.label.lower()}", 4000)
        return annotation

    def select_annotation(self, uuid: str | None) -> None:
        self.annotation_pane.select_annotation(uuid)
        self._show_selection(uuid)

    def _show_selection(self, uuid: str | None) -> None:
        """Mark the flag in the article (a suggestion with its trigger words) and update actions."""
        self._mark_selection(uuid)
        self._update_suggestion_actions()

    def _mark_selection(self, uuid: str | None) -> None:
        self.article_view.select_annotation(uuid)
        annotation = self.annotation_pane.model.annotation(uuid) if uuid else None
        suggested = annotation is not None and annotation.status is Status.SUGGESTED
        if annotation is not None and suggested and self.article_view.selected_annotation() == uuid:
            self._trigger_ranges = mark_triggers(self.article_view, annotation)
        else:
            self._trigger_ranges = []
        self.delete_action.setEnabled(annotation is not None and not suggested)

    def trigger_ranges(self) -> list[tuple[int, int]]:
        """Document ranges of the trigger words marked in the selected suggestion's passage."""
        return list(self._trigger_ranges)

    def delete_selected_flag(self) -> None:
        """Delete the selected flag; on a suggestion, Delete dismisses it."""
        uuid = self.annotation_pane.selected_uuid()
        annotation = self.annotation_pane.model.annotation(uuid) if uuid else None
        if annotation is not None and annotation.status is Status.SUGGESTED:
            self.dismiss_suggestion(annotation.uuid)
        elif uuid is not None:
            self._on_delete_requested(uuid)

    # Suggestions

    def suggest_flags(self) -> int | None:
        """Run the detector on the article and fill its suggestions layer (one undo step)."""
        from reader.detectors import suggest
        from reader.suggestions import plan_suggestions

        if self.article is None:
            return None
        self._flush_note()
        article = self.article
        QApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)
        try:
            stale, fresh = plan_suggestions(
                article, self.library.annotations(article.id), suggest(article.text)
            )
        except ReaderError as error:
            self.show_error(f"Cannot suggest flags: {error}")
            return None
        finally:
            QApplication.restoreOverrideCursor()
        if SUGGESTIONS_LAYER in self._hidden_layers():
            self.set_layer_visible(SUGGESTIONS_LAYER, True)
        count = len(fresh)
        if (stale or fresh) and not self._push(
            ReplaceFlagsCommand(f"Suggest flags ({count})", self.library, self, stale, fresh)
        ):
            return None
        self.statusBar().showMessage(
            f"{count} suggestion{'' if count == 1 else 's'}" if count else "No suggestions", 6000
        )
        if fresh:
            self.annotation_pane.card_list.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
        return count

    def _suggestion(self, uuid: str | None) -> Annotation | None:
        """The open suggestion ``uuid`` (or the selected one), if there is one."""
        uuid = uuid or self.annotation_pane.selected_uuid()
        annotation = self.annotation_pane.model.annotation(uuid) if uuid else None
        if annotation is None or annotation.status is not Status.SUGGESTED:
            return None
        return annotation

    def accept_suggestion(self, uuid: str | None = None) -> Annotation | None:
        """Make the suggestion a flag in the user's layer, its reasons kept in its note.

        Like a dismissal, it moves on to the next suggestion with the focus in the
        card list, so that A and D go on reviewing (the note can be edited later).
        """
        from reader.suggestions import accepted

        suggestion = self._suggestion(uuid)
        if suggestion is None:
            return None
        following = self._next_suggestion(suggestion)
        flag = accepted(suggestion)
        label = f"Accept suggestion “{shorten(suggestion.anchor.exact, 30)}”"
        if not self._push(ReplaceFlagsCommand(label, self.library, self, [suggestion], [flag])):
            return None
        self.select_annotation(following.uuid if following is not None else flag.uuid)
        self.annotation_pane.card_list.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
        self.statusBar().showMessage(
            f"Accepted as {flag.kind.label.lower()}, the reasons in its note", 4000
        )
        return flag

    def dismiss_suggestion(self, uuid: str | None = None) -> bool:
        """Hide the suggestion for good; the next one is selected, to go on reviewing."""
        from reader.suggestions import dismissed

        suggestion = self._suggestion(uuid)
        if suggestion is None:
            return False
        following = self._next_suggestion(suggestion)
        label = f"Dismiss suggestion “{shorten(suggestion.anchor.exact, 30)}”"
        command = ReplaceFlagsCommand(
            label, self.library, self, [suggestion], [dismissed(suggestion)]
        )
        if not self._push(command):
            return False
        if following is not None:
            self.select_annotation(following.uuid)
            self.annotation_pane.card_list.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
        self.statusBar().showMessage("Suggestion dismissed", 4000)
        return True

    def _next_suggestion(self, current: Annotation) -> Annotation | None:
        """The suggestion after ``current`` in reading order, else the first one left."""
        waiting = self.annotation_pane.open_suggestions()
        uuids = [a.uuid for a in waiting]
        if current.uuid not in uuids:
            return waiting[0] if waiting else None
        at = uuids.index(current.uuid)
        following = waiting[at + 1 :] or waiting[:at]
        return following[0] if following else None

    def accept_all_suggestions(self) -> int:
        from reader.suggestions import accepted

        waiting = self.annotation_pane.open_suggestions()
        flags = [accepted(suggestion) for suggestion in waiting]
        label = f"Accept {len(waiting)} suggestions"
        if not waiting or not self._push(
            ReplaceFlagsCommand(label, self.library, self, waiting, flags)
        ):
            return 0
        self.statusBar().showMessage(f"Accepted {len(waiting)} suggestions", 6000)
        return len(waiting)

    def dismiss_all_suggestions(self) -> int:
        from reader.suggestions import dismissed

        waiting = self.annotation_pane.open_suggestions()
        hidden = [dismissed(suggestion) for suggestion in waiting]
        label = f"Dismiss {len(waiting)} suggestions"
        if not waiting or not self._push(
            ReplaceFlagsCommand(label, self.library, self, waiting, hidden)
        ):
            return 0
        self.statusBar().showMessage(f"Dismissed {len(waiting)} suggestions", 6000)
        return len(waiting)

    def set_sourced_claims_visible(self, visible: bool) -> None:
        """Show the claims the article sources as a faint marker (never stored as flags).

        Hovering over one shows who or what sources it.
        """
        self.show_sourced_action.setChecked(visible)
        if visible and self._sourced_tips is None:
            self._sourced_tips = SourcedClaimTips(self)
            self.article_view.viewport().installEventFilter(self._sourced_tips)
        self._mark_sourced_claims()

    def sourced_claim_at(self, position: int) -> str | None:
        """Who sources the claim marked at document ``position`` ("" if unnamed), or None."""
        for (start, end), attribution in self._sourced_by:
            if start <= position < end:
                return attribution
        return None

    def sourced_claim_ranges(self) -> list[tuple[int, int]]:
        """Document ranges of the sourced claims marked now."""
        return list(self._sourced_ranges)

    def _mark_sourced_claims(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        self._sourced_ranges = []
        self._sourced_by = []
        if self.show_sourced_action.isChecked() and self.article is not None:
            # Imported here: the detector stays off the path to the first painted article.
            from reader.detectors import SuggestionKind, suggest

            try:
                found = suggest(self.article.text, kinds=[], include_sourced=True)
            except ReaderError as error:
                self.show_error(f"Cannot find sourced claims: {error}")
                found = []
            mark = QTextCharFormat()
            mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            mark.setUnderlineColor(self.palette().color(QPalette.ColorRole.PlaceholderText))
            for claim in found:
                span = self.article_view.document_range(claim.start, claim.end)
                if claim.kind is not SuggestionKind.SOURCED_CLAIM or span is None:
                    continue
                selection = QTextEdit.ExtraSelection()
                cursor = QTextCursor(self.article_view.document())
                cursor.setPosition(span[0])
                cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
                selection.cursor = cursor
                selection.format = mark
                selections.append(selection)
                self._sourced_ranges.append(span)
                self._sourced_by.append((span, claim.attribution))
        self.article_view.setExtraSelections(selections)

    def _update_suggestion_actions(self) -> None:
        selected = self._suggestion(None) is not None
        waiting = bool(self.annotation_pane.open_suggestions())
        self.suggest_action.setEnabled(self.article is not None)
        self.accept_action.setEnabled(selected)
        self.dismiss_action.setEnabled(selected)
        self.accept_all_action.setEnabled(waiting)
        self.dismiss_all_action.setEnabled(waiting)

    def undo(self) -> None:
        self._flush_note()
        self._replay(self.undo_stack.undoText(), "Undone", self.undo_stack.undo)

    def redo(self) -> None:
        self._flush_note()
        self._replay(self.undo_stack.redoText(), "Redone", self.undo_stack.redo)

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

    def _push(self, command: LibraryCommand) -> bool:
        try:
            command.execute()
        except ReaderError as error:
            self.show_error(str(error))
            return False
        self.undo_stack.push(command)
        return True

    def _edit(self, uuid: str, edited: EditField, **changes: object) -> None:
        before = self.annotation_pane.model.annotation(uuid)
        if before is None:
            return
        after = edited_copy(before, **changes)  # type: ignore[arg-type]
        self._push(EditFlagCommand(self.library, self, before, after, edited))

    # AnnotationSink: called by the undo commands after each write

    def annotation_added(self, annotation: Annotation) -> None:
        if self.article is None or annotation.article_id != self.article.id:
            self.show_article(annotation.article_id, annotation.uuid)
            return
        # What the user waits for is in the first frame: the flag saved, its highlight
        # and the flag in the editor. The card list selects (and so lays its cards out
        # again), and the counts and actions follow, once that frame is painted.
        pane = self.annotation_pane
        pane.add_annotation(annotation)
        if self._is_drawn(annotation):
            self.article_view.add_highlight(annotation, select=True)
        pane.open_in_editor(annotation.uuid)
        self._mark_selection(annotation.uuid)
        self._after_new_flag.start()

    def annotation_changed(self, annotation: Annotation) -> None:
        if self.article is None or annotation.article_id != self.article.id:
            self.show_article(annotation.article_id, annotation.uuid)
            return
        before = self.annotation_pane.model.annotation(annotation.uuid)
        self.annotation_pane.update_annotation(annotation)
        if self._is_drawn(annotation):
            self.article_view.update_highlight(annotation)
        if self._replaying and self.annotation_pane.selected_uuid() != annotation.uuid:
            self.select_annotation(annotation.uuid)  # show what the undo changed
        if before is None or before.tags != annotation.tags:
            self.annotation_pane.set_known_tags(self.library.tags())
        if before is None or _counted_as(before) != _counted_as(annotation):
            self._counts_changed()

    def annotation_removed(self, annotation: Annotation) -> None:
        if self.article is None or annotation.article_id != self.article.id:
            self.show_article(annotation.article_id)
            return
        was_selected = self.annotation_pane.selected_uuid() == annotation.uuid
        self.annotation_pane.remove_annotation(annotation.uuid)
        self.article_view.remove_highlight(annotation.uuid)
        if was_selected:
            self.select_annotation(None)
        self._counts_changed()

    def annotations_replaced(
        self, removed: Sequence[Annotation], added: Sequence[Annotation]
    ) -> None:
        """Many flags changed at once: one update of the pane, the view and the counts."""
        touched = [*removed, *added]
        if not touched:
            return
        if self.article is None or any(a.article_id != self.article.id for a in touched):
            self.show_article(touched[0].article_id)
            return
        selected = self.annotation_pane.selected_uuid()
        self.annotation_pane.replace_annotations([a.uuid for a in removed], added)
        if {a.layer for a in added} - {layer.name for layer in self._layers}:
            self._layers = self.library.layers(self.article.id)
            self.annotation_pane.set_layers(self._layers)
            self._rebuild_layers_menu()
        if len(touched) < FEW_CHANGES:
            for annotation in removed:
                self.article_view.remove_highlight(annotation.uuid)
            for annotation in added:
                if self._is_drawn(annotation):
                    self.article_view.add_highlight(annotation)
        else:
            self.article_view.set_annotations(self._drawn(self.annotation_pane.model.annotations()))
        if len(added) == 1 and self._is_drawn(added[0]):
            selected = added[0].uuid
        current = self.annotation_pane.model.annotation(selected) if selected else None
        self.select_annotation(current.uuid if current and self._is_drawn(current) else None)
        self._counts_changed()

    def _update_counts_and_actions(self) -> None:
        self._counts_changed()
        self._update_suggestion_actions()

    def _counts_changed(self) -> None:
        if self.article is not None:
            self.library_panel.update_counts(self.article.id, self.annotation_pane.model.counts())
        self._update_status()

    def _update_status(self) -> None:
        counts = self.annotation_pane.model.counts()
        parts = [
            f"{count} {kind.label.lower()}{'' if count == 1 else 's'}"
            for kind, count in counts.items()
            if count
        ]
        waiting = len(self.annotation_pane.open_suggestions())
        if waiting:
            parts.append(f"{waiting} suggestion{'' if waiting == 1 else 's'}")
        self.status_label.setText(" · ".join(parts) if parts else "No flags")

    # Layers

    def _hidden_layers(self) -> set[str]:
        return {layer.name for layer in self._layers if layer.hidden}

    def _is_drawn(self, annotation: Annotation) -> bool:
        return annotation.status in DRAWN_STATUSES and annotation.layer not in self._hidden_layers()

    def _drawn(self, annotations: Sequence[Annotation]) -> list[Annotation]:
        return [annotation for annotation in annotations if self._is_drawn(annotation)]

    def _rebuild_layers_menu(self) -> None:
        self.layers_menu.clear()
        self.layer_actions = {}
        names = sorted(
            {layer.name for layer in self._layers}
            | {a.layer for a in self.annotation_pane.model.annotations()}
        )
        hidden = self._hidden_layers()
        for name in names:
            action = QAction(name, self.layers_menu)
            action.setCheckable(True)
            action.setChecked(name not in hidden)
            action.setToolTip(f"Show or hide the flags of layer {name!r}")
            action.toggled.connect(lambda shown, n=name: self.set_layer_visible(n, shown))
            self.layers_menu.addAction(action)
            self.layer_actions[name] = action
        self.layers_menu.setEnabled(bool(names))
        self.show_suggestions_action.setChecked(SUGGESTIONS_LAYER not in hidden)

    def set_layer_visible(self, name: str, visible: bool) -> None:
        if self.article is None:
            return
        try:
            self.library.set_layer_hidden(self.article.id, name, not visible)
        except ReaderError as error:
            self.show_error(str(error))
            return
        selected = self.annotation_pane.selected_uuid()
        self._layers = self.library.layers(self.article.id)
        annotations = self.annotation_pane.model.annotations()
        self.article_view.set_annotations(self._drawn(annotations))
        self.annotation_pane.set_layers(self._layers)
        action = self.layer_actions.get(name)
        if action is not None and action.isChecked() != visible:
            action.blockSignals(True)
            action.setChecked(visible)
            action.blockSignals(False)
        if name == SUGGESTIONS_LAYER:
            self.show_suggestions_action.setChecked(visible)
        current = self.annotation_pane.model.annotation(selected) if selected else None
        self.select_annotation(current.uuid if current and self._is_drawn(current) else None)
        self._update_status()

    # Zoom and theme

    def set_zoom(self, steps: int) -> None:
        self._zoom = max(-5, min(10, steps))
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

    def choose_theme(self, value: str) -> None:
        self.settings.setValue(SettingsKey.THEME, value)
        self.set_theme(Theme(value) if value else system_theme())

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)
        if self.toolbar.actions():
            self._paint_delete_icon()
        # The view keeps its page, flags, selection and place; only its colours change.
        self.article_view.set_theme(theme)
        if self.article is not None and self._annotation_pane is not None:
            self._mark_sourced_claims()
            self._show_selection(self._annotation_pane.selected_uuid())

    # Errors

    def show_error(self, message: str) -> None:
        """A warning dialog; window-modal but not blocking, so tests can find and close it."""
        from PySide6.QtWidgets import QMessageBox  # dialogs: imported when first shown

        box = QMessageBox(
            QMessageBox.Icon.Warning, APP_NAME, message, QMessageBox.StandardButton.Ok, self
        )
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
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        # Import after the drop returns, so an error dialog does not block the drag source.
        QTimer.singleShot(0, lambda: self.import_paths(paths))

    def import_paths(self, paths: Sequence[Path]) -> None:
        for path in paths:
            self.open_file(path)

    # Slots

    def _on_article_chosen(self, article_id: int) -> None:
        if self.article is None or article_id != self.article.id:
            self.show_article(article_id)

    def _on_note_hit_chosen(self, article_id: int, uuid: str) -> None:
        is_other = self.article is None or article_id != self.article.id
        if is_other and not self.show_article(article_id):
            return
        self.select_annotation(uuid)

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

    def _on_kind_edited(self, uuid: str, kind: object) -> None:
        if isinstance(kind, Kind):
            self._edit(uuid, EditField.KIND, kind=kind)

    def _on_note_edited(self, uuid: str, note: str) -> None:
        self._edit(uuid, EditField.NOTE, note=note)

    def _on_tags_edited(self, uuid: str, tags: object) -> None:
        if isinstance(tags, list):
            self._edit(uuid, EditField.TAGS, tags=[str(tag) for tag in tags])

    def _on_source_edited(self, uuid: str, source: str) -> None:
        self._edit(uuid, EditField.SOURCE, source=source)

    def _on_delete_requested(self, uuid: str) -> None:
        annotation = self.annotation_pane.model.annotation(uuid)
        if annotation is not None and self._push(DeleteFlagCommand(self.library, self, annotation)):
            undo = self.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            self.statusBar().showMessage(f"Deleted flag — {undo} to undo", 6000)

    def _on_color_scheme_changed(self, _scheme: QtCore.Qt.ColorScheme) -> None:
        self._follow_system_theme()


class SourcedClaimTips(QObject):
    """Tooltips over the marked sourced claims of the window's article: their source."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        view = self._window.article_view
        position = view.cursorForPosition(event.pos()).position()
        attribution = self._window.sourced_claim_at(position)
        if attribution is None:
            return False
        from PySide6.QtWidgets import QToolTip

        source = f"“{attribution}”" if attribution else "the article"
        QToolTip.showText(event.globalPos(), f"Sourced claim: attributed to {source}", view)
        return True


def distinct_shortcuts(*keys: QKeySequence | QKeySequence.StandardKey | str) -> list[QKeySequence]:
    """The key sequences, a standard key as all its platform bindings, each sequence once.

    A sequence given twice makes the action's shortcut ambiguous, and Qt then fires
    neither: X11's standard Redo already is Ctrl+Shift+Z, for one.
    """
    found: list[QKeySequence] = []
    for key in keys:
        if isinstance(key, QKeySequence.StandardKey):
            sequences = QKeySequence.keyBindings(key)
        else:
            sequences = [QKeySequence(key)]
        for sequence in sequences:
            if not sequence.isEmpty() and sequence not in found:
                found.append(sequence)
    return found


def export_file_name(title: str, suffix: str) -> str:
    """A file name from the article's title: its words, single spaces, no punctuation."""
    words = re.findall(r"\w+(?:[-'’]\w+)*", title)
    stem = " ".join(words)[:80].strip()
    return f"{stem or 'flags'}{suffix}"


def import_error_text(path: Path, message: str) -> str:
    """The message of a failed import, naming the file once."""
    if path.name not in message:
        message = f"cannot import {path.name}: {message}"
    return message[:1].upper() + message[1:]


def preferred_theme(settings: QSettings) -> Theme:
    """The theme the user chose, else the system's as seen last time, else the system's."""
    return (
        remembered_theme(settings.value(SettingsKey.THEME, ""))
        or remembered_theme(settings.value(SettingsKey.SYSTEM_THEME, ""))
        or system_theme()
    )


def mark_triggers(view: ArticleView, annotation: Annotation) -> list[tuple[int, int]]:
    """Mark the words that made the detector suggest this passage: bold, solidly underlined.

    The marks live in the document's formats inside the passage, so the view's
    own redraw of the passage (when the selection moves on) takes them away.
    """
    from reader.suggestions import trigger_spans

    mark = QTextCharFormat()
    mark.setFontWeight(QFont.Weight.Bold)
    mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    mark.setUnderlineColor(QColor(KIND_COLOURS[annotation.kind]))
    cursor = QTextCursor(view.document())
    marked: list[tuple[int, int]] = []
    cursor.beginEditBlock()
    for start, end in trigger_spans(annotation):
        span = view.document_range(start, end)
        if span is None:
            continue
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(mark)
        marked.append(span)
    cursor.endEditBlock()
    return marked


def _counted_as(annotation: Annotation) -> tuple[Kind, Status, str]:
    """What the flag counts in the library panel and the status bar depend on."""
    return annotation.kind, annotation.status, annotation.layer


def default_split(width: int) -> list[int]:
    """Library, article and pane widths for a first start: the article gets the most."""
    library = min(280, width // 5)
    pane = min(400, (width * 3) // 10)
    return [library, max(0, width - library - pane), pane]


def _int_setting(value: object, default: int) -> int:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return default
