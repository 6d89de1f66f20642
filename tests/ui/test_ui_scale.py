"""The article list is virtual: 100,000 cached articles open and scroll like 100."""

from __future__ import annotations

import time
from pathlib import Path

import ui_sample as sample
from ui_helpers import main_screen, settle

from newsterm.config import parse_config
from newsterm.store import Store
from newsterm.ui.app import NewstermApp
from newsterm.ui.widgets.article_list import MAX_PAGES, PAGE_SIZE, ArticleList

BULK = "https://bulk.example/feed"


def _app(tmp_path: Path, count: int) -> tuple[NewstermApp, Store]:
    path = tmp_path / "feeds.toml"
    path.write_text(f'[settings]\nrefresh_on_start = false\n\n[[feed]]\nurl = "{BULK}"\n')
    config = parse_config(path.read_text(), path)
    store = Store.open(tmp_path / f"cache-{count}.db")
    store.sync_feeds(config.feeds)
    sample.many(store, BULK, count)
    return NewstermApp(config, path, store, open_url=print, watch_interval=0), store


async def _open_and_scroll(tmp_path: Path, count: int) -> float:
    app, store = _app(tmp_path, count)
    try:
        started = time.perf_counter()
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            opened = time.perf_counter() - started
            articles = main_screen(pilot).article_list
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


async def test_a_hundred_thousand_articles_open_as_fast_as_a_hundred(tmp_path: Path) -> None:
    small = await _open_and_scroll(tmp_path, 100)
    large = await _open_and_scroll(tmp_path, 100_000)
    # Mounting a widget per row would take minutes here; a virtual list costs the same.
    assert large < max(1.5, small * 3), (small, large)
