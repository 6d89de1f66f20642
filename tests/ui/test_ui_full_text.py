"""F in the reader: a summary-only article's page from a loopback server, shown with its
appeal hidden and a line saying it is the full text; F again, the feed's text; offline,
one line saying why and the summary stays."""

from __future__ import annotations

import asyncio
import re
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from ui_helpers import Setup, notes_into, settle, started, wait_until

from entries import WHEN, entry, save
from extraction_helpers import HOSTILE_PAGE, helper_states
from httpserver import LoopbackServer, Reply, Request, closed_port_url, respond
from newsterm.config import load_config
from newsterm.store import Store

PAGE = (Path(__file__).parents[1] / "data" / "fulltext" / "harbor-ferry.html").read_bytes()
FEED = "https://harbor.example/feed"
SUMMARY = "<p>The passenger ferry runs again from the north pier on Monday.</p>"


def _setup(
    tmp_path: Path, link: str, *, full_text: bool = False, extract: float = 15, timeout: int = 3
) -> Setup:
    path = tmp_path / "feeds.toml"
    path.write_text(
        "[settings]\nrefresh_on_start = false\nrefresh_minutes = 0\n"
        f"timeout_seconds = {timeout}\n"
        f"extract_seconds = {extract}\n\n"
        f'[[feed]]\nurl = "{FEED}"\nfull_text = {"true" if full_text else "false"}\n'
    )
    config = load_config(path)
    store = Store.open(tmp_path / "cache.db")
    store.sync_feeds(config.feeds)
    save(
        store,
        FEED,
        "Harbor Post",
        entry(id="ferry", title="Ferry service returns", link=link, summary=SUMMARY),
    )
    return Setup(config, path, store, tmp_path / "cache.db")


def _shown(screen) -> str:  # type: ignore[no-untyped-def]
    """The reader's lines, one per row (searches below use _flat, as lines wrap)."""
    return "\n".join(line.plain for line in screen.reader.lines)


def _flat(screen) -> str:  # type: ignore[no-untyped-def]
    return " ".join(line.plain.strip() for line in screen.reader.lines)


async def test_f_shows_the_full_text_with_its_appeal_hidden_and_f_again_the_summary(
    tmp_path: Path, http_server: LoopbackServer
) -> None:
    url = http_server.route("/ferry", respond(PAGE, content_type="text/html; charset=utf-8"))
    setup = _setup(tmp_path, url)
    async with started(setup.app()) as (pilot, screen):
        await pilot.press("enter")
        await settle(pilot)
        assert "floating landing" not in _flat(screen)
        await pilot.press("F")
        await settle(pilot)
        shown = _shown(screen)
        assert re.search(r"^Full text from 127\.0\.0\.1:\d+ · F for the feed's text$", shown, re.M)
        flat = _flat(screen)
        assert "floating landing" in flat and "Tomas Reyes" in flat
        assert "donate today" not in flat and "1 donation appeal hidden" in flat
        await pilot.press("F")
        await settle(pilot)
        assert "floating landing" not in _flat(screen)
        assert "The passenger ferry runs again" in _flat(screen)
        await pilot.press("F")  # the kept copy: no second request
        await settle(pilot)
        assert "floating landing" in _flat(screen)
    assert len(http_server.requests_to("/ferry")) == 1
    setup.store.close()


async def test_f_again_while_the_page_is_fetched_does_not_start_over(
    tmp_path: Path, http_server: LoopbackServer
) -> None:
    def slow(request: Request, reply: Reply) -> None:
        reply.sleep(0.5)
        reply.send(200, PAGE, {"Content-Type": "text/html"})

    setup = _setup(tmp_path, http_server.route("/ferry", slow))
    async with started(setup.app()) as (pilot, screen):
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("F")
        await wait_until(pilot, lambda: len(http_server.requests_to("/ferry")) == 1)
        await pilot.press("F", "F")
        await wait_until(pilot, lambda: "floating landing" in _flat(screen))
    assert len(http_server.requests_to("/ferry")) == 1
    setup.store.close()


@pytest.mark.parametrize(
    ("page", "extract", "why"),
    [(None, 15, ""), (HOSTILE_PAGE, 0.3, ": reading the page took longer than 0.3 s")],
    ids=["offline", "too slow to read"],
)
async def test_f_on_a_page_that_cannot_be_had_says_why_and_the_summary_stays(
    tmp_path: Path, http_server: LoopbackServer, page: bytes | None, extract: float, why: str
) -> None:
    if page is None:
        url = closed_port_url("/ferry")
    else:
        url = http_server.route("/ferry", respond(page, content_type="text/html"))
    setup = _setup(tmp_path, url, extract=extract)
    notes: list[str] = []
    async with started(setup.app(), message_hook=notes_into(notes)) as (pilot, screen):
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        assert "The passenger ferry runs again" in _flat(screen)
        assert "Full text from" not in _shown(screen)
    failed = [n for n in notes if n.startswith("Full text not shown: ")]
    assert len(failed) == 1 and "\n" not in failed[0] and failed[0].endswith(why)
    setup.store.close()


