"""The cache's queries under any input: searches, paging and flags never fail or mislead."""

from __future__ import annotations

import string
from datetime import UTC, datetime, timedelta

from fuzzing import examples
from hypothesis import given
from hypothesis import strategies as st

from newsterm.models import FetchResult, ParsedEntry, ParsedFeed
from newsterm.store import Store
from newsterm.text.sanitize import one_line

URL = "https://search.example/feed"
T0 = datetime(2026, 4, 1, tzinfo=UTC)
TRICKY = st.sampled_from(["%", "_", "\\", "'", '"', "%_", "\\%", "ß", "SS", "İ", "K", "ﬁ", "\x00"])
WORDS = st.one_of(st.text(max_size=6), TRICKY, st.sampled_from(string.ascii_letters))
# Stored titles went through parse_feed, which strips control characters; queries did not.
TITLES = st.lists(
    st.lists(WORDS, max_size=4).map(lambda words: one_line("".join(words))), min_size=1, max_size=12
)
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def expected_match(title: str, query: str) -> bool:
    """What the search promises: ASCII queries fold ASCII case, others fold all case."""
    if query.isascii():
        return query.translate(_ASCII_LOWER) in title.translate(_ASCII_LOWER)
    return query.casefold() in title.casefold()


def stored(titles: list[str]) -> Store:
    store = Store.open(":memory:")
    entries = tuple(
        ParsedEntry(
            id=f"g{n}",
            title=title,
            link="",
            author="",
            published=T0 - timedelta(hours=n),
            updated=None,
            content="",
            summary="",
        )
        for n, title in enumerate(titles)
    )
    store.save_feed(URL, FetchResult(URL, URL, 200, b""), ParsedFeed("S", "", entries), now=T0)
    return store


@examples(150)
@given(TITLES, st.one_of(WORDS, st.lists(WORDS, max_size=3).map("".join)))
def test_search_matches_exactly_what_it_promises(titles: list[str], query: str) -> None:
    with stored(titles) as store:
        rows = store.article_rows(query=query, limit=1000)
        assert store.count_articles(query=query) == len(rows)
        assert sorted(r.title for r in rows) == sorted(
            t for t in titles if expected_match(t, query)
        )


@examples(100)
@given(TITLES, st.integers(-5, 20), st.integers(-5, 20))
def test_paging_covers_every_row_once(titles: list[str], offset: int, limit: int) -> None:
    with stored(titles) as store:
        everything = [r.id for r in store.article_rows(limit=1000)]
        page = [r.id for r in store.article_rows(offset=offset, limit=limit)]
        assert page == everything[max(offset, 0) :][: max(limit, 0)]
        walked, after = [], None
        while (row := store.next_unread(after)) is not None:
            walked.append(row.id)
            after = row.id
        assert walked == everything
