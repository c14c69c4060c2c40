"""View › Changes Since Version driven as a user: an edited article's two versions side
by side, the flags the edit moved or orphaned listed, an orphan re-attached and undone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.anchoring.selectors import anchor_for_quote
from reader.core.models import Annotation, ArticleMeta, Kind, SourceFormat, Status
from reader.gui.compare.versions_view import VersionsView
from reader.gui.shell.main_window import MainWindow
from tests.compare.articles import BRIDGE_V1, BRIDGE_V2
from tests.gui.conftest import activate

URL = "https://example.org/bridge"


def edited_article(window: MainWindow) -> tuple[int, dict[str, Annotation]]:
    """The bridge report with three flags, imported again as edited (version 2), shown."""
    library = window.library
    meta = ArticleMeta("Bridge closed", BRIDGE_V1, SourceFormat.MARKDOWN, url=URL)
    article_id = library.import_article(meta).article.id
    text = library.article(article_id).text
    flags = {}
    for name, quote in (
        ("kept", "engineers found cracks in two supports"),
        ("moved", "Repairs will cost 4 million pounds"),
        ("orphaned", "This bridge is a disgrace"),
    ):
        flags[name] = Annotation(article_id, Kind.UNSOURCED_CLAIM, anchor_for_quote(text, quote))
        library.add_annotation(flags[name])
    again = ArticleMeta("Bridge closed", BRIDGE_V2, SourceFormat.MARKDOWN, url=URL)
    assert library.import_article(again).article.id == article_id
    assert window.show_article(article_id)
    return article_id, flags


def changes_shown(qtbot: QtBot, window: MainWindow) -> VersionsView:
    activate(qtbot, window)
    window.window_actions.changes.trigger()
    view = window.compare_view
    assert isinstance(view, VersionsView) and window.centralWidget() is view
    return view


def test_the_edit_is_shown_with_its_moved_and_orphaned_flags(
    qtbot: QtBot, window: MainWindow
) -> None:
    _article_id, flags = edited_article(window)

    view = changes_shown(qtbot, window)

    lines = [view.fates.item(row).text() for row in range(view.fates.count())]
    assert lines == [
        "Moved with its passage: “Repairs will cost 4 million pounds” (unsourced claim)",
        "Orphaned, its passage gone: “This bridge is a disgrace” (unsourced claim) — "
        "select a new one, Re-attach",
    ]
    old = view.old_text.document().toPlainText()
    struck = [
        old[s.cursor.selectionStart() : s.cursor.selectionEnd()]
        for s in view.old_text.extraSelections()
    ]
    assert all(s.format.fontStrikeOut() for s in view.old_text.extraSelections())
    assert any("This bridge is a disgrace" in text for text in struck)
    assert any("Repairs will cost 4 million" in text for text in struck)  # moved away
    latest = view.latest.view
    plain = latest.document().toPlainText()
    underlined = [
        plain[s.cursor.selectionStart() : s.cursor.selectionEnd()] for s in latest.extraSelections()
    ]
    assert any("Traffic queued for hours" in text for text in underlined)
    assert any("Repairs will cost 6 million" in text for text in underlined)  # moved here
    assert flags["moved"].uuid in latest.highlighted_uuids()
    assert flags["orphaned"].uuid not in latest.highlighted_uuids()


def test_an_orphaned_flag_is_reattached_in_one_undoable_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    article_id, flags = edited_article(window)
    orphan = flags["orphaned"]
    view = changes_shown(qtbot, window)
    item = view.fates.item(1)
    qtbot.mouseClick(
        view.fates.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.fates.visualItemRect(item).center(),
    )
    assert view.reattach.isEnabled()
    text = window.library.article(article_id).text
    quote = "Traffic queued for hours"
    latest = view.latest.view
    latest.setFocus()
    latest.select_text(text.index(quote), text.index(quote) + len(quote))

    qtbot.mouseClick(view.reattach, Qt.MouseButton.LeftButton)

    stored = window.library.annotation(orphan.uuid)
    assert stored.status is Status.ACTIVE and stored.anchor.exact == quote
    assert orphan.uuid in latest.highlighted_uuids()
    assert view.fates.item(1).text().startswith("Re-attached: ")
    assert not view.reattach.isEnabled()

    latest.setFocus()
    qtbot.keyClick(latest, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    stored = window.library.annotation(orphan.uuid)
    assert stored.status is Status.ORPHANED and stored.anchor == orphan.anchor
    assert orphan.uuid not in latest.highlighted_uuids()
    assert view.fates.item(1).text().startswith("Orphaned")

    qtbot.keyClick(
        latest,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.library.annotation(orphan.uuid).status is Status.ACTIVE
    qtbot.keyClick(latest, Qt.Key.Key_Escape)

    assert window.compare_view is None
    # the single article shows the flag re-attached
    pane_flag = window.annotation_pane.model.annotation(orphan.uuid)
    assert pane_flag is not None and pane_flag.status is Status.ACTIVE
    assert orphan.uuid in window.article_view.highlighted_uuids()


def test_an_article_never_edited_has_no_changes_to_show(qtbot: QtBot, window: MainWindow) -> None:
    activate(qtbot, window)
    window.window_actions.changes.trigger()

    assert window.compare_view is None
    assert "one version" in window.statusBar().currentMessage()
