"""The fast path reads a document exactly as feedparser does, or declines and feedparser reads it.

Each check compares the cache's rows (store/rows.py ``prepared``: every field, and the hash
that spots a change) from ``parse_feed(fast=True)`` with those from ``fast=False``, on the
shared corpus of real feeds and on small documents made for one feature each.
"""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from newsterm.errors import NotAFeed
from newsterm.feeds import parse
from newsterm.feeds.fastpath import Unsure, read_fast
from newsterm.feeds.guard import ParseLimits
from newsterm.models import PreparedFeed
from newsterm.store.rows import prepared

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "feeds"
NOW = datetime(2026, 1, 1, tzinfo=UTC)
URL = "https://news.example/feed.xml"
FAST_AT_LEAST = 300
"""Corpus reads the fast path must take (341 of 543 when it was written, 228 of the 375
files): fewer means it has started to decline what it read before."""


def rows(body: bytes, fast: bool, content_type: str = "", **kwargs: Any) -> PreparedFeed | str:
    try:
        feed = parse.parse_feed(
            body, url=URL, content_type=content_type, now=NOW, fast=fast, **kwargs
        )
    except NotAFeed as exc:
        return f"NotAFeed: {exc}"
    return prepared(feed)


def read(body: bytes, content_type: str = "application/xml") -> dict[str, Any]:
    """The fast path's mapping for a small test document (no guard.py work needed)."""
    return read_fast(body, content_type)


def corpus_files() -> list[str]:
    """The corpus's files as its manifest lists them; none where the corpus is missing (the
    count below then fails and says so)."""
    path = CORPUS / "MANIFEST.tsv"
    if not path.is_file():
        return []
    with path.open(newline="", encoding="utf-8") as handle:
        return [row["file"] for row in csv.DictReader(handle, delimiter="\t")]


FILES = corpus_files()


def content_types(body: bytes) -> tuple[str, ...]:
    # text/xml without a charset: feedparser reads it as ASCII and warns on anything else,
    # so a document that is not all ASCII is read that way too
    return ("", "text/xml") if not body.isascii() else ("",)


# One test a file, so that the corpus is shared out among the test processes.
@pytest.mark.parametrize("name", FILES)
def test_every_corpus_feed_gives_the_same_rows_both_ways(name: str) -> None:
    body = (CORPUS / name).read_bytes()
    for content_type in content_types(body):
        fast, slow = rows(body, True, content_type), rows(body, False, content_type)
        assert fast == slow, content_type or "no type"


