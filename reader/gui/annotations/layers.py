"""Showing and hiding the article's layers: the Layers menu, one checkable entry per layer,
and the flags redrawn when a layer is shown or hidden."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from reader.core.models import LayerKind, ReaderError
from reader.gui.common.tooltips import plain_tooltip

if TYPE_CHECKING:
    from reader.gui.shell.main_window import MainWindow

SUGGESTIONS_LAYER = LayerKind.SUGGESTIONS.value


def rebuild_layers_menu(window: MainWindow) -> None:
    """The Layers menu for the article's layers and those its flags name."""
    menu = window.window_actions.layers_menu
    menu.clear()
    window.window_actions.layer_actions.clear()
    names = sorted(
        {layer.name for layer in window.layers}
        | {a.layer for a in window.annotation_pane.model.annotations()}
    )
    hidden = window.hidden_layers()
    for name in names:
        action = QAction(name, menu)
        action.setCheckable(True)
        action.setChecked(name not in hidden)
        action.setToolTip(plain_tooltip(f"Show or hide the flags of layer “{name}”"))
        if name == SUGGESTIONS_LAYER and window.suggestions_locked:
            action.setEnabled(False)
            action.setToolTip("Suggestions are locked")
        action.toggled.connect(lambda shown, n=name: window.set_layer_visible(n, shown))
        menu.addAction(action)
        window.window_actions.layer_actions[name] = action
    menu.setEnabled(bool(names))
    window.window_actions.show_suggestions.setChecked(SUGGESTIONS_LAYER not in hidden)


def set_layer_visible(window: MainWindow, name: str, visible: bool) -> None:
    """Store the layer as shown or hidden, and draw (or list) its flags or not."""
    if window.article is None or (name == SUGGESTIONS_LAYER and window.suggestions_locked):
        return  # the lock leaves each article's Show Suggestions state as it is
    try:
        window.library.set_layer_hidden(window.article.id, name, not visible)
    except ReaderError as error:
        window.show_error(str(error))
        return
    pane = window.annotation_pane
    selected = pane.selected_uuid()
    layers = window.read_layers()
    window.article_view.set_annotations(window.drawn(pane.model.annotations()))
    pane.set_layers(layers)
    action = window.window_actions.layer_actions.get(name)
    if action is not None and action.isChecked() != visible:
        action.blockSignals(True)
        action.setChecked(visible)
        action.blockSignals(False)
    if name == SUGGESTIONS_LAYER:
        window.window_actions.show_suggestions.setChecked(visible)
    window.keep_selection(selected)
    window.flag_updates.update_status()
