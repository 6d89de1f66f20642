"""Saved views: the query language, its checks in feeds.toml, and the articles each selects."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from tests.entries import entry, save

from newsterm.config import Subscription, parse_config
from newsterm.days import local_midnight
from newsterm.errors import ConfigError
from newsterm.store import Store
from newsterm.store.view_sql import view_clause
from newsterm.view_query import Term, ViewQueryError, parse_view_query

NEWS = "https://news.example/feed"
BLOG = "https://blog.example.org/rss"
LOCAL = "https://local.example/atom"
NOW = datetime.now(UTC)


@pytest.fixture
def store() -> Store:
    """Three feeds, tagged news, tech and news/local, with articles read, starred and old."""
    store = Store.open(":memory:")
    store.sync_feeds(
        [
            Subscription(NEWS, "Harbour News", ("news",)),
            Subscription(BLOG, None, ("Tech",)),
            Subscription(LOCAL, "Quay Local", ("news/local",)),
        ]
    )
    old = NOW - timedelta(days=3)
    save(
        store,
        NEWS,
        "Harbour",
        entry(
            id="n1", title="Ferry strike ends", content="<p>The union agreed.</p>", published=NOW
        ),
        entry(id="n2", title="Tide tables", content="<p>Spring tides.</p>", published=old),
    )
    save(
        store,
        BLOG,
        "Kernel Notes",
        entry(
            id="b1",
            title="Scheduler rewrite",
            author="Ana Ruiz",
            published=NOW,
            content="<p>The ferry of threads.</p>",
        ),
        entry(id="b2", title="Strike a pose", content="<p>Linting.</p>", published=old),
    )
    save(store, LOCAL, "Quay", entry(id="l1", title="Market day", published=NOW))
    ids = {row.title: row.id for row in store.iter_article_rows()}
    store.set_read([ids["Tide tables"], ids["Strike a pose"]])
    store.set_starred(ids["Scheduler rewrite"], True)
    return store


def titles(store: Store, query: str, **filters: object) -> set[str]:
    rows = store.iter_article_rows(matching=parse_view_query(query), **filters)  # type: ignore[arg-type]
    return {row.title for row in rows}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("unread", {"Ferry strike ends", "Scheduler rewrite", "Market day"}),
        ("read", {"Tide tables", "Strike a pose"}),
        ("starred", {"Scheduler rewrite"}),
        ("-starred read", {"Tide tables", "Strike a pose"}),
        ("today", {"Ferry strike ends", "Scheduler rewrite", "Market day"}),
        ("tag:news", {"Ferry strike ends", "Tide tables", "Market day"}),  # news/local too
        ("tag:NEWS/local", {"Market day"}),
        ("tag:news/", {"Ferry strike ends", "Tide tables", "Market day"}),  # the folder itself
        ('"OR" -starred unread', set()),  # quoted, an operator is only a word
        ("tag:tech unread", {"Scheduler rewrite"}),
        ("tag:new", set()),  # a tag is a whole name, not a piece of one
        ("unread tag:news -feed:local.example", {"Ferry strike ends"}),
        ("feed:kernel", {"Scheduler rewrite", "Strike a pose"}),  # the feed's own title
        ('feed:"harbour news"', {"Ferry strike ends", "Tide tables"}),  # the configured one
        ("feed:.org/", {"Scheduler rewrite", "Strike a pose"}),  # a piece of the address
        ("ferry", {"Ferry strike ends", "Scheduler rewrite"}),  # title or body
        ("title:ferry", {"Ferry strike ends"}),
        ("title:strike -tag:tech", {"Ferry strike ends"}),
        ("author:ruiz", {"Scheduler rewrite"}),
        ("sched*", {"Scheduler rewrite"}),
        ('"tide tables"', {"Tide tables"}),
        ("-ferry -title:market", {"Tide tables", "Strike a pose"}),  # only exclusions work
        ("strike union", {"Ferry strike ends"}),  # every word
    ],
)
def test_each_term_selects_what_it_says(store: Store, query: str, expected: set[str]) -> None:
    assert titles(store, query) == expected


def test_a_view_narrows_the_list_its_counts_and_marking(store: Store) -> None:
    query = parse_view_query("tag:news")
    assert store.count_articles(matching=query) == 3
    assert store.count_articles(matching=query, unread_only=True) == 2
    rows = store.article_rows(matching=query, order="title")
    assert [r.title for r in rows] == ["Ferry strike ends", "Market day", "Tide tables"]
    marked = store.mark_read_where(matching=query)
    assert len(marked) == 2  # exactly the unread ones it shows
    assert titles(store, "unread") == {"Scheduler rewrite"}


def test_values_are_parameters_never_sql(store: Store) -> None:
    hostile = 'feed:"x\') OR 1=1 --" title:"a"" OR b" tag:\'; DROP TABLE articles'
    sql, _ = view_clause(parse_view_query(hostile))
    assert "DROP" not in sql and "1=1" not in sql
    assert titles(store, hostile) == set()
    assert store.count_articles() == 5


@pytest.mark.parametrize(
    ("query", "why"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("tags:news", "unknown term 'tags:'"),
        ("tag:", "nothing after tag:"),
        ("unread -", "nothing after -"),
        ('title:"unclosed', "never closed"),
        ("!!!", "no word"),
        ("_", "no word"),  # the index splits on "_": it would silently match nothing
        ("tag:/", "no name after tag:"),
        ("ferry OR strike", "'OR' is not a word a view looks for: a view has no OR"),
        ("ferry AND strike", "'AND' .*leave AND out"),
        ("ferry NOT strike", "'NOT' .*write -TERM"),
        ("x\u0000y", "control character"),  # FTS5 would stop reading at it
        ("title:a\x1bb", "control character"),
        ('unread = "yes" and tags # "news"', "looks like a newsboat filter.*unread tag:news"),
        ("x " * 40, "more than 32 terms"),
        ("x" * 1001, "longer than 1000"),
    ],
)
def test_a_bad_query_says_why(query: str, why: str) -> None:
    with pytest.raises(ViewQueryError, match=why):
        parse_view_query(query)


def test_the_terms_of_a_query() -> None:
    assert parse_view_query('-Starred feed:"A B" 10:30 elect*').terms == (
        Term("starred", negated=True),
        Term("feed", "A B"),
        Term("text", "10:30"),
        Term("text", "elect", prefix=True),
    )


def test_views_load_from_feeds_toml() -> None:
    config = parse_config(
        '[[feed]]\nurl = "https://a.example/"\n\n'
        '[[view]]\ntitle = "Morning"\nquery = "unread tag:news -feed:example.org"\n'
    )
    [view] = config.views
    assert view.title == "Morning"
    assert view.query.text == "unread tag:news -feed:example.org"


def test_a_bad_view_is_one_line_naming_it_and_its_line() -> None:
    text = (
        '[[feed]]\nurl = "https://a.example/"\n\n'
        '[[view]]\ntitle = "Fine"\nquery = "unread"\n\n'
        '[[view]]\ntitle = "Broken"\nquery = "unread tgs:news"\n\n'
        '[[view]]\nquery = "starred"\n\n'
        '[[view]]\ntitle = "fine"\nquery = "read"\ncolour = "red"\n'
    )
    with pytest.raises(ConfigError) as caught:
        parse_config(text)
    assert caught.value.problems == [
        "feeds.toml:10: view #2 ('Broken'): query 'unread tgs:news': unknown term 'tgs:' in"
        " 'tgs:news' (known: tag:, feed:, title:, author:)",
        "feeds.toml:12: view #3: needs a title, a non-empty string",
        "feeds.toml:18: view #4 ('fine'): unknown key 'colour' (known: title, query)",
    ]


def test_two_views_with_one_title_are_refused() -> None:
    text = '[[view]]\ntitle = "A"\nquery = "unread"\n[[view]]\ntitle = "a"\nquery = "read"\n'
    with pytest.raises(ConfigError, match=r"feeds.toml:5: view #2 repeats the title of view #1"):
        parse_config(text)


def test_today_starts_at_local_midnight() -> None:
    now = datetime(2026, 3, 5, 15, 30, tzinfo=UTC)
    start = datetime.fromtimestamp(local_midnight(now)).astimezone()
    assert (start.date(), start.time().isoformat()) == (now.astimezone().date(), "00:00:00")
    _, params = view_clause(parse_view_query("today"), now)
    assert params == [local_midnight(now)]
