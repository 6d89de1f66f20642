"""Background refresh: newsterm.refresh in a thread worker, one run at a time, with progress.

Runs start on request and every settings.refresh_minutes. The timed runs (and the one at
start-up) fetch only the feeds that are due; a run asked for by a key fetches all it names.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Sequence
from concurrent.futures import Executor
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

from textual import on, work
from textual.timer import Timer
from textual.widget import Widget
from textual.worker import Worker, WorkerState, get_current_worker

from newsterm.cancelling import until_cancelled
from newsterm.config import Config
from newsterm.store import Store
from newsterm.ui.messages import RefreshFinished, RefreshProgressed, RefreshStarted
from newsterm.ui.workers import ReportsWorkerFailures

if TYPE_CHECKING:  # the refresh code is imported by its worker, after the first paint
    import httpx

    from newsterm.refresh import FeedOutcome, RefreshSummary


class _Refresh(Protocol):
    """newsterm.refresh with this run's feeds, callbacks and due_only already given."""

    def __call__(
        self, config: Config, store: Store, *, client: httpx.AsyncClient
    ) -> Coroutine[Any, Any, RefreshSummary]: ...


class Refresher(ReportsWorkerFailures, Widget):
    """Owns refreshing; a request made while one runs is queued and runs right after."""

    DEFAULT_CSS = "Refresher { display: none; }"

    def __init__(
        self,
        store: Store,
        config: Config,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        minute: float,
        parse_pool: Executor | None = None,
    ) -> None:
        super().__init__()
        self._store = store
        self._config = config
        self._transport = transport
        self._parse_pool = parse_pool
        self._minute = minute  # seconds in one of settings.refresh_minutes' minutes
        self._timer: Timer | None = None
        self._busy = False
        self._queued_all = False
        self._queued_due_only = True  # every queued request for all feeds was a timed one
        self._queued: set[str] = set()

    @property
    def running(self) -> bool:
        return self._busy

    def on_mount(self) -> None:
        self._schedule()

    def use(self, config: Config) -> None:
        """Refresh by ``config`` from the next run on (feeds.toml was reloaded)."""
        old, self._config = self._config, config
        if old.settings.refresh_minutes != config.settings.refresh_minutes:
            self._schedule()

    def _schedule(self) -> None:
        """(Re)start the timer for settings.refresh_minutes; 0 turns it off."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        minutes = self._config.settings.refresh_minutes
        if minutes > 0:
            self._timer = self.set_interval(minutes * self._minute, self._refresh_all)

    def _refresh_all(self) -> None:
        if self._config.feeds:
            self.start(None, due_only=True)

    def start(self, urls: Sequence[str] | None = None, *, due_only: bool = False) -> None:
        """Refresh ``urls`` (every configured feed for None), now or after the current run.

        ``due_only`` leaves out the feeds that are not due yet.
        """
        if self._busy:
            if urls is None:
                self._queued_all = True
                self._queued_due_only = self._queued_due_only and due_only
            else:
                self._queued.update(urls)
            return
        self._busy = True
        self._refresh(self._config, tuple(urls) if urls is not None else None, due_only)

    @work(
        thread=True,
        group="refresh",
        exit_on_error=False,
        name="refreshing feeds",
        # Described here: Textual would repr the arguments (2,000 feeds' worth) at every call.
        description="refreshing feeds",
    )
    def _refresh(self, config: Config, urls: tuple[str, ...] | None, due_only: bool) -> None:
        # Here, in the worker, not at the top: fetching and parsing (httpx, feedparser, the
        # reader's text code) take a third of start-up to import, and no first paint needs them.
        from newsterm.refresh import refresh

        worker = get_current_worker()

        def on_start(fetching: int, skipped: int) -> None:
            self.post_message(RefreshStarted(fetching))

        new_so_far = 0

        def on_outcome(outcome: FeedOutcome, done: int, total: int) -> None:
            nonlocal new_so_far
            new_so_far += outcome.new
            self.post_message(RefreshProgressed(done, total, outcome, new_so_far))

        run = partial(
            refresh,
            urls=urls,
            on_outcome=on_outcome,
            due_only=due_only,
            parse_pool=self._parse_pool,
        )
        summary = asyncio.run(self._run(worker, config, partial(run, on_start=on_start)))
        self.post_message(
            RefreshFinished(summary, asked_for_one=urls is not None and len(urls) == 1)
        )

    async def _run(self, worker: Worker[None], config: Config, run: _Refresh) -> RefreshSummary:
        from newsterm.feeds.fetch import make_client

        settings = config.settings
        async with make_client(
            concurrency=settings.concurrency, transport=self._transport
        ) as client:
            # Given up when the app cancels the worker (on quit): quitting never waits for
            # slow feeds.
            work = run(config, self._store, client=client)
            return await until_cancelled(work, lambda: worker.is_cancelled)

    @on(RefreshFinished)
    def _finished(self) -> None:
        self._busy = False
        self._start_queued()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # ReportsWorkerFailures reports an error; here the run just ends.
        if event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self._busy = False
            self._start_queued()

    def _start_queued(self) -> None:
        if self._queued_all:
            due_only = self._queued_due_only
            self._queued_all, self._queued_due_only, self._queued = False, True, set()
            self.start(None, due_only=due_only)
        elif self._queued:
            urls, self._queued = sorted(self._queued), set()
            self.start(urls)
