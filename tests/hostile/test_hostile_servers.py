"""Hostile servers on 127.0.0.1, through the whole refresh: every one ends in a clear per-feed
error or a safely cut result, within the feed's deadline and in bounded memory, and the
well-behaved feeds refreshed beside it still succeed."""

from __future__ import annotations

import codecs
import time
import tracemalloc
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from httpserver import (
    LoopbackServer,
    endless,
    redirect,
    reset_after,
    respond,
    trickle,
)
from newsterm.config import Config, parse_config
from newsterm.feeds.guard import ParseLimits
from newsterm.refresh import FeedOutcome, refresh
from newsterm.store import Store

DEADLINE = 2.0
"""timeout_seconds for every refresh here: a hostile feed must be done by then (plus parsing)."""
SLACK = 3.0
MEMORY = 64 << 20
"""Most a refresh with one hostile feed may allocate at once (20 MB cap plus working room)."""


def rss(title: str, items: str, *, declaration: str = "") -> bytes:
    channel = f"<channel><title>{title}</title><link>https://h.example/</link>{items}</channel>"
    return f'{declaration}<rss version="2.0">{channel}</rss>'.encode()


def items(n: int, prefix: str = "i", extra: str = "") -> str:
    return "".join(
        f"<item><title>{prefix} {i}</title><guid>{prefix}-{i}</guid>{extra}</item>"
        for i in range(n)
    )


@cache
def gigabyte_gzip(gigabytes: int = 4) -> bytes:
    """A gzip body that inflates to ``gigabytes`` GB of zeros, built in a fraction of a second.

    Each 16 MB run of zeros is flushed to a byte boundary with a reset dictionary, so its
    compressed block is the same every time and can simply be repeated.
    """
    zeros = bytes(16 << 20)
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    first = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    return first + block * (gigabytes * 64 - 1)  # no trailer: nobody should get that far


def billion_laughs() -> bytes:
    """Ten levels of ten: 10^9 "lol"s from under a kilobyte, all on one line."""
    decls = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    item = "<item><title>&lol9;</title><guid>laugh</guid><description>&lol9;</description></item>"
    return rss("&lol9;", item, declaration=f'<?xml version="1.0"?><!DOCTYPE rss [{decls}]>')


def utf16_labelled_latin1() -> bytes:
    body = rss("Café “quoted” ✓", "<item><title>Ça va</title><guid>c</guid></item>")
    text = body.decode().replace("<rss", '<?xml version="1.0" encoding="utf-16"?><rss', 1)
    return codecs.BOM_UTF16_LE + text.encode("utf-16-le")


DEEP_HTML = f"<description>{'&lt;div&gt;' * 50_000}bottom{'&lt;/div&gt;' * 50_000}</description>"
DEEP_XML = "<div>" * 50_000 + "bottom" + "</div>" * 50_000


@dataclass(frozen=True)
class Attack:
    """One hostile feed: how the server behaves and what newsterm must make of it."""

    name: str
    handler: Callable[[LoopbackServer], str]  # routes the attack, returns its URL
    error: str | None  # a substring of the per-feed error; None: the feed must succeed
    check: Callable[[FeedOutcome, Store], None] = lambda outcome, store: None
    memory: int | None = MEMORY  # most it may allocate at once; None: not traced (too slow)
    seconds: float = DEADLINE + SLACK  # most the whole refresh may take (tracing slows parsing)


def route(path: str, handler: Callable) -> Callable[[LoopbackServer], str]:  # type: ignore[type-arg]
    return lambda server: server.route(path, handler)


def redirect_loop(server: LoopbackServer) -> str:
    server.route("/loop-b", redirect(server.url("/loop-a")))
    return server.route("/loop-a", redirect("/loop-b"))


def titles_are_capped(outcome: FeedOutcome, store: Store) -> None:
    (feed,) = [f for f in store.feeds() if f.url == outcome.url]
    assert 0 < len(feed.title) <= 2_000
    assert all(len(r.title) <= 2_000 for r in store.article_rows(feed_urls=[outcome.url]))


def laughs_stay_unexpanded(outcome: FeedOutcome, store: Store) -> None:
    (row,) = store.article_rows(feed_urls=[outcome.url])
    assert len(row.title) < 100 and "lol" * 100 not in row.title
    article = store.article(row.id)
    assert article is not None and len(article.body) < 1_000
    assert outcome.warning and "entity declarations" in outcome.warning


