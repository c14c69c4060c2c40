"""The rendered article, its highlights, and flagging by keyboard, mouse and menu."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore, QtGui
from PySide6.QtCore import QPointF, QRectF, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QFontMetricsF,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QTextBrowser, QWidget

from reader.anchoring.canonical import article_blocks
from reader.anchoring.selectors import make_anchor
from reader.core.models import Anchor, Annotation, Article, ReaderError, Status
from reader.core.palette import FOCUS_COLOURS, THEME_COLOURS, Theme
from reader.gui.common.offline import offline_resource
from reader.gui.reading import offsets
from reader.gui.reading.flag_keys import FLAG_KEYS
from reader.gui.reading.highlight_layer import HighlightLayer, Interval, Stroke
from reader.gui.reading.offsets import OffsetMap, build_offset_map
from reader.render.cache import RenderCache, RenderedPage
from reader.render.header import is_safe_link

if TYPE_CHECKING:  # only named in annotations: loading each Qt class costs start-up time
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtGui import (
        QContextMenuEvent,
        QFocusEvent,
        QKeyEvent,
        QMouseEvent,
        QPaintEvent,
        QResizeEvent,
        QWheelEvent,
    )
    from PySide6.QtWidgets import QMenu

BODY_FONT_FAMILIES = ["Charter", "Georgia", "Source Serif 4", "Noto Serif", "DejaVu Serif"]
BASE_POINT_SIZE = 12.5
ZOOM_FACTOR = 1.1
MIN_ZOOM, MAX_ZOOM = -5, 15
# Qt.TextInteractionFlag: selectable by mouse (1) and keyboard (2), links by mouse (4)
# and keyboard (8). Set as a number, through the property: naming the flags would build
# PySide6's whole Qt namespace (~12 ms) before the first paint.
INTERACTION_FLAGS = 1 | 2 | 4 | 8
MEASURE_CHARACTERS = 70  # the line length the text keeps however wide the window
# Ordinary prose, for the width of an average character (the alphabet's is too wide:
# prose is mostly narrow letters and spaces).
MEASURE_SAMPLE = "Readers follow a line of about seventy characters, spaces included, with ease."
MIN_SIDE_MARGIN = 24.0
TOP_MARGIN = 20.0
FOCUS_FRAME = 2  # pixels


class ArticleView(QTextBrowser):
    """A read-only article with highlights; select text and press 1, 2 or 3 to flag it.

    With a suggestion selected (its highlight clicked) and no text, A accepts it and
    D (or Delete) dismisses it, as on its card.
    """

    annotation_clicked = Signal(str)
    painted = Signal()  # after each paint of the page (start-up waits for the first)
    flag_requested = Signal(object)
    accept_requested = Signal(str)  # the selected flag's uuid: the window checks it is a suggestion
    dismiss_requested = Signal(str)
    zoom_changed = Signal(int)
    resized = Signal()  # for what is laid over the page (the assignment banner)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setProperty("textInteractionFlags", INTERACTION_FLAGS)
        self.setAccessibleName("Article")
        self.setAccessibleDescription(
            "The article text. Select a passage and press 1 to flag an unsourced claim, "
            "2 an opinion, 3 a context note. With a suggestion selected, "
            "A accepts it and D dismisses it."
        )
        self.anchorClicked.connect(self._on_anchor_clicked)
        self._article: Article | None = None
        self._offsets: OffsetMap | None = None
        self._layer: HighlightLayer | None = None  # the flags drawn over the article shown
        self._theme = Theme.LIGHT
        self._zoom = 0
        self._press_position: QPoint | None = None
        self._side_margin = -1.0
        self._cache: RenderCache | None = None
        self._palette_theme: Theme | None = None
        self._painted_once = False
        self._apply_palette()

    # -- showing an article -------------------------------------------------

    @property
    def article(self) -> Article | None:
        return self._article

    @property
    def theme(self) -> Theme:
        return self._theme

    def show_article(
        self, article: Article, annotations: Sequence[Annotation], theme: Theme
    ) -> None:
        """Render the article and draw its active and suggested flags."""
        self._theme = theme
        self._apply_palette()
        document = self._new_document()
        self._offsets = self._render(document, article, theme)
        self._article = article
        self._layer = HighlightLayer(document, self._offsets, len(article.text), theme)
        self._layer.show(annotations)
        self._side_margin = -1.0
        self._set_margins(document)
        self.setDocument(document)  # deletes the previous document, a child of this view
        # setDocument only scrolls the cursor's line into view, which leaves the page
        # scrolled down to the top margin when the last article was scrolled: go to the top.
        self.verticalScrollBar().setValue(0)
        self.horizontalScrollBar().setValue(0)

    def use_render_cache(self, folder: Path | None) -> None:
        """Keep rendered articles in ``folder``: shown again, they need no Markdown parsing."""
        # The cached map depends on how Qt splits the page into blocks and on offsets.py.
        sources = [Path(offsets.__file__), Path(QtGui.__file__)]
        self._cache = RenderCache(folder, sources) if folder is not None else None

    def _render(self, document: QTextDocument, article: Article, theme: Theme) -> OffsetMap:
        """Fill the document with the article's page; the map of its offsets."""
        key = self._cache.key(article, theme) if self._cache is not None else ""
        page = self._cache.get(key) if self._cache is not None else None
        if page is not None:
            document.setHtml(page.html)
            return OffsetMap.from_data(page.segments, page.exact)
        from reader.render.html import render_article_html  # markdown-it and Pygments

        html = render_article_html(article, theme)
        document.setHtml(html)
        offsets = build_offset_map(document, article_blocks(article, article.markdown))
        if self._cache is not None:
            self._cache.put(key, RenderedPage(html, offsets.to_data(), offsets.exact))
        return offsets

    def clear_article(self) -> None:
        self._article = None
        self._offsets = None
        self._layer = None
        self.setDocument(self._new_document())

    def _new_document(self) -> QTextDocument:
        document = QTextDocument(self)
        # Highlights are formats set on the document: kept as undo steps they would
        # pile up with every flag drawn or selected. The user's undo is the window's.
        document.setUndoRedoEnabled(False)
        document.setDefaultFont(self._body_font())
        return document

    def set_theme(self, theme: Theme) -> None:
        """Show the same article and flags in another theme, at the same place."""
        if self._article is None or self._layer is None:
            self._theme = theme
            self._apply_palette()
            return
        bar = self.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        selected = self._layer.selected
        self.show_article(self._article, self._layer.annotations(), theme)
        self._layer.repaint(self._layer.select(selected))  # selected again, not scrolled to
        bar.setValue(round(fraction * bar.maximum()))

    # -- highlights ---------------------------------------------------------

    def set_annotations(self, annotations: Sequence[Annotation]) -> None:
        """Replace every highlight (only active and suggested flags are drawn)."""
        if self._layer is not None:
            self._layer.repaint(self._layer.replace(annotations))

    def add_highlight(self, annotation: Annotation, *, select: bool = False) -> None:
        """Draw a new flag; with ``select``, drawn as the selected one in the same change
        of the document (each change lays the changed lines out again)."""
        if self._layer is None:
            return
        ranges = self._layer.redraw(annotation)
        if select:
            ranges += self._reselect(self._layer, annotation.uuid)
        self._layer.repaint(ranges)

    def update_highlight(self, annotation: Annotation) -> None:
        """Draw the flag as it is now (a flag no longer active or suggested disappears)."""
        if self._layer is not None:
            self._layer.repaint(self._layer.redraw(annotation))

    def remove_highlight(self, uuid: str) -> None:
        if self._layer is not None:
            self._layer.repaint(self._layer.remove(uuid))

    def select_annotation(self, uuid: str | None) -> None:
        """Mark the flag as the selected one and scroll its passage into view."""
        if self._layer is not None:
            self._layer.repaint(self._reselect(self._layer, uuid))

    def _reselect(self, layer: HighlightLayer, uuid: str | None) -> list[Interval]:
        """Make ``uuid`` the selected flag and scroll to it; the ranges to paint again."""
        span = layer.range_of(uuid)
        if span is not None:
            self._scroll_into_view(*span)
        return layer.select(uuid)

    def selected_annotation(self) -> str | None:
        return self._layer.selected if self._layer is not None else None

    def selected_suggestion(self) -> str | None:
        """The selected flag's uuid if it is an open suggestion."""
        if self._layer is None:
            return None
        annotation = self._layer.annotation(self._layer.selected)
        if annotation is None or annotation.status is not Status.SUGGESTED:
            return None
        return annotation.uuid

    def highlighted_uuids(self) -> list[str]:
        """The flags drawn now, in the order they were added."""
        layer = self._layer
        return [annotation.uuid for annotation in layer.annotations()] if layer is not None else []

    def annotation_at(self, point: QPoint) -> str:
        """The uuid of the topmost highlight under a viewport point, or ""."""
        layout = self.document().documentLayout()
        offset = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        position = layout.hitTest(QPointF(point) + offset, QtCore.Qt.HitTestAccuracy.ExactHit)
        if position < 0:
            return ""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        if point.x() < self.cursorRect(cursor).x() and position > 0:
            position -= 1  # the click fell on the character before the nearest boundary
        return self.annotation_at_position(position)

    def annotation_at_position(self, position: int) -> str:
        """The uuid of the topmost highlight over the character at a document position."""
        return self._layer.annotation_at(position) if self._layer is not None else ""

    # -- selection in canonical offsets ---------------------------------------

    def selected_anchor(self) -> Anchor | None:
        """The selection as an anchor over the canonical text, without white space at
        either end; None if it holds no text."""
        cursor = self.textCursor()
        if self._article is None or self._offsets is None or not cursor.hasSelection():
            return None
        span = self._offsets.canonical_range(*_selected_positions(cursor))
        if span is None:
            return None
        start, end = _trimmed(self._article.text, *span)
        if start >= end:
            return None
        return make_anchor(self._article.text, start, end)

    def select_text(self, start: int, end: int) -> None:
        """Select canonical ``[start, end)`` and bring it into view."""
        if self._article is None or self._offsets is None:
            raise ReaderError("no article is shown")
        if not 0 <= start < end <= len(self._article.text):
            raise ReaderError(
                f"selection {start}-{end} is outside the text (0-{len(self._article.text)})"
            )
        span = self._offsets.document_range(start, end)
        if span is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(span[0])
        cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def document_range(self, start: int, end: int) -> Interval | None:
        """Document positions of canonical ``[start, end)`` (None when not shown)."""
        return self._offsets.document_range(start, end) if self._offsets else None

    # -- zoom ---------------------------------------------------------------

    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, steps: int) -> None:
        """Make the type ``steps`` steps of 10% larger (negative: smaller) than the default."""
        steps = max(MIN_ZOOM, min(MAX_ZOOM, steps))
        if steps == self._zoom:
            return
        place = self._reading_place()
        self._zoom = steps
        self.document().setDefaultFont(self._body_font())
        if self._layer is not None:
            self._layer.font_changed()
        self._side_margin = -1.0
        self._set_margins(self.document())
        if place is not None:
            self._scroll_to_place(*place)
        self.zoom_changed.emit(steps)

    def _reading_place(self) -> tuple[int, int] | None:
        """What a zoom keeps in view: a document position, and the viewport y its line
        should be at. The selected flag's start if its line is in view, else the first
        line at the top of the view; None with no article."""
        if self._article is None:
            return None
        height = self.viewport().height()
        span = self._layer.range_of(self._layer.selected) if self._layer is not None else None
        if span is not None:
            top = self._line_rect(span[0]).top()
            if 0 <= top < height:
                return span[0], min(top, height // 3)  # room below for its passage
        cursor = self.cursorForPosition(QtCore.QPoint(round(self._side_margin), 0))
        if self.cursorRect(cursor).bottom() < 0:  # the point fell in the space above a line
            cursor.movePosition(QTextCursor.MoveOperation.Down)
        return cursor.position(), max(0, self.cursorRect(cursor).top())

    def _scroll_to_place(self, position: int, y: int) -> None:
        """Scroll the line holding ``position`` to viewport ``y`` (lays the page out only
        down to that line)."""
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + self._line_rect(position).top() - y)

    def _line_rect(self, position: int) -> QRect:
        """The viewport rectangle of the cursor at a document position: its line's height."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        return self.cursorRect(cursor)

    # -- Qt overrides ---------------------------------------------------------

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        return offline_resource(kind, name)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~QtCore.Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        if key in (QtCore.Qt.Key.Key_Tab, QtCore.Qt.Key.Key_Backtab) and (
            modifiers & QtCore.Qt.KeyboardModifier.ControlModifier
        ):
            backward = key == QtCore.Qt.Key.Key_Backtab or bool(
                modifiers & QtCore.Qt.KeyboardModifier.ShiftModifier
            )
            QTextBrowser.focusNextPrevChild(self, not backward)  # the next or previous link
            event.accept()
            return
        # 1, 2 and 3 flag the selection through the window's Flag actions, the one
        # route for those keys (their shortcuts work wherever the focus is).
        plain = modifiers == QtCore.Qt.KeyboardModifier.NoModifier
        accept, dismiss = QtCore.Qt.Key.Key_A, (QtCore.Qt.Key.Key_D, QtCore.Qt.Key.Key_Delete)
        if plain and (key == accept or key in dismiss) and not self.textCursor().hasSelection():
            # A and D on a flag of the reader's own go on to say it is no suggestion;
            # Delete on one is left to the window, which deletes it
            letter = key != QtCore.Qt.Key.Key_Delete
            chosen = self.selected_annotation() if letter else self.selected_suggestion()
            if chosen is not None:
                signal = self.accept_requested if key == accept else self.dismiss_requested
                signal.emit(chosen)
                event.accept()
                return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        # Tab leaves the article, as it leaves any panel; QTextBrowser would visit each
        # of its links first. Ctrl+Tab goes through the links (keyPressEvent).
        return QWidget.focusNextPrevChild(self, next)

    def wheelEvent(self, event: QWheelEvent) -> None:
        # Ctrl+wheel zooms the page as Ctrl +/- do (QTextEdit would change its own font).
        if event.modifiers() & QtCore.Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.set_zoom(self._zoom + (1 if delta > 0 else -1))
            event.accept()
            return
        super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == QtCore.Qt.MouseButton.LeftButton:
            self._press_position = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._press_position = self._press_position, None
        if event.button() != QtCore.Qt.MouseButton.LeftButton or pressed is None:
            return
        point = event.position().toPoint()
        moved = (point - pressed).manhattanLength()
        if moved < QApplication.startDragDistance() and not self.textCursor().hasSelection():
            event.accept()  # the click was ours (a read-only QTextEdit ignores the release)
            self.annotation_clicked.emit(self.annotation_at(point))
        elif self.textCursor().hasSelection():
            # A drag selects whole words, as in a word processor: a quote never ends
            # inside a word. (Shift+arrows and a double-click's drag are left as they are.)
            self.setTextCursor(snapped_to_words(self.textCursor()))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.build_context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._painted_once:
            if self._layer is not None:
                self._paint_underlines(self._layer, event.rect())
            if self.hasFocus():
                self._paint_focus_frame()
        else:
            # Nothing to add to the first paint (highlights come after it), and wrapping
            # the viewport for a painter then would cost ~8 ms: the frame comes next paint.
            self._painted_once = True
            if self.hasFocus():
                self.update()
        self.painted.emit()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if self.hasFocus():
            self.viewport().update()  # the scroll moved the frame's pixels with the text

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._update_frame()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._update_frame()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._set_margins(self.document())
        self.resized.emit()

    def build_context_menu(self, point: QPoint) -> QMenu:
        """The standard menu (copy, select all) with the three "Flag as" actions first."""
        menu = self.createStandardContextMenu(point)
        first = menu.actions()[0] if menu.actions() else None
        can_flag = self.selected_anchor() is not None
        for key, kind in FLAG_KEYS.items():
            action = menu.addAction(f"Flag as {kind.label.lower()}")
            action.setShortcut(QKeySequence(key))
            action.setEnabled(can_flag)
            action.setData(kind.value)
            action.triggered.connect(lambda _=False, k=kind: self.flag_requested.emit(k))
            if first is not None:
                menu.insertAction(first, action)
        if first is not None:
            menu.insertSeparator(first)
        return menu

    # -- internals ------------------------------------------------------------

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if is_safe_link(url.toString()):
            QDesktopServices.openUrl(url)

    def _body_font(self) -> QFont:
        font = QFont()
        font.setFamilies(BODY_FONT_FAMILIES)
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setPointSizeF(BASE_POINT_SIZE * ZOOM_FACTOR**self._zoom)
        return font

    def _apply_palette(self) -> None:
        if self._palette_theme is self._theme:
            return
        colours = THEME_COLOURS[self._theme]
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor(colours.background))
        palette.setColor(QPalette.ColorRole.Text, QColor(colours.text))
        palette.setColor(QPalette.ColorRole.Link, QColor(colours.link))
        self.setPalette(palette)
        if self._painted_once:
            # The viewport paints the page. Once shown (polished under the application's
            # style sheet) it keeps its own palette and no longer follows the view's: give
            # it the new one too. Not before: it still follows the view then, and wrapping
            # the viewport before the first paint costs ~8 ms.
            self.viewport().setPalette(palette)
        self._palette_theme = self._theme

    def _viewport_width(self) -> int:
        # Not viewport().width(): PySide6's first wrap of the viewport resolves every
        # lazily loaded widget class (~8 ms), which the first paint should not wait for.
        width = self.maximumViewportSize().width()
        bar = self.verticalScrollBar()
        if bar.isVisible():
            width -= bar.width()
        return width

    def _measure(self, document: QTextDocument) -> float:
        """The width of a line of MEASURE_CHARACTERS in the article's type."""
        metrics = QFontMetricsF(document.defaultFont())
        return metrics.horizontalAdvance(MEASURE_SAMPLE) / len(MEASURE_SAMPLE) * MEASURE_CHARACTERS

    def readable_width(self) -> int:
        """The view's width at which its lines are MEASURE_CHARACTERS long."""
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        frame = 2 * self.frameWidth()
        return round(self._measure(self.document()) + 2 * MIN_SIDE_MARGIN) + scroll_bar + frame

    def _set_margins(self, document: QTextDocument) -> None:
        """Keep lines near MEASURE_CHARACTERS long, centred, whatever the width."""
        measure = self._measure(document)
        side = max(MIN_SIDE_MARGIN, (self._viewport_width() - measure) / 2)
        if abs(side - self._side_margin) < 1:
            return
        self._side_margin = side
        frame = document.rootFrame()
        frame_format = frame.frameFormat()
        frame_format.setLeftMargin(side)
        frame_format.setRightMargin(side)
        frame_format.setTopMargin(TOP_MARGIN)
        frame_format.setBottomMargin(TOP_MARGIN * 2)
        frame.setFrameFormat(frame_format)

    def _paint_underlines(self, layer: HighlightLayer, area: QRect) -> None:
        strokes = layer.underline_strokes(area, *self._scroll_offset())
        if not strokes:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setClipRect(area)
        layer.draw_underlines(painter, strokes)
        painter.end()

    def _paint_focus_frame(self) -> None:
        """A FOCUS_FRAME pixels wide frame in the focus colour along the page's edges
        (inside them: the side margins keep the text clear of it)."""
        viewport = self.viewport()
        painter = QPainter(viewport)
        pen = QPen(QColor(FOCUS_COLOURS[self._theme]), FOCUS_FRAME)
        pen.setJoinStyle(QtCore.Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = FOCUS_FRAME / 2
        painter.drawRect(QRectF(viewport.rect()).adjusted(half, half, -half, -half))
        painter.end()

    def _update_frame(self) -> None:
        if self._painted_once:
            self.viewport().update()

    def underline_strokes(self, area: QRect | None = None) -> list[Stroke]:
        """The underlines to paint over ``area`` of the viewport (all of it by default):
        one stroke per line of each highlighted stretch, in viewport pixels."""
        if self._layer is None:
            return []
        if area is None:
            area = self.viewport().rect()
        return self._layer.underline_strokes(area, *self._scroll_offset())

    def _scroll_offset(self) -> tuple[int, int]:
        return self.horizontalScrollBar().value(), self.verticalScrollBar().value()

    def _scroll_into_view(self, start: int, end: int) -> None:
        top = self._line_rect(start).top()
        bottom = self._line_rect(end).bottom()
        height = self.viewport().height()
        if top >= 0 and bottom <= height:
            return
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + top - height // 3)


def _trimmed(text: str, start: int, end: int) -> Interval:
    """``[start, end)`` without the white space at either end (a word selection's space)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def snapped_to_words(cursor: QTextCursor) -> QTextCursor:
    """The selection with each end that falls inside a word moved out to that word's
    edge (Unicode word boundaries: "country’s" and "80,000" are one word each)."""
    document = cursor.document()
    start = _word_edge(document, cursor.selectionStart(), backward=True)
    end = _word_edge(document, cursor.selectionEnd(), backward=False)
    forward = cursor.position() >= cursor.anchor()
    snapped = QTextCursor(document)
    snapped.setPosition(start if forward else end)
    snapped.setPosition(end if forward else start, QTextCursor.MoveMode.KeepAnchor)
    return snapped


def _word_edge(document: QTextDocument, position: int, backward: bool) -> int:
    from PySide6.QtCore import QTextBoundaryFinder  # used on a drag: not at start-up

    block = document.findBlock(position)
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Word, block.text())
    finder.setPosition(position - block.position())
    if finder.isAtBoundary():
        return position
    edge = finder.toPreviousBoundary() if backward else finder.toNextBoundary()
    return position if edge < 0 else block.position() + edge


def _selected_positions(cursor: QTextCursor) -> Interval:
    """Where a selection starts and ends; a selection of table cells runs from the start of
    its first cell to the end of its last (Qt reports only the cells' corners)."""
    table = cursor.currentTable()
    if table is None or not cursor.hasComplexSelection():
        return cursor.selectionStart(), cursor.selectionEnd()
    cells: tuple[int, int, int, int] = cursor.selectedTableCells()  # type: ignore[assignment]
    first_row, rows, first_column, columns = cells
    first = table.cellAt(first_row, first_column).firstCursorPosition().position()
    last_cell = table.cellAt(first_row + rows - 1, first_column + columns - 1)
    return first, last_cell.lastCursorPosition().position()
