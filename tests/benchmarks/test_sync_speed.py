"""How long a first sync of 10,000 items takes, and an incremental one with nothing new.

Run with ``-m benchmark``: coldsweat (Fever) always, FreshRSS (Google Reader) when
$NEWSTERM_TEST_FRESHRSS names a checkout. Each runs ``newsterm sync`` as a user would;
figures are printed, and README quotes them.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "sync"))

from sample_feeds import serve_feeds, write_opml
from servers import FRESHRSS_ENV, PASSWORD, Coldsweat, FreshRSS
from sync_helpers import password_script, write_feeds_toml

from httpserver import LoopbackServer
from test_cli import newsterm

pytestmark = pytest.mark.benchmark

GROUPS = {f"Group {g}": [f"feed{g}x{n}" for n in range(5)] for g in range(4)}  # 20 feeds
PER_FEED = 500  # 10,000 items


def start_server(kind: str, tmp_path: Path) -> Coldsweat | FreshRSS:
    with LoopbackServer(lifetime=900) as feeds:
        opml = write_opml(tmp_path / "feeds.opml", serve_feeds(feeds, PER_FEED, GROUPS), GROUPS)
        if kind == "fever":
            coldsweat = Coldsweat(tmp_path)
            coldsweat.start(opml, timeout=900)
            return coldsweat
        checkout = os.environ.get(FRESHRSS_ENV)
        if not checkout or shutil.which("php") is None:
            pytest.skip(f"set ${FRESHRSS_ENV} to a FreshRSS checkout")
        freshrss = FreshRSS(Path(checkout), tmp_path)
        freshrss.install(opml, PASSWORD)
    freshrss.start()
    return freshrss


@pytest.mark.timeout(1800)
@pytest.mark.parametrize("kind", ["fever", "greader"])
def test_sync_speed(kind: str, tmp_path: Path, env: dict[str, str]) -> None:
    server = start_server(kind, tmp_path)
    try:
        toml = write_feeds_toml(
            tmp_path, server.service, server.url, server.user, password_script(tmp_path, PASSWORD)
        )
        env = {**env, "NEWSTERM_FEEDS": str(toml), "NEWSTERM_DB": str(tmp_path / "c.db")}
        first, line = timed(env)
        assert "10000 new items" in line, line
        again, line = timed(env)
        assert "0 new items" in line, line
        print(f"\n{kind}: first sync of 10,000 items {first:.2f} s; nothing new {again:.2f} s")
    finally:
        server.stop()


def timed(env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = newsterm("sync", env=env)
    seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stdout + done.stderr
    return seconds, done.stdout
