"""The main window's actions, menus and toolbar.

``build_actions`` makes the actions, with their names, shortcuts and tips, and
returns them as one ``WindowActions``; the window connects them to what they do.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QActionGroup, QColor, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from reader.core.models import Kind
from reader.core.palette import Theme
from reader.gui.common.actions import distinct_shortcuts, set_tips
from reader.gui.reading.flag_keys import FLAG_KEYS
from reader.gui.suggestions.tips import ACCEPT_TIP, DISMISS_TIP, LOCK_TIP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QMenuBar, QStyle, QWidget

    from reader.gui.classroom.actions import ClassroomActions
    from reader.services.article_files import ExportFormat


def add_action(
    parent: QWidget,
    text: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    tip: str = "",
) -> QAction:
    """An action of ``parent``, its shortcut live wherever the focus is in that window."""
    action = QAction(text, parent)
    if shortcut is not None:
        # setShortcuts: PySide6's setShortcut() would build the Qt namespace (see MainWindow).
        action.setShortcuts(distinct_shortcuts(shortcut))
    set_tips(action, tip or text.replace("&", "").rstrip("…"))
    parent.addAction(action)
    return action


class WindowActions:
    """The window's actions; what each does is connected by the window."""

    def __init__(self, parent: QWidget, stored_theme: Theme | None) -> None:
        """``stored_theme``: the theme the user chose (None: follow the system)."""
        key = QKeySequence.StandardKey
        self.open = add_action(
            parent, "&Open / Import…", key.Open, "Import an article or a flag file"
        )
        self.clipboard = add_action(
            parent,
            "New Article from &Clipboard",
            "Ctrl+Shift+V",
            "Import the article on the clipboard (HTML or text)",
        )
        self.quit = add_action(parent, "&Quit", key.Quit)
        self.undo = add_action(parent, "&Undo", key.Undo, "Undo the last change")
        self.redo = add_action(parent, "&Redo", key.Redo, "Redo")
        self.redo.setShortcuts(distinct_shortcuts(key.Redo, "Ctrl+Shift+Z"))
        self.undo.setEnabled(False)
        self.redo.setEnabled(False)
        self.copy = add_action(parent, "&Copy", key.Copy)
        self.find = add_action(parent, "&Find…", key.Find, "Search articles and notes")
        self.settings = add_action(
            parent, "Se&ttings…", "Ctrl+,", "What suggestions learned in this library, and more"
        )
        # the platform's own (none on Windows), and Ctrl+, everywhere
        self.settings.setShortcuts(distinct_shortcuts(key.Preferences, "Ctrl+,"))
        self.settings.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.flags: dict[Kind, QAction] = {
            kind: add_action(
                parent, kind.label, flag_key, f"Flag the selected passage as {kind.label.lower()}"
            )
            for flag_key, kind in FLAG_KEYS.items()
        }
        self.delete = add_action(parent, "&Delete Flag", key.Delete, "Delete the selected flag")
        self.delete.setEnabled(False)
        self.suggest = add_action(
            parent,
            "&Suggest Flags",
            "Ctrl+Shift+S",
            "Suggest opinion passages and unsourced claims, each with its reasons",
        )
        self.accept = add_action(parent, "&Accept Suggestion", "Ctrl+Return", ACCEPT_TIP)
        self.accept.setShortcuts(distinct_shortcuts("Ctrl+Return", "Ctrl+Enter"))
        self.dismiss = add_action(
            parent,
            "D&ismiss Suggestion",
            "Ctrl+Shift+D",  # not Ctrl+Backspace: text boxes delete a word with it
            DISMISS_TIP,
        )
        self.accept_all = add_action(
            parent,
            "Accept A&ll Suggestions",
            None,
            "Make every open suggestion a flag of yours (one step to undo)",
        )
        self.dismiss_all = add_action(
            parent,
            "Dismiss All Su&ggestions",
            None,
            "Hide every open suggestion for good (one step to undo)",
        )
        self.show_suggestions = add_action(
            parent,
            "Show &Suggestions",
            None,
            "Show or hide the app's suggestions on this article (e.g. before students see it)",
        )
        self.show_suggestions.setCheckable(True)
        self.show_suggestions.setChecked(True)
        self.show_sourced = add_action(
            parent,
            "Show Sourced &Claims",
            None,
            "Mark the factual claims the article does source, with a faint dotted line",
        )
        self.show_sourced.setCheckable(True)
        # Its name and tips follow the lock once it is read (SuggestionLock.show_controls).
        self.lock_suggestions = add_action(parent, "Lock Suggestions…", None, LOCK_TIP)
        for action in self.review():
            action.setEnabled(False)
        self.zoom_in = add_action(parent, "Zoom &In")
        self.zoom_in.setShortcuts(distinct_shortcuts(key.ZoomIn, "Ctrl+="))
        self.zoom_in.setToolTip("Larger text (Ctrl++)")
        self.zoom_out = add_action(parent, "Zoom &Out", key.ZoomOut, "Smaller text")
        self.zoom_reset = add_action(parent, "&Actual Size", "Ctrl+0", "Text at its normal size")
        self.compare_with = add_action(
            parent,
            "Co&mpare With…",
            None,
            "Show another article beside this one, sentence by sentence",
        )
        self.compare_selected = add_action(
            parent,
            "Compare Selected Articles",
            "Ctrl+D",
            "Compare the two articles selected in the library",
        )
        self.changes = add_action(
            parent,
            "C&hanges Since Version…",
            None,
            "What changed since an earlier version, and its flags",
        )
        self.leave_compare = add_action(
            parent, "Leave Compare", "Esc", "Back to the single article"
        )
        self.leave_compare.setEnabled(False)
        self.theme_group = QActionGroup(parent)
        self.themes: dict[Theme | None, QAction] = {}  # None: follow the system
        choices: tuple[tuple[Theme | None, str], ...] = (
            (None, "Follow System"),
            (Theme.LIGHT, "Light"),
            (Theme.DARK, "Dark"),
        )
        for theme, label in choices:
            action = add_action(parent, label)
            action.setCheckable(True)
            action.setChecked(theme is stored_theme)
            self.theme_group.addAction(action)
            self.themes[theme] = action
        self.layer_actions: dict[str, QAction] = {}  # the layers menu's, by layer name
        self.layers_menu = QMenu("&Layers", parent)  # filled per article (LayersMenu)
        self.layers_menu.setToolTipsVisible(True)
        self.export_menu = QMenu("&Export Flags", parent)  # filled as it first opens

    def review(self) -> tuple[QAction, ...]:
        """Suggest Flags and the actions that review its suggestions, in menu order."""
        return (self.suggest, self.accept, self.dismiss, self.accept_all, self.dismiss_all)


