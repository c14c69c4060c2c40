"""A new library's sample articles, and the seed article it opens on."""

from __future__ import annotations

from pathlib import Path

from reader.services.samples import ensure_samples, seed_article
from reader.storage.library import Library


def test_a_library_made_with_the_samples_knows_its_seed_article(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "library.sqlite")
    try:
        assert seed_article(library) is None  # an empty library was made with none
        ensure_samples(library)
        seed = seed_article(library)
        assert seed is not None
        assert library.article(seed).title.startswith("El Salvador Wants America")
        newest = library.articles()[0].id
        assert seed != newest  # which a new library showed before
    finally:
        library.close()


def test_a_library_with_articles_gets_no_samples_again(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "library.sqlite")
    try:
        ensure_samples(library)
        count = len(library.articles())
        ensure_samples(library)
        assert len(library.articles()) == count
    finally:
        library.close()
