"""Real articles from the shared feed corpus, read in place (never copied into the repo).

The reader's tests cover one of each hard case: maths, a podcast, tables with spans, wide
tables, a post with 80+ links, a layout table, right-to-left and CJK text.
"""

from __future__ import annotations

import functools
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsterm.feeds.parse import parse_feed
from newsterm.models import Article, FetchResult, ParsedEntry
from newsterm.store import Store

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "feeds"
NOW = datetime(2030, 1, 1, tzinfo=UTC)

# (file, entry index): what each one is there for
MATHML = ("netnewswire__yakubin.atom", 10)  # 1,900 formulas, 12 tables, 118 colspans
PODCAST = ("netnewswire__atp.rss", 0)  # enclosure, itunes:duration, dc:creator vs itunes:author
COLSPAN = ("netnewswire__russcox.atom", 14)  # UTF-8 table: spanning header, spacer column
WIDE_TABLE = ("netnewswire__yakubin.atom", 10)  # 5- and 12-column tables
MANY_LINKS = ("netnewswire__dcrainmaker.xml", 0)  # 88 links, images among them
LAYOUT_TABLE = ("netnewswire__draw-down.atom", 1)  # image | details, then a cell of paragraphs
RTL = ("miniflux__urdu_UTF8.xml", 0)
CJK = ("rss2email__bbc-chinese_feed.atom", 0)
ALL = (MATHML, PODCAST, COLSPAN, MANY_LINKS, LAYOUT_TABLE, RTL, CJK)


def corpus_path(name: str) -> Path:
    path = CORPUS / name
    if not path.is_file():
        pytest.fail(f"the shared feed corpus is missing {path}; these tests read it in place")
    return path


@functools.cache
def entry(which: tuple[str, int]) -> ParsedEntry:
    name, index = which
    url = f"https://corpus.example/{name}"
    return parse_feed(corpus_path(name).read_bytes(), url=url, now=NOW).entries[index]


@functools.cache
def article(which: tuple[str, int]) -> Article:
    """One corpus entry as the cache would hand it to the reader."""
    e = entry(which)
    when = e.published or NOW
    return Article(
        id=1,
        feed_url=f"https://corpus.example/{which[0]}",
        feed_title=which[0],
        guid=e.id,
        title=e.title,
        link=e.link,
        author=e.author,
        published=when,
        updated=None,
        content=e.content,
        summary=e.summary,
        read=False,
        starred=False,
        first_seen=when,
        enclosures=e.enclosures,
    )


def save(store: Store, which: tuple[str, int]) -> int:
    """Save a corpus feed into ``store``; the id of the chosen entry."""
    name, index = which
    url = f"https://corpus.example/{name}"
    body = corpus_path(name).read_bytes()
    parsed = parse_feed(body, url=url, now=NOW)
    store.save_feed(url, FetchResult(url, url, 200, body), parsed, now=NOW)
    wanted = parsed.entries[index].id
    for row in store.iter_article_rows(feed_urls=[url]):
        if store.article(row.id).guid == wanted:  # type: ignore[union-attr]
            return row.id
    raise AssertionError(f"{name}: entry {index} was not saved")
