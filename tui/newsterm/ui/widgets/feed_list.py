"""The feeds pane: All articles, tag groups and feeds, each with its unread count.

The feeds and their counts are read from the cache in a worker; a load that finishes after a
newer one started is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on, work
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsterm.config import Config
from newsterm.models import Feed
from newsterm.store import Store
from newsterm.text.sanitize import one_line
from newsterm.ui.messages import FeedsLoaded, ViewChosen, ViewHighlighted
from newsterm.ui.view import Entry, build_entries, shown_feeds
from newsterm.ui.workers import ReportsWorkerFailures


class FeedList(ReportsWorkerFailures, OptionList):
    """Views to pick from; moving the cursor shows that view's articles at once."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Show articles", id="feed-list.show"),
        Binding("j", "cursor_down", "Next feed", show=False, id="feed-list.down"),
        Binding("k", "cursor_up", "Previous feed", show=False, id="feed-list.up"),
        Binding("g", "first", "First feed", show=False, id="feed-list.first"),
        Binding("G", "last", "Last feed", show=False, id="feed-list.last"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = OptionList.COMPONENT_CLASSES | {
        "feed-list--count",
        "feed-list--group",
        "feed-list--error",
        "feed-list--local",
    }

    DEFAULT_CSS = """
    FeedList {
        text-wrap: nowrap;
        text-overflow: ellipsis;
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
        self._announced: tuple[object, ...] | None = None  # last view posted

    @property
    def entries(self) -> list[Entry]:
        return self._entries

    @property
    def highlighted_entry(self) -> Entry | None:
        index = self.highlighted
        return self._entries[index] if index is not None and index < len(self._entries) else None

    def load(self, config: Config, *, sync: bool = False) -> None:
        """Re-read the feeds of ``config`` and their counts; posts FeedsLoaded once shown.

        ``sync`` first makes the cache's list of feeds match ``config``.
        """
        self._config = config
        self._generation += 1
        self._read(self._generation, config, sync)

    @work(thread=True, group="feeds", exit_on_error=False, name="loading feeds")
    def _read(self, generation: int, config: Config, sync: bool) -> None:
        if sync:
            self._store.sync_feeds(config.feeds)
        feeds = shown_feeds(config, self._store.feeds())
        self.post_message(FeedsLoaded(tuple(feeds), generation))

    @on(FeedsLoaded)
    def _loaded(self, message: FeedsLoaded) -> None:
        if message.generation != self._generation:
            message.stop()  # a newer load is on its way
            return
        self._feeds = message.feeds
        self.set_entries(build_entries(self._config, message.feeds, self._view_counts))

    def set_view_counts(self, counts: dict[str, int]) -> None:
        """Show these unread counts beside the saved views."""
        self._view_counts = counts
        if self._feeds is not None:
            self.set_entries(build_entries(self._config, self._feeds, counts))

    def set_entries(self, entries: Sequence[Entry]) -> None:
        """Show ``entries``, keeping the cursor on the same row when it is still there."""
        old = self._entries
        keep = self.highlighted_entry
        self._entries = list(entries)
        if [e.id for e in old] == [e.id for e in entries]:
            # Only the rows whose count, title or error changed: with 2,000 feeds, redrawing
            # every prompt after each article read would hold the screen for a frame or ten.
            for index, (before, entry) in enumerate(zip(old, entries, strict=True)):
                if before != entry:
                    self.replace_option_prompt_at_index(index, _prompt(entry))
            self._announce()
            return
        self.set_options(Option(_prompt(e), id=e.id) for e in entries)
        ids = [e.id for e in entries]
        target = keep.id if keep is not None and keep.id in ids else None
        if target is None and keep is not None:
            # The row went (a feed moved between tags): stay on the same view if possible.
            target = next((e.id for e in entries if e.view.key == keep.view.key), None)
        self.highlighted = ids.index(target) if target else (0 if entries else None)
        self._announce()

    def highlight_view(self, key: str) -> bool:
        """Put the cursor on the first row showing view ``key``; False when there is none."""
        for index, entry in enumerate(self._entries):
            if entry.view.key == key:
                self.highlighted = index
                return True
        return False

    def neighbour_with_unread(self, forward: bool) -> Entry | None:
        """The nearest feed below (or above) the cursor that has unread articles."""
        start = self.highlighted if self.highlighted is not None else 0
        current = self.highlighted_entry
        indices = range(start + 1, len(self._entries)) if forward else range(start - 1, -1, -1)
        for index in indices:
            entry = self._entries[index]
            same = current is not None and entry.view.key == current.view.key
            if entry.view.is_feed and entry.unread and not same:
                return entry
        return None

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._announce()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self.highlighted_entry
        if entry is not None:
            self.post_message(ViewChosen(entry.view))

    def _announce(self) -> None:
        entry = self.highlighted_entry
        view = entry.view if entry is not None else None
        if view is not None and (view.key, view.feed_urls, view.matching) != self._announced:
            self._announced = (view.key, view.feed_urls, view.matching)
            self.post_message(ViewHighlighted(view))


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
