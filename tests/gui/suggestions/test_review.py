"""Reviewing suggestions from the keyboard as a teacher does: the letter keys, the card in
sight, the keys in the article, the pane's count and the article list's keyboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QApplication, QListView, QToolTip
from pytestqt.qtbot import QtBot

from reader.core.models import Annotation, Kind, Status
from reader.gui.library.entries import ENTRY_ROLE, Entry
from reader.gui.reading.flags_model import AnnotationRole
from reader.gui.shell.main_window import MainWindow

if TYPE_CHECKING:
    from tests.gui.conftest import Session

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def stored(window: MainWindow, status: Status) -> list[Annotation]:
    assert window.reading.article is not None
    return [a for a in window.library.annotations(window.reading.article.id) if a.status is status]


def card_index(cards: QListView, uuid: str) -> QModelIndex:
    model = cards.model()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(AnnotationRole.UUID) == uuid:
            return index
    raise AssertionError(f"no card for {uuid}")


def card_in_sight(cards: QListView, uuid: str) -> bool:
    rect = cards.visualRect(card_index(cards, uuid))
    return rect.top() >= 0 and rect.bottom() < cards.viewport().height()


def click_card(qtbot: QtBot, cards: QListView, uuid: str) -> None:
    index = card_index(cards, uuid)
    cards.scrollTo(index)
    qtbot.mouseClick(
        cards.viewport(), Qt.MouseButton.LeftButton, pos=cards.visualRect(index).center()
    )


def scrolled_to_the_end(qtbot: QtBot, cards: QListView) -> None:
    qtbot.waitUntil(lambda: cards.verticalScrollBar().maximum() > 0, timeout=2000)
    bar = cards.verticalScrollBar()
    bar.setValue(bar.maximum())


def point_over(window: MainWindow, annotation: Annotation) -> QPoint:
    """A viewport point over the middle of the flag's passage, that passage in sight."""
    view = window.article_view
    span = view.document_range(annotation.anchor.start, annotation.anchor.end)
    assert span is not None
    middle = (span[0] + span[1]) // 2
    cursor = QTextCursor(view.document())
    cursor.setPosition(middle)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    left = view.cursorRect(cursor)
    cursor.setPosition(middle + 1)
    right = view.cursorRect(cursor)
    return QPoint((left.x() + right.x()) // 2, left.center().y())


def click_highlight(qtbot: QtBot, window: MainWindow, annotation: Annotation) -> None:
    view = window.article_view
    point = point_over(window, annotation)
    assert view.annotation_at(point) == annotation.uuid
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.annotation_pane.selected_uuid() == annotation.uuid


def clickable_suggestions(window: MainWindow) -> list[Annotation]:
    """Open suggestions whose passage's middle shows them, not a flag over them."""
    view = window.article_view
    return [
        a
        for a in window.annotation_pane.open_suggestions()
        if view.annotation_at(point_over(window, a)) == a.uuid
    ]


# 1. Type-ahead in the card list


def test_letter_keys_on_a_flag_card_neither_jump_nor_review(session: Session, qtbot: QtBot) -> None:
    window = session.start("Screens")
    assert window.review.suggest()
    assert window.review.show_more()
    pane = window.annotation_pane
    cards = pane.card_list
    proxy = pane.active_filter
    quotes = [
        str(proxy.index(row, 0).data(Qt.ItemDataRole.DisplayRole))
        for row in range(proxy.rowCount())
    ]
    flag = next(a for a in stored(window, Status.ACTIVE) if a.anchor.exact.startswith("Mark my"))
    # Qt's type-ahead would jump from it to a suggestion starting with "A".
    assert any(
        q.startswith("A")
        and proxy.index(row, 0).data(AnnotationRole.STATUS) == Status.SUGGESTED.value
        for row, q in enumerate(quotes)
    )
    click_card(qtbot, cards, flag.uuid)
    assert pane.selected_uuid() == flag.uuid
    steps = window.reading.undo_stack.count()
    waiting = {a.uuid for a in pane.open_suggestions()}
    for key in (Qt.Key.Key_A, Qt.Key.Key_A, Qt.Key.Key_D, Qt.Key.Key_W):
        qtbot.keyClick(cards, key)
        assert cards.currentIndex().data(AnnotationRole.UUID) == flag.uuid
        assert pane.selected_uuid() == flag.uuid
    assert window.reading.undo_stack.count() == steps
    assert {a.uuid for a in stored(window, Status.SUGGESTED)} == waiting
    # On a suggestion, A still accepts it.
    suggestion = pane.open_suggestions()[0]
    click_card(qtbot, cards, suggestion.uuid)
    qtbot.keyClick(cards, Qt.Key.Key_A)
    assert window.library.annotation(suggestion.uuid).status is Status.ACTIVE


# 2. The selected card in sight


def test_suggest_selects_the_first_suggestion_in_sight(session: Session, qtbot: QtBot) -> None:
    window = session.start("Screens")
    cards = window.annotation_pane.card_list
    scrolled_to_the_end(qtbot, cards)
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_S, CTRL_SHIFT)
    pane = window.annotation_pane
    first = pane.open_suggestions()[0]
    assert pane.selected_uuid() == first.uuid
    assert cards.currentIndex().data(AnnotationRole.UUID) == first.uuid
    assert card_in_sight(cards, first.uuid)
    assert QApplication.focusWidget() is cards
    qtbot.keyClick(cards, Qt.Key.Key_D)
    assert window.library.annotation(first.uuid).status is Status.DISMISSED


