"""Shared test set-up: Qt runs offscreen, and articles can be built from Markdown."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

# Before anything imports Qt: no test needs (or may use) a real display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from reader.anchoring.canonical import canonical_text, text_sha256  # noqa: E402
from reader.core.models import Article, SourceFormat  # noqa: E402
from reader.importers.articles import read_article_file

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "sample_articles"

ArticleFactory = Callable[..., Article]


def build_article(
    markdown: str,
    title: str = "A test article",
    author: str = "Ana Núñez",
    publication: str = "The Daily Test",
    published: str = "2025-02-05",
    article_id: int = 1,
) -> Article:
    text = canonical_text(markdown)
    return Article(
        id=article_id,
        title=title,
        author=author,
        publication=publication,
        url="https://example.org/article",
        published=published,
        source_format=SourceFormat.MARKDOWN,
        source_path="",
        markdown=markdown,
        text=text,
        sha256=text_sha256(text),
        version=1,
        imported_at="2025-02-06T10:00:00Z",
    )


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
