"""The saved views' unread counts, counted in a thread, one run at a time and paced.

The feeds' counts come from the triggers' columns, free to read; a view's is a query over
the articles, which at a million articles takes a while. So the counts are not read with the
feeds: each feeds load asks for them, asks made while a count runs (or soon after one)
become one more count, and the feeds pane shows the last counts meanwhile. The counts are
read on a connection of their own, so a slow one never holds up the list's reads.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from textual import on, work
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget

from newsterm.store import Store
from newsterm.ui.messages import ViewsCounted
from newsterm.ui.view import View
from newsterm.ui.workers import ReportsWorkerFailures


@dataclass
class ViewCountEnded(Message, bubble=False):
    counts: dict[str, int] | None  # None when the count failed (reported as WorkFailed)


class ViewCounter(ReportsWorkerFailures, Widget):
    """Posts ViewsCounted after each count; at most one count every ``every`` seconds."""

    DEFAULT_CSS = "ViewCounter { display: none; }"

    def __init__(self, store: Store, *, every: float) -> None:
        super().__init__()
        self._store = store
        self._counting_store: Store | None = None  # opened by the first count
        self._every = every
        self._views: tuple[View, ...] = ()
        self._wanted = False  # a count was asked for since the last one started
        self._counting = False
        self._timer: Timer | None = None
        self._last_start = float("-inf")

    def count(self, views: Sequence[View]) -> None:
        """Count ``views`` soon; an ask while a count is due or running joins it."""
        self._views = tuple(views)
        if not self._views:
            return
        self._wanted = True
        self._start_when_due()

    def _start_when_due(self) -> None:
        if self._counting or self._timer is not None or not self._wanted:
            return
        wait = self._last_start + self._every - time.monotonic()
        if wait > 0:
            self._timer = self.set_timer(wait, self._begin)
        else:
            self._begin()

    def _begin(self) -> None:
        self._timer = None
        self._wanted, self._counting = False, True
        self._last_start = time.monotonic()
        self._count(self._views)

    @work(thread=True, group="view-counts", exit_on_error=False, name="counting the views")
    def _count(self, views: tuple[View, ...]) -> None:
        counts: dict[str, int] | None = None
        try:
            store = self._own_store()
            counts = {
                view.key: store.count_articles(
                    feed_urls=view.feed_urls, unread_only=True, **view.filters()
                )
                for view in views
            }
        finally:  # a failure is reported by the mixin; the next ask counts again
            self.post_message(ViewCountEnded(counts))

    def _own_store(self) -> Store:
        """A second connection to the cache file (WAL lets it read beside the app's)."""
        if self._counting_store is None:
            path = self._store.path
            own = Store.open(path, quick_check=False) if path is not None else self._store
            self._counting_store = own
        return self._counting_store

    def on_unmount(self) -> None:
        own = self._counting_store
        if own is not None and own is not self._store:
            own.close()  # waits for a count still running

    @on(ViewCountEnded)
    def _ended(self, message: ViewCountEnded) -> None:
        self._counting = False
        if message.counts is not None:
            self.post_message(ViewsCounted(message.counts))
        self._start_when_due()
