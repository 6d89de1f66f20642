"""The app at scale (run with ``-m benchmark``): a million articles, and 2,000 feeds refreshing.

Caches are built by real refreshes against the loopback feed server and kept between runs
(bench_caches.py). First paint and peak RSS are timed in tmux by the benchmark kit's
tui_first_paint.py; key latencies are timed in the app itself (run_test), from the key
event until the screen has been redrawn with the rows it asked for: no terminal in them. Figures go
to the session's table (conftest.py); nothing here asserts a time.
"""

from __future__ import annotations

import asyncio
import compileall
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from bench_caches import KIT, NEWSTERM, built_cache, write_feeds
from bench_report import record
from textual import events
from textual.message import Message

import newsterm
from newsterm.config import load_config
from newsterm.feeds.pool import parse_pool
from newsterm.store import Store
from newsterm.ui.app import NewstermApp
from newsterm.ui.messages import ArticlesCounted, UnreadExhausted, UnreadFound
from newsterm.ui.screens.main import MainScreen
from newsterm.ui.widgets.article_list import ArticleList
from pilot_settle import settle

pytestmark = pytest.mark.benchmark

SIZES = {"10k": (200, 50), "300k": (2000, 150), "1M": (2000, 500)}
KEY_REPS = 30
MIDDLE_REPS = 10
"""n and p halfway down a list sorted by title: a press took seconds there."""
SETTLE_TIMEOUT = 30.0
QUIET_ROUNDS = 12
"""Rounds of waiting for workers and their messages: a result can start more work."""
POLL = 0.0005
"""Seconds between looks at the app while timing: asyncio.sleep(0) would spin, holding the
interpreter from the workers that read rows and find unread articles."""


