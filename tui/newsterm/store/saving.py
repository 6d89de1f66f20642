"""What one fetch writes: the feed's fetch state, and its new or changed articles."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from newsterm.models import FeedWrite, FetchResult, ParsedFeed, PreparedFeed
from newsterm.store import fulltext, queries, rows

Row = dict[str, Any]
"""One entry as rows.entry_row makes it."""

__all__ = ["is_unchanged", "save_failure", "save_fetch", "save_unchanged", "save_write"]


def save_write(conn: sqlite3.Connection, write: FeedWrite, stamp: int) -> int:
    """Write one feed's refresh inside the caller's transaction; return how many are new."""
    due = rows.ts(write.next_due)
    if write.result is None:
        save_failure(conn, write.url, write.error or "failed", stamp, due)
        return 0
    return save_fetch(conn, write.url, write.result, write.parsed, stamp, due, write.body_hash)


def is_unchanged(write: FeedWrite) -> bool:
    """Whether ``write`` is a feed that came back unchanged (a 304, or the body parsed last
    time): only its row in feeds changes."""
    return write.result is not None and write.parsed is None and write.result.not_modified


def save_unchanged(conn: sqlite3.Connection, writes: Sequence[FeedWrite], stamp: int) -> None:
    """Write what ``save_write`` writes for feeds that came back unchanged, in two statements
    for them all (four each, with a savepoint, cost a 304 as much as its response)."""
    conn.executemany("INSERT OR IGNORE INTO feeds (url) VALUES (?)", [(w.url,) for w in writes])
    updates = []
    for write in writes:
        assert write.result is not None and is_unchanged(write)
        due = rows.ts(write.next_due)
        updates.append(_fetch_state_update(write.url, write.result, None, stamp, due, None))
    conn.executemany(updates[0][0], [params for _, params in updates])  # one statement for all


def save_fetch(
    conn: sqlite3.Connection,
    url: str,
    result: FetchResult,
    parsed: ParsedFeed | PreparedFeed | None,
    stamp: int,
    due: int | None = None,
    body_hash: str | None = None,
) -> int:
    """Write one fetch inside the caller's transaction; return how many articles are new.

    Read and starred flags and first-seen times are never touched; an article whose
    content changed is updated; ``parsed`` is None for a 304. A success clears the
    failures and sets when the feed is next due (None: at once).
    """
    conn.execute("INSERT OR IGNORE INTO feeds (url) VALUES (?)", (url,))
    conn.execute(*_fetch_state_update(url, result, parsed, stamp, due, body_hash))
    if parsed is None:
        return 0
    feed = parsed if isinstance(parsed, PreparedFeed) else rows.prepared(parsed)
    if not feed.rows:
        return 0
    kept = _unpruned(conn, url, feed.rows, stamp)
    # Bottom first: the feed's top entry gets the highest id, so among equal dates
    # (undated entries all get the fetch time) the list keeps the feed's order.
    params = [{**row, "feed_url": url, "now": stamp} for row in reversed(kept)]
    fulltext.remember_texts((r["content"], r["summary"], r["text"]) for r in kept if "text" in r)
    before = _count_feed(conn, url)
    conn.executemany(queries.UPSERT_ARTICLE, params)
    return _count_feed(conn, url) - before


def save_failure(
    conn: sqlite3.Connection, url: str, error: str, stamp: int, due: int | None = None
) -> None:
    """Record a failed fetch: one more failure in a row; articles and validators stay."""
    conn.execute("INSERT OR IGNORE INTO feeds (url) VALUES (?)", (url,))
    conn.execute(
        "UPDATE feeds SET error = ?, checked_at = ?, failures = failures + 1, next_due = ?"
        " WHERE url = ?",
        (error, stamp, due, url),
    )


def _count_feed(conn: sqlite3.Connection, url: str) -> int:
    """The feed's articles, as the triggers of schema.py keep them counted."""
    row = conn.execute("SELECT total_count FROM feeds WHERE url = ?", (url,)).fetchone()
    return int(row[0])


def _unpruned(
    conn: sqlite3.Connection, url: str, feed_rows: Sequence[Row], stamp: int
) -> list[Row]:
    """The rows to upsert: duplicates dropped (first wins) and pruned ones left out."""
    first: dict[str, Row] = {}
    for row in feed_rows:
        first.setdefault(row["guid"], row)
    kept = list(first.values())
    pruned = {g for (g,) in conn.execute("SELECT guid FROM pruned WHERE feed_url = ?", (url,))}
    if not pruned:
        return kept
    conn.executemany(  # still listed: remember it for as long as the feed keeps it
        "UPDATE pruned SET pruned_at = ? WHERE feed_url = ? AND guid = ?",
        [(stamp, url, r["guid"]) for r in kept if r["guid"] in pruned],
    )
    return [r for r in kept if r["guid"] not in pruned]


def _fetch_state_update(
    url: str,
    result: FetchResult,
    parsed: ParsedFeed | PreparedFeed | None,
    stamp: int,
    due: int | None,
    body_hash: str | None,
) -> tuple[str, dict[str, Any]]:
    """The UPDATE of a feed's row after a successful fetch (200 or 304)."""
    sets = ["http_status = :status", "error = NULL", "checked_at = :now", "moved_to = :moved"]
    sets += ["found_feed = :found", "failures = 0", "next_due = :due"]
    sets += ["body_hash = :hash", "feed_fresh_for = :fresh"] if parsed is not None else []
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
        "due": due,
        "hash": body_hash,
        "fresh": _seconds(parsed.fresh_for) if parsed else None,
    }
    return f"UPDATE feeds SET {', '.join(sets)} WHERE url = :url", params


def _seconds(value: float | None) -> int | None:
    """A feed's freshness hint as whole seconds, within what SQLite's integers hold."""
    if value is None or value != value:  # absent or NaN
        return None
    return int(min(max(value, 0.0), 2.0**62))
