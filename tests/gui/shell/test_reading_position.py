"""Where the article and the card list stand after opening an article and after a zoom."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from reader.gui.reading.article_view import ArticleView
from reader.gui.shell.main_window import MainWindow
from tests.gui.conftest import Session, send_wheel

SCREENS_ARTICLE = "Screens"  # sample articles, by words of their titles
LIBRARY_ARTICLE = "Marlow Falls"
LAST_NOTE_WORDS = "error is corrected"  # the note of the library article's last flag


def started(session: Session, title: str) -> MainWindow:
    window = session.start(title)
    window.finish_startup()
    return window


def click_article(window: MainWindow, qtbot: QtBot, title: str) -> None:
    """Open an article as the reader does: a click on its row in the library list."""
    panel = window.library_panel
    row = next(n for n, entry in enumerate(panel.entries()) if title in entry.title)
    rect = panel.list_widget.visualItemRect(panel.list_widget.item(row))
    qtbot.mouseClick(panel.list_widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(
        lambda: window.reading.article is not None and title in window.reading.article.title
    )
    qtbot.wait(50)  # delayed layouts and paints


def scroll_down(window: MainWindow, qtbot: QtBot) -> None:
    """The article and its cards scrolled well down, the last card selected."""
    cards = window.annotation_pane.model.annotations()
    window.select_annotation(cards[-1].uuid)
    bar = window.article_view.verticalScrollBar()
    bar.setValue(bar.maximum() * 2 // 3)
    qtbot.wait(50)
    assert bar.value() > 100
    assert window.annotation_pane.card_list.verticalScrollBar().value() > 100


def position_rect(view: ArticleView, position: int) -> QRect:
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    return view.cursorRect(cursor)


def in_view(rect: QRect, height: int) -> bool:
    return rect.top() >= 0 and rect.bottom() <= height


# 1. and 2. Opening an article


def test_an_article_opened_from_the_library_starts_at_the_top(
    session: Session, qtbot: QtBot
) -> None:
    window = started(session, SCREENS_ARTICLE)
    scroll_down(window, qtbot)
    click_article(window, qtbot, LIBRARY_ARTICLE)
    view = window.article_view
    assert view.verticalScrollBar().value() == 0
    assert position_rect(view, 0).top() >= 0  # the title wholly shown


def test_the_cards_of_an_article_opened_from_the_library_start_at_the_top(
    session: Session, qtbot: QtBot
) -> None:
    window = started(session, SCREENS_ARTICLE)
    scroll_down(window, qtbot)
    click_article(window, qtbot, LIBRARY_ARTICLE)
    pane = window.annotation_pane
    assert pane.selected_uuid() is None
    # From the first card, not where the last article's cards were scrolled to.
    assert pane.card_list.verticalScrollBar().maximum() > 0
    assert pane.card_list.verticalScrollBar().value() == 0
    first = pane.card_list.visualRect(pane.active_filter.index(0, 0))
    assert first.top() >= 0


def test_an_article_opened_at_a_note_shows_its_flag_and_card(
    session: Session, qtbot: QtBot
) -> None:
    window = started(session, SCREENS_ARTICLE)
    scroll_down(window, qtbot)
    panel = window.library_panel
    qtbot.keyClicks(panel.search_edit, LAST_NOTE_WORDS)
    qtbot.keyClick(panel.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            window.reading.article is not None and LIBRARY_ARTICLE in window.reading.article.title
        )
    )
    qtbot.wait(50)
    pane, view = window.annotation_pane, window.article_view
    uuid = pane.selected_uuid()
    selected = pane.model.annotation(uuid) if uuid is not None else None
    assert selected is not None and LAST_NOTE_WORDS in selected.note
    span = view.document_range(selected.anchor.start, selected.anchor.end)
    assert span is not None
    height = view.viewport().height()
    assert view.verticalScrollBar().value() > 0  # the flag is near the end of the article
    assert in_view(position_rect(view, span[0]), height)
    assert in_view(position_rect(view, span[1]), height)
    cards = pane.card_list
    card = cards.visualRect(cards.currentIndex())
    assert cards.verticalScrollBar().value() > 0  # the last card, below the first screen
    assert in_view(card, cards.viewport().height())


# 3. Zoom


def first_line_in_view(view: ArticleView) -> int:
    """The document position starting the first line wholly in view."""
    cursor = view.cursorForPosition(QPoint(view.viewport().width() // 2, 0))
    cursor.movePosition(QTextCursor.MoveOperation.StartOfLine)
    if view.cursorRect(cursor).top() < 0:
        cursor.movePosition(QTextCursor.MoveOperation.Down)
        cursor.movePosition(QTextCursor.MoveOperation.StartOfLine)
    return cursor.position()


def line_height(view: ArticleView, position: int) -> int:
    return position_rect(view, position).height()


def zoom_keys(window: MainWindow, qtbot: QtBot, key: Qt.Key, times: int) -> Callable[[], None]:
    def press() -> None:
        for _ in range(times):
            qtbot.keyClick(window.article_view, key, Qt.KeyboardModifier.ControlModifier)

    return press


def zoom_wheel(view: ArticleView, notches: int) -> Callable[[], None]:
    def turn() -> None:
        for _ in range(abs(notches)):
            send_wheel(view, 120 if notches > 0 else -120, Qt.KeyboardModifier.ControlModifier)

    return turn


def test_zooming_keeps_the_text_at_the_top_of_the_view(session: Session, qtbot: QtBot) -> None:
    window = started(session, LIBRARY_ARTICLE)
    view = window.article_view
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() * 3 // 5)
    qtbot.wait(50)
    top = first_line_in_view(view)
    steps = [
        (zoom_keys(window, qtbot, Qt.Key.Key_Equal, 3), 3),
        (zoom_keys(window, qtbot, Qt.Key.Key_0, 1), 0),
        (zoom_keys(window, qtbot, Qt.Key.Key_Minus, 3), -3),
        (zoom_wheel(view, 5), 2),
        (zoom_wheel(view, -1), 1),
    ]
    for zoom, expected in steps:
        zoom()
        assert window.appearance.zoom == expected == view.zoom()
        qtbot.wait(20)
        # The same text at the top, give or take the line the view's top cut through.
        where = position_rect(view, top).top()
        assert 0 <= where <= 2 * line_height(view, top), (expected, where)


def test_zooming_keeps_the_selected_flag_in_view(session: Session, qtbot: QtBot) -> None:
    window = started(session, LIBRARY_ARTICLE)
    view = window.article_view
    flag = window.annotation_pane.model.annotations()[2]  # mid-article
    window.select_annotation(flag.uuid)
    span = view.document_range(flag.anchor.start, flag.anchor.end)
    assert span is not None
    height = view.viewport().height()
    bar = view.verticalScrollBar()
    # The flag low in the view, where a zoom in would push it out of sight.
    bar.setValue(bar.value() + position_rect(view, span[1]).bottom() - height + 10)
    qtbot.wait(50)
    assert in_view(position_rect(view, span[0]), height)
    assert position_rect(view, span[0]).top() > height // 2
    zoom_keys(window, qtbot, Qt.Key.Key_Equal, 4)()
    assert window.appearance.zoom == 4
    qtbot.wait(20)
    assert in_view(position_rect(view, span[0]), height)
    assert in_view(position_rect(view, span[1]), height)
    assert position_rect(view, span[0]).top() <= height // 3
    # Zoomed out again, it stays where it is now, near the top.
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.appearance.zoom == 0
    assert 0 <= position_rect(view, span[0]).top() <= height // 3
