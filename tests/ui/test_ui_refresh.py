"""Refreshing from a real loopback server: progress, failures named, the list keeps its place."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
import ui_sample as sample
from textual.notifications import Notify
from textual.widgets import ProgressBar
from ui_helpers import QUIET, main_screen, settle, started, wait_until

from httpserver import RSS, LoopbackServer, Reply, Request, respond
from newsterm.config import load_config
from newsterm.feeds.parse import parse_feed
from newsterm.models import FetchResult
from newsterm.store import Store
from newsterm.ui.app import NewstermApp
from newsterm.ui.messages import RefreshFinished, RefreshProgressed, RefreshStarted
from newsterm.ui.timing import Timing
from newsterm.ui.widgets.article_list import ArticleList

T0 = sample.T0


def _items(prefix: str, count: int, start_hours: int = 0) -> list:
    return [
        (f"{prefix}-{n}", f"{prefix} item {n}", T0 + timedelta(hours=start_hours - n))
        for n in range(count)
    ]


def _config(tmp_path: Path, urls: list[str], *, refresh_on_start: bool) -> Path:
    path = tmp_path / "feeds.toml"
    feeds = "".join(f'[[feed]]\nurl = "{url}"\n\n' for url in urls)
    start = "true" if refresh_on_start else "false"
    path.write_text(f"[settings]\nrefresh_on_start = {start}\n\n{feeds}", encoding="utf-8")
    return path


async def test_refresh_shows_progress_and_names_failed_feeds(
    tmp_path: Path, http_server: LoopbackServer
) -> None:
    gate = threading.Event()

    def held(request: Request, reply: Reply) -> None:
        gate.wait(10)
        reply.send(200, sample.rss("Slow", _items("slow", 2)), {"Content-Type": RSS})

    good = http_server.route("/good.xml", respond(sample.rss("Good", _items("good", 3))))
    bad = http_server.route("/gone.xml", respond(b"gone", status=404, content_type="text/plain"))
    slow = http_server.route("/slow.xml", held)
    path = _config(tmp_path, [good, bad, slow], refresh_on_start=True)
    store = Store.open(tmp_path / "cache.db")
    two_done = threading.Event()
    seen: list[object] = []

    def hook(message: object) -> None:
        seen.append(message)
        if isinstance(message, RefreshProgressed) and message.done == 2:
            two_done.set()

    app = NewstermApp(load_config(path), path, store, open_url=print, timing=QUIET)
    try:
        async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
            assert await asyncio.to_thread(two_done.wait, 10)
            await pilot.pause()
            screen = main_screen(pilot)
            assert screen.status.text == "Refreshing 2/3"
            bar = screen.status.query_one(ProgressBar)
            assert bar.display and bar.total == 3 and bar.progress == 2
            gate.set()
            await settle(pilot)
            assert screen.status.text.endswith("Refreshed 3 feeds · 5 new · 1 failed")
            assert not screen.status.has_class("-busy")
            assert screen.article_list.count == 5
            broken = [e for e in screen.feed_list.entries if e.error]
            assert [e.view.feed_urls for e in broken] == [(bad,)]
            assert "404" in (broken[0].error or "")
    finally:
        gate.set()
        store.close()
    assert any(isinstance(m, RefreshStarted) and m.total == 3 for m in seen)
    notes = [m.notification for m in seen if isinstance(m, Notify)]
    failure = [n for n in notes if n.severity == "warning"]
    assert len(failure) == 1
    assert "1 feed failed" in failure[0].message and bad in failure[0].message
    assert "404" in failure[0].message


async def test_refresh_keeps_the_highlighted_article(
    tmp_path: Path, http_server: LoopbackServer
) -> None:
    url = http_server.url("/feed.xml")
    old = _items("item", 6)
    new = _items("new", 3, start_hours=10)  # all newer than the cached ones
    http_server.route("/feed.xml", respond(sample.rss("Loop", new + old)))
    path = _config(tmp_path, [url], refresh_on_start=False)
    config = load_config(path)
    store = Store.open(tmp_path / "cache.db")
    store.sync_feeds(config.feeds)
    body = sample.rss("Loop", old)
    result = FetchResult(url=url, final_url=url, status=200, body=body)
    store.save_feed(url, result, parse_feed(body, url=url), now=T0)
    app = NewstermApp(config, path, store, open_url=print, timing=QUIET)
    try:
        async with started(app) as (pilot, screen):
            articles = screen.article_list
            await pilot.press("j", "j", "j")
            before = articles.highlighted_row
            assert before is not None and before.title == "item item 3"
            await pilot.press("R")
            await settle(pilot)
            assert screen.article_list is articles  # updated in place, never rebuilt
            assert articles.count == 9
            after = articles.highlighted_row
            assert after is not None and after.id == before.id
            assert articles.cursor == 6
            assert screen.feed_list.entries[0].unread == 9
    finally:
        store.close()


async def test_r_refreshes_only_the_selected_feed(
    tmp_path: Path, http_server: LoopbackServer
) -> None:
    one = http_server.route("/one.xml", respond(sample.rss("One", _items("one", 2))))
    two = http_server.route("/two.xml", respond(sample.rss("Two", _items("two", 2))))
    path = _config(tmp_path, [one, two], refresh_on_start=False)
    store = Store.open(tmp_path / "cache.db")
    app = NewstermApp(load_config(path), path, store, open_url=print, timing=QUIET)
    try:
        async with started(app) as (pilot, screen):
            await pilot.press("shift+tab", "G", "k", "k", "k")  # the last feed, above the views
            await settle(pilot)
            await pilot.press("r")
            await settle(pilot)
            assert screen.article_list.count == 2
            assert [r.path for r in http_server.requests] == ["/two.xml"]
    finally:
        store.close()


QUIT_SCRIPT = """
import asyncio, sys, time
from pathlib import Path
from newsterm.config import load_config
from newsterm.store import Store
from newsterm.ui.app import NewstermApp
from newsterm.ui.timing import Timing

