"""What a reviewer sees of the suggestions: the best few first with the rest a click away,
each scored in words a tooltip explains, its reasons as sentences."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

from reader.core.models import Annotation, Status
from reader.detectors import SHOWN_PER_1000_WORDS, score_words
from reader.gui.annotations.card_text import suggestion_badge
from reader.gui.reading.flags_model import AnnotationRole
from reader.gui.shell.main_window import MainWindow
from reader.services.suggestion_words import reason_sentence
from tests.gui.suggestions.test_review import card_index, click_card

if TYPE_CHECKING:
    from tests.gui.conftest import Session

PERCENT = re.compile(r"\d\s*%")


def stored(window: MainWindow, status: Status) -> list[Annotation]:
    assert window.reading.article is not None
    return [a for a in window.library.annotations(window.reading.article.id) if a.status is status]


def words_of(window: MainWindow) -> int:
    assert window.reading.article is not None
    return len(window.reading.article.text.split())


def hover_tooltip(qtbot: QtBot, window: MainWindow, uuid: str) -> str:
    """The tooltip a user gets resting the mouse on the card of ``uuid``."""
    cards = window.annotation_pane.card_list
    index = card_index(cards, uuid)
    cards.scrollTo(index)
    pos = cards.visualRect(index).center()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, cards.viewport().mapToGlobal(pos))
    QToolTip.hideText()
    cards.viewportEvent(event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    return QToolTip.text()


def test_suggest_lists_the_best_few_and_a_click_lists_the_rest(
    session: Session, qtbot: QtBot
) -> None:
    window = session.start("Screens")
    pane = window.annotation_pane
    assert not pane.show_more_button.isVisible()
    count = window.review.suggest()
    shown = stored(window, Status.SUGGESTED)
    assert count == len(shown) > 0
    assert len(shown) <= max(1, -(-words_of(window) * SHOWN_PER_1000_WORDS // 1000))
    button = pane.show_more_button
    assert button.isVisible()
    hidden = int(re.fullmatch(r"Show (\d+) more suggestions", button.text())[1])  # type: ignore[index]
    assert hidden > 0
    assert window.statusBar().currentMessage() == f"{count} suggestions, {hidden} more held back"
    assert pane.suggestion_bar.count_label.text() == f"{count} suggestions to review"

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    everything = stored(window, Status.SUGGESTED)
    assert len(everything) == count + hidden
    assert {a.uuid for a in shown} <= {a.uuid for a in everything}  # the first ones stay
    added = [a for a in everything if a.uuid not in {s.uuid for s in shown}]
    # best first: none held back scored above the lowest one listed
    assert max(a.score or 0 for a in added) <= min(a.score or 0 for a in shown)
    assert not button.isVisible()
    assert pane.suggestion_bar.count_label.text() == f"{count + hidden} suggestions to review"
    assert set(window.article_view.highlighted_uuids()) >= {a.uuid for a in everything}

    window.reading.undo()  # the extra ones only, offered again
    assert {a.uuid for a in stored(window, Status.SUGGESTED)} == {a.uuid for a in shown}
    assert button.isVisible() and button.text() == f"Show {hidden} more suggestions"
    window.reading.undo()  # the suggestions themselves
    assert stored(window, Status.SUGGESTED) == []
    assert not button.isVisible() and not pane.suggestion_bar.isVisible()


def test_the_offer_of_more_belongs_to_its_article(session: Session) -> None:
    window = session.start("Screens")
    screens = window.reading.article
    assert screens is not None and window.review.suggest()
    button = window.annotation_pane.show_more_button
    offer = button.text()
    assert button.isVisible()
    other = next(s.id for s in window.library.articles() if s.id != screens.id)
    assert window.show_article(other)
    assert not button.isVisible()
    assert window.show_article(screens.id)
    assert button.isVisible() and button.text() == offer
    window.window_actions.show_suggestions.trigger()  # View › Show Suggestions off
    assert not button.isVisible()
    window.window_actions.show_suggestions.trigger()
    assert button.isVisible()
    # reviewing goes on beside it: accept and dismiss, each undone
    pane = window.annotation_pane
    first, second = pane.open_suggestions()[:2]
    assert window.review.accept(first.uuid) is not None
    assert window.review.dismiss(second.uuid)
    assert button.isVisible()
    window.reading.undo()
    window.reading.undo()
    assert {first.uuid, second.uuid} <= {a.uuid for a in stored(window, Status.SUGGESTED)}
    assert window.review.show_more() > 0
    assert not button.isVisible()


def test_a_card_says_likely_or_possible_and_its_tooltip_what_that_means(
    session: Session, qtbot: QtBot
) -> None:
    window = session.start("Screens")
    assert window.review.suggest()
    pane = window.annotation_pane
    words = set()
    for suggestion in pane.open_suggestions():
        word = score_words(suggestion.score or 0)
        words.add(word)
        index = card_index(pane.card_list, suggestion.uuid)
        assert suggestion_badge(suggestion) == f"suggested · {word}"
        spoken = index.data(Qt.ItemDataRole.AccessibleTextRole)
        assert f", {word}:" in spoken and not PERCENT.search(spoken)
        tip = hover_tooltip(qtbot, window, suggestion.uuid)
        assert f"“{word}”" in tip and not PERCENT.search(tip)
        expected = "about 8 in 10" if word == "likely" else "about half"
        assert expected in tip and "labelled by hand" in tip
    assert words  # the sample column gets at least one

    click_card(qtbot, pane.card_list, pane.open_suggestions()[0].uuid)
    editor = pane.editor
    selected = pane.open_suggestions()[0]
    word = score_words(selected.score or 0)
    assert editor.suggestion_title.text() == f"{selected.kind.label} · suggested · {word}"
    assert f"“{word}”" in editor.suggestion_title.toolTip()


def test_reasons_read_as_sentences_their_words_in_bold(session: Session, qtbot: QtBot) -> None:
    window = session.start("Screens")
    assert window.review.suggest() and window.review.show_more()
    pane = window.annotation_pane
    # a sentence of both kinds: its second kind's reason had a bare percentage
    both = next(
        a
        for a in pane.open_suggestions()
        if any(r.startswith(("It may also be", "It is likely")) for r in a.reasons)
    )
    click_card(qtbot, pane.card_list, both.uuid)
    shown = pane.editor.reasons_label.text()
    plain = re.sub(r"<[^>]+>", "", shown)
    assert not PERCENT.search(plain)
    for reason in both.reasons:
        sentence = reason_sentence(reason)
        assert sentence.endswith((".", "!", "?", "”"))
        assert sentence.replace("&", "&amp;") in plain
        for quoted in re.findall(r"“([^”]+)”", sentence):
            assert f"“<b>{quoted.replace('&', '&amp;')}</b>”" in shown
    assert re.search(r"It (may also be|is likely) an? [a-z ]+", plain)
    spoken = card_index(pane.card_list, both.uuid).data(Qt.ItemDataRole.AccessibleTextRole)
    assert not PERCENT.search(spoken)
    # the words stay marked in the article
    assert window.review.trigger_ranges
    # accepted, the note keeps the reasons as sentences
    flag = window.review.accept(both.uuid)
    assert flag is not None and not PERCENT.search(flag.note)
    assert all(reason_sentence(r) in flag.note for r in both.reasons)
    assert card_index(pane.card_list, flag.uuid).data(AnnotationRole.STATUS) == "active"


def test_once_the_best_are_reviewed_the_rest_stay_on_offer(session: Session, qtbot: QtBot) -> None:
    window = session.start("Screens")
    pane = window.annotation_pane
    count = window.review.suggest()
    assert count
    offer = pane.show_more_button.text()
    qtbot.mouseClick(pane.suggestion_bar.dismiss_all_button, Qt.MouseButton.LeftButton)
    assert len(stored(window, Status.DISMISSED)) == count
    assert not pane.suggestion_bar.isVisible()
    assert pane.show_more_button.text() == offer and pane.show_more_button.isVisible()
    qtbot.mouseClick(pane.show_more_button, Qt.MouseButton.LeftButton)
    more = stored(window, Status.SUGGESTED)
    assert f"Show {len(more)} more suggestions" == offer
    assert pane.suggestion_bar.isVisible() and not pane.show_more_button.isVisible()
    # one of the new ones accepted with the keyboard, then undone
    click_card(qtbot, pane.card_list, more[0].uuid)
    qtbot.keyClick(pane.card_list, Qt.Key.Key_A)
    assert window.library.annotation(more[0].uuid).status is Status.ACTIVE
    window.reading.undo()
    assert window.library.annotation(more[0].uuid).status is Status.SUGGESTED
