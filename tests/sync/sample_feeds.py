"""Feeds for the sync servers to fetch from a loopback server, and an OPML that groups them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

from httpserver import LoopbackServer, respond

GROUPS = {"Science": ["astro", "botany"], "Politics": ["senate", "courts"], "Tech": ["kernels"]}
"""Group title -> the feeds in it (one feed each name)."""
HOSTILE_TITLE = "[@click=app.quit]bold[/] \u202eevil\u009b2J title"
"""Markup, a bidi override and an 8-bit escape sequence: all valid in XML 1.0, so every server
keeps the feed (an ESC would make it invalid XML)."""


def feed_xml(name: str, count: int, start: datetime, site: str) -> bytes:
    """An RSS feed of ``count`` items with guids unique across all feeds; its site and links
    are on ``site`` (a loopback address: servers fetch a feed's site for its icon)."""
    items = []
    for n in range(count):
        when = format_datetime(start - timedelta(minutes=n))
        title = HOSTILE_TITLE if (name, n) == ("astro", 0) else f"{name} story {n}"
        items.append(
            f"<item><title>{escape(title)}</title><link>{site}/{name}/{n}</link>"
            f"<guid isPermaLink='false'>urn:sync-test:{name}:{n}</guid><pubDate>{when}</pubDate>"
            f"<description>{escape(f'<p>Paragraph {n} of {name}.</p>')}</description></item>"
        )
    return (
        f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>{name.title()} Weekly</title><link>{site}/{name}</link>"
        f"{''.join(items)}</channel></rss>"
    ).encode()


def serve_feeds(
    server: LoopbackServer, per_feed: int, groups: dict[str, list[str]] = GROUPS
) -> dict[str, str]:
    """Route every feed of GROUPS on ``server``; feed name -> its URL. Items are recent
    (servers skip or pre-read old ones) and a minute apart."""
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(minutes=1)
    names = [n for members in groups.values() for n in members]
    site = server.url("/site")
    return {
        n: server.route(f"/{n}.xml", respond(feed_xml(n, per_feed, start, site))) for n in names
    }


def write_opml(path: Path, urls: dict[str, str], groups: dict[str, list[str]] = GROUPS) -> Path:
    """An OPML with one outline per group holding its feeds."""
    outlines = []
    for group, members in groups.items():
        feeds = "".join(
            f'<outline type="rss" text="{m.title()} Weekly" xmlUrl="{escape(urls[m])}"/>'
            for m in members
        )
        outlines.append(f'<outline text="{group}" title="{group}">{feeds}</outline>')
    path.write_text(
        f'<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head>'
        f"<body>{''.join(outlines)}</body></opml>",
        encoding="utf-8",
    )
    return path
