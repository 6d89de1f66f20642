"""What the article list can show: all articles, a built-in or saved view, a tag, or one feed.

Feed titles, tags and errors come from the cache, which holds what feeds sent: they are made
single, control-free lines here, where they enter the UI.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from newsterm.config import Config
from newsterm.days import local_midnight
from newsterm.models import Feed
from newsterm.text.sanitize import one_line
from newsterm.view_query import ViewQuery

ALL_KEY = "all"


@dataclass(frozen=True, slots=True)
class View:
    """A selection of feeds the article list reads from the cache."""

    key: str  # "all", "unread", "starred", "today", "view:<title>", "tag:<name>", "feed:<url>"
    label: str  # shown in pane titles and the feeds pane: one line, no control characters
    feed_urls: tuple[str, ...]
    unread_only: bool = False
    starred_only: bool = False
    today: bool = False  # published since local midnight
    search: str = ""  # a full-text search over feed_urls, ranked best first
    matching: ViewQuery | None = None  # a [[view]]'s query

    @property
    def is_search(self) -> bool:
        return bool(self.search)

    def filters(self, now: datetime | None = None) -> dict[str, Any]:
        """The store's keyword filters for this view (feed_urls aside)."""
        since = local_midnight(now) if self.today else None
        return {"starred_only": self.starred_only, "since": since, "matching": self.matching}

    def marking(self) -> dict[str, Any]:
        """filters() and the search: what marking this view read must cover."""
        return {**self.filters(), "search": self.search}

    @property
    def is_all(self) -> bool:
        return self.key == ALL_KEY

    @property
    def is_feed(self) -> bool:
        return self.key.startswith("feed:")


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the feeds pane."""

    id: str  # unique in the pane (a feed under two tags appears twice)
    view: View
    unread: int
    depth: int = 0  # 1 for a feed listed under its tag
    error: str | None = None
    is_group: bool = False
    local: bool = False  # a feeds.toml feed shown beside a sync server's feeds
    is_view: bool = False  # a built-in or saved view, drawn like All articles


def all_view(config: Config, feeds: Sequence[Feed] = ()) -> View:
    """The "All articles" view over every configured feed and every synced one in ``feeds``."""
    configured = tuple(s.url for s in config.feeds)
    synced = tuple(f.url for f in feeds if f.synced and f.url not in configured)
    return View(ALL_KEY, "All articles", configured + synced)


def shown_feeds(config: Config, feeds: Sequence[Feed]) -> list[Feed]:
    """The feeds the pane lists: feeds.toml's in its order, then the sync server's."""
    by_url = {f.url: f for f in feeds}
    configured = [by_url.get(s.url) or Feed(url=s.url, title=s.url) for s in config.feeds]
    listed = {s.url for s in config.feeds}
    return configured + [f for f in feeds if f.synced and f.url not in listed]


def search_view(everything: View, text: str) -> View:
    """A full-text search across every feed of ``everything`` (the All articles view)."""
    label = f"Search “{one_line(text)[:60]}”"
    return View("search", label, everything.feed_urls, search=text)


def built_in_views(config: Config, feeds: Sequence[Feed] = ()) -> list[View]:
    """Unread, Starred and Today, across every configured feed and every synced one."""
    urls = all_view(config, feeds).feed_urls
    return [
        View("unread", "Unread", urls, unread_only=True),
        View("starred", "Starred", urls, starred_only=True),
        View("today", "Today", urls, today=True),
    ]


def saved_views(config: Config, feeds: Sequence[Feed] = ()) -> list[View]:
    """The ``[[view]]``s of feeds.toml, each across every feed as the built-in views are."""
    urls = all_view(config, feeds).feed_urls
    return [View(f"view:{v.title}", v.title, urls, matching=v.query) for v in config.views]


def feed_view(feed: Feed) -> View:
    """The view of one feed, named by its title (its address until it has been fetched)."""
    title = one_line(feed.title)
    label = title if title and feed.title != feed.url else one_line(_short_url(feed.url))
    return View(f"feed:{feed.url}", label, (feed.url,))


def _short_url(url: str) -> str:
    """An address without its scheme: what a person would type."""
    for prefix in ("https://", "http://", "file://"):
        if url.startswith(prefix):
            return url[len(prefix) :]
    return url


def build_entries(
    config: Config, feeds: Sequence[Feed], view_counts: Mapping[str, int] | None = None
) -> list[Entry]:
    """All articles first, each tag with its feeds, the untagged feeds, then the views.

    ``view_counts`` holds the saved views' unread counts, by view key, as last counted.
    """
    configured = {s.url for s in config.feeds}
    feeds = [f for f in feeds if f.url in configured or f.synced]
    mark_local = any(f.synced for f in feeds)  # "local" means something only beside a server
    tags_of = {s.url: s.tags for s in config.feeds}
    total_unread = sum(f.unread for f in feeds)
    entries = [Entry(ALL_KEY, all_view(config, feeds), total_unread)]
    tags: dict[str, list[Feed]] = {}
    for feed in feeds:
        for tag in tags_of.get(feed.url) or feed.tags:
            tags.setdefault(tag, []).append(feed)
    for tag, members in tags.items():
        view = View(f"tag:{tag}", one_line(tag), tuple(f.url for f in members))
        unread = sum(f.unread for f in members)
        entries.append(Entry(view.key, view, unread, is_group=True))
        for feed in members:
            local = mark_local and feed.url in configured
            entries.append(_feed_entry(feed, f"tag:{tag}:feed:{feed.url}", 1, local))
    for feed in feeds:
        if not (tags_of.get(feed.url) or feed.tags):
            local = mark_local and feed.url in configured
            entries.append(_feed_entry(feed, f"feed:{feed.url}", 0, local))
    for view in built_in_views(config, feeds):  # below the feeds, as newsboat lists query feeds
        entries.append(Entry(view.key, view, total_unread if view.unread_only else 0, is_view=True))
    counts = view_counts or {}
    for view in saved_views(config, feeds):
        entries.append(Entry(view.key, view, counts.get(view.key, 0), is_view=True))
    return entries


def _feed_entry(feed: Feed, entry_id: str, depth: int, local: bool) -> Entry:
    error = (one_line(feed.error) or "failed") if feed.error else None
    return Entry(entry_id, feed_view(feed), feed.unread, depth=depth, error=error, local=local)
