"""The feeds' unread and total counts, kept by triggers, always equal a full count."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newsterm.models import FeedWrite, FetchResult, ParsedEntry, ParsedFeed
from newsterm.store import Store, schema

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
URLS = [f"https://f{n}.example/feed.xml" for n in range(3)]


def entries(n: int, *, days_old: int = 0) -> ParsedFeed:
    when = T0 - timedelta(days=days_old)
    items = tuple(
        ParsedEntry(f"g{i}", f"T{i}", "", "", when - timedelta(hours=i), None, f"<p>{i}</p>", "")
        for i in range(n)
    )
    return ParsedFeed("F", "", items)


def ok(url: str) -> FetchResult:
    return FetchResult(url, url, 200, b"<rss/>")


def true_counts(path: Path) -> dict[str, tuple[int, int]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT f.url,"
            " (SELECT count(*) FROM articles a WHERE a.feed_url = f.url AND a.read = 0),"
            " (SELECT count(*) FROM articles a WHERE a.feed_url = f.url) FROM feeds f"
        ).fetchall()
    return {url: (unread, total) for url, unread, total in rows}


def kept_counts(store: Store) -> dict[str, tuple[int, int]]:
    return {f.url: (f.unread, f.total) for f in store.feeds()}


def test_counts_follow_every_write(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    with Store.open(path) as store:
        for n, url in enumerate(URLS):
            store.save_feed(url, ok(url), entries(5 + n, days_old=200), now=T0)
        assert (
            kept_counts(store)
            == true_counts(path)
            == {URLS[0]: (5, 5), URLS[1]: (6, 6), URLS[2]: (7, 7)}
        )
        ids = [r.id for r in store.article_rows(feed_urls=[URLS[0]])]
        store.set_read(ids[:3])
        store.set_read(ids[:3])  # again: no change, no double count
        store.set_read(ids[:1], read=False)
        assert kept_counts(store)[URLS[0]] == (3, 5)
        store.mark_all_read([URLS[1]])
        assert kept_counts(store)[URLS[1]] == (0, 6)
        # A changed entry is updated in place; a new one counts once.
        store.save_feed(URLS[2], ok(URLS[2]), entries(8, days_old=200), now=T0)
        assert kept_counts(store)[URLS[2]] == (8, 8)
        assert store.prune(90, now=T0 + timedelta(days=100)) == 8  # the read ones, all old
        assert kept_counts(store) == true_counts(path)
        assert kept_counts(store)[URLS[1]] == (0, 0)
        assert store.count_articles() == 3 + 8
        assert store.count_articles(unread_only=True) == 3 + 8
        assert store.count_articles(feed_urls=[URLS[0], URLS[0]]) == 3  # a URL listed twice


def test_batched_writes_count_each_feed_and_keep_going_past_a_refused_one(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cache.db"
    due = T0 + timedelta(hours=1)
    bad = ParsedFeed("F", "", (ParsedEntry("g", "T", "", "", T0, None, "\ud800", ""),))
    writes = [
        FeedWrite(URLS[0], due, ok(URLS[0]), entries(4)),
        FeedWrite(URLS[1], due, ok(URLS[1]), bad),  # a lone surrogate: SQLite refuses it
        FeedWrite(URLS[2], due, error="HTTP 500"),
    ]
    with Store.open(path) as store:
        first, refused, failed = store.save_many(writes, now=T0)
        assert first == 4 and failed == 0
        assert isinstance(refused, Exception)
        assert kept_counts(store) == true_counts(path)
        feeds = {f.url: f for f in store.feeds()}
        assert feeds[URLS[2]].error == "HTTP 500" and feeds[URLS[0]].total == 4
        assert URLS[1] not in feeds or feeds[URLS[1]].total == 0


def test_migration_counts_an_older_cache(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, schema.MIGRATIONS[:2])  # a cache as the previous release left it
    conn.execute("INSERT INTO feeds (url) VALUES (?)", (URLS[0],))
    for i in range(5):
        conn.execute(
            "INSERT INTO articles (feed_url, guid, published, first_seen, content_hash, read)"
            " VALUES (?, ?, 0, 0, '', ?)",
            (URLS[0], f"g{i}", int(i < 2)),
        )
    conn.close()
    with Store.open(path) as store:
        assert kept_counts(store) == {URLS[0]: (3, 5)}
        state = store.feed_states()[URLS[0]]
        assert state.next_due is None and state.failures == 0 and state.due(T0)
