"""Refreshing only what is due: the server's and the feed's hints, Retry-After and backoff.

A real loopback server sends the headers; a real SQLite file keeps each feed's schedule.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from unittest import mock

import pytest

from httpserver import LoopbackServer, Reply, Request, conditional, respond
from newsterm.config import Config, Settings, Subscription
from newsterm.feeds.schedule import HOUR, MINUTE, Schedule
from newsterm.refresh import refresh
from newsterm.store import Store

SCHEDULE = Schedule(max_fresh=6 * HOUR, max_retry_after=2 * HOUR, backoff_base=MINUTE,
                    backoff_max=HOUR)  # fmt: skip


def rss(n: int, extra: str = "") -> bytes:
    items = "".join(f"<item><title>Story {i}</title><guid>f{n}-{i}</guid></item>" for i in range(3))
    return f'<rss version="2.0"><channel><title>F{n}</title>{extra}{items}</channel></rss>'.encode()


def config(*urls: str) -> Config:
    return Config(Settings(), tuple(Subscription(u) for u in urls))


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "cache.db"


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    with Store.open(db) as s:
        yield s


def schedule_of(db: Path, url: str) -> tuple[float | None, int]:
    """Seconds from now until ``url`` is due (None: due now), and its failures in a row."""
    with sqlite3.connect(db) as conn:
        due, failures = conn.execute(
            "SELECT next_due, failures FROM feeds WHERE url = ?", (url,)
        ).fetchone()
    now = datetime.now(UTC).timestamp()
    return (None if due is None else due - now), failures


async def refresh_due(cfg: Config, store: Store, **kwargs: object):  # type: ignore[no-untyped-def]
    return await refresh(cfg, store, due_only=True, schedule=SCHEDULE, **kwargs)  # type: ignore[arg-type]


async def test_max_age_makes_the_next_default_refresh_skip_the_feed(
    http_server: LoopbackServer, store: Store, db: Path
) -> None:
    fresh = http_server.route(
        "/fresh.xml", respond(rss(1), headers={"Cache-Control": "max-age=600"})
    )
    plain = http_server.route("/plain.xml", respond(rss(2)))
    first = await refresh_due(config(fresh, plain), store)
    assert (first.ok, first.skipped, first.new) == (2, 0, 6)
    wait, _ = schedule_of(db, fresh)
    assert wait is not None and 590 < wait <= 600
    assert schedule_of(db, plain)[0] == pytest.approx(0, abs=5)  # no hint: due every time

    http_server.reset_counters()
    second = await refresh_due(config(fresh, plain), store)
    assert http_server.requests_to("/fresh.xml") == []
    assert len(http_server.requests_to("/plain.xml")) == 1
    assert (second.feeds, second.skipped) == (1, 1)
    assert "2 feeds: 1 ok (1 not modified), 0 failed, 1 not due (skipped);" in second.describe()

    # Everything, due or not: the R key and `newsterm refresh --all`.
    everything = await refresh(config(fresh, plain), store, schedule=SCHEDULE)
    assert (everything.feeds, everything.skipped) == (2, 0)
    assert len(http_server.requests_to("/fresh.xml")) == 1


@pytest.mark.parametrize(
    ("headers", "extra", "low", "high"),
    [
        ({"Expires": "Wed, 01 Jan 2098 00:00:00 GMT"}, "", 6 * HOUR - 10, 6 * HOUR),  # clamped
        ({"Expires": "Thu, 01 Jan 1970 00:00:00 GMT"}, "", -5, 5),  # in the past: due now
        ({"Cache-Control": "max-age=99999999999"}, "", 6 * HOUR - 10, 6 * HOUR),
        ({}, "<ttl>90</ttl>", 90 * MINUTE - 10, 90 * MINUTE),
        (
            {},
            "<sy:updatePeriod xmlns:sy='http://purl.org/rss/1.0/modules/syndication/'>hourly"
            "</sy:updatePeriod><sy:updateFrequency xmlns:sy='http://purl.org/rss/1.0/modules/"
            "syndication/'>4</sy:updateFrequency>",
            15 * MINUTE - 10,
            15 * MINUTE,
        ),
        ({"Cache-Control": "max-age=60"}, "<ttl>30</ttl>", 30 * MINUTE - 10, 30 * MINUTE),
    ],
)
async def test_every_hint_sets_the_next_due_time_within_its_clamp(
    http_server: LoopbackServer,
    store: Store,
    db: Path,
    headers: dict[str, str],
    extra: str,
    low: float,
    high: float,
) -> None:
    url = http_server.route("/f.xml", respond(rss(1, extra), headers=headers))
    await refresh_due(config(url), store)
    wait, _ = schedule_of(db, url)
    assert low <= (wait or 0) <= high


async def test_a_304_keeps_the_feeds_own_ttl(
    http_server: LoopbackServer, store: Store, db: Path
) -> None:
    body = rss(1, "<ttl>60</ttl>")

    def handle(request: Request, reply: Reply) -> None:
        if request.headers.get("if-none-match") == '"v"':
            reply.send(304, headers={"ETag": '"v"'})
        else:
            reply.send(200, body, {"ETag": '"v"', "Content-Type": "application/rss+xml"})

    url = http_server.route("/f.xml", handle)
    await refresh(config(url), store, schedule=SCHEDULE)
    second = await refresh(config(url), store, schedule=SCHEDULE)  # forced: a 304
    assert second.not_modified == 1
    wait, _ = schedule_of(db, url)
    assert wait is not None and HOUR - 10 < wait <= HOUR


@pytest.mark.parametrize("status", [429, 503])
@pytest.mark.parametrize(
    ("retry_after", "low", "high"),
    [
        ("1200", 1200 - 10, 1200),
        ("99999999", 2 * HOUR - 10, 2 * HOUR),  # clamped
        ("-40", MINUTE - 10, MINUTE),  # garbage: the backoff alone
        ("soon", MINUTE - 10, MINUTE),
        ("Thu, 01 Jan 1970 00:00:00 GMT", MINUTE - 10, MINUTE),  # in the past
    ],
)
async def test_retry_after_on_429_and_503(
    http_server: LoopbackServer,
    store: Store,
    db: Path,
    status: int,
    retry_after: str,
    low: float,
    high: float,
) -> None:
    url = http_server.route("/f.xml", respond(b"busy", status=status,
                                              headers={"Retry-After": retry_after}))  # fmt: skip
    summary = await refresh_due(config(url), store)
    assert summary.outcomes[0].error and str(status) in summary.outcomes[0].error
    wait, failures = schedule_of(db, url)
    assert failures == 1 and low <= (wait or 0) <= high


async def test_retry_after_is_ignored_on_other_statuses(
    http_server: LoopbackServer, store: Store, db: Path
) -> None:
    url = http_server.route("/f.xml", respond(b"x", status=500, headers={"Retry-After": "7200"}))
    await refresh_due(config(url), store)
    wait, _ = schedule_of(db, url)
    assert wait is not None and wait <= MINUTE


async def test_failures_back_off_exponentially_and_a_success_resets_them(
    http_server: LoopbackServer, store: Store, db: Path
) -> None:
    url = http_server.route("/f.xml", respond(b"down", status=500))
    waits = []
    for _ in range(4):
        await refresh(config(url), store, schedule=SCHEDULE)  # forced: it is never due
        wait, failures = schedule_of(db, url)
        waits.append((round((wait or 0) / MINUTE), failures))
    assert waits == [(1, 1), (2, 2), (4, 3), (8, 4)]

    skipped = await refresh_due(config(url), store)
    assert skipped.skipped == 1 and skipped.feeds == 0

    http_server.route("/f.xml", respond(rss(1)))
    ok = await refresh(config(url), store, schedule=SCHEDULE)
    assert ok.ok == 1
    wait, failures = schedule_of(db, url)
    assert failures == 0 and wait is not None and abs(wait) < 5
    assert store.feeds()[0].error is None


async def test_a_due_time_that_passed_makes_the_feed_due_again(
    http_server: LoopbackServer, store: Store, db: Path
) -> None:
    url = http_server.route("/f.xml", respond(rss(1), headers={"Cache-Control": "max-age=600"}))
    await refresh_due(config(url), store)
    later = datetime.now(UTC) + timedelta(minutes=11)
    with mock.patch("newsterm.refresh._now", return_value=later):
        summary = await refresh_due(config(url), store)
    assert (summary.feeds, summary.skipped) == (1, 0)


async def test_an_unchanged_body_without_validators_is_not_parsed_again(
    http_server: LoopbackServer, store: Store
) -> None:
    url = http_server.route("/f.xml", respond(rss(1)))  # no ETag, no Last-Modified
    first = await refresh(config(url), store)
    assert first.new == 3
    with mock.patch("newsterm.feeds.parse.parse_feed", side_effect=AssertionError("parsed")):
        second = await refresh(config(url), store)
    assert second.ok == 1 and second.not_modified == 1 and second.new == 0

    http_server.route("/f.xml", respond(rss(1).replace(b"Story 0", b"Story zero")))
    third = await refresh(config(url), store)
    assert third.ok == 1 and third.not_modified == 0
    assert {r.title for r in store.article_rows()} == {"Story zero", "Story 1", "Story 2"}


async def test_writes_are_batched_yet_each_feed_gets_its_own_result(
    http_server: LoopbackServer, store: Store
) -> None:
    urls = [http_server.route(f"/{n}.xml", respond(rss(n))) for n in range(12)]
    broken = http_server.route("/broken.xml", respond(b"no", status=404))
    with mock.patch.object(store, "save_many", wraps=store.save_many) as save_many:
        summary = await refresh(config(*urls, broken), store)
    assert summary.new == 36 and summary.ok == 12 and len(summary.failed) == 1
    assert save_many.call_count < 13  # fewer transactions than feeds
    assert {f.url: f.unread for f in store.feeds()} == {**{u: 3 for u in urls}, broken: 0}


async def test_all_304_refresh_reuses_its_connections(
    http_server: LoopbackServer, store: Store
) -> None:
    urls = [http_server.route(f"/{n}.xml", conditional(rss(n), etag=f'"e{n}"')) for n in range(6)]
    cfg = Config(Settings(concurrency=1), tuple(Subscription(u) for u in urls))
    await refresh(cfg, store)
    http_server.reset_counters()
    second = await refresh(cfg, store)
    assert second.not_modified == 6
    assert http_server.connections_accepted == 1  # a 304 read to its end keeps it open
