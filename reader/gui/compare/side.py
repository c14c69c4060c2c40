"""One side of compare mode: an article with its own reading (flags, undo stack), a
compact list of its flags, its own suggestion actions (the window wires a review of
suggestions to them), and a margin marking its sentences the other side lacks."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.models import Annotation, Kind, Status
from reader.gui.common.actions import distinct_shortcuts, set_tips
from reader.gui.compare.margin import OnlyHereMargin
from reader.gui.reading.article_view import ArticleView
from reader.gui.reading.commands import AnnotationSink, LibraryCommand
from reader.gui.reading.controller import ReadingController
from reader.gui.reading.flags_model import AnnotationFilterModel, AnnotationRole

if TYPE_CHECKING:
    from reader.core.models import Article, Layer
    from reader.core.palette import Theme
    from reader.storage.library import Library

# How the shell's flag command is made: the compare room cannot import the annotations room.
AddCommand = Callable[["Library", AnnotationSink, Annotation], LibraryCommand]
FLAG_LIST_HEIGHT = 110
MORE_SUGGESTIONS = "Show &More Suggestions"


class CompareSide(QWidget):
    """An article shown for comparison; flags made here go on its own undo stack."""

    flags_changed = Signal()  # a flag was written, or another one selected

    def __init__(
        self,
        name: str,
        library: Callable[[], Library],
        add_command: AddCommand,
        theme: Theme,
        suggestions_locked: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self._add_command = add_command
        self.theme = theme
        self.view = ArticleView()
        # In the theme before it is laid out: its page, once polished, keeps that palette
        self.view.set_theme(theme)
        self.view.setAccessibleName(f"{name}: article")
        # Its width kept whatever the article's length: a scroll bar that came with the
        # page's first lines would narrow it and lay the page out again.
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.reading = ReadingController(library, self.view, suggestions_locked, self)
        self.view.annotation_clicked.connect(self._on_annotation_clicked)
        self.heading = QLabel()
        self.heading.setProperty("role", "heading")
        self.heading.setWordWrap(True)
        # This side's own: the window's act on the single article, hidden meanwhile. Their
        # shortcuts work while the focus is on this side.
        self.suggest = self._action("&Suggest Flags", "Ctrl+Shift+S")
        self.show_more = self._action(MORE_SUGGESTIONS)  # those Suggest Flags held back
        self.accept = self._action("&Accept Suggestion", "Ctrl+Return")
        self.dismiss = self._action("D&ismiss Suggestion", "Ctrl+Shift+D")
        self.accept_all = self._action("Accept A&ll Suggestions")
        self.dismiss_all = self._action("Dismiss All Su&ggestions")
        suggestions = QToolButton()
        suggestions.setText("Suggestions")
        suggestions.setAccessibleName(f"{name}: suggestions")
        suggestions.setToolTip("Suggest flags on this article, and accept or dismiss them")
        suggestions.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(suggestions)
        menu.addActions(self.suggestion_actions())
        suggestions.setMenu(menu)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(suggestions, 0, Qt.AlignmentFlag.AlignTop)
        self.margin = OnlyHereMargin(self.view)
        # the reader's own flags, orphaned ones too (not the app's suggestions)
        self.own_flags = AnnotationFilterModel((Status.ACTIVE, Status.ORPHANED), self)
        self.own_flags.setSourceModel(self.reading.flags)
        self.flag_list = QListView()
        self.flag_list.setAccessibleName(f"{name}: flags")
        self.flag_list.setModel(self.own_flags)
        self.flag_list.setMaximumHeight(FLAG_LIST_HEIGHT)
        self.flag_list.setUniformItemSizes(True)  # one line each: measured once, not per flag
        self.flag_list.clicked.connect(self._on_flag_clicked)
        self.flags_heading = QLabel()
        for signal in (
            self.own_flags.rowsInserted,
            self.own_flags.rowsRemoved,
            self.own_flags.modelReset,
        ):
            signal.connect(self._count_flags)
        self.only_here = QLabel()
        self.only_here.setWordWrap(True)
        self.only_here.setAccessibleName(f"{name}: figures and sources only here")
        self.only_here.setToolTip(
            "Figures and named sources this article gives and the other lacks"
        )
        page = QHBoxLayout()
        page.setSpacing(0)
        page.addWidget(self.margin)
        page.addWidget(self.view, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addLayout(page, 1)
        layout.addWidget(self.only_here)
        layout.addWidget(self.flags_heading)
        layout.addWidget(self.flag_list)

    def show_article(
        self,
        article: Article,
        annotations: Sequence[Annotation],
        layers: list[Layer],
    ) -> None:
        self.reading.show(article, annotations, layers, self.theme)
        self.reading.flags.set_annotations(annotations)
        outlet = f" · {article.publication}" if article.publication else ""
        self.heading.setText(f"{article.title or 'Untitled'}{outlet}")
        self.flags_changed.emit()

    def set_theme(self, theme: Theme) -> None:
        """The article shown (and those shown next) in ``theme``."""
        self.theme = theme
        self.view.set_theme(theme)

    def clear(self) -> None:
        """No article, flag, mark or undo step: compare mode left, the side is kept
        for the next compare."""
        self.reading.undo_stack.clear()
        self.reading.clear()
        self.view.set_zoom(0)  # as a new side's
        self.reading.flags.set_annotations([])
        self.margin.set_ranges([])
        self.view.setExtraSelections([])
        self.heading.clear()
        self.only_here.clear()
        self.flags_changed.emit()

    def suggestion_actions(self) -> tuple[QAction, ...]:
        """Suggest Flags and the actions that review its suggestions, in menu order."""
        return (
            self.suggest,
            self.show_more,
            self.accept,
            self.dismiss,
            self.accept_all,
            self.dismiss_all,
        )

    def _action(self, text: str, shortcut: str | None = None) -> QAction:
        action = QAction(text, self)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if shortcut is not None:
            action.setShortcuts(distinct_shortcuts(shortcut))
        set_tips(action, text.replace("&", ""))
        action.setEnabled(False)  # until the review finds it has something to act on
        self.addAction(action)
        return action

    def set_only_here(self, text: str) -> None:
        self.only_here.setText(text)

    def flag_selection(self, kind: Kind) -> Annotation | None:
        """Flag the passage selected on this side, as one step of its undo stack."""
        reading = self.reading
        anchor = self.view.selected_anchor()
        if reading.article is None or anchor is None or not anchor.exact.strip():
            reading.say("Select a passage in the article first", 5000)
            return None
        annotation = Annotation(article_id=reading.article.id, kind=kind, anchor=anchor)
        if not reading.push(self._add_command(reading.library, self, annotation)):
            return None
        cursor = self.view.textCursor()
        cursor.clearSelection()  # so the new highlight shows instead of the selection colour
        self.view.setTextCursor(cursor)
        reading.say(f"Flagged as {kind.label.lower()}", 4000)
        return annotation

    def flags(self) -> list[Annotation]:
        return self.reading.flags.annotations()

    # ReviewedFlags: what the review of suggestions asks of this side

    def open_suggestions(self) -> list[Annotation]:
        """The suggestions waiting for review in the shown layers, in reading order."""
        hidden = self.reading.hidden_layers()
        return [
            annotation
            for annotation in self.reading.flags.annotations()
            if annotation.status is Status.SUGGESTED and annotation.layer not in hidden
        ]

    def selected_uuid(self) -> str | None:
        return self.view.selected_annotation()

    def annotation(self, uuid: str) -> Annotation | None:
        return self.reading.flags.annotation(uuid)

    def annotations(self) -> list[Annotation]:
        return self.reading.flags.annotations()

    def focus_cards(self) -> None:
        """No cards here: the article keeps the focus, where A and D go on reviewing."""
        self.view.setFocus()

    def set_more_suggestions(self, count: int) -> None:
        """Offer the ``count`` suggestions the last Suggest Flags held back in the menu."""
        plural = "" if count == 1 else "s"
        self.show_more.setText(
            f"Show {count} &More Suggestion{plural}" if count else MORE_SUGGESTIONS
        )
        self.show_more.setEnabled(count > 0)

    # FlagSetSink: what the undo commands wrote, shown

    def annotation_added(self, annotation: Annotation) -> None:
        self.reading.flags.add(annotation)
        if self.reading.is_drawn(annotation):
            self.view.add_highlight(annotation)
        self.flags_changed.emit()

    def annotation_changed(self, annotation: Annotation) -> None:
        self.reading.flags.update(annotation)
        if self.reading.is_drawn(annotation):
            self.view.update_highlight(annotation)
        else:
            self.view.remove_highlight(annotation.uuid)
        self.flags_changed.emit()

    def annotation_removed(self, annotation: Annotation) -> None:
        self.reading.flags.remove(annotation.uuid)
        self.view.remove_highlight(annotation.uuid)
        self.flags_changed.emit()

    def annotations_replaced(
        self, removed: Sequence[Annotation], added: Sequence[Annotation]
    ) -> None:
        """Many flags at once (suggestions made, accepted, dismissed): one redraw."""
        self.reading.flags.replace([annotation.uuid for annotation in removed], added)
        self.view.set_annotations(self.reading.drawn(self.reading.flags.annotations()))
        self.flags_changed.emit()

    def show_error(self, message: str) -> None:
        self.reading.show_error(message)

    def _count_flags(self) -> None:
        count = self.own_flags.rowCount()
        self.flag_list.setVisible(count > 0)
        self.flags_heading.setText(
            f"Flags: {count}" if count else "No flags: select a passage and press 1, 2 or 3"
        )

    def _on_flag_clicked(self, index: QModelIndex) -> None:
        self.view.select_annotation(str(index.data(AnnotationRole.UUID)))
        self.flags_changed.emit()

    def _on_annotation_clicked(self, uuid: str) -> None:
        """A click on a highlight selects its flag (a click beside one, none)."""
        self.view.select_annotation(uuid or None)
        self.flags_changed.emit()
