"""What the article list asks the cache (in workers), and the answers it posts back to itself."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from newsterm.models import ArticleRow
from newsterm.store import Store
from newsterm.ui.view import View

PAGE_SIZE = 100
"""Rows read from SQLite at once, and the unit the list caches."""


@dataclass(frozen=True, slots=True)
class Head:
    """The start of a (re)load: how many rows, where the cursor goes, and the page it is on."""

    count: int
    cursor: int
    page: int
    rows: list[ArticleRow]
    keep_offset: int | None  # rows the kept article moved, to scroll by; None: go to the top


@dataclass(frozen=True, slots=True)
class ArticleQueries:
    """Indexed questions about one view's list; every call blocks, so call them in a thread."""

    store: Store
    view: View
    query: str = ""

    def count(self) -> int:
        """How many rows the list has."""
        urls = self.view.feed_urls
        return self.store.count_articles(feed_urls=urls, query=self.query) if urls else 0

    def page(self, page: int) -> list[ArticleRow]:
        """Rows page * PAGE_SIZE onwards."""
        return self.rows(page * PAGE_SIZE, PAGE_SIZE)

    def rows(self, offset: int, limit: int) -> list[ArticleRow]:
        return self.store.article_rows(
            feed_urls=self.view.feed_urls, query=self.query, offset=offset, limit=limit
        )

    def position(self, article_id: int) -> int | None:
        """The row index of ``article_id``, or None when the list does not hold it."""
        return self.store.position(article_id, feed_urls=self.view.feed_urls, query=self.query)

    def head(self, keep_id: int | None, old_cursor: int) -> Head:
        """Count the rows and read the cursor's page; the cursor stays on ``keep_id`` if listed."""
        count = self.count()
        cursor, keep_offset = 0, None
        if keep_id is not None and count:
            found = self.position(keep_id)
            cursor = found if found is not None else min(old_cursor, count - 1)
            keep_offset = cursor - old_cursor
        page = cursor // PAGE_SIZE
        return Head(count, cursor, page, self.page(page) if count else [], keep_offset)

    def unread_near(
        self, cursor: int | None, row: ArticleRow | None, *, forward: bool, include_cursor: bool
    ) -> tuple[int, ArticleRow] | None:
        """The nearest unread row below (or above) ``cursor`` and its index; None if none.

        ``row`` is the cursor's row when the list has it cached; a None cursor searches from
        the top (forward) or the bottom. Two indexed seeks, however long the list.
        """
        anchor = None
        if cursor is not None:
            anchor = row or next(iter(self.rows(cursor, 1)), None)
            if anchor is not None and include_cursor and not anchor.read:
                return cursor, anchor
        after = anchor.id if anchor is not None else None
        urls, query = self.view.feed_urls, self.query
        if forward:
            found = self.store.next_unread(after, feed_urls=urls, query=query)
        else:
            found = self.store.prev_unread(after, feed_urls=urls, query=query)
        index = self.position(found.id) if found is not None else None
        return (index, found) if index is not None and found is not None else None


@dataclass
class HeadLoaded(Message, bubble=False):
    """A (re)load of the list finished; ``generation`` tells a stale one from the current."""

    generation: int
    head: Head


@dataclass
class PageLoaded(Message, bubble=False):
    """One page of rows was read for the list."""

    generation: int
    page: int
    rows: list[ArticleRow]


@dataclass
class UnreadLocated(Message, bubble=False):
    """An unread search ended: the row and its index, or None for nothing that way."""

    generation: int
    index: int | None
    row: ArticleRow | None
    forward: bool
