"""Feeds added (a), deleted (D, undone with u) and renamed (E) from the app, in feeds.toml."""

from __future__ import annotations

from datetime import timedelta

import ui_sample as sample
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Input
from ui_helpers import Setup, StartApp, notes_into, settle

from httpserver import LoopbackServer, respond
from newsterm.ui.messages import ConfigReloaded
from newsterm.ui.screens.ask import AskScreen, ConfirmScreen
from newsterm.ui.screens.main import MainScreen

COMMENT = "# my feeds, by hand\n"


def _with_comment(setup: Setup) -> str:
    text = COMMENT + setup.feeds_path.read_text(encoding="utf-8")
    setup.feeds_path.write_text(text, encoding="utf-8")
    return text


def _select(screen: MainScreen, label: str) -> None:
    entries = screen.feed_list.entries
    screen.feed_list.highlighted = next(i for i, e in enumerate(entries) if e.view.label == label)


async def _answer(pilot: Pilot[None], text: str) -> None:
    assert isinstance(pilot.app.screen, AskScreen)
    pilot.app.screen.query_one(Input).value = text
    await pilot.press("enter")
    await settle(pilot)


async def test_a_finds_the_feed_a_page_links_to_appends_it_and_fetches_it(
    setup: Setup, start_app: StartApp, http_server: LoopbackServer
) -> None:
    items = [(f"loop-{n}", f"Loop story {n}", sample.T0 - timedelta(hours=n)) for n in range(3)]
    feed = http_server.route("/feed.xml", respond(sample.rss("Loop [b]Gazette[/b]", items)))
    page = b'<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml">'
    home = http_server.route("/", respond(page, content_type="text/html"))
    before = _with_comment(setup)
    notes: list[str] = []
    seen: list[Message] = []

    def hook(message: Message) -> None:
        seen.append(message)
        notes_into(notes)(message)

    async with start_app(message_hook=hook) as (pilot, screen):
        await pilot.press("a")
        await _answer(pilot, home)
        text = setup.feeds_path.read_text(encoding="utf-8")
        assert text.startswith(before)  # comments and every feed kept, the new one appended
        assert text[len(before) :].strip() == f'[[feed]]\nurl = "{feed}"'
        labels = [e.view.label for e in screen.feed_list.entries]
        assert "Loop [b]Gazette[/b]" in labels  # fetched at once, shown as text, not markup
        assert screen.config.subscription(feed) is not None
        assert any("Added “Loop [b]Gazette[/b]”" in n and "3 articles" in n for n in notes)
        screen.watcher.check()  # the watcher saw the app's own edit: nothing to report
        await settle(pilot)
    assert not [m for m in seen if isinstance(m, ConfigReloaded)]


async def test_a_that_finds_no_feed_says_why_in_one_line_and_changes_nothing(
    setup: Setup, start_app: StartApp, http_server: LoopbackServer
) -> None:
    page = http_server.route("/plain", respond(b"<html><p>no feeds</p>", content_type="text/html"))
    gone = http_server.route("/gone.xml", respond(b"", status=404, content_type="text/plain"))
    before = setup.feeds_path.read_bytes()
    notes: list[str] = []
    async with start_app(message_hook=notes_into(notes)) as (pilot, _screen):
        for url, reason in ((page, "no feed link"), (gone, "404")):
            await pilot.press("a")
            await _answer(pilot, url)
            failed = [n for n in notes if n.startswith("No feed added")]
            assert len(failed) == 1 and reason in failed[0] and "\n" not in failed[0]
            notes.clear()
        await pilot.press("a", "escape")  # asked, then not: nothing happens
        await settle(pilot)
    assert setup.feeds_path.read_bytes() == before


async def test_a_feed_already_there_is_not_added_twice(
    setup: Setup, start_app: StartApp, http_server: LoopbackServer
) -> None:
    items = [("one", "One", sample.T0)]
    feed = http_server.route("/feed.xml", respond(sample.rss("Twice", items)))
    setup.feeds_path.write_text(
        setup.feeds_path.read_text(encoding="utf-8") + f'\n[[feed]]\nurl = "{feed}/"\n',
        encoding="utf-8",
    )
    before = setup.feeds_path.read_bytes()
    notes: list[str] = []
    async with start_app(message_hook=notes_into(notes)) as (pilot, _screen):
        await pilot.press("a")
        await _answer(pilot, feed)
    assert setup.feeds_path.read_bytes() == before
    assert any(n.startswith("Already subscribed: Twice") for n in notes)


async def test_d_asks_deletes_the_feed_and_u_puts_it_back_as_it_was(
    setup: Setup, start_app: StartApp
) -> None:
    before = _with_comment(setup)
    async with start_app() as (pilot, screen):
        _select(screen, "Tech Daily")
        await pilot.press("D")
        assert isinstance(pilot.app.screen, ConfirmScreen)
        await pilot.press("n")  # no: nothing changes
        await settle(pilot)
        assert setup.feeds_path.read_text(encoding="utf-8") == before
        await pilot.press("D", "y")
        await settle(pilot)
        text = setup.feeds_path.read_text(encoding="utf-8")
        assert sample.TECH not in text and text.startswith(COMMENT)
        assert "Tech Daily" not in [e.view.label for e in screen.feed_list.entries]
        assert screen.config.subscription(sample.TECH) is None
        await pilot.press("u")
        await settle(pilot)
        assert setup.feeds_path.read_text(encoding="utf-8") == before
        tech = [e for e in screen.feed_list.entries if e.view.label == "Tech Daily"]
        assert tech and tech[0].unread == 5  # its articles stayed in the cache


async def test_d_on_a_row_that_is_no_feed_says_so(setup: Setup, start_app: StartApp) -> None:
    before = setup.feeds_path.read_bytes()
    notes: list[str] = []
    async with start_app(message_hook=notes_into(notes)) as (pilot, screen):
        _select(screen, "All articles")
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(pilot.app.screen, MainScreen)
    assert "Pick a feed in the feeds pane first" in notes
    assert setup.feeds_path.read_bytes() == before


async def test_e_renames_the_feed_in_feeds_toml_and_u_takes_it_back(
    setup: Setup, start_app: StartApp
) -> None:
    before = _with_comment(setup)
    async with start_app() as (pilot, screen):
        _select(screen, "Tech Daily")
        await pilot.press("E")
        assert isinstance(pilot.app.screen, AskScreen)
        assert pilot.app.screen.query_one(Input).value == "Tech Daily"
        await _answer(pilot, "Tech [i]Weekly[/i]")
        text = setup.feeds_path.read_text(encoding="utf-8")
        assert 'title = "Tech [i]Weekly[/i]"' in text and text.startswith(COMMENT)
        assert "Tech [i]Weekly[/i]" in [e.view.label for e in screen.feed_list.entries]
        await pilot.press("u")
        await settle(pilot)
        assert setup.feeds_path.read_text(encoding="utf-8") == before
