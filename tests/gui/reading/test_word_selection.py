"""A mouse drag selects whole words, as in a word processor; Shift+arrows stay exact and a
double-click still selects one word."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from reader.gui.shell.main_window import MainWindow
from tests.gui.conftest import activate

if TYPE_CHECKING:
    from tests.gui.conftest import Session

TEXT = "The council met on Monday night to vote on the country’s budget of 80,000 euros."


@pytest.fixture
def window(window: MainWindow, session: Session, tmp_path: Path) -> MainWindow:
    """The shared window, on an article of one sentence."""
    shown = window
    path = tmp_path / "council.md"
    path.write_text(f"# The council\n\n{TEXT}\n", encoding="utf-8")
    assert shown.files.open_file(path)
    activate(session.qtbot, shown)  # after the import's progress dialog, if it showed
    return shown


def point_inside(window: MainWindow, text: str, letters: int) -> QPoint:
    """The viewport point ``letters`` characters into ``text``, halfway up its line
    (the mouse between two letters: inside the word)."""
    view = window.article_view
    assert window.reading.article is not None
    body = window.reading.article.text.index(TEXT)  # not the headline, which holds "council" too
    offset = window.reading.article.text.index(text, body) + letters
    position = view.document_range(offset, offset + 1)
    assert position is not None
    cursor = QTextCursor(view.document())
    cursor.setPosition(position[0])
    rect = view.cursorRect(cursor)
    return QPoint(rect.x(), rect.center().y())


def drag(qtbot: QtBot, window: MainWindow, start: QPoint, end: QPoint) -> None:
    viewport = window.article_view.viewport()
    left = Qt.MouseButton.LeftButton
    qtbot.mousePress(viewport, left, pos=start)
    middle = (start + end) / 2
    qtbot.mouseMove(viewport, QPoint(round(middle.x()), round(middle.y())))
    qtbot.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, left, pos=end)


def flag_selection(qtbot: QtBot, window: MainWindow) -> str:
    """Press 2 (opinion); the stored flag's quote."""
    qtbot.keyClick(window.article_view, "2")
    uuid = window.annotation_pane.selected_uuid()
    assert uuid
    return window.library.annotation(uuid).anchor.exact


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (("council", 3), ("night", 4), "council met on Monday night"),  # “…Monday nigh”
        (("night", 4), ("council", 3), "council met on Monday night"),  # dragged backwards
        (("country", 2), ("budget", 3), "country’s budget"),  # an apostrophe stays inside
        (("80,000", 1), ("euros", 2), "80,000 euros"),  # a number with its separator
    ],
)
def test_a_mouse_drag_selects_whole_words(
    window: MainWindow,
    qtbot: QtBot,
    start: tuple[str, int],
    end: tuple[str, int],
    expected: str,
) -> None:
    window.article_view.setFocus()
    drag(qtbot, window, point_inside(window, *start), point_inside(window, *end))
    assert flag_selection(qtbot, window) == expected


def test_shift_arrows_select_exactly(window: MainWindow, qtbot: QtBot) -> None:
    view = window.article_view
    assert window.reading.article is not None
    start = window.reading.article.text.index("Monday")
    view.setFocus()
    view.select_text(start, start + 1)
    for _ in range(len("Monday nigh") - 1):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert flag_selection(qtbot, window) == "Monday nigh"


def test_a_double_click_selects_one_word(window: MainWindow, qtbot: QtBot) -> None:
    view = window.article_view
    view.setFocus()
    point = point_inside(window, "Monday", 2)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.textCursor().selectedText() == "Monday"
    assert flag_selection(qtbot, window) == "Monday"
