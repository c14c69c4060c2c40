"""Showing and hiding the article's layers: the Layers menu, one checkable entry per layer,
and the flags redrawn when a layer is shown or hidden."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from reader.core.models import LayerKind, ReaderError
from reader.gui.common.tooltips import plain_tooltip

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from reader.gui.annotations.pane import AnnotationPane
    from reader.gui.reading.controller import ReadingController

SUGGESTIONS_LAYER = LayerKind.SUGGESTIONS.value


class LayersMenu(QObject):
    """Fills the Layers menu for the shown article and shows or hides its layers."""

    layer_toggled = Signal(object)  # the flag selected before (a uuid) or None: keep it?

    def __init__(
        self,
        menu: QMenu,
        actions: dict[str, QAction],
        show_suggestions: QAction,
        reading: ReadingController,
        pane: AnnotationPane,
        suggestions_locked: Callable[[], bool],
    ) -> None:
        """``actions``: the menu's entries by layer name, kept up to date here;
        ``show_suggestions``: View › Show Suggestions, checked as its layer is shown."""
        super().__init__(reading)
        self._menu = menu
        self.actions = actions
        self._show_suggestions = show_suggestions
        self._reading = reading
        self._locked = suggestions_locked
        self._pane = pane

    def rebuild(self) -> None:
        """The Layers menu for the article's layers and those its flags name."""
        menu = self._menu
        menu.clear()
        self.actions.clear()
        names = sorted(
            {layer.name for layer in self._reading.layers}
            | {a.layer for a in self._pane.model.annotations()}
        )
        hidden = self._reading.hidden_layers()
        for name in names:
            action = QAction(name, menu)
            action.setCheckable(True)
            action.setChecked(name not in hidden)
            action.setToolTip(plain_tooltip(f"Show or hide the flags of layer “{name}”"))
            if name == SUGGESTIONS_LAYER and self._locked():
                action.setEnabled(False)
                action.setToolTip("Suggestions are locked")
            action.toggled.connect(lambda shown, n=name: self.set_visible(n, shown))
            menu.addAction(action)
            self.actions[name] = action
        menu.setEnabled(bool(names))
        self._show_suggestions.setChecked(SUGGESTIONS_LAYER not in hidden)

    def set_visible(self, name: str, visible: bool) -> None:
        """Store the layer as shown or hidden, and draw (or list) its flags or not."""
        reading, pane = self._reading, self._pane
        if reading.article is None or (name == SUGGESTIONS_LAYER and self._locked()):
            return  # the lock leaves each article's Show Suggestions state as it is
        try:
            reading.library.set_layer_hidden(reading.article.id, name, not visible)
        except ReaderError as error:
            reading.show_error(str(error))
            return
        selected = pane.selected_uuid()
        layers = reading.read_layers()
        reading.view.set_annotations(reading.drawn(pane.model.annotations()))
        pane.set_layers(layers)
        action = self.actions.get(name)
        if action is not None and action.isChecked() != visible:
            action.blockSignals(True)
            action.setChecked(visible)
            action.blockSignals(False)
        if name == SUGGESTIONS_LAYER:
            self._show_suggestions.setChecked(visible)
        self.layer_toggled.emit(selected)
