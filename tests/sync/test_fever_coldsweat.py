"""The sync scenario against coldsweat, a real Fever server started on 127.0.0.1 (in CI)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sample_feeds import serve_feeds, write_opml
from servers import Coldsweat
from sync_scenario import run_scenario

from httpserver import LoopbackServer

PER_FEED = 110  # 5 feeds: 550 items


@pytest.fixture
def coldsweat(tmp_path: Path) -> Iterator[Coldsweat]:
    """coldsweat set up with one user subscribed to the sample feeds, fetched from loopback."""
    server = Coldsweat(tmp_path)
    with LoopbackServer(lifetime=120) as feeds:
        opml = write_opml(tmp_path / "feeds.opml", serve_feeds(feeds, PER_FEED))
        server.start(opml)
        assert feeds.requests, "coldsweat fetched the feeds from the loopback server"
    try:
        yield server
    finally:
        server.stop()


def test_fever_sync_with_coldsweat(
    coldsweat: Coldsweat, tmp_path: Path, env: dict[str, str]
) -> None:
    run_scenario(coldsweat, tmp_path, env, items=5 * PER_FEED)