async def test_a_full_text_feed_opens_on_its_kept_full_text(
    tmp_path: Path, http_server: LoopbackServer
) -> None:
    url = http_server.route("/ferry", respond(PAGE, content_type="text/html; charset=utf-8"))
    setup = _setup(tmp_path, url, full_text=True)
    async with started(setup.app()) as (pilot, screen):
        await pilot.press("enter")
        await settle(pilot)
        assert "Full text from" not in _shown(screen)  # not fetched yet
        await pilot.press("F")
        await settle(pilot)
        await pilot.press("q", "enter")  # leave and open it again
        await settle(pilot)
        assert "Full text from 127.0.0.1" in _shown(screen)
    setup.store.close()


@pytest.mark.parametrize("late", ["failure", "success"])
async def test_a_late_full_text_for_an_article_left_behind_changes_nothing(
    tmp_path: Path, http_server: LoopbackServer, late: str
) -> None:
    """F on one article, then another opened before the page comes: the first article's
    result, good or bad, neither replaces the reader's article nor says anything."""
    moved = threading.Event()

    def slow(request: Request, reply: Reply) -> None:
        moved.wait(20)  # answer only once the user is reading the other article
        if late == "failure":
            reply.send(402, b"no", {"Content-Type": "text/html"})
        else:
            reply.send(200, PAGE, {"Content-Type": "text/html; charset=utf-8"})

    # The fetch must outlast the move to the other article, however busy the machine: a
    # timeout while still on the first article would rightly be reported.
    setup = _setup(tmp_path, http_server.route("/ferry", slow), timeout=30)
    older = WHEN - timedelta(days=1)  # listed below the ferry
    other = entry(id="pier", title="Pier repairs", published=older, summary="<p>Repairs.</p>")
    save(setup.store, FEED, "Harbor Post", other)
    notes: list[str] = []
    async with started(setup.app(), message_hook=notes_into(notes)) as (pilot, screen):
        await pilot.press("enter")
        await settle(pilot)
        first = screen.reader.opening
        await pilot.press("F")
        await pilot.press("q", "j", "enter")
        await wait_until(pilot, lambda: screen.reader.page and screen.reader.opening != first)
        moved.set()
        await settle(pilot)
        await pilot.pause(0.2)
        assert screen.reader.page is not None and screen.reader.page.article.id != first
        assert "Full text from" not in _shown(screen)
    assert not [n for n in notes if n.startswith("Full text")]
    assert len(http_server.requests_to("/ferry")) == 1
    setup.store.close()


async def _as_at_exit() -> None:
    """Wait for the app's worker threads, as a real exit does (asyncio.run joins them)."""
    await asyncio.get_running_loop().shutdown_default_executor()


async def test_quitting_while_a_page_is_read_stops_its_reader(
    tmp_path: Path, http_server: LoopbackServer
) -> None:
    """Quitting waits for no page: the helper reading it is killed and nothing is kept
    (a thread left to finish would hold the exit until the page was read)."""
    url = http_server.route("/ferry", respond(HOSTILE_PAGE, content_type="text/html"))
    setup = _setup(tmp_path, url, extract=120)
    async with started(setup.app()) as (pilot, screen):
        await pilot.press("enter")
        await settle(pilot)
        article_id = screen.reader.opening
        await pilot.press("F")
        await wait_until(pilot, lambda: "R" in helper_states())
        # the app quits here, in the middle of the page
    await _as_at_exit()
    assert "R" not in helper_states()
    assert setup.store.full_text(article_id) is None
    setup.store.close()


async def test_quitting_while_a_page_downloads_waits_for_no_server(
    tmp_path: Path, http_server: LoopbackServer
) -> None:
    answered = threading.Event()
    released = threading.Event()

    def stalled(request: Request, reply: Reply) -> None:
        released.wait(2)  # long after the quit, unless the app's exit waits for the fetch
        answered.set()
        reply.send(200, PAGE, {"Content-Type": "text/html; charset=utf-8"})

    setup = _setup(tmp_path, http_server.route("/ferry", stalled), timeout=10)
    async with started(setup.app()) as (pilot, _):
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("F")
        await wait_until(pilot, lambda: bool(http_server.requests_to("/ferry")))
    await _as_at_exit()
    assert not answered.is_set()  # the app was gone before the server answered
    released.set()
    setup.store.close()
