"""The desktop app's code-review findings, each driven through the real window."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleHintReturn,
    QStyleOption,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reader.core.models import Annotation, ArticleMeta, Kind, SourceFormat
from reader.core.palette import Theme
from reader.gui.app import open_library
from reader.gui.reading.article_view import MAX_ZOOM, MIN_ZOOM
from reader.gui.shell.main_window import MainWindow
from reader.gui.shell.session import SettingsKey
from reader.services.samples import ensure_samples
from reader.storage.library import Library
from tests.gui.conftest import send_wheel


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    opened = Library.open(tmp_path / "library.sqlite")
    ensure_samples(opened)
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, library: Library) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    shown = MainWindow(library, settings, theme=Theme.LIGHT)
    qtbot.addWidget(shown)
    shown.restore_session()
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    shown.finish_startup()
    return shown


def add_flag(window: MainWindow, start: int = 10, end: int = 40) -> Annotation:
    window.article_view.select_text(start, end)
    flag = window.flag_selection(Kind.OPINION)
    assert flag is not None
    return flag


def stored(window: MainWindow, uuid: str) -> Annotation | None:
    assert window.article is not None
    found = [a for a in window.library.annotations(window.article.id) if a.uuid == uuid]
    return found[0] if found else None


# 1. A note typed just before Delete


@pytest.mark.parametrize("by_button", [False, True])
def test_note_typed_just_before_delete_comes_back_with_undo(
    window: MainWindow, qtbot: QtBot, by_button: bool
) -> None:
    flag = add_flag(window)
    editor = window.annotation_pane.editor
    qtbot.keyClicks(editor.note_edit, "typed then deleted")
    if by_button:
        editor.delete_button.click()
    else:
        window.delete_selected_flag()
    assert window.error_box is None
    assert stored(window, flag.uuid) is None
    window.undo()
    back = stored(window, flag.uuid)
    assert back is not None and back.note == "typed then deleted"
    assert window.error_box is None


# 2. Ctrl+Z while typing tags or source


def test_undo_while_typing_tags_saves_them_first(window: MainWindow, qtbot: QtBot) -> None:
    flag = add_flag(window)
    editor = window.annotation_pane.editor
    editor.tags_edit.setFocus()
    qtbot.keyClicks(editor.tags_edit, "first")
    editor.source_edit.setFocus()  # tags saved: one step
    qtbot.keyClicks(editor.source_edit, "https://example.org/a")
    editor.tags_edit.setFocus()
    editor.tags_edit.clear()
    qtbot.keyClicks(editor.tags_edit, "first, second")
    qtbot.keyClick(editor.tags_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    after = stored(window, flag.uuid)
    assert after is not None
    # The typing was saved as steps of its own, and Ctrl+Z undid the last of them.
    assert after.source == "https://example.org/a"
    assert after.tags == ["first"]
    window.redo()
    redone = stored(window, flag.uuid)
    assert redone is not None and redone.tags == ["first", "second"]


# 3. The article document's own undo history


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


# 4. Ctrl+wheel


def test_ctrl_wheel_zooms_the_page_and_is_remembered(window: MainWindow, qtbot: QtBot) -> None:
    view = window.article_view
    ui_font = view.font().pointSizeF()
    body = view.document().defaultFont().pointSizeF()
    send_wheel(window.article_view, 120, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom == 1 and view.zoom() == 1
    assert view.document().defaultFont().pointSizeF() > body
    assert view.font().pointSizeF() == ui_font
    assert window.settings.value(SettingsKey.ZOOM) in (1, "1")
    send_wheel(window.article_view, -120, Qt.KeyboardModifier.ControlModifier)
    assert window.zoom == 0


def test_window_and_view_agree_on_zoom_limits(window: MainWindow) -> None:
    window.set_zoom(100)
    assert window.zoom == MAX_ZOOM == window.article_view.zoom()
    window.set_zoom(-100)
    assert window.zoom == MIN_ZOOM == window.article_view.zoom()


# 8. Tab and F6 between panels


def test_tab_leaves_the_article_at_once(window: MainWindow, qtbot: QtBot) -> None:
    window.article_view.setFocus()
    assert QApplication.focusWidget() is window.article_view
    assert "href" in window.article_view.toHtml()  # the sample article has links
    qtbot.keyClick(window.article_view, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not window.article_view
    window.article_view.setFocus()
    cursor = window.article_view.textCursor()
    cursor.clearSelection()
    window.article_view.setTextCursor(cursor)
    qtbot.keyClick(window.article_view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.article_view
    assert window.article_view.textCursor().charFormat().isAnchor()


def test_f6_cycles_the_panels(window: MainWindow, qtbot: QtBot) -> None:
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.annotation_pane.card_list
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.library_panel.list_widget
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.annotation_pane.card_list


# 9. The note is saved at once


def test_note_is_stored_at_the_next_turn_as_one_step(window: MainWindow, qtbot: QtBot) -> None:
    flag = add_flag(window)
    steps = window.undo_stack.count()
    editor = window.annotation_pane.editor
    for word in ("saved ", "at ", "once"):
        qtbot.keyClicks(editor.note_edit, word)
        qtbot.wait(5)
        saved = stored(window, flag.uuid)
        assert saved is not None and saved.note == editor.note_edit.toPlainText()
    assert window.undo_stack.count() == steps + 1
    window.undo()
    undone = stored(window, flag.uuid)
    assert undone is not None and undone.note == ""


# 6. The library's tag filter and new tags


def test_new_tag_filters_the_library_at_once(window: MainWindow, qtbot: QtBot) -> None:
    assert window.article is not None
    add_flag(window)
    editor = window.annotation_pane.editor
    editor.tags_edit.setText("freshtag")
    editor.flush_pending_edit()
    panel = window.library_panel
    row = panel.tag_combo.findData("freshtag")
    assert row > 0
    panel.tag_combo.setCurrentIndex(row)
    assert [entry.article_id for entry in panel.entries()] == [window.article.id]
    window.undo()  # the tag is gone again
    assert panel.tag_combo.findData("freshtag") == -1


# 7. Untrusted text in tooltips and dialogs


def shown_as(tooltip: str) -> str:
    """What a tooltip shows: Qt renders it as HTML when it looks like HTML."""
    document = QTextDocument()
    if QtGui.Qt.mightBeRichText(tooltip):
        document.setHtml(tooltip)
    else:
        document.setPlainText(tooltip)
    return document.toPlainText()


def test_tooltips_show_notes_and_titles_as_written(
    window: MainWindow, qtbot: QtBot, library: Library
) -> None:
    flag = add_flag(window)
    editor = window.annotation_pane.editor
    note = "a < b and c > d <img src='/etc/passwd'>"
    editor.note_edit.setPlainText(note)
    editor.flush_pending_edit()
    model = window.annotation_pane.model
    row = model.row_of(flag.uuid)
    tip = model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert shown_as(tip) == f"Opinion: {note}"
    title = "Cats <b>and</b> dogs"
    meta = ArticleMeta(title=title, markdown="Some text.", source_format=SourceFormat.MARKDOWN)
    library.import_article(meta)
    panel = window.library_panel
    panel.reload()
    tips = [panel.list_widget.item(r).toolTip() for r in range(panel.list_widget.count())]
    assert title in [shown_as(t) for t in tips]


def test_error_dialog_shows_its_message_as_plain_text(window: MainWindow) -> None:
    window.show_error("cannot read <b>file</b>.html")
    assert window.error_box is not None
    assert window.error_box.textFormat() == Qt.TextFormat.PlainText
    window.error_box.close()


# 12. Sample articles only in a library made now


def test_only_a_new_library_gets_the_sample_articles(tmp_path: Path) -> None:
    existing = tmp_path / "empty.sqlite"
    Library.open(existing).close()
    kept_empty = open_library(existing)
    try:
        assert kept_empty.is_empty()
    finally:
        kept_empty.close()
    made = open_library(tmp_path / "new.sqlite")
    try:
        assert not made.is_empty()
    finally:
        made.close()


# 11. Small bugs


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


def test_tags_chosen_in_the_completion_go_to_their_own_flag(
    window: MainWindow, qtbot: QtBot
) -> None:
    first = add_flag(window, 10, 40)
    second = add_flag(window, 60, 90)
    editor = window.annotation_pane.editor
    editor.tag_completer.set_tags(["economy"])
    window.select_annotation(second.uuid)
    editor.tags_edit.setText("eco")
    editor.flush_pending_edit()
    window.select_annotation(first.uuid)
    editor.tags_edit.setFocus()
    qtbot.keyClicks(editor.tags_edit, "eco")
    assert editor.tag_completer.is_choosing()
    editor.tags_edit.editingFinished.emit()  # Return while the completions are open
    window.select_annotation(second.uuid)  # before the save's turn comes
    editor.tags_edit.setText("economy, ")  # the completion filled in, in the other flag
    qtbot.wait(20)
    other = stored(window, second.uuid)
    assert other is not None and other.tags == ["eco"]


# 13. Enums, not string codes


def test_theme_menu_is_keyed_by_theme_and_stored_by_value(window: MainWindow) -> None:
    assert set(window.theme_actions) == {None, Theme.LIGHT, Theme.DARK}
    assert isinstance(SettingsKey.THEME, StrEnum)
    window.theme_actions[Theme.DARK].trigger()
    assert window.theme is Theme.DARK
    assert window.settings.value(SettingsKey.THEME) == "dark"
    window.theme_actions[None].trigger()
    assert window.settings.value(SettingsKey.THEME) == ""
