"""A student opens the key the teacher released for them: their own result and comment."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from reader.core.models import ArticleMeta, Kind, SourceFormat
from reader.gui.classroom.key_result import KeyResultDialog
from reader.services import classroom as service
from reader.storage.library import Library
from tests.classroom.conftest import ARTICLE_MARKDOWN, key_flags
from tests.conftest import flag_quote
from tests.gui.classroom.test_student import drop_files

if TYPE_CHECKING:
    from tests.gui.conftest import Session


def test_the_released_key_shows_the_students_own_result(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    teacher = Library.open(tmp_path / "teacher.sqlite")
    article = teacher.import_article(
        ArticleMeta("School lunches", ARTICLE_MARKDOWN, SourceFormat.MARKDOWN)
    ).article
    teacher.add_annotations(key_flags(article))
    made = service.assign(teacher, article.id, tmp_path / "a.reader-assignment", title="Lunch")

    window = session.start()
    window.finish_startup()
    drop_files(window, made.path)
    qtbot.waitUntil(
        lambda: (
            window.reading.article is not None and window.reading.article.title == "School lunches"
        )
    )
    assert window.reading.article is not None
    mine = window.library.article(window.reading.article.id)
    window.library.add_annotations(
        [
            flag_quote(mine, "2 million euros", Kind.UNSOURCED_CLAIM, note="MY-who says?"),
            flag_quote(mine, "Parents were asked in a survey.", Kind.CONTEXT_NOTE, note="MY-when?"),
        ]
    )
    service.hand_in(window.library, made.assignment_id, tmp_path / "me.reader-submission", "Ana")
    assert not window.classroom.show_result()  # the key is not released yet
    warning = next(box for box in window.findChildren(QMessageBox) if box.isVisible())
    assert "is not released yet" in warning.text()
    warning.close()

    service.collect(teacher, [tmp_path / "me.reader-submission"])
    service.set_feedback(teacher, made.assignment_id, "Ana", "Good eye for figures.")
    released = service.release_key(teacher, made.assignment_id, tmp_path / "keys", per_student=True)
    teacher.close()

    drop_files(window, released.paths[0])
    qtbot.waitUntil(lambda: isinstance(window.classroom.dialog, KeyResultDialog), timeout=5000)
    dialog = window.classroom.dialog
    assert isinstance(dialog, KeyResultDialog)
    page = dialog.text.toPlainText()
    assert "You found 1 of the 3 flags in the key; 1 of your 2 flags match it." in page
    assert "Good eye for figures." in page
    assert "✓ Found (1)" in page and "MY-who says?" in page
    assert "✗ Missed (2)" in page and "KEYNOTE-sweeping" in page and "KEYNOTE-age" in page
    assert "+ Extra: your flags the key does not have (1)" in page and "MY-when?" in page
    dialog.reject()
