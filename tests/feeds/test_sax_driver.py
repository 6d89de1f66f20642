"""Buffered expat gives feedparser the same document: every corpus feed parses identically."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import feedparser.api
import pytest

from newsterm.errors import NotAFeed
from newsterm.feeds import parse, sax_driver
from newsterm.models import ParsedFeed

DATA = Path(__file__).resolve().parents[1] / "data" / "feeds"
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "feeds"
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def documents() -> Iterator[Path]:
    yield from sorted(DATA.glob("*.xml"))
    if CORPUS.is_dir():
        yield from sorted(p for p in CORPUS.iterdir() if p.suffix in (".xml", ".rss", ".atom"))


def both_ways(body: bytes, monkeypatch: pytest.MonkeyPatch) -> tuple[object, object, int]:
    """The parse with buffered expat, the parse without, and how many buffered parsers ran."""
    made: list[object] = []
    real = sax_driver.create_parser
    monkeypatch.setattr(sax_driver, "create_parser", lambda: made.append(1) or real())
    buffered = attempt(body)
    with monkeypatch.context() as plain:
        others = [p for p in feedparser.api.PREFERRED_XML_PARSERS if p != parse.SAX_DRIVER]
        plain.setattr(feedparser.api, "PREFERRED_XML_PARSERS", others)
        plain.setattr(parse, "_use_buffered_sax", lambda: None)
        unbuffered = attempt(body)
    return buffered, unbuffered, len(made)


def attempt(body: bytes) -> ParsedFeed | str:
    try:  # feedparser's own path: fastpath.py would read most of these without xml.sax
        return parse.parse_feed(body, url="https://example.org/feed", now=NOW, fast=False)
    except NotAFeed as exc:
        return f"NotAFeed: {exc}"


@pytest.mark.parametrize("path", list(documents()), ids=lambda p: p.name)
def test_buffered_and_plain_expat_parse_alike(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    buffered, plain, _ = both_ways(path.read_bytes(), monkeypatch)
    assert buffered == plain


def test_text_split_by_entities_arrives_whole_and_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    escaped = b"&lt;p&gt;Caf&#233; &amp;amp; &lt;b&gt;bold&lt;/b&gt;&lt;/p&gt;" * 40
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T &amp; U</title><item>'
        b"<title>A &amp; B</title><guid>g&amp;1</guid>"
        b"<description>" + escaped + b"</description></item></channel></rss>"
    )
    buffered, plain, made = both_ways(body, monkeypatch)
    assert made == 1  # the buffered parser really ran, once
    assert buffered == plain
    assert isinstance(buffered, ParsedFeed) and buffered.entries[0].id == "g&1"
    assert buffered.entries[0].summary.count("<p>Café &amp; <b>bold</b></p>") == 40
