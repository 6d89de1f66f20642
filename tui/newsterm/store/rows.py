"""Map between SQLite rows and newsterm's models, and datetimes and the seconds stored."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from newsterm.models import Article, ArticleRow, Enclosure, Feed, ParsedEntry

__all__ = ["article", "article_params", "article_row", "dt", "feed", "ts"]


def feed(row: tuple[Any, ...]) -> Feed:
    """A row of schema.FEEDS as a Feed with its counts."""
    url, title, configured_title, site, tags, error, checked_at, moved_to, unread, total = row
    return Feed(
        url=url,
        title=configured_title or title or url,
        site=site,
        unread=unread,
        total=total,
        error=error,
        checked_at=None if checked_at is None else dt(checked_at),
        moved_to=moved_to,
        tags=tuple(json.loads(tags or "[]")),
    )


def article_row(row: tuple[Any, ...]) -> ArticleRow:
    """A row of schema.ROWS as one line of the article list."""
    id_, feed_url, feed_title, title, published, read, starred, link = row
    return ArticleRow(
        id_, feed_url, feed_title, title, dt(published), bool(read), bool(starred), link
    )


def article(row: tuple[Any, ...]) -> Article:
    """A row of schema.ARTICLE as a whole Article."""
    *head, published, updated, content, summary, read, starred, first_seen, enclosures = row
    return Article(
        *head,
        published=dt(published),
        updated=None if updated is None else dt(updated),
        content=content,
        summary=summary,
        read=bool(read),
        starred=bool(starred),
        first_seen=dt(first_seen),
        enclosures=tuple(Enclosure(*e) for e in json.loads(enclosures or "[]")),
    )


def article_params(feed_url: str, entry: ParsedEntry, now: int) -> dict[str, Any]:
    """A parsed entry as the parameters of schema.UPSERT_ARTICLE; the hash spots changes."""
    enclosures = json.dumps([[e.url, e.type, e.length] for e in entry.enclosures])
    published = ts(entry.published) if entry.published else None
    updated = ts(entry.updated) if entry.updated else None
    fields = [entry.title, entry.link, entry.author, str(published), str(updated)]
    fingerprint = "\x1f".join([*fields, entry.content, entry.summary, enclosures])
    return {
        "feed_url": feed_url,
        "guid": entry.id,
        "title": entry.title,
        "link": entry.link,
        "author": entry.author,
        "published": published,
        "updated": updated,
        "content": entry.content,
        "summary": entry.summary,
        "enclosures": enclosures,
        "now": now,
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
