"""A teacher's lock on the app's suggestions: locked and unlocked with a PIN in the window,
and what the window shows (and lets anyone do) while suggestions are locked."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from reader.core.models import Annotation, Status
from reader.gui.shell.main_window import MainWindow
from reader.gui.suggestions.pin_dialog import PinDialog
from reader.services.suggestions import SUGGESTIONS_LAYER
from reader.storage.library import Library
from tests.gui.conftest import come_back_to

if TYPE_CHECKING:
    from tests.gui.conftest import Session

PIN = "2718"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
CTRL_KEYPAD = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.KeypadModifier


def stored(window: MainWindow, status: Status, article_id: int | None = None) -> list[Annotation]:
    if article_id is None:
        assert window.reading.article is not None
        article_id = window.reading.article.id
    return [a for a in window.library.annotations(article_id) if a.status is status]


def listed(window: MainWindow) -> list[Annotation]:
    shown = window.annotation_pane.active_filter.shown_annotations()
    assert shown is not None
    return list(shown)


def drawn(window: MainWindow) -> set[str]:
    return set(window.article_view.highlighted_uuids())


def suggestion_actions_enabled(window: MainWindow) -> list[bool]:
    return [
        action.isEnabled()
        for action in (
            window.window_actions.suggest,
            window.window_actions.accept,
            window.window_actions.dismiss,
            window.window_actions.accept_all,
            window.window_actions.dismiss_all,
            window.window_actions.show_suggestions,
            window.window_actions.show_sourced,
        )
    ]


def lock_note(window: MainWindow) -> QLabel | None:
    notes = [
        label
        for label in window.statusBar().findChildren(QLabel)
        if label.text() == "Suggestions locked" and label.isVisible()
    ]
    return notes[0] if notes else None


def open_pin_dialog(window: MainWindow) -> PinDialog:
    window.window_actions.lock_suggestions.trigger()
    dialog = window.lock.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def lock_through_dialog(qtbot: QtBot, window: MainWindow, pin: str = PIN) -> None:
    assert window.window_actions.lock_suggestions.text() == "Lock Suggestions…"
    dialog = open_pin_dialog(window)
    assert dialog.confirm_edit is not None
    assert dialog.pin_edit.echoMode() == dialog.pin_edit.EchoMode.Password
    qtbot.keyClicks(dialog.pin_edit, pin)
    qtbot.keyClicks(dialog.confirm_edit, pin)
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert window.lock.dialog is None


def unlock_through_dialog(qtbot: QtBot, window: MainWindow, pin: str) -> PinDialog:
    assert window.window_actions.lock_suggestions.text() == "Unlock Suggestions…"
    dialog = open_pin_dialog(window)
    assert dialog.confirm_edit is None
    qtbot.keyClicks(dialog.pin_edit, pin)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    return dialog


def assert_locked_view(window: MainWindow) -> None:
    """Nothing of the suggestions shown, nothing to ask for them with; the note shown."""
    suggested = {a.uuid for a in stored(window, Status.SUGGESTED)}
    assert not drawn(window) & suggested
    assert {a.status for a in listed(window)} <= {Status.ACTIVE}
    pane = window.annotation_pane
    assert pane.open_suggestions() == [] and not pane.suggestion_bar.isVisible()
    assert "suggestion" not in window.status_label.text()
    assert suggestion_actions_enabled(window) == [False] * 7
    assert "suggestions are locked" in window.window_actions.suggest.toolTip()
    assert "suggestions are locked" in window.window_actions.show_suggestions.statusTip()
    assert lock_note(window) is not None


def test_lock_dialog_asks_for_the_new_pin_twice(qtbot: QtBot, session: Session) -> None:
    window = session.start("Screens")
    assert "students cannot see or ask for" in window.window_actions.lock_suggestions.toolTip()
    dialog = open_pin_dialog(window)
    assert dialog.confirm_edit is not None
    assert dialog.confirm_edit.echoMode() == dialog.confirm_edit.EchoMode.Password
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.pin_edit, "271")
    qtbot.keyClicks(dialog.confirm_edit, "271")
    assert not dialog.ok_button.isEnabled()
    assert "at least 4 characters" in dialog.hint_label.text()
    qtbot.keyClicks(dialog.pin_edit, "8")
    assert not dialog.ok_button.isEnabled()
    assert "same PIN in both fields" in dialog.hint_label.text()
    qtbot.keyClicks(dialog.confirm_edit, "9")
    assert not dialog.ok_button.isEnabled()
    dialog.confirm_edit.clear()
    qtbot.keyClicks(dialog.confirm_edit, PIN)
    assert dialog.ok_button.isEnabled() and not dialog.hint_label.isVisible()
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton
    )
    assert window.lock.dialog is None
    assert not window.library.suggestions_locked()
    assert window.window_actions.lock_suggestions.text() == "Lock Suggestions…"


def test_locking_hides_suggestions_and_their_actions(qtbot: QtBot, session: Session) -> None:
    window = session.start("Screens")
    flags = stored(window, Status.ACTIVE)
    assert flags
    assert window.review.suggest()
    suggestions = stored(window, Status.SUGGESTED)
    window.select_annotation(suggestions[0].uuid)
    assert window.window_actions.accept.isEnabled() and lock_note(window) is None

    lock_through_dialog(qtbot, window)

    assert window.library.suggestions_locked()
    assert_locked_view(window)
    assert window.annotation_pane.selected_uuid() is None
    assert window.window_actions.lock_suggestions.text() == "Unlock Suggestions…"
    assert "PIN" in window.window_actions.lock_suggestions.toolTip()
    # The real flags are as they were: stored, drawn and listed.
    assert stored(window, Status.ACTIVE) == flags
    assert {a.uuid for a in flags} <= drawn(window)
    assert {a.uuid for a in listed(window)} == {a.uuid for a in flags}
    assert stored(window, Status.SUGGESTED) == suggestions
    assert not window.window_actions.layer_actions[SUGGESTIONS_LAYER].isEnabled()


def test_nothing_asks_for_or_reviews_suggestions_while_locked(
    qtbot: QtBot, session: Session
) -> None:
    window = session.start("Screens")
    assert window.review.suggest()
    lock_through_dialog(qtbot, window)
    suggestions = stored(window, Status.SUGGESTED)
    flags = stored(window, Status.ACTIVE)

    qtbot.keyClick(window.article_view, Qt.Key.Key_S, CTRL_SHIFT)
    assert window.review.suggest() is None
    cards = window.annotation_pane.card_list
    cards.setFocus()
    cards.setCurrentIndex(cards.model().index(0, 0))
    for key in (Qt.Key.Key_A, Qt.Key.Key_D):
        qtbot.keyClick(cards, key)
    # A search hit or a stray call cannot select or review a suggestion either.
    window.select_annotation(suggestions[0].uuid)
    assert window.annotation_pane.selected_uuid() is None
    assert window.review.accept(suggestions[0].uuid) is None
    assert not window.review.dismiss(suggestions[0].uuid)
    assert window.review.accept_all() == window.review.dismiss_all() == 0
    window.layers.set_visible(SUGGESTIONS_LAYER, False)

    assert stored(window, Status.SUGGESTED) == suggestions
    assert stored(window, Status.ACTIVE) == flags
    assert window.reading.article is not None
    assert not any(layer.hidden for layer in window.library.layers(window.reading.article.id))
    assert_locked_view(window)


def test_locking_clears_the_undo_history(qtbot: QtBot, session: Session) -> None:
    window = session.start("Screens")
    assert window.review.suggest()
    accepted = window.review.accept_all()
    assert accepted > 0 and window.window_actions.undo.isEnabled()
    flags = stored(window, Status.ACTIVE)

    lock_through_dialog(qtbot, window)

    assert window.reading.undo_stack.count() == 0
    assert not window.window_actions.undo.isEnabled() and not window.window_actions.redo.isEnabled()
    window.reading.undo()  # the accepted suggestions stay flags: they do not come back
    assert stored(window, Status.ACTIVE) == flags
    assert stored(window, Status.SUGGESTED) == []
    assert {a.uuid for a in flags} <= drawn(window)


def test_a_locked_library_opens_locked(qtbot: QtBot, session: Session, db_path: Path) -> None:
    window = session.start("Screens")
    assert window.review.suggest()
    suggestions = {a.uuid for a in stored(window, Status.SUGGESTED)}
    flags = stored(window, Status.ACTIVE)
    window.close()
    outside = Library.open(db_path)  # as `reader lock-suggestions` does it
    outside.lock_suggestions(PIN)
    outside.close()

    reopened = session.start()
    qtbot.waitUntil(lambda: reopened.article_view.highlighted_uuids() != [])
    assert not set(reopened.article_view.highlighted_uuids()) & suggestions
    qtbot.waitUntil(reopened.is_ready)
    assert reopened.reading.article is not None and "Screens" in reopened.reading.article.title
    assert_locked_view(reopened)
    assert reopened.window_actions.lock_suggestions.text() == "Unlock Suggestions…"
    assert stored(reopened, Status.ACTIVE) == flags
    assert {a.uuid for a in flags} <= drawn(reopened)


def test_a_wrong_pin_keeps_suggestions_locked(qtbot: QtBot, session: Session) -> None:
    window = session.start("Screens")
    assert window.review.suggest()
    lock_through_dialog(qtbot, window)

    dialog = unlock_through_dialog(qtbot, window, "0000")

    assert window.lock.dialog is dialog and dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert "Wrong PIN" in dialog.error_label.text()
    assert dialog.pin_edit.text() == ""
    assert window.library.suggestions_locked()
    assert_locked_view(window)
    dialog.reject()
    assert window.lock.dialog is None
    assert window.library.suggestions_locked()
    assert_locked_view(window)


def test_the_right_pin_restores_suggestions_and_each_articles_state(
    qtbot: QtBot, session: Session
) -> None:
    window = session.start("Marlow Falls")
    hidden_article = window.reading.article
    assert hidden_article is not None
    assert window.review.suggest()
    window.window_actions.show_suggestions.trigger()  # hidden on this article only
    assert not window.window_actions.show_suggestions.isChecked()
    screens = next(s.id for s in window.library.articles() if "Screens" in s.title)
    window.show_article(screens)
    assert window.review.suggest()
    assert window.window_actions.show_suggestions.isChecked()
    suggestions = {a.uuid for a in stored(window, Status.SUGGESTED)}
    flags = stored(window, Status.ACTIVE)
    window.window_actions.show_sourced.trigger()
    sourced = window.review.sourced_ranges
    assert sourced

    lock_through_dialog(qtbot, window)
    assert_locked_view(window)
    assert window.review.sourced_ranges == []
    window.show_article(hidden_article.id)
    assert_locked_view(window)
    window.show_article(screens)
    assert_locked_view(window)

    unlock_through_dialog(qtbot, window, PIN)

    assert window.lock.dialog is None
    assert not window.library.suggestions_locked()
    assert lock_note(window) is None
    assert window.window_actions.lock_suggestions.text() == "Lock Suggestions…"
    assert suggestions <= drawn(window)
    assert suggestions <= {a.uuid for a in listed(window)}
    assert window.annotation_pane.suggestion_bar.isVisible()
    assert window.window_actions.show_suggestions.isEnabled()
    assert window.window_actions.show_suggestions.isChecked()
    assert (
        window.window_actions.show_sourced.isChecked() and window.review.sourced_ranges == sourced
    )
    assert (
        window.window_actions.suggest.isEnabled() and window.window_actions.accept_all.isEnabled()
    )
    assert "suggestions are locked" not in window.window_actions.suggest.toolTip()
    assert window.window_actions.layer_actions[SUGGESTIONS_LAYER].isEnabled()
    assert stored(window, Status.ACTIVE) == flags
    assert {a.uuid for a in flags} <= drawn(window)

    window.show_article(hidden_article.id)
    assert not window.window_actions.show_suggestions.isChecked()
    hidden = {a.uuid for a in stored(window, Status.SUGGESTED)}
    assert hidden and not hidden & drawn(window)
    layers = {layer.name: layer.hidden for layer in window.library.layers(hidden_article.id)}
    assert layers[SUGGESTIONS_LAYER]


# A lock changed by another process (`reader lock-suggestions` / `unlock-suggestions`)


def lock_elsewhere(db_path: Path) -> None:
    outside = Library.open(db_path)  # another process on the same file
    try:
        outside.lock_suggestions(PIN)
    finally:
        outside.close()


def unlock_elsewhere(db_path: Path) -> None:
    outside = Library.open(db_path)
    try:
        outside.unlock_suggestions(PIN)
    finally:
        outside.close()


def test_a_lock_from_elsewhere_shows_when_the_window_is_active_again(
    qtbot: QtBot, session: Session, db_path: Path
) -> None:
    window = session.start("Screens")
    assert window.review.suggest()
    suggestions = {a.uuid for a in stored(window, Status.SUGGESTED)}
    flags = stored(window, Status.ACTIVE)
    lock_elsewhere(db_path)
    assert suggestions <= drawn(window)  # not read again yet

    come_back_to(qtbot, window)

    assert_locked_view(window)
    assert window.window_actions.lock_suggestions.text() == "Unlock Suggestions…"
    assert {a.uuid for a in flags} <= drawn(window)

    unlock_elsewhere(db_path)
    come_back_to(qtbot, window)

    assert lock_note(window) is None
    assert window.window_actions.lock_suggestions.text() == "Lock Suggestions…"
    assert suggestions <= drawn(window)
    assert suggestions <= {a.uuid for a in listed(window)}
    assert (
        window.window_actions.suggest.isEnabled() and window.window_actions.accept_all.isEnabled()
    )


def test_suggest_flags_reads_the_lock_first(qtbot: QtBot, session: Session, db_path: Path) -> None:
    window = session.start("Screens")
    qtbot.waitUntil(window.is_ready)  # the lock was read
    assert stored(window, Status.SUGGESTED) == [] and lock_note(window) is None
    lock_elsewhere(db_path)
    assert window.window_actions.suggest.isEnabled()  # the window does not know yet

    qtbot.keyClick(window.article_view, Qt.Key.Key_S, CTRL_SHIFT)

    assert stored(window, Status.SUGGESTED) == []
    assert window.error_box is None
    assert "Suggestions are locked" in window.statusBar().currentMessage()
    assert_locked_view(window)


def test_accept_and_dismiss_read_the_lock_first(
    qtbot: QtBot, session: Session, db_path: Path
) -> None:
    window = session.start("Screens")
    assert window.review.suggest()
    suggestions = stored(window, Status.SUGGESTED)
    flags = stored(window, Status.ACTIVE)
    window.select_annotation(suggestions[0].uuid)
    lock_elsewhere(db_path)
    assert window.window_actions.accept.isEnabled()  # the window does not know yet

    cards = window.annotation_pane.card_list
    cards.setFocus()
    qtbot.keyClick(cards, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert window.error_box is None
    assert "nothing was accepted" in window.statusBar().currentMessage()
    assert_locked_view(window)
    assert window.review.dismiss(suggestions[1].uuid) is False
    assert "nothing was dismissed" in window.statusBar().currentMessage()
    assert stored(window, Status.SUGGESTED) == suggestions
    assert stored(window, Status.ACTIVE) == flags


def test_a_dismissal_reads_the_lock_first(qtbot: QtBot, session: Session, db_path: Path) -> None:
    window = session.start("Screens")
    assert window.review.suggest()
    suggestions = stored(window, Status.SUGGESTED)
    window.select_annotation(suggestions[0].uuid)
    lock_elsewhere(db_path)

    window.window_actions.dismiss.trigger()

    assert window.error_box is None
    assert "nothing was dismissed" in window.statusBar().currentMessage()
    assert stored(window, Status.SUGGESTED) == suggestions
    assert stored(window, Status.DISMISSED) == []
    assert_locked_view(window)


def test_the_pin_dialog_follows_a_lock_changed_elsewhere(
    qtbot: QtBot, session: Session, db_path: Path
) -> None:
    window = session.start("Screens")
    assert window.review.suggest()
    lock_elsewhere(db_path)
    assert window.window_actions.lock_suggestions.text() == "Lock Suggestions…"

    dialog = open_pin_dialog(window)

    assert dialog.windowTitle() == "Unlock Suggestions" and dialog.confirm_edit is None
    assert_locked_view(window)
    qtbot.keyClicks(dialog.pin_edit, PIN)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert window.lock.dialog is None
    assert not window.library.suggestions_locked()
    assert lock_note(window) is None

    lock_through_dialog(qtbot, window)
    unlock_elsewhere(db_path)
    dialog = open_pin_dialog(window)
    assert dialog.windowTitle() == "Lock Suggestions" and dialog.confirm_edit is not None
    assert window.window_actions.lock_suggestions.text() == "Lock Suggestions…"
    assert lock_note(window) is None
    dialog.reject()


def test_the_wrong_pin_message_fits_in_the_dialog(qtbot: QtBot, session: Session) -> None:
    window = session.start("Screens")
    lock_through_dialog(qtbot, window)
    dialog = open_pin_dialog(window)
    qtbot.waitExposed(dialog)
    before = dialog.height()

    qtbot.keyClicks(dialog.pin_edit, "0000")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.wait(10)  # the layout's request to be laid out again

    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert dialog.height() > before
    assert dialog.height() >= dialog.sizeHint().height()
    inside = dialog.rect()
    assert inside.contains(dialog.buttons.geometry())
    assert inside.contains(dialog.error_label.geometry())
    label = dialog.error_label
    assert label.height() >= label.heightForWidth(label.width())
    dialog.reject()


# The layer filter while locked


def test_the_layer_filter_offers_no_suggestions_layer_while_locked(
    qtbot: QtBot, session: Session
) -> None:
    window = session.start("Screens")
    assert window.review.suggest()
    combo = window.annotation_pane.layer_combo
    assert combo.findData(SUGGESTIONS_LAYER) >= 0
    combo.setCurrentIndex(combo.findData(SUGGESTIONS_LAYER))
    assert {a.status for a in listed(window)} == {Status.SUGGESTED}
    flags = stored(window, Status.ACTIVE)

    lock_through_dialog(qtbot, window)

    assert combo.findData(SUGGESTIONS_LAYER) == -1
    assert combo.currentData() is None  # all layers
    assert {a.uuid for a in listed(window)} == {a.uuid for a in flags}

    unlock_through_dialog(qtbot, window, PIN)

    assert combo.findData(SUGGESTIONS_LAYER) >= 0
    assert combo.currentData() is None


# Accept and Dismiss Suggestion on a flag of yours


def test_accept_and_dismiss_say_why_they_do_nothing_on_a_flag(
    qtbot: QtBot, session: Session
) -> None:
    window = session.start("Screens")
    assert window.review.suggest()
    suggestions = stored(window, Status.SUGGESTED)
    flags = stored(window, Status.ACTIVE)
    window.select_annotation(flags[0].uuid)
    cards = window.annotation_pane.card_list
    cards.setFocus()

    for action, key, modifiers, verb in (
        (
            window.window_actions.accept,
            Qt.Key.Key_Return,
            Qt.KeyboardModifier.ControlModifier,
            "accept",
        ),
        (window.window_actions.dismiss, Qt.Key.Key_D, CTRL_SHIFT, "dismiss"),
    ):
        assert not action.isEnabled()
        assert f"select a suggestion (not a flag of yours) to {verb} it" in action.statusTip()
        assert f"to {verb} it" in action.toolTip()
        window.statusBar().clearMessage()
        qtbot.keyClick(cards, key, modifiers)
        assert window.statusBar().currentMessage() == f"Select a suggestion to {verb} it"
    qtbot.keyClick(cards, Qt.Key.Key_Enter, CTRL_KEYPAD)
    assert window.statusBar().currentMessage() == "Select a suggestion to accept it"
    assert window.review.accept(flags[0].uuid) is None
    assert window.statusBar().currentMessage() == "Select a suggestion to accept it"
    assert stored(window, Status.ACTIVE) == flags
    assert stored(window, Status.SUGGESTED) == suggestions
    assert window.annotation_pane.selected_uuid() == flags[0].uuid

    window.select_annotation(suggestions[0].uuid)
    assert window.window_actions.accept.isEnabled() and window.window_actions.dismiss.isEnabled()
    assert "select a suggestion" not in window.window_actions.accept.statusTip()
    assert window.window_actions.accept.statusTip().startswith("Make the selected suggestion")
    assert "Ctrl" in window.window_actions.accept.toolTip()


def test_undo_and_redo_read_the_lock_first(qtbot: QtBot, session: Session, db_path: Path) -> None:
    window = session.start("Screens")
    assert window.review.suggest()
    suggestion = stored(window, Status.SUGGESTED)[0]
    assert window.review.accept(suggestion.uuid) is not None
    assert window.window_actions.undo.text().startswith("&Undo Accept")
    accepted = stored(window, Status.ACTIVE)
    assert suggestion.uuid in {a.uuid for a in accepted}
    lock_elsewhere(db_path)
    assert window.window_actions.undo.isEnabled()  # the window does not know yet

    qtbot.keyClick(window.article_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert window.error_box is None
    assert "undo history was cleared" in window.statusBar().currentMessage()
    assert window.reading.undo_stack.count() == 0
    assert_locked_view(window)
    assert stored(window, Status.ACTIVE) == accepted
    window.reading.redo()
    assert window.error_box is None
    assert stored(window, Status.ACTIVE) == accepted


def test_redo_reads_the_lock_first(qtbot: QtBot, session: Session, db_path: Path) -> None:
    window = session.start("Screens")
    assert window.review.suggest()
    suggestions = stored(window, Status.SUGGESTED)
    assert window.review.accept(suggestions[0].uuid) is not None
    window.reading.undo()
    assert stored(window, Status.SUGGESTED) == suggestions
    lock_elsewhere(db_path)
    assert window.window_actions.redo.isEnabled()

    qtbot.keyClick(window.article_view, Qt.Key.Key_Z, CTRL_SHIFT)

    assert window.error_box is None
    assert window.reading.undo_stack.count() == 0
    assert_locked_view(window)
    assert stored(window, Status.SUGGESTED) == suggestions
