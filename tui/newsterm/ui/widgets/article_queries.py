"""What the article list asks the cache (in workers), and the answers it posts back to itself."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from textual.message import Message

from newsterm.errors import SearchError
from newsterm.models import ArticleRow
from newsterm.store import Store
from newsterm.store.unread import Nearest
from newsterm.ui.view import View

PAGE_SIZE = 100
"""Rows read from SQLite at once, and the unit the list caches."""

COUNT_BETWEEN_UP_TO = 10_000
"""Rows n and p count between the cursor and the unread row they find (a millisecond or
two of an index); past that the row's index is counted from the nearer end of the list."""


@dataclass(frozen=True, slots=True)
class Head:
    """The start of a (re)load: how many rows, where the cursor goes, and the page it is on."""

    count: int
    cursor: int
    page: int
    rows: list[ArticleRow]
    keep_offset: int | None  # rows the kept article moved, to scroll by; None: go to the top
    problem: str = ""  # why a search view could not be run
    found: tuple[int, ...] | None = None  # a search view's ids, best first, for its later pages


@dataclass(frozen=True, slots=True)
class ArticleQueries:
    """Indexed questions about one view's list; every call blocks, so call them in a thread.

    ``length`` is the list's length when known: rows in its lower half are then read from
    the bottom, so the end of a million rows is as near as the top.
    """

    store: Store
    view: View
    query: str = ""
    order: str = "newest"  # a name from store/order.py; a search is ranked whatever it says
    hide_read: bool = False
    length: int = 0
    found: tuple[int, ...] | None = None  # a search's ids as its head found them: searched once

    def count(self) -> int:
        """How many rows the list has."""
        urls = self.view.feed_urls
        if self.view.is_search:
            return len(self.search_ids())
        return self.store.count_articles(feed_urls=urls, **self._filters()) if urls else 0

    def search_ids(self) -> list[int]:
        """A search view's ids, best first (SearchError for a query that cannot be used)."""
        if self.found is not None:
            return list(self.found)
        if not self.view.feed_urls:
            return []
        return self.store.search_ids(
            self.view.search, feed_urls=self.view.feed_urls, **self._filters()
        )

    def _filters(self) -> dict[str, Any]:
        """Every filter the list shows, the typed title filter included."""
        filters = self.view.filters()
        filters["query"] = self.query
        if self.view.unread_only or self.hide_read:
            filters["unread_only"] = True
        return filters

    def page(self, page: int, above: ArticleRow | None = None) -> list[ArticleRow]:
        """Rows page * PAGE_SIZE onwards; ``above`` is the row just before them, when known."""
        if above is not None and not self._in_lower_half(page * PAGE_SIZE):
            return self._rows(offset=page * PAGE_SIZE, limit=PAGE_SIZE, beyond=above)
        return self.rows(page * PAGE_SIZE, PAGE_SIZE)

    def rows(self, offset: int, limit: int) -> list[ArticleRow]:
        """Rows offset onwards, counted from whichever end of the list is nearer."""
        if self.view.is_search:
            return self.store.rows_by_ids(self.search_ids()[offset : offset + limit])
        if not self._in_lower_half(offset):
            return self._rows(offset=offset, limit=limit)
        take = max(min(limit, self.length - offset), 0)
        bottom = self._rows(offset=self.length - offset - take, limit=take, oldest_first=True)
        return bottom[::-1]

    def _rows(self, **page: Any) -> list[ArticleRow]:
        return self.store.article_rows(
            feed_urls=self.view.feed_urls, order=self.order, **self._filters(), **page
        )

    def _in_lower_half(self, offset: int) -> bool:
        return self.length > 0 and offset > self.length // 2

    def position(self, article_id: int, near: int | None = None) -> int | None:
        """The row index of ``article_id``, or None when the list does not hold it.

        ``near``, a guess at the index, says which end of the list to count from.
        """
        if self.view.is_search:
            ids = self.search_ids()
            return ids.index(article_id) if article_id in ids else None
        bottom = self.length if near is not None and self._in_lower_half(near) else None
        return self.store.position(
            article_id,
            feed_urls=self.view.feed_urls,
            order=self.order,
            from_bottom_of=bottom,
            **self._filters(),
        )

    def head(self, keep_id: int | None, old_cursor: int) -> Head:
        """Count the rows and read the cursor's page; the cursor stays on ``keep_id`` if listed.

        A search that cannot be run gives an empty list that says why.
        """
        try:
            if self.view.is_search:
                ids = tuple(self.search_ids())
                counted = replace(self, length=len(ids), found=ids)
            else:
                counted = replace(self, length=self.count())
        except SearchError as exc:
            return Head(0, 0, 0, [], None, problem=str(exc))
        count = counted.length
        cursor, keep_offset = 0, None
        if keep_id is not None and count:
            found = counted.position(keep_id, near=old_cursor)
            cursor = found if found is not None else min(old_cursor, count - 1)
            keep_offset = cursor - old_cursor
        page = cursor // PAGE_SIZE
        rows = counted.page(page) if count else []
        return Head(count, cursor, page, rows, keep_offset, found=counted.found)

    def unread_near(
        self, cursor: int | None, row: ArticleRow | None, *, forward: bool, include_cursor: bool
    ) -> tuple[int, ArticleRow] | None:
        """The nearest unread row below (or above) ``cursor`` and its index; None if none.

        ``row`` is the cursor's row when the list has it cached; a None cursor searches from
        the top (forward) or the bottom. A seek finds the row and its index is counted from
        the cursor's (store/unread.py); only when that gap is long is it counted from the
        nearer end of the list.
        """
        if self.view.is_search:
            return self._unread_in_search(cursor, forward=forward, include_cursor=include_cursor)
        anchor = None
        if cursor is not None:
            anchor = row or next(iter(self.rows(cursor, 1)), None)
            if anchor is not None and include_cursor and not anchor.read:
                return cursor, anchor
        found = self.store.unread_beside(
            anchor.id if anchor is not None else None,
            below=forward,
            within=COUNT_BETWEEN_UP_TO,
            feed_urls=self.view.feed_urls,
            order=self.order,
            **self._filters(),
        )
        if found is None:
            return None
        index = self._index_of(found, cursor, forward)
        if index is None or not 0 <= index < self.length:  # the cache changed under the list
            index = self.position(found.row.id, near=cursor)
        if index is None or not 0 <= index < self.length:
            return None
        return index, found.row

    def _index_of(self, found: Nearest, cursor: int | None, forward: bool) -> int | None:
        """Where ``found`` is in the list: beside ``cursor`` (or an end) when the rows between
        were counted, else counted from the nearer end."""
        if found.between is None:
            return self.position(found.row.id, near=cursor)
        if found.from_edge or cursor is None:
            return found.between if forward else self.length - 1 - found.between
        return cursor + found.between + 1 if forward else cursor - found.between - 1

    def _unread_in_search(
        self, cursor: int | None, *, forward: bool, include_cursor: bool
    ) -> tuple[int, ArticleRow] | None:
        """n and p in a search: the ranked list is at most a thousand rows, read at once."""
        found = self.store.rows_by_ids(self.search_ids())
        start = (0 if forward else len(found) - 1) if cursor is None else cursor
        if cursor is not None and not include_cursor:
            start += 1 if forward else -1
        indices = range(start, len(found)) if forward else range(start, -1, -1)
        return next(
            ((i, found[i]) for i in indices if 0 <= i < len(found) and not found[i].read), None
        )


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
