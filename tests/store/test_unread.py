"""n and p in the cache: the nearest unread row in every order, where it lies, and by seeks."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsterm.models import FetchResult, ParsedEntry, ParsedFeed
from newsterm.store import Store, fulltext, schema
from newsterm.store.order import ORDERS, order_named

T0 = datetime(2024, 3, 1, tzinfo=UTC)
FEEDS = [f"https://{name}.example/feed" for name in ("c", "a", "b")]
TITLES = ["Walnut", "almond", "Cashew", "pecan", "Hazel", "acorn", "brazil"]


def _fill(store: Store, feeds: list[str], per_feed: int) -> None:
    for n, url in enumerate(feeds):
        entries = tuple(
            ParsedEntry(
                id=f"{url}#{i}",
                title=TITLES[(i * 3 + n) % len(TITLES)],
                link="",
                author="",
                # Every third shares its date with the one before: ties fall to the id.
                published=T0 - timedelta(hours=(i - i % 3 // 2) * 3 + n),
                updated=None,
                content="",
                summary="",
            )
            for i in range(per_feed)
        )
        result = FetchResult(url=url, final_url=url, status=200, body=b"<rss/>")
        store.save_feed(url, result, ParsedFeed(url, url, entries), now=T0)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """Three feeds of seven articles, a few unread in each, scattered through every order."""
    with Store.open(tmp_path / "cache.db") as store:
        _fill(store, FEEDS, 7)
        ids = [r.id for r in store.article_rows(limit=100)]
        store.set_read([i for i in ids if i % 4 != 1], True)
        yield store


def _listed(store: Store, order: str, unread_only: bool = False) -> list[tuple[int, bool]]:
    rows = store.article_rows(limit=1000, order=order, unread_only=unread_only)
    return [(r.id, r.read) for r in rows]


@pytest.mark.parametrize("order", [o.name for o in ORDERS])
@pytest.mark.parametrize("below", [True, False], ids=["n", "p"])
def test_the_nearest_unread_row_and_the_rows_between_in_every_order(
    store: Store, order: str, below: bool
) -> None:
    listed = _listed(store, order)
    assert 3 <= sum(not read for _, read in listed) < len(listed) - 3
    for at, (anchor, _) in enumerate(listed):
        beyond = range(at + 1, len(listed)) if below else range(at - 1, -1, -1)
        expected = next((i for i in beyond if not listed[i][1]), None)
        found = store.unread_beside(anchor, below=below, within=100, order=order)
        if expected is None:
            assert found is None
            continue
        assert found is not None and found.row.id == listed[expected][0]
        assert found.between == abs(expected - at) - 1 and not found.from_edge


@pytest.mark.parametrize("order", [o.name for o in ORDERS])
def test_from_an_edge_the_rows_between_are_counted_from_that_end(store: Store, order: str) -> None:
    listed = _listed(store, order)
    unread = [i for i, (_, read) in enumerate(listed) if not read]
    first = store.unread_beside(None, below=True, within=100, order=order)
    last = store.unread_beside(None, below=False, within=100, order=order)
    assert first is not None and first.row.id == listed[unread[0]][0]
    assert first.between == unread[0] and first.from_edge
    assert last is not None and last.row.id == listed[unread[-1]][0]
    assert last.between == len(listed) - 1 - unread[-1]


@pytest.mark.parametrize("order", [o.name for o in ORDERS])
def test_the_count_stops_at_its_bound(store: Store, order: str) -> None:
    listed = _listed(store, order)
    gaps = [
        (at, store.unread_beside(anchor, below=True, within=100, order=order))
        for at, (anchor, _) in enumerate(listed)
    ]
    at, found = max(
        ((at, f) for at, f in gaps if f is not None and f.between),
        key=lambda pair: pair[1].between or 0,
    )
    assert found.between is not None and found.between >= 2
    anchor = listed[at][0]
    bounded = store.unread_beside(anchor, below=True, within=found.between, order=order)
    assert bounded is not None and bounded.row == found.row and bounded.between is None
    exact = store.unread_beside(anchor, below=True, within=found.between + 1, order=order)
    assert exact is not None and exact.between == found.between


def test_a_list_of_unread_only_counts_the_rows_it_shows(store: Store) -> None:
    # Read since the list was loaded, still shown: none lies between it and the next.
    listed = _listed(store, "feed", unread_only=True)
    store.set_read([listed[1][0]], True)
    found = store.unread_beside(
        listed[1][0], below=True, within=100, unread_only=True, order="feed"
    )
    assert found is not None and found.row.id == listed[2][0] and found.between == 0


def test_an_anchor_no_longer_cached_searches_from_the_edge(store: Store) -> None:
    found = store.unread_beside(10_000, below=True, within=100)
    assert found is not None and found.from_edge
    assert found.row.id == next(i for i, read in _listed(store, "newest") if not read)


def _statements(store: Store, call: object) -> list[str]:
    seen: list[str] = []
    store._conn.set_trace_callback(seen.append)
    try:
        assert callable(call)
        call()
    finally:
        store._conn.set_trace_callback(None)
    return [s for s in seen if s.lstrip().upper().startswith("SELECT")]


@pytest.fixture(params=["no statistics", "analyzed"])
def big(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """Forty feeds of forty articles, all read but a few, with and without statistics."""
    path = tmp_path / "big.db"
    with Store.open(path) as store:
        feeds = [f"https://f{f:02}.example/" for f in range(40)]
        _fill(store, feeds, 40)
        store.mark_all_read(feeds)
        ids = [r.id for r in store.article_rows(limit=2000)]
        store.set_read(ids[::97], False)
        if request.param == "analyzed":
            store._conn.execute("ANALYZE")
        else:
            store._conn.execute("DELETE FROM sqlite_stat1")
    with Store.open(path) as store:  # statistics are read when the schema loads
        yield store


INDEXES = {
    "newest": "articles_read_newest",
    "oldest": "articles_read_newest",
    "feed": "articles_read_feed",
    "title": "articles_read_title",
}


@pytest.mark.parametrize("order", [o.name for o in ORDERS])
@pytest.mark.parametrize("below", [True, False], ids=["n", "p"])
def test_every_order_seeks_its_unread_index_and_counts_in_ranges(
    big: Store, order: str, below: bool
) -> None:
    rows = big.article_rows(limit=2000, order=order)
    anchor = rows[len(rows) // 2].id
    asked = _statements(
        big, lambda: big.unread_beside(anchor, below=below, within=5000, order=order)
    )
    seeks = [s for s in asked if "LIMIT 1" in s and "a.read = 0" in s]
    counts = [s for s in asked if "count(*)" in s]
    assert seeks and counts, asked
    for sql in seeks:
        text = _plan(big, sql)
        assert f"SEARCH a USING INDEX {INDEXES[order]} (read=?" in text, (sql, text)
        assert "TEMP B-TREE" not in text, text
    for sql in counts:
        text = _plan(big, sql)
        assert "SEARCH a USING" in text and "SCAN a" not in text, (sql, text)


def test_one_feed_seeks_within_the_feed(big: Store) -> None:
    url = "https://f07.example/"
    rows = big.article_rows(feed_urls=[url], limit=100)
    asked = _statements(
        big, lambda: big.unread_beside(rows[20].id, below=True, within=100, feed_urls=[url])
    )
    for sql in asked[1:]:  # after the anchor's own row, by its id
        text = _plan(big, sql)
        assert "(read=? AND feed_url=?" in text or "(feed_url=?" in text, (sql, text)
        assert "TEMP B-TREE" not in text and "SCAN a" not in text, text


def _plan(store: Store, sql: str) -> str:
    rows = store._conn.execute(f"EXPLAIN QUERY PLAN {sql}").fetchall()
    return "\n".join(r[3] for r in rows)


def test_after_ranges_split_where_the_direction_changes() -> None:
    by_feed = order_named("feed").after_ranges(("u", 5, 9))
    assert [r.sql for r in by_feed] == [
        "(a.feed_url = ? AND a.published <= ? AND (a.published, a.id) < (?, ?))",
        "(a.feed_url >= ? AND (a.feed_url) > (?))",
    ]
    assert [r.params for r in by_feed] == [("u", 5, 5, 9), ("u", "u")]
    assert [r.fixed for r in by_feed] == [("u",), ()]
    newest = order_named("newest").after_ranges((5, 9), reverse=True)
    assert [r.sql for r in newest] == ["(a.published >= ? AND (a.published, a.id) > (?, ?))"]


def test_an_older_cache_gets_the_unread_indexes(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    conn = sqlite3.connect(path, isolation_level=None)
    fulltext.register(conn)  # the search index's triggers call it
    schema.migrate(conn, schema.MIGRATIONS[:8])  # as the previous release left it
    conn.execute("INSERT INTO feeds (url) VALUES ('https://a.example/feed')")
    conn.execute(
        "INSERT INTO articles (feed_url, guid, title, published, first_seen, content_hash)"
        " VALUES ('https://a.example/feed', 'g', 'T', 0, 0, '')"
    )
    conn.close()
    with Store.open(path) as store:
        names = {
            r[0] for r in store._conn.execute("SELECT name FROM sqlite_schema WHERE type = 'index'")
        }
        assert {"articles_read_feed", "articles_read_title"} <= names
        assert "articles_feed_read_newest" not in names  # the same range as articles_read_feed
        found = store.unread_beside(None, below=True, order="title")
        assert found is not None and found.row.title == "T"
