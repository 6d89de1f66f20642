"""Parsing off the event loop: in a pool of forked worker processes, or else in a thread.

feedparser is pure Python and holds the GIL, so a process pool puts a second core to
work on a big refresh. Its workers die with the process that forked them.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import signal
from collections.abc import Callable
from concurrent.futures import BrokenExecutor, Executor, ProcessPoolExecutor
from functools import partial
from typing import TypeVar

from newsterm.feeds.guard import DEFAULT_LIMITS, ParseLimits
from newsterm.models import FetchResult, ParsedFeed, PreparedFeed

__all__ = ["Parser", "Prepare", "parse_pool"]

T = TypeVar("T")

Prepare = Callable[[ParsedFeed], PreparedFeed]
"""Turns a parse into what the caller keeps, in the worker: only that crosses back."""

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class Parser:
    """Runs parse_feed off the event loop, in a process pool while one keeps working."""

    def __init__(self, pool: Executor | None, limits: ParseLimits = DEFAULT_LIMITS) -> None:
        self.pool = pool
        self.limits = limits

    async def parse(self, result: FetchResult) -> ParsedFeed:
        """The parsed body of a 200 (never a 304, which has none)."""
        return await self._run(partial(_parse, result, self.limits))

    async def parse_prepared(self, result: FetchResult, prepare: Prepare) -> PreparedFeed:
        """The parsed body of a 200, made ready to store by ``prepare`` where it was parsed.

        ``prepare`` must be a module-level function, so a worker process can be sent it.
        """
        return await self._run(partial(_parse_then, prepare, result, self.limits))

    async def _run(self, job: Callable[[], T]) -> T:
        if self.pool is not None:
            try:
                return await asyncio.get_running_loop().run_in_executor(self.pool, job)
            except BrokenExecutor:
                self.pool = None  # a worker died (killed, out of memory): carry on in threads
        return await asyncio.to_thread(job)


def _parse(result: FetchResult, limits: ParseLimits) -> ParsedFeed:
    # Imported where the parsing runs, a worker process as a rule: the app forks its pool
    # before its first paint, which need not wait for feedparser to load.
    from newsterm.feeds.parse import parse_feed

    assert result.body is not None
    return parse_feed(
        result.body, url=result.final_url, content_type=result.content_type, limits=limits
    )


def _parse_then(prepare: Prepare, result: FetchResult, limits: ParseLimits) -> PreparedFeed:
    return prepare(_parse(result, limits))


def parse_pool(feeds: int) -> Executor | None:
    """A process pool for parsing many feeds, or None where it would not pay.

    Call it before any thread starts: the workers are forked, which is quick, and forking
    a process with threads is unsafe. Each worker imports the parser at its first feed.
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
    # Submitting forks every worker at once, before the executor starts its one thread;
    # waiting for the answer would only hold the first paint for the workers to be scheduled
    # (tens of ms on a busy machine).
    pool.submit(int)
    return pool


def _die_with_parent(parent: int) -> None:
    """Make a parse worker exit when its parent does, however the parent ends.

    A refresh killed with SIGKILL or SIGTERM never shuts its pool down, and the
    workers, blocked on a pipe the dead parent held open, would live forever.
    """
    import ctypes  # here, in the worker: the parent never needs it

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return  # not Linux: the pool's own shutdown is all there is
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(0)
