"""Presentation mode as a teacher uses it on a projector: F5, → and ←, Esc."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QMenuBar, QToolBar
from pytestqt.qtbot import QtBot

from reader.gui.classroom.presentation import BODY_PIXELS_AT_1080, body_zoom
from reader.gui.shell.main_window import MainWindow
from reader.services import classroom as service
from reader.storage.library import Library

if TYPE_CHECKING:
    from pathlib import Path

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

    qtbot.keyClick(presentation, Qt.Key.Key_Escape)
    assert window.classroom.presentation is None
    assert not presentation.isVisible()
    assert window.geometry() == geometry and window.windowState() == state
    assert window.reading.article is not None and window.reading.article.id == article_id
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


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
