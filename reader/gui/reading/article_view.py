"""The rendered article, its highlights, and flagging by keyboard, mouse and menu."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QPalette,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QTextBrowser, QWidget

from reader.anchoring.selectors import make_anchor
from reader.core.models import Anchor, Annotation, Article, ReaderError
from reader.core.palette import THEME_COLOURS, Theme
from reader.gui.common.offline import offline_resource
from reader.gui.reading.context_menu import add_flag_actions
from reader.gui.reading.highlight_layer import HighlightLayer, Interval
from reader.gui.reading.highlighted_text import HighlightedText
from reader.gui.reading.offsets import OffsetMap
from reader.gui.reading.page_layout import (
    MAX_ZOOM,
    MIN_SIDE_MARGIN,
    MIN_ZOOM,
    body_font,
    measure,
    set_page_margins,
    side_margin,
)
from reader.gui.reading.page_paint import paint_focus_frame, paint_underlines
from reader.gui.reading.page_render import page_cache, render_page
from reader.gui.reading.text_selection import selected_positions, snapped_to_words, trimmed
from reader.gui.reading.view_geometry import (
    line_rect,
    scroll_to_place,
    top_line_place,
)
from reader.render.cache import RenderCache
from reader.render.header import is_safe_link

if TYPE_CHECKING:  # only named in annotations: loading each Qt class costs start-up time
    from PySide6.QtCore import QPoint
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

# Qt.TextInteractionFlag: selectable by mouse (1) and keyboard (2), links by mouse (4)
# and keyboard (8). Set as a number, through the property: naming the flags would build
# PySide6's whole Qt namespace (~12 ms) before the first paint.
INTERACTION_FLAGS = 1 | 2 | 4 | 8


class ArticleView(HighlightedText):
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
        self._page: QTextDocument | None = None  # the page shown, if this view made it
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
        self._offsets = render_page(document, article, theme, self._cache)
        self._article = article
        self._layer = HighlightLayer(document, self._offsets, len(article.text), theme)
        self._layer.show(annotations)
        self._side_margin = -1.0
        self._set_margins(document)
        self._replace_document(document)
        # setDocument only scrolls the cursor's line into view, which leaves the page
        # scrolled down to the top margin when the last article was scrolled: go to the top.
        self.verticalScrollBar().setValue(0)
        self.horizontalScrollBar().setValue(0)

    def use_render_cache(self, folder: Path | None) -> None:
        """Keep rendered articles in ``folder``: shown again, they need no Markdown parsing."""
        self._cache = page_cache(folder)

    @property
    def render_cache(self) -> RenderCache | None:
        """Where rendered articles are kept, if anywhere: another view may share it."""
        return self._cache

    @render_cache.setter
    def render_cache(self, cache: RenderCache | None) -> None:
        self._cache = cache

    def clear_article(self) -> None:
        self._article = None
        self._offsets = None
        self._layer = None
        self._replace_document(self._new_document())

    def _replace_document(self, document: QTextDocument) -> None:
        """Show ``document``; the page shown before is deleted if this view made it
        (setDocument keeps it, so every article shown would stay in memory)."""
        previous, self._page = self._page, document
        self.setDocument(document)  # (it deletes only the page Qt made for the view)
        if previous is not None:
            previous.deleteLater()

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

    # -- selection in canonical offsets ---------------------------------------

    def selected_anchor(self) -> Anchor | None:
        """The selection as an anchor over the canonical text, without white space at
        either end; None if it holds no text."""
        cursor = self.textCursor()
        if self._article is None or self._offsets is None or not cursor.hasSelection():
            return None
        span = self._offsets.canonical_range(*selected_positions(cursor))
        if span is None:
            return None
        start, end = trimmed(self._article.text, *span)
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
            scroll_to_place(self, *place)
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
            top = line_rect(self, span[0]).top()
            if 0 <= top < height:
                return span[0], min(top, height // 3)  # room below for its passage
        return top_line_place(self, round(self._side_margin))

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
        if self._layer is not None:  # none yet at start-up: its highlights come later
            paint_underlines(self.viewport(), self._layer, event.rect(), self._scroll_offset())
        if self._painted_once:
            if self.hasFocus():
                paint_focus_frame(self.viewport(), self._theme)
        else:
            # The focus frame comes with the next paint.
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
        return add_flag_actions(menu, self.selected_anchor() is not None, self.flag_requested.emit)

    # -- internals ------------------------------------------------------------

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if is_safe_link(url.toString()):
            QDesktopServices.openUrl(url)

    def _body_font(self) -> QFont:
        return body_font(self._zoom)

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
            # it the new one too. Not before: it still follows the view then.
            self.viewport().setPalette(palette)
        self._palette_theme = self._theme

    def _viewport_width(self) -> int:
        # The width the viewport gets: read before the first paint, when the viewport
        # may not have been laid out yet.
        width = self.maximumViewportSize().width()
        bar = self.verticalScrollBar()
        if bar.isVisible():
            width -= bar.width()
        return width

    def readable_width(self) -> int:
        """The view's width at which its lines are MEASURE_CHARACTERS long."""
        scroll_bar = self.verticalScrollBar().sizeHint().width()
        frame = 2 * self.frameWidth()
        return round(measure(self.document()) + 2 * MIN_SIDE_MARGIN) + scroll_bar + frame

    def _set_margins(self, document: QTextDocument) -> None:
        """Keep lines near MEASURE_CHARACTERS long, centred, whatever the width."""
        side = side_margin(document, self._viewport_width())
        if abs(side - self._side_margin) < 1:
            return
        self._side_margin = side
        set_page_margins(document, side)

    def _update_frame(self) -> None:
        if self._painted_once:
            self.viewport().update()
