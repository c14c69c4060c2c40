"""The main window driven as a user would: flag, write a note, undo, redo, restart."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from reader.anchoring.canonical import byline_span
from reader.anchoring.selectors import make_anchor
from reader.core.models import Anchor, Annotation, Article, ArticleMeta, Kind, Status
from reader.core.palette import Theme
from reader.gui.shell.main_window import APP_NAME, MainWindow
from reader.gui.shell.session import LIBRARIES_FOLDER, library_key
from reader.render.cache import LAST_ARTICLE_FILE
from reader.services.article_files import ExportFormat
from reader.storage.library import Library
from tests.gui.conftest import activate

if TYPE_CHECKING:
    from tests.gui.conftest import Session

KIND_KEYS = {Kind.UNSOURCED_CLAIM: "1", Kind.OPINION: "2", Kind.CONTEXT_NOTE: "3"}


def sentence_span(article: Article, number: int = 1) -> tuple[int, int]:
    """Offsets of the ``number``-th sentence of some length in the canonical text."""
    found = [m for m in re.finditer(r"[A-Z][^.!?\n]{30,120}[.!?]", article.text)]
    match = found[min(number, len(found) - 1)]
    return match.start(), match.end()


def flag_with_keyboard(qtbot: QtBot, window: MainWindow, start: int, end: int, kind: Kind) -> str:
    view = window.article_view
    view.setFocus()
    view.select_text(start, end)
    before = {a.uuid for a in window.annotation_pane.model.annotations()}
    activate(qtbot, window)  # after an import's progress dialog, if it showed
    qtbot.keyClick(view, KIND_KEYS[kind])
    added = [a for a in window.annotation_pane.model.annotations() if a.uuid not in before]
    assert len(added) == 1
    return added[0].uuid


def test_flag_note_undo_redo_and_restart(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    library = window.library
    summaries = library.articles()
    assert len(summaries) >= 3
    made: dict[str, tuple[str, Kind]] = {}
    for number, summary in enumerate(summaries):
        window.show_article(summary.id)
        article = library.article(summary.id)
        start, end = sentence_span(article, number)
        kind = list(Kind)[number % 3]
        uuid = flag_with_keyboard(qtbot, window, start, end, kind)
        stored = library.annotation(uuid)
        assert stored.anchor.exact == article.text[start:end]
        assert stored.kind is kind
        # The new card is selected and its note editor has the cursor.
        editor = window.annotation_pane.editor
        assert window.annotation_pane.selected_uuid() == uuid
        assert QApplication.focusWidget() is editor.note_edit
        note = f"Note {number}: where is the *source*?"
        qtbot.keyClicks(editor.note_edit, note)

        def saved(u: str = uuid, n: str = note) -> bool:
            return library.annotation(u).note == n

        qtbot.waitUntil(saved, timeout=3000)
        made[uuid] = (note, kind)

    last = list(made)[-1]
    note, kind = made[last]
    editor = window.annotation_pane.editor
    # Ctrl+Z in the note field goes to the window's stack: the whole note goes at once.
    qtbot.keyClick(editor.note_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert library.annotation(last).note == ""
    assert editor.note_edit.toPlainText() == ""
    # In the article, Ctrl+Z is the window's shortcut: it works in the active window.
    activate(qtbot, window)
    qtbot.keyClick(window.article_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert last not in {a.uuid for a in library.annotations(window.reading.article.id)}  # type: ignore[union-attr]
    assert window.annotation_pane.model.row_of(last) == -1
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.article_view, Qt.Key.Key_Z, redo)
    qtbot.keyClick(window.article_view, Qt.Key.Key_Z, redo)
    assert library.annotation(last).note == note
    assert window.annotation_pane.model.row_of(last) >= 0

    window.appearance.set_zoom(3)
    window.resize(780, 640)  # inside the offscreen screen, which is 800x800
    window.splitter.setSizes([200, 330, 250])
    sizes = window.splitter.sizes()
    shown = window.reading.article.id  # type: ignore[union-attr]
    window.close()

    reopened = session.start()
    assert reopened.reading.article is not None and reopened.reading.article.id == shown
    assert reopened.appearance.zoom == 3
    assert reopened.splitter.sizes() == sizes
    assert reopened.windowTitle() == reopened.reading.article.title
    for uuid, (note, kind) in made.items():
        stored = reopened.library.annotation(uuid)
        assert (stored.note, stored.kind, stored.status) == (note, kind, Status.ACTIVE)
    assert reopened.annotation_pane.model.row_of(last) >= 0


def test_first_start_gives_the_article_the_most_width(session: Session) -> None:
    window = session.start()
    library, article, pane = window.splitter.sizes()
    assert article > library and article > pane


def test_exact_is_the_selected_text_with_emoji_and_accents(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    window = session.start()
    source = tmp_path / "accents.md"
    source.write_text(
        "# Café 🎉 news\n\nThe mayor 👩🏽‍💼 of Zürich said façades 🏛️ cost €3 million.\n\n"
        "Résumé: the 🎉 party was «grand», señor.\n",
        encoding="utf-8",
    )
    assert window.files.open_file(source)
    article = window.reading.article
    assert article is not None
    for quote in ("👩🏽‍💼 of Zürich said façades 🏛️", "Résumé: the 🎉 party"):
        start = article.text.index(quote)
        uuid = flag_with_keyboard(qtbot, window, start, start + len(quote), Kind.OPINION)
        assert window.library.annotation(uuid).anchor.exact == quote


def new_flag_by_key(qtbot: QtBot, window: MainWindow, kind: Kind) -> Annotation:
    """Press the kind's key in the article; the flag it stored."""
    before = {a.uuid for a in window.annotation_pane.model.annotations()}
    activate(qtbot, window)
    qtbot.keyClick(window.article_view, KIND_KEYS[kind])
    added = [a for a in window.annotation_pane.model.annotations() if a.uuid not in before]
    assert len(added) == 1
    return window.library.annotation(added[0].uuid)


