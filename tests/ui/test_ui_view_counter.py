"""The saved views' counter on its own: a failing view, pacing after slow rounds, stale rounds."""

from __future__ import annotations

import sqlite3
import time
from typing import Any

import pytest
import ui_sample as sample
from textual import on
from textual.app import App, ComposeResult
from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot
from ui_helpers import Setup

from newsterm.store import Store
from newsterm.ui.messages import ViewsCounted, WorkFailed
from newsterm.ui.view import View
from newsterm.ui.view_counter import ViewCounter
from newsterm.view_query import Term, ViewQuery, parse_view_query

NEWS_UNREAD = sample.FEEDS[0].count
TECH_UNREAD = sample.FEEDS[1].count


class CounterApp(App[None]):
    """Only a ViewCounter, keeping what it posts."""

    def __init__(self, store: Store, every: float) -> None:
        super().__init__()
        self.counter = ViewCounter(store, every=every)
        self.counted: list[dict[str, int]] = []
        self.failed: list[WorkFailed] = []

    def compose(self) -> ComposeResult:
        yield self.counter

    @on(ViewsCounted)
    def _counted(self, message: ViewsCounted) -> None:
        self.counted.append(message.counts)

    @on(WorkFailed)
    def _failed(self, message: WorkFailed) -> None:
        self.failed.append(message)


def _view(setup: Setup, title: str, query: str | ViewQuery) -> View:
    matching = parse_view_query(query) if isinstance(query, str) else query
    urls = tuple(s.url for s in setup.config.feeds)
    return View(f"view:{title}", title, urls, matching=matching)


async def _until(pilot: Pilot[None], done: Any, seconds: float = 10.0) -> None:
    """Wait for ``done()``, a round of the counter at a time, failing after ``seconds``."""
    end = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < end, "the counter never got there"
        await pilot.pause(0.02)


async def test_one_view_failing_leaves_the_others_counted_and_is_said_once(
    setup: Setup,
) -> None:
    # A NUL that reached the index (parse_view_query refuses it in feeds.toml) breaks FTS5.
    broken = ViewQuery("x\x00y", (Term("text", "x\x00y"),))
    views = [_view(setup, "News", "unread tag:news"), _view(setup, "Broken", broken)]
    notes: list[str] = []

    def hook(message: Message) -> None:
        if isinstance(message, Notify):
            notes.append(message.notification.message)

    app = CounterApp(setup.store, every=0)
    async with app.run_test(message_hook=hook) as pilot:
        for rounds in range(1, 4):
            app.counter.count(views)
            await _until(pilot, lambda: len(app.counted) == rounds)  # noqa: B023 (awaited here)
        await pilot.pause()
    assert app.counted[-1] == {"view:News": NEWS_UNREAD}
    assert app.failed == []  # not "counting the views failed: cache …"
    [note] = notes  # said once, not after every round
    assert note.startswith("The view 'Broken' cannot be counted: its query failed")
    assert "cache" not in note


async def test_the_next_round_waits_its_pace_after_a_slow_one_ends(
    setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    every, slow = 0.3, 0.5
    calls: list[tuple[float, float]] = []
    begun: list[float] = []
    count = Store.count_articles

    def slow_count(self: Store, **filters: Any) -> int:
        start = time.monotonic()
        begun.append(start)
        time.sleep(slow)  # a round longer than the pace
        calls.append((start, time.monotonic()))
        return count(self, **filters)

    monkeypatch.setattr(Store, "count_articles", slow_count)
    views = [_view(setup, "News", "unread tag:news")]
    app = CounterApp(setup.store, every=every)
    async with app.run_test() as pilot:
        app.counter.count(views)
        await _until(pilot, lambda: bool(begun))
        app.counter.count(views)  # asked while the first round runs
        await _until(pilot, lambda: len(app.counted) == 2)
    (_, first_end), (second_start, _) = calls
    assert second_start - first_end >= every * 0.9  # not straight after the slow round


async def test_a_round_for_a_changed_query_never_shows_under_the_new_one(
    setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    count = Store.count_articles
    started: list[float] = []

    def slow_count(self: Store, **filters: Any) -> int:
        started.append(time.monotonic())
        time.sleep(0.3)
        return count(self, **filters)

    monkeypatch.setattr(Store, "count_articles", slow_count)
    app = CounterApp(setup.store, every=0)
    async with app.run_test() as pilot:
        app.counter.count([_view(setup, "Picked", "unread tag:news")])
        await _until(pilot, lambda: bool(started))
        app.counter.count([_view(setup, "Picked", "unread tag:tech")])  # edited meanwhile
        await _until(pilot, lambda: len(started) == 2 and bool(app.counted))
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert app.counted == [{"view:Picked": TECH_UNREAD}]


async def test_unmounting_while_a_round_runs_closes_the_connection_after_it(
    setup: Setup, monkeypatch: pytest.MonkeyPatch
) -> None:
    count = Store.count_articles
    started: list[Store] = []
    closed: list[bool] = []

    def slow_count(self: Store, **filters: Any) -> int:
        started.append(self)
        time.sleep(0.3)
        result = count(self, **filters)  # would fail if closed under it
        closed.append(False)
        return result

    monkeypatch.setattr(Store, "count_articles", slow_count)
    app = CounterApp(setup.store, every=0)
    async with app.run_test() as pilot:
        app.counter.count([_view(setup, "News", "unread tag:news")])
        await _until(pilot, lambda: bool(started))
        await app.counter.remove()
        await _until(pilot, lambda: bool(closed) and _is_closed(started[0]))
    assert closed == [False]  # the count finished on an open connection, closed after it
    assert started[0] is not setup.store and not _is_closed(setup.store)


def _is_closed(store: Store) -> bool:
    try:
        store._conn.execute("SELECT 1")
    except sqlite3.ProgrammingError:
        return True
    return False