@pytest.mark.timeout(7200)
@pytest.mark.parametrize("size", list(SIZES))
def test_first_paint_and_peak_rss(tmp_path: Path, size: str) -> None:
    if not (KIT / "tui_first_paint.py").exists():
        pytest.skip(f"benchmark kit not found at {KIT}")
    cache = built_cache(*SIZES[size])
    _compile_bytecode()
    out = tmp_path / "paint.jsonl"
    run = subprocess.run(
        [
            sys.executable, str(KIT / "tui_first_paint.py"),
            "--regex", r"All articles · [0-9,]+", "--quit-keys", "q q q", "--reps", "3",
            "--tree", "--home", str(tmp_path / "home"), "--json", str(out),
            "--", str(NEWSTERM), "--feeds", str(cache.feeds), "--db", str(cache.db),
        ],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    print(run.stdout, run.stderr, sep="\n")
    runs = [json.loads(line) for line in out.read_text().splitlines()]
    assert runs and all(r["ok"] for r in runs), run.stdout[-2000:]
    paint = [r["paint_s"] for r in runs]
    rss = [r["vmhwm_kb"] / 1024 for r in runs]
    tree = [r["tree_rss_kb"] / 1024 for r in runs]
    record(f"first paint, {size} articles (tmux 120×40)", paint, "s",
           f"peak RSS {statistics.median(rss):.0f} MiB (with parse workers "
           f"{statistics.median(tree):.0f})")  # fmt: skip
    record(f"peak RSS, {size} articles", rss, "MiB")


def _compile_bytecode() -> None:
    """Write the package's bytecode, as installing newsterm does. An editable install run
    with PYTHONDONTWRITEBYTECODE (as here) compiles every module of it at every start: 0.1 s,
    an eighth of the first paint's CPU at 1M, which no installed newsterm spends."""
    compileall.compile_dir(Path(newsterm.__file__).parent, quiet=1)


async def settled(articles: ArticleList) -> None:
    """Until the list has every row it asked for."""
    deadline = time.monotonic() + SETTLE_TIMEOUT
    while articles.rows_pending and time.monotonic() < deadline:
        await asyncio.sleep(POLL)


class KeyTimer:
    """Times a key from the moment the terminal would deliver it until the screen has been
    redrawn with what it asked for: Pilot.press waits for idleness (tens of ms) instead."""

    def __init__(self, app: NewstermApp) -> None:
        self.app = app
        self.seen: list[Message] = []
        self.started = 0.0  # when the last key timed was sent

    def hook(self, message: Message) -> None:
        self.seen.append(message)

    async def time(self, key: str, done: Callable[[], bool]) -> float:
        driver = self.app._driver
        assert driver is not None
        self.seen.clear()
        self.started = time.perf_counter()
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(self.app)
        driver.send_message(event)
        return await self.until(done)

    async def until(self, done: Callable[[], bool]) -> float:
        """Seconds from the last key sent until ``done()`` holds and the screen is redrawn."""
        deadline = time.monotonic() + SETTLE_TIMEOUT
        while not done() and time.monotonic() < deadline:
            await asyncio.sleep(POLL)
        await self.redrawn()
        return time.perf_counter() - self.started

    async def redrawn(self) -> None:
        """Until the screen has been drawn with every change made so far."""
        drawn = asyncio.get_running_loop().create_future()
        self.app.screen.call_after_refresh(drawn.set_result, None)
        await drawn

    def saw(self, *kinds: type[Message]) -> bool:
        return any(isinstance(m, kinds) for m in self.seen)


@pytest.mark.timeout(7200)
async def test_keys_at_a_million(tmp_path: Path) -> None:
    cache = built_cache(*SIZES["1M"])
    store = Store.open(cache.db)
    app = NewstermApp(load_config(cache.feeds), cache.feeds, store, open_url=print)
    timer = KeyTimer(app)
    times: dict[str, list[float]] = {}

    def note(label: str, spent: float) -> None:
        times.setdefault(label, []).append(spent)

    try:
        async with app.run_test(size=(120, 40), message_hook=timer.hook) as pilot:
            screen = pilot.app.screen
            assert isinstance(screen, MainScreen)
            articles = screen.article_list
            while articles.count == 0:
                await asyncio.sleep(0.01)
            await settled(articles)
            await app.workers.wait_for_complete()
            for key in ["j", "k", "pagedown", "pageup", "G", "g"] * KEY_REPS:
                before = articles.cursor

                def moved(before: int = before) -> bool:
                    return articles.cursor != before and not articles.rows_pending

                note(key, await timer.time(key, moved))
            for key in ["n", "p"] * KEY_REPS:
                screen.panes.focus_pane("articles")
                if key == "p":  # a page down first, so that unread rows are above
                    await timer.time("pagedown", lambda: not articles.rows_pending)
                # What the last n or p started (the article read, marked read, the 2,000
                # feeds' counts read again and drawn) done, messages and all: the figures
                # before this counted whatever of it was still queued when the key came.
                await settle(pilot, QUIET_ROUNDS)
                await timer.redrawn()

                def found() -> bool:
                    answered = timer.saw(UnreadFound, UnreadExhausted)
                    return answered and not articles.rows_pending

                note(key, await timer.time(key, found))
                landed = [m.row.id for m in timer.seen if isinstance(m, UnreadFound)]

                def read(landed: list[int] = landed) -> bool:
                    page = screen.reader.page
                    return page is not None and page.article.id == landed[0]

                if landed:  # and on until the reader shows the article, read and laid out
                    note(f"{key}, to the article in the reader", await timer.until(read))
            # Halfway down the list sorted by title: each row's place was counted from an
            # end of the list, and a title's row value was no seek (seconds a press).
            articles.sort_by("title", hide_read=False)
            await settle(pilot, QUIET_ROUNDS)
            articles.move_cursor(articles.count // 2)
            for key in ["n", "p"] * MIDDLE_REPS:
                screen.panes.focus_pane("articles")
                await settle(pilot, QUIET_ROUNDS)
                await timer.redrawn()

                def placed() -> bool:
                    answered = timer.saw(UnreadFound, UnreadExhausted)
                    return answered and not articles.rows_pending

                note(f"{key}, mid-list sorted by title", await timer.time(key, placed))
            articles.sort_by("newest", hide_read=False)
            await settle(pilot, QUIET_ROUNDS)
            screen.panes.focus_pane("feeds")
            await pilot.pause()
            for _ in range(KEY_REPS):

                def shown() -> bool:
                    return timer.saw(ArticlesCounted) and not articles.rows_pending

                note("feed switch (j in the feeds pane)", await timer.time("j", shown))
    finally:
        _unread_again(cache.db, store)
        store.close()
    for key, spent in times.items():
        record(f"`{key}` at 1M articles", [s * 1000 for s in spent], "ms")


def _unread_again(db: Path, store: Store) -> None:
    """Put back what `n` and `p` marked read: the kept cache is built all unread, and every
    run must find its unread articles where the first run did."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        ids = [row[0] for row in conn.execute("SELECT id FROM articles WHERE read = 1")]
    if ids:
        store.set_read(ids, False)


def _open_sockets() -> int:
    fds = Path("/proc/self/fd")
    count = 0
    for fd in fds.iterdir():
        try:
            count += os.readlink(fd).startswith("socket:")
        except OSError:
            continue
    return count


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


@pytest.mark.timeout(3600)
async def test_2000_feeds_over_200_hosts_refresh_with_the_app_open(tmp_path: Path) -> None:
    sys.path.insert(0, str(KIT))
    import benchlib

    pool = parse_pool(2000)  # as the app's launcher makes it: forked before any thread
    with benchlib.FeedServer(2000, 20, 50.0, extra=["--hosts", "200"], max_seconds=1800) as srv:
        feeds = tmp_path / "feeds.toml"
        write_feeds(feeds, srv.urls())
        text = feeds.read_text().replace("refresh_on_start = false", "refresh_on_start = true")
        feeds.write_text(text)
        store = Store.open(tmp_path / "cache.db")
        app = NewstermApp(load_config(feeds), feeds, store, open_url=print, parse_pool=pool)
        timer = KeyTimer(app)
        keys: list[float] = []
        sockets, rss = [], []
        started = time.perf_counter()
        try:
            async with app.run_test(size=(120, 40), message_hook=timer.hook) as pilot:
                screen = pilot.app.screen
                assert isinstance(screen, MainScreen)
                articles = screen.article_list
                while not screen.refresher.running:
                    await asyncio.sleep(0.01)
                while screen.refresher.running:
                    for key in ("j", "k") if articles.count > 1 else ():
                        before = articles.cursor

                        # Not "no rows pending": the list reloads as feeds land, and a key
                        # would be timed until the refresh's latest reload had been read.
                        def moved(before: int = before) -> bool:
                            row = articles.highlighted_row
                            return articles.cursor != before and row is not None

                        keys.append(await timer.time(key, moved))
                    sockets.append(_open_sockets())
                    rss.append(_rss_mib())
                    await asyncio.sleep(0.05)
                took = time.perf_counter() - started
                stored = store.count_articles()
        finally:
            store.close()
            if pool is not None:
                pool.shutdown()
        served = srv.stats()
    assert stored == 40_000, served
    record("refresh 2,000 feeds × 20 over 200 hosts, 50 ms, app open", [took], "s",
           f"open sockets ≤ {max(sockets)}, RSS ≤ {max(rss):.0f} MiB (test process)")  # fmt: skip
    record("`j`/`k` while that refresh runs", [k * 1000 for k in keys], "ms")
