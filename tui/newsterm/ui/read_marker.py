"""Saving read and starred state from keys: one article, or everything a list shows."""

from __future__ import annotations

from textual import work
from textual.widget import Widget

from newsterm.store import Store
from newsterm.ui.messages import ReadChanged, StarChanged, Undone, ViewMarkedRead
from newsterm.ui.undo import UndoStep
from newsterm.ui.view import View
from newsterm.ui.workers import ReportsWorkerFailures


class ReadMarker(ReportsWorkerFailures, Widget):
    """Writes marks to the cache in threads; posts what changed, with the step that undoes it."""

    DEFAULT_CSS = "ReadMarker { display: none; }"

    def __init__(self, store: Store) -> None:
        super().__init__()
        self._store = store

    @work(thread=True, group="writes", exit_on_error=False, name="saving the read state")
    def set_read(self, article_id: int, read: bool) -> None:
        """Mark one article read or unread."""
        self._store.set_read([article_id], read)
        word = "unread" if read else "read"
        undo = UndoStep(
            f"Article marked {word} again", lambda: self._store.set_read([article_id], not read)
        )
        self.post_message(ReadChanged((article_id,), read, undo))

    @work(thread=True, group="writes", exit_on_error=False, name="saving the star")
    def set_starred(self, article_id: int, starred: bool) -> None:
        """Star or unstar one article."""
        self._store.set_starred_many([article_id], starred)
        word = "unstarred" if starred else "starred"
        undo = UndoStep(
            f"Article {word} again", lambda: self._store.set_starred_many([article_id], not starred)
        )
        self.post_message(StarChanged((article_id,), starred, undo))

    @work(
        thread=True,
        group="writes",
        exit_on_error=False,
        name="marking articles read",
        # Described here: Textual would repr the arguments (2,000 feeds' worth) at every call.
        description="marking articles read",
    )
    def mark_view_read(self, view: View, title_filter: str) -> None:
        """Mark read exactly what the list shows: ``view`` narrowed by ``title_filter``."""
        ids: list[int] = []
        if view.feed_urls:
            ids = self._store.mark_read_where(
                feed_urls=view.feed_urls, query=title_filter, **view.marking()
            )
        noun = "article" if len(ids) == 1 else "articles"
        undo = UndoStep(
            f"{len(ids)} {noun} marked unread again", lambda: self._store.set_read(ids, False)
        )
        self.post_message(ViewMarkedRead(view, len(ids), undo))

    @work(thread=True, group="writes", exit_on_error=False, name="undoing")
    def undo(self, step: UndoStep) -> None:
        """Run ``step`` and say so."""
        step.run()
        self.post_message(Undone(step.said))
