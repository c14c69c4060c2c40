"""Presentation mode as a teacher uses it on a projector: F5, → and ←, Esc."""

from __future__ import annotations

import html
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFontInfo,
    QImage,
    QPalette,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QApplication, QMenuBar, QTextEdit, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from reader.anchoring.selectors import make_anchor
from reader.core.models import Annotation, ArticleMeta, Kind, SourceFormat
from reader.core.palette import Theme
from reader.gui.classroom.presentation import BODY_PIXELS_AT_1080, Presentation, body_zoom
from reader.gui.classroom.presentation_contrast import (
    BODY_CONTRAST,
    blended,
    block_background,
    contrast_ratio,
    drawn_colours,
)
from reader.gui.classroom.showing import WARM_AFTER_MS
from reader.gui.common.theme import apply_theme
from reader.gui.reading.view_geometry import line_rect
from reader.gui.shell.main_window import MainWindow
from reader.services import classroom as service
from reader.services.samples import ensure_samples
from reader.storage.library import Library
from tests.gui.classroom.test_class_view import teacher_with_three_submissions
from tests.gui.shell.test_main_window import sentence_span

if TYPE_CHECKING:
    from tests.gui.conftest import Session


def test_the_zoom_gives_28_pixel_body_text_on_a_1080_line_screen(qtbot: QtBot) -> None:
    from reader.gui.reading.article_view import ArticleView

    view = ArticleView()
    qtbot.addWidget(view)
    for height, dpi in ((1080, 96), (1080, 72), (2160, 96), (768, 96)):
        view.set_zoom(body_zoom(height, dpi))
        pixels = view.document().defaultFont().pointSizeF() * dpi / 72
        assert pixels >= BODY_PIXELS_AT_1080 * max(1, height / 1080)
        assert pixels < BODY_PIXELS_AT_1080 * max(1, height / 1080) * 1.1  # not needlessly


def test_present_reveals_the_key_in_reading_order_and_esc_restores_the_window(
    session: Session, qtbot: QtBot, db_path: Path
) -> None:
    library = Library.open(db_path)
    try:
        article_id = library.articles()[0].id
        service.use_as_key(library, article_id)
    finally:
        library.close()
    window = session.start()
    window.finish_startup()
    window.show_article(article_id)
    geometry, state = window.geometry(), window.windowState()
    key = service.presented_flags(window.library, article_id)
    assert len(key) >= 3
    assert [f.anchor.start for f in key] == sorted(f.anchor.start for f in key)

    qtbot.keyClick(window, Qt.Key.Key_F5)
    presentation = window.classroom.presentation
    assert presentation is not None
    qtbot.waitUntil(presentation.isActiveWindow, timeout=3000)
    assert presentation.isFullScreen()
    assert not presentation.findChildren(QToolBar) and not presentation.findChildren(QMenuBar)
    assert presentation.view.highlighted_uuids() == []  # the flags hidden at first
    assert not presentation.caption.isVisible()
    height = presentation.screen().geometry().height()
    body = QFontInfo(presentation.view.document().defaultFont())
    assert body.pixelSize() >= BODY_PIXELS_AT_1080 * max(1, height / 1080)

    qtbot.keyClick(presentation, Qt.Key.Key_Right)
    assert presentation.view.highlighted_uuids() == [key[0].uuid]
    assert presentation.caption.isVisible()
    caption = presentation.caption.text()
    assert caption.startswith(f"<b>{key[0].kind.label}</b> · 1 of {len(key)}")
    assert html.escape(" ".join(key[0].note.split())) in caption
    qtbot.keyClick(presentation, Qt.Key.Key_Right)
    assert sorted(presentation.view.highlighted_uuids()) == sorted(f.uuid for f in key[:2])
    assert presentation.caption.text().startswith(f"<b>{key[1].kind.label}</b> · 2 of")
    qtbot.keyClick(presentation, Qt.Key.Key_Left)
    assert presentation.view.highlighted_uuids() == [key[0].uuid]
    qtbot.keyClick(presentation, Qt.Key.Key_Left)
    assert presentation.view.highlighted_uuids() == []
    assert not presentation.caption.isVisible()
    qtbot.keyClick(presentation, Qt.Key.Key_Left)  # nothing left to hide: nothing happens
    assert presentation.revealed == 0
    qtbot.keyClick(presentation, Qt.Key.Key_H)  # no class has handed in: nothing to shade
    assert not presentation.heat_shown and presentation.view.extraSelections() == []

    qtbot.keyClick(presentation, Qt.Key.Key_Escape)
    assert window.classroom.presentation is None
    assert not presentation.isVisible()
    assert window.geometry() == geometry and window.windowState() == state
    assert window.reading.article is not None and window.reading.article.id == article_id
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def test_a_flag_revealed_at_the_foot_of_the_page_is_not_hidden_by_its_caption(
    session: Session, qtbot: QtBot, db_path: Path
) -> None:
    library = Library.open(db_path)
    try:
        article_id = library.articles()[0].id
        service.use_as_key(library, article_id)
    finally:
        library.close()
    window = session.start()
    window.finish_startup()
    window.show_article(article_id)
    first = service.presented_flags(window.library, article_id)[0]
    qtbot.keyClick(window, Qt.Key.Key_F5)
    presentation = window.classroom.presentation
    assert presentation is not None
    qtbot.waitExposed(presentation)
    view = presentation.view
    span = view.document_range(first.anchor.start, first.anchor.end)
    assert span is not None
    # the teacher scrolled the passage down to the foot of the page, all in view
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + line_rect(view, span[1]).bottom() - view.viewport().height() + 2)
    assert line_rect(view, span[0]).top() >= 0 and line_rect(view, span[1]).bottom() <= (
        view.viewport().height()
    )

    qtbot.keyClick(presentation, Qt.Key.Key_Right)
    qtbot.waitUntil(presentation.caption.isVisible)
    QApplication.processEvents()  # the caption laid out below the page
    assert presentation.caption.geometry().top() >= view.geometry().bottom()
    assert line_rect(view, span[0]).top() >= 0
    assert line_rect(view, span[1]).bottom() <= view.viewport().height()
    qtbot.keyClick(presentation, Qt.Key.Key_Escape)


