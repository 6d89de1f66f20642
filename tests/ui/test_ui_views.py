"""Saved views ([[view]] in feeds.toml) in the feeds pane: counts, the list, A, u, H, O, edits."""

from __future__ import annotations

import ui_sample as sample
from textual.widgets import Static
from ui_helpers import Setup, StartApp, settle

from newsterm.config import load_config
from newsterm.ui.screens.main import MainScreen
from newsterm.ui.timing import Timing

COUNT_AT_ONCE = Timing(watch_every=0, count_views_every=0)
NEWS_COUNT = sample.FEEDS[0].count
TECH_COUNT = sample.FEEDS[1].count


def _with_views(setup: Setup, *views: tuple[str, str]) -> str:
    text = sample.feeds_toml()
    for title, query in views:
        text += f'\n[[view]]\ntitle = "{title}"\nquery = "{query}"\n'
    setup.feeds_path.write_text(text, encoding="utf-8")
    setup.config = load_config(setup.feeds_path)
    return text


def _entry_unread(screen: MainScreen, label: str) -> int:
    return next(e.unread for e in screen.feed_list.entries if e.view.label == label)


def _select(screen: MainScreen, label: str) -> None:
    entries = screen.feed_list.entries
    screen.feed_list.highlighted = next(i for i, e in enumerate(entries) if e.view.label == label)


async def test_a_view_lists_counts_marks_and_undoes_like_a_built_in_one(
    setup: Setup, start_app: StartApp
) -> None:
    _with_views(setup, ("Fresh news", "unread tag:news"), ("Not tech", "-tag:tech -feed:broken"))
    async with start_app(timing=COUNT_AT_ONCE) as (pilot, screen):
        labels = [e.view.label for e in screen.feed_list.entries]
        assert labels[-5:] == ["Unread", "Starred", "Today", "Fresh news", "Not tech"]
        assert _entry_unread(screen, "Fresh news") == NEWS_COUNT
        assert _entry_unread(screen, "Not tech") == NEWS_COUNT + 1  # and the hostile feed's
        _select(screen, "Fresh news")
        await settle(pilot)
        assert screen.article_list.count == NEWS_COUNT
        assert "Fresh news · 6" in str(screen.query_one("#list-pane").border_title)
        await pilot.press("tab", "N")  # one read: the view's count follows
        await settle(pilot)
        assert _entry_unread(screen, "Fresh news") == NEWS_COUNT - 1
        await pilot.press("A")
        await settle(pilot)
        assert f"Marked {NEWS_COUNT - 1} articles read in Fresh news" in screen.status.text
        assert _entry_unread(screen, "Fresh news") == 0
        assert screen.article_list.count == 0
        other = setup.reopen()
        try:  # exactly the view's articles: tech is untouched
            assert other.count_articles(feed_urls=[sample.TECH], unread_only=True) == TECH_COUNT
            assert other.count_articles(feed_urls=[sample.NEWS], unread_only=True) == 0
        finally:
            other.close()
        await pilot.press("u")
        await settle(pilot)
        assert _entry_unread(screen, "Fresh news") == NEWS_COUNT - 1
        assert screen.article_list.count == NEWS_COUNT - 1


async def test_hide_read_and_sort_apply_to_a_view(setup: Setup, start_app: StartApp) -> None:
    _with_views(setup, ("Tech", "tag:tech"))
    async with start_app(timing=COUNT_AT_ONCE) as (pilot, screen):
        _select(screen, "Tech")
        await settle(pilot)
        assert screen.article_list.count == TECH_COUNT
        await pilot.press("tab", "N", "H")  # read the newest, then hide read articles
        await settle(pilot)
        assert screen.article_list.count == TECH_COUNT - 1
        await pilot.press("O")  # oldest first
        await settle(pilot)
        first = screen.article_list.highlighted_row
        assert first is not None and first.title == f"Tech story {TECH_COUNT}"


async def test_feeds_toml_edits_change_views_and_a_bad_query_is_one_line(
    setup: Setup, start_app: StartApp
) -> None:
    text = _with_views(setup, ("Picked", "tag:news"))
    async with start_app(timing=COUNT_AT_ONCE) as (pilot, screen):
        _select(screen, "Picked")
        await settle(pilot)
        assert screen.article_list.count == NEWS_COUNT
        setup.feeds_path.write_text(text.replace("tag:news", "tag:tech"), encoding="utf-8")
        screen.watcher.check()
        await settle(pilot)
        assert screen.article_list.count == TECH_COUNT  # the list follows the new query
        assert _entry_unread(screen, "Picked") == TECH_COUNT
        broken = text.replace("tag:news", 'title:\\"unclosed')
        setup.feeds_path.write_text(broken, encoding="utf-8")
        screen.watcher.check()
        await settle(pilot)
        banner = str(screen.query_one("#config-error", Static).render())
        assert "view #1 ('Picked'): query 'title:\"unclosed': a quote is never closed" in banner
        assert screen.article_list.count == TECH_COUNT  # the last good config stays
        setup.feeds_path.write_text(sample.feeds_toml(), encoding="utf-8")
        screen.watcher.check()
        await settle(pilot)
        assert "Picked" not in [e.view.label for e in screen.feed_list.entries]


async def test_view_counts_are_paced_not_run_on_every_read(
    setup: Setup, start_app: StartApp
) -> None:
    _with_views(setup, ("Fresh news", "unread tag:news"))
    async with start_app(timing=Timing(watch_every=0, count_views_every=3600)) as (pilot, screen):
        assert _entry_unread(screen, "Fresh news") == NEWS_COUNT  # the first count: at once
        _select(screen, "Fresh news")
        await settle(pilot)
        await pilot.press("N", "j", "N")  # the list has the focus
        await settle(pilot)
        assert screen.feed_list.entries[0].unread == sum(f.count for f in sample.FEEDS) - 2
        assert _entry_unread(screen, "Fresh news") == NEWS_COUNT  # the next waits its turn
