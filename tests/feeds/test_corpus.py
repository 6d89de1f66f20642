"""Every real-world feed in the shared corpus goes through parse + store and keeps every entry."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import feedparser
import pytest

from newsterm.errors import NotAFeed
from newsterm.feeds.parse import parse_feed
from newsterm.models import FetchResult
from newsterm.store import Store

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "feeds"
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def manifest() -> list[dict[str, str]]:
    path = CORPUS / "MANIFEST.tsv"
    if not path.is_file():
        return []
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


ROWS = manifest()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One cache for the whole corpus, as a user with all these feeds would have."""
    with Store.open(tmp_path_factory.mktemp("corpus") / "cache.db") as shared:
        yield shared


def raw_ids(body: bytes, url: str) -> list[str]:
    """feedparser's own entries, keyed loosely by guid, else link, else title and body."""
    doc = feedparser.parse(
        io.BytesIO(body),
        response_headers={"content-location": url, "content-type": "application/xml"},
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    return [
        (e.get("id") or "").strip() or e.get("link") or repr((e.get("title"), e.get("content")))
        for e in doc.entries
    ]


def test_the_corpus_is_there() -> None:
    """The shared corpus is read in place: without it the tests below would be no tests."""
    if not ROWS:
        pytest.fail(f"the shared feed corpus is missing: expected {CORPUS / 'MANIFEST.tsv'}")


@pytest.mark.parametrize("row", ROWS, ids=[r["file"] for r in ROWS])
def test_corpus_feed_is_parsed_and_stored(row: dict[str, str], store: Store) -> None:
    body = (CORPUS / row["file"]).read_bytes()
    url = f"https://corpus.example/{row['file']}"
    expected = int(row["entries"])
    try:
        parsed = parse_feed(body, url=url, now=NOW)
    except NotAFeed:
        assert expected == 0, f"{row['file']}: NotAFeed, but the manifest lists {expected} entries"
        return
    ids = [e.id for e in parsed.entries]
    assert len(ids) == len(set(ids))  # the parser already kept the first of each id
    new = store.save_feed(url, FetchResult(url, url, 200, body), parsed, now=NOW)
    assert new == len(ids)
    assert store.count_articles(feed_urls=[url]) == len(ids)
    if len(ids) < expected:  # only entries that share an id may be merged
        assert len(set(raw_ids(body, url))) <= len(ids) < expected, row["file"]
    elif len(ids) > expected:  # UTF-16 without a byte order mark: feedparser alone reads none
        # and JSON Feeds, which feedparser reads none of (test_jsonfeed.py counts them)
        assert body.startswith((b"<\x00", b"\x00<", b"{")), row["file"]
    else:
        assert len(ids) == expected, row["file"]
    for entry in parsed.entries:
        assert entry.published is None or entry.published.tzinfo is not None
        assert not entry.link or entry.link.startswith(("http://", "https://"))
