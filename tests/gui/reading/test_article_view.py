"""The article view driven as a reader drives it: select, press a key, click, zoom."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFontMetricsF,
    QImage,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from reader.anchoring.canonical import byline_span
from reader.anchoring.selectors import make_anchor
from reader.core.models import Annotation, Article, Kind, Status
from reader.core.palette import FOCUS_COLOURS, KIND_UNDERLINE_COLOURS, SELECTED_INK
from reader.gui.common.highlight import (
    KIND_UNDERLINES,
    SUGGESTION_UNDERLINE,
    HighlightStyle,
    UnderlineStyle,
)
from reader.gui.common.theme import apply_theme
from reader.gui.reading.article_view import ArticleView
from reader.gui.reading.offsets import normalise
from reader.gui.reading.page_layout import MEASURE_CHARACTERS, MEASURE_SAMPLE, MIN_SIDE_MARGIN
from reader.gui.shell.main_window import MainWindow
from reader.render import KIND_COLOURS, THEME_COLOURS, Theme
from tests.gui.conftest import Session, add_flag, press_flag_key

ArticleFactory = Callable[..., Article]
SAMPLE_PATHS = sorted((Path(__file__).parents[3] / "sample_articles").glob("*.md"))
Underline = QTextCharFormat.UnderlineStyle

UNICODE_MARKDOWN = (
    "Le café 😀 de Zoë, e\u0301 combinant, drapeau 🇫🇷 et 👩‍👩‍👧 famille.\n\n"
    "Second ¶ with “quotes” — and 😀😀 more.\n\n"
    "- list 😀 item\n\n```python\nprint('😀')\n```\n\n| a | b |\n|---|---|\n| Ñ | 😀 |"
)


@pytest.fixture
def view(qtbot: QtBot) -> ArticleView:
    widget = ArticleView()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def flag(article: Article, start: int, end: int, kind: Kind, **fields: object) -> Annotation:
    anchor = make_anchor(article.text, start, end)
    return Annotation(article_id=article.id, kind=kind, anchor=anchor, **fields)  # type: ignore[arg-type]


def place_caret(view: ArticleView, canonical_offset: int) -> None:
    span = view.document_range(canonical_offset, canonical_offset + 1)
    assert span is not None
    cursor = QTextCursor(view.document())
    cursor.setPosition(span[0])
    view.setTextCursor(cursor)


def format_at(view: ArticleView, position: int) -> QTextCharFormat:
    """The format of the character at a document position."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(position + 1)
    return cursor.charFormat()


def centre_of(view: ArticleView, position: int) -> QPoint:
    """A viewport point over the character at a document position."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    left = view.cursorRect(cursor)
    cursor.setPosition(position + 1)
    right = view.cursorRect(cursor)
    return QPoint((left.x() + right.x()) // 2, left.center().y())


def underline_at(view: ArticleView, position: int) -> UnderlineStyle | None:
    """The style of the underline the view paints under the character at a position."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    line = view.cursorRect(cursor)
    x = centre_of(view, position).x()
    for style, stroke in view.underline_strokes():
        if stroke.x1() <= x <= stroke.x2() and line.top() <= stroke.y1() <= line.bottom() + 4:
            return style.underline
    return None


def style_at(view: ArticleView, position: int) -> HighlightStyle | None:
    """The highlight style the view paints under the character at a position."""
    x = centre_of(view, position).x()
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    line = view.cursorRect(cursor)
    for style, stroke in view.underline_strokes():
        if stroke.x1() <= x <= stroke.x2() and line.top() <= stroke.y1() <= line.bottom() + 4:
            return style
    return None


