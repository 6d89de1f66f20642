"""Mangled feeds give the same rows with the fast path as without it.

Two kinds of mangling: the byte-level mutations of test_feed_mutation (mostly documents
the fast path declines, and feedparser's loose parser reads), and structural ones that
keep a document well-formed, so the fast path reads it: elements copied to other places,
renamed to other feed elements, given attributes, emptied or given tricky text.
"""

from __future__ import annotations

import copy
import random
from datetime import UTC, datetime
from typing import Any

import pytest
from fuzzing import SEED, budget
from lxml import etree
from test_feed_mutation import BLOBS, CONTENT_TYPES, MUTATIONS

from newsterm.errors import NotAFeed
from newsterm.feeds.fastpath import Unsure, read_fast
from newsterm.feeds.parse import parse_feed
from newsterm.models import PreparedFeed
from newsterm.store.rows import prepared

NOW = datetime(2026, 1, 1, tzinfo=UTC)
NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "media": "http://search.yahoo.com/mrss/",
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "sy": "http://purl.org/rss/1.0/modules/syndication/",
    "x": "urn:example:unknown",
    "atom": "http://www.w3.org/2005/Atom",
}
TAGS = [
    "title", "link", "guid", "id", "description", "summary", "content", "content:encoded",
    "dc:creator", "author", "name", "email", "uri", "pubDate", "updated", "published",
    "dc:date", "enclosure", "media:title", "media:description", "media:group", "media:content",
    "media:thumbnail", "itunes:summary", "itunes:author", "itunes:duration", "category",
    "source", "image", "url", "item", "entry", "ttl", "sy:updatePeriod", "comments",
    "managingEditor", "textinput", "width", "itunes:owner", "itunes:name", "itunes:image",
    "dc:subject", "lastBuildDate", "rights", "subtitle", "x:title", "atom:link", "atom:title",
    "contributor", "dc:title", "date",
]  # fmt: skip
TEXTS = [
    "a &amp; b", "<p>x</p>", "", "  spaced  ", "Caf\u00c3\u00a9", "\u0096dash",
    "ed@port.example (Ed)", "https://port.example/p?a=1&b=2", "tag:port.example,2026:1",
    "Tue, 03 Nov 2026 08:00:00 GMT", "2026-11-03T09:30:00+02:00", "1:02:03", "hourly",
    "http:////port.example//x",
]  # fmt: skip
ATTRIBUTES = [
    ("type", ["html", "text", "text/plain", "TEXT/HTML", "image/png"]),
    ("rel", ["alternate", "self", "enclosure", "related"]),
    ("href", ["https://port.example/1", "rel/2", ""]),
    ("url", ["https://port.example/a.mp3", ""]),
    ("isPermaLink", ["false", "true", "False"]),
    ("length", ["12", "x"]),
    ("{http://www.w3.org/XML/1998/namespace}lang", ["en"]),
]


def rows(body: bytes, fast: bool, content_type: str = "") -> PreparedFeed | str:
    try:
        url = "https://port.example/feed"
        return prepared(parse_feed(body, url=url, content_type=content_type, now=NOW, fast=fast))
    except NotAFeed as exc:
        return f"NotAFeed: {exc}"


def qualified(tag: str, default_ns: str | None) -> str:
    if ":" in tag:
        prefix, local = tag.split(":")
        return f"{{{NS[prefix]}}}{local}"
    return f"{{{default_ns}}}{tag}" if default_ns else tag


def restructure(root: Any, rng: random.Random) -> None:
    """One to four changes that keep the document well-formed."""
    default_ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else None
    for _ in range(rng.randint(1, 4)):
        elements = [e for e in root.iter() if isinstance(e.tag, str)]
        element, kind = rng.choice(elements), rng.random()
        if kind < 0.2 and element is not root:
            target = rng.choice(elements)
            target.insert(rng.randint(0, len(target)), copy.deepcopy(element))
        elif kind < 0.45 and element is not root:
            element.tag = qualified(rng.choice(TAGS), default_ns)
        elif kind < 0.65:
            name, values = rng.choice(ATTRIBUTES)
            element.set(name, rng.choice(values))
        elif kind < 0.75 and element.getparent() is not None:
            element.getparent().remove(element)
        else:
            child = etree.SubElement(element, qualified(rng.choice(TAGS), default_ns))
            child.text = rng.choice(TEXTS)


def well_formed_seeds() -> list[Any]:
    """The fixture and corpus documents the fast path reads, as trees with every namespace."""
    seeds = []
    for name in sorted(BLOBS):
        try:
            read_fast(BLOBS[name], "application/xml")
            tree = etree.fromstring(BLOBS[name], etree.XMLParser(resolve_entities=False))
        except (Unsure, etree.XMLSyntaxError, ValueError):
            continue
        spare = {
            p: u for p, u in NS.items() if p not in tree.nsmap and u not in tree.nsmap.values()
        }
        root = etree.Element(tree.tag, attrib=dict(tree.attrib), nsmap={**tree.nsmap, **spare})
        root.text = tree.text
        root.extend(list(tree))
        seeds.append(root)
    return seeds


def run(cases: int, seed: int) -> tuple[int, int]:
    """``cases`` of each kind; returns how many the fast path read, and how many differed."""
    rng = random.Random(seed)
    seeds = well_formed_seeds()
    taken = 0
    different = []
    for case in range(cases):
        name = rng.choice(sorted(BLOBS))
        body, content_type = rng.choice(MUTATIONS)(BLOBS[name], rng), rng.choice(CONTENT_TYPES)
        if rows(body, True, content_type) != rows(body, False, content_type):
            different.append(f"bytes case {case} ({name})")
        root = copy.deepcopy(rng.choice(seeds))
        restructure(root, rng)
        body = etree.tostring(root, xml_declaration=True, encoding="utf-8")
        try:
            read_fast(body, "application/xml")
            taken += 1
        except Unsure:
            pass
        if rows(body, True) != rows(body, False):
            different.append(f"structure case {case}: {body[:300]!r}")
    assert different == []
    return taken, len(different)


def test_mangled_feeds_read_alike_with_and_without_the_fast_path() -> None:
    cases = budget("NEWSTERM_FUZZ_CASES", 30)
    taken, _ = run(cases, SEED)
    assert taken >= cases // 2  # the structural cases mostly reach the fast path


@pytest.mark.fuzz
@pytest.mark.timeout(3600)
def test_mangled_feeds_read_alike_long_run() -> None:
    cases = budget("NEWSTERM_FUZZ_CASES", 3_000)
    taken, _ = run(cases, SEED + 1)
    print(f"\nfast path mutation fuzzing: {cases} cases of each kind, {taken} read fast")
