"""Use cases of comparing, for the command line and the app: two articles of the library
side by side, and two versions of one article with what became of its flags."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from reader.anchoring.canonical import body_start
from reader.anchoring.tokens import Blocks, block_sentences
from reader.compare.figures import OnlyIn, only_in
from reader.compare.matching import SentenceMatch, match_sentences
from reader.compare.versions import VersionDiff, diff_versions
from reader.core.models import Annotation, Article, ReaderError, Status
from reader.services.classroom import may_see
from reader.storage import classroom as classroom_store
from reader.storage.library import Library

# Comparisons kept in memory: compare mode left and opened again on the same pair shows
# its matches at once.
RECENT_COMPARISONS = 4


@dataclass(frozen=True)
class ArticleComparison:
    """Two articles' bodies compared (their titles and bylines left out)."""

    a: Article
    b: Article
    sentences: SentenceMatch
    only: OnlyIn
    blocks_a: Blocks  # each article's split into sentences, as ``block_sentences`` makes it
    blocks_b: Blocks


@dataclass(frozen=True)
class VersionComparison:
    article: Article
    old_version: int
    new_version: int
    old_text: str
    new_text: str
    diff: VersionDiff


def compare_articles(library: Library, id_a: int, id_b: int) -> ArticleComparison:
    a, b = library.article(id_a), library.article(id_b)
    return compare_read(a, b, library.split_sentences(a), library.split_sentences(b))


def kept_splits(library: Library, a: Article, b: Article) -> tuple[Blocks | None, Blocks | None]:
    """The two articles' splits into sentences as the library keeps them (None: not kept),
    for ``compare_read``."""
    return library.sentence_blocks(a), library.sentence_blocks(b)


def compare_read(
    a: Article, b: Article, blocks_a: Blocks | None = None, blocks_b: Blocks | None = None
) -> ArticleComparison:
    """Two articles already read compared (without the library: the app runs it in a
    thread of its own); ``blocks_a`` and ``blocks_b``: their splits, if the library keeps
    them (see ``kept_splits``), else they are split here.  The last few comparisons are
    kept in memory: the same two texts compared again are not matched again."""
    starts = (body_start(a), body_start(b))
    key = (a.text, starts[0], b.text, starts[1])
    with _RECENT_LOCK:
        found = _RECENT.get(key)
        if found is not None:
            _RECENT.move_to_end(key)
    if found is None:
        found = _compared(a.text, b.text, starts, blocks_a, blocks_b)
        with _RECENT_LOCK:
            _RECENT[key] = found
            while len(_RECENT) > RECENT_COMPARISONS:
                _RECENT.popitem(last=False)
    return ArticleComparison(a, b, *found)


def forget_recent_comparisons() -> None:
    """Empty the comparisons kept in memory (for a benchmark of a first comparison)."""
    with _RECENT_LOCK:
        _RECENT.clear()


_Compared = tuple[SentenceMatch, OnlyIn, Blocks, Blocks]
_RECENT: OrderedDict[tuple[str, int, str, int], _Compared] = OrderedDict()
_RECENT_LOCK = threading.Lock()  # compare_read runs in the window's matching threads


def _compared(
    text_a: str,
    text_b: str,
    starts: tuple[int, int],
    blocks_a: Blocks | None,
    blocks_b: Blocks | None,
) -> _Compared:
    blocks_a = block_sentences(text_a) if blocks_a is None else blocks_a
    blocks_b = block_sentences(text_b) if blocks_b is None else blocks_b
    bodies = {"start_a": starts[0], "start_b": starts[1]}
    matched = match_sentences(text_a, text_b, **bodies, blocks_a=blocks_a, blocks_b=blocks_b)
    return matched, only_in(text_a, text_b, **bodies), blocks_a, blocks_b


def keep_splits(library: Library, comparison: ArticleComparison) -> None:
    """Keep the splits a comparison made (those the library lacked), so that comparing
    these articles again need not split them."""
    for article, blocks in (
        (comparison.a, comparison.blocks_a),
        (comparison.b, comparison.blocks_b),
    ):
        library.keep_sentence_blocks(article, blocks)


def compare_versions(
    library: Library, article_id: int, old: int | None = None, new: int | None = None
) -> VersionComparison:
    """Versions ``old`` (by default the one before ``new``) and ``new`` (by default the
    latest) of the article, with the reader's flags that this library may see."""
    article = library.article(article_id)
    if article.version == 1:
        raise ReaderError(f"article {article_id} has one version only: nothing to compare")
    new = article.version if new is None else new
    old = max(new - 1, 1) if old is None else old
    for version in (new, old):  # as the user named them: the default old follows new
        if not 1 <= version <= article.version:
            raise ReaderError(
                f"article {article_id} has versions 1 to {article.version}, not {version}"
            )
    if old == new:
        raise ReaderError(f"both versions are {old}: choose two different ones")
    old_text = library.version_text(article_id, old)
    new_text = library.version_text(article_id, new)
    diff = diff_versions(old_text, new_text, _flags(library, article_id))
    return VersionComparison(article, old, new, old_text, new_text, diff)


def _flags(library: Library, article_id: int) -> list[Annotation]:
    """The reader's flags (not the app's suggestions) in the layers they may see."""
    found = classroom_store.assignments(library, article_id)
    role = found[0].role if found else None
    released = any(a.key_released for a in found)
    return [
        annotation
        for annotation in library.annotations(article_id)
        if annotation.status in (Status.ACTIVE, Status.ORPHANED)
        and may_see(role, annotation.layer, key_released=released)
    ]
