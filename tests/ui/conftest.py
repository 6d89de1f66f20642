"""Fixtures for the app's tests: a filled cache in tmp_path, UTC dates, a recording browser."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import AbstractAsyncContextManager
from pathlib import Path

import pytest
import ui_sample as sample
from textual.pilot import Pilot
from ui_helpers import Hook, Setup, Size, StartApp, started

from newsterm.ui.screens.main import MainScreen


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Dates show in local time: make local time UTC so screens read the same everywhere."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[Setup]:
    config, path, store = sample.make(tmp_path)
    yield Setup(config, path, store, tmp_path / "cache.db")
    store.close()


@pytest.fixture
def start_app(setup: Setup) -> StartApp:
    """``async with start_app() as (pilot, screen):`` runs the sample app, settled, at 120x40.

    Write to the cache or feeds.toml before the ``async with`` to start on that.
    """

    def start(
        *, size: Size = (120, 40), message_hook: Hook | None = None, **app: object
    ) -> AbstractAsyncContextManager[tuple[Pilot[None], MainScreen]]:
        return started(setup.app(**app), size=size, message_hook=message_hook)

    return start
