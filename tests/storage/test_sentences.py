"""Each text's split into sentences is kept in the library, equal to a fresh split."""

import sqlite3
from pathlib import Path

from reader.anchoring.tokens import block_sentences
from reader.core.shipped import SAMPLE_ARTICLES
from reader.storage.library import Library
from reader.storage.migrations import LATEST_VERSION, migrate, schema_version
from reader.storage.sentences import SPLIT_AT_IMPORT
from tests.storage.sample import meta


def test_an_imported_article_keeps_its_split_equal_to_a_fresh_one(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    for path in sorted(SAMPLE_ARTICLES.glob("*.md")):
        article = library.import_article(meta(path.read_text(encoding="utf-8"), str(path))).article

        kept = library.sentence_blocks(article)

        assert kept is not None
        assert kept == block_sentences(article.text)
        assert sum(len(block) for block in kept) > 10


def test_a_text_too_long_to_compare_is_not_split_on_import(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    paragraph = "The council met again. It said nothing new about the bridge."
    long_text = "\n\n".join([paragraph] * (SPLIT_AT_IMPORT // len(paragraph) + 1))

    article = library.import_article(meta(long_text)).article

    assert library.sentence_blocks(article) is None
    short = library.import_article(meta(paragraph, "/tmp/short.md")).article
    assert library.sentence_blocks(short) == block_sentences(short.text)


def test_a_text_slow_to_split_is_not_split_on_import(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    hostile = "Alarm! " * 600  # one block of 4,200 characters, a sentence at each "!"

    article = library.import_article(meta(hostile)).article

    assert library.sentence_blocks(article) is None


def test_a_split_by_other_rules_is_not_used(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    article = library.import_article(meta()).article
    library.conn.execute("UPDATE sentence_splits SET splitter = 'rules 0, pysbd 0.1'")

    assert library.sentence_blocks(article) is None
    assert library.split_sentences(article) == block_sentences(article.text)
    assert library.sentence_blocks(article) == block_sentences(article.text)  # made again


def test_an_unreadable_split_is_made_again(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib.sqlite")
    article = library.import_article(meta()).article
    library.conn.execute("UPDATE sentence_splits SET blocks = '[[1]]'")

    assert library.sentence_blocks(article) is None
    assert library.split_sentences(article) == block_sentences(article.text)


def test_a_library_of_schema_7_gains_the_table_and_splits_on_first_use(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, path, target=7)
    text = "Bridge\n\nThe bridge cost 40 million dollars, officials said. Residents cheered."
    conn.execute(
        "INSERT INTO articles (id, source_key, title, author, publication, url, published, "
        "source_format, source_path, markdown, text, sha256, version, imported_at) "
        "VALUES (1, 'file:/tmp/b.md', 'Bridge', '', '', '', '', 'markdown', '', ?, ?, 'h7', "
        "1, '')",
        (text, text),
    )
    conn.close()

    library = Library.open(path)

    assert schema_version(library.conn) == LATEST_VERSION
    article = library.article(1)
    assert library.sentence_blocks(article) is None
    assert library.split_sentences(article) == block_sentences(article.text)
    assert library.sentence_blocks(article) == block_sentences(article.text)
    assert list(tmp_path.glob("old.v7-*.backup.sqlite"))


def test_a_read_only_library_splits_without_keeping(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite"
    writer = Library.open(path)
    article = writer.import_article(meta()).article
    writer.conn.execute("DELETE FROM sentence_splits")
    writer.close()
    reader = Library.open(path, read_only=True)

    assert reader.split_sentences(article) == block_sentences(article.text)
    assert reader.sentence_blocks(article) is None
