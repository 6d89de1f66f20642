"""Hostile text at the terminal: escapes, markup, wide and right-to-left text, tiny screens.

The cache is written directly here, bypassing the sanitising done at ingestion, so the UI's
own guard is what is tested: nothing a feed sends may reach the terminal raw or run.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable
from datetime import timedelta
from pathlib import Path

import pytest
import ui_sample as sample
from textual.content import Content
from textual.notifications import Notify
from textual.pilot import Pilot
from textual.widget import Widget
from ui_helpers import Setup, StartApp, settle

from newsterm.models import FetchResult, ParsedEntry, ParsedFeed
from newsterm.store import fulltext
from newsterm.ui.screens.main import MainScreen

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""What must never reach the screen from a feed (newlines in notifications are fine)."""

OSC_TITLE = "\x1b]0;pwned\x07"
OSC_TITLE_2 = "\x1b]2;pwned\x1b\\"
OSC_CLIPBOARD = "\x1b]52;c;cHduZWQ=\x07"
CSI_CLEAR = "\x1b[2J\x9b2J"
OSC_LINK = "\x1b]8;;https://evil.example/\x07click me\x1b]8;;\x07"
MARKUP = "[@click=app.quit]Q[/] [/] [link=https://evil.example/]L[/link] [b]B"
EVERYTHING = f"{OSC_TITLE}{OSC_TITLE_2}{OSC_CLIPBOARD}{CSI_CLEAR}{OSC_LINK} {MARKUP}"

WIDE = "漢字のニュース見出し 😀👩‍👩‍👧‍👦🏳️‍🌈 全角テキスト"
RTL = "שלום עולם — مرحبا بالعالم"
LONG = "Long " * 2_000  # 10,000 characters


def _notes(into: list[str]) -> Callable[[object], None]:
    def hook(message: object) -> None:
        if isinstance(message, Notify):
            into.extend((message.notification.message, message.notification.title))

    return hook


def poison(db: Path, **feed_tags: list[str]) -> None:
    """Write hostile text straight into the cache, as no ingestion would let it in."""
    conn = sqlite3.connect(db)
    fulltext.register(conn)  # the search index's triggers call it
    with conn:
        conn.execute("UPDATE feeds SET title = ? WHERE url = ?", (f"News{EVERYTHING}", sample.NEWS))
        conn.execute(
            "UPDATE feeds SET error = ? WHERE url = ?",
            (f"connection refused{CSI_CLEAR}{OSC_LINK}", sample.BROKEN),
        )
        for url, tags in feed_tags.items():
            conn.execute("UPDATE feeds SET tags = ? WHERE url = ?", (json.dumps(tags), url))
        conn.execute(
            "UPDATE articles SET title = ?, author = ?, content = ? WHERE guid = ?",
            (
                f"Story{EVERYTHING}",
                f"Mallory{OSC_TITLE}",
                f"<p>Body{EVERYTHING}</p><p><a href='https://ok.example/'>{OSC_LINK} text</a></p>",
                f"{sample.NEWS}#1",
            ),
        )
    conn.close()


def assert_clean(texts: Iterable[object]) -> None:
    for text in texts:
        assert not CONTROL.search(str(text)), repr(text)


def assert_screen_clean(pilot: Pilot[object]) -> None:
    """Render the whole screen as the terminal would get it: no escape from a feed inside."""
    svg = pilot.app.export_screenshot()
    assert "\x1b" not in svg and not CONTROL.search(svg.replace("\n", ""))
    assert "pwned" not in svg.replace("]0;pwned", "").replace("]2;pwned", "")


def plain(title: str | None) -> str:
    """A border title's text: Textual hands titles back as markup."""
    return Content.from_markup(title or "").plain


def titles(screen: MainScreen) -> list[str]:
    widgets: list[Widget] = list(screen.query("*"))
    return [plain(w.border_title) + plain(w.border_subtitle) for w in widgets]


def _no_actions(content: Content | str | None) -> bool:
    """No span of ``content`` (or of a border title's markup) runs an action when clicked."""
    if not isinstance(content, Content):
        content = Content.from_markup(content or "")
    return all("@click" not in str(span.style) for span in content.spans)


