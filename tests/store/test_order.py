"""Sorting the article list: every order pages, places and steps through rows consistently."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsterm.models import FetchResult, ParsedEntry, ParsedFeed
from newsterm.store import Store
from newsterm.store.order import ORDERS, order_named

T0 = datetime(2024, 3, 1, tzinfo=UTC)
TITLES = ["banana", "Apple", "cherry", "apple pie", "Date", "elder", "Fig", "grape"]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "cache.db")
    for n, url in enumerate(("https://b.example/f", "https://a.example/f")):
        entries = tuple(
            ParsedEntry(
                id=f"{url}#{i}",
                title=TITLES[(i + n * 4) % len(TITLES)],
                link="",
                author="",
                published=T0 - timedelta(hours=i * 2 + n) if i != 2 else T0,  # one tie
                updated=None,
                content="",
                summary="",
            )
            for i in range(4)
        )
        result = FetchResult(url=url, final_url=url, status=200, body=b"<rss/>")
        store.save_feed(url, result, ParsedFeed(url, url, entries), now=T0)
    return store


def _expected(store: Store, order: str) -> list[int]:
    rows = store.article_rows(limit=100)
    key = {
        "newest": lambda r: (-r.published.timestamp(), -r.id),
        "oldest": lambda r: (r.published.timestamp(), r.id),
        "feed": lambda r: (r.feed_url, -r.published.timestamp(), -r.id),
        "title": lambda r: (r.title.lower(), r.id),
    }[order]
    return [r.id for r in sorted(rows, key=key)]


@pytest.mark.parametrize("order", [o.name for o in ORDERS])
def test_every_order_pages_places_and_steps_alike(store: Store, order: str) -> None:
    expected = _expected(store, order)
    paged = [
        r.id for o in range(0, 8, 3) for r in store.article_rows(offset=o, limit=3, order=order)
    ]
    assert paged == expected
    assert [store.position(i, order=order) for i in expected] == list(range(len(expected)))
    walked, row = [], store.next_unread(None, order=order)
    while row is not None:
        walked.append(row.id)
        row = store.next_unread(row.id, order=order)
    assert walked == expected
    back, row = [], store.prev_unread(None, order=order)
    while row is not None:
        back.append(row.id)
        row = store.prev_unread(row.id, order=order)
    assert back == expected[::-1]


def test_a_title_sort_walks_its_index(store: Store, tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "cache.db")
    conn.create_function("casefold", 1, str.casefold)
    plan = " ".join(
        row[3]
        for row in conn.execute(
            f"EXPLAIN QUERY PLAN SELECT a.id FROM articles a {order_named('title').order_by()}"
        )
    )
    assert "articles_title" in plan and "TEMP B-TREE" not in plan


def test_an_unknown_order_is_newest_first() -> None:
    assert order_named("sideways").name == "newest"
