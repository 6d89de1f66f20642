"""What one fetch writes: the feed's fetch state, and its new or changed articles."""

from __future__ import annotations

import sqlite3
from typing import Any

from newsterm.models import FetchResult, ParsedEntry, ParsedFeed
from newsterm.store import queries, rows

__all__ = ["save_fetch"]


def save_fetch(
    conn: sqlite3.Connection, url: str, result: FetchResult, parsed: ParsedFeed | None, stamp: int
) -> int:
    """Write one fetch inside the caller's transaction; return how many articles are new.

    Read and starred flags and first-seen times are never touched; an article whose
    content changed is updated; ``parsed`` is None for a 304.
    """
    conn.execute("INSERT OR IGNORE INTO feeds (url) VALUES (?)", (url,))
    conn.execute(*_fetch_state_update(url, result, parsed, stamp))
    if parsed is None or not parsed.entries:
        return 0
    entries = _unpruned(conn, url, parsed, stamp)
    # Bottom first: the feed's top entry gets the highest id, so among equal dates
    # (undated entries all get the fetch time) the list keeps the feed's order.
    params = [rows.article_params(url, e, stamp) for e in reversed(entries)]
    before = _count_feed(conn, url)
    conn.executemany(queries.UPSERT_ARTICLE, params)
    return _count_feed(conn, url) - before


def _count_feed(conn: sqlite3.Connection, url: str) -> int:
    row = conn.execute("SELECT count(*) FROM articles WHERE feed_url = ?", (url,)).fetchone()
    return int(row[0])


def _unpruned(
    conn: sqlite3.Connection, url: str, parsed: ParsedFeed, stamp: int
) -> list[ParsedEntry]:
    """The entries to upsert: duplicates dropped (first wins) and pruned ones left out."""
    first: dict[str, ParsedEntry] = {}
    for entry in parsed.entries:
        first.setdefault(entry.id, entry)
    kept = list(first.values())
    pruned = {g for (g,) in conn.execute("SELECT guid FROM pruned WHERE feed_url = ?", (url,))}
    if not pruned:
        return kept
    conn.executemany(  # still listed: remember it for as long as the feed keeps it
        "UPDATE pruned SET pruned_at = ? WHERE feed_url = ? AND guid = ?",
        [(stamp, url, e.id) for e in kept if e.id in pruned],
    )
    return [e for e in kept if e.id not in pruned]


def _fetch_state_update(
    url: str, result: FetchResult, parsed: ParsedFeed | None, stamp: int
) -> tuple[str, dict[str, Any]]:
    """The UPDATE of a feed's row after a successful fetch (200 or 304)."""
    sets = ["http_status = :status", "error = NULL", "checked_at = :now", "moved_to = :moved"]
    sets.append("found_feed = :found")
    if result.not_modified:  # a 304 may omit the validators: keep the ones we sent
        sets += ["etag = COALESCE(:etag, etag)", "last_modified = COALESCE(:lm, last_modified)"]
    else:
        sets += ["etag = :etag", "last_modified = :lm"]
    if parsed is not None:
        sets.append("warning = :warning")
        sets += ["title = :title"] if parsed.title else []
        sets += ["site = :site"] if parsed.link else []
    params = {
        "url": url,
        "status": result.status,
        "now": stamp,
        "moved": result.permanent_redirect,
        "found": result.final_url if result.discovered_from else None,
        "etag": result.etag,
        "lm": result.last_modified,
        "warning": parsed.warning if parsed else None,
        "title": parsed.title if parsed else "",
        "site": parsed.link if parsed else "",
    }
    return f"UPDATE feeds SET {', '.join(sets)} WHERE url = :url", params
