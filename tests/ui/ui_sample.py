"""Deterministic sample feeds for the UI tests: fixed dates, fixed text, one hostile feed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

from newsterm.config import Config, load_config
from newsterm.models import FetchResult, ParsedEntry, ParsedFeed
from newsterm.store import Store

T0 = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
HOSTILE_TITLE = "[@click=app.quit]x[/]"

NEWS = "https://news.example/feed.xml"
TECH = "https://tech.example/rss"
BROKEN = "https://broken.example/feed"
HOSTILE = "https://hostile.example/feed"

APPEAL_HTML = """
<p><strong>Donate today: we rely on readers like you. Please donate.</strong></p>
<h2>The council vote</h2>
<p>The council voted 7-2 to fund the <a href="https://news.example/plan">transit plan</a>,
after a long debate about <a href="/budget">the budget</a>.</p>
<ul><li>Buses every ten minutes</li><li>New night routes</li></ul>
<blockquote><p>It is a good day for riders.</p></blockquote>
<pre>route  minutes
12     10</pre>
<table><tr><th>Line</th><th>Cost</th></tr><tr><td>12</td><td>$4m</td></tr></table>
<p><img src="/map.png" alt="Route map"></p>
<p>Our newsroom is funded by readers like you. Please support our journalism:
donate now at our donation page.</p>
"""


@dataclass(frozen=True)
class SampleFeed:
    url: str
    title: str
    tags: tuple[str, ...]
    count: int


FEEDS = (
    SampleFeed(NEWS, "Example News", ("news",), 6),
    SampleFeed(TECH, "Tech Daily", ("tech",), 5),
    SampleFeed(BROKEN, "Broken Feed", (), 2),
    SampleFeed(HOSTILE, "Hostile [b]Feed[/b]", (), 1),
)


def feeds_toml(feeds: tuple[SampleFeed, ...] = FEEDS, *, refresh_on_start: bool = False) -> str:
    """A feeds.toml naming ``feeds``; no refresh unless asked, so tests see the cache only."""
    lines = [
        "[settings]",
        f"refresh_on_start = {'true' if refresh_on_start else 'false'}",
        "refresh_minutes = 0",
        "",
    ]
    for feed in feeds:
        lines += ["[[feed]]", f'url = "{feed.url}"']
        if feed.tags:
            lines.append("tags = [" + ", ".join(f'"{t}"' for t in feed.tags) + "]")
        lines.append("")
    return "\n".join(lines)


def entry(feed: SampleFeed, n: int, when: datetime) -> ParsedEntry:
    """Article n of ``feed``: the first news article carries links, a table and appeals."""
    title = HOSTILE_TITLE if feed.url == HOSTILE else f"{feed.title.split()[0]} story {n}"
    content = APPEAL_HTML if (feed.url == NEWS and n == 1) else f"<p>Body of {title}.</p>"
    return ParsedEntry(
        id=f"{feed.url}#{n}",
        title=title,
        link=f"{feed.url.rsplit('/', 1)[0]}/story/{n}",
        author="A. Writer",
        published=when,
        updated=None,
        content=content,
        summary="",
    )


def fill(store: Store, feeds: tuple[SampleFeed, ...] = FEEDS) -> None:
    """Save every sample feed as if fetched at T0; articles interleave by hour."""
    hour = 0
    for feed in feeds:
        entries = []
        for n in range(1, feed.count + 1):
            entries.append(entry(feed, n, T0 - timedelta(hours=hour)))
            hour += 1
        result = FetchResult(url=feed.url, final_url=feed.url, status=200, body=b"<rss/>")
        parsed = ParsedFeed(title=feed.title, link=feed.url, entries=tuple(entries))
        store.save_feed(feed.url, result, parsed, now=T0)
    store.save_failure(BROKEN, "HTTP 404 Not Found", now=T0)


def many(store: Store, url: str, count: int, *, batch: int = 5_000) -> None:
    """``count`` articles in one feed, newest first by minute, saved in batches."""
    for start in range(0, count, batch):
        entries = tuple(
            ParsedEntry(
                id=f"{url}#{i}",
                title=f"Bulk article {i}",
                link=f"https://bulk.example/{i}",
                author="",
                published=T0 - timedelta(minutes=i),
                updated=None,
                content="<p>bulk</p>",
                summary="",
            )
            for i in range(start, min(start + batch, count))
        )
        result = FetchResult(url=url, final_url=url, status=200, body=b"<rss/>")
        store.save_feed(url, result, ParsedFeed("Bulk", url, entries), now=T0)


def make(
    tmp_path: Path, feeds: tuple[SampleFeed, ...] = FEEDS, **toml: bool
) -> tuple[Config, Path, Store]:
    """feeds.toml, its Config and a filled Store in ``tmp_path``."""
    path = tmp_path / "feeds.toml"
    path.write_text(feeds_toml(feeds, **toml), encoding="utf-8")
    config = load_config(path)
    store = Store.open(tmp_path / "cache.db")
    store.sync_feeds(config.feeds)
    fill(store, feeds)
    return config, path, store


def rss(title: str, items: list[tuple[str, str, datetime]]) -> bytes:
    """An RSS 2.0 document; ``items`` are (guid, title, published)."""
    body = "".join(
        f"<item><guid>{guid}</guid><title>{name}</title>"
        f"<link>https://loop.example/{guid}</link>"
        f"<pubDate>{format_datetime(when, usegmt=True)}</pubDate>"
        f"<description>Text of {name}.</description></item>"
        for guid, name, when in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>https://loop.example/</link>{body}</channel></rss>"
    ).encode()
