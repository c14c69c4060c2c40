"""Presentation mode, for the projector: the article alone in large type, full screen,
its flags revealed one at a time (→), hidden again (←); H shades the sentences by how
many students flagged them; Esc leaves."""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QKeyEvent,
    QPainter,
    QRegion,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QLabel, QTextEdit, QVBoxLayout, QWidget

from reader.core.palette import THEME_COLOURS
from reader.gui.classroom.presentation_contrast import readable_page, readable_shading
from reader.gui.reading.article_view import ArticleView
from reader.gui.reading.page_layout import (
    BASE_POINT_SIZE,
    MAX_ZOOM,
    ZOOM_FACTOR,
    body_font,
    set_page_margins,
    side_margin,
)
from reader.gui.reading.page_render import render_page

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QCloseEvent

    from reader.classroom.overview import ClassOverview
    from reader.core.models import Annotation, Article
    from reader.core.palette import Theme
    from reader.render.cache import RenderCache

# At least this many pixels of body text per 1,080 pixels of screen height: readable
# from the back of a classroom.
BODY_PIXELS_AT_1080 = 28
CAPTION_SCALE = 0.9  # the caption's type against the body's
NEXT_KEYS = frozenset({Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown})
BACK_KEYS = frozenset({Qt.Key.Key_Left, Qt.Key.Key_Backspace, Qt.Key.Key_PageUp})


def body_zoom(screen_height: int, dots_per_inch: float) -> int:
    """The article view's zoom steps that make its body text tall enough on this screen."""
    wanted = BODY_PIXELS_AT_1080 * max(1.0, screen_height / 1080)
    base = BASE_POINT_SIZE * dots_per_inch / 72
    if wanted <= base:
        return 0
    return min(MAX_ZOOM, math.ceil(math.log(wanted / base, ZOOM_FACTOR) - 1e-9))


