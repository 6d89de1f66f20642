"""The refresh use case end to end: loopback HTTP server, real parser, real SQLite file."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest

from httpserver import LoopbackServer, conditional, redirect, respond, trickle
from newsterm.config import Config, Settings, Subscription
from newsterm.refresh import FeedOutcome, refresh
from newsterm.store import Store

DATA = Path(__file__).parent / "data" / "feeds"


def rss(n: int, items: int = 3) -> bytes:
    body = "".join(
        f"<item><title>Feed {n} story {i}</title><guid>f{n}-{i}</guid>"
        f"<pubDate>0{i + 1} Nov 2026 08:00:00 GMT</pubDate></item>"
        for i in range(items)
    )
    return f'<rss version="2.0"><channel><title>Feed {n}</title>{body}</channel></rss>'.encode()


def config(*urls: str, **settings: object) -> Config:
    return Config(Settings(**settings), tuple(Subscription(u) for u in urls))  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "cache.db") as s:
        yield s


async def test_second_refresh_sends_validators_gets_304_and_parses_nothing(
    http_server: LoopbackServer, store: Store
) -> None:
    urls = [http_server.route(f"/{n}.xml", conditional(rss(n), etag=f'"e{n}"')) for n in range(3)]
    first = await refresh(config(*urls), store)
    assert (first.ok, first.new, first.not_modified) == (3, 9, 0)

    http_server.reset_counters()
    unparsed = AssertionError("parsed")
    with mock.patch("newsterm.feeds.parse.parse_feed", side_effect=unparsed) as parse:
        second = await refresh(config(*urls), store)
    assert parse.call_count == 0
    assert (second.ok, second.new, second.not_modified) == (3, 0, 3)
    for n in range(3):
        (request,) = http_server.requests_to(f"/{n}.xml")
        assert request.headers["if-none-match"] == f'"e{n}"'
        assert request.headers["if-modified-since"] == "Mon, 01 Jan 2024 00:00:00 GMT"
    assert store.count_articles() == 9


async def test_concurrency_is_bounded_overall_and_per_host(
    http_server: LoopbackServer, store: Store
) -> None:
    # Twelve slow feeds on one host: never more than 4 in flight at once.
    slow = [http_server.route(f"/s{n}.xml", respond(rss(n), delay=0.2)) for n in range(12)]
    summary = await refresh(config(*slow, concurrency=16), store)
    assert summary.ok == 12
    assert http_server.max_in_flight == 4

    # The global bound wins when it is lower; "localhost" is another host key.
    http_server.reset_counters()
    other = [u.replace("127.0.0.1", "localhost") for u in slow[:6]]
    await refresh(config(*slow[:6], *other, concurrency=3), store)
    assert http_server.max_in_flight == 3


async def test_a_host_s_feeds_come_in_turn_over_one_connection(
    http_server: LoopbackServer, store: Store
) -> None:
    here = [http_server.route(f"/h{n}.xml", respond(rss(n), delay=0.05)) for n in range(3)]
    there = [u.replace("127.0.0.1", "localhost") for u in here]  # another host key
    summary = await refresh(config(*here, *there, concurrency=2), store)
    assert summary.ok == 6
    assert http_server.connections_accepted == 2


async def test_failures_are_reported_per_feed_and_never_stop_the_others(
    http_server: LoopbackServer, store: Store
) -> None:
    good = http_server.route("/good.xml", respond(rss(1)))
    gone = http_server.route("/gone.xml", respond(b"gone", status=410))
    missing = http_server.route("/missing.xml", respond(b"nope", status=404))
    broken = http_server.route("/broken.xml", respond(b"oops", status=500))
    slow = http_server.route("/slow.xml", trickle(rss(2), interval=0.5))
    page = http_server.route(
        "/page.html", respond(b"<html><p>hi</p></html>", content_type="text/html")
    )
    loop = http_server.route("/loop", redirect("/loop"))
    seen: list[tuple[FeedOutcome, int, int]] = []

    summary = await refresh(
        config(good, gone, missing, broken, slow, page, loop, timeout_seconds=1),
        store,
        on_outcome=lambda o, done, total: seen.append((o, done, total)),
    )
    errors = {o.url: o.error for o in summary.outcomes}
    assert errors[good] is None
    assert errors[gone] == "HTTP 410 Gone"
    assert errors[missing] == "HTTP 404 Not Found"
    assert errors[broken] == "HTTP 500 Internal Server Error"
    assert "timed out" in (errors[slow] or "")
    assert "not a feed" in (errors[page] or "")
    assert "redirect loop" in (errors[loop] or "")
    assert sorted(done for _, done, _ in seen) == list(range(1, 8))
    assert {total for _, _, total in seen} == {7}
    assert summary.describe().startswith("7 feeds: 1 ok (0 not modified), 6 failed; 3 new ")
    feeds = {f.url: f for f in store.feeds()}
    assert feeds[gone].error == "HTTP 410 Gone" and feeds[gone].checked_at is not None
    assert feeds[good].error is None and feeds[good].unread == 3


async def test_permanent_redirect_is_reported_not_applied(
    http_server: LoopbackServer, store: Store
) -> None:
    new = http_server.route("/new.xml", respond(rss(1)))
    old = http_server.route("/old.xml", redirect(new, status=301))
    summary = await refresh(config(old), store)
    (outcome,) = summary.outcomes
    assert outcome.ok and outcome.moved_to == new
    assert store.feeds()[0].url == old
    assert store.feeds()[0].moved_to == new


async def test_html_page_with_feed_link_is_followed_and_said(
    http_server: LoopbackServer, store: Store
) -> None:
    feed = http_server.route("/feed.xml", respond(rss(4)))
    page = b'<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml">'
    home = http_server.route("/", respond(page, content_type="text/html"))
    (outcome,) = (await refresh(config(home), store)).outcomes
    assert outcome.ok and outcome.discovered == feed and outcome.new == 3


async def test_a_found_feed_is_then_fetched_directly_and_conditionally(
    http_server: LoopbackServer, store: Store
) -> None:
    feed = http_server.route("/feed.xml", conditional(rss(5), etag='"f5"'))
    page = b'<html><head><link rel="alternate" type="application/atom+xml" href="feed.xml">'
    home = http_server.route("/", respond(page, content_type="text/html"))
    await refresh(config(home), store)
    http_server.reset_counters()
    (outcome,) = (await refresh(config(home), store)).outcomes
    assert outcome.ok and outcome.not_modified and outcome.discovered is None
    assert http_server.requests_to("/") == []  # the page is not fetched again
    (request,) = http_server.requests_to("/feed.xml")
    assert request.headers["if-none-match"] == '"f5"'
    assert feed == store.found_feed(home)


async def test_bozo_feed_keeps_what_parsed(http_server: LoopbackServer, store: Store) -> None:
    url = http_server.route("/bozo.xml", respond((DATA / "bozo.xml").read_bytes()))
    (outcome,) = (await refresh(config(url), store)).outcomes
    assert outcome.ok and outcome.new >= 1 and outcome.warning


async def test_read_and_starred_survive_changed_content(
    http_server: LoopbackServer, store: Store
) -> None:
    url = http_server.route("/f.xml", respond(rss(1)))
    await refresh(config(url), store)
    rows = store.article_rows()
    store.set_read([rows[0].id])
    store.set_starred(rows[1].id, True)
    http_server.route("/f.xml", respond(rss(1).replace(b"story", b"STORY")))
    summary = await refresh(config(url), store)
    assert summary.new == 0
    after = {r.id: r for r in store.article_rows()}
    assert after[rows[0].id].read and after[rows[1].id].starred
    assert after[rows[0].id].title.startswith("Feed 1 STORY")


async def test_only_the_named_feeds_are_refreshed(
    http_server: LoopbackServer, store: Store
) -> None:
    a = http_server.route("/a.xml", respond(rss(1)))
    b = http_server.route("/b.xml", respond(rss(2)))
    summary = await refresh(config(a, b), store, urls=[b])
    assert [o.url for o in summary.outcomes] == [b]
    assert http_server.requests_to("/a.xml") == []


@pytest.fixture
def pool():
    """A forked parse pool, made before any server thread starts: forking with threads is unsafe."""
    from newsterm.feeds.pool import parse_pool

    made = parse_pool(16)
    if made is None:
        pytest.skip("one CPU or no fork here: refresh parses in threads")
    yield made
    made.shutdown()


# `pool` comes first: fixtures are set up in argument order, so it forks before the server.
async def test_a_process_pool_parses_the_same(
    pool, http_server: LoopbackServer, store: Store
) -> None:
    urls = [http_server.route(f"/{n}.xml", respond(rss(n))) for n in range(16)]
    summary = await refresh(config(*urls), store, parse_pool=pool)
    assert summary.new == 48 and summary.ok == 16
