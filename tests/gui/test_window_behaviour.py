"""The window as the QA pass drove it: shortcuts, theme switch, counts, review, feedback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, QStandardPaths, Qt
from PySide6.QtGui import QColor, QHelpEvent, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from reader.core.models import Annotation, Kind
from reader.core.palette import THEME_COLOURS, Theme
from reader.gui.shell.file_actions import export_file_name
from reader.gui.shell.main_window import APP_NAME, MainWindow
from reader.gui.shell.window_actions import distinct_shortcuts
from reader.services.samples import ensure_samples
from reader.storage.library import Library


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    library = Library.open(tmp_path / "library.sqlite")
    ensure_samples(library)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    shown = MainWindow(library, settings, theme=Theme.LIGHT)
    qtbot.addWidget(shown)
    shown.restore_session()
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    shown.finish_startup()
    yield shown
    library.close()


def add_flag(window: MainWindow, start: int, end: int, kind: Kind = Kind.OPINION) -> Annotation:
    """A flag on the shown article, made as the window makes one (undoable)."""
    assert window.article is not None
    window.article_view.select_text(start, end)
    flag = window.flag_selection(kind)
    assert flag is not None
    return flag


def sentence(window: MainWindow, number: int) -> tuple[int, int]:
    assert window.article is not None
    text = window.article.text
    starts = [0] + [i + 2 for i in range(len(text)) if text.startswith(". ", i)]
    start = starts[number]
    return start, text.index(".", start + 5) + 1


# 1. Ambiguous shortcuts


def test_shortcuts_given_twice_are_kept_once(qapp: QApplication) -> None:
    redo = QKeySequence.StandardKey.Redo
    standard = QKeySequence.keyBindings(redo)
    # What X11 does: the standard Redo already is Ctrl+Shift+Z.
    as_text = [sequence.toString() for sequence in standard]
    assert distinct_shortcuts(redo, *as_text) == standard
    assert distinct_shortcuts("Ctrl+Shift+Z", "Ctrl+Shift+Z") == [QKeySequence("Ctrl+Shift+Z")]


def test_no_action_has_the_same_shortcut_twice(window: MainWindow) -> None:
    for action in window.actions():
        keys = [sequence.toString() for sequence in action.shortcuts()]
        assert len(keys) == len(set(keys)), action.text()
    redo_keys = window.redo_action.shortcuts()
    assert QKeySequence("Ctrl+Shift+Z") in redo_keys
    assert all(key in redo_keys for key in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))


# 2. Theme switch while running


def test_switching_to_dark_repaints_the_article_dark(window: MainWindow, qtbot: QtBot) -> None:
    window.choose_theme(Theme.DARK)
    qtbot.wait(20)
    view = window.article_view
    image = view.viewport().grab().toImage()
    corner = QColor(image.pixel(5, image.height() - 5))
    assert corner.lightness() < 80
    assert corner == QColor(THEME_COLOURS[Theme.DARK].background)
    assert view.palette().color(view.palette().ColorRole.Base).lightness() < 80


# 4. Cards grow with their note


def card_rects_do_not_overlap(window: MainWindow) -> bool:
    cards = window.annotation_pane.card_list
    rects = [
        cards.visualRect(cards.model().index(row, 0)) for row in range(cards.model().rowCount())
    ]
    return all(upper.bottom() < lower.top() for upper, lower in zip(rects, rects[1:], strict=False))


def test_card_grows_as_the_note_grows_and_shrinks_on_undo(window: MainWindow, qtbot: QtBot) -> None:
    first = add_flag(window, *sentence(window, 1))
    add_flag(window, *sentence(window, 3), Kind.CONTEXT_NOTE)
    window.select_annotation(first.uuid)
    pane = window.annotation_pane
    cards = pane.card_list
    index = cards.model().index(0, 0)
    assert index.data(Qt.ItemDataRole.UserRole + 1) == first.uuid
    qtbot.wait(10)
    height = cards.visualRect(index).height()
    pane.focus_note_editor()
    qtbot.keyClicks(pane.editor.note_edit, "A first line of the note")
    for line in ("second line", "third line", "fourth line"):
        qtbot.keyClick(pane.editor.note_edit, Qt.Key.Key_Return)
        qtbot.keyClicks(pane.editor.note_edit, line)
    pane.editor.flush_pending_edit()
    qtbot.waitUntil(lambda: cards.visualRect(index).height() > height, timeout=2000)
    qtbot.waitUntil(lambda: card_rects_do_not_overlap(window), timeout=2000)
    window.undo()
    qtbot.waitUntil(lambda: cards.visualRect(index).height() == height, timeout=2000)
    qtbot.waitUntil(lambda: card_rects_do_not_overlap(window), timeout=2000)


# 5. Library counts


def test_library_row_repaints_with_the_new_count(window: MainWindow, qtbot: QtBot) -> None:
    assert window.article is not None
    panel = window.library_panel
    model = panel.list_widget.model()
    before = next(e for e in panel.entries() if e.article_id == window.article.id).counts
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        add_flag(window, *sentence(window, 1), Kind.UNSOURCED_CLAIM)
    entry = next(e for e in panel.entries() if e.article_id == window.article.id)
    assert entry.counts[Kind.UNSOURCED_CLAIM] == before.get(Kind.UNSOURCED_CLAIM, 0) + 1
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        window.undo()
    entry = next(e for e in panel.entries() if e.article_id == window.article.id)
    assert entry.counts == before


# 6. Pane counts


def test_heading_counts_after_undo_delete_and_dismiss(window: MainWindow) -> None:
    pane = window.annotation_pane
    flag = add_flag(window, *sentence(window, 1))
    listed = pane.active_filter.rowCount()
    assert pane.heading.text() == f"Flags ({listed})"
    window.undo()
    assert pane.heading.text() == f"Flags ({listed - 1})"
    window.redo()
    window.select_annotation(flag.uuid)
    window.delete_selected_flag()
    assert pane.heading.text() == f"Flags ({listed - 1})"
    assert window.suggest_flags()
    waiting = len(pane.open_suggestions())
    assert pane.heading.text() == f"Flags ({listed - 1})"  # suggestions are not flags
    window.dismiss_suggestion(pane.open_suggestions()[0].uuid)
    assert pane.heading.text() == f"Flags ({listed - 1})"
    assert pane.suggestion_count_label.text() == f"{waiting - 1} suggestions to review"
    assert f"{waiting - 1} suggestions" in window.status_label.text()


# 8. Tag completion from the keyboard


def test_tag_chosen_from_the_completion_with_the_keyboard_is_saved(
    window: MainWindow, qtbot: QtBot
) -> None:
    tags_edit = window.annotation_pane.editor.tags_edit
    assert "statistics" in window.library.tags()  # a tag of the sample flags
    flag = add_flag(window, *sentence(window, 1))
    window.select_annotation(flag.uuid)
    tags_edit.setFocus()
    qtbot.keyClicks(tags_edit, "sta")
    popup = window.annotation_pane.editor.tag_completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible, timeout=1000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.library.annotation(flag.uuid).tags == ["statistics"])
    assert "sta" not in window.library.tags()


# 9, 10. Messages and title


def test_import_error_names_the_file_once(window: MainWindow, tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("")
    assert not window.open_file(empty)
    assert window.error_box is not None
    text = window.error_box.text()
    assert text.count("empty.md") == 1
    assert text.lower().count("cannot read") == 1
    assert text.startswith("Cannot read empty.md")
    window.error_box.accept()


def test_window_title_is_the_article_title_alone(window: MainWindow) -> None:
    assert window.article is not None
    # The platform adds the application's name (QGuiApplication.applicationDisplayName).
    assert window.windowTitle() == window.article.title
    assert APP_NAME not in window.windowTitle()


# 12. Undo says what it did


def test_undo_selects_the_flag_it_changes_and_says_so(window: MainWindow, qtbot: QtBot) -> None:
    far = add_flag(window, *sentence(window, 1))
    source_edit = window.annotation_pane.editor.source_edit
    source_edit.setFocus()
    qtbot.keyClicks(source_edit, "https://example.org/report")
    qtbot.keyClick(source_edit, Qt.Key.Key_Return)
    assert window.library.annotation(far.uuid).source == "https://example.org/report"
    near = add_flag(window, *sentence(window, 4), Kind.CONTEXT_NOTE)
    window.select_annotation(near.uuid)
    window.undo()  # the new flag goes
    window.select_annotation(None)
    assert window.undo_action.text().startswith("&Undo Edit source of flag")
    window.undo()
    assert window.library.annotation(far.uuid).source == ""
    assert window.annotation_pane.selected_uuid() == far.uuid
    assert window.article_view.selected_annotation() == far.uuid
    assert window.statusBar().currentMessage().startswith("Undone: Edit source of flag")
    assert window.redo_action.text().startswith("&Redo Edit source")
    assert window.redo_action.iconText() == "Redo"


# 13. Notes rendered as CommonMark


def test_note_renders_as_commonmark_and_stays_safe(window: MainWindow, qtbot: QtBot) -> None:
    flag = add_flag(window, *sentence(window, 1))
    note = (
        "_italic_ and `code` and <b>raw</b>\n\n"
        "[bad](javascript:alert(1)) [good](https://example.org) ![pic](https://example.org/x.png)"
    )
    window.select_annotation(flag.uuid)
    editor = window.annotation_pane.editor
    editor.note_edit.setPlainText(note)
    editor.flush_pending_edit()
    window.article_view.setFocus()
    window.select_annotation(None)
    window.select_annotation(flag.uuid)
    assert not editor.is_editing_note()
    view = editor.note_view
    text = view.toPlainText()
    assert text.startswith("italic and code and <b>raw</b>")
    assert text.endswith(" good pic")  # markdown-it leaves a javascript: link as text
    document = view.document()

    def char_format(word: str) -> QTextCharFormat:
        cursor = document.find(word)
        assert not cursor.isNull()
        return cursor.charFormat()

    assert char_format("italic").fontItalic()
    assert not char_format("italic").fontUnderline()
    assert char_format("code").fontFixedPitch() or "mono" in char_format("code").fontFamilies()[0]
    assert not char_format("raw").fontWeight() > 400
    assert char_format("bad").anchorHref() == ""
    assert char_format("good").anchorHref() == "https://example.org"
    assert "img" not in document.toHtml()


# 14. Kind filters and the selection


def test_kind_filter_keeps_or_lets_go_of_the_selection_without_scrolling(
    window: MainWindow, qtbot: QtBot
) -> None:
    pane = window.annotation_pane
    opinion = add_flag(window, *sentence(window, 6), Kind.OPINION)
    window.select_annotation(opinion.uuid)
    bar = window.article_view.verticalScrollBar()
    place = bar.value()
    buttons = pane.kind_buttons
    opinion_button = buttons.button(1 + list(Kind).index(Kind.OPINION))
    qtbot.mouseClick(opinion_button, Qt.MouseButton.LeftButton)
    assert pane.selected_uuid() == opinion.uuid
    assert window.article_view.selected_annotation() == opinion.uuid
    assert bar.value() == place
    context_button = buttons.button(1 + list(Kind).index(Kind.CONTEXT_NOTE))
    qtbot.mouseClick(context_button, Qt.MouseButton.LeftButton)
    assert pane.selected_uuid() is None
    assert not pane.editor.isVisible()
    assert window.article_view.selected_annotation() is None
    assert bar.value() == place
    pane.search_edit.setText("no flag says this")
    assert pane.no_match_label.isVisible()
    assert pane.no_match_label.text() == "No flags match this filter."
    pane.clear_filters()
    assert not pane.no_match_label.isVisible()


# 15. Import under a tag filter


def test_article_imported_under_a_tag_filter_is_listed(window: MainWindow, tmp_path: Path) -> None:
    panel = window.library_panel
    panel.tag_combo.setCurrentIndex(panel.tag_combo.findData("statistics"))
    assert panel.tag_combo.currentData() == "statistics"
    source = tmp_path / "story.md"
    source.write_text("# Brand new story\n\nThe council met on Tuesday.\n", encoding="utf-8")
    assert window.open_file(source)
    assert window.article is not None
    assert window.article.id in {entry.article_id for entry in panel.entries()}
    assert panel.tag_combo.currentData() is None
    assert panel.heading.text() == f"Articles ({len(window.library.articles())})"


# Export: a clean file name in a sensible folder


def test_export_file_name_keeps_the_title_words() -> None:
    assert export_file_name("March, budget: what’s in it?", ".md") == "March budget what’s in it.md"
    assert export_file_name("a/b\\c:d", ".csv") == "a b c d.csv"
    assert export_file_name("***", ".json") == "flags.json"


def test_export_folder_is_documents_then_the_last_one_used(
    window: MainWindow, tmp_path: Path
) -> None:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert window.export_folder() in (Path(documents), Path.home())
    window.settings.setValue("export/folder", str(tmp_path))
    assert window.export_folder() == tmp_path


# Sourced claims say who sources them


def test_sourced_claim_tooltip_names_the_source(window: MainWindow, qtbot: QtBot) -> None:
    window.set_sourced_claims_visible(True)
    ranges = window.sourced_claim_ranges()
    assert ranges, "the sample article sources some claims"
    start, end = ranges[0]
    attribution = window.sourced_claim_at(start)
    assert attribution is not None
    view = window.article_view
    cursor = view.textCursor()
    cursor.setPosition((start + end) // 2)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    point = view.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=1000)
    assert "<p>Sourced claim: attributed to" in QToolTip.text()  # shown as written
    assert attribution in QToolTip.text()
    QToolTip.hideText()
