"""The main window's actions, menus and toolbar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QPalette
from PySide6.QtWidgets import QMenu, QToolBar

from reader.core.models import LayerKind
from reader.core.palette import Theme
from reader.gui.common.theme import remembered_theme
from reader.gui.reading.flag_keys import FLAG_KEYS
from reader.gui.shell.session import SettingsKey, int_setting

if TYPE_CHECKING:
    from reader.gui.shell.main_window import MainWindow

SUGGESTIONS_LAYER = LayerKind.SUGGESTIONS.value
LOCK_TIP = (
    "Lock the app's suggestions with a PIN, so students cannot see or ask for "
    "the app's suggestions; the PIN unlocks them"
)
ACCEPT_TIP = (
    "Make the selected suggestion a flag of yours; or press A on its card or in the article"
)
DISMISS_TIP = "Hide the selected suggestion for good; or press D on its card or in the article"


def add_action(
    window: MainWindow,
    text: str,
    slot: object,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        # setShortcuts: PySide6's setShortcut() would build the Qt namespace (see MainWindow).
        action.setShortcuts(distinct_shortcuts(shortcut))
    set_tips(action, tip or text.replace("&", "").rstrip("…"))
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def set_tips(action: QAction, tip: str) -> None:
    """The action's status tip, and its tooltip with its shortcut."""
    hint = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip} ({hint})" if hint else tip)
    action.setStatusTip(tip)


def review_actions(window: MainWindow) -> tuple[QAction, ...]:
    """Suggest Flags and the actions that review its suggestions, in menu order."""
    return (
        window.suggest_action,
        window.accept_action,
        window.dismiss_action,
        window.accept_all_action,
        window.dismiss_all_action,
    )


def build_actions(window: MainWindow) -> None:
    key = QKeySequence.StandardKey
    window.open_action = add_action(
        window, "&Open / Import…", window.choose_files, key.Open, "Import an article or a flag file"
    )
    window.clipboard_action = add_action(
        window,
        "New Article from &Clipboard",
        window.import_clipboard,
        "Ctrl+Shift+V",
        "Import the article on the clipboard (HTML or text)",
    )
    window.quit_action = add_action(window, "&Quit", window.close, key.Quit)
    window.undo_action = add_action(window, "&Undo", window.undo, key.Undo, "Undo the last change")
    window.redo_action = add_action(window, "&Redo", window.redo, key.Redo, "Redo")
    window.redo_action.setShortcuts(distinct_shortcuts(key.Redo, "Ctrl+Shift+Z"))
    window.undo_action.setEnabled(False)
    window.redo_action.setEnabled(False)
    window.copy_action = add_action(window, "&Copy", window.copy_selection, key.Copy)
    window.find_action = add_action(
        window,
        "&Find…",
        lambda: window.library_panel.focus_search(),
        key.Find,
        "Search articles and notes",
    )
    window.flag_actions = {}
    for flag_key, kind in FLAG_KEYS.items():
        action = add_action(
            window,
            kind.label,
            lambda _=False, k=kind: window.flag_selection(k),
            flag_key,
            f"Flag the selected passage as {kind.label.lower()}",
        )
        window.flag_actions[kind] = action
    window.delete_action = add_action(
        window, "&Delete Flag", window.delete_selected_flag, key.Delete, "Delete the selected flag"
    )
    window.delete_action.setEnabled(False)
    build_suggestion_actions(window)
    window.zoom_in_action = add_action(window, "Zoom &In", window.zoom_in)
    window.zoom_in_action.setShortcuts(distinct_shortcuts(key.ZoomIn, "Ctrl+="))
    window.zoom_in_action.setToolTip("Larger text (Ctrl++)")
    window.zoom_out_action = add_action(
        window, "Zoom &Out", window.zoom_out, key.ZoomOut, "Smaller text"
    )
    window.zoom_reset_action = add_action(
        window, "&Actual Size", window.zoom_reset, "Ctrl+0", "Text at its normal size"
    )
    window.theme_group = QActionGroup(window)
    window.theme_actions = {}
    stored = remembered_theme(window.settings.value(SettingsKey.THEME, ""))
    choices: tuple[tuple[Theme | None, str], ...] = (
        (None, "Follow System"),
        (Theme.LIGHT, "Light"),
        (Theme.DARK, "Dark"),
    )
    for theme, label in choices:
        action = add_action(window, label, lambda _=False, t=theme: window.choose_theme(t))
        action.setCheckable(True)
        action.setChecked(theme is stored)
        window.theme_group.addAction(action)
        window.theme_actions[theme] = action


def build_suggestion_actions(window: MainWindow) -> None:
    window.suggest_action = add_action(
        window,
        "&Suggest Flags",
        window.suggest_flags,
        "Ctrl+Shift+S",
        "Suggest opinion passages and unsourced claims, each with its reasons",
    )
    window.accept_action = add_action(
        window,
        "&Accept Suggestion",
        lambda _=False: window.accept_suggestion(),
        "Ctrl+Return",
        ACCEPT_TIP,
    )
    window.accept_action.setShortcuts(distinct_shortcuts("Ctrl+Return", "Ctrl+Enter"))
    window.dismiss_action = add_action(
        window,
        "D&ismiss Suggestion",
        lambda _=False: window.dismiss_suggestion(),
        "Ctrl+Shift+D",  # not Ctrl+Backspace: text boxes delete a word with it
        DISMISS_TIP,
    )
    window.accept_all_action = add_action(
        window,
        "Accept A&ll Suggestions",
        window.accept_all_suggestions,
        None,
        "Make every open suggestion a flag of yours (one step to undo)",
    )
    window.dismiss_all_action = add_action(
        window,
        "Dismiss All Su&ggestions",
        window.dismiss_all_suggestions,
        None,
        "Hide every open suggestion for good (one step to undo)",
    )
    window.show_suggestions_action = add_action(
        window,
        "Show &Suggestions",
        lambda shown=True: window.set_layer_visible(SUGGESTIONS_LAYER, bool(shown)),
        None,
        "Show or hide the app's suggestions on this article (e.g. before students see it)",
    )
    window.show_suggestions_action.setCheckable(True)
    window.show_suggestions_action.setChecked(True)
    window.show_sourced_action = add_action(
        window,
        "Show Sourced &Claims",
        lambda shown=False: window.set_sourced_claims_visible(bool(shown)),
        None,
        "Mark the factual claims the article does source, with a faint dotted line",
    )
    window.show_sourced_action.setCheckable(True)
    # Its name and tips follow the lock once it is read (SuggestionLock.show_controls).
    window.lock_suggestions_action = add_action(
        window, "Lock Suggestions…", window.ask_suggestion_lock, None, LOCK_TIP
    )
    for action in review_actions(window):
        action.setEnabled(False)


