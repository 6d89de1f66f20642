"""Find the feed behind an address a user typed: a feed, or a web page that links to one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import httpx

from newsterm.feeds.fetch import fetch_feed
from newsterm.feeds.parse import parse_feed
from newsterm.text.sanitize import one_line
from newsterm.urls import scheme

__all__ = ["FoundFeed", "address", "find_feed"]


@dataclass(frozen=True, slots=True)
class FoundFeed:
    """A feed that was fetched and parsed: where it is, and what it calls itself."""

    url: str
    title: str
    articles: int


def address(text: str) -> str:
    """What the user typed, as a URL: ``example.org`` means https, a path a local file."""
    text = text.strip()
    if scheme(text) in ("http", "https", "file"):
        return text
    if text.startswith(("/", "~", "./", "../")):
        return Path(text).expanduser().resolve().as_uri()
    return f"https://{text}"


async def find_feed(client: httpx.AsyncClient, url: str, *, timeout: float) -> FoundFeed:
    """Fetch ``url``; when it is a web page, the feed it links to (one hop, as a refresh does).

    Raises FetchError (including NotAFeed) with a short reason for the user.
    """
    result = await fetch_feed(client, url, timeout=timeout)
    assert result.body is not None  # no validators were sent, so no 304
    parsed = parse_feed(result.body, url=result.final_url, content_type=result.content_type)
    # A page's feed is subscribed to directly: refreshes then need no page at all.
    feed_url = result.final_url if result.discovered_from else result.url
    title = one_line(parsed.title) or feed_url
    return FoundFeed(feed_url, title, len(parsed.entries))
