"""The suggestions' rows over the flag cards: the bar that counts those to review and
accepts or dismisses them all, and the offer of those held back."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton

from reader.gui.common.narrow_rows import LabelWithButtons


class SuggestionBar(LabelWithButtons):
    """ "N suggestions to review" beside Dismiss all and Accept all (stacked when narrow)."""

    accept_all_requested = Signal()
    dismiss_all_requested = Signal()

    def __init__(self) -> None:
        accept_all = QPushButton("Accept all")
        accept_all.setAccessibleName("Accept all suggestions")
        accept_all.setToolTip("Make every suggestion shown a flag of yours (one step to undo)")
        dismiss_all = QPushButton("Dismiss all")
        dismiss_all.setAccessibleName("Dismiss all suggestions")
        dismiss_all.setToolTip(
            "Hide every suggestion; these passages are not suggested again (one step to undo)"
        )
        count_label = QLabel()
        super().__init__(count_label, [dismiss_all, accept_all])
        self.count_label, self.accept_all_button, self.dismiss_all_button = (
            count_label,
            accept_all,
            dismiss_all,
        )
        self.accept_all_button.clicked.connect(self.accept_all_requested)
        self.dismiss_all_button.clicked.connect(self.dismiss_all_requested)
        self.setProperty("role", "suggestions")
        self.setAccessibleName("Suggestions")

    def set_count(self, waiting: int) -> None:
        """Show the count of suggestions waiting; the bar is hidden when none wait."""
        self.setVisible(waiting > 0)
        self.count_label.setText(f"{waiting} suggestion{'' if waiting == 1 else 's'} to review")


class ShowMoreButton(QPushButton):
    """Offers the suggestions the last Suggest Flags held back; hidden when none were."""

    def __init__(self) -> None:
        super().__init__()
        self.setAccessibleName("Show more suggestions")
        self.setToolTip(
            "Only the best suggestions are listed, about 8 per 1,000 words, highest score "
            "first; list the others too (one step to undo)"
        )
        self.setVisible(False)

    def set_count(self, count: int) -> None:
        """Offer the ``count`` suggestions held back (none: no offer)."""
        self.setText(f"Show {count} more suggestion{'' if count == 1 else 's'}")
        self.setVisible(count > 0)
