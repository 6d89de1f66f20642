"""Syncing in the app: newsterm.sync in a thread worker, one run at a time, never blocking.

A full sync runs on request (R) and with each timed refresh; a local change is pushed a
moment after it is made. A push that fails is tried again later, waiting longer each time
(BACKOFF), while the change itself is safe in the cache's queue.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from textual import on, work
from textual.timer import Timer
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from newsterm.config_sync import SyncSettings
from newsterm.errors import NewstermError
from newsterm.store import Store
from newsterm.sync.password import sync_password
from newsterm.sync.secret import Secret
from newsterm.ui.messages import SyncFinished, SyncStarted, SyncStatusRead
from newsterm.ui.workers import ReportsWorkerFailures

if TYPE_CHECKING:  # the sync code (httpx with it) is imported by the workers that run it
    import httpx

    from newsterm.sync.run import SyncSummary

BACKOFF = (15.0, 30.0, 60.0, 120.0, 300.0, 900.0)
"""Seconds before retrying a failed push: the first, second … and every later time."""


class Syncer(ReportsWorkerFailures, Widget):
    """Owns syncing; a request made while a sync runs is remembered and run after it."""

    DEFAULT_CSS = "Syncer { display: none; }"

    def __init__(
        self,
        store: Store,
        sync: SyncSettings | None,
        *,
        timeout: float,
        transport: httpx.AsyncBaseTransport | None = None,
        push_delay: float = 2.0,
        every: float = 0.0,
    ) -> None:
        super().__init__()
        self._store = store
        self._sync = sync
        self._timeout = timeout
        self._transport = transport
        self._push_delay = push_delay  # lets a burst of marks go in one push
        self._busy = False
        self._known: tuple[SyncSettings, Secret] | None = None  # touched by one worker at a time
        self._queued: bool | None = None  # None: nothing; True: a push; False: a full sync
        self._retry: Timer | None = None
        self._failures = 0
        self._every = every  # seconds between timed syncs; 0: none

    def on_mount(self) -> None:
        if self._every > 0:
            self.set_interval(self._every, self.start)

    @property
    def running(self) -> bool:
        return self._busy

    def use(self, sync: SyncSettings | None, timeout: float) -> None:
        """Sync by these settings from the next run on (feeds.toml was reloaded)."""
        self._sync, self._timeout = sync, timeout

    def start(self, *, push_only: bool = False) -> None:
        """Sync now, or once the running sync ends."""
        if self._sync is None:
            return
        if self._busy:
            self._queued = push_only if self._queued is None else self._queued and push_only
            return
        self._busy = True
        self._run(self._sync, push_only)

    def push_soon(self) -> None:
        """A change was made here: push it in a moment, and show it waiting meanwhile."""
        self.read_status()
        if self._sync is not None and self._retry is None:
            self._retry = self.set_timer(self._push_delay, self._retry_push)

    def _retry_push(self) -> None:
        self._retry = None
        self.start(push_only=True)

    @work(thread=True, group="sync", exit_on_error=False, name="syncing")
    def _run(self, sync: SyncSettings, push_only: bool) -> None:
        from newsterm.sync.run import SyncSummary

        self.post_message(SyncStarted(push_only))
        try:
            password = self._password(sync)
        except NewstermError as exc:
            summary = SyncSummary(sync.url, error=str(exc))
        else:
            summary = asyncio.run(self._sync_once(sync, password, push_only))
            if not summary.ok:
                self._known = None  # a refused or failing sync asks for it again next time
        self.post_message(SyncFinished(summary, push_only))
        self._post_status()

    def _password(self, sync: SyncSettings) -> Secret:
        """The password, asked for once per session and settings: a password_command such
        as `pass` may prompt on the terminal, which must not happen on every push."""
        if self._known is None or self._known[0] != sync:
            self._known = (sync, sync_password(sync))
        return self._known[1]

    async def _sync_once(
        self, sync: SyncSettings, password: Secret, push_only: bool
    ) -> SyncSummary:
        from newsterm.sync.connection import make_sync_client
        from newsterm.sync.run import run_sync

        async with make_sync_client(self._transport) as client:
            return await run_sync(
                sync,
                self._store,
                password,
                client=client,
                timeout=self._timeout,
                push_only=push_only,
            )

    @work(thread=True, group="sync-status", exit_on_error=False, name="reading the sync state")
    def read_status(self) -> None:
        """Post SyncStatusRead with the last sync's time and the changes waiting."""
        self._post_status()

    def _post_status(self) -> None:
        from newsterm.sync.run import LAST_ERROR, LAST_SYNC

        stamp = self._store.sync.meta(LAST_SYNC)
        last = datetime.fromtimestamp(int(stamp), UTC) if stamp and stamp.isdigit() else None
        error = self._store.sync.meta(LAST_ERROR) or ""
        self.post_message(SyncStatusRead(last, self._store.sync.pending_count(), error))

    @on(SyncFinished)
    def _finished(self, message: SyncFinished) -> None:
        self._busy = False
        if message.summary.ok:
            self._failures = 0
        elif message.summary.pending and self._retry is None:
            wait = BACKOFF[min(self._failures, len(BACKOFF) - 1)]
            self._failures += 1
            self._retry = self.set_timer(wait, self._retry_push)
        self._start_queued()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # ReportsWorkerFailures reports an error; here the run just ends.
        if event.worker.name == "syncing" and event.state in (
            WorkerState.ERROR,
            WorkerState.CANCELLED,
        ):
            self._busy = False
            self._start_queued()

    def _start_queued(self) -> None:
        if self._queued is not None:
            push_only, self._queued = self._queued, None
            self.start(push_only=push_only)