def test_suggest_again_from_the_cards_selects_a_suggestion_in_sight(
    session: Session, qtbot: QtBot
) -> None:
    window = session.start("Screens")
    pane, cards = window.annotation_pane, window.annotation_pane.card_list
    last_flag = stored(window, Status.ACTIVE)[-1]
    click_card(qtbot, cards, last_flag.uuid)
    scrolled_to_the_end(qtbot, cards)
    qtbot.keyClick(cards, Qt.Key.Key_S, CTRL_SHIFT)
    first = pane.open_suggestions()[0]
    assert pane.selected_uuid() == first.uuid
    assert card_in_sight(cards, first.uuid)


def test_card_chosen_when_the_list_takes_the_focus_is_in_sight(
    session: Session, qtbot: QtBot
) -> None:
    window = session.start("Screens")
    cards = window.annotation_pane.card_list
    scrolled_to_the_end(qtbot, cards)
    window.select_annotation(None)
    cards.selectionModel().clear()  # no current card either: the focus picks the first
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is cards
    current = cards.currentIndex()
    assert current.isValid()
    assert card_in_sight(cards, str(current.data(AnnotationRole.UUID)))


# 3. A and D in the article; a shortcut for Dismiss


def test_a_and_d_in_the_article_review_the_clicked_suggestion(
    session: Session, qtbot: QtBot
) -> None:
    window = session.start("Screens")
    assert window.review.suggest()
    view = window.article_view
    first, second, third = clickable_suggestions(window)[:3]
    click_highlight(qtbot, window, first)
    assert QApplication.focusWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_D)
    assert window.library.annotation(first.uuid).status is Status.DISMISSED
    click_highlight(qtbot, window, second)
    assert QApplication.focusWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_A)
    accepted = window.library.annotation(second.uuid)
    assert (accepted.status, accepted.layer) == (Status.ACTIVE, "mine")
    # With text selected, the letters do not review (1, 2 and 3 flag the selection).
    click_highlight(qtbot, window, third)
    steps = window.reading.undo_stack.count()
    view.select_text(third.anchor.start, third.anchor.start + 5)
    qtbot.keyClick(view, Qt.Key.Key_D)
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert window.reading.undo_stack.count() == steps
    assert window.library.annotation(third.uuid).status is Status.SUGGESTED


def test_letters_in_the_article_leave_a_selected_flag_alone_and_say_why(
    session: Session, qtbot: QtBot
) -> None:
    window = session.start("Screens")
    assert window.review.suggest()
    view = window.article_view
    flag = next(a for a in stored(window, Status.ACTIVE) if a.anchor.exact.startswith("Mark my"))
    click_highlight(qtbot, window, flag)
    steps = window.reading.undo_stack.count()
    for key, verb in ((Qt.Key.Key_A, "accept"), (Qt.Key.Key_D, "dismiss")):
        qtbot.keyClick(view, key)
        assert window.statusBar().currentMessage() == f"Select a suggestion to {verb} it"
    assert window.reading.undo_stack.count() == steps
    assert window.library.annotation(flag.uuid) == flag
    qtbot.keyClick(view, Qt.Key.Key_Delete)  # Delete on a flag of one's own deletes it
    assert window.reading.undo_stack.count() == steps + 1
    assert flag.uuid not in {a.uuid for a in window.library.annotations(flag.article_id)}


