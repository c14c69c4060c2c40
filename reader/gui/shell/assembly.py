"""How the main window is put together: its actions connected to what they do, its
panels placed, and the rooms' pieces made at first use with their signals wired.

Every function here takes the window: this is the shell's composition, the one
place that knows all the rooms. The rooms' classes themselves take only the narrow
pieces they act on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from reader.core.models import LayerKind, Status
from reader.gui.shell import compare_mode
from reader.gui.shell.columns import cycle_focus
from reader.gui.shell.session import SettingsKey
from reader.gui.shell.window_actions import (
    fill_export_menu,
    fill_toolbar,
    name_step,
    paint_theme_icons,
)

if TYPE_CHECKING:
    from reader.gui.annotations.edits import FlagEdits
    from reader.gui.annotations.layers import LayersMenu
    from reader.gui.annotations.pane import AnnotationPane
    from reader.gui.annotations.updates import FlagUpdates
    from reader.gui.common.settings_dialog import SettingsDialog
    from reader.gui.library.panel import LibraryPanel
    from reader.gui.shell.file_actions import FileActions
    from reader.gui.shell.main_window import MainWindow
    from reader.gui.suggestions.lock import SuggestionLock
    from reader.gui.suggestions.review import SuggestionReview

SUGGESTIONS_LAYER = LayerKind.SUGGESTIONS.value


def connect_window(window: MainWindow) -> None:
    """The actions, the article view, the reading and its undo stack, made with the window."""
    actions, reading, appearance = window.window_actions, window.reading, window.appearance
    actions.open.triggered.connect(lambda: window.files.choose_files())
    actions.clipboard.triggered.connect(lambda: window.files.import_clipboard())
    actions.quit.triggered.connect(window.close)
    actions.undo.triggered.connect(lambda: compare_mode.undo(window))
    actions.redo.triggered.connect(lambda: compare_mode.redo(window))
    actions.copy.triggered.connect(lambda: copy_selection(window))
    actions.find.triggered.connect(lambda: window.library_panel.focus_search())
    actions.settings.triggered.connect(lambda: open_settings(window))
    for kind, action in actions.flags.items():
        action.triggered.connect(lambda _=False, k=kind: compare_mode.flag_selection(window, k))
    actions.delete.triggered.connect(lambda: window.edits.delete_selected())
    actions.suggest.triggered.connect(lambda: window.review.suggest())
    actions.accept.triggered.connect(lambda: window.review.accept())
    actions.dismiss.triggered.connect(lambda: window.review.dismiss())
    actions.accept_all.triggered.connect(lambda: window.review.accept_all())
    actions.dismiss_all.triggered.connect(lambda: window.review.dismiss_all())
    actions.show_suggestions.triggered.connect(
        lambda shown=True: window.layers.set_visible(SUGGESTIONS_LAYER, bool(shown))
    )
    actions.show_sourced.triggered.connect(
        lambda shown=False: window.review.set_sourced_claims_visible(bool(shown))
    )
    actions.lock_suggestions.triggered.connect(lambda: window.lock.ask())
    actions.zoom_in.triggered.connect(lambda: appearance.zoom_by(1))
    actions.zoom_out.triggered.connect(lambda: appearance.zoom_by(-1))
    actions.zoom_reset.triggered.connect(lambda: appearance.zoom_by(None))
    for theme, action in actions.themes.items():
        action.triggered.connect(lambda _=False, t=theme: appearance.choose_theme(t))
    export_menu = actions.export_menu
    export_menu.aboutToShow.connect(
        lambda: fill_export_menu(window, export_menu, window.files.choose_export)
    )
    view = window.article_view
    view.annotation_clicked.connect(lambda uuid: window.select_annotation(uuid or None))
    view.flag_requested.connect(lambda kind: window.edits.flag_selection(kind))
    view.accept_requested.connect(lambda uuid: window.review.accept(uuid))
    view.dismiss_requested.connect(lambda uuid: window.review.dismiss(uuid))
    view.zoom_changed.connect(appearance.on_zoom_changed)
    appearance.theme_changed.connect(lambda: show_theme(window))
    reading.error_raised.connect(window.show_error)
    reading.message.connect(window.statusBar().showMessage)
    reading.edits_flush_wanted.connect(window.flush_note)
    reading.write_started.connect(lambda: flush_pending_note(window))
    reading.replay_started.connect(lambda: before_replay(window))
    stack = reading.undo_stack
    stack.canUndoChanged.connect(actions.undo.setEnabled)
    stack.canRedoChanged.connect(actions.redo.setEnabled)
    stack.undoTextChanged.connect(lambda text: name_step(actions.undo, "&Undo", text))
    stack.redoTextChanged.connect(lambda text: name_step(actions.redo, "&Redo", text))
    window.classroom.article_changed.connect(window.show_article)
    compare_mode.connect_actions(window)


def fill_toolbar_now(window: MainWindow) -> None:
    """The toolbar's buttons, if not there yet; its height kept for the next start."""
    actions, theme, text = window.window_actions, window.theme, toolbar_text_colour(window)
    if fill_toolbar(window.toolbar, actions, window.style(), theme, text):
        height = window.toolbar.sizeHint().height()
        window.settings.setValue(SettingsKey.TOOLBAR_HEIGHT, height)