def test_words_of_each_headline_and_byline_are_flagged_as_selected(
    session: Session, qtbot: QtBot
) -> None:
    window = session.start()
    view = window.article_view
    control = Qt.KeyboardModifier.ControlModifier
    bylines = 0
    for summary in window.library.articles():
        window.show_article(summary.id)
        article = window.library.article(summary.id)
        view.setFocus()
        qtbot.keyClick(view, Qt.Key.Key_Home, control)
        for _ in range(3):  # three words of the headline
            qtbot.keyClick(view, Qt.Key.Key_Right, control | Qt.KeyboardModifier.ShiftModifier)
        shown = view.textCursor().selectedText().strip()
        assert len(shown.split()) == 3 and summary.title.startswith(shown)
        stored = new_flag_by_key(qtbot, window, Kind.OPINION)
        assert (stored.anchor.start, stored.anchor.exact) == (0, shown)
        byline = byline_span(article)
        if byline is None:  # a sample without author, publication or date
            continue
        view.select_text(*byline)
        shown = view.textCursor().selectedText()
        assert " · " in shown
        stored = new_flag_by_key(qtbot, window, Kind.CONTEXT_NOTE)
        assert (stored.anchor.start, stored.anchor.exact) == (byline[0], shown)
        bylines += 1
    assert bylines >= 2


def test_flag_from_menu_kind_change_and_delete_are_undoable(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    article = window.reading.article
    assert article is not None
    start, end = sentence_span(article, 2)
    window.article_view.select_text(start, end)
    window.window_actions.flags[Kind.CONTEXT_NOTE].trigger()
    uuid = window.annotation_pane.selected_uuid()
    assert uuid is not None
    editor = window.annotation_pane.editor
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(Kind.OPINION.value))
    editor.kind_combo.activated.emit(editor.kind_combo.currentIndex())
    assert window.library.annotation(uuid).kind is Kind.OPINION
    editor.tags_edit.setText("loaded, quote,  loaded")
    editor.tags_edit.editingFinished.emit()
    assert window.library.annotation(uuid).tags == ["loaded", "quote"]
    editor.source_edit.setText("https://example.org/report")
    editor.source_edit.editingFinished.emit()
    assert window.library.annotation(uuid).source == "https://example.org/report"
    window.window_actions.delete.trigger()
    assert window.annotation_pane.model.row_of(uuid) == -1
    with pytest.raises(Exception, match="no flag"):
        window.library.annotation(uuid)
    for expected in (
        ("https://example.org/report", ["loaded", "quote"], Kind.OPINION),
        ("", ["loaded", "quote"], Kind.OPINION),
        ("", [], Kind.OPINION),
        ("", [], Kind.CONTEXT_NOTE),
    ):
        window.reading.undo()
        stored = window.library.annotation(uuid)
        assert (stored.source, stored.tags, stored.kind) == expected
        assert window.annotation_pane.model.annotation(uuid) == stored
    window.reading.undo()
    assert window.annotation_pane.model.row_of(uuid) == -1