def test_dismiss_suggestion_has_a_window_shortcut(session: Session, qtbot: QtBot) -> None:
    window = session.start("Screens")
    assert window.review.suggest()
    shortcuts = [s for s in window.window_actions.dismiss.shortcuts() if not s.isEmpty()]
    assert shortcuts
    taken = {
        s.toString()
        for action in window.actions()
        if action is not window.window_actions.dismiss
        for s in action.shortcuts()
    }
    assert not {s.toString() for s in shortcuts} & taken
    for action, letter in (
        (window.window_actions.accept, "A"),
        (window.window_actions.dismiss, "D"),
    ):
        assert f"press {letter} on its card or in the article" in action.statusTip()
        assert f"press {letter} on" in action.toolTip()
    suggestion = clickable_suggestions(window)[0]
    click_highlight(qtbot, window, suggestion)
    qtbot.keySequence(window.article_view, shortcuts[0])
    assert window.library.annotation(suggestion.uuid).status is Status.DISMISSED


def test_ctrl_backspace_still_deletes_a_word_with_a_suggestion_selected(
    session: Session, qtbot: QtBot
) -> None:
    """Dismiss's shortcut is no editing key: Ctrl+Backspace, say, would take it."""
    window = session.start("Screens")
    assert window.review.suggest()
    window.select_annotation(window.annotation_pane.open_suggestions()[0].uuid)
    search = window.library_panel.search_edit
    search.setFocus()
    qtbot.keyClicks(search, "two words")
    assert window.window_actions.dismiss.isEnabled()
    qtbot.keySequence(search, QKeySequence("Ctrl+Backspace"))
    assert search.text() == "two "
    assert stored(window, Status.DISMISSED) == []
    window.library_panel.refresh_list()  # now: its search timer would fire in the next test


# 4. The pane's heading counts flags


def test_heading_counts_flags_not_suggestions(session: Session, qtbot: QtBot) -> None:
    window = session.start("Screens")
    pane = window.annotation_pane
    flags = len(stored(window, Status.ACTIVE))
    assert pane.heading.text() == f"Flags ({flags})"
    assert window.review.suggest()
    waiting = len(pane.open_suggestions())
    assert waiting > 0
    assert pane.heading.text() == f"Flags ({flags})"
    assert pane.suggestion_bar.count_label.text() == f"{waiting} suggestions to review"
    window.review.dismiss(pane.open_suggestions()[0].uuid)
    assert pane.heading.text() == f"Flags ({flags})"
    window.review.accept(pane.open_suggestions()[0].uuid)
    assert pane.heading.text() == f"Flags ({flags + 1})"
    opinions = len([a for a in stored(window, Status.ACTIVE) if a.kind is Kind.OPINION])
    opinion_button = pane.kind_buttons.button(1 + list(Kind).index(Kind.OPINION))
    assert opinion_button is not None
    qtbot.mouseClick(opinion_button, Qt.MouseButton.LeftButton)
    assert pane.heading.text() == f"Flags ({opinions} of {flags + 1})"


# 5. The article list from the keyboard


def open_row(window: MainWindow) -> int:
    panel = window.library_panel
    assert window.reading.article is not None
    entries = panel.entries()
    return next(n for n, e in enumerate(entries) if e.article_id == window.reading.article.id)


def test_moving_in_the_article_list_opens_the_article(session: Session, qtbot: QtBot) -> None:
    window = session.start("Screens")
    panel = window.library_panel
    articles = panel.list_widget
    articles.setFocus()
    assert articles.currentRow() == open_row(window) == 0
    qtbot.keyClick(articles, Qt.Key.Key_Down)
    entry = articles.currentItem().data(ENTRY_ROLE)
    assert isinstance(entry, Entry)
    assert window.reading.article is not None and window.reading.article.id == entry.article_id
    qtbot.keyClick(articles, Qt.Key.Key_End)
    assert articles.currentRow() == articles.count() - 1 == open_row(window)
    qtbot.keyClick(articles, Qt.Key.Key_S, CTRL_SHIFT)
    assert stored(window, Status.SUGGESTED)
    assert window.reading.article.id == panel.entries()[-1].article_id
    qtbot.keyClick(articles, Qt.Key.Key_Home)
    assert open_row(window) == 0 == articles.currentRow()
    qtbot.keyClick(articles, Qt.Key.Key_Return)  # Enter still works, and changes nothing
    assert open_row(window) == 0
    assert articles.currentRow() == 0