async def test_feed_text_in_titles_banners_and_notifications_stays_inert(
    setup: Setup, start_app: StartApp
) -> None:
    poison(setup.db_path)
    notes: list[str] = []
    async with start_app(message_hook=_notes(notes)) as (pilot, screen):
        poison(setup.db_path, **{sample.BROKEN: [f"tag{OSC_TITLE}{MARKUP}"]})  # after the sync
        screen.load_feeds()
        await settle(pilot)
        await pilot.press("shift+tab")
        for _ in screen.feed_list.entries:  # every view: its title, its banner
            await pilot.press("j")
            await settle(pilot)
            assert_clean(titles(screen))
            assert _no_actions(screen.query_one("#list-pane").border_title)
            banner = screen.query_one("#feed-error")
            assert_clean([banner.render()])
            assert_screen_clean(pilot)
        await pilot.press("g", "j", "j", "A")  # Example News, whose title is hostile
        await settle(pilot)
        label = plain(screen.query_one("#list-pane").border_title)
        assert "[@click=app.quit]Q[/]" in label  # shown, not obeyed
        assert "connection refused" in " ".join(e.error or "" for e in screen.feed_list.entries)
        await pilot.press("tab", "g", "enter")  # the hostile article
        await settle(pilot)
        assert screen.reader.page is not None
        assert plain(screen.reader.border_title).startswith("Newsclick me")  # OSC gone whole
        assert_clean(titles(screen))
        assert_clean(line.plain for line in screen.reader.lines)
        assert_screen_clean(pilot)
        assert pilot.app.is_running
    assert any("Marked" in n and "[@click=app.quit]Q[/]" in n for n in notes), notes
    assert_clean(n.replace("\n", " ") for n in notes)


async def test_hostile_article_bodies_render_as_plain_text(
    setup: Setup, start_app: StartApp
) -> None:
    poison(setup.db_path)
    async with start_app(size=(100, 30)) as (pilot, screen):
        await pilot.press("enter")
        await settle(pilot)
        text = "\n".join(line.plain for line in screen.reader.lines)
        assert text.startswith("Story")
        assert "Mallory" in text and "click me text[1]" in text  # hyperlink sequence gone whole
        body = text.split("\n\n")[1].replace("\n", " ")
        assert body.startswith("Bodyclick me") and body.endswith(MARKUP)  # markup literally
        assert all(_no_actions(line) for line in screen.reader.lines)
        assert_clean(line.plain for line in screen.reader.lines)
        await pilot.click("#reader", offset=(5, 1))  # on the title: nothing runs
        await settle(pilot)
        assert pilot.app.is_running and pilot.app.return_code is None
        assert_screen_clean(pilot)


BAD_LINKS = (
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "file:///etc/passwd",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "java\x00script:alert(1)",
)


async def test_only_http_and_https_links_ever_open(setup: Setup, start_app: StartApp) -> None:
    body = "".join(f"<p><a href='{url}'>link {n}</a></p>" for n, url in enumerate(BAD_LINKS))
    body += "<p><a href='https://fine.example/a\x1b]0;pwned\x07'>fine</a></p>"
    entry = ParsedEntry(
        "bad-links", "Links", "data:text/html,x", "", sample.T0 + timedelta(hours=1), None, body, ""
    )
    result = FetchResult(sample.HOSTILE, sample.HOSTILE, 200, b"<rss/>")
    feed = ParsedFeed("Hostile", sample.HOSTILE, (entry,))
    setup.store.save_feed(sample.HOSTILE, result, feed, now=sample.T0)
    notes: list[str] = []
    async with start_app(message_hook=_notes(notes)) as (pilot, screen):
        await pilot.press("enter")
        await settle(pilot)
        links = screen.reader.links
        assert [link.url for link in links] == ["https://fine.example/a"]
        await pilot.press("o", *"123456789")
        await settle(pilot)
        shown = "\n".join(line.plain for line in screen.reader.lines)
        assert all(f"link {n}" in shown for n in range(len(BAD_LINKS)))  # text, not links
    assert setup.opened == ["https://fine.example/a"]  # the escape sequence removed whole
    assert "Won't open non-web link: data:text/html,x" in notes


