"""Shared test set-up: Qt runs offscreen, Qt tests are marked gui, articles built from Markdown."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

# Before anything imports Qt: no test needs (or may use) a real display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"  # also over an empty or desktop setting

from reader.anchoring.canonical import article_text, text_sha256  # noqa: E402
from reader.anchoring.selectors import make_anchor  # noqa: E402
from reader.core.models import Annotation, Article, Kind, SourceFormat  # noqa: E402
from reader.importers.articles import read_article_file

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "sample_articles"
GUI_TESTS = Path(__file__).resolve().parent / "gui"

ArticleFactory = Callable[..., Article]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests under tests/gui/ use Qt: marked ``gui``, so ``-m "not gui"`` runs the rest.

    A test elsewhere that needs Qt is marked by hand (``@pytest.mark.gui``) and imports
    Qt inside the test: `.ci/run` runs the others once with PySide6 not importable.
    """
    for item in items:
        if item.path.resolve().is_relative_to(GUI_TESTS):
            item.add_marker(pytest.mark.gui)


def build_article(
    markdown: str,
    title: str = "A test article",
    author: str = "Ana Núñez",
    publication: str = "The Daily Test",
    published: str = "2025-02-05",
    article_id: int = 1,
    url: str = "https://example.org/article",
    imported_at: str = "2025-02-06T10:00:00Z",
) -> Article:
    """An Article (not stored) from Markdown, with its canonical text and hash."""
    article = Article(
        id=article_id,
        title=title,
        author=author,
        publication=publication,
        url=url,
        published=published,
        source_format=SourceFormat.MARKDOWN,
        source_path="",
        markdown=markdown,
        text="",
        sha256="",
        version=1,
        imported_at=imported_at,
    )
    article.text = article_text(article, markdown)
    article.sha256 = text_sha256(article.text)
    return article


def flag_quote(article: Article, quote: str, kind: Kind, **fields: Any) -> Annotation:
    """A flag (not stored) on the first occurrence of ``quote``, with its context."""
    start = article.text.index(quote)
    anchor = make_anchor(article.text, start, start + len(quote))
    return Annotation(article_id=article.id, kind=kind, anchor=anchor, **fields)


@pytest.fixture
def make_article() -> ArticleFactory:
    """Build an Article (not stored) from Markdown, with its canonical text."""
    return build_article


def sample_article(path: Path) -> Article:
    """A sample article as the importer reads it (front matter gives the title)."""
    meta = read_article_file(path)
    return build_article(meta.markdown, title=meta.title)


@pytest.fixture
def load_sample() -> Callable[[Path], Article]:
    """Read a file of sample_articles/ as an Article."""
    return sample_article
