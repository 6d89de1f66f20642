"""The SQLite cache: feeds, articles and fetch state, safe to share between threads."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from newsterm.errors import CacheCorrupt, StoreError
from newsterm.models import (
    Article,
    ArticleRow,
    Enclosure,
    Feed,
    FetchResult,
    ParsedEntry,
    ParsedFeed,
)
from newsterm.store import schema
from newsterm.store.schema import article_filters, connect, rollback, translated

if TYPE_CHECKING:
    from newsterm.config import Subscription

__all__ = ["QUICK_CHECK_MAX_BYTES", "Store"]

QUICK_CHECK_MAX_BYTES = 128 * 1024 * 1024
"""Caches up to this size get PRAGMA quick_check on open (~50 ms); bigger ones would pay seconds."""

ANALYZE_AFTER_CHANGES = 1_000
"""Rows written before statistics are refreshed, so the planner keeps choosing the indexes."""

TOMBSTONE_GRACE_DAYS = 30
"""How long a pruned article's id is remembered after its feed last listed it."""


class Store:
    """newsterm's cache: one SQLite connection, guarded by a lock so any thread may use it."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None, busy_timeout: float) -> None:
        """Use Store.open(); this wraps a connection that is already checked and migrated."""
        self._conn = conn
        self._lock = threading.RLock()
        self._busy_timeout = busy_timeout
        self._changes_since_analyze = 0
        self.path = path
        """The database file; None for an in-memory cache."""
        self.recovered_from: Path | None = None
        """Where a damaged cache was moved when open(recover=True) replaced it, else None."""

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        recover: bool = False,
        busy_timeout: float = 5.0,
        quick_check: bool | None = None,
    ) -> Store:
        """Open or create the cache at ``path`` (":memory:" for a private one).

        A file that is not a database or fails its check is moved aside and CacheCorrupt
        raised; with ``recover=True`` a fresh cache is opened instead and ``recovered_from``
        names the moved file. CacheTooNew for a newer schema. ``quick_check`` None checks
        caches up to QUICK_CHECK_MAX_BYTES.
        """
        if str(path) == ":memory:":
            conn = connect(":memory:", None, busy_timeout=busy_timeout, quick_check=False)
            return cls(conn, None, busy_timeout)
        file = Path(path).expanduser()
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            size = file.stat().st_size if file.exists() else 0
        except (FileExistsError, NotADirectoryError) as exc:
            where = f"cannot use the cache folder {file.parent}: a file is in the way"
            raise StoreError(f"{where} ({exc.filename})") from exc
        except OSError as exc:
            raise StoreError(f"cannot use the cache folder {file.parent}: {exc}") from exc
        check = size <= QUICK_CHECK_MAX_BYTES if quick_check is None else quick_check
        try:
            conn = connect(str(file), file, busy_timeout=busy_timeout, quick_check=check)
        except CacheCorrupt as exc:
            if not recover or exc.moved_to is None:
                raise
            store = cls(
                connect(str(file), file, busy_timeout=busy_timeout, quick_check=False),
                file,
                busy_timeout,
            )
            store.recovered_from = exc.moved_to
            return store
        return cls(conn, file, busy_timeout)

    def close(self) -> None:
        """Update the planner's statistics if needed and close the database."""
        with self._lock:
            with suppress(sqlite3.Error):  # statistics are an optimisation; still close
                self._conn.execute("PRAGMA optimize")
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- feeds -----------------------------------------------------------------------------

    def sync_feeds(self, subs: Sequence[Subscription]) -> None:
        """Record the configured feeds: their order, title override and tags."""
        rows = [(s.url, s.title, json.dumps(list(s.tags)), i) for i, s in enumerate(subs)]
        with self._write() as conn:
            conn.execute("UPDATE feeds SET configured = 0 WHERE configured = 1")
            conn.executemany(schema.SYNC_FEED, rows)

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """The feed's stored ETag and Last-Modified, for a conditional GET."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT etag, last_modified FROM feeds WHERE url = ?", (url,)
            ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save_feed(
        self, url: str, result: FetchResult, parsed: ParsedFeed | None, *, now: datetime
    ) -> int:
        """Store one fetch in one transaction; return how many articles are new.

        Read and starred flags and first-seen times are never touched; an article whose
        content changed is updated; ``parsed`` is None for a 304.
        """
        stamp = _ts(now)
        with self._write() as conn:
            conn.execute("INSERT OR IGNORE INTO feeds (url) VALUES (?)", (url,))
            conn.execute(*_fetch_state_update(url, result, parsed, stamp))
            if parsed is None or not parsed.entries:
                return 0
            entries = _unpruned(conn, url, parsed, stamp)
            # Bottom first: the feed's top entry gets the highest id, so among equal dates
            # (undated entries all get the fetch time) the list keeps the feed's order.
            rows = [_article_params(url, e, stamp) for e in reversed(entries)]
            before = _count_feed(conn, url)
            conn.executemany(schema.UPSERT_ARTICLE, rows)
            return _count_feed(conn, url) - before

    def save_failure(self, url: str, error: str, *, now: datetime) -> None:
        """Record that fetching ``url`` failed; its articles and validators stay."""
        with self._write() as conn:
            conn.execute("INSERT OR IGNORE INTO feeds (url) VALUES (?)", (url,))
            conn.execute(
                "UPDATE feeds SET error = ?, checked_at = ? WHERE url = ?", (error, _ts(now), url)
            )

    def feeds(self, urls: Sequence[str] | None = None) -> list[Feed]:
        """Feeds with unread/total counts: ``urls`` in that order, else all in configured order."""
        with self._read() as conn:
            found = {row[0]: _feed(row) for row in conn.execute(schema.FEEDS)}
        if urls is None:
            return list(found.values())
        return [found.get(u) or Feed(url=u, title=u) for u in urls]

    # -- articles --------------------------------------------------------------------------

    def count_articles(
        self, *, feed_urls: Sequence[str] | None = None, unread_only: bool = False, query: str = ""
    ) -> int:
        """How many articles article_rows would page through."""
        where, params = article_filters(feed_urls, unread_only, query)
        with self._read() as conn:
            row = conn.execute(f"SELECT count(*) FROM articles a {where}", params).fetchone()
        return int(row[0])

    def article_rows(
        self,
        *,
        feed_urls: Sequence[str] | None = None,
        unread_only: bool = False,
        query: str = "",
        offset: int = 0,
        limit: int = 100,
    ) -> list[ArticleRow]:
        """One page of the article list, newest first; ``query`` matches titles in any case."""
        where, params = article_filters(feed_urls, unread_only, query)
        sql = f"{schema.ROWS} {where} {schema.NEWEST_FIRST} LIMIT ? OFFSET ?"
        with self._read() as conn:
            rows = conn.execute(sql, [*params, max(limit, 0), max(offset, 0)]).fetchall()
        return [_article_row(r) for r in rows]

    def article(self, article_id: int) -> Article | None:
        """One article with its full content, or None when it is gone."""
        with self._read() as conn:
            row = conn.execute(schema.ARTICLE, (article_id,)).fetchone()
        return _article(row) if row else None

    def next_unread(
        self, after_id: int | None, *, feed_urls: Sequence[str] | None = None
    ) -> ArticleRow | None:
        """The first unread article below ``after_id`` in list order (the top one for None).

        It does not wrap around: None means nothing unread below; ask again with None.
        """
        where, params = article_filters(feed_urls, True, "")
        with self._read() as conn:
            anchor = None
            if after_id is not None:
                anchor = conn.execute(
                    "SELECT published, id FROM articles WHERE id = ?", (after_id,)
                ).fetchone()
            if anchor is not None:
                where += " AND (a.published, a.id) < (?, ?)"
                params = [*params, *anchor]
            sql = f"{schema.ROWS} {where} {schema.NEWEST_FIRST} LIMIT 1"
            row = conn.execute(sql, params).fetchone()
        return _article_row(row) if row else None

    def set_read(self, ids: Sequence[int], read: bool = True) -> None:
        """Mark articles read (or unread)."""
        flag = int(read)
        with self._write() as conn:
            conn.executemany(
                "UPDATE articles SET read = ? WHERE id = ? AND read <> ?",
                [(flag, i, flag) for i in ids],
            )

    def mark_all_read(self, feed_urls: Sequence[str] | None = None) -> int:
        """Mark every unread article (of ``feed_urls``) read; return how many changed."""
        where, params = article_filters(feed_urls, True, "")
        with self._write() as conn:
            sql = f"UPDATE articles SET read = 1 WHERE id IN (SELECT a.id FROM articles a {where})"
            return conn.execute(sql, params).rowcount

    def set_starred(self, article_id: int, starred: bool) -> None:
        """Star or unstar one article; starred articles are never pruned."""
        with self._write() as conn:
            conn.execute("UPDATE articles SET starred = ? WHERE id = ?", (int(starred), article_id))

    def prune(self, keep_days: int, *, now: datetime) -> int:
        """Delete read, unstarred articles older than ``keep_days`` (0: keep all); count them.

        Their ids are remembered while their feed still lists them, so they do not return.
        """
        if keep_days <= 0:
            return 0
        cutoff = now - timedelta(days=keep_days)
        forget = cutoff - timedelta(days=TOMBSTONE_GRACE_DAYS)
        with self._write() as conn:
            conn.execute(schema.REMEMBER_PRUNED, {"cutoff": _ts(cutoff), "now": _ts(now)})
            deleted = conn.execute(schema.PRUNE, {"cutoff": _ts(cutoff)}).rowcount
            conn.execute("DELETE FROM pruned WHERE pruned_at < ?", (_ts(forget),))
        return deleted

    # -- plumbing --------------------------------------------------------------------------

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock, translated(self.path, self._busy_timeout):
            yield self._conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction: all of it lands, or (disk full, killed) none of it."""
        with self._lock:
            before = self._conn.total_changes
            with translated(self.path, self._busy_timeout):
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self._conn
                    self._conn.execute("COMMIT")
                except BaseException:
                    rollback(self._conn)
                    raise
            self._after_write(self._conn.total_changes - before)

    def _after_write(self, changes: int) -> None:
        """Refresh planner statistics once enough rows changed (newsboat's slow start-up)."""
        self._changes_since_analyze += changes
        if self._changes_since_analyze >= ANALYZE_AFTER_CHANGES:
            self._changes_since_analyze = 0
            with suppress(sqlite3.Error):  # stale statistics cost speed, never correctness
                self._conn.execute("ANALYZE")


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
        "etag": result.etag,
        "lm": result.last_modified,
        "warning": parsed.warning if parsed else None,
        "title": parsed.title if parsed else "",
        "site": parsed.link if parsed else "",
    }
    return f"UPDATE feeds SET {', '.join(sets)} WHERE url = :url", params


