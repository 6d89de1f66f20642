"""The feeds pane: drawn row by row (Line API), moved by keys and the mouse, with live counts.

A long feed list must cost nothing to keep up to date: new counts redraw only the rows whose
entry changed, and the rows are drawn, never mounted.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import ui_sample as sample
from textual.geometry import Offset
from ui_helpers import QUIET, StartApp, settle, started

import newsterm.ui.widgets.feed_list as feed_list_module
from newsterm.config import load_config
from newsterm.store import Store
from newsterm.ui.app import NewstermApp
from newsterm.ui.view import Entry


def _label(entries: list[Entry], index: int | None) -> str:
    return entries[index].view.label if index is not None else ""


async def test_keys_move_the_cursor_round_the_ends_and_by_pages(start_app: StartApp) -> None:
    async with start_app() as (pilot, screen):
        feeds = screen.feed_list
        assert len(feeds.entries) == 10  # All, 2 tags with a feed each, 2 feeds, 3 views
        await pilot.press("shift+tab")
        await pilot.pause()
        assert feeds.has_focus and feeds.highlighted == 0
        steps = [
            ("j", "news"),
            ("down", "Example News"),
            ("k", "news"),
            ("up", "All articles"),
            ("k", "Today"),  # round from the top to the bottom, as before
            ("j", "All articles"),
            ("G", "Today"),
            ("g", "All articles"),
            ("end", "Today"),
            ("home", "All articles"),
            ("pagedown", "Today"),  # ten rows fit: a page goes to the end
            ("pageup", "All articles"),
        ]
        for key, label in steps:
            await pilot.press(key)
            assert _label(feeds.entries, feeds.highlighted) == label, key
        await pilot.press("j", "j")
        await settle(pilot)
        assert screen.article_list.view is not None
        assert screen.article_list.view.label == "Example News"
        assert screen.article_list.count == 6
        await pilot.press("enter")
        await pilot.pause()
        assert screen.panes.current() == "articles"


async def test_a_click_picks_a_row_and_shows_its_articles(start_app: StartApp) -> None:
    async with start_app() as (pilot, screen):
        feeds = screen.feed_list
        await pilot.click("#feeds", offset=(5, 5))  # inside the border: row 4, Tech Daily
        await settle(pilot)
        assert _label(feeds.entries, feeds.highlighted) == "Tech Daily"
        assert screen.article_list.view is not None
        assert screen.article_list.view.label == "Tech Daily"
        assert screen.article_list.count == 5
        assert screen.panes.current() == "articles"  # a click chooses, as enter does
        await pilot.click("#feeds", offset=(5, 30))  # below the last row: nothing
        await settle(pilot)
        assert _label(feeds.entries, feeds.highlighted) == "Tech Daily"


async def test_rows_show_counts_groups_errors_and_hostile_titles_as_text(
    start_app: StartApp,
) -> None:
    async with start_app() as (_, screen):
        feeds = screen.feed_list
        assert not feeds.children  # drawn, not mounted
        lines = [feeds.render_line(y).text.rstrip() for y in range(len(feeds.entries) + 1)]
        assert lines[0] == "   14 All articles"
        assert lines[1] == "    6 ▾ news"
        assert lines[2] == "    6   Example News"
        assert lines[5] == "    2 ! Broken Feed"
        assert lines[6] == "    1 Hostile [b]Feed[/b]"  # the title's markup is shown, not run
        assert lines[8] == "      Starred"
        assert lines[-1] == ""  # past the last row: blank
        bold = feeds.render_line(1)._segments
        assert any(s.style is not None and s.style.bold for s in bold)  # a group


async def test_hovering_a_row_marks_it_and_leaving_clears_it(start_app: StartApp) -> None:
    async with start_app() as (pilot, screen):
        feeds = screen.feed_list
        plain = feeds.render_line(3)
        await pilot.hover("#feeds", offset=Offset(5, 4))  # row 3, tech
        await pilot.pause()
        hovered = feeds.render_line(3)
        assert hovered.text == plain.text and hovered != plain
        await pilot.hover("#articles")
        await pilot.pause()
        assert feeds.render_line(3) == plain


@pytest.fixture
def long_list(tmp_path: Path) -> tuple[Path, Store]:
    """feeds.toml with 600 feeds, 20 of them with two articles each, and their cache."""
    urls = [f"https://f{i}.example/feed" for i in range(600)]
    body = "[settings]\nrefresh_on_start = false\n\n"
    body += "".join(f'[[feed]]\nurl = "{u}"\n\n' for u in urls)
    path = tmp_path / "feeds.toml"
    path.write_text(body)
    store = Store.open(tmp_path / "cache.db")
    store.sync_feeds(load_config(path).feeds)
    for url in urls[:20]:
        sample.fill(store, (sample.SampleFeed(url, f"Feed {url[8:11]}", (), 2),))
    return path, store


async def test_new_counts_for_a_long_list_redraw_only_the_rows_that_changed(
    long_list: tuple[Path, Store], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, store = long_list
    app = NewstermApp(load_config(path), path, store, open_url=print, timing=QUIET)
    drawn: list[str] = []
    prompt = feed_list_module._prompt

    def counting(entry: Entry) -> object:
        drawn.append(entry.view.label)
        return prompt(entry)

    try:
        async with started(app) as (pilot, screen):
            feeds = screen.feed_list
            assert len(feeds.entries) == 1 + 600 + 3
            assert feeds.virtual_size.height == len(feeds.entries)
            assert feeds.entries[0].unread == 40
            feeds.focus()
            await pilot.press("j", "j", "j")
            await settle(pilot)
            on = feeds.highlighted_entry
            assert on is not None and on.unread == 2
            monkeypatch.setattr(feed_list_module, "_prompt", counting)
            store.mark_all_read(on.view.feed_urls)
            screen.load_feeds()  # as after reading: counts come back from a worker
            await settle(pilot)
            assert feeds.entries[0].unread == 38
            assert feeds.highlighted_entry == replace(on, unread=0)  # the cursor stayed
            assert sorted(drawn) == ["All articles", on.view.label]  # and nothing else
            assert feeds.render_line(3).text.rstrip() == f"      {on.view.label}"
            drawn.clear()
            await pilot.press("G")  # the bottom, 600 rows down: only the rows now shown
            await pilot.pause()
            assert _label(feeds.entries, feeds.highlighted) == "Today"
            height = feeds.scrollable_content_region.height
            assert 0 < len(drawn) <= height + 1
            assert feeds.render_line(height - 1).text.strip() == "Today"
    finally:
        store.close()


async def test_the_same_view_counts_again_rebuild_nothing(
    start_app: StartApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The views are counted every few seconds; counts that did not change must not rebuild
    every feed's entry on the event loop (10-15 ms at 2,000 feeds)."""
    async with start_app() as (pilot, screen):
        await settle(pilot)
        feeds = screen.feed_list
        counts = {"Fresh": 3}
        feeds.set_view_counts(counts)
        built: list[int] = []
        real = feed_list_module.build_entries
        monkeypatch.setattr(
            feed_list_module, "build_entries", lambda *a: built.append(1) or real(*a)
        )
        feeds.set_view_counts(dict(counts))
        assert built == []
        feeds.set_view_counts({"Fresh": 4})
        assert built == [1]
