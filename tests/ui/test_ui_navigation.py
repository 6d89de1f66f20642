"""Moving around: start-up focus, panes, views, opening, read state, filter, help, quitting."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import ui_sample as sample
from textual.command import CommandList
from textual.widgets import Input, Static
from ui_helpers import Setup, StartApp, notes_into, settle, wait_until

from newsterm.ui.screens.help import HelpScreen
from newsterm.ui.widgets.article_list import ArticleList
from newsterm.ui.widgets.reader import ReaderView

ALL = sum(f.count for f in sample.FEEDS)


async def test_opens_on_all_articles_with_the_newest_highlighted(start_app: StartApp) -> None:
    async with start_app() as (_, screen):
        assert isinstance(screen.focused, ArticleList)
        articles = screen.article_list
        assert articles.view is not None and articles.view.is_all
        assert articles.count == ALL
        assert articles.cursor == 0
        row = articles.highlighted_row
        assert row is not None and row.title == "Example story 1"  # the newest (T0)
        labels = [e.view.label for e in screen.feed_list.entries]
        assert labels == [
            "All articles",
            "news",
            "Example News",
            "tech",
            "Tech Daily",
            "Broken Feed",
            "Hostile [b]Feed[/b]",
            "Unread",
            "Starred",
            "Today",
        ]
        assert [e.unread for e in screen.feed_list.entries][:3] == [ALL, 6, 6]
        assert screen.status.text == f"{ALL} unread · 4 feeds · 1 failing"


async def test_enter_reads_the_article_and_marks_it_read_in_the_cache(
    setup: Setup, start_app: StartApp
) -> None:
    async with start_app() as (pilot, screen):
        await pilot.press("j", "enter")
        await settle(pilot)
        row = screen.article_list.highlighted_row
        assert row is not None and row.title == "Example story 2" and row.read
        assert isinstance(screen.focused, ReaderView)
        page = screen.reader.page
        assert page is not None and page.article.id == row.id
        text = [line.plain for line in screen.reader.lines]
        assert text[:2] == ["Example story 2", "Example News · A. Writer · 2024-03-01 08:00"]
        assert screen.feed_list.entries[0].unread == ALL - 1
        other = setup.reopen()
        try:
            article = other.article(row.id)
            assert article is not None and article.read
            assert other.count_articles(unread_only=True) == ALL - 1
        finally:
            other.close()


async def test_the_reader_renders_blocks_links_and_hides_appeals(start_app: StartApp) -> None:
    async with start_app() as (pilot, screen):
        await pilot.press("enter")
        await settle(pilot)
        text = "\n".join(line.plain for line in screen.reader.lines)
        assert "donation appeals hidden · s to show" in text
        assert "Donate today" not in text
        assert "transit plan[1]" in text
        assert "• Buses every ten minutes" in text
        assert "│ It is a good day for riders." in text
        assert "[image: Route map]" in text
        assert "[1] https://news.example/plan" in text
        await pilot.press("s")
        original = "\n".join(line.plain for line in screen.reader.lines)
        assert "▌ Donate today: we rely on readers like you. Please donate." in original
        assert "▌ hidden:" in original
        await pilot.press("space")
        assert screen.reader.scroll_y > 0


async def test_tab_moves_between_panes_and_q_goes_back_then_quits(start_app: StartApp) -> None:
    async with start_app() as (pilot, screen):
        await pilot.press("tab")
        await pilot.pause()
        assert screen.panes.current() == "reader"
        await pilot.press("tab")
        await pilot.pause()
        assert screen.panes.current() == "feeds"
        await pilot.press("shift+tab")
        await pilot.pause()
        assert screen.panes.current() == "reader"
        await pilot.press("q")
        await pilot.pause()
        assert screen.panes.current() == "articles"
        await pilot.press("q")
        await pilot.pause()
    assert pilot.app.return_code == 0


async def test_escape_goes_back_a_level_and_never_quits(start_app: StartApp) -> None:
    async with start_app() as (pilot, screen):
        await pilot.press("escape", "escape")  # the top: All articles in the list
        await settle(pilot)
        assert pilot.app.is_running and screen.panes.current() == "articles"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")  # closes the reader
        assert screen.panes.current() == "articles"
        await pilot.press("slash", *"Tech")
        await settle(pilot)
        assert screen.article_list.count == 5
        field = screen.query_one("#filter", Input)
        await pilot.press("escape")  # clears the filter
        await settle(pilot)
        assert screen.article_list.count == ALL and not field.display
        await pilot.press("shift+tab", "escape", "escape")  # the feeds pane: nowhere to go
        await settle(pilot)
        assert pilot.app.is_running and screen.panes.current() == "feeds"
        await pilot.press("j", "j", "enter")  # Example News
        await settle(pilot)
        await pilot.press("escape")  # a feed's articles: back to the feeds pane
        assert screen.panes.current() == "feeds"
        await pilot.resize_terminal(80, 24)  # one pane at a time: still never out
        await settle(pilot)
        await pilot.press("escape", "escape", "escape")
        await settle(pilot)
        assert pilot.app.is_running and pilot.app.return_code is None
        assert screen.panes.current() == "feeds" and screen.feed_list.region.width > 0
        await pilot.press("q")  # q still quits from the top
        await pilot.pause()
    assert pilot.app.return_code == 0


async def test_a_click_highlights_and_a_second_click_reads(start_app: StartApp) -> None:
    async with start_app() as (pilot, screen):
        articles = screen.article_list
        await pilot.click("#articles", offset=(20, 2))
        await settle(pilot)
        row = articles.highlighted_row
        assert articles.cursor == 2 and row is not None and not row.read
        assert screen.reader.page is None  # one click only highlights
        await pilot.click("#articles", offset=(20, 2))  # again, on the highlighted row
        await settle(pilot)
        page = screen.reader.page
        assert page is not None and page.article.id == row.id
        assert articles.cached_row(row.id) == replace(row, read=True)  # marked read
        await pilot.click("#articles", offset=(20, 4), times=2)  # a double click reads at once
        await settle(pilot)
        assert articles.cursor == 4
        page = screen.reader.page
        assert page is not None and articles.highlighted_row is not None
        assert page.article.id == articles.highlighted_row.id


async def test_narrow_terminal_shows_one_pane_at_a_time(start_app: StartApp) -> None:
    async with start_app(size=(80, 24)) as (pilot, screen):
        panes = {
            "feeds": screen.feed_list,
            "articles": screen.query_one("#list-pane"),
            "reader": screen.reader,
        }

        def shown() -> list[str]:
            return [name for name, w in panes.items() if w.display and w.region.width > 0]

        assert shown() == ["articles"]
        await pilot.press("enter")
        await settle(pilot)
        assert shown() == ["reader"]
        await pilot.press("tab")
        await pilot.pause()
        assert shown() == ["feeds"]
        await pilot.press("tab")
        await pilot.pause()
        assert shown() == ["articles"]


async def test_choosing_a_feed_shows_its_articles_and_its_failure(start_app: StartApp) -> None:
    async with start_app() as (pilot, screen):
        banner = screen.query_one("#feed-error", Static)
        await pilot.press("shift+tab")  # articles -> feeds
        await pilot.pause()
        assert screen.panes.current() == "feeds"
        await pilot.press("j", "j")  # news, Example News
        await settle(pilot)
        assert screen.article_list.count == 6
        assert not banner.display
        await pilot.press("G", "k", "k", "k", "k")  # Broken Feed, above the three views
        await settle(pilot)
        assert screen.article_list.count == 2
        assert banner.display
        assert "HTTP 404 Not Found" in str(banner.render())
        await pilot.press("enter")
        await pilot.pause()
        assert screen.panes.current() == "articles"
        await pilot.press("q")  # back to the feeds pane, not out of the app
        await pilot.pause()
        assert screen.panes.current() == "feeds"
        assert pilot.app.return_code is None


async def test_n_and_p_walk_unread_articles_across_feeds(start_app: StartApp) -> None:
    async with start_app() as (pilot, screen):
        await pilot.press("n")  # the highlighted newest article is unread: read it
        await settle(pilot)
        assert screen.reader.page is not None
        assert screen.reader.page.article.title == "Example story 1"
        await pilot.press("n")
        await settle(pilot)
        assert screen.reader.page.article.title == "Example story 2"
        await pilot.press("p")  # story 1 is read now: nothing unread above
        await settle(pilot)
        assert screen.reader.page.article.title == "Example story 2"
        # In one feed's view, n moves on to the next feed with unread articles.
        await pilot.press("q")  # back to the list
        await pilot.press("shift+tab")  # the feeds pane
        await pilot.press("j", "j")
        await settle(pilot)
        assert screen.article_list.view is not None
        assert screen.article_list.view.label == "Example News"
        await pilot.press("A")  # Example News all read
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert screen.article_list.view is not None
        assert screen.article_list.view.label == "Tech Daily"
        assert screen.reader.page.article.title == "Tech story 1"


async def test_toggle_read_and_mark_all_read_persist(setup: Setup, start_app: StartApp) -> None:
    async with start_app() as (pilot, screen):
        first = screen.article_list.highlighted_row
        assert first is not None
        await pilot.press("N")
        await settle(pilot)
        assert screen.feed_list.entries[0].unread == ALL - 1
        await pilot.press("N")
        await settle(pilot)
        assert screen.feed_list.entries[0].unread == ALL
        await pilot.press("A")
        await settle(pilot)
        assert screen.feed_list.entries[0].unread == 0
        row = screen.article_list.highlighted_row
        assert row is not None and row.read
    other = setup.reopen()
    try:
        assert other.count_articles(unread_only=True) == 0
    finally:
        other.close()


async def test_slash_filters_by_title_and_escape_clears(start_app: StartApp) -> None:
    async with start_app() as (pilot, screen):
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(screen.focused, Input)
        await pilot.press("T", "e", "c", "h", "q")  # q is typed, not a command
        await settle(pilot)
        assert screen.article_list.count == 0
        await pilot.press("backspace")
        await settle(pilot)
        assert screen.article_list.count == 5
        assert "matching “Tech”" in str(screen.query_one("#list-pane").border_title)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(screen.focused, ArticleList)
        await pilot.press("escape")
        await settle(pilot)
        assert screen.article_list.count == ALL
        assert pilot.app.return_code is None


async def test_g_and_G_jump_to_the_ends(start_app: StartApp) -> None:
    async with start_app() as (pilot, screen):
        await pilot.press("G")
        await settle(pilot)
        assert screen.article_list.cursor == ALL - 1
        row = screen.article_list.highlighted_row
        assert row is not None and row.title == sample.HOSTILE_TITLE
        await pilot.press("g")
        assert screen.article_list.cursor == 0


async def test_help_lists_every_key_and_ctrl_q_quits(start_app: StartApp) -> None:
    async with start_app() as (pilot, _):
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        text = str(pilot.app.screen.query_one("#help-text", Static).render())
        for needle in (
            "Open the next unread article",
            "Mark the article read or unread",
            "Mark read exactly what the list shows",
            "Refresh all feeds",
            "1…9",
            "Edit feeds.toml",
            "Filter the article list",
            "Quit newsterm",
            "Page down",
            "Previous pane",
            "Command palette: find any action by name",
            "^p",
        ):
            assert needle in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("ctrl+q")  # from the reader, straight out
    assert pilot.app.return_code == 0


async def test_command_palette_runs_key_actions(start_app: StartApp) -> None:
    async with start_app() as (pilot, screen):
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"exactly")
        results = pilot.app.screen.query_one(CommandList)

        def found() -> bool:
            """the palette's debounced search to offer "Mark read exactly…" first"""
            index = results.highlighted
            prompt = str(results.get_option_at_index(index).prompt) if index is not None else ""
            return "exactly" in prompt

        await wait_until(pilot, found)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.feed_list.entries[0].unread == 0


async def test_a_failed_background_job_is_reported_in_words(
    setup: Setup, start_app: StartApp
) -> None:
    notes: list[str] = []
    async with start_app(message_hook=notes_into(notes)) as (pilot, screen):
        row = screen.article_list.highlighted_row
        assert row is not None
        setup.store.set_read([row.id])  # read and old: the next prune removes it
        assert setup.store.prune(1, now=sample.T0 + timedelta(days=30)) == 1
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.is_running
    assert "Opening the article failed: the article is no longer in the cache" in notes
