"""The hot queries: each walks or seeks in its index, and names its columns as the models do."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import fields
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsterm.models import Article, ArticleRow, Feed, FetchResult, ParsedEntry, ParsedFeed
from newsterm.store import Store, fulltext, queries
from newsterm.view_query import parse_view_query

T0 = datetime(2024, 5, 1, tzinfo=UTC)


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
    fulltext.register(conn)  # the search index's triggers call it, as on the store's connections
    if request.param == "analyzed":
        conn.execute("PRAGMA analysis_limit = 1000")  # as the store runs it
        conn.execute("ANALYZE")
    else:
        conn.execute("DELETE FROM sqlite_stat1")
        conn.commit()
        conn.close()
        conn = sqlite3.connect(path)  # statistics are read when the schema loads
        fulltext.register(conn)
    yield conn
    conn.close()


def plan(conn: sqlite3.Connection, sql: str, params: object = ()) -> str:
    rows = conn.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()  # type: ignore[arg-type]
    return "\n".join(r[3] for r in rows)


def listing(feed_urls: list[str] | None, unread_only: bool, query: str = "") -> tuple[str, list]:
    where, params = queries.article_filters(feed_urls, unread_only, query)
    return f"{queries.ROWS} {where} {queries.NEWEST_FIRST} LIMIT 100 OFFSET 0", params


@pytest.mark.parametrize(
    ("feed_urls", "unread_only", "index"),
    [
        (None, False, "articles_newest"),
        (["https://f1.example/"], False, "articles_feed_newest"),
        (None, True, "articles_read_newest"),
        (["https://f1.example/"], True, "articles_read_feed"),
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


def test_feed_list_counts_never_touch_the_articles(planner: sqlite3.Connection) -> None:
    text = plan(planner, queries.FEEDS)
    assert "articles" not in text and " a " not in text, text
    counted, params = queries.counted([f"https://f{f}.example/" for f in range(40)], True)
    text = plan(planner, counted, params)
    assert "articles" not in text and "feeds" in text, text


@pytest.mark.parametrize("unread_only", [False, True])
def test_a_long_feed_list_still_walks_the_order_index(
    planner: sqlite3.Connection, unread_only: bool
) -> None:
    # The "All articles" view of 2,000 feeds: an IN list must not turn into a sort.
    urls = [f"https://f{f}.example/" for f in range(2_000)]
    text = plan(planner, *listing(urls, unread_only))
    assert "TEMP B-TREE" not in text, text
    index = "articles_read_newest" if unread_only else "articles_newest"
    assert index in text, text


def test_next_unread_seeks_in_the_unread_index(planner: sqlite3.Connection) -> None:
    where, params = queries.article_filters(None, True, "")
    sql = f"{queries.ROWS} {where} AND (a.published, a.id) < (?, ?) {queries.NEWEST_FIRST} LIMIT 1"
    text = plan(planner, sql, [*params, 10, 10])
    assert "SEARCH a USING INDEX articles_read_newest (read=? AND ROWID<?)" in text or (
        "SEARCH a USING INDEX articles_read_newest (read=? AND published<?)" in text
    ), text
    assert "TEMP B-TREE" not in text, text


@pytest.mark.parametrize("below", [True, False], ids=["next", "previous"])
@pytest.mark.parametrize(
    ("feed_urls", "index"),
    [(None, "articles_read_newest"), (["https://f35.example/"], "articles_read_feed")],
)
def test_unread_seeks_either_way_without_sorting(
    planner: sqlite3.Connection, feed_urls: list[str] | None, index: str, below: bool
) -> None:
    where, params = queries.article_filters(feed_urls, True, "")
    where = queries.narrowed(where, queries.BELOW if below else queries.ABOVE)
    order = queries.NEWEST_FIRST if below else queries.OLDEST_FIRST
    text = plan(planner, f"{queries.ROWS} {where} {order} LIMIT 1", [*params, 10, 10])
    seek = ">" if not below else "<"
    assert f"SEARCH a USING INDEX {index} (" in text and f"published{seek}?)" in text, text
    assert "TEMP B-TREE" not in text, text


@pytest.mark.parametrize(
    ("feed_urls", "unread_only", "index"),
    [
        (None, False, "articles_"),
        (["https://f1.example/"], False, "articles_feed_newest"),
        (["https://f1.example/", "https://f2.example/"], False, "articles_feed_newest"),
        (["https://f35.example/"], True, "articles_read_feed"),
    ],
)
def test_position_counts_in_an_index_range(
    planner: sqlite3.Connection, feed_urls: list[str] | None, unread_only: bool, index: str
) -> None:
    where, params = queries.article_filters(feed_urls, unread_only, "")
    member = f"SELECT a.published, a.id FROM articles a {queries.narrowed(where, 'a.id = ?')}"
    assert "SEARCH a USING INTEGER PRIMARY KEY (rowid=?)" in plan(planner, member, [*params, 1])
    count = f"SELECT count(*) FROM articles a {queries.narrowed(where, queries.ABOVE)}"
    text = plan(planner, count, [*params, 10, 10])
    assert f"SEARCH a USING COVERING INDEX {index}" in text and "published>?)" in text, text
    assert "SCAN" not in text, text


def test_article_by_id_and_prune_use_indexes(planner: sqlite3.Connection) -> None:
    assert "SEARCH a USING INTEGER PRIMARY KEY" in plan(planner, queries.ARTICLE, (1,))
    prune = plan(planner, queries.PRUNE, {"cutoff": 0})
    assert "SEARCH" in prune and "SCAN articles" not in prune, prune


@pytest.mark.parametrize(
    ("sql", "params", "model"),
    [(queries.ROWS, (), ArticleRow), (queries.ARTICLE, (1,), Article)],
    ids=["rows", "article"],
)
def test_article_queries_name_their_columns_as_the_model_fields(
    tmp_path: Path, sql: str, params: tuple[int, ...], model: type
) -> None:
    # rows.py reads columns by name: a SELECT may list them in any order, but not misname one.
    with Store.open(tmp_path / "cache.db") as store:
        names = [column[0] for column in store._conn.execute(sql, params).description]
    assert sorted(names) == sorted(f.name for f in fields(model))


def test_the_feed_query_names_its_columns_as_the_feed_fields(tmp_path: Path) -> None:
    with Store.open(tmp_path / "cache.db") as store:
        names = {column[0] for column in store._conn.execute(queries.FEEDS).description}
    # feeds.toml's title, when set, is shown over the feed's own.
    assert names == {f.name for f in fields(Feed)} | {"configured_title"}


@pytest.mark.parametrize(
    "filters",
    [{"starred_only": True}, {"matching": parse_view_query("starred")}],
    ids=["Starred", "a starred view"],
)
def test_unread_starred_walks_the_few_starred_not_every_unread(
    planner: sqlite3.Connection, filters: dict[str, object]
) -> None:
    where, params = queries.article_filters(None, True, "", **filters)  # type: ignore[arg-type]
    text = plan(planner, f"SELECT count(*) FROM articles a {where}", params)
    assert "articles_starred_newest" in text, text
    text = plan(planner, f"{queries.ROWS} {where} {queries.NEWEST_FIRST} LIMIT 100", params)
    assert "articles_starred_newest" in text and "TEMP B-TREE" not in text, text