def selection_starts(article: Article) -> Iterator[int]:
    """The headline's and the byline's starts, and a few offsets spread over the text,
    each starting a word."""
    yield 0
    byline = byline_span(article)
    if byline is not None:
        yield byline[0]
    text = article.text
    step = max(1, len(text) // 6)
    for guess in range(0, len(text) - 1, step):
        offset = guess
        while offset < len(text) and not text[offset].isalnum():
            offset += 1
        if offset < len(text) - 1:
            yield offset


def check_keyboard_flagging(qtbot: QtBot, window: MainWindow, article: Article) -> None:
    """Select from several places with Shift+arrows, then flag each selection with 1."""
    view = window.article_view
    for start in selection_starts(article):
        view.setFocus()
        place_caret(view, start)
        for _ in range(9):
            qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
        anchor = view.selected_anchor()
        assert anchor is not None
        shown = normalise(view.textCursor().selectedText()).strip()  # the anchor is trimmed
        assert anchor.start == start
        assert anchor.exact == article.text[anchor.start : anchor.end]
        if view.textCursor().hasComplexSelection():  # whole table cells, without separators
            assert anchor.exact.replace("\n", "") == shown.replace("\n", "")
        else:
            assert anchor.exact.replace("\n\n", "\n") == shown
        flag = press_flag_key(qtbot, window, Qt.Key.Key_1)
        assert flag is not None and flag.kind is Kind.UNSOURCED_CLAIM
        assert flag.anchor == anchor


@pytest.mark.parametrize("path", SAMPLE_PATHS, ids=lambda path: path.name)
def test_keyboard_selection_flags_each_sample_article(
    qtbot: QtBot, session: Session, path: Path, load_sample: Callable[[Path], Article]
) -> None:
    article = load_sample(path)
    check_keyboard_flagging(qtbot, session.start_on(article), article)


def test_keyboard_selection_over_emoji_and_accents(
    qtbot: QtBot, session: Session, make_article: ArticleFactory
) -> None:
    article = make_article(UNICODE_MARKDOWN, title="Émoji 😀")
    window = session.start_on(article)
    view = window.article_view
    check_keyboard_flagging(qtbot, window, article)
    # shift+right steps over whole graphemes: the flag, the family, e + combining accent
    for quote in ("🇫🇷", "👩‍👩‍👧", "e\u0301"):
        start = article.text.index(quote)
        place_caret(view, start)
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
        anchor = view.selected_anchor()
        assert anchor is not None
        assert anchor.exact == quote


def test_double_click_selects_a_word_as_the_anchor(
    qtbot: QtBot, session: Session, make_article: ArticleFactory
) -> None:
    article = make_article("Some 😀 words: naïveté matters here.")
    window = session.start_on(article)
    view = window.article_view
    span = view.document_range(article.text.index("naïveté") + 2, article.text.index("naïveté") + 3)
    assert span is not None
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre_of(view, span[0]))
    anchor = view.selected_anchor()
    assert anchor is not None
    assert anchor.exact == "naïveté"
    flag = press_flag_key(qtbot, window, Qt.Key.Key_3)
    assert flag is not None and flag.kind is Kind.CONTEXT_NOTE


def test_select_text_selects_the_canonical_range(
    qtbot: QtBot, session: Session, make_article: ArticleFactory
) -> None:
    article = make_article(UNICODE_MARKDOWN)
    window = session.start_on(article)
    view = window.article_view
    start = article.text.index("😀 de")
    view.select_text(start, start + 7)
    assert normalise(view.textCursor().selectedText()) == "😀 de Zo"
    anchor = view.selected_anchor()
    assert anchor is not None
    assert (anchor.start, anchor.end, anchor.exact) == (start, start + 7, "😀 de Zo")
    flag = press_flag_key(qtbot, window, Qt.Key.Key_2)
    assert flag is not None and flag.kind is Kind.OPINION


def test_a_kind_key_without_a_selection_flags_nothing(
    qtbot: QtBot, session: Session, make_article: ArticleFactory
) -> None:
    window = session.start_on(make_article("Plain text."))
    view = window.article_view
    view.setFocus()
    assert press_flag_key(qtbot, window, Qt.Key.Key_1) is None
    view.selectAll()
    assert view.selected_anchor() is not None


def test_the_headline_and_byline_can_be_flagged(
    qtbot: QtBot, session: Session, make_article: ArticleFactory
) -> None:
    article = make_article("Body text.", title="Header title", author="Ana")
    window = session.start_on(article)
    view = window.article_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    anchor = view.selected_anchor()
    assert anchor is not None
    assert (anchor.start, anchor.exact) == (0, "Header title")
    flag = press_flag_key(qtbot, window, Qt.Key.Key_2)
    assert flag is not None and flag.kind is Kind.OPINION
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    anchor = view.selected_anchor()
    assert anchor is not None
    assert anchor.exact == "Ana · The Daily Test · 5 February 2025"
    assert anchor.start == len("Header title\n\n")


def test_highlights_use_each_kinds_underline(
    view: ArticleView, make_article: ArticleFactory
) -> None:
    article = make_article("alpha beta gamma delta epsilon zeta")
    text = article.text
    flags = [
        flag(article, text.index("alpha"), text.index("alpha") + 5, Kind.UNSOURCED_CLAIM),
        flag(article, text.index("gamma"), text.index("gamma") + 5, Kind.OPINION),
        flag(article, text.index("epsilon"), text.index("epsilon") + 7, Kind.CONTEXT_NOTE),
        flag(
            article,
            text.index("zeta"),
            text.index("zeta") + 4,
            Kind.OPINION,
            status=Status.SUGGESTED,
        ),
        flag(
            article,
            text.index("beta"),
            text.index("beta") + 4,
            Kind.OPINION,
            status=Status.DISMISSED,
        ),
    ]
    view.show_article(article, flags, Theme.LIGHT)
    for annotation in flags[:3]:
        span = view.document_range(annotation.anchor.start, annotation.anchor.end)
        assert span is not None
        text_format = format_at(view, span[0])
        assert underline_at(view, span[0] + 1) == KIND_UNDERLINES[annotation.kind]
        assert text_format.background().color().alpha() > 0
    zeta = view.document_range(flags[3].anchor.start, flags[3].anchor.end)
    assert zeta is not None
    assert underline_at(view, zeta[0] + 1) == SUGGESTION_UNDERLINE
    beta = view.document_range(flags[4].anchor.start, flags[4].anchor.end)
    assert beta is not None
    assert underline_at(view, beta[0] + 1) is None
    assert view.highlighted_uuids() == [a.uuid for a in flags[:4]]


