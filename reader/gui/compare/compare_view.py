"""Compare mode: two articles side by side, their matching sentences linked.

A click or a selection in a sentence marks it and its counterpart, and scrolls the
other side so the counterpart sits level with it. With linked scrolling on, scrolling
one side keeps the first matched sentence in view level with its counterpart.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.gui.compare.links import Link, SentenceLinks, Span
from reader.gui.compare.side import AddCommand, CompareSide
from reader.gui.compare.side_by_side import SideBySide

if TYPE_CHECKING:
    from reader.compare.figures import Figure, Source
    from reader.core.palette import Theme
    from reader.services.compare import ArticleComparison
    from reader.storage.library import Library

LINKED_TIP = "Scrolling one article scrolls the other to the matching sentences"
MARK_COLOUR = QColor(120, 160, 230, 70)  # with an underline: not colour alone


class CompareView(SideBySide):
    """Two ``CompareSide``s, their matching sentences linked."""

    def __init__(
        self,
        library: Callable[[], Library],
        add_command: AddCommand,
        theme: Theme,
        parent: QWidget | None = None,
    ) -> None:
        sides = (
            CompareSide("First article", library, add_command, theme),
            CompareSide("Second article", library, add_command, theme),
        )
        super().__init__(sides, "Leave Compare", parent)
        self.setAccessibleName("Compare two articles")
        self._links: tuple[SentenceLinks, SentenceLinks] | None = None
        self._syncing = False
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.bar)
        layout.addWidget(splitter, 1)

    def show_comparison(self, comparison: ArticleComparison) -> bool:
        """Show both articles with their flags and links; False (an error said) if unreadable."""
        for side, article in zip(self.sides, (comparison.a, comparison.b), strict=True):
            read = side.reading.read(article.id)
            if read is None:
                return False
            side.show_article(*read)
        self._links = SentenceLinks.both_sides(
            comparison.sentences, self.sides[0].view, self.sides[1].view
        )
        only = comparison.only
        for side, links, figures, sources in zip(
            self.sides,
            self._links,
            (only.figures_a, only.figures_b),
            (only.sources_a, only.sources_b),
            strict=True,
        ):
            side.margin.set_ranges(links.alone())
            side.set_only_here(_only_here_text(figures, sources))
        pairs = len(comparison.sentences.pairs)
        self.summary.setText(
            f"{pairs} matching sentence{'s' * (pairs != 1)} · "
            "○ in the margin: no counterpart in the other article"
        )
        return True

    def marked(self, side: CompareSide) -> Span | None:
        """The sentence marked on a side (as the counterpart of the other side's), if any."""
        selections = side.view.extraSelections()
        if not selections:
            return None
        cursor = selections[0].cursor
        return cursor.selectionStart(), cursor.selectionEnd()

    # Slots

    def _on_cursor_moved(self, side: CompareSide) -> None:
        if self._links is None:
            return
        here = 0 if side is self.sides[0] else 1
        link = self._links[here].at(side.view.textCursor().selectionStart())
        other = self.sides[1 - here]
        if link is None or link.there is None:
            for each in self.sides:
                each.view.setExtraSelections([])
            return
        _mark(side, link.here)
        _mark(other, link.there)
        self._align(side, other, link)

    def _on_scrolled(self, side: CompareSide) -> None:
        if self._links is None or self._syncing or not self.linked_scrolling.isChecked():
            return
        here = 0 if side is self.sides[0] else 1
        top = side.view.cursorForPosition(side.view.viewport().rect().topLeft()).position()
        link = self._links[here].first_linked_from(top)
        if link is not None:
            self._align(side, self.sides[1 - here], link)

    def _align(self, side: CompareSide, other: CompareSide, link: Link) -> None:
        """Scroll ``other`` so the counterpart's first line is level with the sentence's."""
        assert link.there is not None
        level = _top(side, link.here[0])
        bar = other.view.verticalScrollBar()
        self._syncing = True
        try:
            bar.setValue(bar.value() + _top(other, link.there[0]) - level)
        finally:
            self._syncing = False


def _top(side: CompareSide, position: int) -> int:
    cursor = QTextCursor(side.view.document())
    cursor.setPosition(position)
    return side.view.cursorRect(cursor).top()


def _mark(side: CompareSide, span: Span) -> None:
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
