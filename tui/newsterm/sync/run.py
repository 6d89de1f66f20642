"""One sync: push the queued changes, then pull feeds, new items and the server's state.

Pushing first means the state pulled afterwards already holds our changes; a change that
could not be pushed stays queued and keeps its local value (apply_state skips it). Each
page of items is stored with the cursor after it, so a sync cut off anywhere resumes
where it stopped, and a failure ends the run with what was done so far in the summary.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import httpx

from newsterm.config_sync import SyncSettings
from newsterm.errors import NewstermError, SyncError
from newsterm.store import Store
from newsterm.store.syncing import account_key
from newsterm.sync.connection import MAX_RESPONSE_BYTES, ServerConnection, make_sync_client
from newsterm.sync.fever import FeverService
from newsterm.sync.greader import GReaderService
from newsterm.sync.secret import Secret
from newsterm.sync.service import SyncService

__all__ = ["LAST_ERROR", "LAST_SYNC", "SyncProgress", "SyncSummary", "make_service", "run_sync"]

LAST_SYNC = "last_sync"
"""sync_meta key: when the last sync succeeded (unix seconds)."""
LAST_ERROR = "last_error"
"""sync_meta key: why the last sync failed ("" after a success)."""
PUSH_BATCH = 500  # queued changes read and pushed at a time
FETCH_BY_ID = 1_000  # missing items fetched by id at a time


@dataclass(frozen=True, slots=True)
class SyncSummary:
    """What one sync did, and what failed."""

    host: str
    new: int = 0
    pulled: int = 0  # read or starred flags changed by the server's state
    pushed: int = 0
    refused: int = 0  # changes the server can never take (items it no longer has)
    pending: int = 0  # changes still waiting after this sync
    error: str | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None

    def describe(self) -> str:
        """One line: 'sync with rss.example.org: 523 new items, 5 changes pulled, 12 pushed'."""
        noun = "item" if self.new == 1 else "items"
        line = (
            f"sync with {self.host}: {self.new} new {noun}, {self.pulled} state changes pulled, "
            f"{self.pushed} changes pushed"
        )
        if self.refused:
            line += f", {self.refused} refused by the server (dropped)"
        if self.pending:
            line += f", {self.pending} still waiting"
        line += f" in {self.seconds:.1f} s"
        return line + (f"; failed: {self.error}" if self.error else "")


SyncProgress = Callable[[str, int, int], None]
"""Called with a stage ("pushing", "feeds", "items", "state"), done and total (0: unknown)."""


async def run_sync(
    sync: SyncSettings,
    store: Store,
    password: Secret,
    *,
    client: httpx.AsyncClient | None = None,
    timeout: float = 30.0,
    max_bytes: int = MAX_RESPONSE_BYTES,
    on_progress: SyncProgress | None = None,
    push_only: bool = False,
) -> SyncSummary:
    """Sync once; never raises a SyncError (it becomes the summary's ``error``).

    ``timeout`` bounds each request, ``max_bytes`` each answer. ``push_only`` sends the
    queue and pulls nothing (the app does that soon after each change); it records no
    sync time and does not even log in when nothing waits.
    """
    run = _Run(sync, store, on_progress or _quiet)
    async with _client(client) as http:
        conn = ServerConnection(http, sync.url, timeout=timeout, max_bytes=max_bytes)
        run.host = conn.host
        try:
            service = make_service(sync, conn, password)
            waiting = await asyncio.to_thread(store.sync.pending, run.account, 1)
            if waiting or not push_only:
                await service.login()
                await run.push(service)
            if not push_only:
                await run.pull(service)
        except NewstermError as exc:  # SyncError, or the cache refusing a write
            run.error = str(exc)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            # an answer shaped like nothing the protocol allows got past the checks: one
            # line, never a traceback, and the queue stays for the next sync
            run.error = f"{conn.host}: the server's answer made no sense ({type(exc).__name__})"
    return await run.finish(record=not push_only)


def make_service(sync: SyncSettings, conn: ServerConnection, password: Secret) -> SyncService:
    """The protocol ``sync.service`` names, speaking to ``conn``."""
    if sync.service == "fever":
        return FeverService(conn, sync.user, password)
    return GReaderService(conn, sync.user, password)


class _Run:
    """One sync under way: the counts so far."""

    def __init__(self, sync: SyncSettings, store: Store, progress: SyncProgress) -> None:
        self.store = store
        self.account = account_key(sync.service, sync.url, sync.user)
        self.progress = progress
        self.started = time.monotonic()
        self.host = ""
        self.new = self.pulled = self.pushed = self.refused = 0
        self.error: str | None = None

    async def push(self, service: SyncService) -> None:
        """Push the queue in batches; what the server refuses for good is dropped."""
        tried: set[int] = set()
        while True:
            batch = await asyncio.to_thread(self.store.sync.pending, self.account, PUSH_BATCH)
            batch = [c for c in batch if c.seq not in tried]
            if not batch:
                return
            tried.update(c.seq for c in batch)
            self.progress("pushing", self.pushed, 0)
            try:
                result = await service.push(batch)
            except SyncError:
                await asyncio.to_thread(self.store.sync.push_failed, [c.seq for c in batch])
                raise
            done = (*result.accepted, *result.refused)
            await asyncio.to_thread(self.store.sync.pushed, done)
            self.pushed += len(result.accepted)
            self.refused += len(result.refused)

    async def pull(self, service: SyncService) -> None:
        """Feeds, then new items page by page, then the server's read and starred state."""
        self.progress("feeds", 0, 0)
        feeds = await service.feeds()
        await asyncio.to_thread(self.store.sync.save_feeds, self.account, feeds)
        cursor_key = f"{self.account}:cursor"
        cursor = await asyncio.to_thread(self.store.sync.meta, cursor_key)

        async def known(ids: Sequence[str]) -> set[str]:
            return await asyncio.to_thread(self.store.sync.known, self.account, ids)

        async for page in service.new_items(cursor, known):
            save = self.store.sync.save_items
            self.new += await asyncio.to_thread(save, self.account, page.items)
            await asyncio.to_thread(self.store.sync.set_meta, cursor_key, page.cursor)
            self.progress("items", self.new, page.total)
        self.progress("state", 0, 0)
        unread, starred = await service.state()
        changed, missing = await asyncio.to_thread(
            self.store.sync.apply_state, self.account, unread, starred
        )
        self.pulled += changed
        for start in range(0, len(missing), FETCH_BY_ID):
            items = await service.items(missing[start : start + FETCH_BY_ID])
            self.new += await asyncio.to_thread(self.store.sync.save_items, self.account, items)

    async def finish(self, *, record: bool = True) -> SyncSummary:
        """The summary; the time of a success (or the failure) is kept for the status line."""
        try:
            if record:
                stamp = str(int(datetime.now(UTC).timestamp()))
                await asyncio.to_thread(self._record, stamp)
            pending = await asyncio.to_thread(self.store.sync.pending_count)
        except NewstermError as exc:
            self.error = self.error or str(exc)
            pending = 0
        return SyncSummary(
            self.host,
            self.new,
            self.pulled,
            self.pushed,
            self.refused,
            pending,
            self.error,
            time.monotonic() - self.started,
        )

    def _record(self, stamp: str) -> None:
        if self.error is None:
            self.store.sync.set_meta(LAST_SYNC, stamp)
        self.store.sync.set_meta(LAST_ERROR, self.error or "")


@contextlib.asynccontextmanager
async def _client(given: httpx.AsyncClient | None) -> AsyncIterator[httpx.AsyncClient]:
    if given is not None:
        yield given
        return
    async with make_sync_client() as own:
        yield own


def _quiet(stage: str, done: int, total: int) -> None:
    pass