def test_adding_and_removing_a_flag_only_reformats_its_range(
    view: ArticleView, make_article: ArticleFactory
) -> None:
    article = make_article("Read [the link](https://example.org) and the words after it.")
    view.show_article(article, [], Theme.LIGHT)
    document = view.document()
    start = article.text.index("link and the")
    annotation = flag(article, start, start + len("link and the"), Kind.UNSOURCED_CLAIM)
    span = view.document_range(annotation.anchor.start, annotation.anchor.end)
    assert span is not None
    before, outside = format_at(view, span[0]), format_at(view, span[0] - 1)
    assert before.isAnchor()
    assert before.underlineStyle() == Underline.SingleUnderline

    view.add_highlight(annotation)
    assert view.document() is document  # no re-render
    assert underline_at(view, span[0]) == UnderlineStyle.WAVE
    assert format_at(view, span[0]).isAnchor()  # the link stays a link
    assert underline_at(view, span[1] - 1) == UnderlineStyle.WAVE
    assert underline_at(view, span[1] + 1) is None
    assert format_at(view, span[1]).background().style() == Qt.BrushStyle.NoBrush
    assert format_at(view, span[0] - 1) == outside

    view.update_highlight(
        Annotation(
            article_id=1, kind=Kind.CONTEXT_NOTE, anchor=annotation.anchor, uuid=annotation.uuid
        )
    )
    assert underline_at(view, span[0]) == UnderlineStyle.SOLID
    assert format_at(view, span[0]).background().color().alpha() > 0

    view.remove_highlight(annotation.uuid)
    after = format_at(view, span[0])
    assert after == before
    assert format_at(view, span[1] - 1).background().style() == Qt.BrushStyle.NoBrush
    assert view.highlighted_uuids() == []


def test_overlapping_flags_stay_visible(view: ArticleView, make_article: ArticleFactory) -> None:
    article = make_article("one two three four five six seven")
    text = article.text
    outer = flag(article, text.index("two"), text.index("six") + 3, Kind.UNSOURCED_CLAIM)
    inner = flag(article, text.index("four"), text.index("four") + 4, Kind.OPINION)
    view.show_article(article, [outer, inner], Theme.DARK)
    outer_only = view.document_range(outer.anchor.start, outer.anchor.start + 1)
    both = view.document_range(inner.anchor.start, inner.anchor.end)
    assert outer_only is not None and both is not None
    alone, overlap = format_at(view, outer_only[0]), format_at(view, both[0])
    assert underline_at(view, outer_only[0]) == UnderlineStyle.WAVE
    assert underline_at(view, both[0] + 1) == UnderlineStyle.DOTS  # the shorter lies on top
    assert overlap.background().color().alpha() > alone.background().color().alpha()
    assert view.annotation_at_position(both[0]) == inner.uuid
    assert view.annotation_at_position(outer_only[0]) == outer.uuid


def test_the_selected_flag_is_marked(view: ArticleView, make_article: ArticleFactory) -> None:
    paragraphs = "\n\n".join(f"Paragraph {n} with some words in it." for n in range(200))
    article = make_article(paragraphs)
    start = article.text.index("Paragraph 180")
    annotation = flag(article, start, start + 13, Kind.CONTEXT_NOTE)
    view.show_article(article, [annotation], Theme.LIGHT)
    span = view.document_range(start, start + 13)
    assert span is not None
    plain_alpha = format_at(view, span[0]).background().color().alpha()
    assert view.verticalScrollBar().value() == 0
    view.select_annotation(annotation.uuid)
    assert view.selected_annotation() == annotation.uuid
    assert format_at(view, span[0]).background().color().alpha() > plain_alpha
    assert view.verticalScrollBar().value() > 0  # scrolled to the passage
    cursor = QTextCursor(view.document())
    cursor.setPosition(span[0])
    assert 0 <= view.cursorRect(cursor).top() < view.viewport().height()
    view.select_annotation(None)
    assert format_at(view, span[0]).background().color().alpha() == plain_alpha


