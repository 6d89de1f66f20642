"""Refresh feeds: fetch, parse and store many feeds at once, reporting each as it finishes."""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import multiprocessing
import os
import signal
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import BrokenExecutor, Executor, ProcessPoolExecutor
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial

import httpx

from newsterm.config import Config, Subscription
from newsterm.errors import FetchError, StoreError
from newsterm.feeds.fetch import fetch_feed, host_key, make_client
from newsterm.feeds.parse import parse_feed
from newsterm.models import FetchResult, ParsedFeed
from newsterm.store import Store

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
PER_HOST = 4
"""Requests in flight to one host at once: polite, and what servers expect of a reader."""


@dataclass(frozen=True, slots=True)
class FeedOutcome:
    """How one feed's refresh ended."""

    url: str
    title: str
    ok: bool
    new: int = 0
    not_modified: bool = False
    error: str | None = None
    moved_to: str | None = None  # a permanent redirect, reported, never written to feeds.toml
    discovered: str | None = None  # the feed URL found on an HTML page
    warning: str | None = None  # the parser recovered from a malformed document


@dataclass(frozen=True, slots=True)
class RefreshSummary:
    """Totals for one refresh."""

    outcomes: tuple[FeedOutcome, ...]
    seconds: float

    @property
    def feeds(self) -> int:
        return len(self.outcomes)

    @property
    def ok(self) -> int:
        return sum(o.ok for o in self.outcomes)

    @property
    def not_modified(self) -> int:
        return sum(o.not_modified for o in self.outcomes)

    @property
    def failed(self) -> tuple[FeedOutcome, ...]:
        return tuple(o for o in self.outcomes if not o.ok)

    @property
    def new(self) -> int:
        return sum(o.new for o in self.outcomes)

    def describe(self) -> str:
        """One line: '40 feeds: 37 ok (12 not modified), 3 failed; 318 new articles in 4.2 s'."""
        noun = "feed" if self.feeds == 1 else "feeds"
        articles = "article" if self.new == 1 else "articles"
        return (
            f"{self.feeds} {noun}: {self.ok} ok ({self.not_modified} not modified), "
            f"{len(self.failed)} failed; {self.new} new {articles} in {self.seconds:.1f} s"
        )


OutcomeCallback = Callable[[FeedOutcome, int, int], None]


async def refresh(
    config: Config,
    store: Store,
    *,
    urls: Sequence[str] | None = None,
    client: httpx.AsyncClient | None = None,
    on_outcome: OutcomeCallback | None = None,
    parse_pool: Executor | None = None,
) -> RefreshSummary:
    """Refresh the configured feeds (or just ``urls``); one failing feed never stops the rest.

    Parsing runs in ``parse_pool`` when given (a process pool puts a second core to work:
    feedparser is pure Python and holds the GIL), else in a thread.
    """
    started = time.monotonic()
    subs = [s for s in config.feeds if urls is None or s.url in urls]
    await asyncio.to_thread(store.sync_feeds, config.feeds)
    settings = config.settings
    overall = asyncio.Semaphore(settings.concurrency)
    per_host: defaultdict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(PER_HOST))
    outcomes: list[FeedOutcome] = []
    own_client = client is None
    http = client or make_client(concurrency=settings.concurrency)
    parser = _Parser(parse_pool)

    # Slots are held only while fetching: parsing and storing one feed must not keep
    # the next request waiting. `in_hand` bounds the bodies fetched but not yet stored.
    in_hand = asyncio.Semaphore(2 * settings.concurrency)

    @contextlib.asynccontextmanager
    async def fetch_slot(url: str) -> AsyncIterator[None]:
        async with per_host[host_key(url)], overall:
            yield

    async def one(sub: Subscription) -> None:
        async with in_hand:
            outcome = await _refresh_one(
                http, store, parser, sub, settings.timeout_seconds, fetch_slot
            )
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome, len(outcomes), len(subs))

    try:
        async with asyncio.TaskGroup() as group:
            for sub in subs:
                group.create_task(one(sub))
    finally:
        if own_client:
            await http.aclose()
    await asyncio.to_thread(store.prune, settings.keep_days, now=_now())
    order = {s.url: i for i, s in enumerate(subs)}
    outcomes.sort(key=lambda o: order[o.url])
    return RefreshSummary(tuple(outcomes), time.monotonic() - started)