def toolbar_text_colour(window: MainWindow) -> QColor:
    return window.palette().color(QPalette.ColorRole.ButtonText)


def build_panels(window: MainWindow) -> tuple[LibraryPanel, AnnotationPane]:
    """The library panel and the flag pane, empty. Imported here: the panels, their
    models and delegates stay off the path to the first painted article."""
    from reader.gui.annotations.pane import AnnotationPane
    from reader.gui.library.panel import LibraryPanel
    from reader.gui.shell.columns import LIBRARY_MIN_WIDTH, PANE_MIN_WIDTH

    library_panel = LibraryPanel(window.library)
    library_panel.setMinimumWidth(LIBRARY_MIN_WIDTH)
    pane = AnnotationPane(window.reading.flags)
    pane.setMinimumWidth(PANE_MIN_WIDTH)
    return library_panel, pane


def lay_out_panels_now(library_panel: LibraryPanel, pane: AnnotationPane) -> None:
    """Lay out the panels and the toolbar just built, and have their first paint include
    them, before the window's next paint. Left to the event loop, the layouts and the new
    widgets' updates come after that paint: a second paint then shows the panels at their
    final sizes and the toolbar's buttons."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    # the lists lay out their rows now, not in their first paint (where a scroll bar
    # appearing would repaint them)
    library_panel.list_widget.executeDelayedItemsLayout()
    pane.card_list.executeDelayedItemsLayout()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateLater)


def cycle_panels(window: MainWindow, forward: bool) -> None:
    """Move the keyboard focus to the next (or previous) panel: F6 and Shift+F6."""
    panels: list[tuple[QWidget, QWidget]] = [
        (window.library_panel, window.library_panel.list_widget),
        (window.article_view, window.article_view),
        (window.annotation_pane, window.annotation_pane.card_list),
    ]
    cycle_focus(panels, forward)


def place_panels(window: MainWindow, library_panel: LibraryPanel, pane: AnnotationPane) -> None:
    """The panels in the placeholders' places, in the tab order, wired to the window."""
    for position, widget in ((0, library_panel), (2, pane)):
        placeholder = window.splitter.replaceWidget(position, widget)
        if placeholder is not None:
            placeholder.deleteLater()
    window.setTabOrder(library_panel.search_edit, library_panel.tag_combo)
    window.setTabOrder(library_panel.tag_combo, library_panel.list_widget)
    window.setTabOrder(library_panel.list_widget, window.article_view)
    window.setTabOrder(window.article_view, pane.kind_buttons.button(0))
    library_panel.article_chosen.connect(lambda id_: choose_article(window, id_))
    library_panel.list_widget.itemSelectionChanged.connect(
        lambda: compare_mode.library_selection_changed(window)
    )
    library_panel.note_hit_chosen.connect(lambda id_, uuid: choose_note_hit(window, id_, uuid))
    pane.annotation_selected.connect(lambda uuid: show_selection(window, uuid or None))
    pane.annotation_activated.connect(lambda uuid: go_to_flag(window, uuid))
    pane.accept_requested.connect(lambda uuid: window.review.accept(uuid))
    pane.dismiss_requested.connect(lambda uuid: window.review.dismiss(uuid))
    pane.accept_all_requested.connect(lambda: window.review.accept_all())
    pane.dismiss_all_requested.connect(lambda: window.review.dismiss_all())
    pane.show_more_requested.connect(lambda: window.review.show_more())
    editor, edits = pane.editor, window.edits
    editor.kind_edited.connect(edits.edit_kind)
    editor.note_edited.connect(edits.edit_note)
    editor.tags_edited.connect(edits.edit_tags)
    editor.source_edited.connect(edits.edit_source)
    editor.delete_requested.connect(edits.delete)
    editor.undo_redirect.undo_requested.connect(window.reading.undo)
    editor.undo_redirect.redo_requested.connect(window.reading.redo)
    for shortcut, forward in (("F6", True), ("Shift+F6", False)):
        action = QAction(window)
        action.setShortcuts([QKeySequence(shortcut)])
        action.triggered.connect(lambda _=False, f=forward: cycle_panels(window, f))
        window.addAction(action)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.focusChanged.connect(window.splitter.follow_focus)


