"""What the undo commands report to: each write they make shown in the flag pane and the
article's highlights; the tags, counts and status the library panel and the status bar
show, and the flag to select, said by signals."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from reader.core.models import Annotation, Kind, Status
from reader.gui.reading.flags_model import FEW_CHANGES

if TYPE_CHECKING:
    from reader.gui.annotations.pane import AnnotationPane
    from reader.gui.reading.controller import ReadingController


class FlagUpdates(QObject):
    """The reading's ``FlagSetSink``: keeps the pane and the view in step with the
    library's flags. Made after the first paint, with the panels."""

    article_left = Signal(int, str)  # a write to another article: show it (and select the flag)
    flag_marked = Signal(str)  # mark the new flag in the article, its card selected already
    selection_wanted = Signal(object)  # the flag to select (a uuid), or None
    layers_changed = Signal()  # a write brought a new layer
    tags_changed = Signal(list)  # the library's tags
    article_tags_changed = Signal(int, list)  # the shown article and its tags
    counts_changed = Signal(int, object)  # the shown article and its counts by kind
    status_changed = Signal(str)  # the count of flags by kind and of suggestions waiting
    review_due = Signal()  # the suggestion actions to update

    def __init__(self, reading: ReadingController, pane: AnnotationPane) -> None:
        super().__init__(reading)
        self._reading = reading
        self._pane = pane
        # Counts and actions after a new flag: updated once its first frame is painted.
        self._after_new_flag = QTimer(self)
        self._after_new_flag.setSingleShot(True)
        self._after_new_flag.setInterval(0)  # a timer, not a queued call: runs after the paint
        self._after_new_flag.timeout.connect(self._update_counts_and_actions)

    def show_error(self, message: str) -> None:
        self._reading.show_error(message)

    def _elsewhere(self, annotations: Sequence[Annotation], uuid: str = "") -> bool:
        """Whether a flag belongs to another article than the one shown; if so, that
        article is asked for."""
        article = self._reading.article
        if article is not None and all(a.article_id == article.id for a in annotations):
            return False
        self.article_left.emit(annotations[0].article_id, uuid)
        return True

    def annotation_added(self, annotation: Annotation) -> None:
        if self._elsewhere([annotation], annotation.uuid):
            return
        # What the user waits for is in the first frame: the flag saved, its highlight
        # and the flag in the editor. The card list selects (and so lays its cards out
        # again), and the counts and actions follow, once that frame is painted.
        pane = self._pane
        pane.add_annotation(annotation)
        if self._reading.is_drawn(annotation):
            self._reading.view.add_highlight(annotation, select=True)
        pane.open_in_editor(annotation.uuid)
        self.flag_marked.emit(annotation.uuid)
        if annotation.tags:  # a deleted flag back (undo)
            self.update_tags()
        self._after_new_flag.start()

    def annotation_changed(self, annotation: Annotation) -> None:
        if self._elsewhere([annotation], annotation.uuid):
            return
        pane, reading = self._pane, self._reading
        before = pane.model.annotation(annotation.uuid)
        pane.update_annotation(annotation)
        if reading.is_drawn(annotation):
            reading.view.update_highlight(annotation)
        if reading.replaying and pane.selected_uuid() != annotation.uuid:
            self.selection_wanted.emit(annotation.uuid)  # show what the undo changed
        if before is None or before.tags != annotation.tags:
            self.update_tags()
        if before is None or _counted_as(before) != _counted_as(annotation):
            self.update_counts()

    def annotation_removed(self, annotation: Annotation) -> None:
        if self._elsewhere([annotation]):
            return
        pane = self._pane
        was_selected = pane.selected_uuid() == annotation.uuid
        pane.remove_annotation(annotation.uuid)
        self._reading.view.remove_highlight(annotation.uuid)
        if was_selected:
            self.selection_wanted.emit(None)
        if annotation.tags:
            self.update_tags()
        self.update_counts()

    def annotations_replaced(
        self, removed: Sequence[Annotation], added: Sequence[Annotation]
    ) -> None:
        """Many flags changed at once: one update of the pane, the view and the counts."""
        touched = [*removed, *added]
        if not touched or self._elsewhere(touched):
            return
        pane, reading = self._pane, self._reading
        view = reading.view
        selected = pane.selected_uuid()
        pane.replace_annotations([a.uuid for a in removed], added)
        if {a.layer for a in added} - {layer.name for layer in reading.layers}:
            pane.set_layers(reading.read_layers())
            self.layers_changed.emit()
        if len(touched) <= FEW_CHANGES:
            for annotation in removed:
                view.remove_highlight(annotation.uuid)
            for annotation in added:
                if reading.is_drawn(annotation):
                    view.add_highlight(annotation)
        else:
            view.set_annotations(reading.drawn(pane.model.annotations()))
        if len(added) == 1 and reading.is_drawn(added[0]):
            selected = added[0].uuid
        self.selection_wanted.emit(self.kept(selected))
        if any(annotation.tags for annotation in touched):
            self.update_tags()
        self.update_counts()

    def kept(self, uuid: str | None) -> str | None:
        """The flag, if it is still listed and drawn; else None."""
        current = self._pane.model.annotation(uuid) if uuid else None
        return current.uuid if current and self._reading.is_drawn(current) else None

    def update_tags(self) -> None:
        """The library's tags in the tag completion and the library's tag filter, and the
        shown article's tags in its row (the filter lists it by them)."""
        tags = self._reading.library.tags()
        self._pane.set_known_tags(tags)
        self.tags_changed.emit(tags)
        article = self._reading.article
        if article is not None:
            article_tags = {tag for a in self._pane.model.annotations() for tag in a.tags}
            self.article_tags_changed.emit(article.id, sorted(article_tags))

    def _update_counts_and_actions(self) -> None:
        self.update_counts()
        self.review_due.emit()

    def update_counts(self) -> None:
        """The article's counts in the library panel and the status bar."""
        article = self._reading.article
        if article is not None:
            self.counts_changed.emit(article.id, self._pane.model.counts())
        self.update_status()

    def update_status(self) -> None:
        """The status bar's count of flags by kind, and of suggestions waiting."""
        pane = self._pane
        parts = [
            f"{count} {kind.label.lower()}{'' if count == 1 else 's'}"
            for kind, count in pane.model.counts().items()
            if count
        ]
        waiting = len(pane.open_suggestions())
        if waiting:
            parts.append(f"{waiting} suggestion{'' if waiting == 1 else 's'}")
        self.status_changed.emit(" · ".join(parts) if parts else "No flags")


def _counted_as(annotation: Annotation) -> tuple[Kind, Status, str]:
    """What the flag counts in the library panel and the status bar depend on."""
    return annotation.kind, annotation.status, annotation.layer
