"""The sync scenario against FreshRSS's Google Reader API, from a checkout outside the
repository named by $NEWSTERM_TEST_FRESHRSS and served by ``php -S`` on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sample_feeds import serve_feeds, write_opml
from servers import FRESHRSS_ENV, PASSWORD, FreshRSS
from sync_scenario import run_scenario

from httpserver import LoopbackServer

PER_FEED = 110  # 5 feeds: 550 items

HOW_TO = (
    f"set ${FRESHRSS_ENV} to a FreshRSS checkout (git clone of FreshRSS/FreshRSS, outside "
    "this repository) and install php-cli php-sqlite3 php-curl php-xml php-mbstring "
    "php-intl php-gmp php-zip to run the Google Reader sync tests"
)


@pytest.fixture
def freshrss(tmp_path: Path) -> Iterator[FreshRSS]:
    """FreshRSS installed into tmp_path with one user subscribed to the sample feeds."""
    checkout = os.environ.get(FRESHRSS_ENV)
    if not checkout or shutil.which("php") is None:
        pytest.skip(HOW_TO)
    server = FreshRSS(Path(checkout), tmp_path)
    with LoopbackServer(lifetime=300) as feeds:
        opml = write_opml(tmp_path / "feeds.opml", serve_feeds(feeds, PER_FEED))
        server.install(opml, PASSWORD)
        assert feeds.requests, "FreshRSS fetched the feeds from the loopback server"
    server.start()
    try:
        yield server
    finally:
        server.stop()


def test_greader_sync_with_freshrss(
    freshrss: FreshRSS, tmp_path: Path, env: dict[str, str]
) -> None:
    run_scenario(freshrss, tmp_path, env, items=5 * PER_FEED)
