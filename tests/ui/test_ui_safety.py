"""Every feed is hostile: titles stay text, no escapes reach the screen, web links only."""

from __future__ import annotations

import asyncio
import json
import sys
import threading
import webbrowser
from datetime import timedelta
from pathlib import Path

import pytest
import ui_sample as sample
from ui_helpers import Setup, StartApp, notes_into, settle

from newsterm.models import FetchResult, ParsedEntry, ParsedFeed
from newsterm.ui.launch import (
    NO_BROWSER,
    Launch,
    detached_argv,
    is_console_browser,
    link_problem,
)
from newsterm.ui.widgets.article_list import ArticleList

EVIL_URL = sample.HOSTILE


def _save(setup: Setup, title: str, content: str, link: str) -> None:
    entry = ParsedEntry(
        id="evil-1",
        title=title,
        link=link,
        author="\x1b]2;owned\x07Mallory",
        published=sample.T0 + timedelta(hours=1),  # newest: first in the list
        updated=None,
        content=content,
        summary="",
    )
    result = FetchResult(url=EVIL_URL, final_url=EVIL_URL, status=200, body=b"<rss/>")
    setup.store.save_feed(
        EVIL_URL, result, ParsedFeed("Hostile", EVIL_URL, (entry,)), now=sample.T0
    )


def _row_text(articles: ArticleList, y: int) -> str:
    return articles.render_line(y - articles.scroll_offset.y).text


async def test_markup_in_titles_shows_literally_and_clicking_it_does_not_quit(
    start_app: StartApp,
) -> None:
    async with start_app() as (pilot, screen):
        feeds_text = "".join(
            screen.feed_list.render_line(y).text for y in range(len(screen.feed_list.entries))
        )
        assert "Hostile [b]Feed[/b]" in feeds_text
        # The hostile feed is the last feed, above the three views: click it, then its article.
        await pilot.click("#feeds", offset=(10, len(screen.feed_list.entries) - 3))
        await settle(pilot)
        assert screen.article_list.count == 1
        assert sample.HOSTILE_TITLE in _row_text(screen.article_list, 0)
        await pilot.click("#articles", offset=(40, 0))
        await pilot.click("#articles", offset=(30, 0))
        await settle(pilot)
        assert pilot.app.return_code is None and pilot.app.is_running
        assert screen.reader.page is not None
        assert screen.reader.lines[0].plain == sample.HOSTILE_TITLE
        assert not screen.reader.lines[0].spans or all(
            "@click" not in str(span.style) for span in screen.reader.lines[0].spans
        )


async def test_escape_sequences_from_a_feed_never_reach_the_screen(
    setup: Setup, start_app: StartApp
) -> None:
    _save(
        setup,
        "Evil\x1b]0;title\x07 \x9b2Jheadline\x1b[31m",
        "<p>Body\x1b]52;c;SGVsbG8=\x07 text \x1b[2J done</p>",
        "https://hostile.example/story",
    )
    async with start_app() as (pilot, screen):
        row = _row_text(screen.article_list, 0)
        await pilot.press("enter")
        await settle(pilot)
        shown = [row] + [line.plain for line in screen.reader.lines]
        for text in shown:
            assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in text), repr(text)
        assert "Evil" in row and "headline" in row
        assert any("Mallory" in text for text in shown)


async def test_only_web_links_open(setup: Setup, start_app: StartApp) -> None:
    _save(
        setup,
        "Links",
        '<p><a href="file:///etc/passwd">local</a> <a href="https://ok.example/a">web</a>'
        ' <a href="ftp://files.example/x">ftp</a></p>',
        "javascript:alert(1)",
    )
    notes: list[str] = []
    async with start_app(message_hook=notes_into(notes)) as (pilot, screen):
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("o")  # the article's own link is javascript:
        await settle(pilot)
        links = {link.url: link.number for link in screen.reader.links}
        for url in links:
            await pilot.press(str(links[url]))
            await settle(pilot)
        await pilot.press("9")  # no such link
        await settle(pilot)
    assert setup.opened == ["https://ok.example/a"]
    assert any(n.startswith("Won't open non-web link: javascript:alert(1)") for n in notes)
    assert any("This article has no link [9]" in n for n in notes)


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "https://", "", "mailto:a@b"],
)
def test_link_problem_refuses_non_web_links(url: str) -> None:
    assert link_problem(url) is not None


def test_link_problem_accepts_web_links() -> None:
    assert link_problem("https://example.com/a?b=c#d") is None
    assert link_problem("HTTP://EXAMPLE.COM/") is None


async def test_the_browser_is_started_off_the_event_loop_thread(
    setup: Setup, start_app: StartApp
) -> None:
    threads: list[str] = []

    def opener(url: str) -> Launch:
        threads.append(threading.current_thread().name)
        return setup.record_link(url)

    async with start_app(open_url=opener) as (pilot, _):
        await pilot.press("o")  # from the list: the link is read from the cache first
        await settle(pilot)
    assert setup.opened == ["https://news.example/story/1"]
    assert threads and threads[0] != threading.main_thread().name


