"""Pages read from either end of the list, or by seeking from the row above, are the same rows."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from newsterm.models import FetchResult, ParsedEntry, ParsedFeed
from newsterm.store import Store
from newsterm.ui.view import View
from newsterm.ui.widgets.article_queries import PAGE_SIZE, ArticleQueries

T0 = datetime(2024, 5, 1, tzinfo=UTC)
URLS = [f"https://f{f}.example/" for f in range(5)]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """5 feeds x 130 articles, with runs of equal dates so ties are broken by id."""
    with Store.open(tmp_path_factory.mktemp("paging") / "cache.db") as store:
        for f, url in enumerate(URLS):
            entries = tuple(
                ParsedEntry(
                    f"{f}-{n}", f"T{f}-{n}", "", "", T0 - timedelta(hours=n // 3), None, "", ""
                )
                for n in range(130)
            )
            store.save_feed(
                url, FetchResult(url, url, 200, b""), ParsedFeed("F", "", entries), now=T0
            )
        store.set_read([r.id for r in store.article_rows(limit=200)][::3])
        yield store


def ids(rows: list) -> list[int]:  # type: ignore[type-arg]
    return [r.id for r in rows]


@pytest.mark.parametrize(
    ("view", "query"),
    [
        (View("all", "All", tuple(URLS)), ""),
        (View("all", "All", tuple(URLS)), "T3"),
        (View("f", "F", (URLS[2],)), ""),
    ],
)
def test_every_page_is_the_same_however_it_is_read(store: Store, view: View, query: str) -> None:
    plain = ArticleQueries(store, view, query)
    length = plain.count()
    every = ids(plain.rows(0, length))
    assert len(every) == length > PAGE_SIZE
    sized = ArticleQueries(store, view, query, length)
    pages = (length + PAGE_SIZE - 1) // PAGE_SIZE
    for page in range(pages):
        expected = every[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        assert ids(sized.page(page)) == expected  # from the nearer end
        if page:
            above = plain.rows(page * PAGE_SIZE - 1, 1)[0]
            assert ids(sized.page(page, above)) == expected  # one seek from the row above
    for index in (0, 1, length // 2, length // 2 + 1, length - 2, length - 1):
        assert ids(sized.rows(index, 3)) == every[index : index + 3]
        article = every[index]
        assert sized.position(article, near=index) == index
        assert sized.position(article, near=0) == index
        assert sized.position(article, near=length - 1) == index


def test_a_view_of_most_feeds_leaves_out_the_others(tmp_path: Path) -> None:
    """Past SEEK_FEEDS_UP_TO feeds the store drops a filter that names every feed with
    articles; one that leaves a feed out must still leave its articles out."""
    urls = [f"https://g{f}.example/" for f in range(40)]
    with Store.open(tmp_path / "cache.db") as store:
        for f, url in enumerate(urls):
            entries = tuple(
                ParsedEntry(
                    f"{f}-{n}", f"T{n}", "", "", T0 - timedelta(minutes=f + 40 * n), None, "", ""
                )
                for n in range(3)
            )
            store.save_feed(
                url, FetchResult(url, url, 200, b""), ParsedFeed("F", "", entries), now=T0
            )
        every = ids(store.article_rows(limit=500))
        assert ids(store.article_rows(feed_urls=urls, limit=500)) == every
        assert ids(store.article_rows(feed_urls=urls, limit=50, offset=60)) == every[60:110]
        most = urls[:-1]
        left = {r.id for r in store.article_rows(feed_urls=[urls[-1]])}
        kept = ids(store.article_rows(feed_urls=most, limit=500))
        assert kept == [i for i in every if i not in left] and len(kept) == 117
        assert ids(store.article_rows(feed_urls=most, limit=50, offset=60)) == kept[60:110]
        assert store.count_articles(feed_urls=most, query="T") == 117
        assert store.next_unread(None, feed_urls=[urls[-1]]) is not None
        assert store.mark_all_read(most) == 117
        assert store.count_articles(unread_only=True) == 3


@pytest.mark.parametrize("order", ["newest", "oldest", "feed", "title"])
def test_every_order_pages_the_same_by_offset_from_either_end_and_by_seek(
    store: Store, order: str
) -> None:
    every = ids(store.article_rows(limit=1000, order=order))
    assert len(every) == 650
    for offset in (1, 99, 100, 333, 649):
        page = store.article_rows(offset=offset, limit=50, order=order)
        assert ids(page) == every[offset : offset + 50]
        above = store.article_rows(offset=offset - 1, limit=1, order=order)[0]
        seek = store.article_rows(offset=offset, limit=50, order=order, beyond=above)
        assert ids(seek) == every[offset : offset + 50]
        bottom = store.article_rows(offset=offset, limit=50, order=order, oldest_first=True)
        assert ids(bottom) == every[::-1][offset : offset + 50]
        found = every[offset]
        assert store.position(found, order=order) == offset
        assert store.position(found, order=order, from_bottom_of=650) == offset
