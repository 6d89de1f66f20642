"""Feed entries and cached articles for tests, every field a test does not name filled in."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from newsterm.models import Article, FetchResult, ParsedEntry, ParsedFeed
from newsterm.store import Store

WHEN = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)

_ENTRY = ParsedEntry(
    id="e1", title="An entry", link="", author="", published=WHEN, updated=None,
    content="", summary="",
)  # fmt: skip
_ARTICLE = Article(
    id=1, feed_url="https://harbor.example/feed", feed_title="Harbor Post", guid="e1",
    title="An article", link="", author="", published=WHEN, updated=None, content="",
    summary="", read=False, starred=False, first_seen=WHEN,
)  # fmt: skip


def entry(**fields: Any) -> ParsedEntry:
    return replace(_ENTRY, **fields)


def article(**fields: Any) -> Article:
    return replace(_ARTICLE, **fields)


def save(store: Store, feed_url: str, title: str, *entries: ParsedEntry) -> None:
    """``entries`` saved as one fetch of the feed ``feed_url``."""
    result = FetchResult(url=feed_url, final_url=feed_url, status=200, body=b"<rss/>")
    store.save_feed(feed_url, result, ParsedFeed(title, feed_url, entries), now=WHEN)
