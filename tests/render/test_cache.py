"""The folder of rendered articles: hits, misses, damaged entries and its size limit."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core.models import Article
from reader.core.palette import Theme
from reader.render import cache as cache_module
from reader.render.cache import RenderCache, RenderedPage

ArticleFactory = Callable[..., Article]
PAGE = RenderedPage("<p>Text 😀</p>", [(0, 7, 6, (5,)), (8, 20, 3, ())], True)


def test_a_stored_page_comes_back_the_same(tmp_path: Path, make_article: ArticleFactory) -> None:
    cache = RenderCache(tmp_path / "cache")
    key = cache.key(make_article("Text 😀"), Theme.LIGHT)
    assert cache.get(key) is None
    cache.put(key, PAGE)
    assert RenderCache(tmp_path / "cache").get(key) == PAGE


def test_the_key_follows_markdown_header_and_theme(make_article: ArticleFactory) -> None:
    cache = RenderCache(Path("unused"))
    base = cache.key(make_article("Text."), Theme.LIGHT)
    assert cache.key(make_article("Text."), Theme.LIGHT) == base
    assert cache.key(make_article("Text!"), Theme.LIGHT) != base
    assert cache.key(make_article("Text."), Theme.DARK) != base
    assert cache.key(make_article("Text.", title="Other"), Theme.LIGHT) != base
    assert cache.key(make_article("Text.", author="Someone"), Theme.LIGHT) != base


def test_a_changed_renderer_source_misses(tmp_path: Path, make_article: ArticleFactory) -> None:
    source = tmp_path / "renderer.py"
    source.write_text("version one")
    before = RenderCache(tmp_path, [source]).key(make_article("Text."), Theme.LIGHT)
    source.write_text("version two, longer")
    assert RenderCache(tmp_path, [source]).key(make_article("Text."), Theme.LIGHT) != before


@pytest.mark.parametrize(
    "content",
    [
        "not json",
        "[1, 2]",
        '{"html": "<p>x</p>", "segments": [[0, 0, -1, []]], "exact": true}',
        '{"html": "<p>x</p>", "segments": [[0, 0, "3", []]], "exact": true}',
        '{"html": "<p>x</p>", "segments": [[0, 0]], "exact": true}',
        '{"html": 3, "segments": [], "exact": true}',
        '{"segments": [], "exact": true}',
    ],
)
def test_a_damaged_entry_counts_as_missing(tmp_path: Path, content: str) -> None:
    (tmp_path / "abc.json").write_text(content)
    assert RenderCache(tmp_path).get("abc") is None


def test_an_unwritable_folder_only_means_no_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    cache = RenderCache(blocker / "cache")
    cache.put("abc", PAGE)
    assert cache.get("abc") is None
    assert not list(tmp_path.glob("**/*.tmp"))


def test_the_folder_keeps_the_most_recent_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "MAX_ENTRIES", 3)
    cache = RenderCache(tmp_path)
    for number in range(5):
        cache.put(f"key{number}", PAGE)
        path = tmp_path / f"key{number}.json"
        stamp = 1_000_000 + number
        os.utime(path, (stamp, stamp))
    cache.put("key5", PAGE)
    assert sorted(path.stem for path in tmp_path.glob("*.json")) == ["key3", "key4", "key5"]


def test_the_last_article_comes_back_for_its_id_only(
    tmp_path: Path, make_article: ArticleFactory
) -> None:
    article = make_article("Text 😀 with *emphasis*.", title="Kept")
    cache_module.save_last_article(tmp_path / "cache", article)
    assert cache_module.load_last_article(tmp_path / "cache", article.id) == article
    assert cache_module.load_last_article(tmp_path / "cache", article.id + 1) is None
    assert cache_module.load_last_article(tmp_path / "missing", article.id) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text[: len(text) // 2],
        lambda text: "[]",
        lambda text: text.replace('"version":1', '"version":"1"'),
        lambda text: text.replace('"source_format":"markdown"', '"source_format":"pdf"'),
        lambda text: text.replace('"title":', '"heading":'),
    ],
)
def test_a_damaged_last_article_counts_as_missing(
    tmp_path: Path, make_article: ArticleFactory, damage: Callable[[str], str]
) -> None:
    article = make_article("Text.")
    cache_module.save_last_article(tmp_path, article)
    path = tmp_path / cache_module.LAST_ARTICLE_FILE
    damaged = damage(path.read_text(encoding="utf-8"))
    assert damaged != path.read_text(encoding="utf-8")
    path.write_text(damaged, encoding="utf-8")
    assert cache_module.load_last_article(tmp_path, article.id) is None


def test_pruning_pages_keeps_the_last_article(
    tmp_path: Path, make_article: ArticleFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "MAX_ENTRIES", 2)
    article = make_article("Text.")
    cache_module.save_last_article(tmp_path, article)
    os.utime(tmp_path / cache_module.LAST_ARTICLE_FILE, (1, 1))  # the oldest file
    cache = RenderCache(tmp_path)
    for number in range(4):
        cache.put(f"page{number}", PAGE)
    assert len([p for p in tmp_path.glob("page*.json")]) == 2
    assert cache_module.load_last_article(tmp_path, article.id) == article