def warm_type(
    window: QWidget, article: Article, theme: Theme, render_cache: RenderCache | None
) -> None:
    """Lay out and draw the article's page off screen in the type a presentation on
    ``window``'s screen would show it in, and let it go: the first F5 of a session then
    finds the fonts of that size loaded and their glyphs drawn, as every later F5 does.
    Drawn into a one-pixel image: the glyphs are drawn into the fonts' cache whole, and
    clipped only as they are put on the page."""
    screen = window.screen().geometry()
    document = QTextDocument()
    document.setDefaultFont(body_font(body_zoom(screen.height(), window.logicalDpiY())))
    render_page(document, article, theme, render_cache)
    set_page_margins(document, side_margin(document, screen.width()))
    document.setTextWidth(screen.width())
    image = QImage(1, 1, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    document.documentLayout().draw(painter, QAbstractTextDocumentLayout.PaintContext())
    painter.end()


class Presentation(QWidget):
    """A window of its own, so the main window stays exactly as it was."""

    closed = Signal()

    def __init__(
        self,
        parent: QWidget,
        article: Article,
        flags: Callable[[], Sequence[Annotation]],
        theme: Theme,
        heat: Callable[[], ClassOverview | None] = lambda: None,
        render_cache: RenderCache | None = None,
    ) -> None:
        """``flags``: the flags to reveal, in reading order; and ``heat``: the class's
        work on the article (None when there is none). Both are read once the
        presentation has painted (hidden at first, they are not needed before), or at
        the first key that needs them if it comes first. ``render_cache``: where the
        main window keeps its rendered articles, so the page needs no Markdown parsing."""
        super().__init__(parent, Qt.WindowType.Window)  # closed with its parent
        self.setWindowTitle(f"{article.title} — presenting")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self._article = article
        self._theme = theme
        self._read_flags = flags
        self._flags: list[Annotation] | None = None
        self._read_heat = heat
        self.class_work_read = False  # read once the page is painted, or at the first H
        self._shading: list[QTextEdit.ExtraSelection] = []  # the class's heat, once read
        self.heat_shown = False
        # The flags and the heat are read when the page is on the screen: entering does
        # not wait for them, and → and H then only show them.
        self._read_soon = QTimer(self)
        self._read_soon.setSingleShot(True)
        self._read_soon.setInterval(0)
        self._read_soon.timeout.connect(self._on_page_shown)
        self.revealed = 0
        self.view = ArticleView()
        self.view.render_cache = render_cache
        self.view.setAccessibleName("Article")
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys are the presenter's
        # No chrome on the projector (the wheel still scrolls), and the page is not laid
        # out again narrower when a scroll bar appears.
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.caption = QLabel()
        self.caption.setObjectName("presentation_caption")
        self.caption.setWordWrap(True)
        self.caption.setAccessibleName("Flag shown")
        self.caption.setAutoFillBackground(True)
        self.caption.setTextFormat(Qt.TextFormat.RichText)  # the note escaped: see below
        self.caption.hide()
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addWidget(self.view, 1)
        self._layout.addWidget(self.caption)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    @property
    def article(self) -> Article:
        return self._article

    @property
    def theme(self) -> Theme:
        return self._theme

    def make_window_ready(self) -> None:
        """Make the window and the image it is painted into, at the screen's size, without
        showing it: shown, it paints at once. A new window's image comes fresh from the
        system (shared memory on X11), page by page as its first paint writes it."""
        screen = self.screen().geometry()
        self.setGeometry(screen)
        self.create()
        store = self.backingStore()
        store.resize(screen.size())
        whole = QRect(0, 0, screen.width(), screen.height())
        store.beginPaint(QRegion(whole))
        painter = QPainter(store.paintDevice())
        painter.fillRect(whole, QColor(THEME_COLOURS[self._theme].background))
        painter.end()
        store.endPaint()

    def start(self) -> None:
        """Full screen, the flags hidden, the type sized for the screen."""
        screen = self.screen().geometry()
        self.view.set_zoom(body_zoom(screen.height(), self.logicalDpiY()))
        # The theme's colours before it is shown: the page takes them only then.
        self.view.set_theme(self._theme)
        font = QFont(self.view.document().defaultFont())
        font.setPointSizeF(font.pointSizeF() * CAPTION_SCALE)
        self.caption.setFont(font)
        side = round(font.pointSizeF() * 2)
        self.caption.setContentsMargins(side, side // 2, side, side // 2)
        self.view.painted.connect(self._on_view_painted)
        # At the screen's size before it is shown (the platform makes it full screen
        # later), then the page: it is laid out once, at full screen.
        self.setGeometry(screen)
        self.showFullScreen()
        self.view.show_article(self._article, [], self._theme)
        readable_page(self.view.document(), self._theme)
        self.activateWindow()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def flags(self) -> list[Annotation]:
        """The flags to reveal, in reading order: read the first time they are needed."""
        if self._flags is None:
            self._flags = list(self._read_flags())
        return self._flags

    def reveal_next(self) -> bool:
        """Show the next flag in reading order, with its kind and note below the article."""
        if self.revealed >= len(self.flags):
            return False
        flag = self.flags[self.revealed]
        self.revealed += 1
        self._show_caption()  # first: the page's height is known when scrolling to it
        # Only its passage and the one drawn selected before are drawn again.
        self.view.add_highlight(flag, select=True)  # scrolled into view
        self._keep_readable()
        return True

    def hide_last(self) -> bool:
        if self.revealed == 0:
            return False
        self.revealed -= 1
        self._show_caption()
        hidden = self.flags[self.revealed]
        self.view.remove_highlight(hidden.uuid)
        last = self.flags[self.revealed - 1].uuid if self.revealed else None
        self.view.select_annotation(last)
        self._keep_readable(hidden)
        return True

    def _keep_readable(self, hidden: Annotation | None = None) -> None:
        """The passages of the flags revealed, and of the one just ``hidden``, drawn
        again in colours that keep the words readable (the view draws them in the reading
        view's)."""
        shown = self.flags[: self.revealed] + ([hidden] if hidden is not None else [])
        spans = [self.view.document_range(f.anchor.start, f.anchor.end) for f in shown]
        readable_page(self.view.document(), self._theme, [s for s in spans if s is not None])

    def _show_caption(self) -> None:
        """The last flag revealed, its kind and note (none when none is), the page above
        it made shorter or taller at once."""
        if self.revealed:
            last = self.flags[self.revealed - 1]
            note = html.escape(" ".join(last.note.split()))
            heading = f"<b>{last.kind.label}</b> · {self.revealed} of {len(self.flags)}"
            self.caption.setText(f"{heading}<br>{note}" if note else heading)
        self.caption.setVisible(bool(self.revealed))
        self._layout.activate()

    def toggle_heat(self) -> bool:
        """Shade each sentence by how many students flagged it, or stop; False when there
        is no class work to show."""
        self._prepare_heat()  # at once, when H comes before it was read
        if not self._shading:
            return False
        self.heat_shown = not self.heat_shown
        self.view.setExtraSelections(self._shading if self.heat_shown else [])
        return True

    def _on_view_painted(self) -> None:
        self.view.painted.disconnect(self._on_view_painted)
        self._read_soon.start()  # once what is painted is on the screen

    def _on_page_shown(self) -> None:
        """Read what → and H show, while the teacher turns to the class."""
        _ = self.flags
        self._prepare_heat()

    def _prepare_heat(self) -> None:
        """Read the class's work and make its shading, the first time only."""
        if self.class_work_read:
            return
        self.class_work_read = True
        self._read_soon.stop()
        overview = self._read_heat()
        if overview is not None:
            from reader.gui.classroom.class_shading import heat_selections

            shading = heat_selections(self.view, overview, None, self._theme)
            self._shading = readable_shading(shading, self._theme)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in NEXT_KEYS:
            self.reveal_next()
        elif key in BACK_KEYS:
            self.hide_last()
        elif key == Qt.Key.Key_H:
            self.toggle_heat()
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._read_soon.stop()  # the library may be closed next
        super().closeEvent(event)
        self.closed.emit()
