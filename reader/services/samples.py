"""The sample articles and their demo flags, put into a new library on first start."""

from __future__ import annotations

from reader.core.shipped import SAMPLE_ARTICLES
from reader.services.article_files import import_article_file, import_flag_file
from reader.storage.library import Library
from reader.storage.settings import set_setting

FLAGS_SUFFIX = ".flags.json"
SEED_SAMPLE = "el-salvador-prisons.md"  # the main demo article: a new library opens on it
SEED_SETTING = "seed_article"  # its id in the library


def ensure_samples(library: Library) -> None:
    """Fill an empty library with every sample article and its demo flag file, and
    note which of them is the seed article (see ``seed_article``)."""
    if not library.is_empty():
        return
    for path in sorted(SAMPLE_ARTICLES.glob("*.md")):
        article = import_article_file(library, path).article
        flags = path.with_name(path.stem + FLAGS_SUFFIX)
        if flags.exists():
            import_flag_file(library, flags)
        if path.name == SEED_SAMPLE:
            with library.transaction() as conn:
                set_setting(conn, SEED_SETTING, str(article.id))


def seed_article(library: Library) -> int | None:
    """The id of the seed article the library was made with; None if it was not."""
    value = library.setting(SEED_SETTING)
    return int(value) if value is not None and value.isdigit() else None