def build_actions(parent: QWidget, stored_theme: Theme | None) -> WindowActions:
    """The window's actions, added to ``parent`` so that their shortcuts work there."""
    return WindowActions(parent, stored_theme)


def build_menus(bar: QMenuBar, actions: WindowActions, classroom: ClassroomActions) -> None:
    file_menu = bar.addMenu("&File")
    file_menu.addAction(actions.open)
    file_menu.addAction(actions.clipboard)
    file_menu.addMenu(actions.export_menu)
    file_menu.addSeparator()
    for action in (
        classroom.hand_in_action,
        classroom.result_action,
        classroom.assign_action,
        classroom.collect_action,
        classroom.collect_folder_action,
        classroom.report_action,
    ):
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addAction(actions.undo)
    edit_menu.addAction(actions.redo)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.copy)
    edit_menu.addAction(actions.find)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.settings)
    flag_menu = bar.addMenu("F&lag")
    for action in actions.flags.values():
        flag_menu.addAction(action)
    flag_menu.addSeparator()
    flag_menu.addAction(actions.delete)
    flag_menu.addSeparator()
    flag_menu.addAction(classroom.use_as_key_action)
    flag_menu.addSeparator()
    for action in actions.review():
        flag_menu.addAction(action)
    view_menu = bar.addMenu("&View")
    view_menu.addAction(actions.zoom_in)
    view_menu.addAction(actions.zoom_out)
    view_menu.addAction(actions.zoom_reset)
    view_menu.addAction(classroom.present_action)
    view_menu.addAction(classroom.class_view_action)
    view_menu.addSeparator()
    for action in (actions.compare_with, actions.compare_selected, actions.changes):
        view_menu.addAction(action)
    view_menu.addAction(actions.leave_compare)
    view_menu.addSeparator()
    view_menu.addAction(actions.show_suggestions)
    view_menu.addAction(actions.show_sourced)
    view_menu.addAction(actions.lock_suggestions)
    view_menu.addMenu(actions.layers_menu)
    theme_menu = view_menu.addMenu("&Theme")
    for action in actions.themes.values():
        theme_menu.addAction(action)


