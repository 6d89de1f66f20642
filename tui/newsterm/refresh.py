"""Refresh feeds: fetch, parse and store many feeds at once, reporting each as it finishes."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import time
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

import httpx

from newsterm.config import Config, Settings, Subscription
from newsterm.errors import FetchError, HTTPStatusError, StoreError
from newsterm.feeds.fetch import fetch_feed, host_key, make_client
from newsterm.feeds.guard import DEFAULT_LIMITS, ParseLimits
from newsterm.feeds.pool import Parser
from newsterm.feeds.schedule import DEFAULT_SCHEDULE, Schedule
from newsterm.models import FeedState, FeedWrite, FetchResult, PreparedFeed
from newsterm.refresh_hosts import HostQueue
from newsterm.refresh_writes import BatchedWrites
from newsterm.store import Store, rows

PER_HOST = 4
"""Requests in flight to one host at once at most: polite, and what servers expect of a
reader. A host gets more than one only once every host has been started (refresh_hosts.py)."""

HASH_INLINE_BYTES = 1 << 20
"""Bodies up to this size are hashed on the event loop (well under a millisecond); larger
ones in a thread."""


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
    was_failing: str | None = None  # why the refresh before this one failed; None if it worked

    @property
    def failure_is_news(self) -> bool:
        """It failed, and not as last time: it started failing, or its reason changed."""
        return not self.ok and self.error != self.was_failing

    @property
    def recovered(self) -> bool:
        """It failed last time and worked now."""
        return self.ok and self.was_failing is not None


@dataclass(frozen=True, slots=True)
class RefreshSummary:
    """Totals for one refresh."""

    outcomes: tuple[FeedOutcome, ...]
    seconds: float
    skipped: int = 0
    """Feeds left alone because they were not due yet."""
    pages: int = 0
    """Article pages whose full text was read (feeds with full_text = true)."""
    pages_failed: int = 0
    """Article pages that could not be fetched or read."""

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
        """One line: '40 feeds: 37 ok (12 not modified), 3 failed, 5 not due (skipped);
        318 new articles, full text of 9 pages (1 failed) in 4.2 s'; feeds left alone are
        counted in the feeds, and pages are named only when some were tried."""
        total = self.feeds + self.skipped
        noun = "feed" if total == 1 else "feeds"
        articles = "article" if self.new == 1 else "articles"
        skipped = f", {self.skipped} not due (skipped)" if self.skipped else ""
        tried = self.pages + self.pages_failed
        pages = ""
        if tried:
            pages = f", full text of {tried} {'page' if tried == 1 else 'pages'}"
            pages += f" ({self.pages_failed} failed)" if self.pages_failed else ""
        return (
            f"{total} {noun}: {self.ok} ok ({self.not_modified} not modified), "
            f"{len(self.failed)} failed{skipped}; {self.new} new {articles}{pages} "
            f"in {self.seconds:.1f} s"
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
    parse_limits: ParseLimits = DEFAULT_LIMITS,
    due_only: bool = False,
    schedule: Schedule = DEFAULT_SCHEDULE,
    on_start: Callable[[int, int], None] | None = None,
    on_page: Callable[[int, int], None] | None = None,
) -> RefreshSummary:
    """Refresh the configured feeds (or just ``urls``); one failing feed never stops the rest.

    Parsing runs in ``parse_pool`` when given (a process pool puts a second core to work:
    feedparser is pure Python and holds the GIL), else in a thread. ``parse_limits``
    bounds what one document may cost (feeds/guard.py). With ``due_only`` a feed whose
    server, own hints or failures put its next fetch in the future (``schedule``) is
    skipped and counted. ``on_start(fetching, skipped)`` is called once that is known;
    ``on_page(done, total)`` as each article page of a full_text feed is read.
    """
    started = time.monotonic()
    subs = [s for s in config.feeds if urls is None or s.url in urls]
    await asyncio.to_thread(store.sync_feeds, config.feeds)
    states = await asyncio.to_thread(store.feed_states)
    now = _now()
    due = [s for s in subs if not due_only or states.get(s.url, _NEW).due(now)]
    if on_start is not None:
        on_start(len(due), len(subs) - len(due))
    settings = config.settings
    parser = Parser(parse_pool, parse_limits)
    async with _client(client, settings.concurrency) as http:
        async with BatchedWrites(store, _now) as writes:
            run = _Run(http, writes, parser, settings, schedule, on_outcome, len(due))
            await run.all(due, states)
        # Feeds that carry only summaries: their new articles' pages, after every feed's
        # articles are stored (the batched writes are flushed when their block ends).
        full_text = {s.url for s in subs if s.full_text}  # a set: 2,000 feeds, 4M comparisons
        wanted = [o.url for o in run.outcomes if o.ok and o.url in full_text]
        pages = (0, 0)
        if wanted:
            # (imported here: reading a page pulls in the HTML, layout and appeal code, which
            # a refresh of feeds that carry their whole text never needs)
            from newsterm.full_article import fill_article_pages

            pages = await fill_article_pages(http, store, wanted, settings, on_page)
    await asyncio.to_thread(store.prune, settings.keep_days, now=_now())
    order = {s.url: i for i, s in enumerate(subs)}
    outcomes = sorted(run.outcomes, key=lambda o: order[o.url])
    return RefreshSummary(tuple(outcomes), time.monotonic() - started, len(subs) - len(due), *pages)


_NEW = FeedState()
"""The state of a feed the cache has never fetched: due, no validators."""


@contextlib.asynccontextmanager
async def _client(
    given: httpx.AsyncClient | None, concurrency: int
) -> AsyncIterator[httpx.AsyncClient]:
    """The caller's client, left open; else one made for this refresh and closed after it."""
    if given is not None:
        yield given
        return
    own = make_client(concurrency=concurrency)
    try:
        yield own
    finally:
        await own.aclose()


