"""Every feed is hostile: titles stay text, no escapes reach the screen, web links only."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import webbrowser
from datetime import timedelta
from pathlib import Path

import pytest
import ui_sample as sample
from textual.notifications import Notify
from ui_helpers import Setup, main_screen, settle

from newsterm.models import FetchResult, ParsedEntry, ParsedFeed
from newsterm.ui.launch import link_problem
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
    setup: Setup,
) -> None:
    app = setup.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        feeds_text = "".join(
            screen.feed_list.render_line(y).text for y in range(len(screen.feed_list.entries))
        )
        assert "Hostile [b]Feed[/b]" in feeds_text
        # The hostile feed is the last row of the feeds pane: click it, then its article.
        await pilot.click("#feeds", offset=(10, len(screen.feed_list.entries)))
        await settle(pilot)
        assert screen.article_list.count == 1
        assert sample.HOSTILE_TITLE in _row_text(screen.article_list, 0)
        await pilot.click("#articles", offset=(40, 0))
        await pilot.click("#articles", offset=(30, 0))
        await settle(pilot)
        assert app.return_code is None and app.is_running
        assert screen.reader.page is not None
        assert screen.reader.lines[0].plain == sample.HOSTILE_TITLE
        assert not screen.reader.lines[0].spans or all(
            "@click" not in str(span.style) for span in screen.reader.lines[0].spans
        )


async def test_escape_sequences_from_a_feed_never_reach_the_screen(setup: Setup) -> None:
    _save(
        setup,
        "Evil\x1b]0;title\x07 \x9b2Jheadline\x1b[31m",
        "<p>Body\x1b]52;c;SGVsbG8=\x07 text \x1b[2J done</p>",
        "https://hostile.example/story",
    )
    app = setup.app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
        row = _row_text(screen.article_list, 0)
        await pilot.press("enter")
        await settle(pilot)
        shown = [row] + [line.plain for line in screen.reader.lines]
        for text in shown:
            assert not any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in text), repr(text)
        assert "Evil" in row and "headline" in row
        assert any("Mallory" in text for text in shown)


async def test_only_web_links_open(setup: Setup) -> None:
    _save(
        setup,
        "Links",
        '<p><a href="file:///etc/passwd">local</a> <a href="https://ok.example/a">web</a>'
        ' <a href="ftp://files.example/x">ftp</a></p>',
        "javascript:alert(1)",
    )
    app = setup.app()
    notes: list[str] = []

    def hook(message: object) -> None:
        if isinstance(message, Notify):
            notes.append(message.notification.message)

    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await settle(pilot)
        screen = main_screen(pilot)
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


async def test_default_browser_opener_runs_off_the_event_loop_thread(
    setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, str]] = []
    monkeypatch.setattr(
        webbrowser, "open", lambda url: calls.append((url, threading.current_thread().name))
    )
    app = setup.app(open_url=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
    assert [url for url, _ in calls] == ["https://news.example/story/1"]
    assert calls[0][1] != threading.main_thread().name


def test_browser_gets_the_url_as_one_argument_without_a_shell(tmp_path: Path) -> None:
    record = tmp_path / "argv.json"
    browser = tmp_path / "browser.py"
    browser.write_text(
        f"import json, sys\nopen({str(record)!r}, 'w').write(json.dumps(sys.argv[1:]))\n",
        encoding="utf-8",
    )
    browser.chmod(0o755)
    launcher = tmp_path / "browser"
    launcher.write_text(f'#!/bin/sh\nexec {sys.executable} {browser} "$@"\n', encoding="utf-8")
    launcher.chmod(0o755)
    url = "https://example.com/a;touch%20PWNED?q=$(touch${IFS}PWNED)&x='y'`id` z"
    code = f"from newsterm.ui.launch import open_in_browser; open_in_browser({url!r})"
    env = {"BROWSER": str(launcher), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    # The space makes the URL unsafe: nothing runs at all.
    subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, check=True, timeout=30)
    assert not record.exists()
    url = url.replace(" z", "")
    code = f"from newsterm.ui.launch import open_in_browser; open_in_browser({url!r})"
    subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, check=True, timeout=30)
    assert json.loads(record.read_text(encoding="utf-8")) == [url]
    assert not (tmp_path / "PWNED").exists()
