"""Compare mode driven as a user: two articles side by side, a flag and its undo on
each side, a click on a sentence that brings its counterpart into view, and back."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QTextCursor, QTextDocument, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.anchoring.selectors import make_anchor
from reader.anchoring.tokens import block_sentences
from reader.core.models import Annotation, ArticleMeta, Kind, SourceFormat, Status
from reader.core.palette import THEME_COLOURS, Theme
from reader.core.shipped import SAMPLE_ARTICLES
from reader.gui.compare.compare_view import HOVER_DWELL_MS, CompareView
from reader.gui.compare.margin import MARGIN_WIDTH
from reader.gui.compare.side import CompareSide
from reader.gui.reading.flags_model import AnnotationRole
from reader.gui.reading.page_render import page_cache
from reader.gui.reading.view_geometry import line_rect, scroll_into_view
from reader.gui.shell import compare_mode
from reader.gui.shell.main_window import MainWindow
from reader.services.compare import compare_articles, forget_recent_comparisons, kept_features
from tests.compare.articles import FLOOD_A, FLOOD_B
from tests.gui.conftest import activate

# Paragraphs around the second report's sentences, so its counterparts start out of view
# and can be scrolled level with the first report's.
PREAMBLE, POSTSCRIPT = (
    "\n\n".join(
        f"Archive entry {n} lists a parish register, item {n * 7}, kept in drawer {n}."
        for n in numbers
    )
    for numbers in (range(40), range(40, 80))
)


def store(window: MainWindow, title: str, markdown: str) -> int:
    meta = ArticleMeta(title, markdown, SourceFormat.MARKDOWN, publication=title.split()[0])
    return window.library.import_article(meta).article.id


def select_in_library(qtbot: QtBot, window: MainWindow, ids: list[int]) -> None:
    """Click the first article's row, Ctrl+click the others'."""
    panel = window.library_panel
    listing = panel.list_widget
    rows = {entry.article_id: row for row, entry in enumerate(panel.entries())}
    for n, article_id in enumerate(ids):
        item = listing.item(rows[article_id])
        listing.scrollToItem(item)
        point = listing.visualItemRect(item).center()
        modifier = Qt.KeyboardModifier.ControlModifier if n else Qt.KeyboardModifier.NoModifier
        qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, modifier, point)


def compared(
    qtbot: QtBot, window: MainWindow, markdown_a: str = FLOOD_A
) -> tuple[CompareView, int, int]:
    """The two flood reports chosen in the library and compared with Ctrl+D."""
    a = store(window, "Courier: Floods force residents from homes", markdown_a)
    b = store(window, "Gazette: Thousands evacuated", "\n\n".join((PREAMBLE, FLOOD_B, POSTSCRIPT)))
    window.library_panel.reload()
    window.resize(1200, 700)
    select_in_library(qtbot, window, [a, b])
    assert window.library_panel.selected_article_ids() == [a, b]
    activate(qtbot, window)
    qtbot.keyClick(
        window.library_panel.list_widget, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier
    )
    view = window.compare_view
    assert isinstance(view, CompareView) and window.centralWidget() is view
    qtbot.waitUntil(lambda: view.is_matched)  # matched in a thread, once both are painted
    return view, a, b


def flag_with_key(qtbot: QtBot, side: CompareSide, quote: str, key: str) -> None:
    text = side.view.article.text if side.view.article else ""
    start = text.index(quote)
    side.view.setFocus()
    side.view.select_text(start, start + len(quote))
    qtbot.keyClick(side.view, key)


def quotes(window: MainWindow, article_id: int) -> list[tuple[str, Kind]]:
    return [(a.anchor.exact, a.kind) for a in window.library.annotations(article_id)]


def test_two_articles_flagged_and_undone_each_on_its_own_side(
    qtbot: QtBot, window: MainWindow
) -> None:
    steps_before = window.reading.undo_stack.count()
    view, a, b = compared(qtbot, window)
    shown_before = window.reading.article  # the last article clicked in the library
    assert shown_before is not None and shown_before.id == b
    first, second = view.sides
    assert first.view.article is not None and first.view.article.id == a
    assert second.view.article is not None and second.view.article.id == b

    flag_with_key(qtbot, first, "Emergency crews rescued 35 people", "1")
    flag_with_key(qtbot, second, "The Met Office said", "2")

    assert quotes(window, a) == [("Emergency crews rescued 35 people", Kind.UNSOURCED_CLAIM)]
    assert quotes(window, b) == [("The Met Office said", Kind.OPINION)]
    assert [f.anchor.exact for f in first.flags()] == ["Emergency crews rescued 35 people"]
    assert first.view.highlighted_uuids() == [f.uuid for f in first.flags()]
    row = first.flag_list.visualRect(first.own_flags.index(0, 0)).center()
    qtbot.mouseClick(first.flag_list.viewport(), Qt.MouseButton.LeftButton, pos=row)
    assert first.view.selected_annotation() == first.flags()[0].uuid
    assert first.flags_heading.text() == "Flags: 1"

    first.view.setFocus()  # Ctrl+Z undoes the step of the side that has the focus
    qtbot.keyClick(first.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert quotes(window, a) == []
    assert first.flags() == [] and first.view.highlighted_uuids() == []
    assert quotes(window, b) == [("The Met Office said", Kind.OPINION)]
    second.view.setFocus()
    qtbot.keyClick(second.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert quotes(window, b) == []

    qtbot.keyClick(second.view, Qt.Key.Key_Escape)

    assert window.compare_view is None
    assert window.centralWidget() is window.splitter
    assert window.reading.article == shown_before
    assert window.article_view.article == shown_before
    assert window.reading.undo_stack.count() == steps_before
    assert window.article_view.isVisible()


def test_a_click_on_a_sentence_scrolls_the_other_side_to_its_counterpart(
    qtbot: QtBot, window: MainWindow
) -> None:
    view, _a, _b = compared(qtbot, window)
    first, second = view.sides
    bar = second.view.verticalScrollBar()
    assert bar.value() == 0
    text = first.view.article.text if first.view.article else ""
    start = text.index("Emergency crews rescued")
    span = first.view.document_range(start, start + 10)
    assert span is not None
    cursor = QTextCursor(first.view.document())
    cursor.setPosition(span[0] + 3)
    point = first.view.cursorRect(cursor).center()
    cursor.setPosition(span[0])
    level = first.view.cursorRect(cursor).top()

    qtbot.mouseClick(first.view.viewport(), Qt.MouseButton.LeftButton, pos=point)

    counterpart = "Emergency crews rescued 35 people from cars and rooftops."
    marked = view.marked(second)
    assert marked is not None
    shown = second.view.document().toPlainText()[marked[0] : marked[1]]
    assert shown == counterpart
    assert bar.value() > 0  # it was out of view, below the archive entries
    cursor = QTextCursor(second.view.document())
    cursor.setPosition(marked[0])
    top = second.view.cursorRect(cursor).top()
    assert 0 <= top < second.view.viewport().height()
    assert top == level  # level with the sentence clicked


def test_sentences_without_counterpart_are_marked_and_figures_listed(
    qtbot: QtBot, window: MainWindow
) -> None:
    view, _a, _b = compared(qtbot, window)
    first, second = view.sides
    alone = first.margin.ranges()
    plain = first.view.document().toPlainText()
    assert [plain[s:e] for s, e in alone] == [
        "The Environment Agency warned that river levels would keep rising until Thursday.",
        "Shopkeepers on the high street fear the damage will cost them months of trade.",
    ]
    assert "2,000 residents" in first.only_here.text()
    assert "Met Office" in second.only_here.text()
    assert "3,500 residents" in second.only_here.text()


def test_articles_the_library_had_not_split_are_matched_and_their_splits_kept(
    qtbot: QtBot, window: MainWindow
) -> None:
    a = store(window, "Courier: Floods force residents from homes", FLOOD_A)
    b = store(window, "Gazette: Thousands evacuated", FLOOD_B)
    window.library.conn.execute("DELETE FROM sentence_splits")  # as in a library from before

    assert compare_mode.compare(window, a, b)
    view = window.compare_view
    assert isinstance(view, CompareView)
    qtbot.waitUntil(lambda: view.is_matched)

    assert view.summary.text().startswith("3 matching sentences")
    for article in (window.library.article(a), window.library.article(b)):
        assert window.library.sentence_blocks(article) == block_sentences(article.text)


def test_the_window_keeps_the_features_it_made_and_matches_from_them_next_time(
    qtbot: QtBot, window: MainWindow
) -> None:
    a = store(window, "Courier: Floods force residents from homes", FLOOD_A)
    b = store(window, "Gazette: Thousands evacuated", FLOOD_B)
    articles = (window.library.article(a), window.library.article(b))
    forget_recent_comparisons()  # not compared yet in this process
    assert kept_features(window.library, *articles) == (None, None)
    assert compare_mode.compare(window, a, b)
    view = window.compare_view
    assert isinstance(view, CompareView)
    # no features kept: the pages are shown first, matched once painted
    assert not view.is_matched and view.summary.text().startswith("Matching the sentences")
    qtbot.waitUntil(lambda: view.is_matched)
    first = (view.summary.text(), [side.only_here.text() for side in view.sides])

    kept = kept_features(window.library, *articles)

    assert kept[0] is not None and kept[1] is not None
    compare_mode.leave_compare(window)
    forget_recent_comparisons()
    assert compare_mode.compare(window, a, b)
    again = window.compare_view
    assert again is view  # kept from the last compare
    # matched from the kept features as the pages are set: the marks come in their first
    # paint, with nothing of the last compare left
    assert again.is_matched and not any(side.view.extraSelections() for side in again.sides)
    assert all(side.margin.ranges() for side in again.sides)
    assert (again.summary.text(), [side.only_here.text() for side in again.sides]) == first
    assert first[0].startswith("3 matching sentences")
    hover(again.sides[0], "Emergency crews rescued")
    counterpart = "Emergency crews rescued 35 people from cars and rooftops."
    assert shown_mark(again, again.sides[1]) == counterpart
    compare_mode.leave_compare(window)


def test_linked_scrolling_keeps_matched_sentences_level_and_can_be_turned_off(
    qtbot: QtBot, window: MainWindow
) -> None:
    # no number in common with the archive entries: nothing here matches them
    codes = [f"{x}{y}" for x in "kmq" for y in "bcdfghjlnp"]
    ledger = "\n\n".join(f"Ledger page {code} was copied by the clerk." for code in codes)
    view, _a, _b = compared(qtbot, window, "\n\n".join((ledger, FLOOD_A, ledger)))
    first, second = view.sides
    text_a = first.view.article.text if first.view.article else ""
    text_b = second.view.article.text if second.view.article else ""
    in_a = top_of(first, text_a.index("Heavy rain made the Severn"))
    in_b = top_of(second, text_b.index("More than 400 homes"))
    a_bar, b_bar = first.view.verticalScrollBar(), second.view.verticalScrollBar()

    view.linked_scrolling.setChecked(False)
    b_bar.setValue(b_bar.value() + in_b - 20)  # the matched sentence near the top of B
    assert a_bar.value() == 0  # free: the other side stays

    view.linked_scrolling.setChecked(True)
    b_bar.setValue(b_bar.value() - 10)  # a little back up: the other side follows
    level = top_of(second, text_b.index("More than 400 homes"))
    assert a_bar.value() == in_a - level
    assert top_of(first, text_a.index("Heavy rain made the Severn")) == level


def top_of(side: CompareSide, offset: int) -> int:
    """The top of the line holding the canonical offset, in the side's viewport."""
    span = side.view.document_range(offset, offset + 1)
    assert span is not None
    cursor = QTextCursor(side.view.document())
    cursor.setPosition(span[0])
    return side.view.cursorRect(cursor).top()


