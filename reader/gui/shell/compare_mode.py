"""Compare mode in the window: two articles side by side in place of the panels, and
back to the single article as it was. The keys that flag and undo act on the side
that has the focus while it lasts."""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog

from reader.core.models import Kind, ReaderError

if TYPE_CHECKING:
    from reader.gui.compare.compare_view import CompareView
    from reader.gui.compare.side import CompareSide
    from reader.gui.compare.side_by_side import SideBySide
    from reader.gui.shell.main_window import MainWindow

# While comparing, these act on the single article (hidden): they are off until it returns.
SINGLE_ONLY = ("delete", "suggest", "accept", "dismiss", "accept_all", "dismiss_all", "changes")


def connect_actions(window: MainWindow) -> None:
    actions = window.window_actions
    actions.compare_with.triggered.connect(lambda: choose_and_compare(window))
    actions.compare_selected.triggered.connect(lambda: compare_selected(window))
    actions.leave_compare.triggered.connect(lambda: leave_compare(window))
    actions.changes.triggered.connect(lambda: show_changes(window))


def flag_selection(window: MainWindow, kind: Kind) -> None:
    if window.compare_view is not None:
        window.compare_view.flag_selection(kind)
    else:
        window.edits.flag_selection(kind)


def undo(window: MainWindow) -> None:
    if window.compare_view is not None:
        window.compare_view.undo()
    else:
        window.reading.undo()


def redo(window: MainWindow) -> None:
    if window.compare_view is not None:
        window.compare_view.redo()
    else:
        window.reading.redo()


# What a compare needs, loaded while the reader chooses what to compare (see
# ``load_code_soon``); numpy matches the sentences.
COMPARE_CODE = ("reader.gui.compare.compare_view", "numpy")


def load_code_soon(window: MainWindow) -> None:
    """Load compare mode's code once the event loop is free: the chooser has just opened,
    or a second article is selected in the library, so the first compare of a session
    waits only for the comparing."""
    from PySide6.QtCore import QTimer

    if not all(name in sys.modules for name in COMPARE_CODE):
        QTimer.singleShot(0, window, _load_compare_code)


def _load_compare_code() -> None:
    for name in COMPARE_CODE:
        importlib.import_module(name)


def choose_and_compare(window: MainWindow) -> None:
    """View › Compare With…: another article of the library, chosen by title."""
    article = window.reading.article
    if article is None:
        window.statusBar().showMessage("Open an article first, then compare it", 5000)
        return
    others = [s for s in window.library.articles() if s.id != article.id]
    if not others:
        window.statusBar().showMessage("The library has no other article to compare", 5000)
        return
    titles = [f"{s.title or 'Untitled'} ({s.id})" for s in others]
    load_code_soon(window)  # while the reader chooses
    title, chosen = QInputDialog.getItem(
        window, "Compare With", f"Show beside “{article.title}”:", titles, 0, False
    )
    if chosen:
        compare(window, article.id, others[titles.index(title)].id)


def library_selection_changed(window: MainWindow) -> None:
    """Two articles selected in the library are about to be compared (Ctrl+D)."""
    if len(window.library_panel.selected_article_ids()) == 2:
        load_code_soon(window)


def compare_selected(window: MainWindow) -> None:
    """Ctrl+D: the two articles selected in the library panel."""
    chosen = window.library_panel.selected_article_ids()
    if len(chosen) != 2:
        window.statusBar().showMessage(
            "Select two articles in the library (Ctrl+click) to compare them", 5000
        )
        return
    compare(window, *chosen)


def compare(window: MainWindow, id_a: int, id_b: int) -> bool:
    """Show the two articles side by side; an error (and nothing changed) if it cannot."""
    if id_a == id_b:
        window.show_error("choose two different articles to compare")
        return False
    window.flush_note()
    view = _compare_view(window)
    if not view.read(id_a, id_b):
        return False
    _show_instead(window, view)
    _lay_out_now(window, view)
    view.show_articles()
    titles = (side.reading.article.title if side.reading.article else "" for side in view.sides)
    window.setWindowTitle(" ↔ ".join(titles))
    view.sides[0].view.setFocus()
    return True


def _compare_view(window: MainWindow) -> CompareView:
    """The window's compare view, in the window's theme: made at the first compare, then
    kept (hidden while the single article shows), so that the next compare need not
    build its widgets again."""
    from PySide6.QtCore import Qt  # not at start-up: the name builds Qt's enums

    from reader.gui.annotations.commands import AddFlagCommand
    from reader.gui.compare.compare_view import CompareView

    view = window.findChild(CompareView, "", Qt.FindChildOption.FindDirectChildrenOnly)
    if view is None:
        view = CompareView(
            lambda: window.library, AddFlagCommand, window.theme, lambda: window.lock.locked, window
        )
        _connect(window, view)
    for side in view.sides:
        side.view.render_cache = window.article_view.render_cache
        if side.theme is not window.theme:
            side.set_theme(window.theme)
    return view


def _connect(window: MainWindow, view: SideBySide) -> None:
    view.error_raised.connect(window.show_error)
    view.message.connect(window.statusBar().showMessage)
    view.leave_requested.connect(lambda: leave_compare(window))
    for side in view.sides:
        _review_suggestions(window, side)


