"""What another process (the command line) writes to the library reaches an open window."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.anchoring.selectors import make_anchor
from reader.core.models import Annotation, ArticleMeta, Kind, SourceFormat
from reader.gui.library.entries import ENTRY_ROLE
from reader.storage.library import Library
from tests.gui.conftest import Session, come_back_to


def test_the_library_list_shows_what_another_process_wrote(
    qtbot: QtBot, session: Session, db_path: Path
) -> None:
    window = session.start("Screens")
    panel = window.library_panel

    def opinions(title_start: str) -> int:
        for row in range(panel.list_widget.count()):
            entry = panel.list_widget.item(row).data(ENTRY_ROLE)
            if entry.title.startswith(title_start):
                return int(entry.counts.get(Kind.OPINION, 0))
        raise AssertionError(title_start)

    before = opinions("Marlow")
    outside = Library.open(db_path)  # as `reader annotate` and `reader import` would
    try:
        marlow = next(a.id for a in outside.articles() if a.title.startswith("Marlow"))
        text = outside.article(marlow).text
        outside.add_annotation(
            Annotation(article_id=marlow, kind=Kind.OPINION, anchor=make_anchor(text, 0, 20))
        )
        outside.import_article(
            ArticleMeta(
                title="Imported elsewhere",
                markdown="A short article.",
                source_format=SourceFormat.MARKDOWN,
                source_path="/elsewhere.md",
            )
        )
    finally:
        outside.close()
    assert opinions("Marlow") == before  # not read again yet

    come_back_to(qtbot, window)

    assert opinions("Marlow") == before + 1
    assert opinions("Imported elsewhere") == 0
    assert window.reading.article is not None and window.reading.article.title.startswith(
        "Our Children"
    )


def test_coming_back_to_a_window_whose_library_was_closed_reads_nothing(
    qtbot: QtBot, session: Session
) -> None:
    window = session.start("Screens")
    window.finish_startup()
    window.close_library()  # as the app does once its event loop has ended

    come_back_to(qtbot, window)  # an activation of the window still on screen

    assert not window.is_library_open()