def test_article_list_keeps_the_note_being_typed(session: Session, qtbot: QtBot) -> None:
    window = session.start("Screens")
    flag = stored(window, Status.ACTIVE)[0]
    window.select_annotation(flag.uuid)
    editor = window.annotation_pane.editor
    editor.focus_note()
    qtbot.keyClicks(editor.note_edit, " typed just now")
    articles = window.library_panel.list_widget
    articles.setFocus()
    qtbot.keyClick(articles, Qt.Key.Key_Down)
    assert window.reading.article is not None and window.reading.article.id != flag.article_id
    assert window.library.annotation(flag.uuid).note.endswith(" typed just now")


def test_refilling_the_article_list_opens_nothing(session: Session, qtbot: QtBot) -> None:
    window = session.start("Screens")
    assert window.reading.article is not None
    shown = window.reading.article.id
    panel = window.library_panel
    panel.list_widget.setFocus()
    qtbot.keyClicks(panel.search_edit, "library")
    panel.refresh_list()
    assert panel.entries() and window.reading.article.id == shown
    panel.search_edit.clear()
    panel.refresh_list()
    panel.reload()
    panel.clear_filters()
    assert window.reading.article.id == shown
    assert panel.list_widget.currentRow() == open_row(window)


def test_return_in_the_search_box_opens_the_first_result(session: Session, qtbot: QtBot) -> None:
    window = session.start("Screens")
    panel = window.library_panel
    panel.search_edit.setFocus()
    qtbot.keyClicks(panel.search_edit, "library")
    qtbot.keyClick(panel.search_edit, Qt.Key.Key_Return)
    first = panel.entries()[0]
    assert "Marlow" in first.title  # not the article open before
    assert QApplication.focusWidget() is panel.list_widget
    assert panel.list_widget.currentRow() == 0
    assert window.reading.article is not None and window.reading.article.id == first.article_id


@pytest.mark.parametrize("first_open", [True, False])
def test_return_in_the_empty_search_box_opens_the_first_row_once(
    session: Session, qtbot: QtBot, first_open: bool
) -> None:
    window = session.start("Screens")
    panel = window.library_panel
    first, other = panel.entries()[0], panel.entries()[1]
    window.show_article(first.article_id if first_open else other.article_id)
    assert panel.list_widget.currentRow() == (0 if first_open else 1)  # the open row
    chosen: list[int] = []
    panel.article_chosen.connect(chosen.append)
    panel.search_edit.setFocus()

    qtbot.keyClick(panel.search_edit, Qt.Key.Key_Return)

    assert chosen == [first.article_id]
    assert panel.list_widget.currentRow() == 0
    assert QApplication.focusWidget() is panel.list_widget
    assert window.reading.article is not None and window.reading.article.id == first.article_id


def test_return_on_search_results_opens_the_first_hit_once(session: Session, qtbot: QtBot) -> None:
    window = session.start("Screens")
    panel = window.library_panel
    chosen: list[tuple[int, str]] = []
    panel.article_chosen.connect(lambda article_id: chosen.append((article_id, "")))
    panel.note_hit_chosen.connect(lambda article_id, uuid: chosen.append((article_id, uuid)))
    panel.search_edit.setFocus()
    qtbot.keyClicks(panel.search_edit, "library")

    qtbot.keyClick(panel.search_edit, Qt.Key.Key_Return)

    first = panel.entries()[0]
    assert chosen == [(first.article_id, first.annotation_uuid or "")]


def test_sourced_claim_tooltip_names_the_source(window: MainWindow, qtbot: QtBot) -> None:
    window.review.set_sourced_claims_visible(True)
    ranges = window.review.sourced_ranges
    assert ranges, "the sample article sources some claims"
    start, end = ranges[0]
    attribution = window.review.sourced_claim_at(start)
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