@dataclass
class _SideActions:
    """What a side's review of suggestions enables: the side's own actions, and the
    window's for the lock and for showing suggestions (one lock for the library)."""

    suggest: QAction
    accept: QAction
    dismiss: QAction
    accept_all: QAction
    dismiss_all: QAction
    show_suggestions: QAction
    show_sourced: QAction
    lock_suggestions: QAction

    def review(self) -> tuple[QAction, ...]:
        return (self.suggest, self.accept, self.dismiss, self.accept_all, self.dismiss_all)


def _review_suggestions(window: MainWindow, side: CompareSide) -> None:
    """Suggesting flags on a side, and accepting and dismissing them, each one step of
    that side's undo stack, as in the single article."""
    from reader.gui.suggestions.review import SuggestionReview

    shared = window.window_actions
    actions = _SideActions(
        side.suggest,
        side.accept,
        side.dismiss,
        side.accept_all,
        side.dismiss_all,
        shared.show_suggestions,
        shared.show_sourced,
        shared.lock_suggestions,
    )
    review = SuggestionReview(side.reading, side, side, actions, window.lock)
    side.suggest.triggered.connect(review.suggest)
    side.show_more.triggered.connect(review.show_more)
    side.accept.triggered.connect(lambda: review.accept())
    side.dismiss.triggered.connect(lambda: review.dismiss())
    side.accept_all.triggered.connect(review.accept_all)
    side.dismiss_all.triggered.connect(review.dismiss_all)
    side.view.accept_requested.connect(review.accept)
    side.view.dismiss_requested.connect(review.dismiss)
    review.selection_wanted.connect(side.view.select_annotation)
    review.selection_wanted.connect(lambda _uuid: review.update_actions())
    side.flags_changed.connect(review.update_actions)
    side.reading.undo_stack.indexChanged.connect(lambda _index: review.update_actions())


def _show_instead(window: MainWindow, view: SideBySide) -> None:
    """``view`` in place of the single article and its panels (kept as they are)."""
    if window.centralWidget() is not view:
        shown = window.takeCentralWidget()  # the column splitter is kept for the return
        if window.compare_view is not None and shown is not None:
            shown.deleteLater()
        window.compare_view = view
        window.setCentralWidget(view)
    actions = window.window_actions
    for name in SINGLE_ONLY:
        getattr(actions, name).setEnabled(False)
    for action in (actions.undo, actions.redo, actions.leave_compare):
        action.setEnabled(True)
    window.status_label.clear()  # it counts the single article's flags


def _lay_out_now(window: MainWindow, view: SideBySide) -> None:
    """The view shown at its size in the window now, not at the event loop's next pass:
    the pages set after it are laid out once, at their width."""
    layout = window.layout()
    if layout is not None:
        layout.activate()
    view.show()


def leave_compare(window: MainWindow) -> None:
    """Back to the single article, its flags, selection and undo steps as they were."""
    from reader.gui.compare.compare_view import CompareView

    view = window.compare_view
    if view is None:
        return
    window.compare_view = None
    window.takeCentralWidget()
    written = any(side.reading.undo_stack.count() for side in view.sides)
    if isinstance(view, CompareView):
        view.clear()
        view.setParent(window)  # kept, hidden, for the next compare
    else:
        view.deleteLater()
    window.setCentralWidget(window.splitter)
    window.splitter.show()  # taking it out of the window hid it
    actions, reading = window.window_actions, window.reading
    actions.leave_compare.setEnabled(False)
    actions.undo.setEnabled(reading.undo_stack.canUndo())
    actions.redo.setEnabled(reading.undo_stack.canRedo())
    actions.changes.setEnabled(True)
    article = reading.article
    window.setWindowTitle(article.title or "Untitled" if article else "Annotated Reader")
    if article is not None and written:
        # flags were written meanwhile, perhaps on this article: read it again, in place
        bar = window.article_view.verticalScrollBar()
        place = bar.value()
        window.show_article(article.id, window.annotation_pane.selected_uuid())
        bar.setValue(place)
        window.library_panel.reload()  # the flag counts
    else:
        window.select_annotation(window.annotation_pane.selected_uuid())  # its actions
    window.review.update_actions()
    window.flag_updates.update_status()
    window.article_view.setFocus()


def show_changes(window: MainWindow) -> bool:
    """View › Changes Since Version…: an earlier version (asked for when there are
    several) beside the latest, with what became of the flags."""
    from reader.gui.annotations.commands import AddFlagCommand
    from reader.gui.compare.versions_view import VersionsView
    from reader.services.compare import compare_versions

    article = window.reading.article
    if article is None or article.version == 1:
        window.statusBar().showMessage(
            "This article has one version: it has not changed since it was imported", 5000
        )
        return False
    old = article.version - 1
    if article.version > 2:
        old, chosen = QInputDialog.getInt(
            window, "Changes Since Version", "Since version:", old, 1, article.version - 1
        )
        if not chosen:
            return False
    window.flush_note()
    try:
        comparison = compare_versions(window.library, article.id, old)
    except ReaderError as error:
        window.show_error(str(error))
        return False
    view = VersionsView(
        lambda: window.library, AddFlagCommand, window.theme, lambda: window.lock.locked, window
    )
    _connect(window, view)
    if not view.show_changes(comparison):
        view.deleteLater()
        return False
    _show_instead(window, view)
    window.setWindowTitle(f"{article.title}: changes since version {old}")
    view.latest.view.setFocus()
    return True


def show_theme(window: MainWindow) -> None:
    """The articles compared, in the theme now."""
    if window.compare_view is not None:
        for side in window.compare_view.sides:
            side.set_theme(window.theme)
