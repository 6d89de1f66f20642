"""A sync server that is down, slow, refuses us, fails or talks nonsense: one clear line,
nothing lost, and the next sync carries on. Against a Fever server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fake_fever import PASSWORD, USER, FakeFever
from httpserver import LoopbackServer, closed_port_url
from newsterm.config_sync import SyncSettings
from newsterm.store import Store
from newsterm.sync.run import SyncSummary, run_sync
from newsterm.sync.secret import Secret


@pytest.fixture
def fever(http_server: LoopbackServer) -> FakeFever:
    return FakeFever(http_server)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "cache.db") as opened:
        yield opened


def settings(url: str) -> SyncSettings:
    return SyncSettings("fever", url, USER)


async def sync(url: str, store: Store, timeout: float = 5.0) -> SyncSummary:
    return await run_sync(settings(url), store, Secret(PASSWORD), timeout=timeout)


def article_count(store: Store) -> int:
    return store.count_articles()


def remote_ids(store: Store) -> dict[str, int]:
    """Server item id -> local article id."""
    found = store._conn.execute("SELECT id, remote_id FROM articles WHERE remote_id IS NOT NULL")
    return {row["remote_id"].split(":", 1)[1]: row["id"] for row in found}


async def test_a_first_sync_brings_feeds_groups_and_items(fever: FakeFever, store: Store) -> None:
    fever.unread.discard(7)
    fever.saved.add(9)
    summary = await sync(fever.url, store)
    assert summary.ok and summary.new == 120, summary.describe()
    feeds = {f.title: f for f in store.feeds() if f.synced}
    assert feeds["Feed 1"].tags == ("Even",) and feeds["Feed 2"].tags == ("Odd",)
    assert feeds["Feed 1"].total + feeds["Feed 2"].total == 120
    ids = remote_ids(store)
    article = store.article(ids["7"])
    assert article is not None and article.read and article.title == "Item 7"
    starred = store.article(ids["9"])
    assert starred is not None and starred.starred and not starred.read
    again = await sync(fever.url, store)
    assert again.ok and (again.new, again.pulled, again.pushed) == (0, 0, 0)


@pytest.mark.parametrize(
    ("fault", "says"),
    [
        ("401", "refused the user name or password (HTTP 401)"),
        ("500", "HTTP 500 Internal Server Error"),
        ("garbage", "the answer was not JSON"),
        ("huge", "larger than 1 MB"),
        ("slow", "no answer within 0.5 s"),
        ("reset", "connection"),  # reset, or closed before the answer was complete
    ],
)
async def test_a_failing_server_loses_nothing(
    fever: FakeFever, store: Store, fault: str, says: str
) -> None:
    assert (await sync(fever.url, store)).ok
    ids = remote_ids(store)
    store.set_read([ids["3"]], True)
    store.set_starred(ids["4"], True)
    before = article_count(store)
    fever.fault = fault
    fever.items[200] = {**fever.items[1], "id": 200, "title": "Late"}
    summary = await _sync_small(fever.url, store)
    assert not summary.ok
    assert says in (summary.error or ""), summary.error
    line = summary.describe()
    assert "\n" not in line and line.startswith(f"sync with 127.0.0.1:{_port(fever.url)}")
    assert PASSWORD not in line and fever.key not in line
    assert summary.pending == 2 and "2 still waiting" in line
    assert article_count(store) == before
    local = store.article(ids["3"])
    assert local is not None and local.read  # the local change still shows
    fever.fault = None
    healed = await sync(fever.url, store)
    assert healed.ok and healed.pushed == 2 and healed.pending == 0, healed.describe()
    assert 3 not in fever.unread and 4 in fever.saved
    assert healed.new == 1  # the item added meanwhile


async def _sync_small(url: str, store: Store) -> SyncSummary:
    """A sync with a short deadline and a 1 MB answer cap."""
    return await run_sync(settings(url), store, Secret(PASSWORD), timeout=0.5, max_bytes=1 << 20)


def _port(url: str) -> int:
    from urllib.parse import urlsplit

    return urlsplit(url).port or 0


async def test_a_sync_cut_off_mid_pull_resumes_where_it_stopped(
    fever: FakeFever, store: Store
) -> None:
    fever.fault, fever.fault_after_pages = "drop", 1
    summary = await sync(fever.url, store)
    assert not summary.ok and summary.new == 50  # the first page was kept
    assert store.sync.meta(next(k for k in _meta_keys(store) if k.endswith(":cursor"))) == "50"
    fever.fault = None
    fever.pages = 0
    resumed = await sync(fever.url, store)
    assert resumed.ok and resumed.new == 70 and fever.pages == 3  # 51-100, 101-120, none


def _meta_keys(store: Store) -> list[str]:
    return [row[0] for row in store._conn.execute("SELECT key FROM sync_meta")]


async def test_a_server_that_is_down_says_so_in_one_line(store: Store) -> None:
    summary = await sync(closed_port_url("/fever"), store)
    assert summary.error is not None and summary.error.endswith("connection refused")
    assert store.sync.meta("last_error") == summary.error


async def test_wrong_password_is_an_auth_failure_not_a_crash(
    fever: FakeFever, store: Store
) -> None:
    summary = await run_sync(settings(fever.url), store, Secret("wrong"), timeout=5)
    assert summary.error is not None and "refused the user name or password" in summary.error
    assert "wrong" not in summary.describe()


async def test_a_change_made_during_a_push_is_not_lost(fever: FakeFever, store: Store) -> None:
    assert (await sync(fever.url, store)).ok
    ids = remote_ids(store)
    store.set_read([ids["5"]], True)
    (change,) = store.sync.pending(next(iter(_accounts(store))))
    store.set_read([ids["5"]], False)  # changed back before the first push was done
    store.sync.pushed([change.seq])  # the first push's answer arrives
    (left,) = store.sync.pending(next(iter(_accounts(store))))
    assert left.value is False and left.seq > change.seq


def _accounts(store: Store) -> set[str]:
    found = store._conn.execute("SELECT remote_id FROM sync_queue")
    return {row[0].split(":", 1)[0] for row in found}


async def test_the_server_wins_unless_a_change_waits_here(fever: FakeFever, store: Store) -> None:
    assert (await sync(fever.url, store)).ok
    ids = remote_ids(store)
    fever.unread -= {10, 11}
    fever.fault = "500"
    store.set_read([ids["11"]], False)  # no change: it is unread here already
    store.set_starred(ids["11"], True)
    await sync(fever.url, store)  # fails: the star waits
    fever.fault = None
    fever.fault_after_pages = 0
    summary = await sync(fever.url, store)
    assert summary.ok and summary.pushed == 1
    ten, eleven = store.article(ids["10"]), store.article(ids["11"])
    assert ten is not None and ten.read and eleven is not None and eleven.read
    assert eleven.starred and 11 in fever.saved


async def test_a_push_cut_off_after_login_is_one_line_and_keeps_the_queue(
    fever: FakeFever, store: Store
) -> None:
    assert (await sync(fever.url, store)).ok
    ids = remote_ids(store)
    store.set_read([ids["5"], ids["6"]], True)
    fever.fault = "mark_drop"
    summary = await _sync_small(fever.url, store)  # must return, never raise
    assert not summary.ok and summary.pending == 2
    assert "\n" not in summary.describe()
    fever.fault = None
    healed = await sync(fever.url, store)
    assert healed.ok and healed.pushed == 2 and {5, 6}.isdisjoint(fever.unread)


def test_a_google_reader_item_with_nonsense_categories_is_read_without_them() -> None:
    from newsterm.sync.greader import _items

    raw = {"id": "tag:google.com,2005:reader/item/1f", "origin": {"streamId": "feed/1"}}
    (item,) = _items([{**raw, "categories": 7}])
    assert not item.read and not item.starred