def external_entity() -> bytes:
    """An XXE attempt: an entity naming a local file, used in the title and the body."""
    decl = '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    item = "<item><title>leak &xxe;</title><guid>x</guid><description>&xxe;</description></item>"
    return rss("leak &xxe;", item, declaration=decl)


def nothing_read_from_disk(outcome: FeedOutcome, store: Store) -> None:
    (row,) = store.article_rows(feed_urls=[outcome.url])
    article = store.article(row.id)
    assert article is not None
    for text in (outcome.title, row.title, article.body):
        assert "root:" not in text and "/bin/" not in text


def decoded_as_utf16(outcome: FeedOutcome, store: Store) -> None:
    assert outcome.title == "Café “quoted” ✓"
    assert [r.title for r in store.article_rows(feed_urls=[outcome.url])] == ["Ça va"]


def all_stored(count: int) -> Callable[[FeedOutcome, Store], None]:
    def check(outcome: FeedOutcome, store: Store) -> None:
        assert outcome.new == count
        assert store.count_articles(feed_urls=[outcome.url]) == count

    return check


ATTACKS = [
    Attack("endless body", route("/endless", endless()), "larger than 20 MB"),
    Attack(
        "one byte every 3 s",
        route("/trickle", trickle(rss("slow", items(2)), interval=3.0)),
        "timed out after 2 s",
    ),
    Attack("redirect loop", redirect_loop, "redirect loop"),
    Attack(
        "HTML page without a feed link",
        route("/page", respond(b"<!doctype html><title>Hi</title><p>hi", content_type="text/html")),
        "not a feed",
    ),
    Attack("200 with an empty body", route("/empty", respond(b"")), "not an RSS or Atom feed"),
    Attack(
        "gzip that inflates to 4 GB",
        route("/bomb", respond(gigabyte_gzip(), headers={"Content-Encoding": "gzip"})),
        "larger than 20 MB",
    ),
    Attack(
        "UTF-16 body labelled latin-1",
        route("/utf16", respond(utf16_labelled_latin1(), content_type="text/xml; charset=latin-1")),
        None,
        decoded_as_utf16,
    ),
    Attack(
        "no content type at all",
        route("/bare", respond(rss("bare", items(3)), content_type="")),
        None,
        all_stored(3),
    ),
    Attack(
        "feed labelled as a PNG image",
        route("/png", respond(rss("png", items(3)), content_type="image/png; charset=utf-16")),
        None,
        all_stored(3),
    ),
    Attack(
        "connection reset mid-body",
        route("/reset", reset_after(rss("cut", items(50))[:500], declared=100_000)),
        "connection",
    ),
    Attack(
        "billion laughs",
        route("/laughs", respond(billion_laughs())),
        None,
        laughs_stay_unexpanded,
        memory=4 << 20,  # expanding even to expat's own limit would take 50 MB
        seconds=1.0,  # and a second and a half
    ),
    Attack(
        "external entity naming /etc/passwd",
        route("/xxe", respond(external_entity())),
        None,
        nothing_read_from_disk,
    ),
    Attack(
        "50,000-deep nested HTML in content",
        route("/deep-html", respond(rss("deep", items(1, extra=DEEP_HTML)))),
        None,
        all_stored(1),
    ),
    Attack(
        "50,000-deep nested XML elements",
        route("/deep-xml", respond(rss("deep", items(1, extra=DEEP_XML)))),
        None,
        all_stored(1),
        memory=None,  # tracing makes feedparser's 100,000 element events take 5 s
    ),
    Attack(
        "two million empty elements",
        route("/flood", respond(rss("flood", items(1, extra="<a/>" * 2_000_000)))),
        "more than 1,000,000 tags",
    ),
    Attack(
        "a 100 KB title",
        route("/title", respond(rss("T" * 100_000, items(2, prefix="x" * 100_000)))),
        None,
        titles_are_capped,
        memory=8 << 20,
    ),
    Attack(
        "10,000 entries",
        route("/many", respond(rss("many", items(10_000)))),
        None,
        all_stored(10_000),
        memory=None,
        seconds=DEADLINE + SLACK + 8,
    ),
]  # fmt: skip


def good_feeds(server: LoopbackServer) -> list[str]:
    """Two ordinary feeds, one per host name, so the per-host limit cannot hide a stall."""
    urls = [
        server.route(f"/good{n}.xml", respond(rss(f"good {n}", items(3, f"g{n}")))) for n in (0, 1)
    ]
    return [urls[0], urls[1].replace("127.0.0.1", "localhost")]


