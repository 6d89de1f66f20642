"""The SQLite cache: feeds, articles and fetch state, safe to share between threads."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from newsterm.errors import CacheCorrupt, SearchError, StoreError
from newsterm.models import (
    Article,
    ArticleRow,
    Feed,
    FeedState,
    FeedWrite,
    FetchResult,
    FullText,
    ParsedFeed,
)
from newsterm.store import article_pages, queries, rows
from newsterm.store.check_stamp import last_check, remember_check
from newsterm.store.connection import connect, prepare_folder
from newsterm.store.failures import note_damage, rollback, store_error, translated
from newsterm.store.fulltext import index_queued, match_expression
from newsterm.store.order import order_named
from newsterm.store.queries import article_filters
from newsterm.store.ranking import ranked_ids
from newsterm.store.rows import ts
from newsterm.store.saving import (
    is_unchanged,
    save_failure,
    save_fetch,
    save_unchanged,
    save_write,
)
from newsterm.store.sync_tables import SyncTables
from newsterm.store.syncing import queue_change
from newsterm.store.unread import Nearest, nearest_unread

if TYPE_CHECKING:
    from newsterm.config import Subscription
    from newsterm.view_query import ViewQuery

__all__ = ["QUICK_CHECK_MAX_BYTES", "Store"]

QUICK_CHECK_MAX_BYTES = 128 * 1024 * 1024
"""Caches up to this size get PRAGMA quick_check on open (~50 ms); bigger ones would pay seconds."""

ANALYZE_AFTER_CHANGES = 1_000
"""Rows written before statistics are refreshed, so the planner keeps choosing the indexes."""

MAX_SEARCH_RESULTS = 1_000
"""Matches a search lists, best first: past the first thousand, refine the query."""

_REFUSED_DATA = (
    sqlite3.IntegrityError,
    sqlite3.DataError,
    sqlite3.InterfaceError,
    UnicodeError,  # a lone surrogate
    OverflowError,  # an integer past 64 bits
)
"""What one feed's data can raise: that feed fails, the others in its batch are written."""

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
        self._uncounted = 0  # changes of the current transaction that no index sees
        self.path = path
        """The database file; None for an in-memory cache."""
        self.recovered_from: Path | None = None
        """Where a damaged cache was moved when open(recover=True) replaced it, else None."""
        self.checked_at: float | None = None
        """When the file last passed its quick check; a clean close then stamps it."""
        self.sync = SyncTables(self._read, self._write)
        """The sync server's feeds, items and state, and the queue of changes to push."""

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        recover: bool = False,
        busy_timeout: float = 5.0,
        quick_check: bool | None = None,
        notify: Callable[[str], None] | None = None,
    ) -> Store:
        """Open or create the cache at ``path`` (":memory:" for a private one).

        A file that is not a database or fails its check is moved aside and CacheCorrupt
        raised; with ``recover=True`` a fresh cache is opened instead and ``recovered_from``
        names the moved file. CacheTooNew for a newer schema. ``quick_check`` None checks
        caches up to QUICK_CHECK_MAX_BYTES. ``notify`` is told of a slow upgrade (building
        the search index of an older cache) before it starts.
        """
        if str(path) == ":memory:":
            conn = connect(":memory:", None, busy_timeout=busy_timeout, quick_check=False)
            return cls(conn, None, busy_timeout)
        file = Path(path).expanduser()
        size = prepare_folder(file)
        check = size <= QUICK_CHECK_MAX_BYTES if quick_check is None else quick_check
        vouched = last_check(file) if check and quick_check is None else None
        try:
            conn = connect(
                str(file),
                file,
                busy_timeout=busy_timeout,
                quick_check=check and vouched is None,
                notify=notify,
            )
        except CacheCorrupt as exc:
            if not recover or exc.moved_to is None:
                raise
            # The damaged file is out of the way: a fresh cache starts in its place.
            conn = connect(str(file), file, busy_timeout=busy_timeout, quick_check=False)
            store = cls(conn, file, busy_timeout)
            store.recovered_from = exc.moved_to
            return store
        store = cls(conn, file, busy_timeout)
        store.checked_at = vouched if vouched is not None else time.time() if check else None
        return store

    def close(self) -> None:
        """Update the planner's statistics if needed and close the database."""
        with self._lock:
            try:
                self._conn.execute("PRAGMA optimize")
            except sqlite3.Error as exc:  # statistics are an optimisation; still close
                note_damage(exc, self.path)
            self._conn.close()
            if self.path is not None and self.checked_at is not None:
                remember_check(self.path, self.checked_at)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- feeds -----------------------------------------------------------------------------

    def sync_feeds(self, subs: Sequence[Subscription]) -> None:
        """Record the configured feeds: their order, title override and tags.

        Nothing is written when the cache already records ``subs`` so: the app and every
        refresh call this at start, and 2,000 feeds written again counted as enough changes
        for an ANALYZE, which held a million articles' cache for a second or two.
        """
        params = [(s.url, s.title, json.dumps(list(s.tags)), i) for i, s in enumerate(subs)]
        with self._lock:  # nothing syncs between the look and the write
            with self._read() as conn:
                recorded = [tuple(row) for row in conn.execute(queries.CONFIGURED_FEEDS)]
            if recorded == params:
                return
            with self._write() as conn:
                conn.execute("UPDATE feeds SET configured = 0 WHERE configured = 1")
                conn.executemany(queries.SYNC_FEED, params)

    def found_feed(self, url: str) -> str | None:
        """The feed URL last found on the web page ``url``, if ``url`` is a page."""
        with self._read() as conn:
            row = conn.execute("SELECT found_feed FROM feeds WHERE url = ?", (url,)).fetchone()
        return row["found_feed"] if row else None

    def validators(self, url: str) -> tuple[str | None, str | None]:
        """The feed's stored ETag and Last-Modified, for a conditional GET."""
        with self._read() as conn:
            row = conn.execute(
                "SELECT etag, last_modified FROM feeds WHERE url = ?", (url,)
            ).fetchone()
        return (row["etag"], row["last_modified"]) if row else (None, None)

    def feed_states(self) -> dict[str, FeedState]:
        """Every known feed's validators, schedule and last body hash, in one read."""
        with self._read() as conn:
            return {r["url"]: rows.feed_state(r) for r in conn.execute(queries.FEED_STATES)}

    def save_feed(
        self,
        url: str,
        result: FetchResult,
        parsed: ParsedFeed | None,
        *,
        now: datetime,
        next_due: datetime | None = None,
    ) -> int:
        """Store one fetch in one transaction; return how many articles are new.

        Read and starred flags and first-seen times are never touched; an article whose
        content changed is updated; ``parsed`` is None for a 304.
        """
        due = ts(next_due) if next_due is not None else None
        with self._write() as conn:
            return save_fetch(conn, url, result, parsed, ts(now), due)

    def save_failure(
        self, url: str, error: str, *, now: datetime, next_due: datetime | None = None
    ) -> None:
        """Record that fetching ``url`` failed; its articles and validators stay."""
        due = ts(next_due) if next_due is not None else None
        with self._write() as conn:
            save_failure(conn, url, error, ts(now), due)

    def save_many(self, writes: Sequence[FeedWrite], *, now: datetime) -> list[int | StoreError]:
        """Store several feeds' refreshes in one transaction: per feed, its new articles.

        Each feed is written under its own savepoint, so one whose data SQLite refuses (its
        StoreError in its place) leaves the others' writes standing; a failure of the cache
        itself (full, locked, damaged) fails them all. The feeds that came back unchanged
        are written together first.
        """
        stamp = ts(now)
        with self._write() as conn:
            done = self._save_unchanged(conn, writes, stamp)
            return [
                0 if i in done else self._save_one(conn, write, stamp)
                for i, write in enumerate(writes)
            ]

    def _save_unchanged(
        self, conn: sqlite3.Connection, writes: Sequence[FeedWrite], stamp: int
    ) -> set[int]:
        """Write the feeds of ``writes`` that came back unchanged, at once; their positions.

        Their updates touch no indexed column, so they do not count towards the next ANALYZE
        (a refresh of 1,000 feeds with nothing new analyzed the whole cache). Data SQLite
        refuses sends them all back to the one-by-one path, which finds the feed at fault.
        """
        chosen = [i for i, write in enumerate(writes) if is_unchanged(write)]
        if not chosen or len({w.url for w in writes}) < len(writes):
            return set()  # (a feed written twice is written in order, one by one)
        before = conn.total_changes
        conn.execute("SAVEPOINT unchanged")
        try:
            save_unchanged(conn, [writes[i] for i in chosen], stamp)
        except _REFUSED_DATA:
            conn.execute("ROLLBACK TO unchanged")
            conn.execute("RELEASE unchanged")
            return set()
        conn.execute("RELEASE unchanged")
        self._uncounted += conn.total_changes - before
        return set(chosen)

    def _save_one(self, conn: sqlite3.Connection, write: FeedWrite, stamp: int) -> int | StoreError:
        conn.execute("SAVEPOINT feed")
        try:
            new = save_write(conn, write, stamp)
        except _REFUSED_DATA as exc:
            conn.execute("ROLLBACK TO feed")
            conn.execute("RELEASE feed")
            if isinstance(exc, sqlite3.Error):
                return store_error(exc, self.path, self._busy_timeout)
            return StoreError(f"cannot store this feed: {type(exc).__name__}")
        conn.execute("RELEASE feed")
        return new

    def feeds(self, urls: Sequence[str] | None = None) -> list[Feed]:
        """Feeds with unread/total counts: ``urls`` in that order, else all in configured order."""
        with self._read() as conn:
            found = {row["url"]: rows.feed(row) for row in conn.execute(queries.FEEDS)}
        if urls is None:
            return list(found.values())
        return [found.get(u) or Feed(url=u, title=u) for u in urls]

    # -- articles --------------------------------------------------------------------------

    def count_articles(
        self,
        *,
        feed_urls: Sequence[str] | None = None,
        unread_only: bool = False,
        query: str = "",
        starred_only: bool = False,
        since: int | None = None,
        matching: ViewQuery | None = None,
    ) -> int:
        """How many articles article_rows would page through."""
        sql, params = queries.counted(feed_urls, unread_only)  # the triggers' counts
        filtered = bool(query) or starred_only or since is not None or matching is not None
        with self._read() as conn:
            if filtered:
                narrower = {"starred_only": starred_only, "since": since, "matching": matching}
                where, params = self._filters(conn, feed_urls, unread_only, query, **narrower)
                sql = f"SELECT count(*) FROM articles a {where}"
            row = conn.execute(sql, params).fetchone()
        return int(row[0] or 0)

    def article_rows(
        self,
        *,
        feed_urls: Sequence[str] | None = None,
        unread_only: bool = False,
        query: str = "",
        offset: int = 0,
        limit: int = 100,
        starred_only: bool = False,
        since: int | None = None,
        matching: ViewQuery | None = None,
        order: str = "newest",
        oldest_first: bool = False,
        beyond: ArticleRow | None = None,
    ) -> list[ArticleRow]:
        """One page of the article list in ``order``; ``query`` matches titles in any case.

        ``oldest_first`` counts the offset from the bottom, and lists the page that way.
        ``beyond`` starts the page right after that row (before it, oldest first): one
        seek, where an offset walks every row it skips; the offset is used if it is gone.
        """
        narrower = {"starred_only": starred_only, "since": since, "matching": matching}
        walk = order_named(order)
        with self._read() as conn:
            where, params = self._filters(conn, feed_urls, unread_only, query, **narrower)
            by = walk.order_by(reverse=oldest_first)
            anchor = None
            if beyond is not None:
                place = f"SELECT {walk.anchor} FROM articles a WHERE a.id = ?"
                anchor = conn.execute(place, (beyond.id,)).fetchone()
            if anchor is None and offset > 0:
                # Skip in the index alone, to the row just before the page: an OFFSET over
                # the joined rows reads every row it skips from the table (seconds, a
                # million rows down).
                skip = f"SELECT {walk.anchor} FROM articles a {where} {by} LIMIT 1 OFFSET ?"
                anchor = conn.execute(skip, [*params, offset - 1]).fetchone()
                if anchor is None:
                    return []
            if anchor is not None:
                after, extra = walk.after(anchor, reverse=oldest_first)
                where, params = queries.narrowed(where, after), [*params, *extra]
            sql = f"{queries.ROWS} {where} {by} LIMIT ?"
            page = conn.execute(sql, [*params, max(limit, 0)]).fetchall()
        return [rows.article_row(r) for r in page]

    def iter_article_rows(
        self,
        *,
        feed_urls: Sequence[str] | None = None,
        unread_only: bool = False,
        query: str = "",
        batch: int = 1000,
        starred_only: bool = False,
        matching: ViewQuery | None = None,
    ) -> Iterator[ArticleRow]:
        """Every matching row, newest first, paged by keyset: linear however many there are.

        Each page is its own short read, so a slow consumer never holds the lock.
        """
        where, params = article_filters(
            feed_urls, unread_only, query, starred_only=starred_only, matching=matching
        )
        after: tuple[Any, Any] | None = None
        while True:
            page_where, page_params = where, params
            if after is not None:
                page_where = queries.narrowed(where, queries.BELOW)
                page_params = [*params, *after]
            sql = f"{queries.ROWS} {page_where} {queries.NEWEST_FIRST} LIMIT ?"
            with self._read() as conn:
                page = conn.execute(sql, [*page_params, batch]).fetchall()
            if not page:
                return
            for row in page:
                yield rows.article_row(row)
            after = (page[-1]["published"], page[-1]["id"])

    def search_ids(
        self,
        search: str,
        *,
        feed_urls: Sequence[str] | None = None,
        unread_only: bool = False,
        query: str = "",
        starred_only: bool = False,
        since: int | None = None,
        matching: ViewQuery | None = None,
        limit: int = MAX_SEARCH_RESULTS,
    ) -> list[int]:
        """The ids of articles matching ``search``, best first; SearchError for a bad query.

        ``search`` is what a person types: words, "phrases", prefix*, -excluded.
        """
        match = match_expression(search)
        with self._read() as conn:
            narrower = {"starred_only": starred_only, "since": since, "matching": matching}
            where, params = self._filters(conn, feed_urls, unread_only, query, **narrower)
            try:
                return ranked_ids(conn, match, where, params, limit)
            except sqlite3.OperationalError as exc:  # what the quoting cannot rule out
                if "fts5" not in str(exc):
                    raise
                raise SearchError(f"cannot search for {search.strip()!r}: {exc}") from None

    def rows_by_ids(self, ids: Sequence[int]) -> list[ArticleRow]:
        """The list rows of ``ids``, in that order; ids no longer cached are left out."""
        found: dict[int, ArticleRow] = {}
        with self._read() as conn:
            for marks, chunk in _id_chunks(ids):
                for row in conn.execute(f"{queries.ROWS} WHERE a.id IN ({marks})", chunk):
                    found[row["id"]] = rows.article_row(row)
        return [found[i] for i in ids if i in found]

    def article(self, article_id: int) -> Article | None:
        """One article with its full content, or None when it is gone."""
        with self._read() as conn:
            row = conn.execute(queries.ARTICLE, (article_id,)).fetchone()
        return rows.article(row) if row else None

    def full_text(self, article_id: int) -> FullText | None:
        """The article's fetched full text (or why it failed), if it was ever fetched."""
        with self._read() as conn:
            return article_pages.load(conn, article_id)

    def save_full_text(self, text: FullText, *, now: datetime) -> None:
        """Keep a fetched full text, or its failure, for its article."""
        with self._write() as conn:
            article_pages.save(conn, text, ts(now))

    def without_full_text(self, feed_urls: Sequence[str], limit: int) -> list[tuple[int, str]]:
        """(id, link) of each feed's newest articles whose full text was never fetched."""
        with self._read() as conn:
            return article_pages.missing(conn, feed_urls, limit)

    def next_unread(
        self,
        after_id: int | None,
        *,
        feed_urls: Sequence[str] | None = None,
        query: str = "",
        starred_only: bool = False,
        since: int | None = None,
        matching: ViewQuery | None = None,
        order: str = "newest",
    ) -> ArticleRow | None:
        """The first unread article below ``after_id`` in list order (the top one for None).

        It does not wrap around: None means nothing unread below; ask again with None.
        """
        found = self.unread_beside(
            after_id,
            below=True,
            feed_urls=feed_urls,
            query=query,
            starred_only=starred_only,
            since=since,
            matching=matching,
            order=order,
        )
        return found.row if found is not None else None

    def prev_unread(
        self,
        before_id: int | None,
        *,
        feed_urls: Sequence[str] | None = None,
        query: str = "",
        starred_only: bool = False,
        since: int | None = None,
        matching: ViewQuery | None = None,
        order: str = "newest",
    ) -> ArticleRow | None:
        """The nearest unread article above ``before_id`` in list order (the bottom one for None).

        It does not wrap around: None means nothing unread above.
        """
        found = self.unread_beside(
            before_id,
            below=False,
            feed_urls=feed_urls,
            query=query,
            starred_only=starred_only,
            since=since,
            matching=matching,
            order=order,
        )
        return found.row if found is not None else None

    def unread_beside(
        self,
        anchor_id: int | None,
        *,
        below: bool,
        within: int = 0,
        feed_urls: Sequence[str] | None = None,
        unread_only: bool = False,
        query: str = "",
        starred_only: bool = False,
        since: int | None = None,
        matching: ViewQuery | None = None,
        order: str = "newest",
    ) -> Nearest | None:
        """The nearest unread article below (above) ``anchor_id`` in the list these filters
        make, with the list's rows between the two counted up to ``within`` (unread.py).

        None for the anchor starts at the top (below) or the bottom; no wrapping around.
        """
        narrower: dict[str, Any] = {
            "starred_only": starred_only,
            "since": since,
            "matching": matching,
        }
        with self._read() as conn:
            scope = self._scope(conn, feed_urls)
            return nearest_unread(
                conn,
                order_named(order),
                anchor_id,
                below=below,
                unread=article_filters(scope, True, query, **narrower),
                listed=article_filters(scope, unread_only, query, **narrower),
                within=within,
            )

    def position(
        self,
        article_id: int,
        *,
        feed_urls: Sequence[str] | None = None,
        unread_only: bool = False,
        query: str = "",
        starred_only: bool = False,
        since: int | None = None,
        matching: ViewQuery | None = None,
        order: str = "newest",
        from_bottom_of: int | None = None,
    ) -> int | None:
        """The row index of ``article_id`` in that list (0 at the top); None if it is not there.

        One indexed COUNT of the rows ordered before it; with ``from_bottom_of`` (the
        list's length, for a row thought to be in its lower half) of the rows after it.
        """
        walk = order_named(order)
        narrower = {"starred_only": starred_only, "since": since, "matching": matching}
        with self._read() as conn:
            where, params = self._filters(conn, feed_urls, unread_only, query, **narrower)
            member = f"SELECT {walk.anchor} FROM articles a {queries.narrowed(where, 'a.id = ?')}"
            anchor = conn.execute(member, [*params, article_id]).fetchone()
            if anchor is None:
                return None
            beside, extra = walk.after(anchor, reverse=from_bottom_of is None)
            count = f"SELECT count(*) FROM articles a {queries.narrowed(where, beside)}"
            counted = int(conn.execute(count, [*params, *extra]).fetchone()[0])
        return counted if from_bottom_of is None else from_bottom_of - 1 - counted

    # A change to a synced article is queued for its server in the same transaction, so a
    # crash can never keep the change and lose the push (or the other way round).

    def set_read(self, ids: Sequence[int], read: bool = True) -> None:
        """Mark articles read (or unread); synced ones are queued for the server."""
        flag = int(read)
        with self._write() as conn:
            for article_id in ids:
                sql = "UPDATE articles SET read = ? WHERE id = ? AND read <> ?"
                if conn.execute(sql, (flag, article_id, flag)).rowcount:
                    queue_change(conn, article_id, "read", read)

    def mark_all_read(self, feed_urls: Sequence[str] | None = None) -> int:
        """Mark every unread article (of ``feed_urls``) read; return how many changed."""
        return len(self.mark_read_where(feed_urls=feed_urls))

    def mark_read_where(
        self,
        *,
        feed_urls: Sequence[str] | None = None,
        query: str = "",
        starred_only: bool = False,
        since: int | None = None,
        matching: ViewQuery | None = None,
        search: str = "",
    ) -> list[int]:
        """Mark read every unread article the list with these filters shows; return their ids.

        With ``search``, the articles that search lists. The ids are what an undo marks
        unread again.
        """
        narrower: dict[str, Any] = {"starred_only": starred_only, "since": since}
        narrower["matching"] = matching
        if search:  # the best matches the list shows, read or not: their unread ones go
            ids = self.search_ids(search, feed_urls=feed_urls, query=query, **narrower)
        with self._write() as conn:
            if not search:
                where, params = self._filters(conn, feed_urls, True, query, **narrower)
                sql = f"SELECT a.id FROM articles a {where}"
                ids = [row[0] for row in conn.execute(sql, params)]
            changed = []
            for article_id in ids:  # read = 0: a sync meanwhile may have read some already
                sql = "UPDATE articles SET read = 1 WHERE id = ? AND read = 0"
                if conn.execute(sql, (article_id,)).rowcount:
                    queue_change(conn, article_id, "read", True)  # to its server, if synced
                    changed.append(article_id)
        return changed

    def set_starred(self, article_id: int, starred: bool) -> None:
        """Star or unstar one article; starred articles are never pruned."""
        self.set_starred_many([article_id], starred)

    def set_starred_many(self, ids: Sequence[int], starred: bool) -> None:
        """Star or unstar articles; synced ones are queued for the server."""
        flag = int(starred)
        with self._write() as conn:
            for article_id in ids:
                sql = "UPDATE articles SET starred = ? WHERE id = ? AND starred <> ?"
                if conn.execute(sql, (flag, article_id, flag)).rowcount:
                    queue_change(conn, article_id, "starred", starred)

    def known_ids(self, ids: Sequence[int]) -> set[int]:
        """Which of ``ids`` are articles in the cache."""
        found: set[int] = set()
        with self._read() as conn:
            for marks, chunk in _id_chunks(ids):
                sql = f"SELECT id FROM articles WHERE id IN ({marks})"
                found.update(row[0] for row in conn.execute(sql, chunk))
        return found

    def prune(self, keep_days: int, *, now: datetime) -> int:
        """Delete read, unstarred articles older than ``keep_days`` (0: keep all); count them.

        Their ids are remembered while their feed still lists them, so they do not return.
        """
        if keep_days <= 0:
            return 0
        cutoff = now - timedelta(days=keep_days)
        forget = cutoff - timedelta(days=TOMBSTONE_GRACE_DAYS)
        with self._write() as conn:
            conn.execute(queries.REMEMBER_PRUNED, {"cutoff": ts(cutoff), "now": ts(now)})
            deleted = conn.execute(queries.PRUNE, {"cutoff": ts(cutoff)}).rowcount
            conn.execute("DELETE FROM pruned WHERE pruned_at < ?", (ts(forget),))
        return deleted

    # -- plumbing --------------------------------------------------------------------------

    def _filters(
        self,
        conn: sqlite3.Connection,
        feed_urls: Sequence[str] | None,
        unread_only: bool,
        query: str,
        **narrower: Any,
    ) -> tuple[str, list[Any]]:
        """article_filters over the feeds _scope keeps."""
        return article_filters(self._scope(conn, feed_urls), unread_only, query, **narrower)

    def _scope(
        self, conn: sqlite3.Connection, feed_urls: Sequence[str] | None
    ) -> Sequence[str] | None:
        """``feed_urls``, or None when they name every feed that has articles: the same
        rows, but a walk over the date index alone, where testing each row's feed would read
        it from the table (seconds for a million rows)."""
        if feed_urls is not None and len(feed_urls) > queries.SEEK_FEEDS_UP_TO:
            urls = list(dict.fromkeys(feed_urls))
            missing = conn.execute(queries.feeds_left_out(len(urls)), urls).fetchone()
            if missing is None:
                return None
        return feed_urls

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock, translated(self.path, self._busy_timeout):
            yield self._conn

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction: all of it lands, or (disk full, killed) none of it."""
        with self._lock:
            before = self._conn.total_changes
            self._uncounted = 0
            with translated(self.path, self._busy_timeout):
                self._conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self._conn
                    index_queued(self._conn)  # every article it inserted, in one statement
                    self._conn.execute("COMMIT")
                except BaseException:
                    rollback(self._conn)
                    raise
            self._after_write(self._conn.total_changes - before - self._uncounted)

    def _after_write(self, changes: int) -> None:
        """Refresh planner statistics once enough rows changed (newsboat's slow start-up)."""
        self._changes_since_analyze += changes
        if self._changes_since_analyze >= ANALYZE_AFTER_CHANGES:
            self._changes_since_analyze = 0
            try:
                self._conn.execute("ANALYZE")
            except sqlite3.Error as exc:  # stale statistics cost speed, never correctness
                note_damage(exc, self.path)


def _id_chunks(ids: Sequence[int], size: int = 500) -> Iterator[tuple[str, list[int]]]:
    """``ids`` in runs of ``size`` with their "?, ?" list: SQLite caps a query's parameters."""
    for start in range(0, len(ids), size):
        chunk = list(ids[start : start + size])
        yield ", ".join("?" * len(chunk)), chunk
