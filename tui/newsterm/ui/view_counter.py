"""The saved views' unread counts, counted in a thread, one run at a time and paced.

The feeds' counts come from the triggers' columns, free to read; a view's is a query over
the articles, which at a million articles takes a while. So the counts are not read with the
feeds: each feeds load asks for them, asks made while a count runs (or soon after one)
become one more count, and the feeds pane shows the last counts meanwhile. The counts are
read on a connection of their own, so a slow one never holds up the list's reads.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

from textual import on, work
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget

from newsterm.errors import StoreError
from newsterm.store import Store
from newsterm.ui.messages import ViewsCounted
from newsterm.ui.say import say
from newsterm.ui.view import View
from newsterm.ui.workers import ReportsWorkerFailures


@dataclass
class ViewCountEnded(Message, bubble=False):
    """A round of counts ended, from the counting thread to the counter itself.

    ``counts`` holds the views that were counted (None when the round failed as a whole,
    reported as WorkFailed), ``failures`` why each other one was not (view key -> reason).
    ``generation`` is the round's: counts of views whose query has changed since are never
    shown under the new query.
    """

    counts: dict[str, int] | None
    failures: dict[str, str]
    generation: int


class ViewCounter(ReportsWorkerFailures, Widget):
    """Posts ViewsCounted after each count, and waits ``every`` seconds after one ends before
    starting the next: a round slower than that never runs back to back with another."""

    DEFAULT_CSS = "ViewCounter { display: none; }"

    def __init__(self, store: Store, *, every: float) -> None:
        super().__init__()
        self._store = store
        self._counting_store: Store | None = None  # opened by the first count
        self._every = every
        self._views: tuple[View, ...] = ()
        self._generation = 0  # one more each time the views change
        self._wanted = False  # a count was asked for since the last one started
        self._counting = False
        self._timer: Timer | None = None
        self._last_end = float("-inf")
        self._reported: dict[str, str] = {}  # view key -> the failure last said
        # The counting thread and on_unmount agree under this lock who closes the connection.
        self._lock = threading.Lock()
        self._in_round = False
        self._unmounted = False

    def count(self, views: Sequence[View]) -> None:
        """Count ``views`` soon; an ask while a count is due or running joins it."""
        if tuple(views) != self._views:
            self._views = tuple(views)
            self._generation += 1
        if not self._views:
            return
        self._wanted = True
        self._start_when_due()

    def _start_when_due(self) -> None:
        if self._counting or self._timer is not None or not self._wanted:
            return
        wait = self._last_end + self._every - time.monotonic()
        if wait > 0:
            self._timer = self.set_timer(wait, self._begin)
        else:
            self._begin()

    def _begin(self) -> None:
        self._timer = None
        self._wanted, self._counting = False, True
        self._count(self._views, self._generation)

    @work(thread=True, group="view-counts", exit_on_error=False, name="counting the views")
    def _count(self, views: tuple[View, ...], generation: int) -> None:
        counts: dict[str, int] = {}
        failures: dict[str, str] = {}
        done = False
        with self._lock:
            if self._unmounted:
                return
            self._in_round = True
        try:
            store = self._own_store()
            for view in views:  # one view's failure leaves the others' counts standing
                try:
                    counts[view.key] = store.count_articles(
                        feed_urls=view.feed_urls, unread_only=True, **view.filters()
                    )
                except StoreError as exc:
                    failures[view.key] = _reason(exc)
            done = True
        finally:  # any other failure is reported by the mixin; the next ask counts again
            with self._lock:
                self._in_round = False
                if self._unmounted:
                    self._close_own()
            self.post_message(ViewCountEnded(counts if done else None, failures, generation))

    def _own_store(self) -> Store:
        """A second connection to the cache file (WAL lets it read beside the app's)."""
        if self._counting_store is None:
            path = self._store.path
            own = Store.open(path, quick_check=False) if path is not None else self._store
            self._counting_store = own
        return self._counting_store

    def _close_own(self) -> None:
        own, self._counting_store = self._counting_store, None
        if own is not None and own is not self._store:
            own.close()

    def on_unmount(self) -> None:
        with self._lock:  # a round still running closes the connection as it ends
            self._unmounted = True
            if not self._in_round:
                self._close_own()

    @on(ViewCountEnded)
    def _ended(self, message: ViewCountEnded) -> None:
        self._counting = False
        self._last_end = time.monotonic()
        current = message.generation == self._generation  # else the views changed: count again
        if current and message.counts is not None:
            self.post_message(ViewsCounted(message.counts))
            self._report(message.failures)
        self._start_when_due()

    def _report(self, failures: dict[str, str]) -> None:
        """Say why a view cannot be counted once, not after every round; again if it changes."""
        for view in self._views:
            reason = failures.get(view.key)
            if reason is None:
                self._reported.pop(view.key, None)
            elif self._reported.get(view.key) != reason:
                self._reported[view.key] = reason
                text = f"The view {view.label!r} cannot be counted: {reason}"
                say(self, text, severity="warning", timeout=10)


def _reason(error: StoreError) -> str:
    """Why a view's count failed: an error in its query is the view's, not the cache's."""
    cause = error.__cause__
    code = getattr(cause, "sqlite_errorcode", 0) & 0xFF
    if type(error) is StoreError and code == sqlite3.SQLITE_ERROR:
        return f"its query failed ({cause})"
    return str(error)
