"""The cache schema: migrations, refusals, pragmas, and the plans of the hot queries."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsterm.errors import CacheTooNew, StoreError
from newsterm.models import FetchResult, ParsedEntry, ParsedFeed
from newsterm.store import Store, schema

T0 = datetime(2024, 5, 1, tzinfo=UTC)


def test_migrates_a_new_file_from_zero(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_schema")}
    assert {"feeds", "articles", "pruned", "articles_newest", "articles_feed_read_newest"} <= names
    conn.close()


def test_pragmas(tmp_path: Path) -> None:
    with Store.open(tmp_path / "cache.db") as store:
        pragma = lambda name: store._conn.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 1  # NORMAL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == 5000


def test_a_later_step_runs_once_and_earlier_steps_never_rerun(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "c.db", isolation_level=None)
    assert schema.migrate(conn) == 0
    calls: list[int] = []

    def step2(c: sqlite3.Connection) -> None:
        calls.append(1)
        c.execute("ALTER TABLE feeds ADD COLUMN note TEXT")

    steps = (*schema.MIGRATIONS, step2)
    assert schema.migrate(conn, steps) == schema.SCHEMA_VERSION
    assert schema.migrate(conn, steps) == schema.SCHEMA_VERSION + 1
    assert calls == [1]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION + 1
    conn.execute("SELECT note FROM feeds")  # the column exists


def test_a_failing_step_leaves_the_previous_version(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "c.db", isolation_level=None)
    schema.migrate(conn)

    def broken(c: sqlite3.Connection) -> None:
        c.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        schema.migrate(conn, (*schema.MIGRATIONS, broken))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    leftover = conn.execute("SELECT name FROM sqlite_schema WHERE name = 'half_done'")
    assert leftover.fetchone() is None


def test_concurrent_first_opens_migrate_once(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    errors: list[BaseException] = []

    def open_and_close() -> None:
        try:
            Store.open(path).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_and_close) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store.open(path) as store:
        assert store._conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION


def test_refuses_a_cache_from_a_newer_newsterm(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(CacheTooNew, match="newer newsterm"):
        Store.open(path)
    assert path.read_bytes() == before  # untouched, not moved


def test_refuses_a_foreign_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE rss_item (id INTEGER)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a newsterm cache"):
        Store.open(path)
    assert path.read_bytes() == before


# -- query plans ------------------------------------------------------------------------------


@pytest.fixture(params=["no statistics", "analyzed"])
def planner(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[sqlite3.Connection]:
    """A cache of 40 feeds x 60 articles, most read, with and without ANALYZE statistics."""
    path = tmp_path / "cache.db"
    with Store.open(path) as store:
        for f in range(40):
            url = f"https://f{f}.example/"
            entries = tuple(
                ParsedEntry(f"{f}-{n}", f"T {n}", "", "", T0 - timedelta(hours=n), None, "", "")
                for n in range(60)
            )
            result = FetchResult(url, url, 200, b"")
            store.save_feed(url, result, ParsedFeed("F", "", entries), now=T0)
        store.mark_all_read([f"https://f{f}.example/" for f in range(30)])
    conn = sqlite3.connect(path)
    if request.param == "analyzed":
        conn.execute("PRAGMA analysis_limit = 1000")  # as the store runs it
        conn.execute("ANALYZE")
    else:
        conn.execute("DELETE FROM sqlite_stat1")
        conn.commit()
        conn.close()
        conn = sqlite3.connect(path)  # statistics are read when the schema loads
    yield conn
    conn.close()


def plan(conn: sqlite3.Connection, sql: str, params: object = ()) -> str:
    rows = conn.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()  # type: ignore[arg-type]
    return "\n".join(r[3] for r in rows)


def listing(feed_urls: list[str] | None, unread_only: bool, query: str = "") -> tuple[str, list]:
    where, params = schema.article_filters(feed_urls, unread_only, query)
    return f"{schema.ROWS} {where} {schema.NEWEST_FIRST} LIMIT 100 OFFSET 0", params


@pytest.mark.parametrize(
    ("feed_urls", "unread_only", "index"),
    [
        (None, False, "articles_newest"),
        (["https://f1.example/"], False, "articles_feed_newest"),
        (None, True, "articles_read_newest"),
        (["https://f1.example/"], True, "articles_feed_read_newest"),
    ],
)
def test_article_lists_walk_an_index_without_sorting(
    planner: sqlite3.Connection, feed_urls: list[str] | None, unread_only: bool, index: str
) -> None:
    text = plan(planner, *listing(feed_urls, unread_only))
    assert f"USING INDEX {index}" in text, text
    assert "TEMP B-TREE" not in text, text
    assert "SCAN f" not in text, text  # feed titles come by primary key, per row


def test_title_search_still_uses_the_order_index(planner: sqlite3.Connection) -> None:
    text = plan(planner, *listing(None, False, "needle"))
    assert "TEMP B-TREE" not in text and "articles_newest" in text, text


def test_feed_list_counts_use_indexes(planner: sqlite3.Connection) -> None:
    text = plan(planner, schema.FEEDS)
    unread, total = text.split("CORRELATED SCALAR SUBQUERY 2")
    assert "COVERING INDEX articles_feed_read_newest (feed_url=? AND read=?)" in unread, text
    assert "SEARCH a USING COVERING INDEX" in total, text
    assert "SCAN a" not in text, text


def test_next_unread_seeks_in_the_unread_index(planner: sqlite3.Connection) -> None:
    where, params = schema.article_filters(None, True, "")
    sql = f"{schema.ROWS} {where} AND (a.published, a.id) < (?, ?) {schema.NEWEST_FIRST} LIMIT 1"
    text = plan(planner, sql, [*params, 10, 10])
    assert "SEARCH a USING INDEX articles_read_newest (read=? AND ROWID<?)" in text or (
        "SEARCH a USING INDEX articles_read_newest (read=? AND published<?)" in text
    ), text
    assert "TEMP B-TREE" not in text, text


@pytest.mark.parametrize("below", [True, False], ids=["next", "previous"])
@pytest.mark.parametrize(
    ("feed_urls", "index"),
    [(None, "articles_read_newest"), (["https://f35.example/"], "articles_feed_read_newest")],
)
def test_unread_seeks_either_way_without_sorting(
    planner: sqlite3.Connection, feed_urls: list[str] | None, index: str, below: bool
) -> None:
    where, params = schema.article_filters(feed_urls, True, "")
    where = schema.narrowed(where, schema.BELOW if below else schema.ABOVE)
    order = schema.NEWEST_FIRST if below else schema.OLDEST_FIRST
    text = plan(planner, f"{schema.ROWS} {where} {order} LIMIT 1", [*params, 10, 10])
    seek = ">" if not below else "<"
    assert f"SEARCH a USING INDEX {index} (" in text and f"published{seek}?)" in text, text
    assert "TEMP B-TREE" not in text, text


@pytest.mark.parametrize(
    ("feed_urls", "unread_only", "index"),
    [
        (None, False, "articles_"),
        (["https://f1.example/"], False, "articles_feed_newest"),
        (["https://f1.example/", "https://f2.example/"], False, "articles_feed_newest"),
        (["https://f35.example/"], True, "articles_feed_read_newest"),
    ],
)
def test_position_counts_in_an_index_range(
    planner: sqlite3.Connection, feed_urls: list[str] | None, unread_only: bool, index: str
) -> None:
    where, params = schema.article_filters(feed_urls, unread_only, "")
    member = f"SELECT a.published, a.id FROM articles a {schema.narrowed(where, 'a.id = ?')}"
    assert "SEARCH a USING INTEGER PRIMARY KEY (rowid=?)" in plan(planner, member, [*params, 1])
    count = f"SELECT count(*) FROM articles a {schema.narrowed(where, schema.ABOVE)}"
    text = plan(planner, count, [*params, 10, 10])
    assert f"SEARCH a USING COVERING INDEX {index}" in text and "published>?)" in text, text
    assert "SCAN" not in text, text


def test_article_by_id_and_prune_use_indexes(planner: sqlite3.Connection) -> None:
    assert "SEARCH a USING INTEGER PRIMARY KEY" in plan(planner, schema.ARTICLE, (1,))
    prune = plan(planner, schema.PRUNE, {"cutoff": 0})
    assert "SEARCH" in prune and "SCAN articles" not in prune, prune
