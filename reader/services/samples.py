"""The sample articles and their demo flags, put into a new library on first start."""

from __future__ import annotations

from reader.core.shipped import SAMPLE_ARTICLES
from reader.services.article_files import import_article_file, import_flag_file
from reader.storage.library import Library

FLAGS_SUFFIX = ".flags.json"


def ensure_samples(library: Library) -> None:
    """Fill an empty library with every sample article and its demo flag file."""
    if not library.is_empty():
        return
    for path in sorted(SAMPLE_ARTICLES.glob("*.md")):
        import_article_file(library, path)
        flags = path.with_name(path.stem + FLAGS_SUFFIX)
        if flags.exists():
            import_flag_file(library, flags)
