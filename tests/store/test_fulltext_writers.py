"""Every way an article enters the cache leaves it searchable: a refresh, a sync's pages and
its items fetched by id, a cache upgraded from schema 9. New articles are indexed when their
transaction commits, so each test also asks FTS5 whether the index agrees with the rows."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from fake_fever import PASSWORD, USER, FakeFever
from httpserver import LoopbackServer, respond
from newsterm.config import Config, Settings, Subscription
from newsterm.config_sync import SyncSettings
from newsterm.models import FeedWrite, FetchResult, ParsedEntry, ParsedFeed, RemoteItem
from newsterm.refresh import refresh
from newsterm.store import Store, fulltext, schema
from newsterm.sync.run import run_sync
from newsterm.sync.secret import Secret

NOW = datetime(2026, 11, 20, tzinfo=UTC)
URL = "https://marsh.example/feed"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "cache.db") as opened:
        yield opened


def _titles(store: Store, search: str) -> list[str]:
    return sorted(row.title for row in store.rows_by_ids(store.search_ids(search)))


def _check_index(conn: sqlite3.Connection) -> None:
    """Raises when the index holds other tokens than its rows' (a missed or doubled row)."""
    conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
    assert conn.execute("SELECT count(*) FROM articles_unindexed").fetchone()[0] == 0


def _documents(conn: sqlite3.Connection) -> dict[str, int]:
    """How many documents the index holds each of its terms in (a row indexed twice: 2)."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms USING fts5vocab(main, articles_fts, row)"
    )
    return {term: doc for term, doc in conn.execute("SELECT term, doc FROM temp.terms")}


def _rss(*items: tuple[str, str, str]) -> bytes:
    body = "".join(
        f"<item><title>{title}</title><guid>{guid}</guid><description>{text}</description></item>"
        for guid, title, text in items
    )
    return f'<rss version="2.0"><channel><title>Fen Notes</title>{body}</channel></rss>'.encode()


async def test_a_refresh_indexes_every_feed_it_writes(
    http_server: LoopbackServer, store: Store
) -> None:
    urls = [
        http_server.route(
            f"/{n}.xml", respond(_rss(("a", f"Reeds {n}", f"a bittern{n} booms"), ("b", "x", "")))
        )
        for n in range(3)
    ]
    subscriptions = tuple(Subscription(u) for u in urls)
    outcome = await refresh(Config(Settings(), subscriptions), store)
    assert outcome.new == 6
    assert [_titles(store, f"bittern{n}") for n in range(3)] == [[f"Reeds {n}"] for n in range(3)]
    assert len(_titles(store, "fen notes")) == 6  # the feed's title, set in the same batch
    _check_index(store._conn)


async def test_a_sync_indexes_its_pages_and_the_items_it_fetches_by_id(
    http_server: LoopbackServer, store: Store
) -> None:
    fever = FakeFever(http_server, items=60)  # two pages of items
    fever.items[55]["html"] = "<p>a grebe dives</p>"
    settings, password = SyncSettings("fever", fever.url, USER), Secret(PASSWORD)
    assert (await run_sync(settings, store, password, timeout=5)).ok
    assert _titles(store, "grebe") == ["Item 55"]
    assert len(_titles(store, "body")) == 59

    # Below the cursor, so only the server's unread list names it: fetched by its id.
    fever.items[0] = {**fever.items[1], "id": 0, "title": "Item 0", "html": "<p>an avocet</p>"}
    fever.unread.add(0)
    summary = await run_sync(settings, store, password, timeout=5)
    assert summary.ok and summary.new == 1
    assert _titles(store, "avocet") == ["Item 0"]
    _check_index(store._conn)


def test_an_item_changed_before_its_transaction_commits_is_indexed_as_it_ends(
    store: Store,
) -> None:
    first = RemoteItem("7", "1", "Heron", "", "", NOW, "<p>a heron waits</p>", False, False)
    again = RemoteItem("7", "1", "Heron", "", "", NOW, "<p>a heron strikes</p>", False, False)
    assert store.sync.save_items("acct", [first, again]) == 1
    assert _titles(store, "strikes") == ["Heron"]
    assert _titles(store, "waits") == []
    _check_index(store._conn)


def _entry(guid: str, title: str, body: str) -> ParsedEntry:
    return ParsedEntry(guid, title, f"https://marsh.example/{guid}", "", NOW, None, body, "")


def test_a_cache_of_schema_9_keeps_its_index_and_indexes_what_comes_next(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v9.db"
    conn = sqlite3.connect(path, isolation_level=None)
    fulltext.register(conn)  # the row-by-row trigger of schema 9 calls it
    schema.migrate(conn, schema.MIGRATIONS[:9])  # as the previous release left it
    conn.execute("INSERT INTO feeds (url, title) VALUES (?, 'Fen')", (URL,))
    conn.execute(
        "INSERT INTO articles (feed_url, guid, title, published, content, first_seen,"
        " content_hash) VALUES (?, '1', 'Old', 0, '<p>a snipe drums</p>', 0, 'h')",
        (URL,),
    )
    conn.close()
    result = FetchResult(url=URL, final_url=URL, status=200, body=b"<rss/>")
    with Store.open(path) as store:
        assert schema.user_version(store._conn) == schema.SCHEMA_VERSION == 10
        assert _titles(store, "snipe") == ["Old"]
        # The old article changed (its tokens leave the index) and a new one came.
        changed = (_entry("1", "Old", "<p>a snipe hides</p>"), _entry("2", "New", "<p>a rail</p>"))
        store.save_feed(URL, result, ParsedFeed("Fen", URL, changed), now=NOW)
        assert (_titles(store, "drums"), _titles(store, "hides")) == ([], ["Old"])
        assert _titles(store, "rail") == ["New"]
        assert _titles(store, "fen") == ["New", "Old"]
        store.set_read(store.search_ids("fen"))
        assert store.prune(30, now=NOW + timedelta(days=60)) == 2
        assert _titles(store, "fen") == []
        _check_index(store._conn)


def test_a_feed_renamed_in_the_transaction_that_brought_its_articles(store: Store) -> None:
    result = FetchResult(url=URL, final_url=URL, status=200, body=b"<rss/>")
    due = NOW + timedelta(hours=1)
    feeds = [ParsedFeed(t, URL, (_entry("1", "Moorhen", "<p>reeds</p>"),)) for t in ("A", "B")]
    writes = [FeedWrite(URL, due, result, parsed) for parsed in (feeds[0], feeds[1])]
    assert store.save_many(writes, now=NOW) == [1, 0]  # the second only renames the feed
    assert (_titles(store, "a"), _titles(store, "b")) == ([], ["Moorhen"])
    _check_index(store._conn)
    assert _documents(store._conn) == {"b": 1, "moorhen": 1, "reeds": 1}