def _article_params(feed_url: str, entry: ParsedEntry, now: int) -> dict[str, Any]:
    enclosures = json.dumps([[e.url, e.type, e.length] for e in entry.enclosures])
    published = _ts(entry.published) if entry.published else None
    updated = _ts(entry.updated) if entry.updated else None
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


def _feed(row: tuple[Any, ...]) -> Feed:
    url, title, configured_title, site, tags, error, checked_at, moved_to, unread, total = row
    return Feed(
        url=url,
        title=configured_title or title or url,
        site=site,
        unread=unread,
        total=total,
        error=error,
        checked_at=None if checked_at is None else _dt(checked_at),
        moved_to=moved_to,
        tags=tuple(json.loads(tags or "[]")),
    )


def _article_row(row: tuple[Any, ...]) -> ArticleRow:
    id_, feed_url, feed_title, title, published, read, starred, link = row
    return ArticleRow(
        id_, feed_url, feed_title, title, _dt(published), bool(read), bool(starred), link
    )


def _article(row: tuple[Any, ...]) -> Article:
    *head, published, updated, content, summary, read, starred, first_seen, enclosures = row
    return Article(
        *head,
        published=_dt(published),
        updated=None if updated is None else _dt(updated),
        content=content,
        summary=summary,
        read=bool(read),
        starred=bool(starred),
        first_seen=_dt(first_seen),
        enclosures=tuple(Enclosure(*e) for e in json.loads(enclosures or "[]")),
    )


def _ts(when: datetime) -> int:
    """Aware datetime -> integer unix seconds (naive is taken as UTC)."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return int(when.timestamp())


def _dt(stamp: int) -> datetime:
    try:
        return datetime.fromtimestamp(stamp, UTC)
    except (OverflowError, ValueError, OSError):  # a date no calendar can hold
        return datetime(1970, 1, 1, tzinfo=UTC)
