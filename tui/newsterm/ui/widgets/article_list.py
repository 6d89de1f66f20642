"""The article list: a virtual list drawing only visible rows, read from SQLite a page at a time."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.events import Click, Resize
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual
from textual.worker import Worker, WorkerState, get_current_worker

from newsterm.models import ArticleRow
from newsterm.store import Store
from newsterm.ui.messages import (
    ArticleChosen,
    ArticleHighlighted,
    ArticlesCounted,
    UnreadExhausted,
    UnreadFound,
)
from newsterm.ui.view import View
from newsterm.ui.widgets.article_queries import (
    PAGE_SIZE,
    ArticleQueries,
    HeadLoaded,
    PageLoaded,
    UnreadLocated,
)
from newsterm.ui.widgets.article_row import row_content
from newsterm.ui.widgets.unread_presses import UnreadPresses
from newsterm.ui.workers import ReportsWorkerFailures

__all__ = ["MAX_PAGES", "PAGE_SIZE", "ArticleList"]

MAX_PAGES = 40  # 4,000 rows kept; pages far from the viewport are dropped first

MAX_DRAWN = 1000
"""Drawn rows kept; a few screenfuls, whatever the length of the list."""


class ArticleList(ReportsWorkerFailures, ScrollView, can_focus=True):
    """Rows of unread marker, date, feed and title, in any order, for any number of articles."""

    ALLOW_SELECT = False  # a double click reads the article; it does not select text

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", "Read", id="article-list.read"),
        Binding("j,down", "cursor_down", "Next article", show=False, id="article-list.down"),
        Binding("k,up", "cursor_up", "Previous article", show=False, id="article-list.up"),
        Binding("g,home", "first", "First article", show=False, id="article-list.first"),
        Binding("G,end", "last", "Last article", show=False, id="article-list.last"),
        Binding("pagedown", "page_down", "Page down", show=False, id="article-list.page-down"),
        Binding("pageup", "page_up", "Page up", show=False, id="article-list.page-up"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--cursor",
        "article-list--marker",
        "article-list--unread",
        "article-list--read",
        "article-list--date",
        "article-list--feed",
        "article-list--loading",
    }

    DEFAULT_CSS = """
    ArticleList {
        overflow-x: hidden;
        background: $surface;
        & > .article-list--cursor {
            background: $block-cursor-blurred-background;
        }
        &:focus > .article-list--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
        }
        & > .article-list--marker { color: $accent; }
        & > .article-list--unread { text-style: bold; }
        & > .article-list--read { color: $text-muted; }
        & > .article-list--date { color: $text-muted; }
        & > .article-list--feed { color: $text-secondary; }
        & > .article-list--loading { color: $text-disabled; }
    }
    """

    def __init__(self, store: Store, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._store = store
        self._view: View | None = None
        self._query = ""
        self._order = "newest"
        self._hide_read = False
        self._count = 0
        self._cursor = 0
        self._generation = 0
        self._pages: OrderedDict[int, list[ArticleRow]] = OrderedDict()
        self._pending: set[int] = set()
        self._head_pending = False
        self._found: tuple[int, ...] | None = None  # a search view's ids, from its head
        self._presses = UnreadPresses()  # n and p, each waiting for the one before it
        # Drawn rows by (article id, look), each with the row and width it was drawn for:
        # a key, a reload or a scroll then styles only the rows whose look changed, and a
        # frame during a big refresh is not spent styling rows already drawn.
        self._drawn: dict[tuple[int, bool], tuple[ArticleRow, int, Strip]] = {}

    # ----------------------------------------------------------------- reading state

    @property
    def view(self) -> View | None:
        return self._view

    @property
    def title_filter(self) -> str:
        """The filter typed after /; not named query, which would hide Widget.query()."""
        return self._query

    @property
    def order(self) -> str:
        """The sort order's name (store/order.py); a search view is ranked instead."""
        return self._order

    @property
    def hide_read(self) -> bool:
        return self._hide_read

    @property
    def count(self) -> int:
        return self._count

    @property
    def cursor(self) -> int:
        return self._cursor

    @property
    def cached_rows(self) -> int:
        """Rows held in the page cache (bounded, whatever the list's length)."""
        return sum(len(rows) for rows in self._pages.values())

    @property
    def rows_pending(self) -> bool:
        """True while rows the list has asked for are still being read."""
        return bool(self._pending) or self._head_pending

    @property
    def finding_unread(self) -> bool:
        """True while an n or p press is searching or waiting for the one before it."""
        return self._presses.busy

    @property
    def highlighted_row(self) -> ArticleRow | None:
        """The row under the cursor, if it has been read from the cache."""
        return self._row(self._cursor) if self._count else None

    # ----------------------------------------------------------------- commands from the parent

    def load(self, view: View, query: str = "", *, keep: bool = False) -> None:
        """Show ``view`` filtered by title ``query``, cursor on the newest article.

        With ``keep`` the highlighted article stays highlighted if the new view has it.
        """
        row = self.highlighted_row if keep else None
        if view != self._view:
            self._presses.drop()  # n pressed in one feed never lands in another chosen by hand
        self._view, self._query = view, query
        self._start_head(keep_id=row.id if row else None)

    def sort_by(self, order: str, hide_read: bool) -> None:
        """Sort by ``order`` and show or hide read articles.

        A new order starts at its top; hiding read ones keeps the highlighted article.
        """
        row = self.highlighted_row if order == self._order else None
        self._order, self._hide_read = order, hide_read
        if self._view is not None:
            self._start_head(keep_id=row.id if row else None)

    def cached_row(self, article_id: int) -> ArticleRow | None:
        """The row of ``article_id`` if it is in the page cache."""
        for rows in self._pages.values():
            for row in rows:
                if row.id == article_id:
                    return row
        return None

    def reload(self) -> None:
        """Re-read counts and rows (after a refresh), keeping the highlighted article."""
        if self._view is not None:
            row = self.highlighted_row
            self._start_head(keep_id=row.id if row else None)

    def set_read(self, ids: Iterable[int], read: bool) -> None:
        """Show rows as read/unread without re-reading them."""
        self._replace_rows(set(ids), lambda row: replace(row, read=read))

    def set_starred(self, ids: Iterable[int], starred: bool) -> None:
        """Show rows as starred/unstarred without re-reading them."""
        self._replace_rows(set(ids), lambda row: replace(row, starred=starred))

    def _replace_rows(self, ids: set[int], change: Callable[[ArticleRow], ArticleRow]) -> None:
        for rows in self._pages.values():
            for i, row in enumerate(rows):
                if row.id in ids:
                    rows[i] = change(row)
        self.refresh()

    def find_unread(self, forward: bool, *, include_cursor: bool = False) -> None:
        """Move to the next (or previous) unread row; posts UnreadFound or UnreadExhausted.

        Pressed again before the answer, it goes on from the row the one before lands on.
        """
        self._presses.press(forward, include_cursor)
        self._next_press()

    def find_unread_from_edge(self, forward: bool) -> None:
        """The first unread from the top (forward) or the last from the bottom.

        Presses typed ahead of a search that found nothing go on from the row it finds.
        """
        self._presses.from_edge(forward)
        self._next_press()

    def resume_unread_presses(self) -> None:
        """The screen stays on this list after a search found nothing: the presses typed
        ahead of it go on from the cursor."""
        self._presses.resume()
        self._next_press()

    def _next_press(self) -> None:
        """Search the next press once the list is read and the last press has landed."""
        press = None if self._head_pending else self._presses.take()
        if press is None:
            return
        if self._view is None or not self._count:
            self._presses.answered()
            self._exhausted(press.forward)
            return
        cursor, row = (None, None) if press.from_edge else (self._cursor, self.highlighted_row)
        self._search_unread(
            self._generation, self._queries(), cursor, row, press.forward, press.include_cursor
        )

    def _exhausted(self, forward: bool) -> None:
        self._presses.hold()  # until find_unread_from_edge or resume_unread_presses
        self.post_message(UnreadExhausted(forward))

    # ----------------------------------------------------------------- workers

    def _queries(self) -> ArticleQueries:
        assert self._view is not None
        return ArticleQueries(
            self._store,
            self._view,
            self._query,
            order=self._order,
            hide_read=self._hide_read,
            length=self._count,
            found=self._found,
        )

    def _start_head(self, keep_id: int | None) -> None:
        self._generation += 1
        self._pending.clear()
        self._head_pending = True
        self._found = None  # searched again by the head
        self._load_head(self._generation, self._queries(), keep_id, self._cursor)

    @work(
        thread=True,
        exclusive=True,  # a newer load makes an older one pointless
        group="article-head",
        exit_on_error=False,
        name="loading the article list",
        # Described here: Textual would repr the arguments (2,000 feeds' worth) at every call.
        description="loading the article list",
    )
    def _load_head(
        self, generation: int, queries: ArticleQueries, keep_id: int | None, old_cursor: int
    ) -> None:
        head = queries.head(keep_id, old_cursor)
        if not get_current_worker().is_cancelled:  # a newer load replaced this one
            self.post_message(HeadLoaded(generation, head))

    @work(
        thread=True,
        group="article-pages",
        exit_on_error=False,
        name="loading more articles",
        description="loading more articles",
    )
    def _load_page(
        self, generation: int, queries: ArticleQueries, page: int, above: ArticleRow | None
    ) -> None:
        self.post_message(PageLoaded(generation, page, queries.page(page, above)))

    @work(
        thread=True,
        group="article-search",  # one at a time: _next_press starts each when the last lands
        exit_on_error=False,
        name="finding an unread article",
        description="finding an unread article",
    )
    def _search_unread(
        self,
        generation: int,
        queries: ArticleQueries,
        cursor: int | None,
        row: ArticleRow | None,
        forward: bool,
        include_cursor: bool,
    ) -> None:
        found = queries.unread_near(cursor, row, forward=forward, include_cursor=include_cursor)
        index, row = found if found is not None else (None, None)
        self.post_message(UnreadLocated(generation, index, row, forward))

    # ----------------------------------------------------------------- results

    @on(HeadLoaded)
    def _head_loaded(self, message: HeadLoaded) -> None:
        if message.generation != self._generation:
            return
        head = message.head
        self._head_pending = False
        self._count = head.count
        self._found = head.found
        self._pages.clear()
        if head.rows:
            self._pages[head.page] = head.rows
        self.virtual_size = Size(self.scrollable_content_region.width, head.count)
        self._cursor = head.cursor
        if head.keep_offset is None:
            self.scroll_to(y=0, animate=False, immediate=True)
            self._scroll_to_cursor()
        elif head.keep_offset:
            target = self.scroll_y + head.keep_offset
            self.call_after_refresh(self.scroll_to, y=target, animate=False)
        self.refresh()
        assert self._view is not None
        self.post_message(ArticlesCounted(self._view, head.count, head.problem))
        self.post_message(ArticleHighlighted(self.highlighted_row))
        self._next_press()

    @on(PageLoaded)
    def _page_loaded(self, message: PageLoaded) -> None:
        if message.generation != self._generation:
            return
        self._pending.discard(message.page)
        self._pages[message.page] = message.rows
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        self.refresh()
        if message.page == self._cursor // PAGE_SIZE:
            self.post_message(ArticleHighlighted(self.highlighted_row))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # The failure itself is reported where every worker's is; here the presses waiting
        # on a search that will never answer are let go, so that n and p work again.
        searching = event.worker.group == "article-search"
        if searching and event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self._presses.failed()

    @on(UnreadLocated)
    def _unread_at(self, message: UnreadLocated) -> None:
        press = self._presses.answered()
        if message.generation != self._generation:
            if press is not None:  # asked of a list since reloaded: ask the new one
                self._presses.again(press)
            self._next_press()
            return
        if message.index is None or message.row is None:
            self._exhausted(message.forward)
            return
        index = self._listed_at(message.index, message.row.id)
        if index is None:  # not where the list has it: read the list again around it
            self._start_head(keep_id=message.row.id)
            self.post_message(UnreadFound(message.row))
            return
        page = index // PAGE_SIZE
        if page not in self._pages:
            self._request(page)
        self.move_cursor(index)
        self.post_message(UnreadFound(message.row))
        self._next_press()

    def _listed_at(self, index: int, article_id: int) -> int | None:
        """``index``, checked against the rows the list holds: the row found may have moved
        since they were read (a refresh wrote above it). None when it is not in the list."""
        if not 0 <= index < self._count:
            return None
        page = self._pages.get(index // PAGE_SIZE)
        offset = index % PAGE_SIZE
        if page is None or (offset < len(page) and page[offset].id == article_id):
            return index  # not read yet: it will be read from the cache that placed it
        for number, rows in self._pages.items():
            for offset, row in enumerate(rows):
                if row.id == article_id:
                    return number * PAGE_SIZE + offset
        return None

    # ----------------------------------------------------------------- cursor and keys

    def move_cursor(self, index: int) -> None:
        """Put the cursor on row ``index`` (clamped) and scroll it into view."""
        index = max(0, min(index, self._count - 1))
        if index == self._cursor:
            self._scroll_to_cursor()
            return
        self._cursor = index
        self.refresh()  # the rows whose look is unchanged come from _drawn
        self._scroll_to_cursor()
        self.post_message(ArticleHighlighted(self.highlighted_row))

    def _scroll_to_cursor(self) -> None:
        width = self.scrollable_content_region.width
        self.scroll_to_region(
            Region(0, self._cursor, width, 1), animate=False, force=True, immediate=True
        )

    def action_cursor_down(self) -> None:
        self.move_cursor(self._cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self._cursor - 1)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(self._count - 1)

    def action_page_down(self) -> None:
        self.move_cursor(self._cursor + max(1, self.scrollable_content_region.height - 1))

    def action_page_up(self) -> None:
        self.move_cursor(self._cursor - max(1, self.scrollable_content_region.height - 1))

    def action_choose(self) -> None:
        row = self.highlighted_row
        if row is not None:
            self.post_message(ArticleChosen(row))

    def on_click(self, event: Click) -> None:
        """A click highlights a row; a click on the highlighted row (or a double click) reads it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = offset.y + self.scroll_offset.y
        if index >= self._count:
            return
        if index == self._cursor or event.chain > 1:
            self.move_cursor(index)
            self.action_choose()
        else:
            self.move_cursor(index)

    def on_resize(self, event: Resize) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self._count)

    # ----------------------------------------------------------------- drawing

    def _row(self, index: int) -> ArticleRow | None:
        page = index // PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None:
            self._request(page)
            return None
        self._pages.move_to_end(page)
        offset = index - page * PAGE_SIZE
        return rows[offset] if offset < len(rows) else None

    def _request(self, page: int) -> None:
        if page in self._pending or self._view is None:
            return
        self._pending.add(page)
        # The last row of the page above, if cached: the page is then one seek away.
        previous = self._pages.get(page - 1)
        above = previous[-1] if previous and len(previous) == PAGE_SIZE else None
        self._load_page(self._generation, self._queries(), page, above)

    def notify_style_update(self) -> None:
        self._drawn.clear()  # a new theme or focus: every row's colours change
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        cursor = index == self._cursor and self._count > 0
        if index >= self._count:
            return Strip.blank(width, self._style(cursor).rich_style)
        row = self._row(index)
        if row is None:
            return self._draw(Content.styled("…", ".article-list--loading"), width, cursor)
        drawn = self._drawn.get((row.id, cursor))
        if drawn is not None and drawn[1] == width and drawn[0] == row:
            return drawn[2]
        line = self._draw(row_content(row, width), width, cursor)
        if len(self._drawn) > MAX_DRAWN:
            self._drawn.clear()
        self._drawn[row.id, cursor] = (row, width, line)
        return line

    def _style(self, cursor: bool) -> Style:
        return self.get_visual_style("article-list--cursor") if cursor else self.get_visual_style()

    def _draw(self, content: Content, width: int, cursor: bool) -> Strip:
        style = self._style(cursor)
        strips = Visual.to_strips(self, content, width, 1, style)
        line = strips[0] if strips else Strip.blank(width)
        return line.extend_cell_length(width, style.rich_style).crop(0, width)
