"""What a sync writes and reads: the server's feeds and items, its state, and the push queue.

A server's feed is keyed ``sync:<account>:<feed id>`` and its items carry the remote id
``<account>:<item id>``, so two servers (or a server replaced by another) never mix. Every
function runs inside the caller's transaction (cache.py's ``_write``/``_read``).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Sequence
from typing import Any

from newsterm.models import QueuedChange, RemoteFeed, RemoteItem
from newsterm.store.rows import ts

__all__ = [
    "account_key",
    "apply_state",
    "forget_changes",
    "get_meta",
    "known_items",
    "note_failed_push",
    "pending",
    "pending_count",
    "queue_change",
    "save_items",
    "save_remote_feeds",
    "server_feed_url",
    "set_meta",
]

FIELDS = ("read", "starred")

_QUEUE_ONE = """INSERT OR REPLACE INTO sync_queue (remote_id, field, value, queued_at)
SELECT remote_id, :field, :value, :now FROM articles WHERE id = :id AND remote_id IS NOT NULL"""

_INSERT_ITEM = """INSERT INTO articles (feed_url, guid, title, link, author, published, content,
    first_seen, content_hash, remote_id, read, starred)
VALUES (:feed_url, :guid, :title, :link, :author, :published, :content, :now, :hash,
    :remote_id, :read, :starred)
ON CONFLICT DO NOTHING"""

# Read and starred are never written here: they come from the server's id lists, where a
# change still queued here is left alone.
_UPDATE_ITEM = """UPDATE articles SET title = :title, link = :link, author = :author,
    content = :content, content_hash = :hash
WHERE remote_id = :remote_id AND content_hash <> :hash"""

# {field} is "read" or "starred"; temp.sync_listed holds the server's list for it.
_APPLY_STATE = """UPDATE articles SET {field} = CASE WHEN remote_id IN
    (SELECT id FROM temp.sync_listed) THEN :listed ELSE 1 - :listed END
WHERE remote_id >= :low AND remote_id < :high
    AND {field} <> CASE WHEN remote_id IN
        (SELECT id FROM temp.sync_listed) THEN :listed ELSE 1 - :listed END
    AND remote_id NOT IN (SELECT remote_id FROM sync_queue WHERE field = :field)"""
_NOT_CACHED = """SELECT id FROM temp.sync_listed WHERE id NOT IN
    (SELECT remote_id FROM articles WHERE remote_id >= ? AND remote_id < ?)"""

_SAVE_FEED = """INSERT INTO feeds (url, title, site, tags, position, synced)
VALUES (:url, :title, :site, :tags, :position, 1)
ON CONFLICT (url) DO UPDATE SET title = excluded.title, site = excluded.site,
    tags = excluded.tags, position = excluded.position, synced = 1"""


def account_key(service: str, url: str, user: str) -> str:
    """A short, stable name for one user on one server."""
    return _sha1(f"{service}\0{url}\0{user}".encode())[:10]


def server_feed_url(account: str, feed_id: str) -> str:
    """The feeds.url a server's feed is kept under."""
    return f"sync:{account}:{feed_id}"


def _prefix_range(prefix: str) -> tuple[str, str]:
    """Bounds for ``x >= lo AND x < hi``: every string starting ``prefix`` (an index range)."""
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


# -- local changes into the queue ---------------------------------------------------------


def queue_change(conn: sqlite3.Connection, article_id: int, field: str, value: bool) -> None:
    """Queue one changed flag of a synced article (a local article queues nothing)."""
    assert field in FIELDS
    params = {"field": field, "value": int(value), "now": _now(), "id": article_id}
    conn.execute(_QUEUE_ONE, params)


def pending(conn: sqlite3.Connection, account: str, limit: int) -> list[QueuedChange]:
    """The oldest queued changes for ``account``, its prefix taken off the item ids."""
    low, high = _prefix_range(f"{account}:")
    found = conn.execute(
        "SELECT seq, remote_id, field, value, attempts FROM sync_queue "
        "WHERE remote_id >= ? AND remote_id < ? ORDER BY seq LIMIT ?",
        (low, high, limit),
    )
    return [
        QueuedChange(
            r["seq"], r["remote_id"][len(low) :], r["field"], bool(r["value"]), r["attempts"]
        )
        for r in found
    ]


def pending_count(conn: sqlite3.Connection) -> int:
    """How many changes wait for a server."""
    return int(conn.execute("SELECT count(*) FROM sync_queue").fetchone()[0])


def forget_changes(conn: sqlite3.Connection, seqs: Iterable[int]) -> None:
    """Drop queued changes the server accepted (or can never accept). A newer change to the
    same flag has a new seq, so it stays."""
    conn.executemany("DELETE FROM sync_queue WHERE seq = ?", [(s,) for s in seqs])


