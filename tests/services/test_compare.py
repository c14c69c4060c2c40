"""Comparing two stored articles, and two stored versions of one with their flags."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reader.anchoring.canonical import body_start
from reader.anchoring.selectors import anchor_for_quote
from reader.anchoring.tokens import block_sentences
from reader.compare.features import features_maker, make_features, to_json
from reader.compare.versions import FlagFate
from reader.core.models import Annotation, ArticleMeta, Kind, ReaderError, SourceFormat, Status
from reader.services.compare import (
    compare_articles,
    compare_read,
    compare_versions,
    forget_recent_comparisons,
    keep_comparison,
    kept_features,
    kept_splits,
)
from reader.storage import classroom as classroom_store
from reader.storage.classroom import KEY_LAYER, Role, StoredAssignment
from reader.storage.library import Library
from tests.compare.articles import BRIDGE_V1, BRIDGE_V2, FLOOD_A, FLOOD_B

URL = "https://example.org/bridge"


def store(library: Library, title: str, markdown: str, url: str = "") -> int:
    meta = ArticleMeta(title, markdown, SourceFormat.MARKDOWN, publication="Test", url=url)
    return library.import_article(meta).article.id


def flag(library: Library, article_id: int, quote: str) -> Annotation:
    text = library.article(article_id).text
    annotation = Annotation(article_id, Kind.UNSOURCED_CLAIM, anchor_for_quote(text, quote))
    library.add_annotation(annotation)
    return annotation


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library.open(tmp_path / "lib.sqlite")


def test_two_stored_reports_are_compared_on_their_bodies(library: Library) -> None:
    a = store(library, "Floods force 2,000 from homes", FLOOD_A)
    b = store(library, "Thousands evacuated", FLOOD_B)

    found = compare_articles(library, a, b)

    assert len(found.sentences.pairs) == 3
    assert len(found.sentences.only_a) == len(found.sentences.only_b) == 2
    # the title's "2,000" is not counted: the figure comes from the body
    figure = found.only.figures_a[0]
    assert [f.text for f in found.only.figures_a] == ["2,000 residents"]
    assert found.a.text[figure.start : figure.end] == "2,000 residents"
    for pair in found.sentences.pairs:
        assert found.a.text[pair.a.start : pair.a.end] == pair.a.text
        assert found.b.text[pair.b.start : pair.b.end] == pair.b.text
    assert [s.name for s in found.only.sources_b] == ["Met Office"]


def test_a_comparison_splits_an_article_once_and_keeps_the_split(library: Library) -> None:
    a = store(library, "Floods force 2,000 from homes", FLOOD_A)
    b = store(library, "Thousands evacuated", FLOOD_B)
    library.conn.execute("DELETE FROM sentence_splits")  # as in a library from before
    article_a, article_b = library.article(a), library.article(b)
    forget_recent_comparisons()  # not compared yet in this process
    fresh = compare_read(article_a, article_b)
    assert kept_splits(library, article_a, article_b) == (None, None)

    keep_comparison(library, fresh)  # as the window does once it has shown the matches

    kept = kept_splits(library, article_a, article_b)
    assert kept == (block_sentences(article_a.text), block_sentences(article_b.text))
    forget_recent_comparisons()
    again = compare_read(article_a, article_b, None, None, *kept)
    assert again.sentences == fresh.sentences
    assert again.only == fresh.only
    assert compare_articles(library, a, b).sentences == fresh.sentences


def test_the_same_two_texts_compared_again_are_not_matched_again(library: Library) -> None:
    a = library.article(store(library, "Floods force 2,000 from homes", FLOOD_A))
    b = library.article(store(library, "Thousands evacuated", FLOOD_B))
    forget_recent_comparisons()
    first = compare_read(a, b)

    again = compare_read(a, b)
    renamed = compare_read(a, replace(b, id=99, title="Thousands evacuated"))
    other = compare_read(b, a)

    assert again.sentences is first.sentences and again.only is first.only
    assert renamed.sentences is first.sentences and renamed.b.id == 99
    assert other.sentences is not first.sentences
    assert [(p.b.text, p.a.text) for p in other.sentences.pairs] == [
        (p.a.text, p.b.text) for p in first.sentences.pairs
    ]
    forget_recent_comparisons()
    fresh = compare_read(a, b)
    assert fresh.sentences is not first.sentences and fresh.sentences == first.sentences


def test_an_unknown_article_is_a_user_error(library: Library) -> None:
    a = store(library, "Floods", FLOOD_A)

    with pytest.raises(ReaderError, match="no article with id 99"):
        compare_articles(library, a, 99)


def test_versions_of_a_reimported_article_show_its_changes_and_flags(library: Library) -> None:
    article_id = store(library, "Bridge closed", BRIDGE_V1, URL)
    cracks = flag(library, article_id, "engineers found cracks in two supports")
    cost = flag(library, article_id, "Repairs will cost 4 million pounds")
    quote = flag(library, article_id, "This bridge is a disgrace")
    assert store(library, "Bridge closed", BRIDGE_V2, URL) == article_id
    assert library.annotation(quote.uuid).status is Status.ORPHANED

    found = compare_versions(library, article_id)

    assert (found.old_version, found.new_version) == (1, 2)
    assert found.old_text == library.version_text(article_id, 1)
    assert found.new_text == library.article(article_id).text
    fates = {change.annotation.uuid: change.fate for change in found.diff.flags}
    assert fates == {
        cracks.uuid: FlagFate.KEPT,
        cost.uuid: FlagFate.MOVED,
        quote.uuid: FlagFate.ORPHANED,
    }
    inserted = "".join(c.text for c in found.diff.changes if c.kind.value == "inserted")
    assert "Traffic queued for hours" in inserted


def test_suggestions_are_not_listed_among_the_flags(library: Library) -> None:
    article_id = store(library, "Bridge closed", BRIDGE_V1, URL)
    text = library.article(article_id).text
    suggestion = Annotation(
        article_id,
        Kind.OPINION,
        anchor_for_quote(text, "engineers found cracks"),
        layer="suggestions",
        status=Status.SUGGESTED,
    )
    library.add_annotation(suggestion)
    store(library, "Bridge closed", BRIDGE_V2, URL)

    assert compare_versions(library, article_id).diff.flags == []


def test_version_numbers_outside_the_article_are_refused(library: Library) -> None:
    article_id = store(library, "Bridge closed", BRIDGE_V1, URL)
    with pytest.raises(ReaderError, match="has one version only"):
        compare_versions(library, article_id)
    store(library, "Bridge closed", BRIDGE_V2, URL)

    with pytest.raises(ReaderError, match="has versions 1 to 2, not 3"):
        compare_versions(library, article_id, new=3)
    with pytest.raises(ReaderError, match="has versions 1 to 2, not 0"):
        compare_versions(library, article_id, old=0)
    with pytest.raises(ReaderError, match="both versions are 2"):
        compare_versions(library, article_id, old=2, new=2)


def test_the_library_reads_each_stored_version(library: Library) -> None:
    article_id = store(library, "Bridge closed", BRIDGE_V1, URL)
    store(library, "Bridge closed", BRIDGE_V2, URL)

    assert library.version_text(article_id, 1).endswith(BRIDGE_V1.split("\n\n")[-1])
    assert library.version_text(article_id, 2) == library.article(article_id).text
    with pytest.raises(ReaderError, match="versions 1 to 2, not 5"):
        library.version_text(article_id, 5)


def test_a_student_sees_no_flag_of_an_unreleased_key(library: Library) -> None:
    article_id = store(library, "Bridge closed", BRIDGE_V1, URL)
    mine = flag(library, article_id, "engineers found cracks")
    text = library.article(article_id).text
    key = Annotation(
        article_id, Kind.OPINION, anchor_for_quote(text, "a disgrace"), layer=KEY_LAYER
    )
    library.add_annotation(key)
    store(library, "Bridge closed", BRIDGE_V2, URL)
    assignment = StoredAssignment(
        assignment_id="a1b2c3d4",
        article_id=article_id,
        role=Role.STUDENT,
        title="Bridge",
        instructions="",
        kinds=(Kind.OPINION,),
        due="",
        class_name="",
        text_sha256=library.article(article_id).sha256,
        created="2026-12-01T09:00:00Z",
    )
    classroom_store.add_assignment(library, assignment)

    listed = [change.annotation.uuid for change in compare_versions(library, article_id).diff.flags]

    assert listed == [mine.uuid]


def test_a_comparison_keeps_each_texts_features_and_the_next_one_uses_them(
    library: Library,
) -> None:
    a, b = store(library, "Floods", FLOOD_A), store(library, "Evacuated", FLOOD_B)
    article_a, article_b = library.article(a), library.article(b)
    forget_recent_comparisons()
    assert kept_features(library, article_a, article_b) == (None, None)

    first = compare_articles(library, a, b)

    kept = kept_features(library, article_a, article_b)
    assert kept == (first.features_a, first.features_b)
    assert kept[0] == make_features(article_a.text, body_start(article_a))
    # features kept without A's figures: the next comparison takes them as they are
    assert kept[0] is not None and first.only.figures_a
    library.keep_compare_features(
        article_a, kept[0].start, features_maker(), to_json(replace(kept[0], figures=[]))
    )
    forget_recent_comparisons()
    again = compare_articles(library, a, b)
    assert again.only.figures_a == [] and again.sentences == first.sentences


def test_features_kept_for_a_text_are_not_those_of_its_next_version(library: Library) -> None:
    a = store(library, "Floods", FLOOD_A, URL)
    b = store(library, "Evacuated", FLOOD_B)
    forget_recent_comparisons()
    compare_articles(library, a, b)
    edited = FLOOD_A.replace("2,000 residents", "2,600 residents")

    assert store(library, "Floods", edited, URL) == a  # version 2, another text

    article_a = library.article(a)
    assert article_a.version == 2
    assert kept_features(library, article_a, library.article(b))[0] is None
    found = compare_articles(library, a, b)
    assert [f.text for f in found.only.figures_a] == ["2,600 residents"]
    assert kept_features(library, article_a, library.article(b))[0] == found.features_a


@pytest.mark.parametrize(
    "damage",
    [
        "features = 'not JSON'",
        "features = X'00ff'",  # not text at all
        "features = 42",
        "features = json_set(features, '$.word_ids', 'not base64!')",
        # the words' numbers as their counts: the first is 0
        "features = json_set(features, '$.counts', json_extract(features, '$.word_ids'))",
        # the sentences' numbers as their ends: each ends before it starts
        "features = json_set(features, '$.sentence_end',"
        " json_extract(features, '$.sentence_index'))",
        "features = '[' || features",
        "maker = 'features 0, rules 0'",  # made by another release
    ],
)
def test_damaged_kept_features_are_ignored_and_made_again(library: Library, damage: str) -> None:
    a, b = store(library, "Floods", FLOOD_A), store(library, "Evacuated", FLOOD_B)
    forget_recent_comparisons()
    fresh = compare_articles(library, a, b)
    library.conn.execute(f"UPDATE compare_features SET {damage}")
    article_a, article_b = library.article(a), library.article(b)
    assert kept_features(library, article_a, article_b) == (None, None)

    forget_recent_comparisons()
    again = compare_articles(library, a, b)

    assert again.sentences == fresh.sentences and again.only == fresh.only
    assert kept_features(library, article_a, article_b) == (fresh.features_a, fresh.features_b)


def test_features_are_not_kept_in_a_library_opened_read_only(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    library = Library.open(path)
    a, b = store(library, "Floods", FLOOD_A), store(library, "Evacuated", FLOOD_B)
    library.close()
    reading = Library.open(path, read_only=True)
    forget_recent_comparisons()

    found = compare_articles(reading, a, b)  # compared all the same, nothing written

    assert len(found.sentences.pairs) == 3
    assert kept_features(reading, reading.article(a), reading.article(b)) == (None, None)
    reading.close()