def _bulk_entries() -> tuple[ParsedEntry, ...]:
    texts = (LONG, WIDE, RTL, WIDE + LONG, RTL + " " + WIDE)
    return tuple(
        ParsedEntry(
            f"odd-{n}",
            text,
            f"https://odd.example/{n}",
            text[:200],
            sample.T0 + timedelta(hours=n + 1),
            None,
            f"<h1>{text}</h1><p>{text} {WIDE}</p><pre>{WIDE}\t{RTL}</pre>",
            "",
        )
        for n, text in enumerate(texts)
    )


def _fill_odd(setup: Setup) -> None:
    result = FetchResult(sample.HOSTILE, sample.HOSTILE, 200, b"<rss/>")
    feed = ParsedFeed(WIDE + LONG, sample.HOSTILE, _bulk_entries())
    setup.store.save_feed(sample.HOSTILE, result, feed, now=sample.T0)


def _assert_whole(screen: MainScreen) -> None:
    """Every visible line of the list and the reader fills its width exactly."""
    for widget in (screen.article_list, screen.reader):
        if not widget.display or widget.region.width == 0:
            continue
        width = widget.scrollable_content_region.width
        for y in range(widget.scrollable_content_region.height):
            assert widget.render_line(y).cell_length == width


@pytest.mark.parametrize("pane", ["articles", "reader", "feeds"])
async def test_shrinking_to_20x5_and_back_keeps_every_pane_whole(
    setup: Setup, start_app: StartApp, pane: str
) -> None:
    _fill_odd(setup)
    async with start_app() as (pilot, screen):
        await pilot.press("j", "j", "j", "enter")  # the wide title (newest first), in the reader
        await settle(pilot)
        reading = screen.reader.page
        assert reading is not None and reading.article.title == WIDE
        screen.panes.focus_pane(pane)
        cursor = screen.article_list.cursor
        for width, height in ((40, 12), (20, 5), (100, 30), (120, 40)):
            await pilot.resize_terminal(width, height)
            await settle(pilot)
            assert screen.panes.has_class("-narrow") is (width < 100)
            assert screen.panes.current() == pane
            assert screen.article_list.cursor == cursor
            assert screen.reader.page is reading
            _assert_whole(screen)
            if width == 20:
                assert_screen_clean(pilot)  # renders, and nothing raw, at the smallest
        for key in ("G", "g", "space", "j", "k"):  # keys still work after all that
            await pilot.press(key)
            await settle(pilot)
        assert pilot.app.is_running


async def test_long_wide_and_right_to_left_titles_lay_out_in_every_pane(
    setup: Setup, start_app: StartApp
) -> None:
    _fill_odd(setup)
    async with start_app() as (pilot, screen):
        for index, entry in enumerate(reversed(_bulk_entries())):
            screen.panes.focus_pane("articles")
            screen.article_list.move_cursor(index)
            await pilot.press("enter")
            await settle(pilot)
            page = screen.reader.page
            assert page is not None and page.article.guid == entry.id
            assert screen.reader.lines[0].cell_length <= screen.reader.size.width
            _assert_whole(screen)
        rows = [screen.article_list.render_line(y).text for y in range(5)]
        assert any(WIDE[:4] in row for row in rows) and any("שלום" in row for row in rows)
        assert_screen_clean(pilot)


@pytest.mark.parametrize(
    "keys",
    [(), ("j", "j", "j", "j", "j", "enter")],  # the list; the story with every escape in it
    ids=["list", "reader"],
)
def test_hostile_text_at_40x12(
    snap_compare: Callable[..., bool], setup: Setup, keys: tuple[str, ...]
) -> None:
    poison(setup.db_path)
    _fill_odd(setup)

    async def run(pilot: Pilot[object]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
        await settle(pilot)

    assert snap_compare(setup.app(), terminal_size=(40, 12), run_before=run)