def fill_export_menu(
    parent: QWidget, menu: QMenu, on_chosen: Callable[[ExportFormat], object]
) -> None:
    """The Export Flags actions, made as the menu first opens:
    ``reader.services.article_files`` loads the importers and exporters, which the
    first paint does not need."""
    if menu.actions():
        return
    from reader.services.article_files import ExportFormat

    for export_format, label, tip in (
        (ExportFormat.W3C, "&W3C JSON…", "Export this article's flags as W3C Web Annotations"),
        (ExportFormat.MARKDOWN, "&Markdown…", "Export this article's flags as Markdown notes"),
        (ExportFormat.CSV, "&CSV…", "Export this article's flags as a spreadsheet table"),
    ):
        action = add_action(parent, label, None, tip)
        action.triggered.connect(lambda _=False, f=export_format: on_chosen(f))
        menu.addAction(action)


def add_toolbar(window: QMainWindow, height: int) -> QToolBar:
    """The toolbar, empty: ``fill_toolbar`` fills it just after the first paint.

    Until then it keeps ``height``, the height it had last time, so that nothing
    moves (0: none known).
    """
    toolbar = QToolBar("Flags")
    toolbar.setObjectName("flags_toolbar")
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(20, 20))
    toolbar.setAccessibleName("Flag toolbar")
    window.addToolBar(toolbar)  # at the top
    if height > 0:
        toolbar.setMinimumHeight(height)
    return toolbar


def fill_toolbar(
    toolbar: QToolBar, actions: WindowActions, style: QStyle, theme: Theme, text: QColor
) -> bool:
    """The toolbar's buttons and the actions' icons (drawn, and the style's); False if it
    was filled already."""
    if toolbar.actions():
        return False
    from PySide6.QtWidgets import QStyle

    toolbar.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in actions.flags.values():
        toolbar.addAction(action)
    toolbar.addSeparator()
    paint_theme_icons(actions, theme, text)
    actions.undo.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
    actions.redo.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
    toolbar.addAction(actions.delete)
    toolbar.addSeparator()
    toolbar.addAction(actions.suggest)
    toolbar.addSeparator()
    toolbar.addAction(actions.undo)
    toolbar.addAction(actions.redo)
    toolbar.setMinimumHeight(0)
    return True


def paint_theme_icons(actions: WindowActions, theme: Theme, text: QColor) -> None:
    """The kind icons, with the theme's underlines, and the Delete Flag icon in ``text``,
    the toolbar's text colour."""
    from reader.gui.common.icons import delete_icon, kind_icon

    for kind, action in actions.flags.items():
        action.setIcon(kind_icon(kind, theme))
    actions.delete.setIcon(delete_icon(text))


def name_step(action: QAction, verb: str, text: str) -> None:
    """ "Undo Delete flag “…”": the Edit menu and the tooltip say which step."""
    label = f"{verb} {text}" if text else verb
    action.setText(label)
    action.setIconText(verb.replace("&", ""))  # the toolbar button keeps its short name
    plain = label.replace("&", "")
    action.setStatusTip(plain)
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{plain} ({keys})" if keys else plain)
