"""The article list is virtual: 100,000 cached articles open, scroll and find unread like 100.

What the list does runs in the default suite; how fast it does it runs with -m benchmark.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
import ui_sample as sample
from ui_helpers import QUIET, settle, started

from newsterm.config import parse_config
from newsterm.store import Store
from newsterm.ui.app import NewstermApp
from newsterm.ui.widgets.article_list import MAX_PAGES, PAGE_SIZE, ArticleList

BULK = "https://bulk.example/feed"
LARGE = 100_000
# The module's tests share the built cache: one worker runs them all (--dist loadgroup).
pytestmark = pytest.mark.xdist_group("large_cache")


@pytest.fixture(scope="module")
def large_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache of 100,000 unread articles in one feed, built once; tests use copies."""
    path = tmp_path_factory.mktemp("large") / "cache.db"
    with Store.open(path) as store:
        sample.many(store, BULK, LARGE)
    return path


def _app(tmp_path: Path, count: int, cache: Path | None = None) -> tuple[NewstermApp, Store]:
    path = tmp_path / "feeds.toml"
    path.write_text(f'[settings]\nrefresh_on_start = false\n\n[[feed]]\nurl = "{BULK}"\n')
    config = parse_config(path.read_text(), path)
    db = tmp_path / f"cache-{count}.db"
    if cache is not None:
        shutil.copy(cache, db)
    store = Store.open(db)
    store.sync_feeds(config.feeds)
    if cache is None:
        sample.many(store, BULK, count)
    app = NewstermApp(config, path, store, open_url=print, timing=QUIET)  # type: ignore[arg-type]
    return app, store


async def _open_and_scroll(tmp_path: Path, count: int, cache: Path | None = None) -> float:
    """Open ``count`` articles, check the list is virtual and scrolls; seconds to open it."""
    app, store = _app(tmp_path, count, cache)
    try:
        started_at = time.perf_counter()
        async with started(app) as (pilot, screen):
            opened = time.perf_counter() - started_at
            articles = screen.article_list
            assert isinstance(articles, ArticleList)
            assert articles.count == count
            assert articles.virtual_size.height == count
            assert not articles.children  # rows are drawn, never mounted
            assert articles.render_line(0).text.startswith("● 2024-03-01 Bulk")
            await pilot.press("G")
            await settle(pilot)
            last = articles.highlighted_row
            assert last is not None and last.title == f"Bulk article {count - 1}"
            y = articles.cursor - articles.scroll_offset.y
            assert f"Bulk article {count - 1}" in articles.render_line(y).text
            for _ in range(3):
                await pilot.press("pageup")
            await pilot.press("g")
            await settle(pilot)
            assert "Bulk article 0 " in articles.render_line(0).text
            assert articles.cached_rows <= MAX_PAGES * PAGE_SIZE
        return opened
    finally:
        store.close()


async def _walk_unread(tmp_path: Path, large_cache: Path) -> list[float]:
    """n, n, escape, g, p over two unread articles far apart; seconds each key took."""
    app, store = _app(tmp_path, LARGE, large_cache)
    try:
        store.mark_all_read([BULK])
        rows = [store.article_rows(offset=i, limit=1)[0] for i in (50_000, LARGE - 1)]
        store.set_read([r.id for r in rows], False)
        async with started(app) as (pilot, screen):
            took = []
            steps = (("n", 50_000), ("n", LARGE - 1), ("escape", LARGE - 1), ("g", 0), ("p", None))
            for key, index in steps:
                started_at = time.perf_counter()
                await pilot.press(key)
                await settle(pilot)
                took.append(time.perf_counter() - started_at)
                if index is not None:
                    assert screen.article_list.cursor == index
            page = screen.reader.page
            assert page is not None and page.article.id == rows[1].id
            assert screen.article_list.cursor == 0  # p found nothing above: both are read now
        return took
    finally:
        store.close()


async def test_a_hundred_thousand_articles_open_and_scroll(
    tmp_path: Path, large_cache: Path
) -> None:
    await _open_and_scroll(tmp_path, LARGE, large_cache)


@pytest.mark.benchmark
async def test_a_hundred_thousand_articles_open_as_fast_as_a_hundred(
    tmp_path: Path, large_cache: Path
) -> None:
    small = await _open_and_scroll(tmp_path, 100)
    large = await _open_and_scroll(tmp_path, LARGE, large_cache)
    # Mounting a widget per row would take minutes here; a virtual list costs the same.
    assert large < max(1.5, small * 3), (small, large)


async def test_n_and_p_cross_a_hundred_thousand_articles(tmp_path: Path, large_cache: Path) -> None:
    await _walk_unread(tmp_path, large_cache)


@pytest.mark.benchmark
async def test_n_and_p_cross_a_hundred_thousand_articles_at_once(
    tmp_path: Path, large_cache: Path
) -> None:
    took = await _walk_unread(tmp_path, large_cache)
    # Paging through the list in Python took seconds to reach the bottom.
    assert max(took) < 1.0, took
