"""Reviewing suggested flags in the window: suggest, accept, dismiss, hide, with undo."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.anchoring.selectors import make_anchor
from reader.core.models import Annotation, Kind, Status
from reader.gui.annotations.editor import marked_reason
from reader.gui.shell.main_window import MainWindow
from reader.services.suggestion_words import likelihood, reason_sentence
from reader.services.suggestions import SUGGESTIONS_LAYER, trigger_spans

if TYPE_CHECKING:
    from tests.gui.conftest import Session


def stored(window: MainWindow, status: Status) -> list[Annotation]:
    assert window.reading.article is not None
    return [
        annotation
        for annotation in window.library.annotations(window.reading.article.id)
        if annotation.status is status
    ]


def suggested_window(session: Session) -> MainWindow:
    window = session.start("Screens")
    count = window.review.suggest()
    assert count is not None and count > 3
    return window


def shown_statuses(window: MainWindow) -> list[str]:
    proxy = window.annotation_pane.active_filter
    return [
        proxy.index(row, 0).data(Qt.ItemDataRole.UserRole + 7) for row in range(proxy.rowCount())
    ]


def test_suggest_fills_the_layer_in_one_undo_step(session: Session) -> None:
    window = session.start("Screens")
    flags_before = stored(window, Status.ACTIVE)
    window.window_actions.suggest.trigger()
    open_ones = stored(window, Status.SUGGESTED)
    assert len(open_ones) > 3
    assert {a.layer for a in open_ones} == {SUGGESTIONS_LAYER}
    assert all(a.reasons and a.score is not None for a in open_ones)
    assert window.statusBar().currentMessage().startswith(f"{len(open_ones)} suggestions")
    pane = window.annotation_pane
    assert {a.uuid for a in pane.open_suggestions()} == {a.uuid for a in open_ones}
    assert pane.suggestion_bar.isVisible()
    assert f"{len(open_ones)} suggestions" in pane.suggestion_bar.count_label.text()
    drawn = set(window.article_view.highlighted_uuids())
    assert {a.uuid for a in open_ones} <= drawn
    assert window.reading.undo_stack.count() == 1

    window.reading.undo()
    assert stored(window, Status.SUGGESTED) == []
    assert pane.open_suggestions() == []
    assert not pane.suggestion_bar.isVisible()
    assert not drawn - {a.uuid for a in open_ones} - set(window.article_view.highlighted_uuids())
    assert stored(window, Status.ACTIVE) == flags_before
    window.reading.redo()
    assert len(stored(window, Status.SUGGESTED)) == len(open_ones)


def test_suggestion_card_shows_score_and_reasons(session: Session) -> None:
    window = suggested_window(session)
    suggestion = window.annotation_pane.open_suggestions()[0]
    window.select_annotation(suggestion.uuid)
    editor = window.annotation_pane.editor
    assert editor.suggestion_box.isVisible()
    assert not editor.note_stack.isVisible() and not editor.kind_combo.isVisible()
    assert editor.suggestion_title.text().endswith(f"suggested · {likelihood(suggestion)}")
    for reason in suggestion.reasons:
        assert marked_reason(reason) in editor.reasons_label.text()
    assert window.window_actions.accept.isEnabled() and window.window_actions.dismiss.isEnabled()
    assert not window.window_actions.delete.isEnabled()


def test_accept_with_the_keyboard_then_undo_and_redo(session: Session, qtbot: QtBot) -> None:
    window = suggested_window(session)
    pane = window.annotation_pane
    suggestion, following, after_that = pane.open_suggestions()[1:4]
    window.select_annotation(suggestion.uuid)
    pane.card_list.setFocus()
    qtbot.keyClick(pane.card_list, Qt.Key.Key_A)

    flag = window.library.annotation(suggestion.uuid)
    assert (flag.layer, flag.status, flag.kind) == ("mine", Status.ACTIVE, suggestion.kind)
    assert all(reason_sentence(reason) in flag.note for reason in suggestion.reasons)
    assert suggestion.uuid not in {a.uuid for a in pane.open_suggestions()}
    # On to the next suggestion, the focus still in the cards: D dismisses that one.
    assert pane.selected_uuid() == following.uuid
    assert QApplication.focusWidget() is pane.card_list
    qtbot.keyClick(pane.card_list, Qt.Key.Key_D)
    assert window.library.annotation(following.uuid).status is Status.DISMISSED
    assert window.library.annotation(suggestion.uuid).note == flag.note
    assert pane.selected_uuid() == after_that.uuid
    window.reading.undo()

    window.reading.undo()
    back = window.library.annotation(suggestion.uuid)
    assert (back.layer, back.status, back.note) == (SUGGESTIONS_LAYER, Status.SUGGESTED, "")
    assert suggestion.uuid in {a.uuid for a in pane.open_suggestions()}
    window.reading.redo()
    again = window.library.annotation(suggestion.uuid)
    assert (again.layer, again.status, again.note) == ("mine", Status.ACTIVE, flag.note)
    assert window.reading.undo_stack.index() == 2  # suggest, accept; the dismissal undone


def test_accept_button_and_ctrl_enter(session: Session, qtbot: QtBot) -> None:
    window = suggested_window(session)
    pane = window.annotation_pane
    first, second = pane.open_suggestions()[:2]
    window.select_annotation(first.uuid)
    qtbot.mouseClick(pane.editor.accept_button, Qt.MouseButton.LeftButton)
    assert window.library.annotation(first.uuid).status is Status.ACTIVE
    window.select_annotation(second.uuid)
    pane.card_list.setFocus()
    qtbot.keyClick(pane.card_list, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.library.annotation(second.uuid).status is Status.ACTIVE


def test_dismissed_is_not_suggested_again(session: Session, qtbot: QtBot) -> None:
    window = suggested_window(session)
    pane = window.annotation_pane
    first, second = pane.open_suggestions()[:2]
    window.select_annotation(first.uuid)
    pane.card_list.setFocus()
    qtbot.keyClick(pane.card_list, Qt.Key.Key_D)
    assert window.library.annotation(first.uuid).status is Status.DISMISSED
    assert first.uuid not in window.article_view.highlighted_uuids()
    assert Status.DISMISSED.value not in shown_statuses(window)
    # Reviewing goes on with the next suggestion.
    assert pane.selected_uuid() == second.uuid
    qtbot.keyClick(pane.card_list, Qt.Key.Key_Delete)
    assert window.library.annotation(second.uuid).status is Status.DISMISSED

    window.review.suggest()
    again = {(a.kind, a.anchor.start, a.anchor.end) for a in stored(window, Status.SUGGESTED)}
    for gone in (first, second):
        assert (gone.kind, gone.anchor.start, gone.anchor.end) not in again
    # Undo the new round, then the two dismissals: each a step of its own.
    for _ in range(3):
        window.reading.undo()
    assert window.library.annotation(first.uuid).status is Status.SUGGESTED


@pytest.mark.parametrize("verb", ["accept", "dismiss"])
def test_accept_all_and_dismiss_all_are_one_undo_step(
    session: Session, qtbot: QtBot, verb: str
) -> None:
    window = suggested_window(session)
    pane = window.annotation_pane
    waiting = {a.uuid for a in pane.open_suggestions()}
    active_before = len(stored(window, Status.ACTIVE))
    steps = window.reading.undo_stack.count()
    button = (
        pane.suggestion_bar.accept_all_button
        if verb == "accept"
        else pane.suggestion_bar.dismiss_all_button
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.reading.undo_stack.count() == steps + 1
    assert pane.open_suggestions() == []
    assert not pane.suggestion_bar.isVisible()
    if verb == "accept":
        assert len(stored(window, Status.ACTIVE)) == active_before + len(waiting)
        assert waiting <= set(window.article_view.highlighted_uuids())
    else:
        assert {a.uuid for a in stored(window, Status.DISMISSED)} == waiting
        assert not waiting & set(window.article_view.highlighted_uuids())
    assert not window.window_actions.accept_all.isEnabled()
    window.reading.undo()
    assert {a.uuid for a in pane.open_suggestions()} == waiting
    assert {a.uuid for a in stored(window, Status.SUGGESTED)} == waiting
    assert len(stored(window, Status.ACTIVE)) == active_before


def test_hidden_suggestions_leave_the_view_and_the_pane_and_stay_hidden(
    session: Session,
) -> None:
    window = suggested_window(session)
    waiting = {a.uuid for a in window.annotation_pane.open_suggestions()}
    window.select_annotation(next(iter(waiting)))
    assert window.window_actions.show_suggestions.isChecked()
    window.window_actions.show_suggestions.trigger()
    assert not window.window_actions.show_suggestions.isChecked()
    assert not waiting & set(window.article_view.highlighted_uuids())
    assert Status.SUGGESTED.value not in shown_statuses(window)
    assert window.annotation_pane.selected_uuid() is None
    assert not window.annotation_pane.suggestion_bar.isVisible()
    assert not window.window_actions.accept_all.isEnabled()
    assert window.reading.article is not None
    hidden = {
        layer.name for layer in window.library.layers(window.reading.article.id) if layer.hidden
    }
    assert hidden == {SUGGESTIONS_LAYER}
    assert not window.window_actions.layer_actions[SUGGESTIONS_LAYER].isChecked()
    window.close()

    reopened = session.start("Screens")
    assert not reopened.window_actions.show_suggestions.isChecked()
    assert not waiting & set(reopened.article_view.highlighted_uuids())
    reopened.window_actions.show_suggestions.trigger()
    assert waiting <= set(reopened.article_view.highlighted_uuids())
    assert reopened.window_actions.layer_actions[SUGGESTIONS_LAYER].isChecked()


def test_trigger_words_are_marked_while_the_suggestion_is_selected(session: Session) -> None:
    window = suggested_window(session)
    suggestion = next(a for a in window.annotation_pane.open_suggestions() if trigger_spans(a))
    view = window.article_view
    window.select_annotation(suggestion.uuid)
    ranges = window.review.trigger_ranges
    assert ranges
    expected = [view.document_range(start, end) for start, end in trigger_spans(suggestion)]
    assert ranges == expected

    def weight_at(position: int) -> int:
        cursor = QTextCursor(view.document())
        cursor.setPosition(position + 1)  # the format of the character before the cursor
        return int(cursor.charFormat().fontWeight())

    start, end = ranges[0]
    assert weight_at(start) >= QFont.Weight.Bold.value
    window.select_annotation(None)
    assert window.review.trigger_ranges == []
    assert weight_at(start) < QFont.Weight.Bold.value


def test_note_is_shown_rendered_until_edited(session: Session, qtbot: QtBot) -> None:
    window = session.start("Screens")
    article = window.reading.article
    assert article is not None
    flag = Annotation(
        article.id,
        Kind.OPINION,
        make_anchor(article.text, 0, 20),
        note="Loaded: **slack-jawed** and [a link](https://example.org)",
    )
    window.library.add_annotation(flag)
    window.show_article(article.id)
    window.article_view.setFocus()
    window.select_annotation(flag.uuid)
    editor = window.annotation_pane.editor
    assert not editor.is_editing_note()
    assert editor.note_view.toPlainText() == "Loaded: slack-jawed and a link"
    assert editor.note_edit.toPlainText() == flag.note

    viewport = editor.note_view.viewport()
    below_the_text = QPoint(8, viewport.height() - 6)
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=below_the_text)
    assert editor.is_editing_note()
    assert QApplication.focusWidget() is editor.note_edit
    qtbot.keyClicks(editor.note_edit, " *more*")
    qtbot.keyClick(editor.note_edit, Qt.Key.Key_Tab)
    assert not editor.is_editing_note()
    assert editor.note_view.toPlainText().endswith("a link more")
    window.annotation_pane.editor.flush_pending_edit()
    assert window.library.annotation(flag.uuid).note == flag.note + " *more*"
    # Back into the note from the keyboard.
    qtbot.keyClick(editor.tags_edit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert editor.is_editing_note()


def test_sourced_claims_are_a_faint_marker_never_stored(session: Session) -> None:
    window = session.start("Screens")
    prisons = next(s.id for s in window.library.articles() if "Salvador" in s.title)
    window.show_article(prisons)
    stored_before = window.library.annotations(prisons)
    assert not window.window_actions.show_sourced.isChecked()
    assert window.review.sourced_ranges == []
    window.window_actions.show_sourced.trigger()
    marked = window.review.sourced_ranges
    assert marked
    assert [
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in window.article_view.extraSelections()
    ] == marked
    assert window.library.annotations(prisons) == stored_before
    window.window_actions.show_sourced.trigger()
    assert window.review.sourced_ranges == [] and window.article_view.extraSelections() == []


def test_card_text_of_a_markdown_note_keeps_its_bullets(qtbot: QtBot) -> None:
    from reader.gui.annotations.card_text import markdown_plain_text

    note = "Suggested because:\n- loaded word: scandal\n- hedge: may\n\n**Who** says so?"
    assert markdown_plain_text(note) == (
        "Suggested because:\n• loaded word: scandal\n• hedge: may\nWho says so?"
    )


def test_a_sentence_gets_one_suggestion_card(session: Session) -> None:
    """The opinion column's sentences that also make unsourced claims: one card each,
    with the reasons of both kinds."""
    window = suggested_window(session)
    assert window.review.show_more()
    cards = window.annotation_pane.open_suggestions()
    passages = [(card.anchor.start, card.anchor.end) for card in cards]
    assert len(passages) == len(set(passages))
    both = [
        card
        for card in cards
        if any(r.startswith(("It may also be", "It is likely")) for r in card.reasons)
    ]
    assert both  # the sample column has sentences of both kinds
