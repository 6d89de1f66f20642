"""feeds.toml edited while the app runs: good edits apply, broken ones are shown and ignored."""

from __future__ import annotations

import asyncio
import contextlib
import json
import shutil
import sys
import threading
from pathlib import Path

import pytest
import ui_sample as sample
from textual.widgets import Static
from ui_helpers import Setup, StartApp, notes_into, settle

from newsterm.ui.messages import ConfigReloaded
from newsterm.ui.screens.main import MainScreen
from newsterm.ui.timing import Timing

DATA = Path(__file__).resolve().parents[1] / "data" / "feeds"


def _local_feed(tmp_path: Path) -> str:
    target = tmp_path / "gazette.xml"
    shutil.copy(DATA / "rss_basic.xml", target)
    return target.as_uri()


def _labels(screen: MainScreen) -> list[str]:
    return [e.view.label for e in screen.feed_list.entries]


async def test_a_good_edit_adds_and_removes_feeds(
    setup: Setup, start_app: StartApp, tmp_path: Path
) -> None:
    local = _local_feed(tmp_path)
    kept = tuple(f for f in sample.FEEDS if f.url != sample.TECH)
    async with start_app() as (pilot, screen):
        assert "Tech Daily" in _labels(screen)
        text = sample.feeds_toml(kept) + f'\n[[feed]]\nurl = "{local}"\n'
        setup.feeds_path.write_text(text, encoding="utf-8")
        screen.watcher.check()
        await settle(pilot)
        labels = _labels(screen)
        assert "Tech Daily" not in labels and "tech" not in labels
        assert "Harbour Gazette" in labels  # fetched at once, so its own title is known
        gazette = next(e for e in screen.feed_list.entries if e.view.label == "Harbour Gazette")
        assert gazette.unread > 0
        assert screen.config.subscription(local) is not None
        all_count = sum(f.count for f in kept) + gazette.unread
        assert screen.article_list.count == all_count


async def test_a_broken_edit_is_shown_and_the_last_good_config_stays(
    setup: Setup, start_app: StartApp
) -> None:
    good = setup.feeds_path.read_text(encoding="utf-8")
    async with start_app() as (pilot, screen):
        before = screen.config
        setup.feeds_path.write_text(good + "\n[[feed]]\nurl = 5\n", encoding="utf-8")
        screen.watcher.check()
        await settle(pilot)
        banner = screen.query_one("#config-error", Static)
        assert banner.display
        text = str(banner.render())
        line = len(good.splitlines()) + 3  # the url line of the appended feed
        assert f"{setup.feeds_path}:{line}" in text
        assert "url must be a non-empty string" in text
        assert screen.config is before
        assert pilot.app.is_running and pilot.app.return_code is None
        # Fixing the file clears the error.
        setup.feeds_path.write_text(good, encoding="utf-8")
        screen.watcher.check()
        await settle(pilot)
        assert not banner.display
        assert screen.config == before


async def test_an_edit_is_noticed_without_asking(setup: Setup, start_app: StartApp) -> None:
    reloaded = threading.Event()

    def hook(message: object) -> None:
        if isinstance(message, ConfigReloaded):
            reloaded.set()

    kept = tuple(f for f in sample.FEEDS if f.url != sample.HOSTILE)
    async with start_app(message_hook=hook, timing=Timing(watch_every=0.05)) as (pilot, screen):
        setup.feeds_path.write_text(sample.feeds_toml(kept), encoding="utf-8")
        assert await asyncio.to_thread(reloaded.wait, 5)
        await settle(pilot)
        assert "Hostile [b]Feed[/b]" not in _labels(screen)


async def test_e_opens_the_editor_and_reloads_on_return(
    setup: Setup, start_app: StartApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    local = _local_feed(tmp_path)
    addition = f'\n[[feed]]\nurl = "{local}"\n'
    record = tmp_path / "editor-argv.json"
    editor = tmp_path / "editor.py"
    editor.write_text(
        "import json, sys\n"
        f"open({str(record)!r}, 'w').write(json.dumps(sys.argv[1:]))\n"
        f"open(sys.argv[-1], 'a').write({addition!r})\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("VISUAL", f"{sys.executable} {editor}")
    async with start_app() as (pilot, screen):
        # The headless test driver cannot hand the terminal over; everything else is real.
        monkeypatch.setattr(pilot.app, "suspend", contextlib.nullcontext)
        await pilot.press("e")
        await settle(pilot)
        assert "Harbour Gazette" in _labels(screen)
    assert json.loads(record.read_text(encoding="utf-8")) == [str(setup.feeds_path)]


async def test_an_editor_that_cannot_start_is_reported(
    start_app: StartApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VISUAL", "/nonexistent/editor --wait")
    messages: list[str] = []
    async with start_app(message_hook=notes_into(messages)) as (pilot, _):
        monkeypatch.setattr(pilot.app, "suspend", contextlib.nullcontext)
        await pilot.press("e")
        await settle(pilot)
        assert any("Couldn't start the editor '/nonexistent/editor'" in m for m in messages)
        assert pilot.app.is_running
