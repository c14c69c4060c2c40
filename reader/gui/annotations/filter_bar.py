"""The pane's filter controls: a chip per kind of flag, a text filter, and a layer choice."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
)

from reader.core.models import Kind
from reader.core.palette import KIND_COLOURS
from reader.gui.common.icons import color_swatch_icon
from reader.gui.common.narrow_rows import ChipRow

SHORT_LABELS: dict[Kind, str] = {
    Kind.UNSOURCED_CLAIM: "Unsourced",
    Kind.OPINION: "Opinion",
    Kind.CONTEXT_NOTE: "Context",
}
PANE_SPACING = 6  # between the pane's rows, these two included


class FilterBar(QVBoxLayout):
    """The kind chips (button 0: all kinds, then one per kind), and under them the text
    filter beside the layer choice (shown when there is more than one layer)."""

    def __init__(self) -> None:
        super().__init__()
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(PANE_SPACING)
        self.kind_buttons = QButtonGroup(self)
        self.kind_buttons.setExclusive(True)
        all_button = _filter_button("All", "Show every kind of flag")
        self.kind_buttons.addButton(all_button, 0)
        for position, kind in enumerate(Kind, start=1):
            button = _filter_button(SHORT_LABELS[kind], f"Show only {kind.label.lower()} flags")
            button.setIcon(color_swatch_icon(KIND_COLOURS[kind]))
            self.kind_buttons.addButton(button, position)
        self.kind_chips = ChipRow(self.kind_buttons.buttons())  # wrapped when narrow
        all_button.setChecked(True)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Filter flags…")
        self.search_edit.setAccessibleName("Filter flags")
        self.search_edit.setToolTip(
            "Show flags whose quote, note, tags or source contain this text"
        )
        self.search_edit.setClearButtonEnabled(True)
        self.layer_combo = QComboBox()
        self.layer_combo.setAccessibleName("Layer filter")
        self.layer_combo.setToolTip("Show the flags of one layer")
        self.layer_combo.addItem("All layers", None)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_edit, 1)
        search_row.addWidget(self.layer_combo)
        self.addWidget(self.kind_chips)
        self.addLayout(search_row)

    def chosen_layer(self) -> str | None:
        """The layer chosen, or None for all layers."""
        data = self.layer_combo.currentData()
        return data if isinstance(data, str) else None

    def offer_layers(self, names: Iterable[str]) -> None:
        """Offer these layers (sorted), without a signal; a layer no longer offered, if it
        was the one chosen, gives way to all layers."""
        names = sorted(names)
        current = self.layer_combo.currentData()
        self.layer_combo.blockSignals(True)
        self.layer_combo.clear()
        self.layer_combo.addItem("All layers", None)
        for name in names:
            self.layer_combo.addItem(name, name)
        self.layer_combo.setCurrentIndex(max(0, self.layer_combo.findData(current)))
        self.layer_combo.blockSignals(False)
        self.layer_combo.setVisible(len(names) > 1)

    def clear(self) -> None:
        """Every kind, no text, all layers."""
        button = self.kind_buttons.button(0)
        if button is not None:
            button.setChecked(True)
        self.search_edit.clear()
        self.layer_combo.setCurrentIndex(0)


def _filter_button(text: str, tooltip: str) -> QPushButton:
    button = QPushButton(text)
    button.setCheckable(True)
    button.setProperty("role", "filter")
    button.setToolTip(tooltip)
    button.setAccessibleName(f"Filter: {text}")
    button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return button
