"""Fixtures shared by newsterm's tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from httpserver import LoopbackServer


@pytest.fixture
def http_server() -> Iterator[LoopbackServer]:
    """A started HTTP server on 127.0.0.1, stopped when the test ends."""
    with LoopbackServer() as server:
        yield server


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """An environment whose XDG folders are inside tmp_path, so no test sees the user's files."""
    home = tmp_path / "home"
    home.mkdir()
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("NEWSTERM_")},
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
    }
