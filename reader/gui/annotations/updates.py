"""What the main window's undo commands report to: each write they make shown in the
annotation pane, the article's highlights, the layers menu, the counts and the status bar."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from reader.core.models import Annotation, Kind, Status
from reader.gui.annotations.layers import rebuild_layers_menu
from reader.gui.annotations.model import FEW_CHANGES

if TYPE_CHECKING:
    from reader.gui.shell.main_window import MainWindow


class FlagUpdates:
    """The window's ``FlagSetSink``: keeps what it shows in step with the library's flags.

    Made after the first paint (the window builds it with its panels).
    """

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        # Counts and actions after a new flag: updated once its first frame is painted.
        self._after_new_flag = QTimer(window)
        self._after_new_flag.setSingleShot(True)
        self._after_new_flag.setInterval(0)  # a timer, not a queued call: runs after the paint
        self._after_new_flag.timeout.connect(self._update_counts_and_actions)

    def show_error(self, message: str) -> None:
        self._window.show_error(message)

    def annotation_added(self, annotation: Annotation) -> None:
        window = self._window
        if window.article is None or annotation.article_id != window.article.id:
            window.show_article(annotation.article_id, annotation.uuid)
            return
        # What the user waits for is in the first frame: the flag saved, its highlight
        # and the flag in the editor. The card list selects (and so lays its cards out
        # again), and the counts and actions follow, once that frame is painted.
        pane = window.annotation_pane
        pane.add_annotation(annotation)
        if window.is_drawn(annotation):
            window.article_view.add_highlight(annotation, select=True)
        pane.open_in_editor(annotation.uuid)
        window.mark_selection(annotation.uuid)
        if annotation.tags:  # a deleted flag back (undo)
            self.tags_changed()
        self._after_new_flag.start()

    def annotation_changed(self, annotation: Annotation) -> None:
        window = self._window
        if window.article is None or annotation.article_id != window.article.id:
            window.show_article(annotation.article_id, annotation.uuid)
            return
        pane = window.annotation_pane
        before = pane.model.annotation(annotation.uuid)
        pane.update_annotation(annotation)
        if window.is_drawn(annotation):
            window.article_view.update_highlight(annotation)
        if window.replaying and pane.selected_uuid() != annotation.uuid:
            window.select_annotation(annotation.uuid)  # show what the undo changed
        if before is None or before.tags != annotation.tags:
            self.tags_changed()
        if before is None or _counted_as(before) != _counted_as(annotation):
            self.counts_changed()

    def annotation_removed(self, annotation: Annotation) -> None:
        window = self._window
        if window.article is None or annotation.article_id != window.article.id:
            window.show_article(annotation.article_id)
            return
        pane = window.annotation_pane
        was_selected = pane.selected_uuid() == annotation.uuid
        pane.remove_annotation(annotation.uuid)
        window.article_view.remove_highlight(annotation.uuid)
        if was_selected:
            window.select_annotation(None)
        if annotation.tags:
            self.tags_changed()
        self.counts_changed()

    def annotations_replaced(
        self, removed: Sequence[Annotation], added: Sequence[Annotation]
    ) -> None:
        """Many flags changed at once: one update of the pane, the view and the counts."""
        window = self._window
        touched = [*removed, *added]
        if not touched:
            return
        if window.article is None or any(a.article_id != window.article.id for a in touched):
            window.show_article(touched[0].article_id)
            return
        pane, view = window.annotation_pane, window.article_view
        selected = pane.selected_uuid()
        pane.replace_annotations([a.uuid for a in removed], added)
        if {a.layer for a in added} - {layer.name for layer in window.layers}:
            pane.set_layers(window.read_layers())
            rebuild_layers_menu(window)
        if len(touched) <= FEW_CHANGES:
            for annotation in removed:
                view.remove_highlight(annotation.uuid)
            for annotation in added:
                if window.is_drawn(annotation):
                    view.add_highlight(annotation)
        else:
            view.set_annotations(window.drawn(pane.model.annotations()))
        if len(added) == 1 and window.is_drawn(added[0]):
            selected = added[0].uuid
        window.keep_selection(selected)
        if any(annotation.tags for annotation in touched):
            self.tags_changed()
        self.counts_changed()

    def tags_changed(self) -> None:
        """The library's tags in the tag completion and the library's tag filter, and the
        shown article's tags in its row (the filter lists it by them)."""
        window = self._window
        tags = window.library.tags()
        window.annotation_pane.set_known_tags(tags)
        panel = window.library_panel
        panel.set_tags(tags)
        if window.article is not None:
            article_tags = {
                tag for a in window.annotation_pane.model.annotations() for tag in a.tags
            }
            panel.update_article_tags(window.article.id, sorted(article_tags))

    def _update_counts_and_actions(self) -> None:
        self.counts_changed()
        self._window.update_review_actions()

    def counts_changed(self) -> None:
        """The article's counts in the library panel and the status bar."""
        window = self._window
        if window.article is not None:
            counts = window.annotation_pane.model.counts()
            window.library_panel.update_counts(window.article.id, counts)
        self.update_status()

    def update_status(self) -> None:
        """The status bar's count of flags by kind, and of suggestions waiting."""
        pane = self._window.annotation_pane
        parts = [
            f"{count} {kind.label.lower()}{'' if count == 1 else 's'}"
            for kind, count in pane.model.counts().items()
            if count
        ]
        waiting = len(pane.open_suggestions())
        if waiting:
            parts.append(f"{waiting} suggestion{'' if waiting == 1 else 's'}")
        self._window.status_label.setText(" · ".join(parts) if parts else "No flags")


def _counted_as(annotation: Annotation) -> tuple[Kind, Status, str]:
    """What the flag counts in the library panel and the status bar depend on."""
    return annotation.kind, annotation.status, annotation.layer
