"""Refresh feeds: fetch, parse and store many feeds at once, reporting each as it finishes."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from newsterm.config import Config, Settings, Subscription
from newsterm.errors import FetchError, StoreError
from newsterm.feeds.fetch import fetch_feed, host_key, make_client
from newsterm.feeds.guard import DEFAULT_LIMITS, ParseLimits
from newsterm.feeds.pool import Parser
from newsterm.full_article import fill_article_pages
from newsterm.models import FetchResult, ParsedFeed
from newsterm.store import Store

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
    parse_limits: ParseLimits = DEFAULT_LIMITS,
) -> RefreshSummary:
    """Refresh the configured feeds (or just ``urls``); one failing feed never stops the rest.

    Parsing runs in ``parse_pool`` when given (a process pool puts a second core to work:
    feedparser is pure Python and holds the GIL), else in a thread. ``parse_limits``
    bounds what one document may cost (feeds/guard.py).
    """
    started = time.monotonic()
    subs = [s for s in config.feeds if urls is None or s.url in urls]
    await asyncio.to_thread(store.sync_feeds, config.feeds)
    settings = config.settings
    async with _client(client, settings.concurrency) as http:
        run = _Run(http, store, Parser(parse_pool, parse_limits), settings, on_outcome, len(subs))
        await run.all(subs)
        # Feeds that carry only summaries: their new articles' pages, after every feed.
        wanted = [o.url for o in run.outcomes if o.ok and _full_text(subs, o.url)]
        await fill_article_pages(http, store, wanted, settings)
    await asyncio.to_thread(store.prune, settings.keep_days, now=_now())
    order = {s.url: i for i, s in enumerate(subs)}
    outcomes = sorted(run.outcomes, key=lambda o: order[o.url])
    return RefreshSummary(tuple(outcomes), time.monotonic() - started)


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
        store: Store,
        parser: Parser,
        settings: Settings,
        on_outcome: OutcomeCallback | None,
        total: int,
    ) -> None:
        self.http = http
        self.store = store
        self.parser = parser
        self.timeout = settings.timeout_seconds
        self.on_outcome = on_outcome
        self.total = total
        self.outcomes: list[FeedOutcome] = []
        self.overall = asyncio.Semaphore(settings.concurrency)
        self.per_host: defaultdict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(PER_HOST)
        )
        # Slots are held only while fetching: parsing and storing one feed must not keep
        # the next request waiting. `in_hand` bounds the bodies fetched but not yet stored.
        self.in_hand = asyncio.Semaphore(2 * settings.concurrency)

    async def all(self, subs: Sequence[Subscription]) -> None:
        """Refresh every one of ``subs`` at once, within the limits."""
        async with asyncio.TaskGroup() as group:
            for sub in subs:
                group.create_task(self.one(sub))

    async def one(self, sub: Subscription) -> None:
        """Refresh one feed, and report how it ended."""
        async with self.in_hand:
            outcome = await self._refresh_one(sub)
        self.outcomes.append(outcome)
        if self.on_outcome is not None:
            self.on_outcome(outcome, len(self.outcomes), self.total)

    async def _refresh_one(self, sub: Subscription) -> FeedOutcome:
        """Fetch, parse and store one feed; every failure becomes a failed outcome."""
        title = sub.title or sub.url
        try:
            result, found = await self._fetch(sub.url)
            parsed = None
            if result.body is not None:
                parsed = await self.parser.parse(result)
                title = sub.title or parsed.title or sub.url
            new = await asyncio.to_thread(self.store.save_feed, sub.url, result, parsed, now=_now())
        except FetchError as exc:
            return await self._failed(sub.url, title, str(exc))
        except StoreError as exc:  # not recorded: the cache is what failed
            return FeedOutcome(sub.url, title, ok=False, error=str(exc))
        except Exception as exc:  # a bug in one feed's handling must not stop the others
            return await self._failed(sub.url, title, f"unexpected {type(exc).__name__}: {exc}")
        return _succeeded(sub.url, title, result, parsed, new, found)

    async def _fetch(self, url: str) -> tuple[FetchResult, str | None]:
        """Fetch ``url`` with its stored validators; also the feed its page named last time."""
        etag, last_modified = await asyncio.to_thread(self.store.validators, url)
        found = await asyncio.to_thread(self.store.found_feed, url)
        async with self.per_host[host_key(url)], self.overall:
            result = await fetch_feed(
                self.http,
                url,
                etag=etag,
                last_modified=last_modified,
                known_feed_url=found,
                timeout=self.timeout,
            )
        return result, found

    async def _failed(self, url: str, title: str, error: str) -> FeedOutcome:
        """Record a failure in the cache, and say it."""
        # The failure is still reported to the user when the cache can't hold it.
        with contextlib.suppress(StoreError):
            await asyncio.to_thread(self.store.save_failure, url, error, now=_now())
        return FeedOutcome(url, title, ok=False, error=error)


def _succeeded(
    url: str,
    title: str,
    result: FetchResult,
    parsed: ParsedFeed | None,
    new: int,
    found: str | None,
) -> FeedOutcome:
    """The outcome of a feed fetched (or not modified) and stored."""
    # A page's feed is news the first time, or when the page names another one.
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
    )


def _full_text(subs: Sequence[Subscription], url: str) -> bool:
    return any(s.url == url and s.full_text for s in subs)


def _now() -> datetime:
    return datetime.now(UTC)
