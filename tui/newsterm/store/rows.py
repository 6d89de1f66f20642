"""Map between SQLite rows and newsterm's models, and datetimes and the seconds stored.

Rows are sqlite3.Row (connection.py sets it), read by column name: the order of a
SELECT's columns is free, and a missing or misnamed column fails loudly.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from typing import Any

from newsterm.models import (
    Article,
    ArticleRow,
    Enclosure,
    Feed,
    FeedState,
    ParsedEntry,
    ParsedFeed,
    PreparedFeed,
)
from newsterm.store.fulltext import indexed_text

__all__ = [
    "article",
    "article_row",
    "dt",
    "entry_row",
    "feed",
    "feed_state",
    "prepared",
    "ts",
]


def feed(row: sqlite3.Row) -> Feed:
    """A row of queries.FEEDS as a Feed with its counts."""
    return Feed(
        url=row["url"],
        title=row["configured_title"] or row["title"] or row["url"],
        site=row["site"],
        unread=row["unread"],
        total=row["total"],
        error=row["error"],
        checked_at=None if row["checked_at"] is None else dt(row["checked_at"]),
        moved_to=row["moved_to"],
        tags=tuple(json.loads(row["tags"] or "[]")),
        synced=bool(row["synced"]),
    )


def feed_state(row: sqlite3.Row) -> FeedState:
    """A row of queries.FEED_STATES as what a refresh needs to know before fetching."""
    return FeedState(
        etag=row["etag"],
        last_modified=row["last_modified"],
        found_feed=row["found_feed"],
        next_due=None if row["next_due"] is None else dt(row["next_due"]),
        failures=row["failures"],
        body_hash=row["body_hash"],
        feed_fresh_for=row["feed_fresh_for"],
        error=row["error"],
    )


def article_row(row: sqlite3.Row) -> ArticleRow:
    """A row of queries.ROWS as one line of the article list."""
    return ArticleRow(
        id=row["id"],
        feed_url=row["feed_url"],
        feed_title=row["feed_title"],
        title=row["title"],
        published=dt(row["published"]),
        read=bool(row["read"]),
        starred=bool(row["starred"]),
        link=row["link"],
    )


def article(row: sqlite3.Row) -> Article:
    """A row of queries.ARTICLE as a whole Article."""
    return Article(
        id=row["id"],
        feed_url=row["feed_url"],
        feed_title=row["feed_title"],
        guid=row["guid"],
        title=row["title"],
        link=row["link"],
        author=row["author"],
        published=dt(row["published"]),
        updated=None if row["updated"] is None else dt(row["updated"]),
        content=row["content"],
        summary=row["summary"],
        read=bool(row["read"]),
        starred=bool(row["starred"]),
        first_seen=dt(row["first_seen"]),
        enclosures=tuple(Enclosure(*e) for e in json.loads(row["enclosures"] or "[]")),
    )


def prepared(feed: ParsedFeed) -> PreparedFeed:
    """A parsed feed with its entries as entry_row dicts: what a parse worker sends back.

    Each row also carries the article's text for the search index, under "text": read
    from its HTML here, in the worker, and not on the writer's thread (saving.py).
    """
    return PreparedFeed(
        title=feed.title,
        link=feed.link,
        rows=tuple(
            {**entry_row(e), "text": indexed_text(e.content, e.summary)} for e in feed.entries
        ),
        warning=feed.warning,
        fresh_for=feed.fresh_for,
    )


def entry_row(entry: ParsedEntry) -> dict[str, Any]:
    """A parsed entry as queries.UPSERT_ARTICLE's parameters but for feed_url and now;
    the hash spots changes."""
    enclosures = json.dumps([[e.url, e.type, e.length, e.duration] for e in entry.enclosures])
    published = ts(entry.published) if entry.published else None
    updated = ts(entry.updated) if entry.updated else None
    fields = [entry.title, entry.link, entry.author, str(published), str(updated)]
    fingerprint = "\x1f".join([*fields, entry.content, entry.summary, enclosures])
    # Imported here, where refreshes hash what they store: the app's first paint opens the
    # cache with this module and need not load OpenSSL's hashes (a few ms) for it.
    import hashlib

    return {
        "guid": entry.id,
        "title": entry.title,
        "link": entry.link,
        "author": entry.author,
        "published": published,
        "updated": updated,
        "content": entry.content,
        "summary": entry.summary,
        "enclosures": enclosures,
        "hash": hashlib.sha1(fingerprint.encode("utf-8", "surrogatepass")).hexdigest(),
    }


def ts(when: datetime) -> int:
    """Aware datetime -> integer unix seconds (naive is taken as UTC)."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return int(when.timestamp())


def dt(stamp: int) -> datetime:
    """Integer unix seconds -> aware UTC datetime; 1970 for a date no calendar can hold."""
    try:
        return datetime.fromtimestamp(stamp, UTC)
    except (OverflowError, ValueError, OSError):
        return datetime(1970, 1, 1, tzinfo=UTC)