def test_clicking_a_highlight_emits_its_uuid(
    qtbot: QtBot, view: ArticleView, make_article: ArticleFactory
) -> None:
    article = make_article("Plain start. The flagged 😀 passage here. Plain end.")
    start = article.text.index("flagged")
    annotation = flag(article, start, start + len("flagged 😀 passage"), Kind.OPINION)
    view.show_article(article, [annotation], Theme.LIGHT)
    span = view.document_range(annotation.anchor.start, annotation.anchor.end)
    assert span is not None
    cursor = QTextCursor(view.document())
    cursor.setPosition((span[0] + span[1]) // 2)
    with qtbot.waitSignal(view.annotation_clicked, timeout=1000) as signal:
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.cursorRect(cursor).center()
        )
    assert signal.args == [annotation.uuid]
    plain = view.document_range(0, 5)
    assert plain is not None
    with qtbot.waitSignal(view.annotation_clicked, timeout=1000) as signal:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre_of(view, plain[0]))
    assert signal.args == [""]


class UrlCatcher(QObject):
    """Receives the URLs QDesktopServices would open in the system browser."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def catch(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture
def url_catcher() -> Iterator[UrlCatcher]:
    catcher = UrlCatcher()
    for scheme in ("http", "https", "mailto", "file", "javascript"):
        QDesktopServices.setUrlHandler(scheme, catcher, "catch")  # type: ignore[arg-type]
    yield catcher
    for scheme in ("http", "https", "mailto", "file", "javascript"):
        QDesktopServices.unsetUrlHandler(scheme)


def test_a_clicked_link_opens_outside_and_is_not_followed(
    qtbot: QtBot, view: ArticleView, make_article: ArticleFactory, url_catcher: UrlCatcher
) -> None:
    article = make_article("Go to [our site](https://example.org/page) now.")
    view.show_article(article, [], Theme.LIGHT)
    document, html = view.document(), view.toHtml()
    start = article.text.index("our site")
    span = view.document_range(start, start + 8)
    assert span is not None
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre_of(view, span[0] + 2))
    assert url_catcher.urls == ["https://example.org/page"]
    assert view.source().isEmpty()
    assert view.document() is document and view.toHtml() == html
    view.anchorClicked.emit(QUrl("file:///etc/passwd"))
    view.anchorClicked.emit(QUrl("javascript:alert(1)"))
    assert url_catcher.urls == ["https://example.org/page"]


def test_no_resource_is_ever_loaded(view: ArticleView, tmp_path: Path) -> None:
    image_path = tmp_path / "secret.png"
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(image_path))
    names = [
        QUrl.fromLocalFile(str(image_path)).toString(),
        str(image_path),
        "https://example.org/tracker.png",
    ]
    view.setHtml("<p>x" + "".join(f'<img src="{name}">' for name in names) + "</p>")
    view.grab()
    resource_type = QTextDocument.ResourceType.ImageResource
    for name in names:
        loaded = view.document().resource(resource_type, QUrl(name))
        assert isinstance(loaded, QImage)
        assert loaded.size().width() == 1  # a blank placeholder, not the 8x8 file
    style_sheet = QTextDocument.ResourceType.StyleSheetResource
    assert view.loadResource(style_sheet.value, QUrl.fromLocalFile(str(image_path))) == ""


def test_context_menu_offers_the_three_kinds(
    qtbot: QtBot, view: ArticleView, make_article: ArticleFactory
) -> None:
    article = make_article("Something to flag here.")
    view.show_article(article, [], Theme.LIGHT)
    menu = view.build_context_menu(QPoint(10, 10))
    labels = {action.text(): action for action in menu.actions()}
    assert not labels["Flag as opinion"].isEnabled()
    menu.deleteLater()
    view.select_text(0, 9)
    menu = view.build_context_menu(QPoint(10, 10))
    flag_actions = [a for a in menu.actions() if a.text().startswith("Flag as")]
    assert [a.text() for a in flag_actions] == [
        "Flag as unsourced claim",
        "Flag as opinion",
        "Flag as context note",
    ]
    assert any("Copy" in a.text() for a in menu.actions())
    with qtbot.waitSignal(view.flag_requested, timeout=1000) as signal:
        flag_actions[1].trigger()
    assert signal.args == [Kind.OPINION]
    menu.deleteLater()


def test_zoom_scales_the_text_and_keeps_the_measure(
    qtbot: QtBot, view: ArticleView, make_article: ArticleFactory
) -> None:
    view.show_article(make_article("Some text " * 200), [], Theme.LIGHT)
    size = view.document().defaultFont().pointSizeF()
    with qtbot.waitSignal(view.zoom_changed, timeout=1000) as signal:
        view.set_zoom(3)
    assert signal.args == [3]
    assert view.zoom() == 3
    assert view.document().defaultFont().pointSizeF() > size * 1.3
    view.set_zoom(0)
    assert view.document().defaultFont().pointSizeF() == pytest.approx(size)

    view.resize(1800, 700)
    qtbot.wait(10)
    wide = view.document().rootFrame().frameFormat().leftMargin()
    view.resize(500, 700)
    qtbot.wait(10)
    narrow = view.document().rootFrame().frameFormat().leftMargin()
    assert wide > narrow >= MIN_SIDE_MARGIN


def test_themes_colour_the_page_and_keep_the_flags(
    view: ArticleView, make_article: ArticleFactory
) -> None:
    article = make_article("Flag this passage please.")
    annotation = flag(article, 0, 4, Kind.UNSOURCED_CLAIM)
    view.show_article(article, [annotation], Theme.LIGHT)
    light = view.palette().color(QPalette.ColorRole.Base).lightness()
    view.set_theme(Theme.DARK)
    assert view.palette().color(QPalette.ColorRole.Base).lightness() < light
    span = view.document_range(0, 4)
    assert span is not None
    assert underline_at(view, span[0] + 1) == UnderlineStyle.WAVE
    assert view.highlighted_uuids() == [annotation.uuid]


def test_the_view_is_named_for_assistive_technology(view: ArticleView) -> None:
    assert view.accessibleName() == "Article"
    assert "press 1" in view.accessibleDescription()
    flags = view.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert flags & Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    assert not view.openLinks()


def test_a_cached_article_maps_and_flags_as_a_fresh_render(
    qtbot: QtBot,
    view: ArticleView,
    session: Session,
    make_article: ArticleFactory,
    tmp_path: Path,
) -> None:
    article = make_article(UNICODE_MARKDOWN, title="Émoji 😀")
    fresh = ArticleView()
    qtbot.addWidget(fresh)
    fresh.show_article(article, [], Theme.DARK)
    view.use_render_cache(tmp_path / "cache")
    view.show_article(article, [], Theme.DARK)  # renders and stores
    assert len(list((tmp_path / "cache").glob("*.json"))) == 1
    view.show_article(article, [], Theme.DARK)  # from the cache
    assert view.document().toPlainText() == fresh.document().toPlainText()
    start = article.text.index("😀😀")
    assert view.document_range(start, start + 2) == fresh.document_range(start, start + 2)
    window = session.start_on(article)  # the keys flag through the window's actions
    window.article_view.use_render_cache(tmp_path / "cache")
    assert window.reading.article is not None
    for _ in range(2):  # renders and stores, then from the cache
        assert window.show_article(window.reading.article.id)
    check_keyboard_flagging(qtbot, window, article)


def test_the_margins_centre_the_measure_in_the_visible_width(
    view: ArticleView, make_article: ArticleFactory
) -> None:
    view.show_article(make_article("Some text " * 2000), [], Theme.LIGHT)
    assert view.verticalScrollBar().isVisible()
    metrics = QFontMetricsF(view.document().defaultFont())
    measure = metrics.horizontalAdvance(MEASURE_SAMPLE) / len(MEASURE_SAMPLE) * MEASURE_CHARACTERS
    margin = view.document().rootFrame().frameFormat().leftMargin()
    assert margin == pytest.approx((view.viewport().width() - measure) / 2, abs=1)


def formats_over(view: ArticleView, start: int, end: int) -> list[tuple[str, int, str]]:
    """Background colour, alpha and foreground of each character in a document range."""
    formats = []
    for position in range(start, end):
        text_format = format_at(view, position)
        colour = text_format.background().color()
        formats.append((colour.name(), colour.alpha(), text_format.foreground().color().name()))
    return formats


OVERLAPS = {
    # a pending suggestion exactly over a real flag of another kind
    "suggestion over flag": (
        ("two three", Kind.OPINION, Status.SUGGESTED),
        ("two three", Kind.UNSOURCED_CLAIM, Status.ACTIVE),
    ),
    # a context note partly over a suggestion
    "partial overlap": (
        ("three four five", Kind.CONTEXT_NOTE, Status.ACTIVE),
        ("one two three", Kind.OPINION, Status.SUGGESTED),
    ),
    # two real flags over the same words: the kind order decides
    "same range": (
        ("four five", Kind.CONTEXT_NOTE, Status.ACTIVE),
        ("four five", Kind.OPINION, Status.ACTIVE),
    ),
}


@pytest.mark.parametrize("case", OVERLAPS, ids=list(OVERLAPS))
def test_overlapping_flags_stack_the_same_in_any_order(
    view: ArticleView, make_article: ArticleFactory, case: str
) -> None:
    article = make_article("one two three four five six")
    text = article.text
    first, second = (
        flag(article, text.index(quote), text.index(quote) + len(quote), kind, status=status)
        for quote, kind, status in OVERLAPS[case]
    )
    span = (0, len(text))
    drawn = []
    for order in ([first, second], [second, first]):
        view.show_article(article, order, Theme.LIGHT)
        document_span = view.document_range(*span)
        assert document_span is not None
        strokes = [
            (style, round(line.x1()), round(line.x2())) for style, line in view.underline_strokes()
        ]
        drawn.append((formats_over(view, *document_span), strokes))
    assert drawn[0] == drawn[1]
    # the real flag (or, between equals, the first kind) is on top where they overlap
    top = second if case == "suggestion over flag" else first
    if case == "same range":
        top = second  # opinion comes before context note in Kind
    top_span = view.document_range(top.anchor.start, top.anchor.end)
    assert top_span is not None
    style = style_at(view, top_span[0] + 1)
    assert style is not None and style.kind is top.kind and not style.suggested
    assert view.annotation_at_position(top_span[0] + 1) == top.uuid


def test_a_suggestion_is_dashed_only_where_no_real_flag_lies(
    view: ArticleView, make_article: ArticleFactory
) -> None:
    article = make_article("one two three four five six")
    text = article.text
    real = flag(article, text.index("two"), text.index("two") + 9, Kind.UNSOURCED_CLAIM)
    suggestion = flag(
        article, text.index("one"), text.index("four") + 4, Kind.OPINION, status=Status.SUGGESTED
    )
    view.show_article(article, [real, suggestion], Theme.DARK)
    one = view.document_range(text.index("one"), text.index("one") + 3)
    three = view.document_range(text.index("three"), text.index("three") + 5)
    four = view.document_range(text.index("four"), text.index("four") + 4)
    assert one is not None and three is not None and four is not None
    assert underline_at(view, one[0] + 1) == UnderlineStyle.DASHES
    assert underline_at(view, three[0] + 1) == UnderlineStyle.WAVE
    assert underline_at(view, four[0] + 1) == UnderlineStyle.DASHES
    real_colour = format_at(view, three[0]).background().color()
    assert real_colour.name().lower() == KIND_COLOURS[Kind.UNSOURCED_CLAIM].lower()


@pytest.mark.parametrize("theme", list(Theme))
def test_underlines_are_painted_thick_in_a_strong_shade(
    view: ArticleView, make_article: ArticleFactory, theme: Theme
) -> None:
    article = make_article("Plain words, then a context note here, then plain words again.")
    start = article.text.index("a context note")
    annotation = flag(article, start, start + len("a context note"), Kind.CONTEXT_NOTE)
    view.show_article(article, [annotation], theme)
    strokes = view.underline_strokes()
    assert len(strokes) == 1
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    line = strokes[0][1]
    x = round((line.x1() + line.x2()) / 2 * ratio)
    expected = QColor(KIND_UNDERLINE_COLOURS[theme][Kind.CONTEXT_NOTE])
    painted_rows = [
        y
        for y in range(round((line.y1() - 3) * ratio), round((line.y1() + 3) * ratio))
        if colour_distance(image.pixelColor(x, y), expected) < 40
    ]
    assert len(painted_rows) >= 2 * ratio  # at least two pixels thick
    page = QColor(THEME_COLOURS[theme].background)
    assert (
        colour_distance(expected, page)
        > colour_distance(QColor(KIND_COLOURS[Kind.CONTEXT_NOTE]), page)
        or theme is Theme.LIGHT
    )


def colour_distance(one: QColor, other: QColor) -> int:
    return (
        abs(one.red() - other.red())
        + abs(one.green() - other.green())
        + abs(one.blue() - other.blue())
    )


@pytest.mark.parametrize("theme", list(Theme))
def test_the_selected_flag_stands_apart(
    view: ArticleView, make_article: ArticleFactory, theme: Theme
) -> None:
    article = make_article("first flag here and second flag there")
    text = article.text
    first = flag(article, 0, 10, Kind.OPINION)
    second = flag(article, text.index("second"), text.index("second") + 11, Kind.OPINION)
    view.show_article(article, [first, second], theme)
    view.select_annotation(first.uuid)
    selected_span = view.document_range(0, 10)
    other_span = view.document_range(second.anchor.start, second.anchor.end)
    assert selected_span is not None and other_span is not None
    selected, other = format_at(view, selected_span[0]), format_at(view, other_span[0])
    assert selected.background().color().alpha() >= 200
    assert selected.background().color().alpha() - other.background().color().alpha() >= 100
    assert selected.foreground().color() == QColor(SELECTED_INK)
    style = style_at(view, selected_span[0] + 1)
    assert style is not None and style.selected
    view.select_annotation(None)
    assert format_at(view, selected_span[0]).foreground().color() != QColor(SELECTED_INK)


def test_a_selection_is_anchored_without_surrounding_spaces(
    view: ArticleView, make_article: ArticleFactory
) -> None:
    article = make_article("We made an offer to the town, and   then waited.")
    view.show_article(article, [], Theme.LIGHT)
    start = article.text.index("offer to")
    view.select_text(start - 1, start + len("offer to "))
    anchor = view.selected_anchor()
    assert anchor is not None
    assert (anchor.exact, anchor.start) == ("offer to", start)
    blank = article.text.index("   ")
    view.select_text(blank, blank + 3)
    assert view.selected_anchor() is None


def gap_below_header(view: ArticleView, header_blocks: int) -> float:
    layout = view.document().documentLayout()
    header = layout.blockBoundingRect(view.document().findBlockByNumber(header_blocks - 1))
    body = layout.blockBoundingRect(view.document().findBlockByNumber(header_blocks))
    return body.top() - header.bottom()


def test_the_header_keeps_its_gap_with_or_without_a_byline(
    view: ArticleView, make_article: ArticleFactory
) -> None:
    view.show_article(make_article("Body text."), [], Theme.LIGHT)
    with_byline = gap_below_header(view, 2)
    alone = make_article("Body text.", author="", publication="", published="")
    view.show_article(alone, [], Theme.LIGHT)
    without = gap_below_header(view, 1)
    line = QFontMetricsF(view.document().defaultFont()).height()
    assert with_byline >= line
    assert without == pytest.approx(with_byline, abs=4)


def characters_per_line(view: ArticleView) -> float:
    """The median length of the lines that wrapped (not a paragraph's last)."""
    view.document().documentLayout().documentSize()
    lengths = []
    block = view.document().begin()
    while block.isValid():
        layout = block.layout()
        lengths += [layout.lineAt(n).textLength() for n in range(layout.lineCount() - 1)]
        block = block.next()
    assert len(lengths) > 10
    return sorted(lengths)[len(lengths) // 2]


@pytest.mark.parametrize("width", [1450, 2200])
def test_lines_stay_near_seventy_characters_at_any_width_and_zoom(
    qtbot: QtBot, view: ArticleView, width: int, load_sample: Callable[[Path], Article]
) -> None:
    view.show_article(load_sample(SAMPLE_PATHS[-1]), [], Theme.LIGHT)
    view.resize(width, 700)
    qtbot.wait(10)
    assert 60 <= characters_per_line(view) <= 75
    view.set_zoom(4)
    assert 60 <= characters_per_line(view) <= 75


@pytest.fixture
def styled_app(qapp: QApplication) -> Iterator[QApplication]:
    """The application's own palette and style sheet, as the app sets them; undone after."""
    apply_theme(qapp, Theme.LIGHT)
    yield qapp
    qapp.setStyleSheet("")
    qapp.setPalette(QPalette())


def page_colour(view: ArticleView) -> str:
    image = view.viewport().grab().toImage()
    return image.pixelColor(3, image.height() - 3).name()


def test_set_theme_repaints_the_page_in_the_new_theme(
    qtbot: QtBot, styled_app: QApplication, make_article: ArticleFactory
) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show_article(make_article("Short text."), [], Theme.LIGHT)
    view.show()
    qtbot.waitExposed(view)
    assert page_colour(view) == THEME_COLOURS[Theme.LIGHT].background
    apply_theme(styled_app, Theme.DARK)  # what the window does first
    view.set_theme(Theme.DARK)
    assert page_colour(view) == THEME_COLOURS[Theme.DARK].background
    assert view.viewport().palette().color(QPalette.ColorRole.Base) == QColor(
        THEME_COLOURS[Theme.DARK].background
    )
    view.set_theme(Theme.LIGHT)
    assert page_colour(view) == THEME_COLOURS[Theme.LIGHT].background


@pytest.mark.parametrize("theme", list(Theme))
def test_keyboard_focus_draws_a_frame(
    qtbot: QtBot, view: ArticleView, make_article: ArticleFactory, theme: Theme
) -> None:
    view.show_article(make_article("Some text."), [], theme)
    other = QLineEdit()
    qtbot.addWidget(other)
    other.show()
    view.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    edge = view.viewport().grab().toImage()
    ratio = edge.devicePixelRatio()
    focus = QColor(FOCUS_COLOURS[theme])
    points = ((0, edge.height() // 2), (1, edge.height() // 2), (edge.width() // 2, 1))
    for x, y in points:
        assert edge.pixelColor(round(x * ratio), round(y * ratio)) == focus
    other.activateWindow()
    other.setFocus()
    qtbot.waitUntil(lambda: not view.hasFocus())
    edge = view.viewport().grab().toImage()
    for x, y in points:
        assert edge.pixelColor(round(x * ratio), round(y * ratio)) != focus


def test_flags_drawn_one_by_one_look_as_if_drawn_at_once(
    qtbot: QtBot, view: ArticleView, make_article: ArticleFactory
) -> None:
    words = " ".join(f"w{n:03d}" for n in range(300))
    article = make_article(words)
    text = article.text
    kinds = list(Kind)
    flags = [
        flag(article, text.index(f"w{n:03d}"), text.index(f"w{n + span:03d}"), kinds[n % 3])
        for n, span in ((n, 1 + (n * 7) % 13) for n in range(0, 280, 4))
    ]
    view.show_article(article, [], Theme.LIGHT)
    for annotation in flags:  # one by one, then some changed and some removed again
        view.add_highlight(annotation, select=True)
    for annotation in flags[::5]:
        view.update_highlight(dataclasses.replace(annotation, kind=Kind.OPINION))
    for annotation in flags[1::3]:
        view.remove_highlight(annotation.uuid)
    view.select_annotation(None)
    kept = {a.uuid: a for a in flags if a not in flags[1::3]}
    for annotation in flags[::5]:
        if annotation.uuid in kept:
            kept[annotation.uuid] = dataclasses.replace(annotation, kind=Kind.OPINION)

    at_once = ArticleView()
    qtbot.addWidget(at_once)
    at_once.resize(view.size())
    at_once.show()
    at_once.show_article(article, list(kept.values()), Theme.LIGHT)
    end = view.document().characterCount() - 1
    assert [format_at(view, p) for p in range(end)] == [format_at(at_once, p) for p in range(end)]
    assert [view.annotation_at_position(p) for p in range(end)] == [
        at_once.annotation_at_position(p) for p in range(end)
    ]
    for bar in (view.verticalScrollBar(), at_once.verticalScrollBar()):
        bar.setValue(0)
    strokes = [(style, line.toLine()) for style, line in view.underline_strokes()]
    assert strokes and strokes == [
        (style, line.toLine()) for style, line in at_once.underline_strokes()
    ]


def test_a_flag_added_as_selected_takes_the_mark_from_the_one_before(
    view: ArticleView, make_article: ArticleFactory
) -> None:
    article = make_article("one two three four five six seven")
    text = article.text
    first = flag(article, text.index("two"), text.index("two") + 3, Kind.OPINION)
    second = flag(article, text.index("five"), text.index("five") + 4, Kind.OPINION)
    view.show_article(article, [first], Theme.LIGHT)
    view.select_annotation(first.uuid)
    first_span = view.document_range(first.anchor.start, first.anchor.end)
    second_span = view.document_range(second.anchor.start, second.anchor.end)
    assert first_span is not None and second_span is not None
    marked = format_at(view, first_span[0]).background().color().alpha()

    view.add_highlight(second, select=True)
    assert view.selected_annotation() == second.uuid
    assert format_at(view, second_span[0]).background().color().alpha() == marked
    assert format_at(view, first_span[0]).background().color().alpha() < marked


def test_drawing_highlights_leaves_no_undo_history(window: MainWindow, qtbot: QtBot) -> None:
    flag = add_flag(window)
    for _ in range(5):
        window.select_annotation(None)
        window.select_annotation(flag.uuid)
    document = window.article_view.document()
    assert not document.isUndoRedoEnabled()
    assert document.availableUndoSteps() == 0
    window.article_view.clear_article()
    assert not window.article_view.document().isUndoRedoEnabled()


def test_tab_leaves_the_article_at_once(window: MainWindow, qtbot: QtBot) -> None:
    with_links = next(s.id for s in window.library.articles() if s.title.startswith("Our"))
    assert window.show_article(with_links)
    window.article_view.setFocus()
    assert QApplication.focusWidget() is window.article_view
    assert "href" in window.article_view.toHtml()  # this sample article has links
    qtbot.keyClick(window.article_view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not window.article_view
    window.article_view.setFocus()
    cursor = window.article_view.textCursor()
    cursor.clearSelection()
    window.article_view.setTextCursor(cursor)
    qtbot.keyClick(window.article_view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.article_view
    assert window.article_view.textCursor().charFormat().isAnchor()


def test_the_viewport_is_wrapped_without_loading_every_widget_class() -> None:
    # In a fresh process, as at start-up: wrapping the viewport that viewport() returns
    # made PySide6 load every widget class it had not loaded (QWizard among them) and
    # build their enums, on the way to the first highlights.
    script = (
        "import enum\n"
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "from reader.gui.reading.article_view import ArticleView\n"
        "app = QApplication(['reader', '-platform', 'offscreen'])\n"
        "view = ArticleView()\n"
        "viewport = view.viewport()\n"
        "found, todo = set(), list(enum.Enum.__subclasses__())\n"
        "while todo:\n"
        "    kind = todo.pop()\n"
        "    found.add(kind)\n"
        "    todo += kind.__subclasses__()\n"
        "wizard = any(kind.__qualname__ == 'QWizard.WizardOption' for kind in found)\n"
        "print(type(viewport) is QWidget, wizard)\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert shown.stdout.split() == ["True", "False"]


def test_the_pages_shown_before_are_deleted(
    view: ArticleView, qtbot: QtBot, make_article: ArticleFactory
) -> None:
    for number in range(6):
        view.show_article(make_article(f"Article {number}. " * 50), [], Theme.LIGHT)
    view.clear_article()
    view.show_article(make_article("The last one."), [], Theme.LIGHT)
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    qtbot.waitUntil(lambda: len(view.findChildren(QTextDocument, options=direct)) == 1)
    assert "The last one." in view.document().toPlainText()
