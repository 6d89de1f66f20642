"""The SQL the cache runs, each hot query written for an index in schema.py.

Every SELECT names its columns as the model fields they fill (rows.py reads them by
name), and tests EXPLAIN each hot query to prove it seeks in its index.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newsterm.store.view_sql import UNREAD_AMONG_STARRED, view_clause

if TYPE_CHECKING:
    # (types only: a view's query is parsed with the config, and only when it has views)
    from newsterm.view_query import ViewQuery

__all__ = [
    "ABOVE",
    "ARTICLE",
    "BELOW",
    "CONFIGURED_FEEDS",
    "FEEDS",
    "FEED_STATES",
    "NEWEST_FIRST",
    "OLDEST_FIRST",
    "PRUNE",
    "REMEMBER_PRUNED",
    "ROWS",
    "SYNC_FEED",
    "UPSERT_ARTICLE",
    "article_filters",
    "counted",
    "feeds_left_out",
    "narrowed",
]

SEEK_FEEDS_UP_TO = 32
"""Up to this many feeds a list seeks each one's index and sorts the few rows found; a longer
list (All articles over 2,000 feeds) walks the date index instead: a sort of a million rows
would take seconds, and without statistics SQLite would choose it."""

# A plain column keeps its own name; every computed one is named with AS, after the model
# field it fills, because rows.py reads rows by name (tests check the names).
FEED_TITLE = "COALESCE(NULLIF(f.configured_title, ''), NULLIF(f.title, ''), a.feed_url)"

# LEFT JOIN keeps articles the outer loop, so the ORDER BY walks an index instead of sorting.
ROWS = f"""SELECT a.id, a.feed_url, {FEED_TITLE} AS feed_title, a.title, a.published, a.read,
    a.starred, a.link
FROM articles a LEFT JOIN feeds f ON f.url = a.feed_url"""

NEWEST_FIRST = "ORDER BY a.published DESC, a.id DESC"
OLDEST_FIRST = "ORDER BY a.published ASC, a.id ASC"  # the same index, walked backwards

# A row's place in the list is its (published, id) pair: these seek in the same indexes.
BELOW = "(a.published, a.id) < (?, ?)"
"""Rows after the anchor (published, id) in list order."""
ABOVE = "(a.published, a.id) > (?, ?)"
"""Rows before the anchor (published, id) in list order."""

ARTICLE = f"""SELECT a.id, a.feed_url, {FEED_TITLE} AS feed_title, a.guid, a.title, a.link,
    a.author, a.published, a.updated, a.content, a.summary, a.read, a.starred, a.first_seen,
    a.enclosures
FROM articles a LEFT JOIN feeds f ON f.url = a.feed_url WHERE a.id = ?"""

# The counts are kept by triggers (schema.py): reading them costs one row per feed.
FEEDS = """SELECT f.url, f.title, f.configured_title, f.site, f.tags, f.error, f.checked_at,
    f.moved_to, f.synced, f.unread_count AS unread, f.total_count AS total
FROM feeds f ORDER BY f.configured DESC, f.position, f.url"""

FEED_STATES = """SELECT url, etag, last_modified, found_feed, next_due, failures, body_hash,
    feed_fresh_for, error
FROM feeds"""

# The columns SYNC_FEED writes, as it writes them, in feeds.toml's order.
CONFIGURED_FEEDS = """SELECT url, configured_title, tags, position FROM feeds
WHERE configured = 1 ORDER BY position"""

SYNC_FEED = """INSERT INTO feeds (url, configured_title, tags, position, configured)
VALUES (?, ?, ?, ?, 1)
ON CONFLICT (url) DO UPDATE SET configured_title = excluded.configured_title,
    tags = excluded.tags, position = excluded.position, configured = 1"""

# Read, starred and first_seen are never written on conflict; an unchanged entry is not
# written at all. An undated entry keeps the date it was first given (its first-seen time).
UPSERT_ARTICLE = """INSERT INTO articles (feed_url, guid, title, link, author, published, updated,
    content, summary, enclosures, first_seen, content_hash)
