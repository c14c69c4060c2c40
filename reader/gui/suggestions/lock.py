"""A teacher's lock on the app's suggestions, as the app shows it.

The lock itself (a PIN's hash) lives in the library. While it is on, no suggestion
is drawn, listed, counted or selected, whatever each article's Show Suggestions
state (which stays stored as it was), and the suggestion actions are disabled.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6 import QtCore
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from reader.gui.common.actions import set_tips
from reader.gui.suggestions.tips import LOCK_TIP

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QStatusBar, QWidget

    from reader.gui.reading.controller import ReadingController
    from reader.gui.suggestions.pin_dialog import PinDialog

UNLOCK_TIP = "Show the app's suggestions again: asks for the PIN they were locked with"
LOCKED_TIP = "suggestions are locked (View › Unlock Suggestions… with the teacher's PIN)"
NOTE_TIP = (
    "A teacher locked the app's suggestions in this library: they are not shown "
    "and cannot be asked for. View › Unlock Suggestions… with the PIN shows them again."
)


class SuggestionActions(Protocol):
    """The actions the lock and the review of suggestions change."""

    suggest: QAction
    accept: QAction
    dismiss: QAction
    accept_all: QAction
    dismiss_all: QAction
    show_suggestions: QAction
    show_sourced: QAction
    lock_suggestions: QAction

    def review(self) -> tuple[QAction, ...]: ...


class SuggestionLock(QObject):
    """Reads the lock from the library, locks and unlocks it through a PIN dialog, and
    shows its actions and the status bar's note accordingly; ``lock_changed`` tells
    the rest. Made after the first paint, at its first use."""

    lock_changed = Signal(bool)  # read again and found changed: whether locked now

    def __init__(
        self,
        reading: ReadingController,
        actions: SuggestionActions,
        status_bar: QStatusBar,
        dialog_parent: QWidget,
    ) -> None:
        super().__init__(reading)
        self._reading = reading
        self._actions = actions
        self._status_bar = status_bar
        self._dialog_parent = dialog_parent
        self.locked = reading.library.suggestions_locked()
        self.dialog: PinDialog | None = None
        self._note: QLabel | None = None
        self._unlocked_tips: dict[QAction, tuple[str, str]] = {}

    def ask(self) -> PinDialog:
        """Open the dialog that locks the suggestions, or unlocks them: window-modal,
        not blocking. The lock is read from the library first (another process may have
        changed it), and again once the dialog closes."""
        from reader.gui.suggestions.pin_dialog import PinDialog

        reading = self._reading
        reading.flush_edits()
        self.refresh()
        if self.locked:
            dialog = PinDialog(
                "Unlock Suggestions",
                "Type the PIN the app's suggestions were locked with to show them again.",
                reading.library.unlock_suggestions,
                confirm=False,
                parent=self._dialog_parent,
            )
        else:
            dialog = PinDialog(
                "Lock Suggestions",
                "Choose a PIN. While suggestions are locked, nobody can see or ask for "
                "the app's suggestions in this library; the same PIN unlocks them. "
                "Your own flags stay as they are; the undo history is cleared.",
                reading.library.lock_suggestions,
                confirm=True,
                parent=self._dialog_parent,
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
        reading = self._reading
        locked = reading.library.suggestions_locked()
        if locked == self.locked:
            return locked
        self.locked = locked
        if locked:
            # Undoing or redoing a step of before would bring suggestions back (an
            # Accept undone) or change them unseen; the stack cannot drop some steps.
            reading.undo_stack.clear()
        self.show_controls()
        self.lock_changed.emit(locked)
        reading.say(
            "Suggestions locked; the undo history was cleared" if locked else "Suggestions shown",
            6000,
        )
        return locked

    def show_controls(self) -> None:
        """The lock action's name, the suggestion actions and the status bar's note."""
        actions = self._actions
        action = actions.lock_suggestions
        action.setText("Unlock Suggestions…" if self.locked else "Lock Suggestions…")
        set_tips(action, UNLOCK_TIP if self.locked else LOCK_TIP)
        shown = (actions.show_suggestions, actions.show_sourced)
        for each in shown:
            each.setEnabled(not self.locked)
        for each in (*actions.review(), *shown):
            self._show_tips(each)
        if self.locked and self._note is None:
            self._note = QLabel("Suggestions locked")
            self._note.setAccessibleName("Suggestions locked")
            self._note.setContentsMargins(12, 0, 4, 0)  # apart from the flag counts
            self._note.setToolTip(NOTE_TIP)
            self._status_bar.addPermanentWidget(self._note)
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