@pytest.mark.parametrize("wait", [True, False], ids=["H-later", "H-at-once"])
def test_h_shades_the_sentences_the_class_flagged_and_h_again_stops(
    session: Session, qtbot: QtBot, tmp_path: Path, wait: bool
) -> None:
    window = session.start()
    window.finish_startup()
    teacher_with_three_submissions(window, tmp_path)  # sentences 1, 3 and 5 flagged
    article = window.reading.article
    assert article is not None
    flagged = {article.text[slice(*sentence_span(article, n))] for n in (1, 3, 5)}

    qtbot.keyClick(window, Qt.Key.Key_F5)
    presentation = window.classroom.presentation
    assert presentation is not None
    if wait:  # the teacher turns to the class: the class's work is read meanwhile
        qtbot.waitUntil(lambda: presentation.class_work_read)
    else:
        assert not presentation.class_work_read  # read at H
    qtbot.keyClick(presentation, Qt.Key.Key_H)
    assert presentation.heat_shown
    shaded = [s.cursor.selectedText() for s in presentation.view.extraSelections()]
    assert len(shaded) == 3
    assert all(any(sentence in text for text in shaded) for sentence in flagged)
    qtbot.keyClick(presentation, Qt.Key.Key_Right)  # a flag revealed over the shading
    assert len(presentation.view.extraSelections()) == 3
    qtbot.keyClick(presentation, Qt.Key.Key_H)
    assert not presentation.heat_shown and presentation.view.extraSelections() == []
    qtbot.keyClick(presentation, Qt.Key.Key_Escape)
    assert window.classroom.presentation is None


@pytest.mark.parametrize("theme", list(Theme))
def test_the_class_shading_keeps_the_words_over_it_at_7_to_1(
    session: Session, qtbot: QtBot, tmp_path: Path, theme: Theme
) -> None:
    window = session.start()
    window.finish_startup()
    window.appearance.set_theme(theme)
    teacher_with_three_submissions(window, tmp_path)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    presentation = window.classroom.presentation
    assert presentation is not None
    qtbot.keyClick(presentation, Qt.Key.Key_Right)  # the first key flag: a shaded sentence
    qtbot.keyClick(presentation, Qt.Key.Key_H)
    shading = presentation.view.extraSelections()
    assert len(shading) == 3
    colours = presentation.view.viewport().palette()
    page, text = colours.color(QPalette.ColorRole.Base), colours.color(QPalette.ColorRole.Text)
    drawn_over_a_flag = False
    for selection in shading:
        shade = selection.format.background().color()
        assert shade.alpha() > 0  # shaded still
        background = blended(shade, page)
        for position in range(selection.cursor.selectionStart(), selection.cursor.selectionEnd()):
            ink = words_colour(presentation.view.document(), position, selection, text)
            assert contrast_ratio(background, ink) >= BODY_CONTRAST
            drawn_over_a_flag |= presentation.view.annotation_at_position(position) != ""
    assert drawn_over_a_flag
    qtbot.keyClick(presentation, Qt.Key.Key_Escape)


def words_colour(
    document: QTextDocument, position: int, selection: QTextEdit.ExtraSelection, text: QColor
) -> QColor:
    """The colour the character at ``position`` is drawn in under an extra selection: the
    selection's, else its own format's, else the page's text colour."""
    if selection.format.hasProperty(QTextFormat.Property.ForegroundBrush):
        return selection.format.foreground().color()
    cursor = QTextCursor(document)
    cursor.setPosition(position + 1)  # the format of the character before the cursor
    own = cursor.charFormat()
    if own.hasProperty(QTextFormat.Property.ForegroundBrush):
        return own.foreground().color()
    return text