class _Parser:
    """Runs parse_feed off the event loop, in a process pool while one keeps working."""

    def __init__(self, pool: Executor | None) -> None:
        self.pool = pool

    async def parse(self, result: FetchResult) -> ParsedFeed:
        assert result.body is not None
        job = partial(
            parse_feed, result.body, url=result.final_url, content_type=result.content_type
        )
        if self.pool is not None:
            try:
                return await asyncio.get_running_loop().run_in_executor(self.pool, job)
            except BrokenExecutor:
                self.pool = None  # a worker died (killed, out of memory): carry on in threads
        return await asyncio.to_thread(job)


async def _refresh_one(
    client: httpx.AsyncClient,
    store: Store,
    parser: _Parser,
    sub: Subscription,
    timeout: float,
    fetch_slot: Callable[[str], AbstractAsyncContextManager[None]],
) -> FeedOutcome:
    title = sub.title or sub.url
    try:
        etag, last_modified = await asyncio.to_thread(store.validators, sub.url)
        found = await asyncio.to_thread(store.found_feed, sub.url)
        async with fetch_slot(sub.url):
            result = await fetch_feed(
                client,
                sub.url,
                etag=etag,
                last_modified=last_modified,
                known_feed_url=found,
                timeout=timeout,
            )
        parsed = None
        if result.body is not None:
            parsed = await parser.parse(result)
            title = sub.title or parsed.title or sub.url
        new = await asyncio.to_thread(store.save_feed, sub.url, result, parsed, now=_now())
    except FetchError as exc:
        await _record_failure(store, sub.url, str(exc))
        return FeedOutcome(sub.url, title, ok=False, error=str(exc))
    except StoreError as exc:
        return FeedOutcome(sub.url, title, ok=False, error=str(exc))
    except Exception as exc:  # a bug in one feed's handling must not stop the others
        error = f"unexpected {type(exc).__name__}: {exc}"
        await _record_failure(store, sub.url, error)
        return FeedOutcome(sub.url, title, ok=False, error=error)
    return FeedOutcome(
        sub.url,
        title,
        ok=True,
        new=new,
        not_modified=result.not_modified,
        moved_to=result.permanent_redirect,
        # A page's feed is news the first time, or when the page names another one.
        discovered=result.final_url
        if result.discovered_from and result.final_url != found
        else None,
        warning=parsed.warning if parsed else None,
    )


async def _record_failure(store: Store, url: str, error: str) -> None:
    # The failure is still reported to the user when the cache can't hold it.
    with contextlib.suppress(StoreError):
        await asyncio.to_thread(store.save_failure, url, error, now=_now())


def parse_pool(feeds: int) -> Executor | None:
    """A process pool for parsing many feeds, or None where it would not pay.

    Call it before any thread starts: the workers are forked, which is quick and shares
    the already imported parser, and forking a process with threads is unsafe.
    """
    cpus = os.cpu_count() or 1
    if feeds < 16 or cpus < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    pool = ProcessPoolExecutor(
        max_workers=min(cpus, 4),
        mp_context=multiprocessing.get_context("fork"),
        initializer=_die_with_parent,
        initargs=(os.getpid(),),
    )
    pool.submit(int).result()  # start the workers now, while this process has one thread
    return pool


def _die_with_parent(parent: int) -> None:
    """Make a parse worker exit when its parent does, however the parent ends.

    A refresh killed with SIGKILL or SIGTERM never shuts its pool down, and the
    workers, blocked on a pipe the dead parent held open, would live forever.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return  # not Linux: the pool's own shutdown is all there is
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(0)


def _now() -> datetime:
    return datetime.now(UTC)
