"""Undo commands write to the real library at once, in redo and in undo."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from reader.anchoring.selectors import make_anchor
from reader.core.models import Annotation, ArticleMeta, Kind, ReaderError, SourceFormat, Status
from reader.gui.annotations.commands import (
    AddFlagCommand,
    DeleteFlagCommand,
    EditField,
    EditFlagCommand,
    edited_copy,
    parse_tags,
)
from reader.gui.reading.commands import LibraryCommand
from reader.gui.suggestions.commands import ReplaceFlagsCommand
from reader.services.suggestions import accepted
from reader.storage.library import Library


class RecordingSink:
    """Keeps what the commands report, as the main window's panes would."""

    def __init__(self) -> None:
        self.shown: dict[str, Annotation] = {}
        self.errors: list[str] = []
        self.batches: list[tuple[int, int]] = []

    def annotation_added(self, annotation: Annotation) -> None:
        self.shown[annotation.uuid] = annotation

    def annotation_changed(self, annotation: Annotation) -> None:
        self.shown[annotation.uuid] = annotation

    def annotation_removed(self, annotation: Annotation) -> None:
        self.shown.pop(annotation.uuid, None)

    def show_error(self, message: str) -> None:
        self.errors.append(message)

    def annotations_replaced(
        self, removed: Sequence[Annotation], added: Sequence[Annotation]
    ) -> None:
        self.batches.append((len(removed), len(added)))
        for annotation in removed:
            self.shown.pop(annotation.uuid, None)
        for annotation in added:
            self.shown[annotation.uuid] = annotation


@pytest.fixture
def library(tmp_path: Path) -> Library:
    opened = Library.open(tmp_path / "library.sqlite")
    markdown = "# Report\n\nThe mayor said the bridge costs €3 million. Nobody checked 🎉.\n"
    opened.import_article(ArticleMeta("Report", markdown, SourceFormat.MARKDOWN))
    return opened


def new_flag(library: Library) -> Annotation:
    article = library.article(library.articles()[0].id)
    start = article.text.index("the bridge")
    return Annotation(
        article.id, Kind.UNSOURCED_CLAIM, make_anchor(article.text, start, start + 33)
    )


def push(stack: QUndoStack, command: LibraryCommand) -> None:
    command.execute()
    stack.push(command)


def test_add_edit_delete_undo_redo_reach_the_database(library: Library) -> None:
    sink = RecordingSink()
    stack = QUndoStack()
    flag = new_flag(library)
    push(stack, AddFlagCommand(library, sink, flag))
    assert library.annotation(flag.uuid).anchor.exact == flag.anchor.exact
    stored = library.annotation(flag.uuid)
    push(
        stack,
        EditFlagCommand(library, sink, stored, edited_copy(stored, tags=["cost"]), EditField.TAGS),
    )
    assert library.annotation(flag.uuid).tags == ["cost"]
    push(stack, DeleteFlagCommand(library, sink, library.annotation(flag.uuid)))
    assert library.annotations(flag.article_id) == [] and sink.shown == {}
    stack.undo()
    assert library.annotation(flag.uuid).tags == ["cost"] and flag.uuid in sink.shown
    stack.undo()
    assert library.annotation(flag.uuid).tags == []
    stack.undo()
    assert library.annotations(flag.article_id) == []
    stack.redo()
    stack.redo()
    assert library.annotation(flag.uuid).tags == ["cost"]
    assert sink.errors == []


def test_consecutive_note_edits_of_one_flag_are_one_undo_step(library: Library) -> None:
    sink = RecordingSink()
    stack = QUndoStack()
    flag = new_flag(library)
    push(stack, AddFlagCommand(library, sink, flag))
    before = library.annotation(flag.uuid)
    for note in ("W", "Wh", "Who says so?"):
        current = library.annotation(flag.uuid)
        push(
            stack,
            EditFlagCommand(
                library, sink, current, edited_copy(current, note=note), EditField.NOTE
            ),
        )
    assert stack.count() == 2
    assert library.annotation(flag.uuid).note == "Who says so?"
    stack.undo()
    assert library.annotation(flag.uuid).note == before.note == ""
    stack.redo()
    assert sink.shown[flag.uuid].note == "Who says so?"


def test_a_refused_flag_raises_before_the_push_and_writes_nothing(library: Library) -> None:
    sink = RecordingSink()
    flag = new_flag(library)
    flag.article_id = 999
    with pytest.raises(ReaderError):
        AddFlagCommand(library, sink, flag).execute()
    assert sink.shown == {}
    assert all(library.annotations(s.id) == [] for s in library.articles())


def test_parse_tags_trims_and_drops_repeats() -> None:
    assert parse_tags(" a, b ,,a, c d ") == ["a", "b", "c d"]
    assert parse_tags("") == []


def suggestions(library: Library) -> list[Annotation]:
    article = library.article(library.articles()[0].id)
    spans = [(4, 9), (10, 20), (21, 40)]
    return [
        Annotation(
            article.id,
            Kind.OPINION,
            make_anchor(article.text, start, end),
            layer="suggestions",
            status=Status.SUGGESTED,
            score=0.6,
            reasons=[f"loaded word: {article.text[start:end]}"],
        )
        for start, end in spans
    ]


def test_replacing_flags_is_one_step_reported_as_one_batch(library: Library) -> None:
    sink = RecordingSink()
    stack = QUndoStack()
    waiting = suggestions(library)
    library.add_annotations(waiting)
    flags = [accepted(suggestion) for suggestion in waiting]
    push(stack, ReplaceFlagsCommand("Accept all", library, sink, waiting, flags))
    assert stack.count() == 1 and sink.batches == [(3, 3)]
    stored = library.annotations(waiting[0].article_id)
    assert {(a.layer, a.status) for a in stored} == {("mine", Status.ACTIVE)}
    assert all(a.reasons[0] in a.note for a in stored)
    stack.undo()
    assert {a.status for a in library.annotations(waiting[0].article_id)} == {Status.SUGGESTED}
    assert sink.batches[-1] == (3, 3)
    stack.redo()
    assert library.annotation(waiting[1].uuid).status is Status.ACTIVE
    assert sink.errors == []
