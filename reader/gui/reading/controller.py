"""One shown article: its view, its flags and layers, which flags are drawn, its undo stack."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from reader.core.models import Annotation, Article, Layer, ReaderError, Status
from reader.gui.reading.highlight_layer import DRAWN_STATUSES

if TYPE_CHECKING:
    from reader.core.palette import Theme
    from reader.gui.reading.article_view import ArticleView
    from reader.gui.reading.commands import LibraryCommand
    from reader.gui.reading.flags_model import AnnotationListModel
    from reader.storage.library import Library

ArticleRead = tuple[Article, list[Annotation], list[Layer]]


class ReadingController(QObject):
    """The reading of one article in one view, with its own undo stack.

    It takes the library (through a function, so that a quick start can open it
    after the first paint), never the window: compare mode shows two of them. What
    goes wrong or what is done it says through signals, for the window to show.
    """

    error_raised = Signal(str)  # a warning for the user
    message = Signal(str, int)  # a status message and how long it shows (ms)
    edits_flush_wanted = Signal()  # save what is typed in the flag editor and not saved yet
    write_started = Signal()  # a command is about to write: a note waiting for its save first
    replay_started = Signal()  # an undo or redo is about to run

    def __init__(
        self,
        library: Callable[[], Library],
        view: ArticleView,
        suggestions_locked: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._suggestions_locked = suggestions_locked
        self.view = view
        self.undo_stack = QUndoStack(self)
        self.article: Article | None = None
        self.layers: list[Layer] = []
        self._flags: AnnotationListModel | None = None
        self._replaying = False

    @property
    def library(self) -> Library:
        return self._library()

    @property
    def flags(self) -> AnnotationListModel:
        """The shown article's flags as a Qt model (the flag pane lists them); made at
        first use, after the first paint."""
        if self._flags is None:
            from reader.gui.reading.flags_model import AnnotationListModel

            self._flags = AnnotationListModel(self)
        return self._flags

    # The article

    def read(self, article_id: int) -> ArticleRead | None:
        """The article, its flags and its layers; None (and an error) if unreadable.
        The students' collected work is left out: the class view shows it."""
        library = self.library
        try:
            return (
                library.article(article_id),
                library.annotations(article_id, submissions=False),
                self._own_layers(article_id),
            )
        except ReaderError as error:
            self.error_raised.emit(str(error))
            return None

    def show(
        self,
        article: Article,
        annotations: Sequence[Annotation],
        layers: list[Layer],
        theme: Theme,
        *,
        highlights_later: bool = False,
        render: bool = True,
    ) -> None:
        """Show the article, its flags drawn unless ``highlights_later`` (``render``: False
        when the view shows it already)."""
        self.article = article
        self.layers = layers
        if render:
            drawn = [] if highlights_later else self.drawn(annotations)
            self.view.show_article(article, drawn, theme)

    def clear(self) -> None:
        self.article = None
        self.layers = []
        self.view.clear_article()

    def read_layers(self) -> list[Layer]:
        """Read the shown article's layers again, after a change to them."""
        assert self.article is not None
        self.layers = self._own_layers(self.article.id)
        return self.layers

    def _own_layers(self, article_id: int) -> list[Layer]:
        """The article's layers but the students' collected work."""
        from reader.storage.classroom import is_collected_layer

        return [
            layer for layer in self.library.layers(article_id) if not is_collected_layer(layer.name)
        ]

    def hidden_layers(self) -> set[str]:
        return {layer.name for layer in self.layers if layer.hidden}

    def is_drawn(self, annotation: Annotation) -> bool:
        """Whether the flag is highlighted in the article: shown, in a layer not hidden,
        and not a suggestion while suggestions are locked."""
        if annotation.status is Status.SUGGESTED and self._suggestions_locked():
            return False
        return annotation.status in DRAWN_STATUSES and annotation.layer not in self.hidden_layers()

    def drawn(self, annotations: Sequence[Annotation]) -> list[Annotation]:
        return [annotation for annotation in annotations if self.is_drawn(annotation)]

    # Writes and their undo

    def flush_edits(self) -> None:
        """Save the note, tags and source typed in the flag editor and not saved yet."""
        self.edits_flush_wanted.emit()

    def push(self, command: LibraryCommand) -> bool:
        """Run the command and push it on the undo stack; False (and an error) if the
        library refused it. A note still waiting for its save is saved first, as its
        own step (that save comes through here too)."""
        self.write_started.emit()  # re-entry is harmless: the save clears its wait first
        try:
            command.execute()
        except ReaderError as error:
            self.error_raised.emit(str(error))
            return False
        self.undo_stack.push(command)
        return True

    def undo(self) -> None:
        self.replay_started.emit()
        self._replay(self.undo_stack.undoText(), "Undone", self.undo_stack.undo)

    def redo(self) -> None:
        self.replay_started.emit()
        self._replay(self.undo_stack.redoText(), "Redone", self.undo_stack.redo)

    @property
    def replaying(self) -> bool:
        """Whether an undo or redo is running."""
        return self._replaying

    def _replay(self, text: str, done: str, step: Callable[[], None]) -> None:
        """Undo or redo one step; the flag it changes is selected, and the status bar says what."""
        self._replaying = True
        try:
            step()
        finally:
            self._replaying = False
        if text:
            self.message.emit(f"{done}: {text}", 6000)

    def say(self, text: str, milliseconds: int) -> None:
        self.message.emit(text, milliseconds)

    def show_error(self, message: str) -> None:
        self.error_raised.emit(message)
