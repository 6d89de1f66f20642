"""Fixtures for the app's tests: a filled cache in tmp_path, UTC dates, a recording browser."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import ui_sample as sample
from ui_helpers import Setup


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