def open_settings(window: MainWindow) -> SettingsDialog:
    """Edit › Settings…: window-modal, not blocking."""
    from reader.gui.common.settings_dialog import SettingsDialog
    from reader.gui.suggestions.settings_page import SuggestionsPage

    dialog = SettingsDialog(window)
    dialog.add_page("Suggestions", SuggestionsPage(window.library))
    dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()
    return dialog


def make_lock(window: MainWindow) -> SuggestionLock:
    from reader.gui.suggestions.lock import SuggestionLock

    lock = SuggestionLock(window.reading, window.window_actions, window.statusBar(), window)
    lock.lock_changed.connect(lambda locked: show_lock(window, locked))
    return lock


def make_review(window: MainWindow) -> SuggestionReview:
    from reader.gui.suggestions.review import SuggestionReview

    pane, updates, lock = window.annotation_pane, window.flag_updates, window.lock
    review = SuggestionReview(window.reading, pane, updates, window.window_actions, lock)
    review.selection_wanted.connect(window.select_annotation)
    review.layer_shown_wanted.connect(lambda name: window.layers.set_visible(name, True))
    return review


def make_flag_updates(window: MainWindow) -> FlagUpdates:
    from reader.gui.annotations.updates import FlagUpdates

    updates = FlagUpdates(window.reading, window.annotation_pane)
    panel = window.library_panel
    updates.article_left.connect(lambda id_, uuid: window.show_article(id_, uuid or None))
    updates.flag_marked.connect(lambda uuid: mark_selection(window, uuid))
    updates.selection_wanted.connect(window.select_annotation)
    updates.layers_changed.connect(lambda: window.layers.rebuild())
    updates.tags_changed.connect(panel.set_tags)
    updates.article_tags_changed.connect(panel.update_article_tags)
    updates.counts_changed.connect(panel.update_counts)
    updates.status_changed.connect(window.status_label.setText)
    updates.review_due.connect(lambda: window.review.update_actions())
    return updates


def make_edits(window: MainWindow) -> FlagEdits:
    from reader.gui.annotations.edits import FlagEdits

    edits = FlagEdits(window.reading, window.annotation_pane, window.flag_updates)
    edits.dismiss_requested.connect(lambda uuid: window.review.dismiss(uuid))
    return edits


def make_layers(window: MainWindow) -> LayersMenu:
    from reader.gui.annotations.layers import LayersMenu

    actions = window.window_actions
    layers = LayersMenu(
        actions.layers_menu,
        actions.layer_actions,
        actions.show_suggestions,
        window.reading,
        window.annotation_pane,
        lambda: window.lock.locked,
    )
    layers.layer_toggled.connect(lambda uuid: keep_selection(window, uuid))
    return layers


def make_files(window: MainWindow) -> FileActions:
    from reader.gui.shell.file_actions import FileActions

    files = FileActions(window.reading, window, window.settings, window.classroom.take_submissions)
    files.imported.connect(lambda id_: show_imported(window, id_))
    files.key_opened.connect(window.classroom.show_result)
    return files