def test_both_pages_take_the_dark_theme_and_follow_a_change(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.appearance.choose_theme(Theme.DARK)
    dark = QColor(THEME_COLOURS[Theme.DARK].background)
    view, _a, _b = compared(qtbot, window)

    for side in view.sides:
        assert side.view.viewport().palette().base().color() == dark
        with qtbot.waitSignal(side.view.painted):  # as the screen shows them
            side.view.viewport().update()

    window.appearance.choose_theme(Theme.LIGHT)
    light = QColor(THEME_COLOURS[Theme.LIGHT].background)
    for side in view.sides:
        assert side.view.viewport().palette().base().color() == light


def test_the_kept_compare_view_takes_a_theme_chosen_while_it_was_hidden(
    qtbot: QtBot, window: MainWindow
) -> None:
    view, a, b = compared(qtbot, window)
    for side in view.sides:
        with qtbot.waitSignal(side.view.painted):  # as the screen showed them
            side.view.viewport().update()
    compare_mode.leave_compare(window)
    QApplication.processEvents()  # the single article back, as the user sees it
    window.appearance.choose_theme(Theme.DARK)

    assert compare_mode.compare(window, a, b)

    assert window.compare_view is view
    dark = QColor(THEME_COLOURS[Theme.DARK].background)
    for side in view.sides:
        assert side.view.viewport().palette().base().color() == dark
        assert side.view.theme is Theme.DARK  # its page rendered in it, its flags too
    compare_mode.leave_compare(window)
    window.appearance.choose_theme(Theme.LIGHT)  # the application's, for the next tests


def test_both_articles_show_at_once_and_their_matches_come_without_moving_the_text(
    qtbot: QtBot, window: MainWindow
) -> None:
    a = store(window, "Courier: Floods force residents from homes", FLOOD_A)
    b = store(window, "Gazette: Thousands evacuated", "\n\n".join((PREAMBLE, FLOOD_B)))
    window.resize(1200, 700)
    assert compare_mode.compare(window, a, b)
    view = window.compare_view
    assert isinstance(view, CompareView)
    first, second = view.sides
    QApplication.processEvents()  # both pages laid out and painted
    # shown before the matching is done: both pages, no marks yet
    assert not view.is_matched
    assert "Matching" in view.summary.text()
    assert first.view.article is not None and second.view.article is not None
    assert first.margin.ranges() == []
    text = first.view.article.text
    before = top_of(first, text.index("Emergency crews rescued"))
    height = first.view.viewport().height()

    qtbot.waitUntil(lambda: view.is_matched)

    assert first.margin.ranges() != []
    assert "matching sentence" in view.summary.text()
    assert "2,000 residents" in first.only_here.text()
    assert top_of(first, text.index("Emergency crews rescued")) == before
    assert first.view.viewport().height() == height


def hover(side: CompareSide, quote: str) -> None:
    """The pointer moved onto ``quote`` (from a corner: a move to where it is already
    sends nothing)."""
    QTest.mouseMove(side.view.viewport(), QPoint(1, 1))
    QTest.mouseMove(side.view.viewport(), point_in(side, quote))


def point_in(side: CompareSide, quote: str) -> QPoint:
    """A viewport point over the third character of the first occurrence of ``quote``,
    scrolled into view first as a user would."""
    text = side.view.article.text if side.view.article else ""
    span = side.view.document_range(text.index(quote), text.index(quote) + len(quote))
    assert span is not None
    scroll_into_view(side.view, *span)
    cursor = QTextCursor(side.view.document())
    cursor.setPosition(span[0] + 3)
    return side.view.cursorRect(cursor).center()


def shown_mark(view: CompareView, side: CompareSide) -> str | None:
    marked = view.marked(side)
    return side.view.document().toPlainText()[marked[0] : marked[1]] if marked else None


def test_hovering_a_sentence_marks_its_counterpart_and_brings_it_into_view_after_a_rest(
    qtbot: QtBot, window: MainWindow
) -> None:
    view, _a, _b = compared(qtbot, window)
    first, second = view.sides
    bar = second.view.verticalScrollBar()
    sizes = [side.view.document().size() for side in view.sides]

    hover(first, "Emergency crews rescued")

    counterpart = "Emergency crews rescued 35 people from cars and rooftops."
    assert shown_mark(view, second) == counterpart
    assert shown_mark(view, first) == "Emergency crews rescued 35 people from rooftops and cars."
    assert bar.value() == 0  # not at once: the pointer may only be passing
    qtbot.waitUntil(lambda: bar.value() > 0)  # it rested: the counterpart comes into view
    marked = view.marked(second)
    assert marked is not None
    cursor = QTextCursor(second.view.document())
    cursor.setPosition(marked[0])
    assert 0 <= second.view.cursorRect(cursor).top() < second.view.viewport().height()
    assert [side.view.document().size() for side in view.sides] == sizes  # nothing laid out

    # off the text: the marks go; on a sentence only in this article: none
    QTest.mouseMove(first.view.viewport(), QPoint(2, first.view.viewport().height() - 2))
    assert view.marked(second) is None
    hover(first, "Shopkeepers on the high street")
    assert view.marked(second) is None


def test_with_linked_scrolling_off_a_hover_marks_but_never_scrolls(
    qtbot: QtBot, window: MainWindow
) -> None:
    view, _a, _b = compared(qtbot, window)
    first, second = view.sides
    view.linked_scrolling.setChecked(False)

    hover(first, "Emergency crews rescued")
    assert shown_mark(view, second) is not None
    qtbot.wait(HOVER_DWELL_MS * 2)

    assert second.view.verticalScrollBar().value() == 0


def test_scrolling_the_hovered_side_drops_the_hover_and_its_pending_scroll(
    qtbot: QtBot, window: MainWindow
) -> None:
    view, _a, _b = compared(qtbot, window, "\n\n".join((FLOOD_A, PREAMBLE)))
    first, second = view.sides
    view.linked_scrolling.setChecked(True)
    hover(first, "Emergency crews rescued")
    assert shown_mark(view, second) is not None

    first.view.verticalScrollBar().setValue(first.view.verticalScrollBar().value() + 30)

    assert view.marked(first) is None  # the hovered sentence moved from under the pointer
    place = second.view.verticalScrollBar().value()  # where linked scrolling took it
    qtbot.wait(HOVER_DWELL_MS * 2)
    assert second.view.verticalScrollBar().value() == place  # no hover scroll came after


def inked_rows(side: CompareSide) -> list[int]:
    """The rows of the margin where its mark's line or dot is drawn."""
    image = side.margin.grab().toImage()
    x = MARGIN_WIDTH // 2
    return [y for y in range(image.height()) if image.pixelColor(x, y) != image.pixelColor(0, y)]


def test_the_margin_marks_the_lines_of_a_sentence_only_here_and_follows_the_scrolling(
    qtbot: QtBot, window: MainWindow
) -> None:
    view, _a, _b = compared(qtbot, window, "\n\n".join((FLOOD_A, PREAMBLE)))
    first = view.sides[0]
    shift = first.margin.mapFromGlobal(first.view.viewport().mapToGlobal(QPoint(0, 0))).y()
    start, end = first.margin.ranges()[0]
    top = line_rect(first.view, start).top() + shift
    bottom = line_rect(first.view, end).bottom() + shift
    rows = inked_rows(first)
    assert rows
    assert top <= rows[0] <= top + 3  # the dot at the sentence's first line
    assert bottom - 2 <= max(r for r in rows if r < bottom + 3) <= bottom + 2

    first.view.verticalScrollBar().setValue(40)

    assert inked_rows(first)[0] == rows[0] - 40


def test_the_margin_marks_a_sentence_only_here_far_down_once_it_is_scrolled_to(
    qtbot: QtBot, window: MainWindow
) -> None:
    view, _a, _b = compared(qtbot, window)
    second = view.sides[1]  # the archive entries after the report: only in it

    qtbot.keyClick(second.view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)

    start, _end = second.margin.ranges()[-1]
    shift = second.margin.mapFromGlobal(second.view.viewport().mapToGlobal(QPoint(0, 0))).y()
    top = line_rect(second.view, start).top() + shift
    assert any(top <= row <= top + 3 for row in inked_rows(second))  # the last one's dot


def test_both_pages_are_kept_in_the_render_cache_of_the_single_article(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """Shown again, alone or compared, neither page needs its Markdown parsed."""
    cache = tmp_path / "cache"
    window.use_render_cache(cache)
    a = store(window, "Courier: Floods force residents from homes", FLOOD_A)
    b = store(window, "Gazette: Thousands evacuated", FLOOD_B)

    assert compare_mode.compare(window, a, b)  # neither was shown alone

    keys = page_cache(cache)
    assert keys is not None
    kept = {path.name for path in cache.glob("*.json")}
    for article_id in (a, b):
        assert f"{keys.key(window.library.article(article_id), Theme.LIGHT)}.json" in kept
    view = window.compare_view
    assert isinstance(view, CompareView)
    qtbot.waitUntil(lambda: view.is_matched)  # nothing left to run after the test


def test_suggestions_are_made_accepted_dismissed_and_undone_on_either_side(
    qtbot: QtBot, window: MainWindow
) -> None:
    view, a, b = compared(qtbot, window)
    first, second = view.sides
    assert not second.accept.isEnabled()  # nothing suggested, nothing selected yet

    second.view.setFocus()
    control_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(second.view, Qt.Key.Key_S, control_shift)  # Suggest Flags, on this side

    suggested = {f.uuid for f in window.library.annotations(b) if f.status is Status.SUGGESTED}
    assert len(suggested) >= 2
    assert window.library.annotations(a) == []  # the other article is left alone
    assert suggested <= set(second.view.highlighted_uuids())

    # a click on a suggestion's highlight selects it; A accepts it: a flag of the reader's
    target = second.open_suggestions()[1]
    qtbot.mouseClick(
        second.view.viewport(), Qt.MouseButton.LeftButton, pos=point_in(second, target.anchor.exact)
    )
    assert second.view.selected_annotation() == target.uuid
    assert second.accept.isEnabled()
    qtbot.keyClick(second.view, Qt.Key.Key_A)

    flag = window.library.annotation(target.uuid)
    assert flag.status is Status.ACTIVE and flag.layer != "suggestions"
    assert flag.anchor.exact == target.anchor.exact
    assert own_flags(second) == [target.uuid]  # in this side's list of flags
    assert target.uuid in second.view.highlighted_uuids()

    qtbot.keyClick(second.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    assert window.library.annotation(target.uuid).status is Status.SUGGESTED
    assert own_flags(second) == []
    assert target.uuid in [f.uuid for f in second.open_suggestions()]

    # the first side's suggestions, one dismissed with D, undone on that side only
    first.view.setFocus()
    qtbot.keyClick(first.view, Qt.Key.Key_S, control_shift)
    dropped = first.open_suggestions()[0]
    assert dropped.article_id == a
    qtbot.mouseClick(
        first.view.viewport(), Qt.MouseButton.LeftButton, pos=point_in(first, dropped.anchor.exact)
    )
    qtbot.keyClick(first.view, Qt.Key.Key_D)
    assert window.library.annotation(dropped.uuid).status is Status.DISMISSED
    assert dropped.uuid not in first.view.highlighted_uuids()
    qtbot.keyClick(first.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.library.annotation(dropped.uuid).status is Status.SUGGESTED
    assert dropped.uuid in first.view.highlighted_uuids()
    assert second.reading.undo_stack.index() == 1  # B's steps as they were: Suggest Flags


def own_flags(side: CompareSide) -> list[str]:
    """The uuids in the side's list of the reader's flags."""
    model = side.own_flags
    return [str(model.index(row, 0).data(AnnotationRole.UUID)) for row in range(model.rowCount())]


def test_locked_suggestions_are_neither_drawn_nor_made_on_either_side(
    qtbot: QtBot, window: MainWindow
) -> None:
    a = store(window, "Courier: Floods force residents from homes", FLOOD_A)
    b = store(window, "Gazette: Thousands evacuated", FLOOD_B)
    article = window.library.article(b)
    start = article.text.index("Red Cross")
    hint = Annotation(
        b,
        Kind.UNSOURCED_CLAIM,
        make_anchor(article.text, start, start + 30),
        status=Status.SUGGESTED,
    )
    window.library.add_annotations([hint])
    window.library.lock_suggestions("4812")
    window.lock.refresh()

    assert compare_mode.compare(window, a, b)
    view = window.compare_view
    assert isinstance(view, CompareView)
    second = view.sides[1]
    assert second.view.highlighted_uuids() == []
    second.view.setFocus()
    control_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(second.view, Qt.Key.Key_S, control_shift)
    assert [f.uuid for f in window.library.annotations(b)] == [hint.uuid]
    assert not second.suggest.isEnabled()


def test_leaving_before_the_matching_is_done_leaves_nothing_behind(
    qtbot: QtBot, window: MainWindow
) -> None:
    a = store(window, "Courier: Floods force residents from homes", FLOOD_A)
    b = store(window, "Gazette: Thousands evacuated", FLOOD_B)
    forget_recent_comparisons()
    window.library.conn.execute("DELETE FROM compare_features")  # matched in a thread
    assert compare_mode.compare(window, a, b)
    view = window.compare_view
    assert isinstance(view, CompareView)
    QApplication.processEvents()  # painted: the matching starts
    assert not view.is_matched

    compare_mode.leave_compare(window)
    qtbot.wait(300)  # the matching thread ends meanwhile, its result unused

    assert window.compare_view is None
    assert window.centralWidget() is window.splitter
    assert not view.isVisible() and not view.is_matched  # kept for the next compare
    assert view.summary.text() == ""
    for side in view.sides:
        assert side.reading.article is None and side.flags() == []
        assert side.margin.ranges() == [] and side.only_here.text() == ""
        assert side.reading.undo_stack.count() == 0


def test_the_compare_view_kept_shows_the_next_pair_and_none_of_the_last(
    qtbot: QtBot, window: MainWindow
) -> None:
    view, a, b = compared(qtbot, window)
    first = view.sides[0]
    flag_with_key(qtbot, first, "Emergency crews rescued 35 people", "1")
    viewport = first.view.viewport()
    centre = QPointF(viewport.rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(viewport.mapToGlobal(centre.toPoint())),
        QPoint(),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, wheel)  # Ctrl+wheel: larger type on this side
    assert first.view.zoom() == 1
    qtbot.keyClick(first.view, Qt.Key.Key_Escape)
    c = store(window, "Herald: Rain eases", "The rain eased on Sunday, the Met Office said.")

    assert compare_mode.compare(window, c, a)

    assert window.compare_view is view and view.isVisible()
    qtbot.waitUntil(lambda: view.is_matched)
    left, right = view.sides
    assert left.view.article is not None and left.view.article.id == c
    assert left.flags() == [] and left.reading.undo_stack.count() == 0
    assert left.view.zoom() == 0  # in the type a new side has
    assert [f.anchor.exact for f in right.flags()] == ["Emergency crews rescued 35 people"]
    assert right.reading.undo_stack.count() == 0  # the last compare's steps are not undone here
    match = compare_articles(window.library, c, a).sentences
    assert view.summary.text().startswith(f"{len(match.pairs)} matching sentence")
    for side, alone in ((left, match.only_a), (right, match.only_b)):
        assert side.margin.ranges() == [side.view.document_range(s.start, s.end) for s in alone]

    compare_mode.leave_compare(window)
    qtbot.wait(10)  # the event loop deletes what was left to it
    for side in view.sides:  # no page of the pairs it showed is kept with it
        pages = side.view.findChildren(QTextDocument, "", Qt.FindChildOption.FindDirectChildrenOnly)
        assert pages == [side.view.document()] and side.view.document().isEmpty()


def test_suggestions_held_back_on_a_side_are_offered_in_its_menu(
    qtbot: QtBot, window: MainWindow
) -> None:
    screens = (SAMPLE_ARTICLES / "screens-opinion.md").read_text(encoding="utf-8")
    view, a, _b = compared(qtbot, window, screens)  # long enough for some to be held back
    first = view.sides[0]
    assert first.show_more in first.suggestion_actions() and not first.show_more.isEnabled()
    first.view.setFocus()
    first.suggest.trigger()
    shown = {f.uuid for f in first.open_suggestions()}
    assert shown and first.show_more.isEnabled()
    offer = re.fullmatch(r"Show (\d+) More Suggestions?", first.show_more.text().replace("&", ""))
    assert offer is not None
    held_back = int(offer[1])

    first.show_more.trigger()  # Suggestions › Show N More Suggestions
    listed = {f.uuid for f in first.open_suggestions()}
    assert shown < listed and len(listed) == len(shown) + held_back
    assert {f.uuid for f in window.library.annotations(a) if f.status is Status.SUGGESTED} == listed
    assert not first.show_more.isEnabled()

    qtbot.keyClick(first.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {f.uuid for f in first.open_suggestions()} == shown and first.show_more.isEnabled()


def test_a_compared_article_shows_its_flags_underlined_from_its_first_paint(
    qtbot: QtBot, window: MainWindow
) -> None:
    a = store(window, "Courier: Floods force residents from homes", FLOOD_A)
    b = store(window, "Gazette: Thousands evacuated", FLOOD_B)
    article = window.library.article(b)
    quote = "The Met Office said"
    start = article.text.index(quote)
    flag = Annotation(b, Kind.OPINION, make_anchor(article.text, start, start + len(quote)))
    window.library.add_annotations([flag])
    window.resize(1200, 700)
    activate(qtbot, window)

    assert compare_mode.compare(window, a, b)
    view = window.compare_view
    assert isinstance(view, CompareView)
    qtbot.waitUntil(lambda: view.is_matched)
    qtbot.wait(50)  # what the window shows settled

    second = view.sides[1].view  # without the focus: painted once, no frame to add
    span = second.document_range(start, start + len(quote))
    assert span is not None
    viewport = second.viewport()
    line = line_rect(second, span[0])
    strip = QRect(0, line.top(), viewport.width(), line.height() + 4)  # and the underline
    corner = viewport.mapTo(window, strip.topLeft())
    shown = window.screen().grabWindow(
        window.winId(), corner.x(), corner.y(), strip.width(), strip.height()
    )
    assert shown.toImage() == viewport.grab(strip).toImage()  # the page with its underline


def test_a_pair_compared_a_moment_ago_comes_with_its_matches_at_once(
    qtbot: QtBot, window: MainWindow
) -> None:
    a = store(window, "Courier: Floods force residents from homes", FLOOD_A)
    b = store(window, "Gazette: Thousands evacuated", FLOOD_B)
    assert compare_mode.compare(window, a, b)
    view = window.compare_view
    assert isinstance(view, CompareView)
    qtbot.waitUntil(lambda: view.is_matched)
    first = (view.summary.text(), [side.margin.ranges() for side in view.sides])
    compare_mode.leave_compare(window)

    assert compare_mode.compare(window, a, b)

    assert view.is_matched  # before the event loop runs: painted with the pages
    assert (view.summary.text(), [side.margin.ranges() for side in view.sides]) == first


PRELOAD_SCRIPT = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from reader.gui.app import application, open_library
from reader.gui.shell.main_window import MainWindow

library = open_library(Path(sys.argv[1]))
app = application(offscreen=True)
window = MainWindow(library, QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
window.finish_startup()

def loaded_after(seconds):
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        app.processEvents()
        time.sleep(0.01)
    return "reader.gui.compare.compare_view" in sys.modules and "numpy" in sys.modules

listed = window.library_panel.list_widget
def click(row, modifier=Qt.KeyboardModifier.NoModifier):
    point = listed.visualItemRect(listed.item(row)).center()
    QTest.mouseClick(listed.viewport(), Qt.MouseButton.LeftButton, modifier, point)

click(0)
one = loaded_after(0.5)
click(1, Qt.KeyboardModifier.ControlModifier)
print(one, loaded_after(0.5), len(window.library_panel.selected_article_ids()))
window.close()
library.close()
"""


def test_compare_modes_code_is_loaded_once_a_second_article_is_selected(tmp_path: Path) -> None:
    # a fresh process: this one has imported everything already
    arguments = [str(tmp_path / "library.sqlite"), str(tmp_path / "settings.ini")]
    run = subprocess.run(
        [sys.executable, "-c", PRELOAD_SCRIPT, *arguments],
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.split() == ["False", "True", "2"]
