"""Full-text search: what matches, ranking, a bad query, and an index kept current."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsterm import cli
from newsterm.errors import SearchError
from newsterm.models import FetchResult, ParsedEntry, ParsedFeed
from newsterm.store import Store, schema
from newsterm.store.fulltext import match_expression
from newsterm.store.queries import article_filters
from newsterm.store.ranking import ranked_ids

URL = "https://sea.example/feed"
NOW = datetime(2026, 11, 20, tzinfo=UTC)


def _entry(guid: str, title: str, body: str, author: str = "") -> ParsedEntry:
    return ParsedEntry(guid, title, f"https://sea.example/{guid}", author, NOW, None, body, "")


def _save(store: Store, *entries: ParsedEntry, title: str = "Harbour Gazette") -> None:
    result = FetchResult(url=URL, final_url=URL, status=200, body=b"<rss/>")
    store.save_feed(URL, result, ParsedFeed(title, URL, entries), now=NOW)


def _titles(store: Store, search: str) -> list[str]:
    return [row.title for row in store.rows_by_ids(store.search_ids(search))]


@pytest.fixture
def store() -> Store:
    store = Store.open(":memory:")
    _save(
        store,
        _entry("1", "Tides and moons", "<p>The <b>lighthouse</b> keeper counts ships.</p>"),
        _entry("2", "Lighthouse repairs", "<p>Paint and glass.</p>", author="Ines Okafor"),
        _entry("3", "Fishing quotas", "<p>Quotas for cod &amp; herring, says the lighthouse</p>"),
        _entry("4", "Ferry timetable", "<p>Winter ferries leave at dawn.</p>"),
    )
    return store


def test_a_word_only_in_the_body_is_found(store: Store) -> None:
    assert _titles(store, "keeper") == ["Tides and moons"]
    assert _titles(store, "herring") == ["Fishing quotas"]  # an entity decoded, markup gone


def test_title_outranks_body(store: Store) -> None:
    assert _titles(store, "lighthouse")[0] == "Lighthouse repairs"
    assert len(_titles(store, "lighthouse")) == 3


def test_phrase_prefix_exclusion_author_and_feed_title(store: Store) -> None:
    assert _titles(store, '"counts ships"') == ["Tides and moons"]
    assert _titles(store, '"ships counts"') == []
    assert _titles(store, "ferr*") == ["Ferry timetable"]
    assert sorted(_titles(store, "lighthouse -paint -quotas")) == ["Tides and moons"]
    assert _titles(store, "okafor") == ["Lighthouse repairs"]
    assert len(_titles(store, "gazette")) == 4


@pytest.mark.parametrize("bad", ['"unclosed', "-only -exclusions", "   ", "(((", "_", "a\x00b"])
def test_a_query_that_cannot_be_used_says_why(store: Store, bad: str) -> None:
    with pytest.raises(SearchError):
        store.search_ids(bad)


def test_fts_syntax_typed_by_a_person_is_only_words(store: Store) -> None:
    assert match_expression('NEAR(a b) title:x "q"') == '"NEAR(a" "b)" "title:x" "q"'
    assert store.search_ids("NEAR(keeper ships) OR") == []  # words, not an operator: no error


def test_updates_prunes_and_feed_renames_keep_the_index_current(store: Store) -> None:
    _save(store, _entry("4", "Ferry timetable", "<p>Summer sailings only.</p>"), title="Port News")
    assert _titles(store, "winter") == []
    assert _titles(store, "summer") == ["Ferry timetable"]
    assert len(_titles(store, "port news")) == 4
    assert _titles(store, "gazette") == []
    ids = store.search_ids("ferry")
    store.set_read(ids)
    assert store.prune(30, now=NOW + timedelta(days=60)) == 1
    assert _titles(store, "summer") == []
    check = "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 0)"
    store._conn.execute(check)  # raises if the index disagrees with what it was given


def test_starred_articles_survive_prune_and_stay_searchable(store: Store) -> None:
    ids = store.search_ids("keeper")
    store.set_read(store.search_ids("gazette"))
    store.set_starred(ids[0], True)
    store.prune(30, now=NOW + timedelta(days=60))
    assert _titles(store, "keeper") == ["Tides and moons"]
    assert [r.id for r in store.iter_article_rows(starred_only=True)] == ids


def test_an_older_cache_is_indexed_when_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, schema.MIGRATIONS[:3])  # the cache as newsterm left it before search
    conn.execute("INSERT INTO feeds (url, title) VALUES (?, 'Old Feed')", (URL,))
    conn.execute(
        "INSERT INTO articles (feed_url, guid, title, published, content, first_seen,"
        " content_hash) VALUES (?, 'g', 'Kept', 0, '<p>an albatross</p>', 0, 'h')",
        (URL,),
    )
    conn.close()
    with Store.open(path) as store:
        assert _titles(store, "albatross") == ["Kept"]
        assert _titles(store, "old feed") == ["Kept"]


def test_search_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, feeds = tmp_path / "c.db", tmp_path / "feeds.toml"
    feeds.write_text(f'[[feed]]\nurl = "{URL}"\n')
    with Store.open(db) as store:
        _save(store, _entry("1", "Tides", "<p>The lighthouse keeper.</p>"))
    argv = ["--db", str(db), "--feeds", str(feeds)]
    assert cli.main(["search", "keeper", "--json", *argv]) == 0
    assert '"title": "Tides"' in capsys.readouterr().out
    assert cli.main(["search", '"keeper', *argv]) == 2
    assert capsys.readouterr().err.strip() == "newsterm: a quote is never closed in '\"keeper'"


def test_marking_a_search_read_takes_the_unread_among_the_matches_shown() -> None:
    """The list shows the best MAX_SEARCH_RESULTS matches, read or not; marking it read
    takes the unread ones among those, never a further match the list does not show."""
    store = Store.open(":memory:")
    shown = 1_000  # cache.MAX_SEARCH_RESULTS
    # more "gull"s rank higher: entry n has n of them
    entries = [_entry(str(n), f"Note {n}", "<p>" + "gull " * n + "</p>") for n in range(1, 1_501)]
    _save(store, *entries)
    best = store.search_ids("gull")
    assert len(best) == shown
    store.set_read(best[:400], True)
    marked = store.mark_read_where(search="gull")
    assert sorted(marked) == sorted(best[400:])
    assert store.count_articles(unread_only=True) == 500  # the 500 not shown stay unread


def _gulls(count: int) -> Store:
    """Notes 1..count, note n holding "gull" n times (more rank higher); the feed lists them
    newest first, so Note 1 is stored last, with the highest id."""
    store = Store.open(":memory:")
    notes = [_entry(str(n), f"Note {n}", "<p>" + "gull " * n + "</p>") for n in range(1, count + 1)]
    _save(store, *notes)
    return store


def _notes(store: Store, ids: list[int]) -> list[int]:
    return [int(row.title.split()[1]) for row in store.rows_by_ids(ids)]


def test_a_common_word_is_ranked_among_its_newest_matches() -> None:
    store = _gulls(40)
    conn = store._conn  # the ranking's own seam: a candidate count a test can make small
    match = match_expression("gull")
    assert _notes(store, ranked_ids(conn, match, "", [], limit=5, candidates=10)) == [
        10,
        9,
        8,
        7,
        6,
    ]
    assert len(ranked_ids(conn, match, "", [], limit=20, candidates=10)) == 20  # never < limit
    # The filters choose the candidates: the newest 10 unread, not the newest 10.
    store.set_read([r.id for r in store.iter_article_rows() if int(r.title.split()[1]) <= 10])
    where, params = article_filters(None, True, "")
    unread = ranked_ids(conn, match, where, params, limit=3, candidates=10)
    assert _notes(store, unread) == [20, 19, 18]


def test_a_word_with_fewer_matches_than_candidates_is_ranked_in_full() -> None:
    store = _gulls(40)
    ids = ranked_ids(store._conn, match_expression("gull"), "", [], limit=100, candidates=40)
    assert _notes(store, ids) == list(range(40, 0, -1))


def test_building_the_index_of_an_older_cache_is_announced_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, feeds = tmp_path / "old.db", tmp_path / "feeds.toml"
    feeds.write_text(f'[[feed]]\nurl = "{URL}"\n')
    conn = sqlite3.connect(path, isolation_level=None)
    schema.migrate(conn, schema.MIGRATIONS[:3])  # the cache as newsterm left it before search
    conn.execute("INSERT INTO feeds (url, title) VALUES (?, 'Old Feed')", (URL,))
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO articles (feed_url, guid, title, published, content, first_seen,"
        " content_hash) VALUES (?, ?, 'Kept', 0, '<p>an albatross</p>', 0, 'h')",
        [(URL, str(n)) for n in range(schema.SLOW_STEP_ARTICLES)],
    )
    conn.execute("COMMIT")
    conn.close()
    argv = ["search", "albatross", "--limit", "1", "--db", str(path), "--feeds", str(feeds)]
    assert cli.main(argv) == 0
    said = capsys.readouterr()
    assert said.err == (
        "newsterm: building the search index of 5,000 cached articles, once (about 1 s)…\n"
    )
    assert "Kept" in said.out
    assert cli.main(argv) == 0
    assert capsys.readouterr().err == ""  # once
