"""n and p typed ahead: every press moves one unread row, from where the one before landed.

A search is held in flight by holding the cache's lock, which its worker waits for: the
keys then arrive before any answer, as they do when typed faster than the cache replies.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import ui_sample as sample
from textual.pilot import Pilot
from ui_helpers import QUIET, Hook, main_screen, notes_into, settle, started, wait_until

from newsterm.config import parse_config
from newsterm.errors import StoreError
from newsterm.models import FetchResult, ParsedEntry, ParsedFeed
from newsterm.store import Store
from newsterm.ui.app import NewstermApp
from newsterm.ui.messages import UnreadFound
from newsterm.ui.screens.main import MainScreen

BULK = "https://bulk.example/feed"
COUNT = 250  # three pages of the list
UNREAD = [3, 40, 41, 99, 100, 180, 230]  # rows left unread, newest first


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "cache.db") as store:
        sample.many(store, BULK, COUNT)
        ids = [r.id for r in store.article_rows(limit=COUNT)]
        store.set_read([i for n, i in enumerate(ids) if n not in UNREAD], True)
        yield store


@contextlib.asynccontextmanager
async def running(
    tmp_path: Path, store: Store, found: list[int], also: Hook | None = None
) -> AsyncIterator[tuple[Pilot[None], MainScreen]]:
    path = tmp_path / "feeds.toml"
    path.write_text(f'[settings]\nrefresh_on_start = false\n\n[[feed]]\nurl = "{BULK}"\n')
    config = parse_config(path.read_text(), path)
    store.sync_feeds(config.feeds)
    app = NewstermApp(config, path, store, open_url=print, timing=QUIET)  # type: ignore[arg-type]

    seen: list[UnreadFound] = []

    def hook(message: object) -> None:
        # Once per message: the hook sees it again at each parent it bubbles to.
        if isinstance(message, UnreadFound) and not any(m is message for m in seen):
            seen.append(message)
            found.append(message.row.id)
        if also is not None:
            also(message)  # type: ignore[arg-type]

    async with started(app, message_hook=hook) as (pilot, screen):
        screen.panes.focus_pane("articles")
        await settle(pilot)
        yield pilot, screen


def _ids(store: Store) -> list[int]:
    return [r.id for r in store.article_rows(limit=COUNT)]


async def _typed_ahead(pilot: Pilot[None], store: Store, *keys: str) -> None:
    """Press ``keys`` while the first search waits for the cache, then let it all land."""
    with store._lock:
        for key in keys:
            await pilot.press(key)
    await _landed_all(pilot)


async def _landed_all(pilot: Pilot[None]) -> None:
    articles = main_screen(pilot).article_list
    await wait_until(pilot, lambda: not articles.finding_unread)
    await settle(pilot)


async def _found(pilot: Pilot[None], found: list[int], count: int) -> list[int]:
    """The rows found, once ``count`` have been (the hook sees each as it is handled)."""
    await wait_until(pilot, lambda: len(found) >= count, timeout=5)
    await settle(pilot)
    return found


def _landed(screen: MainScreen) -> int:
    row = screen.article_list.highlighted_row
    assert row is not None
    return row.id


async def test_n_typed_ahead_moves_one_unread_row_per_press(tmp_path: Path, store: Store) -> None:
    ids, found = _ids(store), []
    async with running(tmp_path, store, found) as (pilot, screen):
        assert screen.article_list.cursor == 0  # a read row
        await _typed_ahead(pilot, store, "n", "n", "n", "n")
        assert screen.article_list.cursor == 99  # the fourth unread row, on the list's first page
        assert await _found(pilot, found, 4) == [ids[3], ids[40], ids[41], ids[99]]
        assert _landed(screen) == ids[99]
        assert screen.reader.page is not None and screen.reader.page.article.id == ids[99]
        screen.panes.focus_pane("articles")
        await _typed_ahead(pilot, store, "n", "n")  # across pages never read yet
        assert screen.article_list.cursor == 180 and _landed(screen) == ids[180]


async def test_p_typed_ahead_moves_up_one_unread_row_per_press(
    tmp_path: Path, store: Store
) -> None:
    ids, found = _ids(store), []
    async with running(tmp_path, store, found) as (pilot, screen):
        await pilot.press("G")
        await settle(pilot)
        await _typed_ahead(pilot, store, "p", "p", "p")
        assert await _found(pilot, found, 3) == [ids[230], ids[180], ids[100]]
        assert screen.article_list.cursor == 100 and _landed(screen) == ids[100]


async def test_presses_after_one_that_finds_nothing_go_on_from_the_cursor(
    tmp_path: Path, store: Store
) -> None:
    ids, found, notes = _ids(store), [], []
    async with running(tmp_path, store, found, notes_into(notes)) as (pilot, screen):
        await _typed_ahead(pilot, store, "p", "n", "n")  # nothing unread above row 0
        assert await _found(pilot, found, 2) == [ids[3], ids[40]]
        assert screen.article_list.cursor == 40
        assert "No unread articles above" in notes


async def test_presses_past_the_last_unread_stop_there(tmp_path: Path, store: Store) -> None:
    ids, found = _ids(store), []
    async with running(tmp_path, store, found) as (pilot, screen):
        await pilot.press("G")
        await settle(pilot)
        await _typed_ahead(pilot, store, "p", "n", "n", "n")
        assert await _found(pilot, found, 1) == [ids[230]]  # p; the n presses find nothing below it
        assert screen.article_list.cursor == 230
        screen.panes.focus_pane("articles")
        await _typed_ahead(pilot, store, "p")  # not held back by the presses before
        assert screen.article_list.cursor == 180


async def test_a_press_whose_list_is_reloaded_is_asked_again(tmp_path: Path, store: Store) -> None:
    ids, found = _ids(store), []
    async with running(tmp_path, store, found) as (pilot, screen):
        with store._lock:
            await pilot.press("n")
            screen.article_list.reload()  # a refresh ended: the list is read again
            await pilot.press("n")
        await _landed_all(pilot)
        assert await _found(pilot, found, 2) == [ids[3], ids[40]]
        assert screen.article_list.cursor == 40 and _landed(screen) == ids[40]


async def test_rows_written_under_a_search_never_put_the_cursor_on_another(
    tmp_path: Path, store: Store
) -> None:
    ids, found = _ids(store), []
    async with running(tmp_path, store, found) as (pilot, screen):
        with store._lock:
            await pilot.press("n")
            # A refresh writes two read articles between the cursor and the next unread
            # one; the list has not been read again, so its rows no longer match the cache's.
            when = store.article_rows(offset=2, limit=1)[0].published - timedelta(seconds=1)
            entries = tuple(
                ParsedEntry(f"{BULK}#new{i}", f"New {i}", "", "", when, None, "", "")
                for i in range(2)
            )
            result = FetchResult(url=BULK, final_url=BULK, status=200, body=b"<rss/>")
            store.save_feed(BULK, result, ParsedFeed("Bulk", BULK, entries), now=sample.T0)
            new = [r.id for r in store.article_rows(limit=COUNT + 2) if r.title.startswith("New")]
            store.set_read(new, True)
        await _landed_all(pilot)
        assert await _found(pilot, found, 1) == [ids[3]]
        # The cache has it at row 5 now; the list, not read again yet, shows it at row 3.
        assert _landed(screen) == ids[3] and screen.article_list.cursor == 3


async def test_n_works_again_after_a_search_that_failed(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids, found = _ids(store), []
    real = Store.unread_beside
    calls: list[int] = []

    def fails_once(self: Store, *args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 1:
            raise StoreError("disk I/O error")
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "unread_beside", fails_once)
    async with running(tmp_path, store, found) as (pilot, screen):
        await pilot.press("n")
        await _landed_all(pilot)
        assert found == []  # the first search failed (and was reported)
        screen.panes.focus_pane("articles")
        await pilot.press("n")
        await _landed_all(pilot)
        assert await _found(pilot, found, 1) == [ids[3]]