BROWSER_SCRIPT = r"""#!{python}
import json, socket, sys
# A browser that scribbles on the terminal: none of this may reach newsterm's screen.
for stream in (sys.stdout, sys.stderr):
    stream.write("BROWSER NOISE \x1b[2J\x1b]0;pwned\x07\n")
    stream.flush()
with socket.create_connection(("127.0.0.1", {port})) as conn:
    conn.sendall(json.dumps(sys.argv[1:]).encode())
"""


class BrowserCalls:
    """A loopback socket the fake browser reports its argv to: waiting needs no sleeps."""

    def __init__(self) -> None:
        self.calls: asyncio.Queue[list[str]] = asyncio.Queue()
        self.server: asyncio.Server | None = None

    async def start(self) -> int:
        self.server = await asyncio.start_server(self._called, "127.0.0.1", 0)
        return int(self.server.sockets[0].getsockname()[1])

    async def _called(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.calls.put_nowait(json.loads(await reader.read()))
        writer.close()

    async def next(self) -> list[str]:
        return await asyncio.wait_for(self.calls.get(), 20)

    def close(self) -> None:
        if self.server is not None:
            self.server.close()


def _use_browser(monkeypatch: pytest.MonkeyPatch, command: str | None, path: str = "") -> None:
    """Point webbrowser at ``command`` (or at nothing) as a user's environment would."""
    for name in ("BROWSER", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    if command is not None:
        monkeypatch.setenv("BROWSER", command)
    if path:
        monkeypatch.setenv("PATH", path)
    # webbrowser reads the environment once per process; make it read this one.
    monkeypatch.setattr(webbrowser, "_tryorder", None)


async def test_a_noisy_browser_gets_the_url_as_one_argument_and_no_terminal(
    setup: Setup,
    start_app: StartApp,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    url = "https://hostile.example/a;touch%20PWNED?q=$(touch${IFS}PWNED)&x='y'`id`|id"
    _save(setup, "Shell", "<p>x</p>", url)
    reports = BrowserCalls()
    browser = tmp_path / "fake-browser"
    browser.write_text(
        BROWSER_SCRIPT.format(python=sys.executable, port=await reports.start()), "utf-8"
    )
    browser.chmod(0o755)
    _use_browser(monkeypatch, str(browser))
    monkeypatch.chdir(tmp_path)
    notes: list[str] = []
    try:
        # open_url=None: the real launcher
        async with start_app(open_url=None, message_hook=notes_into(notes)) as (pilot, _):
            await pilot.press("o")
            assert await reports.next() == [url]
            await settle(pilot)
            assert pilot.app.is_running
            screen = pilot.app.export_screenshot()
    finally:
        reports.close()
    out, err = capfd.readouterr()
    assert "BROWSER NOISE" not in out + err  # the browser had no terminal to write to
    assert "\x1b" not in screen and "pwned" not in screen
    assert f"Opening {url}" in notes
    assert not (tmp_path / "PWNED").exists()


async def test_no_browser_is_reported_instead_of_opening(
    start_app: StartApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use_browser(monkeypatch, None, path=str(tmp_path))  # nothing on PATH, no display
    notes: list[str] = []
    async with start_app(open_url=None, message_hook=notes_into(notes)) as (pilot, _):
        await pilot.press("o")
        await settle(pilot)
    assert NO_BROWSER in notes
    assert not any(n.startswith("Opening") for n in notes)


async def test_a_console_browser_needs_the_terminal_in_the_foreground(
    start_app: StartApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    w3m = tmp_path / "w3m"
    w3m.write_text("#!/bin/sh\nexit 0\n", "utf-8")
    w3m.chmod(0o755)
    _use_browser(monkeypatch, str(w3m))
    notes: list[str] = []
    async with start_app(open_url=None, message_hook=notes_into(notes)) as (pilot, _):
        await pilot.press("o")
        await settle(pilot)
        assert pilot.app.is_running
    # A test terminal cannot be suspended: the app says so rather than run it detached.
    assert any("can't hand over to w3m" in n for n in notes), notes
    assert not any(n.startswith("Opening") for n in notes)


@pytest.mark.parametrize(
    ("browser", "console"),
    [
        (webbrowser.GenericBrowser("/usr/bin/lynx"), True),
        (webbrowser.GenericBrowser(["w3m", "-N", "%s"]), True),
        (webbrowser.GenericBrowser("links2"), True),
        (webbrowser.BackgroundBrowser("firefox"), False),
        (webbrowser.GenericBrowser("/home/me/bin/open-in-tab"), False),
    ],
)
def test_console_browsers_are_told_apart(browser: webbrowser.BaseBrowser, console: bool) -> None:
    assert is_console_browser(browser) is console


def test_the_detached_browser_runs_isolated_with_the_url_as_one_argument() -> None:
    url = "https://example.com/a b;$(id)"
    assert detached_argv(url) == [sys.executable, "-I", "-m", "webbrowser", "-t", url]
