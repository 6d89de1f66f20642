"""What reading a subscription list found: feeds with their titles and tags, and what was skipped.

Both readers (OPML and newsboat urls files) fill the same shapes, so importing is one path
whatever the file was. Everything here came from a file someone else wrote: titles and tags
are single lines without control characters, and only web addresses count as feeds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from newsterm.text.sanitize import one_line, strip_controls

__all__ = [
    "MAX_LIST_BYTES",
    "MAX_TEXT",
    "FoundFeed",
    "ListProblem",
    "Listing",
    "Skipped",
    "web_address",
]

MAX_LIST_BYTES = 10 << 20
"""A subscription list past this is not one (50,000 feeds take about 5 MB of OPML)."""
MAX_TEXT = 200
"""Characters kept of a title or a tag."""

# Podcast apps write feed:// and itpc:// for what is an ordinary http feed.
_FEED_SCHEMES = ("feed://", "itpc://", "pcast://", "podcast://")


class ListProblem(Exception):
    """The list cannot be read at all; ``line`` is where, ``reason`` what."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason


@dataclass(frozen=True, slots=True)
class FoundFeed:
    """One feed a list names, with the line it is on."""

    url: str
    title: str | None
    tags: tuple[str, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Skipped:
    """An entry that is not imported, and why, in words for the user."""

    line: int
    reason: str


@dataclass(slots=True)
class Listing:
    """Everything one list holds, in file order."""

    feeds: list[FoundFeed] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def add(self, address: str, title: str, tags: list[str], line: int) -> None:
        """Keep the feed at ``address``, or note why it is skipped."""
        url = web_address(address)
        if url is None:
            self.skipped.append(Skipped(line, f"not a web address: {one_line(address)[:80]!r}"))
            return
        clean_tags = tuple(dict.fromkeys(t for t in (_text(tag) for tag in tags) if t))
        self.feeds.append(FoundFeed(url, _text(title) or None, clean_tags, line))


def _text(value: str) -> str:
    return one_line(value).strip()[:MAX_TEXT]


def web_address(address: str) -> str | None:
    """``address`` as an http(s) URL newsterm can fetch, or None.

    feed:// and the podcast schemes become http://; anything else that is not http(s)
    (file:, javascript:, exec:) is refused, so a list can never point at local files.
    """
    url = address.strip()
    if strip_controls(url) != url or any(ch.isspace() for ch in url):
        return None
    lowered = url.lower()
    if lowered.startswith("feed:http"):
        url, lowered = url[5:], lowered[5:]
    for prefix in _FEED_SCHEMES:
        if lowered.startswith(prefix):
            url = "http://" + url[len(prefix) :]
            break
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- raises ValueError for a port out of range
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url
