"""Real feeds, mangled: truncated, bit-flipped, spliced, re-encoded, padded with NULs and
entities. Each goes through parse + store + render; only NotAFeed may escape, and nothing
already stored is lost (no article disappears, no read or starred flag changes)."""

from __future__ import annotations

import codecs
import random
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fuzzing import SEED, budget, feed_files

from newsterm.errors import NotAFeed
from newsterm.feeds.parse import parse_feed
from newsterm.models import FetchResult
from newsterm.store import Store

try:
    from newsterm.text.render.document import html_to_document
except ImportError:  # the renderer is optional here: parsing and storing are what is attacked
    html_to_document = None

T0 = datetime(2026, 1, 1, tzinfo=UTC)
FILES = feed_files()
BLOBS = {path.name: path.read_bytes() for path in FILES}
CONTENT_TYPES = [
    "",
    "application/rss+xml",
    "text/xml; charset=iso-8859-1",
    "application/atom+xml; charset=utf-16",
    "text/html",
    "application/octet-stream; charset=x-nonsense",
]

Mutation = Callable[[bytes, random.Random], bytes]


def truncate(body: bytes, rng: random.Random) -> bytes:
    return body[: rng.randrange(len(body) + 1)]


def flip_bytes(body: bytes, rng: random.Random) -> bytes:
    data = bytearray(body)
    for _ in range(rng.randint(1, 32)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def splice(body: bytes, rng: random.Random) -> bytes:
    other = BLOBS[rng.choice(sorted(BLOBS))]
    return body[: rng.randrange(len(body) + 1)] + other[rng.randrange(len(other) + 1) :]


def reencode(body: bytes, rng: random.Random) -> bytes:
    text = body.decode("utf-8", errors="replace")
    how = rng.choice(
        ["utf-16", "utf-16-be", "utf-32", "latin-1", "cp1252", "bom8", "lying-bom", "bom8-twice"]
    )
    if how in ("utf-16", "utf-32"):
        return text.encode(how)  # with a byte order mark
    if how == "utf-16-be":
        return text.encode(how)  # without one
    if how in ("latin-1", "cp1252"):  # usually still declared as UTF-8
        return text.encode(how, errors="replace")
    if how == "bom8":
        return codecs.BOM_UTF8 + body
    if how == "lying-bom":  # a UTF-16 mark on UTF-8 bytes
        return codecs.BOM_UTF16_LE + body
    return codecs.BOM_UTF8 * 2 + body


def insert_nuls(body: bytes, rng: random.Random) -> bytes:
    data = bytearray(body)
    for _ in range(rng.randint(1, 12)):
        data[rng.randrange(len(data) + 1) : 0] = b"\x00" * rng.randint(1, 4)
    return bytes(data)


def huge_entities(body: bytes, rng: random.Random) -> bytes:
    kind = rng.choice(["wide", "laughs", "external", "charrefs"])
    if kind == "wide":
        dtd = b'<!DOCTYPE rss [<!ENTITY big "' + b"A" * 200_000 + b'">]>'
        use = b"&big;" * 50
    elif kind == "laughs":
        decls = [b'<!ENTITY l0 "lol">'] + [
            b'<!ENTITY l%d "%s">' % (i, b"&l%d;" % (i - 1) * 10) for i in range(1, 10)
        ]
        dtd, use = b"<!DOCTYPE rss [" + b"".join(decls) + b"]>", b"&l9;"
    elif kind == "external":
        dtd, use = b'<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>', b"&x;"
    else:
        dtd, use = b"", b"&#1114112;&#xD800;&#0;&#x1F600;&#99999999999;"
    start = body.find(b"?>") + 2 if body.lstrip().startswith(b"<?xml") else 0
    return body[:start] + dtd + body[start:].replace(b"<title>", b"<title>" + use, 3)


def deep_nesting(body: bytes, rng: random.Random) -> bytes:
    depth = rng.choice([5_000, 50_000])
    html = b"&lt;div&gt;" * depth + b"deep" if rng.random() < 0.5 else b"<x>" * depth
    return body.replace(b"<title>", b"<title>" + html, 1)


MUTATIONS: tuple[Mutation, ...] = (
    truncate, flip_bytes, splice, reencode, insert_nuls, huge_entities, deep_nesting,
)  # fmt: skip


def feed_url(name: str) -> str:
    return f"https://mutants.example/{name}"


def flags(conn: sqlite3.Connection, url: str) -> dict[str, tuple[int, int]]:
    rows = conn.execute("SELECT guid, read, starred FROM articles WHERE feed_url = ?", (url,))
    return {guid: (read, starred) for guid, read, starred in rows}


def render(body: str, base: str) -> None:
    """Turn an entry's HTML into reader blocks, when the renderer is there to attack."""
    if html_to_document is not None:
        html_to_document(body, base)


@pytest.fixture
def seeded(tmp_path: Path) -> Iterator[tuple[Store, list[str]]]:
    """A cache holding a sample of the real feeds, some articles read, some starred."""
    rng = random.Random(SEED)
    names = sorted(BLOBS)
    sample = names if len(names) <= 60 else rng.sample(names, 60)
    store = Store.open(tmp_path / "cache.db")
    stored = []
    for name in sample:
        url = feed_url(name)
        try:
            parsed = parse_feed(BLOBS[name], url=url, now=T0)
        except NotAFeed:
            continue
        store.save_feed(url, FetchResult(url, url, 200, BLOBS[name]), parsed, now=T0)
        stored.append(name)
    rows = store.article_rows(limit=100_000)
    store.set_read([r.id for r in rows[::3]])
    for row in rows[::7]:
        store.set_starred(row.id, True)
    yield store, stored
    store.close()


def run_mutants(store: Store, names: list[str], cases: int, seed: int) -> Counter[str]:
    """Push ``cases`` mutants through parse, store and render; return what happened."""
    rng = random.Random(seed)
    conn = sqlite3.connect(store.path)  # a second reader, as another process would be
    tally: Counter[str] = Counter()
    try:
        for case in range(cases):
            name = rng.choice(names)
            mutate = rng.choice(MUTATIONS)
            body = mutate(BLOBS[name], rng)
            url = feed_url(name)
            now = T0 + timedelta(minutes=case)
            before_total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            before = flags(conn, url)
            try:
                parsed = parse_feed(body, url=url, content_type=rng.choice(CONTENT_TYPES), now=now)
            except NotAFeed as exc:
                store.save_failure(url, str(exc), now=now)
                tally["not a feed"] += 1
            else:
                store.save_feed(url, FetchResult(url, url, 200, body), parsed, now=now)
                for entry in parsed.entries[:3]:
                    render(entry.content or entry.summary, entry.link or url)
                tally["parsed"] += 1
            tally[mutate.__name__] += 1
            after = flags(conn, url)
            assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] >= before_total
            lost = {g: f for g, f in before.items() if after.get(g) != f}
            assert not lost, f"case {case} ({mutate.__name__} of {name}) changed {lost}"
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()
    return tally


