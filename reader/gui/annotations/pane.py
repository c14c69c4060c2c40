"""The pane beside the article: flag cards with filters, orphaned flags, and the flag editor."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QVBoxLayout,
    QWidget,
)

from reader.core.models import Annotation, Kind, Layer, LayerKind, Status
from reader.gui.annotations.card_list import CardList
from reader.gui.annotations.editor import FlagEditor
from reader.gui.annotations.filter_bar import PANE_SPACING, FilterBar
from reader.gui.annotations.suggestion_bar import ShowMoreButton, SuggestionBar
from reader.gui.reading.flags_model import (
    AnnotationFilterModel,
    AnnotationListModel,
    AnnotationRole,
)

LISTED_STATUSES = (Status.ACTIVE, Status.SUGGESTED)  # in the card list; orphans apart


class AnnotationPane(QWidget):
    """Flag cards of the current article, filtered by kind, layer and text."""

    annotation_selected = Signal(str)
    annotation_activated = Signal(str)
    accept_requested = Signal(str)
    dismiss_requested = Signal(str)
    accept_all_requested = Signal()
    dismiss_all_requested = Signal()
    show_more_requested = Signal()  # the suggestions the last Suggest Flags held back

    def __init__(
        self, flags: AnnotationListModel | None = None, parent: QWidget | None = None
    ) -> None:
        """``flags``: the shown article's flags (its ``ReadingController``'s); by default
        a model of the pane's own."""
        super().__init__(parent)
        self.setAccessibleName("Annotation pane")
        self._hidden_layers: frozenset[str] = frozenset()
        self._layer_names: frozenset[str] = frozenset()  # the article's, for the layer filter
        self._suggestions_locked = False
        self.model = flags if flags is not None else AnnotationListModel(self)
        self.active_filter = AnnotationFilterModel(LISTED_STATUSES, self)
        self.active_filter.setSourceModel(self.model)
        self.orphan_filter = AnnotationFilterModel([Status.ORPHANED], self)
        self.orphan_filter.setSourceModel(self.model)
        self._syncing = False
        self._card_timer = QTimer(self)  # selects the edited flag's card (open_in_editor)
        self._card_timer.setSingleShot(True)
        self._card_timer.setInterval(0)  # a timer, not a queued call: runs after the paint
        self._card_timer.timeout.connect(self._select_edited_card)

        self.filter_bar = FilterBar()
        self.kind_buttons = self.filter_bar.kind_buttons
        self.kind_chips = self.filter_bar.kind_chips
        self.search_edit = self.filter_bar.search_edit
        self.layer_combo = self.filter_bar.layer_combo
        self.kind_buttons.idToggled.connect(self._on_kind_filter_toggled)
        self.search_edit.textChanged.connect(self._on_search_changed)
        self.layer_combo.currentIndexChanged.connect(self._on_layer_changed)

        self.heading = QLabel("Flags")
        self.heading.setProperty("role", "heading")
        self.empty_label = QLabel("Select a passage in the article and press 1, 2 or 3 to flag it.")
        self.empty_label.setProperty("role", "empty")
        self.empty_label.setWordWrap(True)
        self.no_match_label = QLabel("No flags match this filter.")
        self.no_match_label.setProperty("role", "empty")
        self.no_match_label.setWordWrap(True)

        self.card_list = CardList()
        self.card_list.setAccessibleName("Flags")
        self.card_list.setModel(self.active_filter)
        self.card_list.selectionModel().currentChanged.connect(self._on_current_changed)
        self.card_list.clicked.connect(self._on_card_clicked)
        self.card_list.activated_by_key.connect(self._on_card_activated)
        self.card_list.accept_pressed.connect(self.accept_requested)
        self.card_list.dismiss_pressed.connect(self.dismiss_requested)
        self.card_list.setToolTip(
            "Enter: go to the passage. On a suggestion: A accepts, D dismisses"
        )

        self.suggestion_bar = SuggestionBar()
        self.suggestion_bar.accept_all_requested.connect(self.accept_all_requested)
        self.suggestion_bar.dismiss_all_requested.connect(self.dismiss_all_requested)
        self.show_more_button = ShowMoreButton()
        self.show_more_button.clicked.connect(self.show_more_requested)

        self.orphan_heading = QLabel("Orphaned flags")
        self.orphan_heading.setProperty("role", "heading")
        self.orphan_heading.setToolTip(
            "Flags whose passage is no longer in this version of the text"
        )
        self.orphan_list = CardList()
        self.orphan_list.setAccessibleName("Orphaned flags")
        self.orphan_list.setModel(self.orphan_filter)
        self.orphan_list.setMaximumHeight(180)
        self.orphan_list.selectionModel().currentChanged.connect(self._on_orphan_current_changed)

        self.editor = FlagEditor()
        self.editor.accept_requested.connect(self.accept_requested)
        self.editor.dismiss_requested.connect(self.dismiss_requested)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 0)
        layout.setSpacing(PANE_SPACING)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.no_match_label)
        layout.addWidget(self.suggestion_bar)
        layout.addWidget(self.show_more_button)
        layout.addWidget(self.card_list, 3)
        layout.addWidget(self.orphan_heading)
        layout.addWidget(self.orphan_list, 1)
        layout.addWidget(self.editor)

        # The source model's signals too: a proxy reports a removed row before the
        # source has removed it, so counting then would count it.
        for model in (self.model, self.active_filter, self.orphan_filter):
            model.rowsInserted.connect(self._update_sections)
            model.rowsRemoved.connect(self._update_sections)
            model.modelReset.connect(self._update_sections)
            model.layoutChanged.connect(self._update_sections)
        self._update_sections()

    def set_more_suggestions(self, count: int) -> None:
        """Offer the ``count`` suggestions held back (none: no offer)."""
        self.show_more_button.set_count(count)

    def set_suggestions_locked(self, locked: bool) -> None:
        """While locked, no suggestion is listed, counted or selected."""
        if locked == self._suggestions_locked:
            return
        self._suggestions_locked = locked
        if self._is_locked_away(self.editor.annotation):
            self.select_annotation(None)
        self.active_filter.set_statuses(self._listed_statuses())
        self._fill_layer_combo()
        self._update_sections()

    def _is_locked_away(self, annotation: Annotation | None) -> bool:
        return (
            self._suggestions_locked
            and annotation is not None
            and annotation.status is Status.SUGGESTED
        )

    def _listed_statuses(self) -> tuple[Status, ...]:
        return (Status.ACTIVE,) if self._suggestions_locked else LISTED_STATUSES

    def open_suggestions(self) -> list[Annotation]:
        """The suggestions waiting for review in the shown layers, in reading order."""
        if not self.open_suggestion_count():
            return []
        return [
            annotation
            for annotation in self.model.annotations()
            if annotation.status is Status.SUGGESTED and annotation.layer not in self._hidden_layers
        ]

    # Content

    def set_annotations(self, annotations: Sequence[Annotation], layers: Sequence[Layer]) -> None:
        """Show another article's flags, their lists at the top (a reset keeps the scroll)."""
        self.editor.set_annotation(None)
        self.model.set_annotations(annotations)
        self.set_layers(layers)
        for view in (self.card_list, self.orphan_list):
            view.scrollToTop()

    def set_layers(self, layers: Sequence[Layer]) -> None:
        self._layer_names = frozenset(layer.name for layer in layers)
        self._fill_layer_combo()
        hidden = [layer.name for layer in layers if layer.hidden]
        self._hidden_layers = frozenset(hidden)
        self.active_filter.set_hidden_layers(hidden)
        self.orphan_filter.set_hidden_layers(hidden)
        self._update_sections()

    def _fill_layer_combo(self) -> None:
        """The layer filter's entries: the layers of the article and of its flags, but
        not the suggestions' while they are locked."""
        names = self._layer_names | {a.layer for a in self.model.annotations()}
        if self._suggestions_locked:
            names -= {LayerKind.SUGGESTIONS.value}
        self.filter_bar.offer_layers(names)
        self._on_layer_changed(self.layer_combo.currentIndex())

    def set_known_tags(self, tags: Sequence[str]) -> None:
        self.editor.tag_completer.set_tags(tags)

    def add_annotation(self, annotation: Annotation) -> None:
        self.model.add(annotation)

    def update_annotation(self, annotation: Annotation) -> None:
        self.model.update(annotation)
        if self.editor.annotation is not None and self.editor.annotation.uuid == annotation.uuid:
            self.editor.set_annotation(annotation)

    def remove_annotation(self, uuid: str) -> None:
        self.editor.forget(uuid)
        self.model.remove(uuid)

    def replace_annotations(self, remove: Sequence[str], add: Sequence[Annotation]) -> None:
        """Many changes at once (suggestions filled, accepted or dismissed)."""
        for uuid in remove:
            self.editor.forget(uuid)
        self.model.replace(remove, add)

    # Selection

    def selected_uuid(self) -> str | None:
        return None if self.editor.annotation is None else self.editor.annotation.uuid

    def annotations(self) -> list[Annotation]:
        """The article's flags and suggestions, whatever their status."""
        return self.model.annotations()

    def annotation(self, uuid: str) -> Annotation | None:
        """The flag listed as ``uuid``, if it is."""
        return self.model.annotation(uuid)

    def focus_cards(self) -> None:
        self.card_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def select_annotation(self, uuid: str | None) -> None:
        """Select the card of ``uuid`` (without telling the article view again)."""
        self._stop_holding_cards()
        annotation = self.model.annotation(uuid) if uuid else None
        if self._is_locked_away(annotation):
            annotation = None
        self._syncing = True
        try:
            self._select_card(annotation)
            self.editor.set_annotation(annotation)
        finally:
            self._syncing = False

    def open_in_editor(self, uuid: str) -> None:
        """Open the flag in the editor now, and select its card at the next turn of the
        event loop: selecting it scrolls to it, which lays every card out again (a new
        card moves those after it), too slow to wait for before the editor shows."""
        annotation = self.model.annotation(uuid)
        if annotation is None:
            return
        self.editor.set_annotation(annotation)
        # Nor is the list painted meanwhile: a paint of the list lays it out first.
        self.card_list.setUpdatesEnabled(False)
        self._card_timer.start()

    def _stop_holding_cards(self) -> None:
        self._card_timer.stop()
        if not self.card_list.updatesEnabled():
            self.card_list.setUpdatesEnabled(True)

    def _select_edited_card(self) -> None:
        self._stop_holding_cards()
        uuid = self.selected_uuid()
        self._syncing = True
        try:
            self._select_card(self.model.annotation(uuid) if uuid else None)
        finally:
            self._syncing = False

    def _select_card(self, annotation: Annotation | None) -> None:
        """Select the card in its list (the caller sets ``_syncing``)."""
        if annotation is None:
            self.card_list.selectionModel().clear()
            self.orphan_list.selectionModel().clear()
        elif annotation.status is Status.ORPHANED:
            self._select_in(self.orphan_list, self.orphan_filter, annotation.uuid)
            self.card_list.selectionModel().clear()
        else:
            if not self._select_in(self.card_list, self.active_filter, annotation.uuid):
                # Filtered out: show everything so the selected card is there.
                self.clear_filters()
                self._select_in(self.card_list, self.active_filter, annotation.uuid)
            self.orphan_list.selectionModel().clear()

    def clear_filters(self) -> None:
        self.filter_bar.clear()

    def _select_in(self, view: QListView, proxy: AnnotationFilterModel, uuid: str | None) -> bool:
        row = self.model.row_of(uuid or "")
        if row < 0:
            return False
        index = proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    def focus_note_editor(self) -> None:
        self.editor.focus_note()

    # Slots

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._syncing and current.isValid():
            self.orphan_list.selectionModel().clear()
            self._choose(str(current.data(AnnotationRole.UUID)))

    def _on_orphan_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._syncing and current.isValid():
            self.card_list.selectionModel().clear()
            self._choose(str(current.data(AnnotationRole.UUID)))

    def _on_card_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and self.selected_uuid() != index.data(AnnotationRole.UUID):
            self._choose(str(index.data(AnnotationRole.UUID)))

    def _choose(self, uuid: str) -> None:
        self.editor.set_annotation(self.model.annotation(uuid))
        self.annotation_selected.emit(uuid)

    def _on_card_activated(self, index: QModelIndex) -> None:
        self.annotation_activated.emit(str(index.data(AnnotationRole.UUID)))

    def _on_kind_filter_toggled(self, button_id: int, checked: bool) -> None:
        if not checked:
            return
        kinds = list(Kind) if button_id == 0 else [list(Kind)[button_id - 1]]
        self._refilter(lambda proxy: proxy.set_kinds(kinds))

    def _on_search_changed(self, text: str) -> None:
        self._refilter(lambda proxy: proxy.set_text(text))

    def _on_layer_changed(self, _row: int) -> None:
        layer = self.filter_bar.chosen_layer()
        self._refilter(lambda proxy: proxy.set_layer(layer))

    def _refilter(self, change: Callable[[AnnotationFilterModel], None]) -> None:
        """Filter both lists; the selected card stays selected, or is let go if hidden.

        The current row the list moves to while rows come and go is not a choice
        of the user's: it neither selects a card nor scrolls the article.
        """
        nested = self._syncing
        self._syncing = True
        try:
            for proxy in (self.active_filter, self.orphan_filter):
                change(proxy)
        finally:
            self._syncing = nested
        selected = self.selected_uuid()
        if nested or selected is None:
            return
        annotation = self.model.annotation(selected)
        orphaned = annotation is not None and annotation.status is Status.ORPHANED
        view, proxy = (
            (self.orphan_list, self.orphan_filter)
            if orphaned
            else (self.card_list, self.active_filter)
        )
        self._syncing = True
        try:
            shown = self._select_in(view, proxy, selected)
            if not shown:
                view.selectionModel().clear()
                self.editor.set_annotation(None)
        finally:
            self._syncing = False
        if not shown:
            self.annotation_selected.emit("")

    def open_suggestion_count(self) -> int:
        """How many suggestions wait for review in the shown layers (none while locked)."""
        if self._suggestions_locked:
            return 0
        return self.model.count([Status.SUGGESTED], self._hidden_layers)

    def listed_total(self) -> int:
        """Flags and open suggestions the card list shows when no filter is on."""
        return self.model.count(self._listed_statuses(), self._hidden_layers)

    def flag_total(self) -> int:
        """The flags (no suggestions) the card list shows when no filter is on."""
        return self.model.count([Status.ACTIVE], self._hidden_layers)

    def shown_flag_count(self) -> int:
        """The flags (no suggestions) the card list shows now."""
        shown = self.active_filter.shown_annotations()
        assert shown is not None  # always in step: its source is an AnnotationListModel
        return sum(1 for annotation in shown if annotation.status is Status.ACTIVE)

    def _update_sections(self) -> None:
        # The heading counts flags; the suggestion bar counts the suggestions.
        flags, shown_flags = self.flag_total(), self.shown_flag_count()
        self.heading.setText(
            f"Flags ({shown_flags})"
            if shown_flags == flags
            else f"Flags ({shown_flags} of {flags})"
        )
        total = self.listed_total()
        shown = self.active_filter.rowCount()
        orphans = self.orphan_filter.rowCount()
        self.empty_label.setVisible(total == 0)
        self.no_match_label.setVisible(total > 0 and shown == 0)
        self.orphan_heading.setVisible(orphans > 0)
        self.orphan_list.setVisible(orphans > 0)
        self.orphan_heading.setText(f"Orphaned flags ({orphans})")
        waiting = self.open_suggestion_count()
        self.suggestion_bar.set_count(waiting)
