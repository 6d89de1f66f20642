"""A refresh's store writes, gathered into batches: one transaction for many feeds.

A commit costs more than a 304's whole update, so a batch gathers the feeds that finish
within ``gather`` seconds of the first, and those that finish while it is being written wait
for the next one (up to ``max_entries`` articles, so the app's reads never wait long behind
one). Each feed still learns its own result.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from datetime import datetime
from types import TracebackType

from newsterm.errors import StoreError
from newsterm.models import FeedWrite, PreparedFeed
from newsterm.store import Store

__all__ = ["GATHER_SECONDS", "MAX_BATCH_ENTRIES", "BatchedWrites"]

MAX_BATCH_ENTRIES = 1_000
"""Articles written in one transaction at most (a feed's own are never split)."""

GATHER_SECONDS = 0.05
"""How long a batch waits for more feeds before it is written: a handful of transactions a
second instead of one per 304, each a hand-off to a thread that contends for the GIL."""

_Waiting = tuple[FeedWrite, "asyncio.Future[int]"]


class BatchedWrites:
    """Writes FeedWrites in batches from a task of its own; use it as an async context."""

    def __init__(
        self,
        store: Store,
        now: Callable[[], datetime],
        max_entries: int = MAX_BATCH_ENTRIES,
        gather: float = GATHER_SECONDS,
    ) -> None:
        self._store = store
        self._now = now
        self._max_entries = max_entries
        self._gather = gather
        self._queue: list[_Waiting] = []
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> BatchedWrites:
        self._task = asyncio.create_task(self._run())
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self._task is not None
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task

    async def write(self, write: FeedWrite) -> int:
        """Store ``write`` in the next batch; how many articles are new. StoreError if not."""
        done: asyncio.Future[int] = asyncio.get_running_loop().create_future()
        self._queue.append((write, done))
        self._wake.set()
        return await done

    async def _run(self) -> None:
        while True:
            await self._wake.wait()
            await asyncio.sleep(self._gather)
            self._wake.clear()
            while self._queue:
                batch = self._take()
                await self._write(batch)

    def _take(self) -> list[_Waiting]:
        """The next batch: queued writes up to max_entries articles, at least one."""
        entries, size = 0, 0
        for write, _ in self._queue:
            entries += _entries(write)
            if size and entries > self._max_entries:
                break
            size += 1
        batch, self._queue = self._queue[:size], self._queue[size:]
        return batch

    async def _write(self, batch: list[_Waiting]) -> None:
        writes = [write for write, _ in batch]
        try:
            results = await asyncio.to_thread(self._store.save_many, writes, now=self._now())
        except Exception as exc:  # the whole transaction failed
            if len(batch) > 1:
                # one feed may have sunk it (a full cache fails at the commit): each feed
                # again in a transaction of its own, so that only the one at fault fails
                for waiting in batch:
                    await self._write([waiting])
                return
            for _, done in batch:
                if not done.done():
                    done.set_exception(exc)
            return
        for (_, done), result in zip(batch, results, strict=True):
            if done.done():  # its feed was cancelled meanwhile
                continue
            if isinstance(result, StoreError):
                done.set_exception(result)
            else:
                done.set_result(result)


def _entries(write: FeedWrite) -> int:
    """How many articles ``write`` carries."""
    parsed = write.parsed
    if parsed is None:
        return 0
    return len(parsed.rows) if isinstance(parsed, PreparedFeed) else len(parsed.entries)