def test_the_fast_path_takes_most_of_the_corpus(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if not FILES:
        pytest.fail(f"the shared feed corpus is missing {CORPUS / 'MANIFEST.tsv'}")
    taken: list[bool] = []

    def counted(data: bytes, content_type: str) -> dict[str, Any]:
        doc = read_fast(data, content_type)
        taken.append(True)
        return doc

    def declined(*args: object, **kwargs: object) -> None:
        # what feedparser makes of a declined document is compared above: not read again
        raise LookupError("declined by the fast path")

    monkeypatch.setattr(parse, "read_fast", counted)
    monkeypatch.setattr(parse.feedparser, "parse", declined)
    reads = 0
    for name in FILES:
        body = (CORPUS / name).read_bytes()
        for content_type in content_types(body):
            reads += 1
            rows(body, True, content_type)
    with capsys.disabled():
        print(f"\nfast path: {len(taken)} of {reads} corpus reads ({len(FILES)} files)")
    assert len(taken) >= FAST_AT_LEAST


def same_both_ways(body: bytes, content_type: str = "", **kwargs: Any) -> PreparedFeed:
    """The rows, after checking that the fast path took the document and agrees."""
    read(body, content_type or "application/xml")  # raises Unsure if it would decline
    fast, slow = rows(body, True, content_type, **kwargs), rows(body, False, content_type, **kwargs)
    assert fast == slow
    assert isinstance(fast, PreparedFeed)
    return fast


def declined_and_same(body: bytes, why: str, content_type: str = "") -> PreparedFeed | str:
    """The result, after checking the fast path declines (saying why) and feedparser's stands."""
    with pytest.raises(Unsure, match=why):
        read(body, content_type or "application/xml")
    fast, slow = rows(body, True, content_type), rows(body, False, content_type)
    assert fast == slow
    return fast


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:c="http://purl.org/rss/1.0/modules/content/"
     xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
     xmlns:atom="http://www.w3.org/2005/Atom" xmlns:odd="urn:example:odd">
<channel><title>Harbour &amp; Town</title><link>https://harbour.example/</link>
<atom:link rel="self" href="https://harbour.example/feed.xml"/>
<ttl>45</ttl><image><title>Logo</title><url>https://harbour.example/l.png</url></image>
{items}
</channel></rss>"""


@pytest.mark.parametrize(
    "items",
    [
        # guid as permalink, no link: the guid is the link
        "<item><title>One</title><guid>https://harbour.example/1</guid></item>",
        # guid that is no permalink, link after it, dates in two forms
        '<item><guid isPermaLink="false">h-2</guid><link>https://harbour.example/2?a=1&amp;b=2'
        "</link><pubDate>Tue, 03 Nov 2026 08:00:00 +0100</pubDate>"
        "<dc:date>2026-11-03T09:30:00Z</dc:date><title>Two</title></item>",
        # CDATA, escaped HTML, content:encoded under another prefix, a title that looks like HTML
        "<item><title>Fish &lt;b&gt;and&lt;/b&gt; chips</title>"
        "<description><![CDATA[<p>Short <i>summary</i></p>]]></description>"
        "<c:encoded>&lt;p&gt;The whole story&lt;/p&gt;</c:encoded></item>",
        # authors: an e-mail with a name, two dc:creators, the podcast's itunes:author
        "<item><title>A</title><author>ed@harbour.example (Ed Jones)</author></item>"
        "<item><title>B</title><dc:creator>Ann</dc:creator><dc:creator>Bo</dc:creator>"
        "<itunes:author>The Show</itunes:author></item>",
        # enclosures and a duration; an element of an unknown namespace; a category
        '<item><title>Ep 4</title><enclosure url="https://cdn.example/4.mp3" length="123"'
        ' type="Audio/MPEG"/><itunes:duration>1:02:03</itunes:duration>'
        "<odd:rating>5</odd:rating><category>boats</category></item>",
        # text misread as Latin-1 by its maker, C1 characters meaning cp1252, an emoji
        "<item><title>CafÃ© &#150; caf&#233; \U0001f6a2</title><guid>g-6</guid></item>",
        # two descriptions: the second becomes content, as feedparser decides
        "<item><title>Twice</title><description>first</description>"
        "<itunes:summary>second, longer</itunes:summary></item>",
        # an empty item, and an item whose source names another feed
        '<item></item><item><title>Quoted</title><source url="https://o.example/f">Other'
        "</source></item>",
    ],
)
def test_rss_features_read_as_feedparser_reads_them(items: str) -> None:
    same_both_ways(RSS.format(items=items).encode())


def test_atom_and_rdf_read_as_feedparser_reads_them() -> None:
    atom = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
<title type="html">Tide &lt;em&gt;tables&lt;/em&gt;</title><id>tag:tides.example,2026:feed</id>
<link rel="self" href="https://tides.example/atom"/>
<entry><id>https://tides.example/a</id><title>Ebb</title>
 <author><name>Kim</name><email>kim@tides.example</email></author>
 <updated>2026-10-01T10:00:00+02:00</updated><published>2026-09-30T10:00:00Z</published>
 <summary>Low water</summary><content type="html">&lt;p&gt;Low water at noon&lt;/p&gt;</content>
 <link rel="enclosure" href="https://tides.example/ebb.ogg" type="audio/ogg" length="9"/>
</entry>
<entry><id>tag:tides.example,2026:b</id><link href="https://tides.example/b"/>
 <media:group><media:title>Flood</media:title><media:description>High water</media:description>
 <media:content url="https://tides.example/b.mp4" type="video/mp4"/></media:group>
</entry></feed>"""
    atom_rows = same_both_ways(atom)
    assert [r["link"] for r in atom_rows.rows] == [
        "https://tides.example/a",
        "https://tides.example/b",
    ]
    rdf = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://moor.example/"><title>Moor</title><link>https://moor.example/</link>
<items><rdf:Seq><rdf:li rdf:resource="https://moor.example/1"/></rdf:Seq></items></channel>
<item rdf:about="https://moor.example/1"><title>Heather</title><link>https://moor.example/1</link>
<dc:date>2026-08-01</dc:date><description>Purple</description></item></rdf:RDF>"""
    assert same_both_ways(rdf).rows[0]["guid"] == "https://moor.example/1"


def test_caps_and_warnings_are_the_same_on_the_fast_path() -> None:
    many = RSS.format(items="".join(f"<item><guid>g{i}</guid></item>" for i in range(8)))
    cut = same_both_ways(many.encode(), limits=ParseLimits(entries=3))
    assert len(cut.rows) == 3 and cut.warning and "first 3 entries" in cut.warning
    # Served as text/xml without a charset, non-ASCII text is feedparser's warning
    latin = RSS.format(items="<item><title>Café</title></item>").encode()
    warned = same_both_ways(latin, "text/xml")
    assert warned.warning and "us-ascii" in warned.warning


@pytest.mark.parametrize(
    ("body", "why"),
    [
        (RSS.format(items="<item><title>Unclosed</item>").encode(), "not well-formed"),
        (RSS.format(items="<item><title>A&nbsp;B</title></item>").encode(), "not well-formed"),
        (
            b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY who "the harbour master">]>'
            b'<rss version="2.0"><channel><item><title>By &who;</title></item></channel></rss>',
            "DOCTYPE",
        ),
        (
            RSS.format(
                items='<item xml:base="https://elsewhere.example/"><link>p/1</link></item>'
            ).encode(),
            "xml:base",
        ),
        (
            b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id><content type="xhtml">'
            b'<div xmlns="http://www.w3.org/1999/xhtml"><p>Inline</p></div></content></entry></feed>',
            "content of type",
        ),
        (
            b'<rss version="2.0"><channel><item><title>T</title>'
            b"<description>Mixed <b>markup</b></description></item></channel></rss>",
            "markup inside",
        ),
        (
            b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id>'
            b'<content type="text/plain" mode="base64">SGk=</content></entry></feed>',
            "base64",
        ),
        (
            RSS.format(
                items='<item><enclosure odd:url="https://cdn.example/x.mp3" url="https://a.example/'
                'y.mp3"/></item>'
            ).encode(),
            "namespace feedparser does not know",
        ),
        (b'<feed version="0.3"><entry><id>old</id></entry></feed>', "version"),
        (
            b'<rss version="2.0" xmlns:w="urn:with&#9;tab"><channel><item><w:x>1</w:x>'
            b"<title>T</title></item></channel></rss>",
            "whitespace",
        ),
    ],
    ids=[
        "broken",
        "undefined-entity",
        "entities",
        "xml-base",
        "xhtml",
        "inline-markup",
        "base64",
        "unknown-attribute-namespace",
        "atom03",
        "namespace-with-a-space",
    ],
)
def test_what_the_fast_path_declines_feedparser_reads(body: bytes, why: str) -> None:
    declined_and_same(body, why)


def test_a_page_that_is_no_feed_is_declined_and_still_no_feed() -> None:
    result = declined_and_same(
        b"<html><head><title>Harbour</title></head><p>Hello</p></html>", "version"
    )
    assert isinstance(result, str) and result.startswith("NotAFeed")


def test_the_fast_path_runs_only_with_a_feedparser_it_was_compared_against() -> None:
    import feedparser

    from newsterm.feeds import parse

    assert (feedparser.__version__ in parse.FAST_TESTED) is parse.FAST_PATH
    # the pinned release (constraints.txt) is one of them, so the tests run the fast path
    assert parse.FAST_PATH, f"feedparser {feedparser.__version__} is not in FAST_TESTED"
