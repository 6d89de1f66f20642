"""The search index's text of new articles, worked out where their feed was parsed."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from entries import entry
from newsterm.models import FeedWrite, FetchResult, ParsedFeed, PreparedFeed
from newsterm.store import Store, rows
from newsterm.store.fulltext import indexed_text

NOW = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
HTML = "<p>Tides &amp; <b>ferries</b></p>"


def fetched(url: str) -> FetchResult:
    return FetchResult(url=url, final_url=url, status=200, body=b"<rss/>")


def test_prepared_rows_carry_the_text_the_index_takes() -> None:
    (row,) = rows.prepared(ParsedFeed("Harbor", "", (entry(id="a", content=HTML),))).rows
    assert row["text"] == indexed_text(HTML, "") and "ferries" in row["text"]


def test_the_writer_indexes_the_carried_text_then_forgets_it(tmp_path: Path) -> None:
    prepared = rows.prepared(ParsedFeed("Harbor", "", (entry(id="a", content=HTML),)))
    # A word only in the carried text is found: the HTML was not read again.
    marked = replace(prepared, rows=({**prepared.rows[0], "text": "tides ferries lighthouse"},))
    harbor = "https://harbor.example/feed"
    with Store.open(tmp_path / "cache.db") as store:
        store.save_many([FeedWrite(harbor, NOW, fetched(harbor), marked)], now=NOW)
        assert len(store.search_ids("lighthouse")) == 1
        # The same HTML in another feed, with no text carried, is read from its HTML.
        quay = "https://quay.example/feed"
        again = ParsedFeed("Quay", "", (entry(id="b", content=HTML),))
        store.save_feed(quay, fetched(quay), again, now=NOW)
        assert len(store.search_ids("lighthouse")) == 1
        assert len(store.search_ids("ferries")) == 2


def test_rows_without_a_carried_text_are_indexed_from_their_html(tmp_path: Path) -> None:
    plain = PreparedFeed("Harbor", "", (rows.entry_row(entry(id="a", content=HTML)),))
    harbor = "https://harbor.example/feed"
    with Store.open(tmp_path / "cache.db") as store:
        store.save_many([FeedWrite(harbor, NOW, fetched(harbor), plain)], now=NOW)
        assert len(store.search_ids("ferries")) == 1
