"""The article list: a virtual list drawing only visible rows, read from SQLite a page at a time."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.events import Click, Resize
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual
from textual.worker import Worker, WorkerState

from newsterm.models import ArticleRow
from newsterm.store import Store
from newsterm.text.sanitize import one_line
from newsterm.ui.messages import (
    ArticleChosen,
    ArticleHighlighted,
    ArticlesCounted,
    UnreadExhausted,
    UnreadFound,
    WorkFailed,
)
from newsterm.ui.view import View

PAGE_SIZE = 100
MAX_PAGES = 40  # 4,000 rows kept; pages far from the viewport are dropped first
SEARCH_CHUNK = 500
SEARCH_MARGIN = 200  # rows either side of the old cursor searched for the kept article


@dataclass
class _HeadLoaded(Message):
    generation: int
    count: int
    cursor: int
    page: int
    rows: list[ArticleRow]
    keep_offset: int | None  # rows the cursor moved, to scroll by, when keeping the selection


@dataclass
class _PageLoaded(Message):
    generation: int
    page: int
    rows: list[ArticleRow]


@dataclass
class _UnreadAt(Message):
    generation: int
    index: int | None
    row: ArticleRow | None
    forward: bool


class ArticleList(ScrollView, can_focus=True):
    """Rows of unread marker, date, feed and title, newest first, for any number of articles."""

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
        self._count = 0
        self._cursor = 0
        self._generation = 0
        self._pages: OrderedDict[int, list[ArticleRow]] = OrderedDict()
        self._pending: set[int] = set()

    # ----------------------------------------------------------------- reading state

    @property
    def view(self) -> View | None:
        return self._view

    @property
    def query(self) -> str:
        return self._query

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
    def highlighted_row(self) -> ArticleRow | None:
        """The row under the cursor, if it has been read from the cache."""
        return self._row(self._cursor) if self._count else None

    # ----------------------------------------------------------------- commands from the parent

    def load(self, view: View, query: str = "", *, keep: bool = False) -> None:
        """Show ``view`` filtered by title ``query``, cursor on the newest article.

        With ``keep`` the highlighted article stays highlighted if the new view has it.
        """
        row = self.highlighted_row if keep else None
        self._view, self._query = view, query
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
        wanted = set(ids)
        for rows in self._pages.values():
            for i, row in enumerate(rows):
                if row.id in wanted:
                    rows[i] = replace(row, read=read)
        self.refresh()

    def find_unread(self, forward: bool, *, include_cursor: bool = False) -> None:
        """Move to the next (or previous) unread row; posts UnreadFound or UnreadExhausted."""
        if self._view is None or not self._count:
            self.post_message(UnreadExhausted(forward))
            return
        if forward:
            start = self._cursor if include_cursor else self._cursor + 1
        else:
            start = self._cursor if include_cursor else self._cursor - 1
        self._search_unread(self._generation, self._view, self._query, start, forward)

    def find_unread_from_edge(self, forward: bool) -> None:
        """The first unread from the top (forward) or the last from the bottom."""
        self._cursor = 0 if forward else max(0, self._count - 1)
        self.find_unread(forward, include_cursor=True)

    # ----------------------------------------------------------------- workers

    def _start_head(self, keep_id: int | None) -> None:
        self._generation += 1
        self._pending.clear()
        assert self._view is not None
        self._load_head(
            self._generation, self._view, self._query, keep_id, self._cursor, self._count
        )

    @work(thread=True, group="article-head", exit_on_error=False, name="loading articles")
    def _load_head(
        self,
        generation: int,
        view: View,
        query: str,
        keep_id: int | None,
        old_cursor: int,
        old_count: int,
    ) -> None:
        urls = view.feed_urls
        count = self._store.count_articles(feed_urls=urls, query=query) if urls else 0
        cursor, keep_offset = 0, None
        if keep_id is not None and count:
            cursor = min(old_cursor, count - 1)
            start = max(0, old_cursor - SEARCH_MARGIN)
            span = max(0, count - old_count) + 2 * SEARCH_MARGIN + 1
            rows = self._store.article_rows(feed_urls=urls, query=query, offset=start, limit=span)
            found = next((start + i for i, r in enumerate(rows) if r.id == keep_id), None)
            if found is not None:
                cursor = found
            keep_offset = cursor - old_cursor
        page = cursor // PAGE_SIZE
        rows = self._fetch(urls, query, page) if count else []
        self.post_message(_HeadLoaded(generation, count, cursor, page, rows, keep_offset))

    @work(thread=True, group="article-pages", exit_on_error=False, name="loading articles")
    def _load_page(self, generation: int, view: View, query: str, page: int) -> None:
        rows = self._fetch(view.feed_urls, query, page)
        self.post_message(_PageLoaded(generation, page, rows))

    def _fetch(self, urls: tuple[str, ...], query: str, page: int) -> list[ArticleRow]:
        return self._store.article_rows(
            feed_urls=urls, query=query, offset=page * PAGE_SIZE, limit=PAGE_SIZE
        )

    @work(thread=True, group="article-search", exit_on_error=False, name="finding unread")
    def _search_unread(
        self, generation: int, view: View, query: str, start: int, forward: bool
    ) -> None:
        index, row = None, None
        if forward and start < self._count:
            index, row = self._scan_forward(view, query, max(0, start))
        elif not forward and start >= 0:
            index, row = self._scan_backward(view, query, min(start, self._count - 1))
        self.post_message(_UnreadAt(generation, index, row, forward))

    def _scan_forward(
        self, view: View, query: str, start: int
    ) -> tuple[int | None, ArticleRow | None]:
        urls = view.feed_urls
        if not query:
            # The indexed lookup answers "is there any?" at once; scan only when there is.
            after_id = None
            if start > 0:
                before = self._store.article_rows(feed_urls=urls, offset=start - 1, limit=1)
                after_id = before[0].id if before else None
            if self._store.next_unread(after_id, feed_urls=urls) is None:
                return None, None
        offset = start
        while True:
            rows = self._store.article_rows(
                feed_urls=urls, query=query, offset=offset, limit=SEARCH_CHUNK
            )
            for i, row in enumerate(rows):
                if not row.read:
                    return offset + i, row
            if len(rows) < SEARCH_CHUNK:
                return None, None
            offset += SEARCH_CHUNK

    def _scan_backward(
        self, view: View, query: str, start: int
    ) -> tuple[int | None, ArticleRow | None]:
        end = start
        while end >= 0:
            low = max(0, end - SEARCH_CHUNK + 1)
            rows = self._store.article_rows(
                feed_urls=view.feed_urls, query=query, offset=low, limit=end - low + 1
            )
            for i in range(len(rows) - 1, -1, -1):
                if not rows[i].read:
                    return low + i, rows[i]
            end = low - 1
        return None, None

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.post_message(WorkFailed(event.worker.name, event.worker.error))

    # ----------------------------------------------------------------- results

    @on(_HeadLoaded)
    def _head_loaded(self, message: _HeadLoaded) -> None:
        if message.generation != self._generation:
            return
        self._count = message.count
        self._pages.clear()
        if message.rows:
            self._pages[message.page] = message.rows
        self.virtual_size = Size(self.scrollable_content_region.width, message.count)
        self._cursor = message.cursor
        if message.keep_offset is None:
            self.scroll_to(y=0, animate=False, immediate=True)
            self._scroll_to_cursor()
        elif message.keep_offset:
            target = self.scroll_y + message.keep_offset
            self.call_after_refresh(self.scroll_to, y=target, animate=False)
        self.refresh()
        assert self._view is not None
        self.post_message(ArticlesCounted(self._view, message.count))
        self.post_message(ArticleHighlighted(self.highlighted_row))

    @on(_PageLoaded)
    def _page_loaded(self, message: _PageLoaded) -> None:
        if message.generation != self._generation:
            return
        self._pending.discard(message.page)
        self._pages[message.page] = message.rows
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        self.refresh()
        if message.page == self._cursor // PAGE_SIZE:
            self.post_message(ArticleHighlighted(self.highlighted_row))

    @on(_UnreadAt)
    def _unread_at(self, message: _UnreadAt) -> None:
        if message.generation != self._generation:
            return
        if message.index is None or message.row is None:
            self.post_message(UnreadExhausted(message.forward))
            return
        page = message.index // PAGE_SIZE
        if page not in self._pages:
            self._request(page)
        self.move_cursor(message.index)
        self.post_message(UnreadFound(message.row))

    # ----------------------------------------------------------------- cursor and keys

    def move_cursor(self, index: int) -> None:
        """Put the cursor on row ``index`` (clamped) and scroll it into view."""
        index = max(0, min(index, self._count - 1))
        if index == self._cursor:
            self._scroll_to_cursor()
            return
        self._cursor = index
        self.refresh()
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
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = offset.y + self.scroll_offset.y
        if index < self._count:
            self.move_cursor(index)
            self.action_choose()

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
        self._load_page(self._generation, self._view, self._query, page)

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        cursor = index == self._cursor and self._count > 0
        style = self.get_visual_style("article-list--cursor") if cursor else self.get_visual_style()
        if index >= self._count:
            return Strip.blank(width, style.rich_style)
        row = self._row(index)
        content = (
            self._row_content(row, width) if row else Content.styled("…", ".article-list--loading")
        )
        strips = Visual.to_strips(self, content, width, 1, style)
        line = strips[0] if strips else Strip.blank(width)
        return line.extend_cell_length(width, style.rich_style).crop(0, width)

    def _row_content(self, row: ArticleRow, width: int) -> Content:
        date = row.published.astimezone().strftime("%Y-%m-%d")
        title = one_line(row.title) or "(no title)"
        parts: list[Content | tuple[str, str] | str] = [
            ("●" if not row.read else " ", ".article-list--marker"),
            " ",
            (date, ".article-list--date"),
            " ",
        ]
        if width >= 60:
            feed_width = min(20, max(10, width // 6))
            feed = Content(one_line(row.feed_title)).truncate(feed_width, ellipsis=True, pad=True)
            parts += [feed.stylize(".article-list--feed"), " "]
        state = ".article-list--read" if row.read else ".article-list--unread"
        parts.append(Content(title).stylize(state))
        return Content.assemble(*parts).truncate(width, ellipsis=True)