VALUES (:feed_url, :guid, :title, :link, :author, COALESCE(:published, :now), :updated,
    :content, :summary, :enclosures, :now, :hash)
ON CONFLICT (feed_url, guid) DO UPDATE SET title = excluded.title, link = excluded.link,
    author = excluded.author, published = COALESCE(:published, articles.published),
    updated = excluded.updated, content = excluded.content, summary = excluded.summary,
    enclosures = excluded.enclosures, content_hash = excluded.content_hash
WHERE articles.content_hash <> excluded.content_hash"""

_PRUNABLE = "read = 1 AND starred = 0 AND published < :cutoff AND first_seen < :cutoff"
REMEMBER_PRUNED = f"""INSERT OR REPLACE INTO pruned (feed_url, guid, pruned_at)
SELECT feed_url, guid, :now FROM articles WHERE {_PRUNABLE}"""
PRUNE = f"DELETE FROM articles WHERE {_PRUNABLE}"


def article_filters(
    feed_urls: Sequence[str] | None,
    unread_only: bool,
    query: str,
    *,
    starred_only: bool = False,
    since: int | None = None,
    matching: ViewQuery | None = None,
) -> tuple[str, list[Any]]:
    """A WHERE clause over ``articles a`` and its parameters, written so the indexes apply.

    ``since`` (unix seconds) keeps articles published then or later; ``matching`` keeps
    those a saved view's query selects.
    """
    clauses: list[str] = ["a.starred = 1"] if starred_only else []
    params: list[Any] = []
    if since is not None:
        clauses.append("a.published >= ?")
        params.append(since)
    if matching is not None:
        clause, values = view_clause(matching)
        clauses.append(clause)
        params.extend(values)
    if feed_urls is not None:
        urls = list(dict.fromkeys(feed_urls))
        if len(urls) == 1:
            clauses.append("a.feed_url = ?")
        elif len(urls) <= SEEK_FEEDS_UP_TO:  # an empty list matches nothing, as asked
            clauses.append(f"a.feed_url IN ({', '.join('?' * len(urls))})")
        else:  # "+" keeps the planner off the feed index: walk the date index, no sort
            clauses.append(f"+a.feed_url IN ({', '.join('?' * len(urls))})")
        params.extend(urls)
    if unread_only:
        starred = starred_only or (matching is not None and matching.wants("starred"))
        clauses.append(UNREAD_AMONG_STARRED if starred else "a.read = 0")
    if "\x00" in query:  # SQLite's LIKE would stop reading the pattern there: match all
        clauses.append("0")  # no stored title holds a NUL, so nothing matches
    elif query:
        if query.isascii():  # LIKE folds ASCII case in C: fast
            escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            clauses.append("a.title LIKE ? ESCAPE '\\'")
            params.append(f"%{escaped}%")
        else:  # casefold() is registered on the connection by the store
            clauses.append("instr(casefold(a.title), ?) > 0")
            params.append(query.casefold())
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def counted(feed_urls: Sequence[str] | None, unread_only: bool) -> tuple[str, list[Any]]:
    """The SELECT summing the triggers' counts over ``feed_urls`` (None: every feed)."""
    column = "unread_count" if unread_only else "total_count"
    if feed_urls is None:
        return f"SELECT sum({column}) FROM feeds", []
    urls = list(dict.fromkeys(feed_urls))
    return f"SELECT sum({column}) FROM feeds WHERE url IN ({', '.join('?' * len(urls))})", urls


def feeds_left_out(count: int) -> str:
    """A SELECT finding a feed with articles that is not among ``count`` URLs (None if none)."""
    return f"SELECT 1 FROM feeds WHERE total_count > 0 AND url NOT IN ({', '.join('?' * count)})"


def narrowed(where: str, clause: str) -> str:
    """An article_filters WHERE clause (possibly empty) with one more condition."""
    return f"{where} AND {clause}" if where else f"WHERE {clause}"
