"""The feeds pane: All articles, tag groups and feeds, each with its unread count.

The feeds and their counts are read from the cache in a worker, and the pane's entries are
built there too (``view.build_entries``); a load that finishes after a newer one started is
dropped. The pane draws with the Line API, only the rows on screen, so new counts for 2,000
feeds cost a comparison of entries and a redraw of at most a screenful of rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.events import Click, Leave, MouseMove, Resize
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from newsterm.config import Config
from newsterm.models import Feed
from newsterm.store import Store
from newsterm.text.sanitize import one_line
from newsterm.ui.messages import FeedsLoaded, ViewChosen, ViewHighlighted
from newsterm.ui.view import Entry, build_entries, shown_feeds
from newsterm.ui.workers import ReportsWorkerFailures

MAX_DRAWN = 1000
"""Drawn rows kept; a few screenfuls, whatever the number of feeds."""


class _ListKeys(ScrollView):
    """The arrow, home, end and page keys every Textual list has: no ids, so not in the help."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", show=False),
        Binding("up", "cursor_up", show=False),
        Binding("home", "first", show=False),
        Binding("end", "last", show=False),
        Binding("pagedown", "page_down", show=False),
        Binding("pageup", "page_up", show=False),
    ]


class FeedList(ReportsWorkerFailures, _ListKeys, can_focus=True):
    """Views to pick from; moving the cursor shows that view's articles at once."""

    ALLOW_SELECT = False  # a click picks a view; it does not select text

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Show articles", id="feed-list.show"),
        Binding("j", "cursor_down", "Next feed", show=False, id="feed-list.down"),
        Binding("k", "cursor_up", "Previous feed", show=False, id="feed-list.up"),
        Binding("g", "first", "First feed", show=False, id="feed-list.first"),
        Binding("G", "last", "Last feed", show=False, id="feed-list.last"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "feed-list--cursor",
        "feed-list--hover",
        "feed-list--count",
        "feed-list--group",
        "feed-list--error",
        "feed-list--local",
    }

    DEFAULT_CSS = """
    FeedList {
        color: $foreground;
        overflow-x: hidden;
        background: $surface;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        &:focus {
            background-tint: $foreground 5%;
            & > .feed-list--cursor {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .feed-list--cursor {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .feed-list--hover { background: $block-hover-background; }
        & > .feed-list--count { color: $text-accent; }
        & > .feed-list--group { text-style: bold; }
        & > .feed-list--error { color: $text-error; text-style: bold; }
        & > .feed-list--local { color: $text-muted; }
    }
    """

    def __init__(self, store: Store, config: Config, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._store = store
        self._config = config  # the feeds, tags and order of the latest load
        self._generation = 0
        self._entries: list[Entry] = []
        self._feeds: tuple[Feed, ...] | None = None  # as last loaded
        self._view_counts: dict[str, int] = {}  # the saved views', counted apart (ViewCounter)
        self._counts_sent: dict[str, int] = {}  # the view counts the latest load builds with
        self._cursor: int | None = None
        self._hover: int | None = None  # the row under the mouse
        self._announced: tuple[object, ...] | None = None  # last view posted
        # Drawn rows by (index, look), each with the entry and width it was drawn for: new
        # counts for a few feeds then cost a few rows, not a screenful.
        self._drawn: dict[tuple[int, str], tuple[Entry, int, Strip]] = {}

    @property
    def entries(self) -> list[Entry]:
        return self._entries

    @property
    def highlighted(self) -> int | None:
        """The index of the row under the cursor (None while the pane is empty)."""
        return self._cursor

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        if index is None or not self._entries:
            self._cursor = None
        else:
            self._cursor = max(0, min(index, len(self._entries) - 1))
        self.refresh()
        self._scroll_to_cursor()
        self._announce()

    @property
    def highlighted_entry(self) -> Entry | None:
        index = self._cursor
        return self._entries[index] if index is not None and index < len(self._entries) else None

    # ----------------------------------------------------------------- loading

    def load(self, config: Config, *, sync: bool = False) -> None:
        """Re-read the feeds of ``config`` and their counts; posts FeedsLoaded once shown.

        ``sync`` first makes the cache's list of feeds match ``config``.
        """
        self._config = config
        self._generation += 1
        self._counts_sent = self._view_counts
        self._read(self._generation, config, sync, self._view_counts)

    @work(
        thread=True,
        group="feeds",
        exit_on_error=False,
        name="loading feeds",
        # Described here: Textual would repr the arguments (2,000 feeds' worth) at every call.
        description="loading feeds",
    )
    def _read(
        self, generation: int, config: Config, sync: bool, view_counts: dict[str, int]
    ) -> None:
        if sync:
            self._store.sync_feeds(config.feeds)
        feeds = tuple(shown_feeds(config, self._store.feeds()))
        # Built here, not on the event loop: 2,000 feeds take a frame or two to arrange.
        entries = tuple(build_entries(config, feeds, view_counts))
        self.post_message(FeedsLoaded(feeds, generation, entries))

    @on(FeedsLoaded)
    def _loaded(self, message: FeedsLoaded) -> None:
        if message.generation != self._generation:
            message.stop()  # a newer load is on its way
            return
        self._feeds = message.feeds
        entries: Sequence[Entry] = message.entries
        if self._view_counts != self._counts_sent:  # new view counts came during the load
            entries = build_entries(self._config, message.feeds, self._view_counts)
        self.set_entries(entries)

    def set_view_counts(self, counts: dict[str, int]) -> None:
        """Show these unread counts beside the saved views."""
        if counts == self._view_counts:
            return  # the same counts: building 2,000 feeds' entries again would change nothing
        self._view_counts = counts
        if self._feeds is not None:
            self.set_entries(build_entries(self._config, self._feeds, counts))

    def set_entries(self, entries: Sequence[Entry]) -> None:
        """Show ``entries``, keeping the cursor on the same row when it is still there."""
        old = self._entries
        keep = self.highlighted_entry
        self._entries = list(entries)
        if len(old) == len(entries) and all(
            a.id == b.id for a, b in zip(old, entries, strict=True)
        ):
            if old != self._entries:
                self.refresh()  # only the rows on screen are drawn again
            self._announce()
            return
        self.virtual_size = Size(self.scrollable_content_region.width, len(entries))
        ids = [e.id for e in entries]
        target = keep.id if keep is not None and keep.id in ids else None
        if target is None and keep is not None:
            # The row went (a feed moved between tags): stay on the same view if possible.
            target = next((e.id for e in entries if e.view.key == keep.view.key), None)
        self.highlighted = ids.index(target) if target else (0 if entries else None)

    def highlight_view(self, key: str) -> bool:
        """Put the cursor on the first row showing view ``key``; False when there is none."""
        for index, entry in enumerate(self._entries):
            if entry.view.key == key:
                self.highlighted = index
                return True
        return False

    def neighbour_with_unread(self, forward: bool) -> Entry | None:
        """The nearest feed below (or above) the cursor that has unread articles."""
        start = self._cursor if self._cursor is not None else 0
        current = self.highlighted_entry
        indices = range(start + 1, len(self._entries)) if forward else range(start - 1, -1, -1)
        for index in indices:
            entry = self._entries[index]
            same = current is not None and entry.view.key == current.view.key
            if entry.view.is_feed and entry.unread and not same:
                return entry
        return None

    def _announce(self) -> None:
        entry = self.highlighted_entry
        view = entry.view if entry is not None else None
        if view is not None and (view.key, view.feed_urls, view.matching) != self._announced:
            self._announced = (view.key, view.feed_urls, view.matching)
            self.post_message(ViewHighlighted(view))

    # ----------------------------------------------------------------- cursor, keys and mouse

    def _scroll_to_cursor(self) -> None:
        if self._cursor is None or not self.is_mounted:
            return
        width = self.scrollable_content_region.width
        self.scroll_to_region(
            Region(0, self._cursor, width, 1), animate=False, force=True, immediate=True
        )

    def action_cursor_down(self) -> None:
        """Down a row; from the last row, round to the first (as Textual's lists do)."""
        if self._entries:
            current = -1 if self._cursor is None else self._cursor
            self.highlighted = (current + 1) % len(self._entries)

    def action_cursor_up(self) -> None:
        """Up a row; from the first row, round to the last."""
        if self._entries:
            current = len(self._entries) if self._cursor is None else self._cursor
            self.highlighted = (current - 1) % len(self._entries)

    def action_first(self) -> None:
        if self._entries:
            self.highlighted = 0

    def action_last(self) -> None:
        if self._entries:
            self.highlighted = len(self._entries) - 1

    def action_page_down(self) -> None:
        if self._entries:
            page = self.scrollable_content_region.height
            last = len(self._entries) - 1
            self.highlighted = last if self._cursor is None else self._cursor + page

    def action_page_up(self) -> None:
        if self._entries:
            page = self.scrollable_content_region.height
            self.highlighted = 0 if self._cursor is None else self._cursor - page

    def action_select(self) -> None:
        entry = self.highlighted_entry
        if entry is not None:
            self.post_message(ViewChosen(entry.view))

    def _row_at(self, event: Click | MouseMove) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        index = offset.y + self.scroll_offset.y
        return index if 0 <= index < len(self._entries) else None

    def on_click(self, event: Click) -> None:
        """A click on a row highlights it and shows its articles, like enter."""
        index = self._row_at(event)
        if index is not None:
            self.highlighted = index
            self.action_select()

    def on_mouse_move(self, event: MouseMove) -> None:
        self._set_hover(self._row_at(event))

    def on_leave(self, event: Leave) -> None:
        self._set_hover(None)

    def _set_hover(self, index: int | None) -> None:
        if index != self._hover:
            self._hover = index
            self.refresh()

    def on_show(self) -> None:
        self._scroll_to_cursor()

    def on_resize(self, event: Resize) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._entries))

    # ----------------------------------------------------------------- drawing

    def notify_style_update(self) -> None:
        self._drawn.clear()  # a new theme or focus: every row's colours change
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        look = "cursor" if index == self._cursor else "hover" if index == self._hover else ""
        style = self.get_visual_style(f"feed-list--{look}") if look else self.get_visual_style()
        if index >= len(self._entries):
            return Strip.blank(width, style.rich_style)
        entry = self._entries[index]
        drawn = self._drawn.get((index, look))
        if drawn is not None and drawn[1] == width and drawn[0] == entry:
            return drawn[2]
        strips = Visual.to_strips(self, _prompt(entry), width, 1, style)
        line = strips[0] if strips else Strip.blank(width)
        line = line.extend_cell_length(width, style.rich_style).crop(0, width)
        if len(self._drawn) > MAX_DRAWN:
            self._drawn.clear()
        self._drawn[index, look] = (entry, width, line)
        return line


def _prompt(entry: Entry) -> Content:
    count = Content.styled(f"{entry.unread:>5} ", ".feed-list--count") if entry.unread else "      "
    indent = "  " * entry.depth
    title = one_line(entry.view.label)
    if entry.is_group:
        name = Content.styled(f"▾ {title}", ".feed-list--group")
    elif entry.error:
        name = Content.assemble(("! ", ".feed-list--error"), (title, ".feed-list--error"))
    elif entry.view.is_all or entry.is_view:
        name = Content.styled(title, ".feed-list--group")
    else:
        name = Content(title)
    if entry.local:  # beside a sync server's feeds: this one is only in feeds.toml
        name = Content.assemble(name, (" · local", ".feed-list--local"))
    return Content.assemble(count, indent, name)
