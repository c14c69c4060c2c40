"""Importing an article: new, a new version with its flags moved, new details, or
unchanged.  Long imports: the write lock is not held while flags are re-anchored, and
a progress hook is told how an import goes and can cancel it with nothing written."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest

from reader.anchoring.selectors import anchor_for_quote, make_anchor
from reader.core.models import (
    Annotation,
    ArticleMeta,
    Cancelled,
    Kind,
    ReaderError,
    SourceFormat,
    Stage,
    Status,
)
from reader.importers.articles import read_article_file
from reader.services.article_files import import_article_file, import_flag_file
from reader.storage.library import ImportOutcome, Library
from reader.w3c.writing import dumps_w3c
from tests.storage.sample import flag, meta

SENTENCES = [
    "The council met on Tuesday to discuss the budget.",
    "Officials said the bridge cost 40 million dollars.",
    "Residents cheered as the first cars crossed the river.",
    "Critics called the plan a waste of public money.",
]
FLAGS = 600


def story(edited: bool = False) -> str:
    paragraphs = [f"Paragraph {n}. {SENTENCES[n % len(SENTENCES)]}" for n in range(300)]
    if edited:
        paragraphs.insert(0, "Updated on Wednesday with the council's reply.")
    return "# The bridge\n\n" + "\n\n".join(paragraphs) + "\n"


@pytest.fixture
def flagged(tmp_path: Path) -> tuple[Library, Path]:
    """A library whose article (from story.md) has many flags; story.md is then edited."""
    library = Library.open(tmp_path / "lib.sqlite")
    path = tmp_path / "story.md"
    path.write_text(story(), encoding="utf-8")
    article = import_article_file(library, path).article
    text = article.text
    flags = []
    for number in range(FLAGS):
        start = text.index(f"Paragraph {number % 300}. ")
        flags.append(Annotation(article.id, Kind.OPINION, make_anchor(text, start, start + 30)))
    library.add_annotations(flags)
    path.write_text(story(edited=True), encoding="utf-8")
    return library, path


def snapshot(library: Library) -> list[str]:
    return list(library.conn.iterdump())


def test_another_writer_is_not_locked_out_while_flags_are_reanchored(
    flagged: tuple[Library, Path],
) -> None:
    library, path = flagged
    article_id = library.articles()[0].id
    old_text = library.article(article_id).text
    failures: list[BaseException] = []
    written: list[Annotation] = []

    def annotate_elsewhere() -> None:
        other = Library.open(library.path)
        try:
            other.conn.execute("PRAGMA busy_timeout=0")  # fail at once if the lock is held
            quote = "Critics called the plan a waste"
            anchor = anchor_for_quote(old_text, quote + " of public money.\n\nParagraph 8.")
            note = Annotation(article_id, Kind.CONTEXT_NOTE, anchor, note="from elsewhere")
            other.add_annotation(note)
            written.append(note)
        except BaseException as error:  # reported by the test below
            failures.append(error)
        finally:
            other.close()

    def progress(stage: str, done: int, total: int) -> None:
        if stage == Stage.REANCHORING and 0 < done < total and not written and not failures:
            thread = threading.Thread(target=annotate_elsewhere)
            thread.start()
            thread.join()

    result = import_article_file(library, path, progress)
    assert failures == []
    assert result.article.version == 2
    [note] = written
    stored = library.annotation(note.uuid)
    new_text = library.article(article_id).text
    assert stored.status is Status.ACTIVE  # written meanwhile, and moved onto the new text
    assert stored.anchor.exact == note.anchor.exact
    assert new_text[stored.anchor.start : stored.anchor.end] == note.anchor.exact
    assert stored.anchor.start != note.anchor.start
    assert len(library.annotations(article_id)) == FLAGS + 1
    library.close()


def test_progress_counts_the_flags_reanchored(flagged: tuple[Library, Path]) -> None:
    library, path = flagged
    told: list[tuple[str, int, int]] = []
    import_article_file(library, path, lambda *call: told.append(call))
    stages = [stage for stage, _, _ in told]
    assert stages[0] == Stage.READING and stages[-1] == Stage.SAVING
    counts = [(done, total) for stage, done, total in told if stage == Stage.REANCHORING]
    assert len(counts) > 2
    assert counts[-1] == (FLAGS, FLAGS)
    assert all(done <= total == FLAGS for done, total in counts)
    library.close()


@pytest.mark.parametrize("when", [Stage.READING, Stage.REANCHORING, Stage.SAVING])
def test_a_cancelled_reimport_writes_nothing(flagged: tuple[Library, Path], when: Stage) -> None:
    library, path = flagged
    before = snapshot(library)

    def progress(stage: str, done: int, total: int) -> None:
        if stage == when and (stage != Stage.REANCHORING or done > 0):
            raise Cancelled()

    with pytest.raises(ReaderError, match="^cancelled: nothing was imported$"):
        import_article_file(library, path, progress)
    assert snapshot(library) == before
    assert library.articles()[0].version == 1
    library.close()


@pytest.mark.parametrize("edited", [True, False], ids=["new version", "new article"])
def test_a_cancel_just_before_the_commit_rolls_the_import_back(
    flagged: tuple[Library, Path], edited: bool
) -> None:
    """The last progress call comes inside the write transaction, after the article's
    rows are written: a cancel there still leaves the file as it was."""
    library, path = flagged
    if not edited:
        path = path.with_name("other.md")
        path.write_text("# Another story\n\nNothing like the first one at all.\n")
    before = snapshot(library)

    def progress(stage: str, done: int, total: int) -> None:
        if stage == Stage.SAVING and done == 1:
            assert library.conn.in_transaction
            raise Cancelled()

    with pytest.raises(ReaderError, match="^cancelled: nothing was imported$"):
        import_article_file(library, path, progress)
    assert not library.conn.in_transaction
    assert snapshot(library) == before
    library.close()


@pytest.mark.parametrize("when", [Stage.READING, Stage.REANCHORING, Stage.SAVING])
def test_a_cancelled_flag_file_adds_nothing(
    flagged: tuple[Library, Path], tmp_path: Path, when: Stage
) -> None:
    library, _ = flagged
    article = library.article(library.articles()[0].id)
    text = article.text
    flags = [
        Annotation(article.id, Kind.UNSOURCED_CLAIM, make_anchor(text, start, start + 20))
        for start in range(0, 20 * 500, 20)
        if text[start : start + 20].strip()
    ]
    flag_path = tmp_path / "flags.json"
    flag_path.write_text(dumps_w3c(article, flags), encoding="utf-8")
    before = snapshot(library)
    told: list[tuple[str, int, int]] = []

    def progress(stage: str, done: int, total: int) -> None:
        told.append((stage, done, total))
        if stage == when and (stage != Stage.REANCHORING or done > 0):
            raise Cancelled()

    with pytest.raises(Cancelled):
        import_flag_file(library, flag_path, progress)
    assert snapshot(library) == before
    assert told[-1][0] == when
    assert import_flag_file(library, flag_path).added == len(flags)  # and it still can be
    library.close()


def test_flags_moved_by_another_import_meanwhile_are_matched_again_unlocked(
    flagged: tuple[Library, Path], tmp_path: Path
) -> None:
    library, path = flagged
    article_id = library.articles()[0].id
    told: list[tuple[str, int, int]] = []

    def progress(stage: str, done: int, total: int) -> None:
        told.append((stage, done, total))
        if stage == Stage.SAVING and len([t for t in told if t[0] == Stage.SAVING]) == 1:
            # Another process imports another edit of the same file first.
            other = Library.open(library.path)
            meanwhile = path.with_name("meanwhile.md")
            meanwhile.write_text(story().replace("# The bridge\n\n", "# The bridge\n\nNew.\n\n"))
            meta = read_article_file(meanwhile)
            other.import_article(replace(meta, source_path=str(path.resolve())))
            other.close()

    result = import_article_file(library, path, progress)
    assert result.article.version == 3
    rounds = [(done, total) for stage, done, total in told if stage == Stage.REANCHORING]
    assert rounds.count((FLAGS, FLAGS)) == 2  # matched again, before the lock was taken
    text = library.article(article_id).text
    flags = library.annotations(article_id)
    assert len(flags) == FLAGS
    assert {flag.status for flag in flags} == {Status.ACTIVE}
    assert all(text[f.anchor.start : f.anchor.end] == f.anchor.exact for f in flags)
    library.close()


def test_reimport_unchanged_is_a_no_op(library: Library) -> None:
    first = library.import_article(meta())
    again = library.import_article(meta())
    assert first.outcome is ImportOutcome.NEW
    assert again.outcome is ImportOutcome.UNCHANGED
    assert again.article.version == 1


def test_new_version_keeps_id_and_reanchors_or_orphans(library: Library) -> None:
    article = library.import_article(meta()).article
    kept = flag(library, article.id, "40 million dollars")
    lost = flag(library, article.id, "Residents cheered.")
    edited = (
        "# Bridge\n\nUpdate: new figures.\n\nThe bridge cost *40 million dollars*, officials said."
    )
    result = library.import_article(meta(edited))
    assert result.outcome is ImportOutcome.NEW_VERSION
    assert result.article.id == article.id and result.article.version == 2
    assert (result.reanchored, result.orphaned) == (1, 1)
    moved = library.annotation(kept.uuid)
    assert result.article.text[moved.anchor.start : moved.anchor.end] == "40 million dollars"
    orphan = library.annotation(lost.uuid)
    assert orphan.status is Status.ORPHANED
    assert orphan.anchor.exact == "Residents cheered."
    assert [a.uuid for a in library.check().orphaned] == [lost.uuid]
    versions = library.conn.execute("SELECT count(*) FROM article_versions").fetchone()[0]
    assert versions == 2


def test_the_text_starts_with_the_title_and_byline(library: Library) -> None:
    bylined = meta()
    bylined.author, bylined.publication, bylined.published = "Ana", "The Post", "2025-05-01"
    article = library.import_article(bylined).article
    assert article.text.startswith("Bridge\n\nAna · The Post · 1 May 2025\n\nBridge\n\nThe bridge")
    headline = flag(library, article.id, "Bridge", occurrence=1)
    assert (headline.anchor.start, headline.anchor.exact) == (0, "Bridge")


def test_a_new_headline_is_a_new_version_with_flags_moved(library: Library) -> None:
    article = library.import_article(meta()).article
    body = flag(library, article.id, "40 million dollars")
    on_title = flag(library, article.id, "Bridge", occurrence=1)
    renamed = meta()
    renamed.title = "Costly Bridge"
    result = library.import_article(renamed)
    assert result.outcome is ImportOutcome.NEW_VERSION and result.article.version == 2
    assert result.article.text.startswith("Costly Bridge\n\n")
    moved = library.annotation(body.uuid)
    assert moved.anchor.start == body.anchor.start + len("Costly ")
    assert moved.anchor.exact == "40 million dollars"
    assert library.annotation(on_title.uuid).anchor.start == len("Costly ")


def test_same_text_with_new_details_updates_them(library: Library) -> None:
    dated = meta()
    dated.published = "2025-05-01"
    library.import_article(dated)
    dated.published = "2025-05-01T09:30:00Z"  # the byline shows the same date
    result = library.import_article(dated)
    assert result.outcome is ImportOutcome.METADATA_UPDATED
    assert result.article.published == "2025-05-01T09:30:00Z" and result.article.version == 1
    assert library.import_article(dated).outcome is ImportOutcome.UNCHANGED


def test_a_different_story_under_the_same_url_is_a_new_article(library: Library) -> None:
    first = ArticleMeta(
        title="Budget",
        markdown="The council approved the budget for schools and roads on Tuesday.",
        source_format=SourceFormat.HTML,
        url="https://example.org/",
    )
    other = ArticleMeta(
        title="Match",
        markdown="Rovers beat United three goals to one in a rainy evening match.",
        source_format=SourceFormat.HTML,
        url="https://example.org/",
    )
    kept = library.import_article(first).article
    flag(library, kept.id, "approved the budget")
    result = library.import_article(other)
    assert result.outcome is ImportOutcome.NEW and result.article.id != kept.id
    assert library.annotations(kept.id)[0].status is Status.ACTIVE
    assert library.import_article(other).outcome is ImportOutcome.UNCHANGED
