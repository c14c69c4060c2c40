"""Use cases of comparing, for the command line and the app: two articles of the library
side by side, and two versions of one article with what became of its flags."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from reader.anchoring.canonical import body_start
from reader.anchoring.tokens import Blocks, block_sentences
from reader.compare.features import (
    TextFeatures,
    features_maker,
    from_json,
    make_features,
    match_features,
    only_in_features,
    to_json,
)
from reader.compare.figures import OnlyIn
from reader.compare.matching import SentenceMatch
from reader.compare.versions import VersionDiff, diff_versions
from reader.core.models import Annotation, Article, ReaderError, Status
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
    features_a: TextFeatures
    features_b: TextFeatures
    # each article's split into sentences (as ``block_sentences`` makes it) when its
    # features were made here, None when they were kept (``keep_comparison`` keeps both)
    blocks_a: Blocks | None
    blocks_b: Blocks | None


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
    found_a, found_b = kept_features(library, a, b)
    comparison = compare_read(
        a,
        b,
        found_a,
        found_b,
        library.split_sentences(a) if found_a is None else None,
        library.split_sentences(b) if found_b is None else None,
    )
    keep_comparison(library, comparison)
    return comparison


def kept_features(
    library: Library, a: Article, b: Article
) -> tuple[TextFeatures | None, TextFeatures | None]:
    """The two articles' features for comparing as the library keeps them (None: none
    kept, or none it can read), for ``compare_read``."""

    def kept(article: Article) -> TextFeatures | None:
        written = library.compare_features(article, body_start(article), features_maker())
        return None if written is None else from_json(article.text, written)

    return kept(a), kept(b)


def kept_splits(library: Library, a: Article, b: Article) -> tuple[Blocks | None, Blocks | None]:
    """The two articles' splits into sentences as the library keeps them (None: not kept),
    for ``compare_read`` when their features are not kept."""
    return library.sentence_blocks(a), library.sentence_blocks(b)


def compare_read(
    a: Article,
    b: Article,
    features_a: TextFeatures | None = None,
    features_b: TextFeatures | None = None,
    blocks_a: Blocks | None = None,
    blocks_b: Blocks | None = None,
) -> ArticleComparison:
    """Two articles already read compared (without the library: the app may run it in a
    thread of its own); ``features_a`` and ``features_b``: their features, if the
    library keeps them (``kept_features``), else they are made here, from ``blocks_a``
    and ``blocks_b`` if the library keeps their splits (``kept_splits``), else from
    splits made here.  The last few comparisons are kept in memory: the same two texts
    compared again are not matched again."""
    starts = (body_start(a), body_start(b))
    key = (a.text, starts[0], b.text, starts[1])
    with _RECENT_LOCK:
        found = _RECENT.get(key)
        if found is not None:
            _RECENT.move_to_end(key)
    if found is None:
        made_a = made_b = None  # the splits the features are made from here
        if features_a is None:
            made_a = block_sentences(a.text) if blocks_a is None else blocks_a
            features_a = make_features(a.text, starts[0], made_a)
        if features_b is None:
            made_b = block_sentences(b.text) if blocks_b is None else blocks_b
            features_b = make_features(b.text, starts[1], made_b)
        found = (
            match_features(features_a, features_b),
            only_in_features(features_a, a.text, features_b, b.text),
            features_a,
            features_b,
        )
        with _RECENT_LOCK:
            _RECENT[key] = found
            while len(_RECENT) > RECENT_COMPARISONS:
                _RECENT.popitem(last=False)
        return ArticleComparison(a, b, *found, made_a, made_b)
    return ArticleComparison(a, b, *found, None, None)  # all kept already, or in memory


def remembers(a: Article, b: Article) -> bool:
    """Whether the two articles' comparison is among those kept in memory."""
    with _RECENT_LOCK:
        return (a.text, body_start(a), b.text, body_start(b)) in _RECENT


def forget_recent_comparisons() -> None:
    """Empty the comparisons kept in memory (for a benchmark of a first comparison)."""
    with _RECENT_LOCK:
        _RECENT.clear()


_Compared = tuple[SentenceMatch, OnlyIn, TextFeatures, TextFeatures]
_RECENT: OrderedDict[tuple[str, int, str, int], _Compared] = OrderedDict()
_RECENT_LOCK = threading.Lock()  # compare_read runs in the window's matching threads


def keep_comparison(library: Library, comparison: ArticleComparison) -> None:
    """Keep what a comparison made that the library lacked (each such article's split
    into sentences and its features), so that comparing the articles again need neither
    split them nor read their words, figures and sources."""
    for article, features, blocks in (
        (comparison.a, comparison.features_a, comparison.blocks_a),
        (comparison.b, comparison.features_b, comparison.blocks_b),
    ):
        if blocks is not None:
            library.keep_sentence_blocks(article, blocks)
            library.keep_compare_features(
                article, features.start, features_maker(), to_json(features)
            )


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
    # here, not at the top: comparing two articles needs nothing of the classroom's
    from reader.services.assignments import may_see

    found = classroom_store.assignments(library, article_id)
    role = found[0].role if found else None
    released = any(a.key_released for a in found)
    return [
        annotation
        for annotation in library.annotations(article_id)
        if annotation.status in (Status.ACTIVE, Status.ORPHANED)
        and may_see(role, annotation.layer, key_released=released)
    ]