path, db = Path(sys.argv[1]), Path(sys.argv[2])
store = Store.open(db)
app = NewstermApp(load_config(path), path, store, open_url=print, timing=Timing(watch_every=0))

async def auto(pilot):
    while not Path(sys.argv[3]).exists():  # the server saw the request
        await asyncio.sleep(0.05)
    await pilot.press("q")

started = time.monotonic()
app.run(headless=True, auto_pilot=auto)
store.close()
print(app.return_code, round(time.monotonic() - started, 2))
"""


def test_quitting_mid_refresh_does_not_wait_for_slow_feeds(
    tmp_path: Path, http_server: LoopbackServer
) -> None:
    gate = threading.Event()
    asked = tmp_path / "asked"

    def stuck(request: Request, reply: Reply) -> None:
        asked.touch()
        gate.wait(30)
        reply.send(200, sample.rss("Stuck", _items("stuck", 1)), {"Content-Type": RSS})

    url = http_server.route("/stuck.xml", stuck)
    path = _config(tmp_path, [url], refresh_on_start=True)
    script = tmp_path / "quit.py"
    script.write_text(QUIT_SCRIPT, encoding="utf-8")
    argv = [sys.executable, str(script), str(path), str(tmp_path / "cache.db"), str(asked)]
    try:
        # A real run: asyncio.run() joins worker threads on the way out, so a refresh that
        # ignored the quit would hold the process until the feed answered (30 s).
        done = subprocess.run(argv, capture_output=True, text=True, timeout=20, check=True)
    finally:
        gate.set()
    # the subprocess timeout (20 s) is shorter than the stalled feed (30 s): a quit that
    # waited for the refresh would fail there
    code = done.stdout.split()[-2]
    assert code == "0", done.stdout


async def test_feeds_refresh_again_every_refresh_minutes(
    tmp_path: Path, http_server: LoopbackServer
) -> None:
    url = http_server.route("/feed.xml", respond(sample.rss("Loop", _items("item", 2))))
    path = _config(tmp_path, [url], refresh_on_start=False)
    path.write_text(path.read_text().replace("[settings]", "[settings]\nrefresh_minutes = 1"))
    store = Store.open(tmp_path / "cache.db")
    finished = threading.Semaphore(0)
    seen: set[int] = set()

    def hook(message: object) -> None:
        # The hook sees a message again at each parent it bubbles to: count each once.
        if isinstance(message, RefreshFinished) and id(message.summary) not in seen:
            seen.add(id(message.summary))
            finished.release()

    minute = Timing(watch_every=0, minute=0.05)  # refresh_minutes = 1: every 50 ms
    app = NewstermApp(load_config(path), path, store, open_url=print, timing=minute)
    try:
        async with app.run_test(size=(120, 40), message_hook=hook):
            for _ in range(2):  # nothing but the timer starts these
                assert await asyncio.to_thread(finished.acquire, True, 10)
        assert len(http_server.requests_to("/feed.xml")) >= 2
    finally:
        store.close()


async def test_an_injected_transport_carries_the_refresh(tmp_path: Path) -> None:
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        body = sample.rss("Mocked", _items("mock", 4))
        # stream=, not content=: fetch reads the raw stream, which content= has consumed.
        return httpx.Response(200, stream=httpx.ByteStream(body), headers={"Content-Type": RSS})

    path = _config(tmp_path, ["https://mock.example/feed"], refresh_on_start=True)
    store = Store.open(tmp_path / "cache.db")
    app = NewstermApp(
        load_config(path),
        path,
        store,
        open_url=print,
        transport=httpx.MockTransport(answer),
        timing=QUIET,
    )
    try:
        async with started(app) as (_, screen):
            assert screen.article_list.count == 4
    finally:
        store.close()
    assert seen == ["https://mock.example/feed"]


async def test_a_refresh_reloads_the_list_in_batches_not_per_feed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reloads: list[int] = []
    original = ArticleList.reload

    def counted(self: ArticleList) -> None:
        reloads.append(1)
        original(self)

    monkeypatch.setattr(ArticleList, "reload", counted)
    answered = threading.Semaphore(0)

    async def answer(request: httpx.Request) -> httpx.Response:
        # One feed answers at a time, when the test says so: every progress message is
        # handled on its own, as on a slow network.
        assert await asyncio.to_thread(answered.acquire, True, 10)
        name = request.url.path.strip("/")
        body = sample.rss(name, _items(name, 2))
        return httpx.Response(200, stream=httpx.ByteStream(body), headers={"Content-Type": RSS})

    urls = [f"https://feeds.example/f{n}" for n in range(5)]
    path = _config(tmp_path, urls, refresh_on_start=True)
    store = Store.open(tmp_path / "cache.db")
    handled = asyncio.Queue[int]()

    def hook(message: object) -> None:
        if isinstance(message, RefreshProgressed):
            handled.put_nowait(message.done)

    app = NewstermApp(
        load_config(path),
        path,
        store,
        open_url=print,  # type: ignore[arg-type]
        transport=httpx.MockTransport(answer),
        timing=Timing(watch_every=0, reload_every=60),  # no second batch during this test
    )
    try:
        async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
            screen = main_screen(pilot)
            for done in range(1, len(urls)):
                answered.release()
                while await asyncio.wait_for(handled.get(), 10) != done:
                    pass
                shown = f"Refreshing {done}/"
                await wait_until(pilot, lambda s=shown: screen.status.text.startswith(s))
                assert len(reloads) == 1  # the first news at once, the rest wait their turn
            answered.release()
            await settle(pilot)
            assert main_screen(pilot).article_list.count == 2 * len(urls)
    finally:
        for _ in urls:
            answered.release()
        store.close()
    assert len(reloads) == 2  # plus one when the refresh ended


async def test_start_up_skips_feeds_not_due_and_R_fetches_them(
    tmp_path: Path, http_server: LoopbackServer
) -> None:
    cached = {"Cache-Control": "max-age=3600"}
    fresh = http_server.route(
        "/fresh.xml", respond(sample.rss("Fresh", _items("f", 2)), headers=cached)
    )
    plain = http_server.route("/plain.xml", respond(sample.rss("Plain", _items("p", 1))))
    path = _config(tmp_path, [fresh, plain], refresh_on_start=True)
    store = Store.open(tmp_path / "cache.db")
    try:
        app = NewstermApp(load_config(path), path, store, open_url=print, timing=QUIET)
        async with app.run_test(size=(120, 40)) as pilot:  # the first run: both are due
            await settle(pilot)
            assert main_screen(pilot).status.text.endswith("Refreshed 2 feeds · 3 new")
        http_server.reset_counters()
        seen: list[object] = []
        app = NewstermApp(load_config(path), path, store, open_url=print, timing=QUIET)
        async with app.run_test(size=(120, 40), message_hook=seen.append) as pilot:
            await settle(pilot)
            screen = main_screen(pilot)
            assert screen.status.text.endswith("Refreshed 1 feed · 0 new · 1 not due")
            assert http_server.requests_to("/fresh.xml") == []
            await pilot.press("R")
            await settle(pilot)
            assert screen.status.text.endswith("Refreshed 2 feeds · 0 new")
            assert len(http_server.requests_to("/fresh.xml")) == 1
        notes = {id(m): m.notification.message for m in seen if isinstance(m, Notify)}
        assert "1 feed refreshed (1 not due): 0 new articles." in notes.values()
        started_runs = {id(m): m.total for m in seen if isinstance(m, RefreshStarted)}
        assert list(started_runs.values()) == [1, 2]  # a message is seen once per hop
    finally:
        store.close()
