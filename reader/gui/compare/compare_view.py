"""Compare mode: two articles side by side, their matching sentences linked.

Both articles are shown at once, with their matches when matching them is quick: when
they were compared a moment ago, or the library keeps both articles' features for
comparing (as it does once they were compared) and they are not long. Else their
sentences are matched once both are painted, in a thread of their own, and the marks
of the matches (the margins, the figures and sources only here) come when it is done,
without moving the text. Hovering, clicking or selecting in a
sentence marks it and its counterpart; a click scrolls the other side so the
counterpart sits level with it, a hover (with linked scrolling on) only when the
counterpart is out of view and the pointer rests. With linked scrolling on,
scrolling one side keeps the first matched sentence in view level with its counterpart.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.compare.features import TextFeatures, quick_to_match
from reader.core.background import in_thread
from reader.core.models import ReaderError
from reader.gui.compare.links import Link, SentenceLinks, Span, alone_spans
from reader.gui.compare.side import AddCommand, CompareSide
from reader.gui.compare.side_by_side import SideBySide
from reader.gui.reading.view_geometry import line_rect, position_at
from reader.services.compare import (
    ArticleComparison,
    compare_read,
    keep_comparison,
    kept_features,
    kept_splits,
    remembers,
)

if TYPE_CHECKING:
    from reader.anchoring.tokens import Blocks
    from reader.compare.figures import Figure, Source
    from reader.core.models import Article
    from reader.core.palette import Theme
    from reader.gui.reading.controller import ArticleRead
    from reader.storage.library import Library

LINKED_TIP = "Scrolling one article scrolls the other to the matching sentences"
MARK_COLOUR = QColor(120, 160, 230, 70)  # with an underline: not colour alone
MATCH_POLL_MS = 10  # how often the window looks whether the matching thread is done
HOVER_DWELL_MS = 400  # a pointer resting this long on a sentence brings its counterpart
# A page up to this long is laid out at once when both are shown (a longer one, as Qt
# does, in steps that leave the window free meanwhile): about 15,000 words.
LAYOUT_AT_ONCE_CHARACTERS = 100_000


class CompareView(SideBySide):
    """Two ``CompareSide``s, their matching sentences linked."""

    matched = Signal()  # the matches are shown (or the summary says why there are none)

    def __init__(
        self,
        library: Callable[[], Library],
        add_command: AddCommand,
        theme: Theme,
        suggestions_locked: Callable[[], bool],
        parent: QWidget | None = None,
    ) -> None:
        sides = (
            CompareSide("First article", library, add_command, theme, suggestions_locked),
            CompareSide("Second article", library, add_command, theme, suggestions_locked),
        )
        super().__init__(sides, "Leave Compare", parent)
        self._library = library
        self.setAccessibleName("Compare two articles")
        self._comparison: ArticleComparison | None = None  # shown
        self._links: tuple[SentenceLinks, SentenceLinks] | None = None  # of the comparison
        self._chosen: tuple[CompareSide, Link] | None = None  # clicked or selected
        self._hovered: tuple[CompareSide, Link] | None = None
        self._syncing = False
        self._reads: tuple[ArticleRead, ArticleRead] | None = None
        self._articles: tuple[Article, Article] | None = None
        # the features the library keeps for comparing them, once read
        self._kept: tuple[TextFeatures | None, TextFeatures | None] | None = None
        self._unpainted = set(sides)
        self._matching: Future[ArticleComparison] | None = None
        self._match_poll = QTimer(self)
        self._match_poll.setInterval(MATCH_POLL_MS)
        self._match_poll.timeout.connect(self._on_match_poll)
        self._dwell = QTimer(self)
        self._dwell.setSingleShot(True)
        self._dwell.setInterval(HOVER_DWELL_MS)
        self._dwell.timeout.connect(self._on_dwelt)
        self.linked_scrolling = QCheckBox("&Linked scrolling")
        self.linked_scrolling.setToolTip(LINKED_TIP)
        self.linked_scrolling.setChecked(True)
        self.bar.insertWidget(1, self.linked_scrolling)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        for side in sides:
            splitter.addWidget(side)
            side.view.cursorPositionChanged.connect(lambda s=side: self._on_cursor_moved(s))
            scroll_bar = side.view.verticalScrollBar()
            scroll_bar.valueChanged.connect(lambda _v, s=side: self._on_scrolled(s))
            side.view.viewport().setMouseTracking(True)
            side.view.viewport().installEventFilter(self)
            side.view.painted.connect(lambda s=side: self._on_painted(s))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.bar)
        layout.addWidget(splitter, 1)

    def read(self, id_a: int, id_b: int) -> bool:
        """Read both articles and their flags; False (an error said) if one is unreadable."""
        reads = [side.reading.read(i) for side, i in zip(self.sides, (id_a, id_b), strict=True)]
        if reads[0] is None or reads[1] is None:
            return False
        self._reads = (reads[0], reads[1])
        return True

    def clear(self) -> None:
        """Nothing shown: compare mode left, the view is kept for the next compare."""
        self._forget_matches()
        for side in self.sides:
            side.clear()
        self.summary.clear()
        self._reads = None

    def _forget_matches(self) -> None:
        """No matching (a thread still running is left to end unheard), link or mark of
        the pair shown last, nor undo step on either side."""
        self._match_poll.stop()
        self._dwell.stop()
        self._matching = None
        self._comparison = None
        self._links = None
        self._chosen = None
        self._hovered = None
        self._articles = None
        self._kept = None
        self._unpainted = set(self.sides)
        self.linked_scrolling.setChecked(True)
        for side in self.sides:
            side.reading.undo_stack.clear()
            side.margin.set_ranges([])
            side.view.setExtraSelections([])
        self.active = self.sides[0]

    def show_articles(self) -> None:
        """Show both articles read, and match their sentences once both are painted.
        Shown in its window first, the view lays each page out once, at its width."""
        assert self._reads is not None
        self._forget_matches()  # of the pair this view showed before, if any
        for side, read in zip(self.sides, self._reads, strict=True):
            side.show_article(*read)
            side.set_only_here("Only here: …")
        self.summary.setText("Matching the sentences of the two articles…")
        self._articles = (self._reads[0][0], self._reads[1][0])
        # compared a moment ago, or quick to match from the features the library keeps:
        # the marks are shown with the pages, in their first paint
        self._start_matching(at_once_only=True)

    @property
    def is_matched(self) -> bool:
        """Whether the matching is done and shown."""
        return (
            self._matching is not None and self._matching.done() and not self._match_poll.isActive()
        )

    def finish_matching(self) -> None:
        """Wait for the matching and show it (for a picture of the window)."""
        self._start_matching()
        if self._matching is not None and self._match_poll.isActive():
            self._matching.exception()  # waits
            self._on_match_poll()

    def _start_matching(self, at_once_only: bool = False) -> None:
        """Match the articles shown, here and now if that is quick, else (unless
        ``at_once_only``) in a thread."""
        if self._matching is not None or self._articles is None:
            return
        a, b = self._articles
        if remembers(a, b):  # compared a moment ago
            self._matching = _at_once(a, b, None, None)
            self._on_match_poll()
            return
        library = self._library()
        if self._kept is None:
            self._kept = kept_features(library, a, b)
        kept = self._kept
        if kept[0] is not None and kept[1] is not None and quick_to_match(kept[0], kept[1]):
            self._matching = _at_once(a, b, *kept)
            self._on_match_poll()
        elif not at_once_only:  # features to make, perhaps splits too (seconds for some)
            self._matching = _in_thread(a, b, *kept, *kept_splits(library, a, b))
            self._match_poll.start()

    def marked(self, side: CompareSide) -> Span | None:
        """The sentence marked on a side (as the counterpart of the other side's), if any."""
        return _marked_span(side)

    def _show_matches(self, comparison: ArticleComparison) -> None:
        self._comparison = comparison
        self._links = None  # placed at their first use
        only = comparison.only
        for side, alone, figures, sources in zip(
            self.sides,
            (comparison.sentences.only_a, comparison.sentences.only_b),
            (only.figures_a, only.figures_b),
            (only.sources_a, only.sources_b),
            strict=True,
        ):
            side.margin.set_ranges(alone_spans(side.view, alone))
            side.set_only_here(_only_here_text(figures, sources))
        pairs = len(comparison.sentences.pairs)
        self.summary.setText(
            f"{pairs} matching sentence{'s' * (pairs != 1)} · "
            "○ in the margin: no counterpart in the other article"
        )
        for side in self.sides:  # a sentence chosen while matching: marked, not scrolled to
            if side.view.hasFocus():
                link = self._link_at(side, side.view.textCursor().selectionStart())
                self._chosen = (side, link) if link is not None else None
        self._show_marks()

    # Slots

    def _on_painted(self, side: CompareSide) -> None:
        """The matching starts once both pages are painted, not to slow them down."""
        self._unpainted.discard(side)
        if not self._unpainted and self._matching is None:
            # not from within the paint: the window shows the pages first
            QTimer.singleShot(0, self, self._on_pages_shown)

    def _on_pages_shown(self) -> None:
        for side in self.sides:
            _lay_out_to_end(side.view.document())
        self._start_matching()

    def _on_match_poll(self) -> None:
        matching = self._matching
        if matching is None or not matching.done():
            return
        self._match_poll.stop()
        try:
            self._show_matches(matching.result())
            keep_comparison(self._library(), matching.result())  # what the library lacked
        except ReaderError as error:
            for side in self.sides:
                side.set_only_here("")
            self.summary.setText(f"No matching sentences shown: {error}")
        self.matched.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            side = next(s for s in self.sides if s.view.viewport() is watched)
            self._on_hovered(side, position_at(side.view, event.position().toPoint()))
        elif event.type() == QEvent.Type.Leave:
            self._on_hovered(None, -1)
        return False

    def _on_hovered(self, side: CompareSide | None, position: int) -> None:
        """The pointer over ``position`` of a side (-1: over no text)."""
        link = self._link_at(side, position) if side is not None else None
        hovered = (side, link) if side is not None and link is not None else None
        if hovered == self._hovered:
            return  # a move within the same sentence: nothing to redraw
        self._hovered = hovered
        self._dwell.stop()
        self._show_marks()
        if hovered is not None and self.linked_scrolling.isChecked():
            self._dwell.start()

    def _on_dwelt(self) -> None:
        if self._hovered is None or not self.linked_scrolling.isChecked():
            return
        side, link = self._hovered
        other = self._other(side)
        assert link.there is not None
        top = line_rect(other.view, link.there[0]).top()
        bottom = line_rect(other.view, link.there[1]).bottom()
        if top < 0 or bottom > other.view.viewport().height():
            self._align(side, other, link)

    def _on_cursor_moved(self, side: CompareSide) -> None:
        link = self._link_at(side, side.view.textCursor().selectionStart())
        self._chosen = (side, link) if link is not None else None
        self._show_marks()
        if link is not None:
            self._align(side, self._other(side), link)

    def _on_scrolled(self, side: CompareSide) -> None:
        if self._syncing:
            return
        if self._hovered is not None and self._hovered[0] is side:
            # the user scrolls: the sentence under the pointer moved away, and a pending
            # hover scroll of the other side would fight theirs
            self._on_hovered(None, -1)
        links = self._sentence_links()
        if links is None or not self.linked_scrolling.isChecked():
            return
        here = self.sides.index(side)
        top = side.view.cursorForPosition(side.view.viewport().rect().topLeft()).position()
        link = links[here].first_linked_from(top)
        if link is not None:
            self._align(side, self._other(side), link)

    # Helpers

    def _link_at(self, side: CompareSide, position: int) -> Link | None:
        """The matched sentence at a document position of a side, if any."""
        links = self._sentence_links()
        if links is None or position < 0:
            return None
        link = links[self.sides.index(side)].at(position)
        return link if link is not None and link.there is not None else None

    def _sentence_links(self) -> tuple[SentenceLinks, SentenceLinks] | None:
        """The matches shown, each side's sentences linked to their counterparts: placed
        in the pages at their first use (a hover, a click, a scroll), not before the
        matches are painted."""
        if self._links is None and self._comparison is not None:
            views = (self.sides[0].view, self.sides[1].view)
            self._links = SentenceLinks.both_sides(self._comparison.sentences, *views)
        return self._links

    def _other(self, side: CompareSide) -> CompareSide:
        return self.sides[1 - self.sides.index(side)]

    def _show_marks(self) -> None:
        """The hovered sentence and its counterpart marked, else the chosen ones: only
        extra selections, which repaint and lay nothing out."""
        shown = self._hovered or self._chosen
        if shown is None:
            for side in self.sides:
                _mark(side, None)
            return
        side, link = shown
        _mark(side, link.here)
        _mark(self._other(side), link.there)

    def _align(self, side: CompareSide, other: CompareSide, link: Link) -> None:
        """Scroll ``other`` so the counterpart's first line is level with the sentence's."""
        assert link.there is not None
        level = line_rect(side.view, link.here[0]).top()
        bar = other.view.verticalScrollBar()
        self._syncing = True
        try:
            bar.setValue(bar.value() + line_rect(other.view, link.there[0]).top() - level)
        finally:
            self._syncing = False


def _at_once(
    a: Article, b: Article, features_a: TextFeatures | None, features_b: TextFeatures | None
) -> Future[ArticleComparison]:
    """The two articles compared here and now, from their kept features (or the
    comparison kept in memory)."""
    future: Future[ArticleComparison] = Future()
    try:
        future.set_result(compare_read(a, b, features_a, features_b))
    except ReaderError as error:  # shown as the thread's would be
        future.set_exception(error)
    return future


def _in_thread(
    a: Article,
    b: Article,
    features_a: TextFeatures | None,
    features_b: TextFeatures | None,
    blocks_a: Blocks | None,
    blocks_b: Blocks | None,
) -> Future[ArticleComparison]:
    """The two articles compared in a thread of their own (it touches no Qt object and
    not the library); the window polls the future."""
    return in_thread(
        "compare-matching",
        lambda: compare_read(a, b, features_a, features_b, blocks_a, blocks_b),
    )


def _lay_out_to_end(document: QTextDocument) -> None:
    """The page laid out to its end now, if it is not long, rather than in the steps Qt
    takes on a timer, each of which repaints the scroll bar."""
    if document.characterCount() <= LAYOUT_AT_ONCE_CHARACTERS:
        document.documentLayout().blockBoundingRect(document.lastBlock())


def _marked_span(side: CompareSide) -> Span | None:
    selections = side.view.extraSelections()
    if not selections:
        return None
    cursor = selections[0].cursor
    return cursor.selectionStart(), cursor.selectionEnd()


def _mark(side: CompareSide, span: Span | None) -> None:
    """Mark ``span`` of a side (None: nothing); a repaint only when the mark changes."""
    if _marked_span(side) == span:
        return
    if span is None:
        side.view.setExtraSelections([])
        return
    selection = QTextEdit.ExtraSelection()
    cursor = QTextCursor(side.view.document())
    cursor.setPosition(span[0])
    cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
    char_format = QTextCharFormat()
    char_format.setBackground(MARK_COLOUR)
    char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
    char_format.setProperty(QTextFormat.Property.FullWidthSelection, False)
    selection.cursor = cursor
    selection.format = char_format
    side.view.setExtraSelections([selection])


def _only_here_text(figures: list[Figure], sources: list[Source]) -> str:
    """ "Only here: 80,000 arrests, 12% · Human Rights Watch", or that there are none."""
    found = [figure.text for figure in figures] + [f"“{source.name}”" for source in sources]
    if not found:
        return "Only here: no figure or named source the other lacks"
    return "Only here: " + ", ".join(dict.fromkeys(found))