class _Run:
    """One refresh under way: what every feed shares, its limits, and the outcomes so far."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        writes: BatchedWrites,
        parser: Parser,
        settings: Settings,
        schedule: Schedule,
        on_outcome: OutcomeCallback | None,
        total: int,
    ) -> None:
        self.http = http
        self.writes = writes
        self.parser = parser
        self.schedule = schedule
        self.timeout = settings.timeout_seconds
        self.on_outcome = on_outcome
        self.total = total
        self.outcomes: list[FeedOutcome] = []
        self.fetchers = settings.concurrency
        # A fetcher holds no body while it waits: parsing and storing one feed must not keep
        # the next request waiting. `in_hand` bounds the bodies fetched but not yet stored.
        self.in_hand = asyncio.Semaphore(2 * settings.concurrency)

    async def all(self, subs: Sequence[Subscription], states: dict[str, FeedState]) -> None:
        """Refresh every one of ``subs``: ``concurrency`` fetchers, each host's feeds in turn."""
        queue = HostQueue(subs, lambda sub: host_key(sub.url), PER_HOST)
        async with asyncio.TaskGroup() as group:
            for _ in range(min(self.fetchers, len(subs))):
                group.create_task(self._fetcher(queue, states, group))

    async def _fetcher(
        self,
        queue: HostQueue[Subscription],
        states: dict[str, FeedState],
        group: asyncio.TaskGroup,
    ) -> None:
        """Fetch feeds as the queue hands them out; each is parsed and stored in a task."""
        host = None
        while (taken := queue.take(host)) is not None:
            host, sub = taken
            await self.in_hand.acquire()
            state = states.get(sub.url, _NEW)
            fetched: FetchResult | Exception
            try:
                fetched = await self._fetch(sub.url, state)
            except Exception as exc:  # reported with the rest of the feed's handling
                fetched = exc
            group.create_task(self.one(sub, state, fetched))

    async def one(
        self, sub: Subscription, state: FeedState, fetched: FetchResult | Exception
    ) -> None:
        """Parse and store one fetched feed, and report how it ended."""
        try:
            outcome = await self._refresh_one(sub, state, fetched)
        finally:
            self.in_hand.release()
        self.outcomes.append(outcome)
        if self.on_outcome is not None:
            self.on_outcome(outcome, len(self.outcomes), self.total)

    async def _refresh_one(
        self, sub: Subscription, state: FeedState, fetched: FetchResult | Exception
    ) -> FeedOutcome:
        """Parse and store one feed; every failure, the fetch's too, becomes a failed outcome."""
        title = sub.title or sub.url
        try:
            if isinstance(fetched, Exception):
                raise fetched
            result, parsed, body_hash = await self._parse_if_changed(fetched, state)
            if parsed is not None:
                title = sub.title or parsed.title or sub.url
            fresh = parsed.fresh_for if parsed is not None else state.feed_fresh_for
            wait = self.schedule.after_success(result.fresh_for, fresh)
            write = FeedWrite(sub.url, _now() + _span(wait), result, parsed, body_hash=body_hash)
            new = await self.writes.write(write)
        except FetchError as exc:
            return await self._failed(sub.url, title, str(exc), state, exc)
        except StoreError as exc:  # not recorded: the cache is what failed
            return FeedOutcome(sub.url, title, ok=False, error=str(exc), was_failing=state.error)
        except Exception as exc:  # a bug in one feed's handling must not stop the others
            error = f"unexpected {type(exc).__name__}: {exc}"
            return await self._failed(sub.url, title, error, state, None)
        return _succeeded(sub.url, title, result, parsed, new, state)

    async def _fetch(self, url: str, state: FeedState) -> FetchResult:
        """Fetch ``url`` with its stored validators, or the feed its page named last time."""
        return await fetch_feed(
            self.http,
            url,
            etag=state.etag,
            last_modified=state.last_modified,
            known_feed_url=state.found_feed,
            timeout=self.timeout,
        )

    async def _parse_if_changed(
        self, result: FetchResult, state: FeedState
    ) -> tuple[FetchResult, PreparedFeed | None, str | None]:
        """The parsed body of a 200, or no parse when its bytes are the ones parsed last time.

        Many servers send no validators, so every refresh gets the whole feed again; an
        unchanged body is then stored as a 304 is, at the cost of one hash.
        """
        if result.body is None:
            return result, None, None
        body = result.body
        if len(body) <= HASH_INLINE_BYTES:
            body_hash = _body_hash(body)
        else:
            body_hash = await asyncio.to_thread(_body_hash, body)
        if body_hash == state.body_hash:
            return replace(result, body=None), None, None
        return result, await self.parser.parse_prepared(result, rows.prepared), body_hash

    async def _failed(
        self, url: str, title: str, error: str, state: FeedState, exc: FetchError | None
    ) -> FeedOutcome:
        """Record a failure in the cache and when to try again, and say it."""
        asked = exc.retry_after if isinstance(exc, HTTPStatusError) else None
        wait = self.schedule.after_failure(state.failures + 1, asked)
        # The failure is still reported to the user when the cache can't hold it.
        with contextlib.suppress(StoreError):
            await self.writes.write(FeedWrite(url, _now() + _span(wait), error=error))
        return FeedOutcome(url, title, ok=False, error=error, was_failing=state.error)


def _succeeded(
    url: str,
    title: str,
    result: FetchResult,
    parsed: PreparedFeed | None,
    new: int,
    state: FeedState,
) -> FeedOutcome:
    """The outcome of a feed fetched (or not modified) and stored."""
    # A page's feed is news the first time, or when the page names another one.
    found = state.found_feed
    discovered = result.final_url if result.discovered_from and result.final_url != found else None
    return FeedOutcome(
        url,
        title,
        ok=True,
        new=new,
        not_modified=result.not_modified,
        moved_to=result.permanent_redirect,
        discovered=discovered,
        warning=parsed.warning if parsed else None,
        was_failing=state.error,
    )


def _now() -> datetime:
    return datetime.now(UTC)


def _span(seconds: float) -> timedelta:
    return timedelta(seconds=seconds)


def _body_hash(body: bytes) -> str:
    return hashlib.blake2b(body, digest_size=16).hexdigest()