# What one piece's change asks of the others


def show_selection(window: MainWindow, uuid: str | None) -> None:
    """Mark the flag in the article (a suggestion with its trigger words) and update actions."""
    mark_selection(window, uuid)
    window.review.update_actions()


def mark_selection(window: MainWindow, uuid: str | None) -> None:
    """Mark the flag in the article (a suggestion with its trigger words), not its card."""
    window.article_view.select_annotation(uuid)
    annotation = window.annotation_pane.model.annotation(uuid) if uuid else None
    suggested = annotation is not None and annotation.status is Status.SUGGESTED
    marked = suggested and window.article_view.selected_annotation() == uuid
    window.review.mark_triggers(annotation if marked else None)
    window.window_actions.delete.setEnabled(annotation is not None and not suggested)


def flush_pending_note(window: MainWindow) -> None:
    """Save a note still waiting for its save: before a write, as its own step."""
    if window.is_ready():
        # Re-entry is harmless: the note's save clears its wait before it pushes.
        window.annotation_pane.editor.flush_pending_note()


def before_replay(window: MainWindow) -> None:
    # Another process may have locked suggestions meanwhile, and the library refuses
    # a step that touches one then: reading the lock clears the stack if it turned on
    # (the status bar says so), leaving nothing to undo or redo.
    if window.is_ready():
        window.lock.refresh()
    window.flush_note()


def show_lock(window: MainWindow, locked: bool) -> None:
    """The article's highlights, cards, counts and menus, with or without suggestions."""
    if window.is_ready():
        pane = window.annotation_pane
        selected = pane.selected_uuid()
        pane.set_suggestions_locked(locked)
        if window.reading.article is not None:
            window.article_view.set_annotations(window.reading.drawn(pane.model.annotations()))
            window.layers.rebuild()
            window.select_annotation(window.flag_updates.kept(selected))
            shown = window.window_actions.show_sourced.isChecked()
            window.review.set_sourced_claims_visible(shown)
        window.flag_updates.update_counts()
    window.review.update_actions()


def show_theme(window: MainWindow) -> None:
    """The toolbar's icons and the article's marks in the theme now."""
    if window.toolbar.actions():
        paint_theme_icons(window.window_actions, window.theme, toolbar_text_colour(window))
    if window.reading.article is not None and window.is_ready():
        window.review.mark_sourced_claims()
        show_selection(window, window.annotation_pane.selected_uuid())
    compare_mode.show_theme(window)


def show_imported(window: MainWindow, article_id: int) -> None:
    """The article an import added, listed and shown."""
    window.library_panel.clear_filters()  # or the new article might not be listed
    window.library_panel.reload()
    window.annotation_pane.set_known_tags(window.library.tags())
    window.show_article(article_id)


def keep_selection(window: MainWindow, selected: str | None) -> None:
    """Select the flag again if it is still listed and drawn; else select none."""
    window.select_annotation(window.flag_updates.kept(selected))
    window.flag_updates.update_status()


def copy_selection(window: MainWindow) -> None:
    widget = QApplication.focusWidget()
    copy = getattr(widget, "copy", None)
    if callable(copy):
        copy()
    else:
        window.article_view.copy()


def choose_article(window: MainWindow, article_id: int) -> None:
    """The article chosen in the library panel."""
    article = window.reading.article
    if article is None or article_id != article.id:
        _show_chosen(window, article_id)


def choose_note_hit(window: MainWindow, article_id: int, uuid: str) -> None:
    """A flag found by the library panel's search."""
    article = window.reading.article
    is_other = article is None or article_id != article.id
    if is_other and not _show_chosen(window, article_id):
        return
    window.select_annotation(uuid)


def _show_chosen(window: MainWindow, article_id: int) -> bool:
    """Show the article chosen in the library panel; if it cannot be read, the
    panel marks the article still shown again."""
    if window.show_article(article_id):
        return True
    article = window.reading.article
    window.library_panel.mark_current(article.id if article is not None else None)
    return False


def go_to_flag(window: MainWindow, uuid: str) -> None:
    """A card activated (Enter or a click): its passage, the focus in the article."""
    show_selection(window, uuid)
    window.article_view.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
