"""The library panel's search snippets: whole words, the match always shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QProxyStyle,
    QStyle,
    QStyleHintReturn,
    QStyleOption,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reader.core.models import Kind
from reader.gui.library.entries import fit_snippet, snippet_parts
from reader.gui.shell.main_window import MainWindow
from reader.storage.library import MATCH_END, MATCH_START
from tests.gui.conftest import add_flag, sentence

SNIPPET = f"…the rescue group {MATCH_START}Crisis{MATCH_END} team said on Monday that it would…"
PLAIN = SNIPPET.replace(MATCH_START, "").replace(MATCH_END, "")


def width_of(text: str, is_match: bool) -> int:
    return len(text) * (8 if is_match else 7)


def test_snippet_that_fits_is_shown_whole() -> None:
    parts = fit_snippet(SNIPPET, width_of, 1000)
    assert "".join(text for text, _ in parts) == PLAIN
    assert [text.strip() for text, is_match in parts if is_match] == ["Crisis"]


def test_narrow_snippet_keeps_the_match_whole_and_cuts_between_words() -> None:
    for room in (80, 120, 200, 300):
        parts = fit_snippet(SNIPPET, width_of, room)
        shown = "".join(text for text, _ in parts)
        assert sum(width_of(text, is_match) for text, is_match in parts) <= room
        assert [text.strip() for text, is_match in parts if is_match] == ["Crisis"]
        assert shown.endswith("…")
        words = shown.strip("… ").split()
        original = PLAIN.strip("…").split()
        assert all(word in original for word in words), shown


def test_square_brackets_in_the_text_are_not_matches() -> None:
    parts = snippet_parts(f"as reported [1], the {MATCH_START}council{MATCH_END} voted")
    assert [text for text, is_match in parts if is_match] == ["council"]
    assert "[1]" in "".join(text for text, _ in parts)


class SingleClickStyle(QProxyStyle):
    """A platform where one click activates an item (KDE, say)."""

    def styleHint(
        self,
        hint: QStyle.StyleHint,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
        returnData: QStyleHintReturn | None = None,  # noqa: N803 (Qt's name)
    ) -> int:
        if hint == QStyle.StyleHint.SH_ItemView_ActivateItemOnSingleClick:
            return 1
        return super().styleHint(hint, option, widget, returnData)


@pytest.mark.parametrize("single_click", [False, True])
def test_one_click_opens_an_article_once(
    window: MainWindow, qtbot: QtBot, single_click: bool
) -> None:
    panel = window.library_panel
    style = SingleClickStyle()
    if single_click:
        panel.list_widget.setStyle(style)
    chosen: list[int] = []
    panel.article_chosen.connect(chosen.append)
    item = panel.list_widget.item(1)
    point = panel.list_widget.visualItemRect(item).center()
    try:
        qtbot.mouseClick(panel.list_widget.viewport(), Qt.MouseButton.LeftButton, pos=point)
    finally:
        # back to the application's style (Qt takes nullptr): Python frees this one
        panel.list_widget.setStyle(None)  # type: ignore[arg-type]
    assert len(chosen) == 1


def test_library_row_repaints_with_the_new_count(window: MainWindow, qtbot: QtBot) -> None:
    assert window.reading.article is not None
    panel = window.library_panel
    model = panel.list_widget.model()
    before = next(e for e in panel.entries() if e.article_id == window.reading.article.id).counts
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        add_flag(window, *sentence(window, 1), Kind.UNSOURCED_CLAIM)
    entry = next(e for e in panel.entries() if e.article_id == window.reading.article.id)
    assert entry.counts[Kind.UNSOURCED_CLAIM] == before.get(Kind.UNSOURCED_CLAIM, 0) + 1
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        window.reading.undo()
    entry = next(e for e in panel.entries() if e.article_id == window.reading.article.id)
    assert entry.counts == before
