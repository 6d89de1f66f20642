"""Store: the SQLite cache, on real files in tmp_path."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsterm.config import Subscription
from newsterm.errors import CacheCorrupt, CacheFull, CacheLocked
from newsterm.feeds.parse import parse_feed
from newsterm.models import Enclosure, FetchResult, ParsedEntry, ParsedFeed
from newsterm.store import Store

DATA = Path(__file__).resolve().parents[1] / "data" / "feeds"
URL = "https://news.example/feed.xml"
T0 = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Sub:
    url: str
    title: str | None = None
    tags: tuple[str, ...] = ()


def entry(n: int, *, day: int | None = None, **kw: object) -> ParsedEntry:
    published = None if day is None else T0 - timedelta(days=day)
    fields: dict[str, object] = {
        "id": f"guid-{n}",
        "title": f"Article {n}",
        "link": f"https://news.example/{n}",
        "author": "",
        "published": published,
        "updated": None,
        "content": f"<p>body {n}</p>",
        "summary": "",
    }
    fields.update(kw)
    return ParsedEntry(**fields)  # type: ignore[arg-type]


def ok(url: str = URL, **kw: object) -> FetchResult:
    return FetchResult(url=url, final_url=url, status=200, body=b"<rss/>", **kw)  # type: ignore[arg-type]


def feed(*entries: ParsedEntry, title: str = "News") -> ParsedFeed:
    return ParsedFeed(title=title, link="https://news.example/", entries=entries)


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "cache.db")
    yield s
    s.close()


def test_save_feed_counts_new_and_stores_everything(store: Store) -> None:
    first = feed(entry(1, day=1, author="Ann"), entry(2, day=2))
    assert store.save_feed(URL, ok(), first, now=T0) == 2
    later = T0 + timedelta(hours=1)
    assert store.save_feed(URL, ok(), feed(entry(1, day=1), entry(3, day=0)), now=later) == 1
    [row] = store.article_rows(feed_urls=[URL], query="Article 1")
    article = store.article(row.id)
    assert article is not None
    assert (article.guid, article.link) == ("guid-1", "https://news.example/1")
    assert article.feed_title == "News"
    assert article.author == ""  # the changed entry was updated
    assert article.content == "<p>body 1</p>"
    assert article.published == T0 - timedelta(days=1)
    assert article.first_seen == T0
    assert not article.read and not article.starred
    assert store.count_articles() == 3  # entry 2 left the feed but stays cached
    assert store.article(10_000) is None


def test_enclosures_round_trip(store: Store) -> None:
    enc = (Enclosure("https://news.example/a.mp3", "audio/mpeg", 10), Enclosure("https://x/b"))
    store.save_feed(URL, ok(), feed(entry(1, day=1, enclosures=enc)), now=T0)
    article = store.article(store.article_rows()[0].id)
    assert article is not None and article.enclosures == enc


def test_read_and_starred_survive_a_changed_article(store: Store) -> None:
    store.save_feed(URL, ok(), feed(entry(1, day=1)), now=T0)
    [row] = store.article_rows()
    store.set_read([row.id])
    store.set_starred(row.id, True)
    later = T0 + timedelta(hours=5)
    changed = entry(1, day=1, title="Corrected headline", content="<p>fixed</p>")
    assert store.save_feed(URL, ok(), feed(changed), now=later) == 0
    article = store.article(row.id)
    assert article is not None
    assert (article.title, article.content) == ("Corrected headline", "<p>fixed</p>")
    assert article.read and article.starred
    assert article.first_seen == T0


def test_unchanged_article_is_not_rewritten(store: Store) -> None:
    store.save_feed(URL, ok(), feed(entry(1, day=1)), now=T0)
    changes = store._conn.total_changes
    store.save_feed(URL, ok(), feed(entry(1, day=1)), now=T0 + timedelta(hours=1))
    # only the feed's fetch-state row was written
    assert store._conn.total_changes - changes == 1


def test_undated_article_keeps_its_first_seen_time(store: Store) -> None:
    store.save_feed(URL, ok(), feed(entry(1)), now=T0)
    later = T0 + timedelta(days=3)
    store.save_feed(URL, ok(), feed(entry(1, content="<p>edited</p>")), now=later)
    [row] = store.article_rows()
    assert row.published == T0


def test_undated_entries_keep_the_feeds_order(store: Store) -> None:
    store.save_feed(URL, ok(), feed(entry(1), entry(2), entry(3)), now=T0)
    assert [r.title for r in store.article_rows()] == ["Article 1", "Article 2", "Article 3"]


def test_guidless_entries_are_stable_across_refreshes(store: Store) -> None:
    body = (DATA / "guidless.xml").read_bytes()
    first = store.save_feed(URL, ok(), parse_feed(body, url=URL), now=T0)
    second = store.save_feed(URL, ok(), parse_feed(body, url=URL), now=T0 + timedelta(hours=1))
    assert (first, second) == (3, 0)
    assert store.count_articles() == 3


def test_duplicate_guids_in_one_feed_store_the_first(store: Store) -> None:
    body = (DATA / "duplicate_guids.xml").read_bytes()
    assert store.save_feed(URL, ok(), parse_feed(body, url=URL), now=T0) == 2
    duplicated = feed(entry(1, day=1, title="first"), entry(1, day=1, title="second"))
    assert store.save_feed("https://other.example/", ok(), duplicated, now=T0) == 1
    [row] = store.article_rows(feed_urls=["https://other.example/"])
    assert row.title == "first"


def test_validators_and_not_modified(store: Store) -> None:
    assert store.validators(URL) == (None, None)
    store.save_feed(URL, ok(etag='"v1"', last_modified="lm1"), feed(entry(1)), now=T0)
    assert store.validators(URL) == ('"v1"', "lm1")
    not_modified = FetchResult(URL, URL, 304, None)
    assert store.save_feed(URL, not_modified, None, now=T0) == 0
    assert store.validators(URL) == ('"v1"', "lm1")  # a bare 304 keeps them
    store.save_feed(URL, ok(etag='"v2"'), feed(entry(1)), now=T0)
    assert store.validators(URL) == ('"v2"', None)


def test_failure_is_recorded_and_cleared_by_success(store: Store) -> None:
    store.save_failure(URL, "HTTP 503", now=T0)
    [f] = store.feeds()
    assert (f.error, f.checked_at, f.title) == ("HTTP 503", T0, URL)
    store.save_feed(URL, ok(permanent_redirect="https://new.example/f"), feed(), now=T0)
    [f] = store.feeds()
    assert f.error is None and f.moved_to == "https://new.example/f" and f.title == "News"


def test_feeds_order_titles_tags_and_counts(store: Store) -> None:
    a, b, c = "https://a.example/", "https://b.example/", "https://c.example/"
    store.sync_feeds([Sub(b, "Bee", ("x", "y")), Sub(a)])
    store.save_feed(a, ok(a), feed(entry(1, day=1), entry(2, day=2), title="Own A"), now=T0)
    store.save_feed(b, ok(b), feed(entry(3, day=1), title="Own B"), now=T0)
    store.save_feed(c, ok(c), feed(entry(4, day=1), title="Gone"), now=T0)
    store.set_read([r.id for r in store.article_rows(feed_urls=[a], limit=1)])
    feeds = store.feeds()
    assert [(f.url, f.title, f.unread, f.total) for f in feeds] == [
        (b, "Bee", 1, 1),
        (a, "Own A", 1, 2),
        (c, "Gone", 1, 1),  # unconfigured feeds come last
    ]
    assert feeds[0].tags == ("x", "y")
    store.sync_feeds([Sub(a)])  # b no longer configured; its articles stay
    assert [f.url for f in store.feeds([a, "https://new.example/"])] == [a, "https://new.example/"]
    assert store.count_articles(feed_urls=[b]) == 1


def test_syncing_feeds_already_recorded_writes_nothing(tmp_path: Path) -> None:
    """The app and every refresh sync feeds.toml at start: an unchanged one is no write
    (2,000 feeds rewritten made an ANALYZE that held a big cache for seconds)."""
    a, b = "https://a.example/", "https://b.example/"
    subs = [Sub(a, "Ay", ("x",)), Sub(b)]
    path = tmp_path / "c.db"
    with Store.open(path) as store, sqlite3.connect(path) as other:
        store.sync_feeds(subs)
        version = other.execute("PRAGMA data_version").fetchone()[0]
        store.sync_feeds(list(subs))
        assert other.execute("PRAGMA data_version").fetchone()[0] == version
        store.sync_feeds([Sub(b), Sub(a, "Ay", ("x",))])  # a new order is written
        assert other.execute("PRAGMA data_version").fetchone()[0] != version
        assert [f.url for f in store.feeds()] == [b, a]
        store.sync_feeds([Sub(b), Sub(a, "Ay", ("y",))])  # and new tags
        assert [f.tags for f in store.feeds()] == [(), ("y",)]


def test_paging_order_and_filters(store: Store) -> None:
    other = "https://other.example/"
    store.save_feed(URL, ok(), feed(*(entry(n, day=n) for n in range(10))), now=T0)
    store.save_feed(other, ok(other), feed(entry(100, day=0, title="Café 50% off")), now=T0)
    rows = store.article_rows(limit=4)
    assert [r.title for r in rows] == ["Café 50% off", "Article 0", "Article 1", "Article 2"]
    page2 = store.article_rows(offset=4, limit=4)
    assert [r.title for r in page2] == ["Article 3", "Article 4", "Article 5", "Article 6"]
    assert store.count_articles() == 11
    assert store.count_articles(feed_urls=[other]) == 1
    assert store.count_articles(feed_urls=[]) == 0
    assert store.count_articles(feed_urls=[URL, other]) == 11
    assert store.count_articles(query="article 1") == 1
    assert store.count_articles(query="CAFÉ") == 1  # non-ASCII folds too
    assert store.count_articles(query="50%") == 1 and store.count_articles(query="5_%") == 0
    store.set_read([r.id for r in rows[:2]])
    assert [r.title for r in store.article_rows(unread_only=True, limit=2)] == [
        "Article 1",
        "Article 2",
    ]
    assert store.count_articles(unread_only=True, feed_urls=[URL]) == 9


def test_equal_dates_are_ordered_by_id(store: Store) -> None:
    store.save_feed(URL, ok(), feed(entry(1, day=1), entry(2, day=1)), now=T0)
    rows = store.article_rows()
    assert rows[0].id > rows[1].id


def test_next_unread_follows_list_order(store: Store) -> None:
    store.save_feed(URL, ok(), feed(*(entry(n, day=n) for n in range(5))), now=T0)
    other = "https://other.example/"
    store.save_feed(other, ok(other), feed(entry(9, day=2, title="Other")), now=T0)
    rows = store.article_rows()
    titles = [r.title for r in rows]
    assert titles == ["Article 0", "Article 1", "Other", "Article 2", "Article 3", "Article 4"]
    store.set_read([rows[1].id, rows[3].id])
    first = store.next_unread(None)
    assert first is not None and first.title == "Article 0"
    nxt = store.next_unread(first.id)
    assert nxt is not None and nxt.title == "Other"
    nxt = store.next_unread(nxt.id, feed_urls=[URL])
    assert nxt is not None and nxt.title == "Article 3"
    last = store.next_unread(rows[-1].id)
    assert last is None


def test_prev_unread_walks_up_in_list_order(store: Store) -> None:
    store.save_feed(URL, ok(), feed(*(entry(n, day=n) for n in range(5))), now=T0)
    other = "https://other.example/"
    store.save_feed(other, ok(other), feed(entry(9, day=2, title="Other")), now=T0)
    rows = store.article_rows()  # Article 0, Article 1, Other, Article 2, Article 3, Article 4
    store.set_read([rows[1].id, rows[3].id])
    last = store.prev_unread(None)
    assert last is not None and last.title == "Article 4"
    up = store.prev_unread(rows[4].id)
    assert up is not None and up.title == "Other"
    up = store.prev_unread(rows[4].id, feed_urls=[URL])
    assert up is not None and up.title == "Article 0"
    assert store.prev_unread(rows[0].id) is None
    assert store.prev_unread(rows[5].id, query="other") is not None
    assert store.next_unread(rows[2].id, query="other") is None


def test_position_is_the_index_in_list_order(store: Store) -> None:
    store.save_feed(URL, ok(), feed(*(entry(n, day=n // 2) for n in range(7))), now=T0)
    other = "https://other.example/"
    store.save_feed(other, ok(other), feed(entry(9, day=1, title="Other")), now=T0)
    listed = store.article_rows()
    # Equal dates come in pairs here: the id breaks the tie exactly as the list does.
    assert [store.position(r.id) for r in listed] == list(range(len(listed)))
    mine = store.article_rows(feed_urls=[URL])
    assert [store.position(r.id, feed_urls=[URL]) for r in mine] == list(range(len(mine)))
    store.set_read([listed[0].id, listed[2].id])
    unread = store.article_rows(unread_only=True)
    assert [store.position(r.id, unread_only=True) for r in unread] == list(range(len(unread)))
    assert store.position(listed[0].id, unread_only=True) is None  # read: not in that list
    assert store.position(listed[1].id, feed_urls=[other]) is None
    found = store.article_rows(query="ARTICLE 6")
    assert len(found) == 1 and store.position(found[0].id, query="article 6") == 0
    assert store.position(10_000) is None


def test_mark_all_read(store: Store) -> None:
    other = "https://other.example/"
    store.save_feed(URL, ok(), feed(entry(1, day=1), entry(2, day=2)), now=T0)
    store.save_feed(other, ok(other), feed(entry(3, day=1)), now=T0)
    assert store.mark_all_read([URL]) == 2
    assert store.mark_all_read([URL]) == 0
    assert store.count_articles(unread_only=True) == 1
    assert store.mark_all_read() == 1
    store.set_read([store.article_rows()[0].id], read=False)
    assert store.count_articles(unread_only=True) == 1


def test_prune_never_removes_unread_or_starred(store: Store) -> None:
    old, recent = 200, 10
    entries = [entry(1, day=old), entry(2, day=old), entry(3, day=old), entry(4, day=recent)]
    store.save_feed(URL, ok(), feed(*entries), now=T0 - timedelta(days=old))
    by_title = {r.title: r.id for r in store.article_rows()}
    store.set_read([by_title["Article 1"], by_title["Article 2"], by_title["Article 4"]])
    store.set_starred(by_title["Article 2"], True)
    assert store.prune(90, now=T0) == 1
    assert sorted(r.title for r in store.article_rows()) == ["Article 2", "Article 3", "Article 4"]
    assert store.prune(0, now=T0) == 0


def test_recently_seen_old_articles_are_not_pruned(store: Store) -> None:
    store.save_feed(URL, ok(), feed(entry(1, day=400)), now=T0)  # first seen today
    store.set_read([store.article_rows()[0].id])
    assert store.prune(90, now=T0) == 0


def test_pruned_article_still_in_its_feed_does_not_return(store: Store) -> None:
    past = T0 - timedelta(days=200)
    store.save_feed(URL, ok(), feed(entry(1, day=300), entry(2, day=300)), now=past)
    store.mark_all_read()
    assert store.prune(90, now=T0) == 2
    again = feed(entry(1, day=300), entry(3, day=0))
    assert store.save_feed(URL, ok(), again, now=T0) == 1
    assert [r.title for r in store.article_rows()] == ["Article 3"]


def test_cache_full_rolls_back_and_keeps_earlier_rows(store: Store) -> None:
    store.save_feed(URL, ok(etag='"before"'), feed(entry(1, day=1)), now=T0)
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    big = [entry(n, day=1, content="x" * 20_000) for n in range(2, 40)]
    with pytest.raises(CacheFull, match="full"):
        store.save_feed(URL, ok(etag='"after"'), feed(*big), now=T0)
    assert store.count_articles() == 1
    assert store.validators(URL) == ('"before"', None)  # the feed row rolled back too
    store._conn.execute("PRAGMA max_page_count = 1073741823")
    assert store.save_feed(URL, ok(), feed(*big), now=T0) == len(big)


def test_locked_cache_raises_cache_locked(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    store = Store.open(path, busy_timeout=0.1)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(CacheLocked, match="locked"):
            store.save_failure(URL, "x", now=T0)
        assert store.count_articles() == 0  # WAL: reading still works
    finally:
        other.execute("ROLLBACK")
        other.close()
    store.save_failure(URL, "x", now=T0)
    store.close()


def test_threads_share_one_store(store: Store) -> None:
    errors: list[BaseException] = []

    def work(k: int) -> None:
        try:
            url = f"https://t{k}.example/"
            for n in range(20):
                store.save_feed(url, ok(url), feed(entry(n, day=n)), now=T0)
                store.article_rows(limit=5)
                store.feeds()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.count_articles() == 80


def test_corrupt_file_is_moved_aside_with_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    junk = b"this is not an SQLite database, just some bytes\n" * 100
    path.write_bytes(junk)
    Path(f"{path}-wal").write_bytes(b"stray wal")
    with pytest.raises(CacheCorrupt) as caught:
        Store.open(path)
    moved = caught.value.moved_to
    assert moved is not None and moved.name.startswith("cache.db.corrupt-")
    assert moved.read_bytes() == junk
    assert Path(f"{moved}-wal").read_bytes() == b"stray wal"
    assert str(moved) in str(caught.value)
    with Store.open(path) as fresh:  # the path is free for a new cache
        assert fresh.count_articles() == 0 and fresh.recovered_from is None


def test_damaged_pages_are_found_on_open(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    with Store.open(path) as store:
        many = [entry(n, day=1, content="y" * 3000) for n in range(200)]
        store.save_feed(URL, ok(), feed(*many), now=T0)
    data = bytearray(path.read_bytes())
    page = 4096
    data[3 * page : 12 * page] = b"\xa5" * (9 * page)  # wreck a run of b-tree pages
    path.write_bytes(bytes(data))
    Path(f"{path}-wal").write_bytes(b"not a valid wal")  # SQLite would delete it on close
    with pytest.raises(CacheCorrupt) as caught:
        Store.open(path)
    moved = caught.value.moved_to
    assert moved is not None
    assert moved.read_bytes() == bytes(data)
    assert Path(f"{moved}-wal").read_bytes() == b"not a valid wal"
    assert not path.exists()


def test_recover_opens_a_fresh_cache(tmp_path: Path) -> None:
    path = tmp_path / "cache.db"
    path.write_bytes(b"\x00garbage" * 1000)
    with Store.open(path, recover=True) as store:
        assert store.recovered_from is not None
        assert store.recovered_from.read_bytes() == b"\x00garbage" * 1000
        store.save_feed(URL, ok(), feed(entry(1)), now=T0)
        assert store.count_articles() == 1


def test_memory_store(tmp_path: Path) -> None:
    with Store.open(":memory:") as store:
        store.save_feed(URL, ok(), feed(entry(1, day=1)), now=T0)
        assert store.path is None and store.count_articles() == 1
    assert list(tmp_path.iterdir()) == []


def test_reopen_keeps_data_and_creates_parent_folders(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "cache.db"
    with Store.open(path) as store:
        store.save_feed(URL, ok(), feed(entry(1, day=1)), now=T0)
        store.set_starred(store.article_rows()[0].id, True)
    with Store.open(path) as store:
        assert store.article_rows()[0].starred


def test_naive_now_is_taken_as_utc(store: Store) -> None:
    store.save_feed(URL, ok(), feed(entry(1)), now=T0.replace(tzinfo=None))
    assert store.article_rows()[0].published == T0


def test_iter_article_rows_walks_every_row_in_list_order(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.db") as store:
        subs = [Subscription(f"https://f{n}.example/feed") for n in range(3)]
        store.sync_feeds(subs)
        now = datetime(2026, 11, 1, tzinfo=UTC)
        for n, sub in enumerate(subs):
            # Equal dates across feeds: the id breaks ties, as in the paged list.
            entries = tuple(
                ParsedEntry(
                    f"g{i}", f"t{n}-{i}", "", "", now - timedelta(hours=i % 7), None, "", ""
                )
                for i in range(40)
            )
            result = FetchResult(sub.url, sub.url, 200, b"x")
            store.save_feed(sub.url, result, ParsedFeed("F", "", entries), now=now)
        paged = store.article_rows(limit=1000)
        walked = list(store.iter_article_rows(batch=7))
        assert [r.id for r in walked] == [r.id for r in paged] and len(walked) == 120
        store.set_read([paged[0].id, paged[5].id])
        unread = list(store.iter_article_rows(unread_only=True, feed_urls=[subs[1].url], batch=3))
        assert len(unread) == 40 - sum(r.feed_url == subs[1].url for r in (paged[0], paged[5]))
