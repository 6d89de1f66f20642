"""Feeds that came back unchanged (304s) are written together, and count for no ANALYZE."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsterm.models import FeedWrite, FetchResult, ParsedEntry, ParsedFeed
from newsterm.store import Store, cache

T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
T1 = T0 + timedelta(hours=2)
URLS = [f"https://f{n}.example/feed.xml" for n in range(5)]


def fetched(url: str, etag: str | None, modified: str | None) -> FetchResult:
    return FetchResult(url, url, 200, b"<rss/>", etag=etag, last_modified=modified)


def unchanged(url: str, etag: str | None = None, modified: str | None = None) -> FetchResult:
    return FetchResult(url, url, 304, None, etag=etag, last_modified=modified)


def parsed(guid: str) -> ParsedFeed:
    return ParsedFeed("F", "", (ParsedEntry(guid, "T", "", "", T0, None, "<p>x</p>", ""),))


def filled(path: Path) -> Store:
    """Five feeds fetched with validators; the third then failed twice."""
    store = Store.open(path)
    for url in URLS:
        store.save_feed(url, fetched(url, f'"{url}"', "Mon, 01 Jan 2024"), parsed("a"), now=T0)
    for _ in range(2):
        store.save_failure(URLS[2], "HTTP 500", now=T0)
    return store


def second_refresh(due: datetime) -> list[FeedWrite]:
    return [
        FeedWrite(URLS[0], due, unchanged(URLS[0], '"new"', None)),  # a new ETag only
        FeedWrite(URLS[1], due, unchanged(URLS[1])),  # no validators: the sent ones stay
        FeedWrite(URLS[2], due, unchanged(URLS[2])),  # recovered: failures reset
        FeedWrite(URLS[3], due, fetched(URLS[3], '"v2"', None), parsed("b")),
        FeedWrite(URLS[4], due, error="HTTP 503"),
    ]


def feed_rows(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT * FROM feeds ORDER BY url").fetchall()


def test_unchanged_feeds_written_together_are_written_as_one_by_one(tmp_path: Path) -> None:
    due = T1 + timedelta(hours=1)
    with filled(tmp_path / "together.db") as store:
        assert store.save_many(second_refresh(due), now=T1) == [0, 0, 0, 1, 0]
    with filled(tmp_path / "alone.db") as store:
        for write in second_refresh(due):
            if write.result is None:
                store.save_failure(write.url, write.error or "", now=T1, next_due=due)
            else:
                store.save_feed(write.url, write.result, write.parsed, now=T1, next_due=due)
    together, alone = feed_rows(tmp_path / "together.db"), feed_rows(tmp_path / "alone.db")
    assert together == alone
    with sqlite3.connect(tmp_path / "together.db") as conn:
        rows = conn.execute("SELECT url, etag, http_status, failures, error FROM feeds").fetchall()
    state = {url: rest for url, *rest in rows}
    assert state[URLS[0]] == ['"new"', 304, 0, None]
    assert state[URLS[1]] == [f'"{URLS[1]}"', 304, 0, None]
    assert state[URLS[2]] == [f'"{URLS[2]}"', 304, 0, None]


def test_unchanged_feeds_do_not_count_towards_an_analyze(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Their rows change no index: a refresh of 1,000 feeds with nothing new analyzed the
    whole cache, which takes seconds at a million articles."""
    monkeypatch.setattr(cache, "ANALYZE_AFTER_CHANGES", 3)
    with filled(tmp_path / "c.db") as store:
        analyzed: list[str] = []
        store._conn.set_trace_callback(lambda sql: sql == "ANALYZE" and analyzed.append(sql))
        for hour in range(3):
            writes = [FeedWrite(url, T1, unchanged(url)) for url in URLS]
            store.save_many(writes, now=T1 + timedelta(hours=hour))
        assert analyzed == []
        store.save_many([FeedWrite(URLS[0], T1, fetched(URLS[0], None, None), parsed("c"))], now=T1)
        assert analyzed == ["ANALYZE"]  # new articles still do
