"""JSON Feed 1.0 and 1.1: read into the same entries as RSS and Atom, with the same guards."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsterm.errors import NotAFeed
from newsterm.feeds.discover import is_html_page
from newsterm.feeds.guard import ParseLimits
from newsterm.feeds.parse import parse_feed

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "feeds"
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def feed(doc: dict[str, Any], content_type: str = "") -> Any:
    body = json.dumps(doc).encode()
    return parse_feed(
        body, url="https://blog.example/feed.json", content_type=content_type, now=NOW
    )


def test_a_json_feed_reads_like_any_feed() -> None:
    parsed = feed(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Field notes",
            "home_page_url": "https://blog.example/",
            "authors": [{"name": "Rae Okon"}],
            "items": [
                {
                    "id": 7,
                    "url": "/posts/moths",
                    "title": "Moths at the window",
                    "content_html": "<p>Forty species in one night.</p>",
                    "date_published": "2025-06-02T21:30:00+02:00",
                    "attachments": [
                        {"url": "/audio/moths.mp3", "mime_type": "audio/mpeg", "size_in_bytes": 512}
                    ],
                },
                {
                    "id": "b",
                    "content_text": "First line.\n\nSecond <b>line</b>.",
                    "date_published": "Sat, 07 Sep 2024 00:00:00 GMT",
                    "authors": [{"name": "Guest Writer"}],
                },
            ],
        },
        content_type="application/feed+json",
    )
    assert (parsed.title, parsed.link) == ("Field notes", "https://blog.example/")
    first, second = parsed.entries
    assert first.id == "7" and first.link == "https://blog.example/posts/moths"
    assert first.author == "Rae Okon" and first.content == "<p>Forty species in one night.</p>"
    assert first.published == datetime(2025, 6, 2, 19, 30, tzinfo=UTC)
    assert first.enclosures[0].url == "https://blog.example/audio/moths.mp3"
    assert (first.enclosures[0].type, first.enclosures[0].length) == ("audio/mpeg", 512)
    # text is text: its markup is escaped, its paragraphs kept
    assert second.content == "<p>First line.</p><p>Second &lt;b&gt;line&lt;/b&gt;.</p>"
    assert second.author == "Guest Writer"
    assert second.published == datetime(2024, 9, 7, tzinfo=UTC)
    assert parsed.warning is None


def test_hostile_fields_are_left_out_and_counted() -> None:
    parsed = feed(
        {
            "version": "https://jsonfeed.org/version/1",
            "title": ["not", "text"],
            "items": [
                {"id": "1", "title": 5, "url": "javascript:alert(1)", "content_html": "<p>ok</p>"},
                {"id": "2", "title": "Future", "date_published": "2999-01-01T00:00:00Z"},
                "not an object",
            ],
        }
    )
    assert parsed.title == ""
    assert [e.title for e in parsed.entries] == ["", "Future"]
    assert parsed.entries[0].link == ""  # only http(s) links
    assert parsed.entries[1].published is None  # a date in the future is no date
    assert parsed.warning == "3 field(s) of the wrong type were left out"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b'{"verion": "1.0"', "invalid JSON"),
        (b'{"version": "https://jsonfeed.org/version/1234", "items": []}', "version 1234"),
        (b'{"version": "https://jsonfeed.org/version/1", "items": {}}', "no list"),
        (b"[1, 2]", "no JSON object"),
        (b"{" * 100_000, "invalid JSON"),
    ],
)
def test_a_broken_json_feed_gets_one_clear_error(body: bytes, message: str) -> None:
    with pytest.raises(NotAFeed, match=message):
        parse_feed(body, url="https://x.example/feed.json", content_type="application/json")


def test_items_beyond_the_limit_are_cut_with_a_note() -> None:
    items = [{"id": str(i), "title": f"Item {i}"} for i in range(101)]
    body = json.dumps({"version": "1.1", "items": items}).encode()
    parsed = parse_feed(body, url="https://x.example/f.json", limits=ParseLimits(entries=100))
    assert len(parsed.entries) == 100
    assert parsed.warning == "only the first 100 of 101 items were read"


def test_rss_written_as_json_is_read_too() -> None:
    parsed = feed(
        {
            "rss": {
                "channel": {
                    "title": "Log",
                    "link": "https://log.example/",
                    "item": [{"guid": {"#value": "g1"}, "link": "https://log.example/1"}],
                }
            }
        }
    )
    assert parsed.title == "Log" and [e.id for e in parsed.entries] == ["g1"]


def _corpus_json() -> list[Path]:
    return sorted(CORPUS.glob("*.json")) if CORPUS.is_dir() else []


def test_the_corpus_holds_json_feeds() -> None:
    assert CORPUS.is_dir(), f"the shared feed corpus is missing: {CORPUS}"
    assert len(_corpus_json()) >= 25


@pytest.mark.parametrize("path", _corpus_json(), ids=lambda p: p.name)
def test_every_real_json_feed_ingests_or_says_why(path: Path) -> None:
    body = path.read_bytes()
    try:
        doc = json.loads(body)
    except ValueError:
        with pytest.raises(NotAFeed, match="invalid JSON"):
            parse_feed(body, url="https://x.example/f.json", now=NOW)
        return
    if "jsonfeed.org/version/1234" in body.decode():
        with pytest.raises(NotAFeed, match="version 1234"):
            parse_feed(body, url="https://x.example/f.json", now=NOW)
        return
    parsed = parse_feed(body, url="https://x.example/f.json", now=NOW)
    items = doc.get("items") or doc.get("rss", {}).get("channel", {}).get("item", [])
    # every item that is an object, less those whose id another one already had
    keys = {_key(i) for i in items if isinstance(i, dict)}
    assert len(parsed.entries) == len(keys)


def _key(item: dict[str, Any]) -> str:
    guid = item.get("guid")
    ident = item.get("id", guid.get("#value") if isinstance(guid, dict) else guid)
    return json.dumps(ident if ident is not None else [item.get("url"), item.get("link")])


def test_an_atom_feed_wrapped_in_an_xhtml_page_is_a_feed() -> None:
    name = "feedjira__DuplicateContentAtomFeed.xml"
    body = (CORPUS / name).read_bytes()
    assert not is_html_page(body, "text/html")
    assert len(parse_feed(body, url="https://x.example/atom.xml", now=NOW).entries) == 10
    page = b"<!DOCTYPE html><html><head><title>Blog</title></head><body>feed</body></html>"
    assert is_html_page(page, "text/html")


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=30,
)
_KEYS = st.sampled_from(
    [
        "id",
        "url",
        "title",
        "content_html",
        "content_text",
        "summary",
        "date_published",
        "authors",
        "author",
        "attachments",
        "external_url",
        "date_modified",
    ]
)


@settings(max_examples=200, deadline=None)
@given(items=st.lists(st.dictionaries(_KEYS, _JSON, max_size=6) | _JSON, max_size=5), top=_JSON)
def test_any_json_feed_parses_or_says_why(items: list[Any], top: Any) -> None:
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": top, "items": items}
    try:
        parsed = feed(doc)
    except NotAFeed:
        return
    for entry in parsed.entries:
        assert isinstance(entry.id, str) and isinstance(entry.title, str)
        assert not entry.link or entry.link.startswith(("http://", "https://"))
