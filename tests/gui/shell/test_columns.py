"""In a narrow window the article keeps a readable line and the panels give way, whole:
the library folds first, the pane narrows, chips wrap, buttons stack, headers elide."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from reader.gui.annotations.card_text import header_texts
from reader.gui.shell.columns import COLUMN_LIMITS, PANE_MIN_WIDTH, ColumnLimits, fit_columns
from reader.gui.shell.main_window import MainWindow

if TYPE_CHECKING:
    from tests.gui.conftest import Session

LIMITS = ColumnLimits(library=180, pane=260, pane_comfortable=320, article=320)


@pytest.mark.parametrize(
    ("available", "expected"),
    [
        (1390, (280, 710, 400)),  # room for all: as the user left them
        (1190, (180, 668, 342)),  # the library, then the pane, narrower
        (1014, (0, 668, 346)),  # the library folded: the pane takes back the spare room
        (790, (0, 530, 260)),  # the pane at its minimum; the article gives way last
    ],
)
def test_the_panels_give_way_before_the_article(
    available: int, expected: tuple[int, int, int]
) -> None:
    assert fit_columns(available, 280, 400, 668, LIMITS) == expected


def test_a_folded_library_stays_folded_and_widths_stay_whole() -> None:
    assert fit_columns(1200, 0, 300, 668, LIMITS) == (0, 900, 300)
    for available in range(600, 2000, 37):
        library, article, pane = fit_columns(available, 280, 400, 668, LIMITS)
        assert library + article + pane == available
        assert library in (0,) or library >= LIMITS.library
        assert pane >= LIMITS.pane


def resize(qtbot: QtBot, window: MainWindow, width: int, height: int) -> None:
    window.resize(QSize(width, height))
    qtbot.waitUntil(lambda: window.width() == width)
    QApplication.processEvents()


@pytest.fixture
def wide(session: Session, qtbot: QtBot) -> MainWindow:
    """A first start, 1400 wide, on the article with demo flags and 11 suggestions."""
    window = session.start("El Salvador")
    window.finish_startup()
    resize(qtbot, window, 1400, 780)
    window.review.suggest()
    return window


def test_a_narrower_window_keeps_the_article_readable(wide: MainWindow, qtbot: QtBot) -> None:
    window = wide
    first = window.splitter.sizes()
    readable = window.article_view.readable_width()
    assert first[1] >= readable  # a first start at 1400: as before
    resize(qtbot, window, 1024, 700)
    library, article, pane = window.splitter.sizes()
    assert abs(article - readable) <= 2 and library == 0 and pane >= PANE_MIN_WIDTH
    resize(qtbot, window, 800, 600)
    library, article, pane = window.splitter.sizes()
    assert library == 0 and pane == PANE_MIN_WIDTH and article > COLUMN_LIMITS.article
    resize(qtbot, window, 1400, 780)
    assert window.splitter.sizes() == first  # the panels come back as they were


def test_a_dragged_width_is_the_one_that_comes_back(wide: MainWindow, qtbot: QtBot) -> None:
    window = wide
    handle = window.splitter.handle(2)
    library, article, pane = window.splitter.sizes()
    start = handle.rect().center()
    end = start + QPoint(-60, 0)  # the pane's handle dragged left: a wider pane
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(handle, end)
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=end)
    dragged = window.splitter.sizes()
    assert dragged[2] > pane
    resize(qtbot, window, 900, 700)
    resize(qtbot, window, 1400, 780)
    assert window.splitter.sizes() == dragged


def test_the_keyboard_unfolds_a_folded_library(wide: MainWindow, qtbot: QtBot) -> None:
    window = wide
    resize(qtbot, window, 900, 700)
    assert window.splitter.sizes()[0] == 0
    window.window_actions.find.trigger()  # Ctrl+F: search the library
    assert window.library_panel.search_edit.hasFocus()
    assert window.splitter.sizes()[0] >= COLUMN_LIMITS.library


def test_at_800_pixels_the_pane_shows_every_label_whole(wide: MainWindow, qtbot: QtBot) -> None:
    window = wide
    pane = window.annotation_pane
    assert pane.kind_chips.rows() == 1 and not pane.suggestion_bar.is_stacked()
    resize(qtbot, window, 800, 600)
    chips = pane.kind_buttons.buttons()
    for chip in chips:
        assert chip.width() >= chip.sizeHint().width(), chip.text()  # never cut
        assert chip.geometry().right() < pane.kind_chips.width()
    assert pane.kind_chips.rows() == 2
    assert pane.suggestion_bar.is_stacked()
    buttons: list[QPushButton] = [
        pane.suggestion_bar.dismiss_all_button,
        pane.suggestion_bar.accept_all_button,
    ]
    for button in buttons:
        assert button.width() >= button.sizeHint().width(), button.text()
        assert button.mapTo(pane, button.rect().topRight()).x() < pane.width()
    label = pane.suggestion_bar.count_label
    assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())
    resize(qtbot, window, 1400, 780)
    assert pane.kind_chips.rows() == 1 and not pane.suggestion_bar.is_stacked()


def test_a_card_header_elides_rather_than_overlaps(qapp: QApplication) -> None:
    font = QFont(qapp.font())
    font.setBold(True)
    metrics = QFontMetrics(font)
    label, badge = "Unsourced claim", "suggested · 91%"
    gap = metrics.horizontalAdvance("  ")
    assert header_texts(metrics, label, badge, 400) == (label, badge)
    for width in (230, 180, 150, 120):
        shown_label, shown_badge = header_texts(metrics, label, badge, width)
        used = metrics.horizontalAdvance(shown_label) + gap + metrics.horizontalAdvance(shown_badge)
        assert used <= width
        assert shown_label.startswith("Unsourced") or shown_label.endswith("…")
        assert "…" in shown_label + shown_badge
    assert header_texts(metrics, label, "", 60)[0].endswith("…")


def test_a_library_folded_by_a_narrow_window_comes_back_after_a_restart(
    session: Session, qtbot: QtBot
) -> None:
    window = session.start()
    window.finish_startup()
    resize(qtbot, window, 1400, 780)
    wide_sizes = window.splitter.sizes()
    resize(qtbot, window, 780, 640)  # within the offscreen screen: restored as is
    assert window.splitter.sizes()[0] == 0
    window.close()

    reopened = session.start()  # as narrow as it was left, the library still folded
    reopened.finish_startup()
    assert reopened.width() == 780 and reopened.splitter.sizes()[0] == 0
    resize(qtbot, reopened, 1400, 780)
    assert reopened.splitter.sizes() == wide_sizes


def test_f6_cycles_the_panels(window: MainWindow, qtbot: QtBot) -> None:
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.annotation_pane.card_list
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.library_panel.list_widget
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.annotation_pane.card_list