def test_mutated_feeds_never_crash_or_lose_what_was_stored(
    seeded: tuple[Store, list[str]],
) -> None:
    store, names = seeded
    cases = budget("NEWSTERM_FUZZ_CASES", 160)
    tally = run_mutants(store, names, cases, SEED)
    print(f"\nmutation fuzzing: {cases} cases over {len(names)} feeds: {dict(tally)}")
    assert tally["parsed"] + tally["not a feed"] == cases
    assert all(tally[m.__name__] for m in MUTATIONS)  # every mutation ran


@pytest.mark.fuzz
def test_mutated_feeds_long_run(seeded: tuple[Store, list[str]]) -> None:
    store, names = seeded
    cases = budget("NEWSTERM_FUZZ_CASES", 5_000)
    tally = run_mutants(store, names, cases, SEED + 1)
    print(f"\nmutation fuzzing (long): {cases} cases over {len(names)} feeds: {dict(tally)}")
    assert tally["parsed"] + tally["not a feed"] == cases


@pytest.mark.parametrize(
    "html", ["<p>x<?php echo 1; ?></p>", "<p>see <?a b?> here</p>", "d<?a <i>"]
)
def test_processing_instructions_in_content_render(html: str) -> None:
    renderer = pytest.importorskip("newsterm.text.render.document")
    doc = renderer.html_to_document(html, "https://mutants.example/")
    assert all("echo" not in block.text and "<?" not in block.text for block in doc.blocks)
