"""Plain data passed between newsterm's layers: no I/O here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class Enclosure:
    """A media file attached to an entry (podcast audio, image…)."""

    url: str
    type: str = ""
    length: int | None = None  # bytes, as the feed claims
    duration: int | None = None  # seconds, from the entry's itunes:duration


@dataclass(frozen=True, slots=True)
class ParsedEntry:
    """One feed entry, normalised: a stable id, absolute link, UTC dates."""

    id: str
    title: str
    link: str
    author: str
    published: datetime | None  # aware, UTC; None when the feed gives no date
    updated: datetime | None
    content: str  # full HTML content (content:encoded / Atom content), may be ""
    summary: str  # summary/description HTML, may be ""
    enclosures: tuple[Enclosure, ...] = ()


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """What the parser made of one document."""

    title: str
    link: str  # the site's home page, if the feed names one
    entries: tuple[ParsedEntry, ...]
    warning: str | None = None  # feedparser's bozo exception, if any
    fresh_for: float | None = None  # seconds the feed says it stays fresh (<ttl>, sy:*)


@dataclass(frozen=True, slots=True)
class PreparedFeed:
    """A parsed feed with its entries already made the cache's rows, in a parse worker.

    Plain dicts of str and int cross a process boundary far more cheaply than entries do,
    and leave the parent only binding them to SQL.
    """

    title: str
    link: str
    rows: tuple[dict[str, Any], ...]  # store.rows.article_params without "now", feed order
    warning: str | None = None
    fresh_for: float | None = None


@dataclass(frozen=True, slots=True)
class FetchResult:
    """The outcome of one successful fetch (200 or 304)."""

    url: str  # the URL as configured
    final_url: str  # after redirects and feed discovery: the base for relative links
    status: int  # 200, 304; 0 for a local file
    body: bytes | None  # None when not modified
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    permanent_redirect: str | None = None  # set when a 301/308 moved the feed
    discovered_from: str | None = None  # the HTML page that linked to this feed
    fresh_for: float | None = None  # seconds the server says it stays fresh (max-age, Expires)

    @property
    def not_modified(self) -> bool:
        return self.body is None


@dataclass(frozen=True, slots=True)
class Feed:
    """A feed as the cache knows it, with counts for the feed list."""

    url: str
    title: str  # configured title, else the feed's own, else the URL
    site: str = ""
    unread: int = 0
    total: int = 0
    error: str | None = None  # last failure, None when the last fetch worked
    checked_at: datetime | None = None
    moved_to: str | None = None  # permanent redirect seen, not yet applied
    tags: tuple[str, ...] = ()
    synced: bool = False  # listed by the sync server now (else a feeds.toml feed)


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """The few columns the article list draws, one per visible row."""

    id: int
    feed_url: str
    feed_title: str
    title: str
    published: datetime
    read: bool
    starred: bool
    link: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    """One cached article with its full content."""

    id: int
    feed_url: str
    feed_title: str
    guid: str
    title: str
    link: str
    author: str
    published: datetime
    updated: datetime | None
    content: str
    summary: str
    read: bool
    starred: bool
    first_seen: datetime
    enclosures: tuple[Enclosure, ...] = field(default=())

    @property
    def body(self) -> str:
        """The fullest HTML we have: content over summary."""
        return self.content or self.summary


@dataclass(frozen=True, slots=True)
class RemoteFeed:
    """A subscription as a sync server lists it; its groups or labels become tags."""

    id: str  # the server's id for the feed
    title: str
    url: str  # the feed's own address, as the server fetches it
    site: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RemoteItem:
    """An article as a sync server sends it, keyed by the server's item id."""

    id: str
    feed_id: str
    title: str
    link: str
    author: str
    published: datetime
    content: str  # HTML
    read: bool
    starred: bool


@dataclass(frozen=True, slots=True)
class QueuedChange:
    """A read or star change made here and not yet accepted by the server."""

    seq: int  # a new change to the same item and field replaces this one with a higher seq
    item_id: str  # the server's item id
    field: str  # "read" or "starred"
    value: bool
    attempts: int = 0


@dataclass(frozen=True, slots=True)
class FullText:
    """An article's page, fetched and reduced to the article; or why that failed."""

    article_id: int
    url: str  # the page, after redirects
    html: str  # the article as extracted ("" when it failed)
    error: str | None = None  # one line for the user; None when it worked
    fetched_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class FeedState:
    """What a refresh needs to know of a feed before fetching it, read for all feeds at once."""

    etag: str | None = None
    last_modified: str | None = None
    found_feed: str | None = None  # the feed an HTML page linked to last time
    next_due: datetime | None = None  # None: due now
    failures: int = 0  # failed fetches in a row
    body_hash: str | None = None  # of the last document parsed
    feed_fresh_for: float | None = None  # what that document said of its freshness (<ttl>)
    error: str | None = None  # why the last fetch failed; None when it worked

    def due(self, now: datetime) -> bool:
        return self.next_due is None or self.next_due <= now


@dataclass(frozen=True, slots=True)
class FeedWrite:
    """One feed's refresh as the store writes it: a fetch (200 or 304), or a failure."""

    url: str
    next_due: datetime
    result: FetchResult | None = None  # None for a failure
    parsed: ParsedFeed | PreparedFeed | None = None  # None for a 304 or an unchanged body
    error: str | None = None
    body_hash: str | None = None  # of result.body, when it was parsed
