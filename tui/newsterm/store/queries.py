"""The SQL the cache runs, each hot query written for an index in schema.py.

Every SELECT names its columns as the model fields they fill (rows.py reads them by
name), and tests EXPLAIN each hot query to prove it seeks in its index.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "ABOVE",
    "ARTICLE",
    "BELOW",
    "FEEDS",
    "NEWEST_FIRST",
    "OLDEST_FIRST",
    "PRUNE",
    "REMEMBER_PRUNED",
    "ROWS",
    "SYNC_FEED",
    "UPSERT_ARTICLE",
    "article_filters",
    "narrowed",
]

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

FEEDS = """SELECT f.url, f.title, f.configured_title, f.site, f.tags, f.error, f.checked_at,
    f.moved_to, f.synced,
    (SELECT count(*) FROM articles a WHERE a.feed_url = f.url AND a.read = 0) AS unread,
    (SELECT count(*) FROM articles a WHERE a.feed_url = f.url) AS total
FROM feeds f ORDER BY f.configured DESC, f.position, f.url"""

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
) -> tuple[str, list[Any]]:
    """A WHERE clause over ``articles a`` and its parameters, written so the indexes apply.

    ``since`` (unix seconds) keeps articles published then or later.
    """
    clauses: list[str] = ["a.starred = 1"] if starred_only else []
    params: list[Any] = []
    if since is not None:
        clauses.append("a.published >= ?")
        params.append(since)
    if feed_urls is not None:
        urls = list(dict.fromkeys(feed_urls))
        if len(urls) == 1:
            clauses.append("a.feed_url = ?")
        else:  # an empty list matches nothing, as asked
            clauses.append(f"a.feed_url IN ({', '.join('?' * len(urls))})")
        params.extend(urls)
    if unread_only:
        clauses.append("a.read = 0")
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


def narrowed(where: str, clause: str) -> str:
    """An article_filters WHERE clause (possibly empty) with one more condition."""
    return f"{where} AND {clause}" if where else f"WHERE {clause}"