def note_failed_push(conn: sqlite3.Connection, seqs: Iterable[int]) -> None:
    """Count one more failed attempt on each change: it stays queued."""
    conn.executemany(
        "UPDATE sync_queue SET attempts = attempts + 1 WHERE seq = ?", [(s,) for s in seqs]
    )


# -- the server's feeds, items and state --------------------------------------------------


def save_remote_feeds(conn: sqlite3.Connection, account: str, feeds: Sequence[RemoteFeed]) -> None:
    """The server's subscriptions become the synced feeds; feeds it dropped stop being shown."""
    conn.execute("UPDATE feeds SET synced = 0 WHERE synced = 1")
    conn.executemany(
        _SAVE_FEED,
        [
            {
                "url": server_feed_url(account, f.id),
                "title": f.title,
                "site": f.site,
                "tags": json.dumps(list(f.tags)),
                "position": position,
            }
            for position, f in enumerate(feeds)
        ],
    )


def save_items(conn: sqlite3.Connection, account: str, items: Sequence[RemoteItem]) -> int:
    """Insert new items (with the server's state) and update changed ones; count the new."""
    if not items:
        return 0
    now = _now()
    conn.executemany(
        "INSERT OR IGNORE INTO feeds (url, synced) VALUES (?, 1)",
        [(server_feed_url(account, fid),) for fid in {i.feed_id for i in items}],
    )
    params = [_item_params(account, item, now) for item in items]
    new = conn.executemany(_INSERT_ITEM, params).rowcount
    conn.executemany(_UPDATE_ITEM, params)
    return max(new, 0)


def _item_params(account: str, item: RemoteItem, now: int) -> dict[str, Any]:
    fingerprint = "\x1f".join([item.title, item.link, item.author, item.content])
    return {
        "feed_url": server_feed_url(account, item.feed_id),
        "guid": item.id,
        "title": item.title,
        "link": item.link,
        "author": item.author,
        "published": ts(item.published),
        "content": item.content,
        "now": now,
        "hash": _sha1(fingerprint.encode("utf-8", "surrogatepass")),
        "remote_id": f"{account}:{item.id}",
        "read": int(item.read),
        "starred": int(item.starred),
    }


def apply_state(
    conn: sqlite3.Connection, account: str, unread: Iterable[str], starred: Iterable[str]
) -> tuple[int, list[str]]:
    """Make read and starred match the server's complete lists of unread and starred ids.

    A flag with a change still queued here keeps the local value: the local change wins
    until it is pushed. Returns how many flags changed, and the ids the server named that
    are not cached here yet (to fetch by id).
    """
    low, high = _prefix_range(f"{account}:")
    changed = 0
    missing: set[str] = set()
    for field, ids, listed_value in (("read", unread, 0), ("starred", starred, 1)):
        _fill_listed(conn, account, ids)
        changed += conn.execute(
            _APPLY_STATE.format(field=field),
            {"listed": listed_value, "low": low, "high": high, "field": field},
        ).rowcount
        found = conn.execute(_NOT_CACHED, (low, high)).fetchall()
        missing.update(row[0][len(low) :] for row in found)
    return changed, sorted(missing)


def known_items(conn: sqlite3.Connection, account: str, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` are cached already."""
    _fill_listed(conn, account, ids)
    low, _ = _prefix_range(f"{account}:")
    found = conn.execute(
        "SELECT l.id FROM temp.sync_listed l JOIN articles a ON a.remote_id = l.id"
    ).fetchall()
    return {row[0][len(low) :] for row in found}


def _fill_listed(conn: sqlite3.Connection, account: str, ids: Iterable[str]) -> None:
    """temp.sync_listed holds exactly ``ids``, prefixed with the account."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS sync_listed (id TEXT PRIMARY KEY) WITHOUT ROWID")
    conn.execute("DELETE FROM temp.sync_listed")
    conn.executemany(
        "INSERT OR IGNORE INTO temp.sync_listed (id) VALUES (?)", [(f"{account}:{i}",) for i in ids]
    )


# -- where the last sync got to -----------------------------------------------------------


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    """A value saved by set_meta, or None."""
    row = conn.execute("SELECT value FROM sync_meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row["value"])


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    """Save ``value`` under ``key``."""
    conn.execute("INSERT OR REPLACE INTO sync_meta (key, value) VALUES (?, ?)", (key, value))


def _now() -> int:
    return int(time.time())


def _sha1(data: bytes) -> str:
    # Imported here, where syncing hashes: the app's first paint opens the cache with this
    # module and need not load OpenSSL's hashes (a few ms) for it.
    import hashlib

    return hashlib.sha1(data).hexdigest()
