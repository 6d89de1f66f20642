"""`newsterm show` prints what the reader shows: the same lines for the same real articles
(maths, a podcast, spanning and wide tables, 80+ links, a layout table, RTL and CJK)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ui_helpers import Setup, settle, started

from corpus_articles import ALL, save
from newsterm.config import load_config
from newsterm.reading import build_page
from newsterm.store import Store
from newsterm.text.render.plain import render_page


@pytest.mark.parametrize("size", [(120, 40)])
async def test_show_prints_exactly_the_lines_the_reader_draws(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    path = tmp_path / "feeds.toml"
    path.write_text("[settings]\nrefresh_on_start = false\nrefresh_minutes = 0\n")
    config = load_config(path)
    store = Store.open(tmp_path / "cache.db")
    ids = [save(store, which) for which in ALL]
    setup = Setup(config, path, store, tmp_path / "cache.db")
    async with started(setup.app(), size=size) as (pilot, screen):
        for article_id in ids:
            row = next(r for r in store.iter_article_rows() if r.id == article_id)
            screen.open_article(row)
            await settle(pilot)
            width = screen.reader.scrollable_content_region.width
            drawn = "\n".join(line.plain.rstrip() for line in screen.reader.lines)
            article = store.article(article_id)
            assert article is not None
            printed = render_page(build_page(article, config), width)
            assert printed == drawn.strip("\n") + "\n", article.title
    store.close()
