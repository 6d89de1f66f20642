"""Fixtures shared by newsterm's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from httpserver import LoopbackServer


@pytest.fixture
def http_server() -> Iterator[LoopbackServer]:
    """A started HTTP server on 127.0.0.1, stopped when the test ends."""
    with LoopbackServer() as server:
        yield server
