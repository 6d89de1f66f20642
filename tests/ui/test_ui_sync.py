"""Syncing in the app: R syncs, the feeds pane shows the server's feeds beside local ones, a
mark is pushed in the background, and the status line says how syncing stands."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from ui_helpers import settle, started, wait_until

from fake_fever import PASSWORD, USER, FakeFever
from httpserver import LoopbackServer
from newsterm.config import load_config
from newsterm.store import Store
from newsterm.sync.password import PASSWORD_ENV
from newsterm.ui.app import NewstermApp
from newsterm.ui.timing import Timing

LOCAL_FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Home Notes</title>'
    "<item><title>Local one</title><guid>l1</guid><pubDate>01 Jan 2001 10:00:00 GMT</pubDate>"
    "</item></channel></rss>"
)


@pytest.fixture
def fever(http_server: LoopbackServer) -> FakeFever:
    return FakeFever(http_server, items=30)


@pytest.fixture
def app(tmp_path: Path, fever: FakeFever, monkeypatch: pytest.MonkeyPatch) -> Iterator[NewstermApp]:
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    (tmp_path / "home.xml").write_text(LOCAL_FEED)
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(
        f'[[feed]]\nurl = "home.xml"\n\n[sync]\nservice = "fever"\nurl = "{fever.url}"\n'
        f'user = "{USER}"\n'
    )
    store = Store.open(tmp_path / "cache.db")
    timing = Timing(watch_every=0, push_delay=0.05)
    yield NewstermApp(load_config(feeds), feeds, store, timing=timing, open_url=lambda u: None)  # type: ignore[arg-type,return-value]
    store.close()


async def test_the_app_syncs_and_pushes_marks(app: NewstermApp, fever: FakeFever) -> None:
    async with started(app) as (pilot, screen):
        await wait_until(pilot, lambda: "synced" in screen.status.text)
        await settle(pilot)
        labels = [(e.view.label, e.depth, e.local) for e in screen.feed_list.entries]
        assert ("Even", 0, False) in labels and ("Feed 1", 1, False) in labels
        assert ("Home Notes", 0, True) in labels  # a feeds.toml feed, marked local
        assert "0 changes waiting" in screen.status.text
        assert screen.article_list.count == 31
        await pilot.press("g")  # the cursor stayed on the row it was on before the sync
        await settle(pilot)
        top = screen.article_list.highlighted_row
        assert top is not None and top.title == "Item 30"

        await pilot.press("N")  # read, here and then on the server
        await wait_until(pilot, lambda: 30 not in fever.unread)

        fever.fault = "500"
        await pilot.press("j", "N")
        await wait_until(pilot, lambda: "1 change waiting" in screen.status.text)
        assert 29 in fever.unread

        fever.fault = None
        await pilot.press("R")
        await wait_until(pilot, lambda: 29 not in fever.unread)
        await wait_until(pilot, lambda: "0 changes waiting" in screen.status.text)


async def test_the_password_command_runs_once_per_session(tmp_path: Path, fever: FakeFever) -> None:
    """`pass` and the like may prompt on the terminal: not on every push."""
    calls = tmp_path / "calls"
    script = "import sys; open(sys.argv[1], 'a').write('x'); print(sys.argv[2])"
    command = [sys.executable, "-c", script, str(calls), PASSWORD]
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(
        f'[sync]\nservice = "fever"\nurl = "{fever.url}"\nuser = "{USER}"\n'
        f"password_command = {json.dumps(command)}\n"
    )
    store = Store.open(tmp_path / "cache.db")
    timing = Timing(watch_every=0, push_delay=0.05)
    app = NewstermApp(load_config(feeds), feeds, store, timing=timing, open_url=lambda u: None)  # type: ignore[arg-type]
    try:
        async with started(app) as (pilot, screen):
            await wait_until(pilot, lambda: "synced" in screen.status.text)
            await settle(pilot)
            await pilot.press("N")
            await wait_until(pilot, lambda: 30 not in fever.unread)
            await pilot.press("j", "N")
            await wait_until(pilot, lambda: 29 not in fever.unread)
    finally:
        store.close()
    assert calls.read_text() == "x"