def test_pressing_a_kind_key_without_selection_flags_nothing(
    session: Session, qtbot: QtBot
) -> None:
    window = session.start()
    count = window.annotation_pane.model.rowCount()
    window.article_view.setFocus()
    cursor = window.article_view.textCursor()
    cursor.clearSelection()
    window.article_view.setTextCursor(cursor)
    qtbot.keyClick(window.article_view, "1")
    assert window.annotation_pane.model.rowCount() == count
    assert not window.reading.undo_stack.canUndo()


def test_click_on_a_highlight_selects_its_card(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    article = window.reading.article
    assert article is not None
    start, end = sentence_span(article, 1)
    uuid = flag_with_keyboard(qtbot, window, start, end, Kind.UNSOURCED_CLAIM)
    window.select_annotation(None)
    view = window.article_view
    view.select_text(start + 2, start + 3)
    cursor = view.textCursor()
    view.ensureCursorVisible()
    point = view.cursorRect(cursor).center()
    cursor.clearSelection()
    view.setTextCursor(cursor)
    assert window.annotation_pane.selected_uuid() is None
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.annotation_pane.selected_uuid() == uuid
    selected = window.annotation_pane.card_list.selectionModel().selectedIndexes()
    assert [index.data(Qt.ItemDataRole.DisplayRole) for index in selected] == [
        article.text[start:end]
    ]


def test_click_on_a_card_scrolls_to_its_passage(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    window.resize(1200, 500)
    article = window.reading.article
    assert article is not None
    start = len(article.text) - 60
    end = len(article.text) - 20
    uuid = flag_with_keyboard(qtbot, window, start, end, Kind.OPINION)
    view = window.article_view
    view.verticalScrollBar().setValue(0)
    window.select_annotation(None)
    pane = window.annotation_pane
    row = pane.active_filter.mapFromSource(pane.model.index(pane.model.row_of(uuid), 0))
    pane.card_list.scrollTo(row)
    rect = pane.card_list.visualRect(row)
    qtbot.mouseClick(pane.card_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert pane.selected_uuid() == uuid
    assert view.verticalScrollBar().value() > 0
    # Enter on the card jumps to the passage and gives the article the focus.
    pane.card_list.setFocus()
    qtbot.keyClick(pane.card_list, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is view


def test_export_writes_each_format(session: Session, tmp_path: Path, qtbot: QtBot) -> None:
    window = session.start()
    article = window.reading.article
    assert article is not None
    start, end = sentence_span(article, 1)
    flag_with_keyboard(qtbot, window, start, end, Kind.CONTEXT_NOTE)
    quote = article.text[start:end]
    for export_format in ExportFormat:
        target = tmp_path / f"flags{export_format.suffix}"
        assert window.files.export_flags(export_format, target)
        assert quote[:20] in target.read_text(encoding="utf-8")


def test_import_error_shows_a_dialog_and_changes_nothing(
    session: Session, tmp_path: Path, qtbot: QtBot
) -> None:
    window = session.start()
    before = [(s.id, s.title) for s in window.library.articles()]
    shown = window.reading.article
    bad = tmp_path / "broken.md"
    bad.write_bytes(b"\x00\xff\xfe" * 10)
    assert not window.files.open_file(bad)
    box = window.error_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "broken.md" in box.text()
    assert [(s.id, s.title) for s in window.library.articles()] == before
    assert window.reading.article == shown
    box.accept()
    qtbot.waitUntil(lambda: window.error_box is None)


def test_open_file_imports_once_and_shows_it(session: Session, tmp_path: Path) -> None:
    window = session.start()
    source = tmp_path / "notes.md"
    source.write_text("# A local story\n\nThe council met on Tuesday.\n", encoding="utf-8")
    count = len(window.library.articles())
    assert window.files.open_file(source)
    assert window.reading.article is not None and window.reading.article.title == "A local story"
    first_id = window.reading.article.id
    assert window.windowTitle() == "A local story"
    assert window.files.open_file(source)
    assert window.reading.article.id == first_id
    assert len(window.library.articles()) == count + 1
    titles = [entry.title for entry in window.library_panel.entries()]
    assert "A local story" in titles


def test_search_hit_on_a_note_opens_the_article_and_selects_the_flag(
    session: Session, qtbot: QtBot
) -> None:
    window = session.start()
    summaries = window.library.articles()
    target = summaries[-1].id
    window.show_article(target)
    article = window.reading.article
    assert article is not None
    start, end = sentence_span(article, 1)
    uuid = flag_with_keyboard(qtbot, window, start, end, Kind.UNSOURCED_CLAIM)
    qtbot.keyClicks(window.annotation_pane.editor.note_edit, "zeppelinword appears here")
    window.annotation_pane.editor.flush_pending_edit()
    window.show_article(summaries[0].id)
    panel = window.library_panel
    panel.search_edit.setText("zeppelinword")
    panel.refresh_list()
    hits = [entry for entry in panel.entries() if entry.annotation_uuid == uuid]
    assert len(hits) == 1
    row = panel.entries().index(hits[0])
    panel.list_widget.itemClicked.emit(panel.list_widget.item(row))
    assert window.reading.article is not None and window.reading.article.id == target
    assert window.annotation_pane.selected_uuid() == uuid


def test_empty_card_filter_and_kind_filter(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    pane = window.annotation_pane
    article = window.reading.article
    assert article is not None
    kinds = [Kind.UNSOURCED_CLAIM, Kind.OPINION]
    for number, kind in enumerate(kinds):
        start, end = sentence_span(article, number + 3)
        flag_with_keyboard(qtbot, window, start, end, kind)
    total = pane.active_filter.rowCount()
    opinion_button = pane.kind_buttons.button(2)
    assert opinion_button is not None
    qtbot.mouseClick(opinion_button, Qt.MouseButton.LeftButton)
    shown = [
        pane.active_filter.index(row, 0).data(Qt.ItemDataRole.UserRole + 2)
        for row in range(pane.active_filter.rowCount())
    ]
    assert shown and set(shown) == {Kind.OPINION.value}
    all_button = pane.kind_buttons.button(0)
    assert all_button is not None
    qtbot.mouseClick(all_button, Qt.MouseButton.LeftButton)
    assert pane.active_filter.rowCount() == total


def test_new_article_from_clipboard(session: Session) -> None:
    window = session.start()
    count = len(window.library.articles())
    QApplication.clipboard().setText("Council votes on parks\n\nThe council voted 5-2 on Monday.")
    assert window.files.import_clipboard()
    assert len(window.library.articles()) == count + 1
    assert window.reading.article is not None and "council voted" in window.reading.article.text
    QApplication.clipboard().setText("   ")
    assert not window.files.import_clipboard()
    assert window.error_box is not None and "clipboard" in window.error_box.text()
    assert len(window.library.articles()) == count + 1
    window.error_box.accept()


def test_hidden_layer_leaves_the_article_and_the_pane(session: Session) -> None:
    window = session.start()
    article = window.reading.article
    assert article is not None
    start, end = sentence_span(article, 2)
    key_flag = Annotation(
        article.id, Kind.CONTEXT_NOTE, make_anchor(article.text, start, end), layer="key"
    )
    window.library.add_annotation(key_flag)
    window.show_article(article.id)
    assert key_flag.uuid in window.article_view.highlighted_uuids()
    window.layers.set_visible("key", False)
    assert key_flag.uuid not in window.article_view.highlighted_uuids()
    assert window.annotation_pane.active_filter.rowCount() == 0 or all(
        window.annotation_pane.active_filter.index(row, 0).data(Qt.ItemDataRole.UserRole + 8)
        != "key"
        for row in range(window.annotation_pane.active_filter.rowCount())
    )
    window.layers.set_visible("key", True)
    assert key_flag.uuid in window.article_view.highlighted_uuids()


def test_orphaned_flags_are_listed_apart_with_their_old_quote(session: Session) -> None:
    window = session.start()
    article = window.reading.article
    assert article is not None
    orphan = Annotation(
        article.id,
        Kind.UNSOURCED_CLAIM,
        Anchor(0, 10, "a sentence the new version dropped"),
        status=Status.ORPHANED,
    )
    window.library.add_annotation(orphan)
    window.show_article(article.id)
    pane = window.annotation_pane
    assert pane.orphan_list.isVisible()
    assert pane.orphan_filter.rowCount() == 1
    quote = pane.orphan_filter.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    assert quote == "a sentence the new version dropped"
    assert orphan.uuid not in window.article_view.highlighted_uuids()
    assert all(
        pane.active_filter.index(row, 0).data(Qt.ItemDataRole.DisplayRole) != quote
        for row in range(pane.active_filter.rowCount())
    )


def test_start_paints_the_page_then_its_flags_then_the_panels_without_moving_anything(
    qtbot: QtBot, db_path: Path, settings_path: Path
) -> None:
    library = Library.open(db_path)
    try:
        for start in ("first", "second"):  # the second has the toolbar's height stored
            settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
            window = MainWindow(library, settings, theme=Theme.LIGHT)
            qtbot.addWidget(window)
            window.restore_session()
            paints: list[tuple[bool, bool, QRect, QRect]] = []
            view = window.article_view
            view.painted.connect(
                lambda w=window, v=view, seen=paints: seen.append(
                    (bool(v.highlighted_uuids()), w.is_ready(), v.geometry(), w.toolbar.geometry())
                )
            )
            window.show()
            assert window.reading.article is not None
            assert not view.highlighted_uuids()  # drawn just after the first paint
            assert not window.is_ready()
            with qtbot.waitSignal(window.ready, timeout=2000):
                pass
            assert window.is_ready(), start
            first, *later = paints
            assert first[:2] == (False, False)  # the page alone
            assert (True, False) in [paint[:2] for paint in later]  # its flags, then the panels
            assert view.geometry() == first[2]  # nothing moved: the article, the toolbar
            assert window.toolbar.geometry() == first[3]
            assert window.toolbar.actions()
            assert window.splitter.widget(0) is window.library_panel
            assert window.splitter.widget(2) is window.annotation_pane
            shown = {a.uuid for a in window.annotation_pane.model.annotations()}
            assert shown == {a.uuid for a in library.annotations(window.reading.article.id)}
            assert set(view.highlighted_uuids()) == shown
            assert window.library_panel.list_widget.currentItem() is not None
            window.close()
    finally:
        library.close()


class ReadyWatch(QObject):
    """From the window's ``ready`` on: the paints of its panels' and toolbar's widgets, the
    repaints asked of them for later (a widget shown in a shown window asks for one), and
    where they stood then."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.window = window
        self.paints: dict[QWidget, int] = {}
        self.later: list[QObject] = []
        self.watched: list[QWidget] = []
        self.at_ready: list[tuple[QRect, bool]] = []
        window.ready.connect(self._on_ready)

    def _on_ready(self) -> None:
        window = self.window
        widgets = [*window.library_panel.findChildren(QWidget), window.toolbar]
        widgets += [*window.toolbar.findChildren(QToolButton), window.annotation_pane.search_edit]
        self.paints = dict.fromkeys(widgets, 0)
        for widget in widgets:
            widget.installEventFilter(self)
        cards = window.annotation_pane.card_list  # its cards may paint again as they wrap
        self.watched = [*widgets, cards, cards.verticalScrollBar()]
        self.at_ready = self.now()

    def now(self) -> list[tuple[QRect, bool]]:
        return [(widget.geometry(), widget.isVisible()) for widget in self.watched]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
            self.paints[watched] += 1
        elif event.type() == QEvent.Type.UpdateLater:
            self.later.append(watched)
        return False


def test_the_panels_and_the_toolbar_paint_once_at_their_final_size(
    qtbot: QtBot, db_path: Path, settings_path: Path
) -> None:
    library = Library.open(db_path)
    try:
        for start in ("first", "second"):  # the second fills the toolbar after the first paint
            settings = QSettings(str(settings_path), QSettings.Format.IniFormat)
            window = MainWindow(library, settings, theme=Theme.LIGHT)
            qtbot.addWidget(window)
            window.restore_session()
            watch = ReadyWatch(window)
            window.show()
            with qtbot.waitSignal(window.ready, timeout=2000):
                pass
            qtbot.wait(200)  # the paints after ``ready``, and any layout after them
            assert watch.now() == watch.at_ready, start  # nothing moved or showed since
            painted = {widget: count for widget, count in watch.paints.items() if count}
            assert window.library_panel.search_edit in painted, start
            if start == "second":  # the buttons, new, are in that paint
                buttons = [b for b in window.toolbar.findChildren(QToolButton) if b.isVisible()]
                assert buttons and set(buttons) <= set(painted)
            assert set(painted.values()) == {1}, start  # one paint each, not a second pass
            assert not watch.later, start  # all in that paint
            window.close()
    finally:
        library.close()


class QuickStarts:
    """Starts as the app does: the library opened by the window, a render cache kept."""

    def __init__(self, qtbot: QtBot, db_path: Path, settings_path: Path, cache: Path) -> None:
        self.qtbot = qtbot
        self.db_path = db_path
        self.settings_path = settings_path
        self.cache = cache
        self.opened: list[Library] = []

    @property
    def copy_path(self) -> Path:
        """The copy of the library's last article, kept for a quick start."""
        return self.cache / LIBRARIES_FOLDER / library_key(self.db_path) / LAST_ARTICLE_FILE

    def open_library(self) -> Library:
        library = Library.open(self.db_path)
        self.opened.append(library)
        return library

    def start(self) -> tuple[MainWindow, int]:
        """The window, shown and ready, and how many libraries it opened before its first paint."""
        settings = QSettings(str(self.settings_path), QSettings.Format.IniFormat)
        window = MainWindow(
            self.open_library, settings, theme=Theme.LIGHT, library_path=self.db_path
        )
        self.qtbot.addWidget(window)
        window.use_render_cache(self.cache)
        already = len(self.opened)
        window.restore_session()
        opened_before_paint = len(self.opened) - already
        with self.qtbot.waitSignal(window.ready, timeout=3000):
            window.show()
        return window, opened_before_paint

    def stop(self, window: MainWindow) -> None:
        window.close()
        window.close_library()


@pytest.fixture
def quick(qtbot: QtBot, db_path: Path, settings_path: Path, tmp_path: Path) -> QuickStarts:
    return QuickStarts(qtbot, db_path, settings_path, tmp_path / "cache")


def assert_shows_library_state(window: MainWindow, library: Library) -> None:
    """The window shows the article as the library holds it, with its flags."""
    assert window.reading.article is not None
    stored = library.article(window.reading.article.id)
    assert window.reading.article == stored
    assert window.article_view.article == stored
    assert window.windowTitle() == stored.title
    assert stored.text.split("\n")[-1] in window.article_view.toPlainText()
    drawn = {a.uuid for a in library.annotations(stored.id) if a.status is Status.ACTIVE}
    assert set(window.article_view.highlighted_uuids()) == drawn
    assert {a.uuid for a in window.annotation_pane.model.annotations()} == {
        a.uuid for a in library.annotations(stored.id)
    }


def test_a_start_without_a_copy_opens_the_library_first_and_keeps_one(
    quick: QuickStarts,
) -> None:
    window, opened = quick.start()
    assert opened == 1  # no copy of the last article yet: the normal start
    assert_shows_library_state(window, quick.opened[0])
    quick.stop(window)
    assert (quick.copy_path).is_file()


def test_a_start_with_a_fresh_copy_paints_before_opening_the_library(
    quick: QuickStarts, qtbot: QtBot
) -> None:
    window, _ = quick.start()
    library = quick.opened[0]
    article_id = library.articles()[-1].id
    window.show_article(article_id)
    anchor = make_anchor(library.article(article_id).text, 0, 12)
    library.add_annotation(Annotation(article_id=article_id, kind=Kind.OPINION, anchor=anchor))
    quick.stop(window)

    window, opened = quick.start()
    assert opened == 0  # the copy was painted, the library opened after that paint
    assert window.reading.article is not None and window.reading.article.id == article_id
    assert_shows_library_state(window, quick.opened[-1])
    quick.stop(window)


def test_a_stale_copy_is_replaced_by_the_new_text_and_flags(
    quick: QuickStarts, qtbot: QtBot
) -> None:
    window, _ = quick.start()
    assert window.reading.article is not None
    old = window.reading.article
    quick.stop(window)
    library = Library.open(quick.db_path)  # another program imports a new version
    meta = ArticleMeta(
        title="A new title",
        markdown=old.markdown + "\n\nA closing paragraph added by the new version.\n",
        source_format=old.source_format,
        url=old.url,
        source_path=old.source_path,
    )
    result = library.import_article(meta)
    assert result.article.id == old.id and result.article.sha256 != old.sha256
    new_text = result.article.text
    span = new_text.index("A closing paragraph"), len(new_text)
    flag = Annotation(
        article_id=old.id, kind=Kind.CONTEXT_NOTE, anchor=make_anchor(new_text, *span)
    )
    library.add_annotation(flag)
    library.close()

    window, opened = quick.start()
    assert opened == 0  # the old copy painted first
    assert_shows_library_state(window, quick.opened[-1])
    assert "A closing paragraph added by the new version." in window.article_view.toPlainText()
    assert window.windowTitle() == "A new title"
    assert flag.uuid in window.article_view.highlighted_uuids()
    quick.stop(window)


@pytest.mark.parametrize("damage", ["truncate", "other article", "bad field"])
def test_a_damaged_copy_means_a_normal_start(quick: QuickStarts, damage: str) -> None:
    window, _ = quick.start()
    quick.stop(window)
    copy = quick.copy_path
    text = copy.read_text(encoding="utf-8")
    if damage == "truncate":
        copy.write_text(text[: len(text) // 2], encoding="utf-8")
    elif damage == "other article":
        copy.write_text(re.sub(r'"id":\d+', '"id":999', text), encoding="utf-8")
    else:
        copy.write_text(re.sub(r'"version":\d+', '"version":"1"', text), encoding="utf-8")

    window, opened = quick.start()
    assert opened == 1
    assert_shows_library_state(window, quick.opened[-1])
    quick.stop(window)


def test_a_quick_start_on_an_unreadable_library_says_so(quick: QuickStarts, qtbot: QtBot) -> None:
    window, _ = quick.start()
    quick.stop(window)
    for library in quick.opened:
        library.close()
    quick.db_path.write_bytes(b"not a database " * 100)
    for suffix in ("-wal", "-shm"):
        Path(f"{quick.db_path}{suffix}").unlink(missing_ok=True)

    settings = QSettings(str(quick.settings_path), QSettings.Format.IniFormat)
    window = MainWindow(quick.open_library, settings, theme=Theme.LIGHT, library_path=quick.db_path)
    qtbot.addWidget(window)
    window.use_render_cache(quick.cache)
    window.restore_session()
    assert window.reading.article is not None  # the copy, before the library is opened
    window.show()
    qtbot.waitUntil(lambda: window.error_box is not None)
    assert window.error_box is not None
    assert "Cannot open the library" in window.error_box.text()
    assert window.reading.article is None
    assert window.windowTitle() == APP_NAME
    with qtbot.waitSignal(window.library_failed, timeout=1000):
        window.error_box.close()
    window.close()


def test_the_export_menu_offers_each_format_once_opened(session: Session) -> None:
    window = session.start()
    export_menu = next(m for m in window.findChildren(QMenu) if m.title() == "&Export Flags")
    assert export_menu.actions() == []  # made as it first opens, off the start-up path
    for _ in range(2):
        export_menu.aboutToShow.emit()
    assert [a.text() for a in export_menu.actions()] == ["&W3C JSON…", "&Markdown…", "&CSV…"]


def test_window_title_is_the_article_title_alone(window: MainWindow) -> None:
    assert window.reading.article is not None
    # The platform adds the application's name (QGuiApplication.applicationDisplayName).
    assert window.windowTitle() == window.reading.article.title
    assert APP_NAME not in window.windowTitle()


def test_a_kind_key_flags_after_a_dialog_of_the_window_was_hidden(
    session: Session, qtbot: QtBot
) -> None:
    """The tests' ``activate`` gives the window back the activation a hidden dialog kept,
    as a desktop does: its shortcuts (the kind keys) work again."""
    window = session.start()
    window.finish_startup()
    box = QMessageBox(window)
    qtbot.addWidget(box)
    box.show()
    QApplication.processEvents()
    box.hide()  # offscreen, the dialog keeps the activation
    assert QApplication.activeWindow() is not window
    article = window.reading.article
    assert article is not None
    start, end = sentence_span(article, 1)
    uuid = flag_with_keyboard(qtbot, window, start, end, Kind.OPINION)
    assert window.library.annotation(uuid).anchor.exact == article.text[start:end]
