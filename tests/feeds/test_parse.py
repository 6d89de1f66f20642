"""parse_feed: feedparser on bytes, normalised into ParsedFeed."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsterm.errors import NotAFeed
from newsterm.feeds.parse import MAX_TITLE, parse_feed
from newsterm.models import Enclosure

DATA = Path(__file__).resolve().parents[1] / "data" / "feeds"
NOW = datetime(2024, 6, 1, tzinfo=UTC)


def parse(name: str, url: str = "https://gazette.example/feed.xml", **kw: object):
    return parse_feed((DATA / name).read_bytes(), url=url, now=NOW, **kw)  # type: ignore[arg-type]


def rss(items: str, channel: str = "<title>T</title>") -> bytes:
    doc = f'<?xml version="1.0"?><rss version="2.0"><channel>{channel}{items}</channel></rss>'
    return doc.encode()


def test_rss_entry_is_normalised() -> None:
    feed = parse("rss_basic.xml")
    assert feed.title == "Harbour Gazette"
    assert feed.link == "https://gazette.example/"
    assert feed.warning is None
    first = feed.entries[0]
    assert first.id == "gazette-101"
    assert first.title == "Ferry timetable changes"
    assert first.link == "https://gazette.example/2024/ferry"
    assert first.author == "Ada Lovelace"  # runs of spaces made one
    assert first.published == datetime(2024, 1, 2, 9, 30, tzinfo=UTC)
    assert first.content == "<p>The <b>full</b> story about the ferry.</p>"
    assert first.summary == "Short summary."
    assert first.enclosures == (
        Enclosure("https://gazette.example/audio/ferry.mp3", "audio/mpeg", 12345),
    )


def test_description_only_entry_keeps_its_summary() -> None:
    second = parse("rss_basic.xml").entries[1]
    assert second.content == ""
    assert second.summary == "<p>Only a description here.</p>"


def test_javascript_link_is_dropped_and_id_falls_back_to_a_hash() -> None:
    third = parse("rss_basic.xml").entries[2]
    assert third.link == ""
    assert third.id.startswith("sha1:")
    assert "javascript" not in third.id


def test_atom_html_title_content_choice_and_base() -> None:
    feed = parse("atom_basic.xml")
    assert feed.title == "Tools & Tales"
    entry = feed.entries[0]
    assert entry.title == "Sharpening chisels & planes"
    assert entry.link == "https://blog.example/posts/chisels.html"  # xml:base applied
    assert entry.content.startswith("<p>The HTML body")  # html preferred over text
    assert entry.summary == "A summary."
    assert entry.author == "Grace Hopper"
    # no <published>: the updated date stands in, converted to UTC
    assert entry.published == datetime(2024, 3, 5, 10, 0, tzinfo=UTC)
    assert entry.updated == entry.published


def test_dates_in_the_future_or_missing_are_none() -> None:
    future = parse("atom_basic.xml").entries[1]
    assert future.published is None and future.updated is None
    undated = parse("guidless.xml").entries[0]
    assert undated.published is None


def test_dates_are_aware_utc() -> None:
    for entry in parse("rss_basic.xml").entries[:2]:
        assert entry.published is not None and entry.published.utcoffset() is not None


def test_guidless_entries_get_stable_distinct_ids() -> None:
    once = [e.id for e in parse("guidless.xml").entries]
    again = [e.id for e in parse("guidless.xml", url="https://elsewhere.example/f").entries]
    assert once == again
    assert len(set(once)) == 3
    assert all(i.startswith("sha1:") and len(i) == 45 for i in once)


def test_entry_without_guid_uses_its_link() -> None:
    feed = parse_feed(
        rss("<item><title>x</title><link>/p/1</link></item>"), url="https://s.example/"
    )
    assert feed.entries[0].id == "https://s.example/p/1"


def test_duplicate_ids_first_wins() -> None:
    feed = parse("duplicate_guids.xml")
    assert [e.title for e in feed.entries] == ["First copy", "Unique"]


def test_bozo_feed_keeps_what_parsed_and_warns() -> None:
    feed = parse("bozo.xml")
    assert feed.warning and "not well-formed" in feed.warning
    assert [e.title for e in feed.entries] == ["Survivor & friends", "Second survivor"]


@pytest.mark.parametrize(
    "body",
    [
        (DATA / "not_a_feed.html").read_bytes(),
        b"",
        b'{"version": "https://jsonfeed.org/version/2", "items": []}',
        b'{"title": "no version and no items"}',
        b"{ not json",
        b"\x00\x01\x02 binary",
    ],
)
def test_not_a_feed(body: bytes) -> None:
    with pytest.raises(NotAFeed):
        parse_feed(body, url="https://x.example/", content_type="text/html")


def test_empty_but_valid_feed_is_a_feed() -> None:
    feed = parse_feed(rss(""), url="https://x.example/")
    assert feed.entries == () and feed.title == "T"


def test_a_str_is_refused() -> None:
    with pytest.raises(TypeError):
        parse_feed("https://x.example/feed.xml", url="https://x.example/")  # type: ignore[arg-type]


def test_body_naming_a_local_file_is_not_read(tmp_path: Path) -> None:
    local = tmp_path / "secret.xml"
    local.write_bytes(rss("<item><title>secret</title></item>"))
    with pytest.raises(NotAFeed):
        parse_feed(str(local).encode(), url="https://x.example/")


def test_control_characters_and_escapes_are_removed() -> None:
    body = rss(
        "<item><title>Bad &#x1b;]0;pwned&#x7; \x1b[2Jtitle\nsplit</title>"
        "<description>line one\nline\x1b[31m two</description></item>"
    )
    entry = parse_feed(body, url="https://x.example/").entries[0]
    assert "\x1b" not in entry.title and "\x07" not in entry.title
    assert "\n" not in entry.title and entry.title.endswith("title split")
    assert "\x1b" not in entry.summary and "\n" in entry.summary


def test_absurd_title_is_truncated() -> None:
    entry = parse_feed(rss(f"<item><title>{'x' * 50_000}</title></item>"), url="https://x/")
    assert len(entry.entries[0].title) == MAX_TITLE
    assert entry.entries[0].title.endswith("…")


@pytest.mark.parametrize("ref", [b"&#xD800;", b"&#55296;", b"&#x110000;", b"&#99999999999;"])
def test_impossible_character_references_do_not_crash(ref: bytes) -> None:
    body = (
        b"<rss version='2.0'><channel><item><title>a " + ref + b" b</title></item></channel></rss>"
    )
    entry = parse_feed(body, url="https://x/").entries[0]
    assert entry.title == "a \ufffd b"
    entry.title.encode("utf-8")  # storable


def test_content_type_charset_is_used() -> None:
    body = "<rss version='2.0'><channel><item><title>café</title></item></channel></rss>"
    feed = parse_feed(
        body.encode("latin-1"), url="https://x/", content_type="text/xml; charset=iso-8859-1"
    )
    assert feed.entries[0].title == "café"


def test_enclosure_lengths_and_schemes() -> None:
    items = (
        '<item><guid>e</guid><enclosure url="https://m.example/a.mp3" length="n/a"/>'
        '<enclosure url="javascript:x()" type="audio/mpeg" length="1"/>'
        '<enclosure url="https://m.example/b.mp3" length="-5"/></item>'
    )
    entry = parse_feed(rss(items), url="https://x/").entries[0]
    assert [(e.url, e.length) for e in entry.enclosures] == [
        ("https://m.example/a.mp3", None),
        ("https://m.example/b.mp3", None),
    ]


def test_entries_without_guids_that_share_a_link_stay_apart() -> None:
    items = "".join(
        f"<item><title>Story {n}</title><link>https://news.example/</link>"
        f"<description>Text {n}</description></item>"
        for n in range(3)
    )
    items += "<item><title>Own page</title><link>https://news.example/own</link></item>"
    feed = parse_feed(rss(items), url="https://news.example/rss")
    ids = [e.id for e in feed.entries]
    assert len(ids) == len(set(ids)) == 4
    assert ids[3] == "https://news.example/own"  # a link of its own stays the id, as before
    again = parse_feed(rss(items), url="https://news.example/rss")
    assert [e.id for e in again.entries] == ids  # the same on every refresh
