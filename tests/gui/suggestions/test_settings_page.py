"""Edit › Settings… › Suggestions: what the library's suggestions learned from the teacher,
read in plain words, forgotten with a click, and brought back with Undo Forget."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMenu
from pytestqt.qtbot import QtBot

from reader.core.models import ArticleMeta, Kind, SourceFormat
from reader.detectors import suggest_article
from reader.detectors.learning import NOTHING_LEARNED
from reader.gui.common.settings_dialog import SettingsDialog
from reader.gui.shell.main_window import MainWindow
from reader.gui.suggestions.settings_page import FORGOTTEN, LEARNING_AGAIN, SuggestionsPage
from reader.services.suggestions import (
    SUGGESTIONS_LAYER,
    accepted,
    dismissed,
    learning_reset_time,
    library_learning,
    save_suggestions,
)
from reader.storage.library import Library
from tests.gui.conftest import activate

if TYPE_CHECKING:
    from tests.gui.conftest import Session

LESSON = (
    "The mayor's appalling plan will ruin the town.\n\n"
    "Officials made 80,000 arrests since 2019.\n\n"
    "Crime fell 40 percent last year.\n\n"
    "This disgraceful council should resign at once!\n\n"
    "The new bridge cost 40 million dollars."
)


def review_lesson(db_path: Path) -> None:
    """A teacher's review in the library: the lesson's opinions accepted, its claims
    dismissed."""
    library = Library.open(db_path)
    meta = ArticleMeta(title="Lesson", markdown=LESSON, source_format=SourceFormat.MARKDOWN)
    article = library.import_article(meta).article
    save_suggestions(library, article.id, suggest_article(article, article.text))
    for suggestion in library.annotations(article.id, SUGGESTIONS_LAYER):
        keep = suggestion.kind is Kind.OPINION
        library.update_annotation(accepted(suggestion) if keep else dismissed(suggestion))
    library.close()


def open_with_shortcut(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    activate(qtbot, window)  # as a desktop gives it back once a dialog closes
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialogs = [d for d in window.findChildren(SettingsDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.windowTitle() == "Settings"
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "Suggestions"
    return dialog


def suggestions_page(dialog: SettingsDialog) -> SuggestionsPage:
    page = dialog.tabs.currentWidget()
    assert isinstance(page, SuggestionsPage)
    return page


def test_settings_say_what_was_learned_and_forget_it_until_undone(
    qtbot: QtBot, session: Session, db_path: Path
) -> None:
    review_lesson(db_path)
    window = session.start()
    edit_menu = window.menuBar().actions()[1].menu()
    assert isinstance(edit_menu, QMenu)
    assert "Se&ttings…" in [action.text() for action in edit_menu.actions()]
    learned = library_learning(window.library)
    assert learned != NOTHING_LEARNED
    dialog = open_with_shortcut(qtbot, window)
    page = suggestions_page(dialog)
    summary = page.summary.toPlainText()
    assert summary.startswith("Learned from 2 accepted and 3 dismissed suggestions.\n")
    assert "\nSuggested opinions are shown more often: you kept 2 and dismissed 0." in summary
    assert "\nSuggested claims are shown less often: you kept 0 and dismissed 3." in summary
    assert page.forget_button.isEnabled() and not page.undo_button.isEnabled()
    assert not page.lock_label.isVisible()

    qtbot.mouseClick(page.forget_button, Qt.MouseButton.LeftButton)
    assert library_learning(window.library) == NOTHING_LEARNED
    check = Library.open(db_path)  # in the file, for the next Suggest Flags and the CLI
    assert library_learning(check) == NOTHING_LEARNED
    check.close()
    assert page.summary.toPlainText() == (
        "Nothing learned yet: suggestions are shown in the shipped order."
    )
    assert page.status_label.text() == FORGOTTEN
    assert not page.forget_button.isEnabled() and page.undo_button.isEnabled()
    assert len(window.library.annotations(2)) > 0  # the flags themselves are kept

    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert library_learning(window.library) == learned
    assert page.summary.toPlainText() == summary
    assert page.status_label.text() == LEARNING_AGAIN
    assert page.forget_button.isEnabled() and not page.undo_button.isEnabled()

    close = dialog.findChild(QDialogButtonBox)
    assert close is not None
    button = close.button(QDialogButtonBox.StandardButton.Close)
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.findChildren(SettingsDialog))


def test_a_reset_is_undone_from_settings_opened_later(
    qtbot: QtBot, session: Session, db_path: Path
) -> None:
    review_lesson(db_path)
    window = session.start()
    learned = library_learning(window.library)
    page = suggestions_page(open_with_shortcut(qtbot, window))
    qtbot.mouseClick(page.forget_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.findChildren(SettingsDialog))
    page = suggestions_page(open_with_shortcut(qtbot, window))
    assert page.summary.toPlainText().startswith("Nothing learned yet")
    assert page.status_label.text().startswith(
        f"Forgotten on {learning_reset_time(window.library)[:10]}:"
    )
    assert page.undo_button.isEnabled()
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert library_learning(window.library) == learned


def test_while_suggestions_are_locked_what_was_learned_cannot_be_changed(
    qtbot: QtBot, session: Session, db_path: Path
) -> None:
    review_lesson(db_path)
    library = Library.open(db_path)
    library.lock_suggestions("2718")
    library.close()
    window = session.start()
    learned = library_learning(window.library)
    page = suggestions_page(open_with_shortcut(qtbot, window))
    assert page.lock_label.isVisible() and "Unlock Suggestions" in page.lock_label.text()
    assert not page.forget_button.isEnabled() and not page.undo_button.isEnabled()
    qtbot.mouseClick(page.forget_button, Qt.MouseButton.LeftButton)
    assert library_learning(window.library) == learned
