"""Saving read state from keys: one article read or unread, or a whole view read."""

from __future__ import annotations

from textual import work
from textual.widget import Widget

from newsterm.store import Store
from newsterm.ui.messages import ReadChanged, ViewMarkedRead
from newsterm.ui.view import View
from newsterm.ui.workers import ReportsWorkerFailures


class ReadMarker(ReportsWorkerFailures, Widget):
    """Writes read marks to the cache in threads; posts ReadChanged or ViewMarkedRead after."""

    DEFAULT_CSS = "ReadMarker { display: none; }"

    def __init__(self, store: Store) -> None:
        super().__init__()
        self._store = store

    @work(thread=True, group="writes", exit_on_error=False, name="saving the read state")
    def set_read(self, article_id: int, read: bool) -> None:
        """Mark one article read or unread."""
        self._store.set_read([article_id], read)
        self.post_message(ReadChanged((article_id,), read))

    @work(thread=True, group="writes", exit_on_error=False, name="marking articles read")
    def mark_view_read(self, view: View) -> None:
        """Mark every article in ``view`` read."""
        count = self._store.mark_all_read(view.feed_urls) if view.feed_urls else 0
        self.post_message(ViewMarkedRead(view, count))