def made_ready(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> Presentation:
    """A teacher's assigned article shown a moment: the presentation made ready unseen."""
    window.finish_startup()
    window.appearance.set_theme(Theme.LIGHT)
    teacher_with_three_submissions(window, tmp_path)
    article = window.reading.article
    assert article is not None
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    window.show_article(article.id)
    page = window.reading.view.document()
    showing = window.classroom.showing
    drawn = (window.library.path, article.id)
    qtbot.waitUntil(lambda: showing._type_warmed == drawn, timeout=WARM_AFTER_MS + 5000)
    # a window at the screen's size, its image made, but unseen; the main window's page
    # is the one it showed
    (ready,) = window.findChildren(Presentation)
    assert not ready.isVisible()
    assert ready.backingStore().size() == ready.screen().geometry().size()
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == shown
    assert window.reading.view.document() is page
    return ready


def test_an_assigned_article_is_made_ready_to_present_unseen(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    window = session.start()
    ready = made_ready(window, qtbot, tmp_path)
    window.classroom.present_action.trigger()
    assert window.classroom.presentation is ready
    assert ready.view.toPlainText() == window.reading.view.toPlainText()
    qtbot.waitUntil(lambda: ready.flags != [] and ready.isActiveWindow())
    qtbot.keyClick(ready, Qt.Key.Key_Right)
    assert ready.caption.isVisible() and "1 of" in ready.caption.text()
    qtbot.keyClick(ready, Qt.Key.Key_Escape)
    assert window.classroom.presentation is None

    # and a moment later, another one for the next F5
    def again() -> list[Presentation]:
        return [p for p in window.findChildren(Presentation) if p is not ready]

    qtbot.waitUntil(lambda: len(again()) == 1, timeout=WARM_AFTER_MS + 5000)
    (next_one,) = again()
    assert not next_one.isVisible()
    window.classroom.present_action.trigger()
    assert window.classroom.presentation is next_one
    next_one.close()


def test_a_presentation_made_ready_in_another_theme_is_not_used(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    window = session.start()
    ready = made_ready(window, qtbot, tmp_path)
    window.appearance.set_theme(Theme.DARK)
    window.classroom.present_action.trigger()
    presentation = window.classroom.presentation
    assert presentation is not None and presentation is not ready
    assert presentation.theme is Theme.DARK
    presentation.close()


def test_present_without_an_article_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from reader.core.palette import Theme

    library = Library.open(tmp_path / "empty.sqlite")
    window = MainWindow(library, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.restore_session()
    window.show()
    window.appearance.set_theme(Theme.LIGHT)
    window.classroom.present_action.trigger()
    assert window.classroom.presentation is None
    assert window.error_box is not None and "Open the article" in window.error_box.text()
    window.close()
    library.close()


def drawn_contrast(image: QImage) -> float:
    """The contrast ratio between the commonest colour of the picture (its background)
    and the colour farthest from it in luminance (the text)."""
    counts: Counter[int] = Counter(
        image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
    )
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    return max(contrast_ratio(background, QColor.fromRgb(rgb)) for rgb in counts)


@pytest.mark.parametrize("theme", list(Theme))
def test_on_a_1920_by_1080_projector_the_type_is_28_pixels_and_high_contrast(
    qtbot: QtBot, tmp_path: Path, theme: Theme
) -> None:
    library = Library.open(tmp_path / "teacher.sqlite")
    try:
        ensure_samples(library)
        article_id = library.articles()[0].id
        service.use_as_key(library, article_id)
        article = library.article(article_id)
        flags = service.presented_flags(library, article_id)
    finally:
        library.close()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette, sheet = app.palette(), app.styleSheet()
    apply_theme(app, theme)  # as the window does
    parent = QWidget()
    qtbot.addWidget(parent)
    try:
        presentation = Presentation(parent, article, lambda: flags, theme)
        presentation.start()
        presentation.showNormal()
        presentation.resize(1920, 1080)  # the projector's screen, whatever the test's is

        body = QFontInfo(presentation.view.document().defaultFont()).pixelSize()
        assert body >= BODY_PIXELS_AT_1080
        colours = presentation.view.viewport().palette()
        page_colour, text_colour = (
            colours.color(QPalette.ColorRole.Base),
            colours.color(QPalette.ColorRole.Text),
        )
        assert contrast_ratio(page_colour, text_colour) >= BODY_CONTRAST  # WCAG AAA
        page = presentation.view.viewport().grab().toImage()
        assert page.width() > 1800
        assert drawn_contrast(page) >= BODY_CONTRAST  # and as drawn

        presentation.reveal_next()
        caption = presentation.caption
        assert QFontInfo(caption.font()).pixelSize() >= BODY_PIXELS_AT_1080 * 0.85
        colours = caption.palette()
        caption_colours = (
            colours.color(caption.backgroundRole()),
            colours.color(caption.foregroundRole()),
        )
        assert contrast_ratio(*caption_colours) >= BODY_CONTRAST
        assert drawn_contrast(caption.grab().toImage()) >= BODY_CONTRAST
        presentation.close()
    finally:
        app.setPalette(palette)
        app.setStyleSheet(sheet)


# Every kind of text the page draws: the byline, a quotation, a link, code, and passages
# flagged by one to four overlapping flags of each kind.
CONTRAST_ARTICLE = """\
The council said the new bridge would open in **spring**, and that the cost would stay
within the budget agreed last year, though no figures were published.

> Everyone knows the old bridge was a disgrace, one resident wrote.

Details are on [the council's site](https://example.org/bridge) and in `plans-v2.pdf`.

```python
budget = {"bridge": 12_500_000, "roads": None}  # as reported
```

Critics called the plan reckless and said the contractor had a poor record elsewhere,
while supporters argued the town could not afford to wait any longer for a crossing.
"""


def overlapping_flags(text: str, article_id: int) -> list[Annotation]:
    """Each kind's flag over a passage, and over it two and three more of the others."""
    flags = []
    for number, phrase in enumerate(("new bridge", "Everyone knows", "reckless", "afford")):
        start = text.index(phrase)
        for depth, kind in enumerate(list(Kind)[number % 3 :] + list(Kind)[: number % 3]):
            low, high = start - 4 * depth, start + len(phrase) + 6 * depth
            flags.append(Annotation(article_id, kind, make_anchor(text, max(0, low), high)))
        if number == 3:  # a fourth flag over the last passage
            flags.append(Annotation(article_id, Kind.OPINION, make_anchor(text, start, start + 3)))
    return flags


def covering(flags: list[Annotation], position: int) -> int:
    return sum(flag.anchor.start <= position < flag.anchor.end for flag in flags)


def text_colours(view: QTextEdit) -> list[tuple[int, QColor, QColor]]:
    """Each character of the page's text but white space: its position, and the
    background and ink it is drawn in (a code block's background and the extra
    selections over it included)."""
    colours = view.viewport().palette()
    page, text = colours.color(QPalette.ColorRole.Base), colours.color(QPalette.ColorRole.Text)
    document = view.document()
    drawn = []
    block = document.begin()
    while block.isValid():
        under = block_background(block, page)
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            for position in range(fragment.position(), fragment.position() + fragment.length()):
                if document.characterAt(position).isspace():
                    continue
                background, ink = drawn_colours(fragment.charFormat(), under, text)
                for selection in view.extraSelections():  # drawn instead, where they meet
                    cursor = selection.cursor
                    if cursor.selectionStart() <= position < cursor.selectionEnd():
                        background = blended(selection.format.background().color(), under)
                        ink = words_colour(document, position, selection, ink)
                drawn.append((position, background, ink))
            fragments += 1
        block = block.next()
    return drawn


@pytest.mark.parametrize("theme", list(Theme))
def test_every_word_keeps_7_to_1_as_flags_are_revealed_selected_and_hidden(
    qtbot: QtBot, tmp_path: Path, theme: Theme
) -> None:
    library = Library.open(tmp_path / "teacher.sqlite")
    try:
        meta = ArticleMeta(
            "The bridge", CONTRAST_ARTICLE, SourceFormat.MARKDOWN, author="A. Reporter",
            publication="The Town Post", published="2026-11-30",
        )  # fmt: skip
        article = library.import_article(meta).article
        library.add_annotations(overlapping_flags(article.text, article.id))
        service.use_as_key(library, article.id)
        flags = service.presented_flags(library, article.id)
        assert {flag.kind for flag in flags} == set(Kind)
        assert max(covering(flags, position) for position in range(len(article.text))) == 4
    finally:
        library.close()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette, sheet = app.palette(), app.styleSheet()
    apply_theme(app, theme)
    parent = QWidget()
    qtbot.addWidget(parent)
    try:
        presentation = Presentation(parent, article, lambda: flags, theme)
        presentation.start()
        view = presentation.view

        def lowest() -> float:
            return min(contrast_ratio(background, ink) for _, background, ink in text_colours(view))

        assert lowest() >= BODY_CONTRAST  # the byline, the quotation, the link, the code
        # each flag selected as it is revealed, then drawn beneath the next ones
        while presentation.reveal_next():
            assert lowest() >= BODY_CONTRAST
        while presentation.hide_last():
            assert lowest() >= BODY_CONTRAST
        presentation.close()
    finally:
        app.setPalette(palette)
        app.setStyleSheet(sheet)
