"""A teacher's lock on the app's suggestions, as the main window shows it.

The lock itself (a PIN's hash) lives in the library. While it is on, no suggestion
is drawn, listed, counted or selected, whatever each article's Show Suggestions
state (which stays stored as it was), and the suggestion actions are disabled.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtWidgets import QLabel

from reader.gui.annotations.layers import rebuild_layers_menu
from reader.gui.common.actions import set_tips
from reader.gui.suggestions.tips import LOCK_TIP

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from reader.gui.shell.main_window import MainWindow
    from reader.gui.suggestions.pin_dialog import PinDialog

UNLOCK_TIP = "Show the app's suggestions again: asks for the PIN they were locked with"
LOCKED_TIP = "suggestions are locked (View › Unlock Suggestions… with the teacher's PIN)"
NOTE_TIP = (
    "A teacher locked the app's suggestions in this library: they are not shown "
    "and cannot be asked for. View › Unlock Suggestions… with the PIN shows them again."
)


class SuggestionLock:
    """Reads the lock from the library, locks and unlocks it through a PIN dialog, and
    shows the window accordingly. Made after the first paint, at its first use."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.locked = window.library.suggestions_locked()
        self.dialog: PinDialog | None = None
        self._note: QLabel | None = None
        self._unlocked_tips: dict[QAction, tuple[str, str]] = {}

    def ask(self) -> PinDialog:
        """Open the dialog that locks the suggestions, or unlocks them: window-modal,
        not blocking. The lock is read from the library first (another process may have
        changed it), and again once the dialog closes."""
        from reader.gui.suggestions.pin_dialog import PinDialog

        window = self._window
        window.flush_note()
        self.refresh()
        if self.locked:
            dialog = PinDialog(
                "Unlock Suggestions",
                "Type the PIN the app's suggestions were locked with to show them again.",
                window.library.unlock_suggestions,
                confirm=False,
                parent=window,
            )
        else:
            dialog = PinDialog(
                "Lock Suggestions",
                "Choose a PIN. While suggestions are locked, nobody can see or ask for "
                "the app's suggestions in this library; the same PIN unlocks them. "
                "Your own flags stay as they are; the undo history is cleared.",
                window.library.lock_suggestions,
                confirm=True,
                parent=window,
            )
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.finished.connect(lambda _result: self._on_finished(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_finished(self, dialog: PinDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        self.refresh()

    def refresh(self) -> bool:
        """Read the lock from the library again (one SELECT); show the window as it says.

        Another process (``reader lock-suggestions``) may have changed it meanwhile.
        Returns whether suggestions are locked.
        """
        window = self._window
        locked = window.library.suggestions_locked()
        if locked == self.locked:
            return locked
        self.locked = locked
        if locked:
            # Undoing or redoing a step of before would bring suggestions back (an
            # Accept undone) or change them unseen; the stack cannot drop some steps.
            window.undo_stack.clear()
        self.show_controls()
        self.show_flags()
        window.statusBar().showMessage(
            "Suggestions locked; the undo history was cleared" if locked else "Suggestions shown",
            6000,
        )
        return locked

    def show_controls(self) -> None:
        """The lock action's name, the suggestion actions and the status bar's note."""
        window = self._window
        action = window.window_actions.lock_suggestions
        action.setText("Unlock Suggestions…" if self.locked else "Lock Suggestions…")
        set_tips(action, UNLOCK_TIP if self.locked else LOCK_TIP)
        shown = (window.window_actions.show_suggestions, window.window_actions.show_sourced)
        for each in shown:
            each.setEnabled(not self.locked)
        for each in (*window.window_actions.review(), *shown):
            self._show_tips(each)
        window.update_review_actions()
        if self.locked and self._note is None:
            self._note = QLabel("Suggestions locked")
            self._note.setAccessibleName("Suggestions locked")
            self._note.setContentsMargins(12, 0, 4, 0)  # apart from the flag counts
            self._note.setToolTip(NOTE_TIP)
            window.statusBar().addPermanentWidget(self._note)
        if self._note is not None:
            self._note.setVisible(self.locked)

    def _show_tips(self, action: QAction) -> None:
        """The action's tips; while locked, that it is locked (the usual ones kept)."""
        usual = self._unlocked_tips.setdefault(action, (action.toolTip(), action.statusTip()))
        if self.locked:
            label = action.text().replace("&", "")
            action.setToolTip(f"{label}: {LOCKED_TIP}")
            action.setStatusTip(f"{label}: {LOCKED_TIP}")
        else:
            action.setToolTip(usual[0])
            action.setStatusTip(usual[1])

    def show_flags(self) -> None:
        """The article's highlights, cards, counts and menus, with or without suggestions."""
        window = self._window
        if not window.is_ready():
            return  # the panels are told when they are built
        pane = window.annotation_pane
        selected = pane.selected_uuid()
        pane.set_suggestions_locked(self.locked)
        if window.article is not None:
            window.article_view.set_annotations(window.drawn(pane.model.annotations()))
            rebuild_layers_menu(window)
            window.keep_selection(selected)
            window.set_sourced_claims_visible(window.window_actions.show_sourced.isChecked())
        window.flag_updates.counts_changed()
        window.update_review_actions()