def build_menus(window: MainWindow) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addAction(window.open_action)
    file_menu.addAction(window.clipboard_action)
    export_menu = file_menu.addMenu("&Export Flags")
    export_menu.aboutToShow.connect(lambda: fill_export_menu(window, export_menu))
    file_menu.addSeparator()
    classroom = window.classroom
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
    file_menu.addAction(window.quit_action)
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addAction(window.undo_action)
    edit_menu.addAction(window.redo_action)
    edit_menu.addSeparator()
    edit_menu.addAction(window.copy_action)
    edit_menu.addAction(window.find_action)
    flag_menu = bar.addMenu("F&lag")
    for action in window.flag_actions.values():
        flag_menu.addAction(action)
    flag_menu.addSeparator()
    flag_menu.addAction(window.delete_action)
    flag_menu.addSeparator()
    flag_menu.addAction(window.classroom.use_as_key_action)
    flag_menu.addSeparator()
    for action in review_actions(window):
        flag_menu.addAction(action)
    view_menu = bar.addMenu("&View")
    view_menu.addAction(window.zoom_in_action)
    view_menu.addAction(window.zoom_out_action)
    view_menu.addAction(window.zoom_reset_action)
    view_menu.addAction(window.classroom.present_action)
    view_menu.addAction(window.classroom.class_view_action)
    view_menu.addSeparator()
    view_menu.addAction(window.show_suggestions_action)
    view_menu.addAction(window.show_sourced_action)
    view_menu.addAction(window.lock_suggestions_action)
    window.layers_menu = view_menu.addMenu("&Layers")
    window.layers_menu.setToolTipsVisible(True)
    window.layer_actions = {}
    theme_menu = view_menu.addMenu("&Theme")
    for action in window.theme_actions.values():
        theme_menu.addAction(action)


def fill_export_menu(window: MainWindow, menu: QMenu) -> None:
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
        slot = lambda _=False, f=export_format: window.choose_export(f)  # noqa: E731
        menu.addAction(add_action(window, label, slot, None, tip))


def add_toolbar(window: MainWindow) -> QToolBar:
    """The toolbar, filled by ``fill_toolbar`` just after the first paint.

    Until then it keeps the height it had last time, so that nothing moves.
    On the first start there is no such height, and it is filled at once.
    """
    toolbar = QToolBar("Flags")
    toolbar.setObjectName("flags_toolbar")
    toolbar.setMovable(False)
    toolbar.setIconSize(QSize(20, 20))
    toolbar.setAccessibleName("Flag toolbar")
    window.addToolBar(toolbar)  # at the top
    height = int_setting(window.settings.value(SettingsKey.TOOLBAR_HEIGHT), 0)
    if height > 0:
        toolbar.setMinimumHeight(height)
    else:
        fill_toolbar(window, toolbar)
    return toolbar


def fill_toolbar(window: MainWindow, toolbar: QToolBar | None = None) -> None:
    """The toolbar's buttons and the actions' icons (drawn, and the style's)."""
    toolbar = toolbar or window.toolbar
    if toolbar.actions():
        return
    from PySide6.QtWidgets import QStyle

    toolbar.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in window.flag_actions.values():
        toolbar.addAction(action)
    toolbar.addSeparator()
    style = window.style()
    paint_theme_icons(window)
    window.undo_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
    window.redo_action.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
    toolbar.addAction(window.delete_action)
    toolbar.addSeparator()
    toolbar.addAction(window.suggest_action)
    toolbar.addSeparator()
    toolbar.addAction(window.undo_action)
    toolbar.addAction(window.redo_action)
    toolbar.setMinimumHeight(0)
    window.settings.setValue(SettingsKey.TOOLBAR_HEIGHT, toolbar.sizeHint().height())


def paint_theme_icons(window: MainWindow) -> None:
    """The kind icons, with the theme's underlines, and the Delete Flag icon in its text colour."""
    from reader.gui.common.icons import delete_icon, kind_icon

    for kind, action in window.flag_actions.items():
        action.setIcon(kind_icon(kind, window.theme))
    window.delete_action.setIcon(delete_icon(window.palette().color(QPalette.ColorRole.ButtonText)))


def name_step(action: QAction, verb: str, text: str) -> None:
    """ "Undo Delete flag “…”": the Edit menu and the tooltip say which step."""
    label = f"{verb} {text}" if text else verb
    action.setText(label)
    action.setIconText(verb.replace("&", ""))  # the toolbar button keeps its short name
    plain = label.replace("&", "")
    action.setStatusTip(plain)
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{plain} ({keys})" if keys else plain)


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