def config(urls: list[str]) -> Config:
    feeds = "".join(f'[[feed]]\nurl = "{u}"\n' for u in urls)
    return parse_config(f"[settings]\ntimeout_seconds = {DEADLINE}\n{feeds}")


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "cache.db") as s:
        yield s


async def measured_refresh(cfg: Config, store: Store, trace: bool) -> tuple[object, float, int]:
    if trace:
        tracemalloc.start()
    started = time.monotonic()
    try:
        summary = await refresh(cfg, store)
        return summary, time.monotonic() - started, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("attack", ATTACKS, ids=[a.name for a in ATTACKS])
async def test_hostile_feed_ends_cleanly_and_the_others_succeed(
    attack: Attack, http_server: LoopbackServer, store: Store
) -> None:
    hostile = attack.handler(http_server)
    good = good_feeds(http_server)
    trace = attack.memory is not None
    summary, _, peak = await measured_refresh(config([hostile, *good]), store, trace)
    outcomes = {o.url: o for o in summary.outcomes}  # type: ignore[attr-defined]
    outcome = outcomes[hostile]
    if attack.error is None:
        assert outcome.ok, outcome.error
    else:
        assert not outcome.ok
        assert outcome.error and attack.error in outcome.error, outcome.error
        assert len(outcome.error) < 300 and "\n" not in outcome.error
        (feed,) = [f for f in store.feeds() if f.url == hostile]
        assert feed.error == outcome.error  # stored on the feed for the feed list
    attack.check(outcome, store)
    for url in good:
        assert outcomes[url].ok and outcomes[url].new == 3, outcomes[url]
    # a server that held the refresh past every deadline would meet the per-test timeout;
    # how long each attack takes is a benchmark (test_attacks_end_within_their_deadlines)
    if attack.memory is not None:
        assert peak < attack.memory, f"{attack.name}: {peak / (1 << 20):.1f} MB at peak"
    assert http_server.errors == []


async def test_all_attacks_at_once_leave_the_good_feeds_alone(
    http_server: LoopbackServer, store: Store
) -> None:
    attacks = [a for a in ATTACKS if a.seconds <= DEADLINE + SLACK]
    hostile = [a.handler(http_server) for a in attacks]
    good = good_feeds(http_server)
    summary = await refresh(config([*hostile, *good]), store)
    outcomes = {o.url: o for o in summary.outcomes}
    assert [outcomes[u].ok for u in good] == [True, True]
    failed = {a.name for a, url in zip(attacks, hostile, strict=True) if not outcomes[url].ok}
    assert failed == {a.name for a in attacks if a.error}


@pytest.mark.benchmark
@pytest.mark.parametrize("attack", ATTACKS, ids=[a.name for a in ATTACKS])
async def test_attacks_end_within_their_deadlines(
    attack: Attack, http_server: LoopbackServer, store: Store
) -> None:
    hostile = attack.handler(http_server)
    _, seconds, _ = await measured_refresh(config([hostile]), store, attack.memory is not None)
    assert seconds < attack.seconds, f"{attack.name}: {seconds:.1f} s"


@pytest.mark.benchmark
async def test_all_attacks_at_once_end_within_three_deadlines(
    http_server: LoopbackServer, store: Store
) -> None:
    attacks = [a for a in ATTACKS if a.seconds <= DEADLINE + SLACK]
    hostile = [a.handler(http_server) for a in attacks]
    started = time.monotonic()
    await refresh(config([*hostile, *good_feeds(http_server)]), store)
    # At most 4 requests per host, so the slow ones queue: still nowhere near one deadline each.
    assert time.monotonic() - started < 3 * DEADLINE + SLACK


async def test_a_feed_with_too_many_entries_is_cut_and_says_so(
    http_server: LoopbackServer, store: Store
) -> None:
    url = http_server.route("/long", respond(rss("long", items(120))))
    limits = ParseLimits(entries=50)
    (outcome,) = (await refresh(config([url]), store, parse_limits=limits)).outcomes
    assert outcome.ok and outcome.new == 50
    assert outcome.warning and "kept the first 50 entries" in outcome.warning
    # The first entries are the newest in every real feed: those are the ones kept.
    titles = {r.title for r in store.article_rows(feed_urls=[url])}
    assert titles == {f"i {n}" for n in range(50)}
