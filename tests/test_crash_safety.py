"""Killing ``newsterm refresh`` at any moment leaves a consistent cache with state intact."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from httpserver import LoopbackServer, respond

FEEDS = 30
ITEMS = 40


def feed_xml(n: int, version: int) -> bytes:
    items = "".join(
        f"<item><title>Feed {n} item {i} v{version}</title><guid>f{n}-i{i}</guid>"
        f"<link>https://example.org/{n}/{i}</link>"
        f"<description>{'&lt;p&gt;words words words&lt;/p&gt;' * 40} v{version}</description>"
        "</item>"
        for i in range(ITEMS)
    )
    channel = f"<channel><title>Feed {n}</title>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


def serve(server: LoopbackServer, version: int, delay: float) -> str:
    """Route every feed at ``version`` of its content; return the feeds.toml text."""
    lines = []
    for n in range(FEEDS):
        url = server.route(f"/f{n}.xml", respond(feed_xml(n, version), delay=delay * (n % 5)))
        lines.append(f'[[feed]]\nurl = "{url}"\n')
    return "".join(lines)


def refresh_proc(feeds: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "newsterm", "refresh", "--feeds", str(feeds), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def state(db: Path) -> dict[str, tuple[int, int]]:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = con.execute("SELECT guid, read, starred FROM articles").fetchall()
        return {guid: (read, starred) for guid, read, starred in rows}
    finally:
        con.close()


def kill_loop(tmp_path: Path, server: LoopbackServer, kills: int, seed: int) -> None:
    feeds = tmp_path / "feeds.toml"
    db = tmp_path / "cache.db"
    feeds.write_text(serve(server, 1, 0.0))
    assert subprocess.run(
        [sys.executable, "-m", "newsterm", "refresh", "--feeds", str(feeds), "--db", str(db)],
        capture_output=True, timeout=60,
    ).returncode == 0  # fmt: skip
    con = sqlite3.connect(db)
    con.execute("UPDATE articles SET read = 1 WHERE guid LIKE '%-i1_'")
    con.execute("UPDATE articles SET starred = 1 WHERE guid LIKE '%-i2_'")
    con.commit()
    con.close()
    before = state(db)
    assert len(before) == FEEDS * ITEMS

    rng = random.Random(seed)
    torn = 0
    kill = 0
    # `kills` rounds, and more (up to three times as many) until one kill has landed
    # between two feeds' writes: on a loaded machine an early kill may land before any.
    while kill < kills or (torn == 0 and kill < 3 * kills):
        kill += 1
        # New content each round, so every refresh really writes; slow feeds keep it busy.
        serve(server, kill + 1, 0.05)
        server.reset_counters()
        proc = refresh_proc(feeds, db)
        # Kill once part of the feeds were served and stored: mid-refresh by construction.
        # Writes are batched (refresh_writes.py), so a kill before the first commit would
        # find nothing torn; one after it, with slow feeds still out, finds old and new.
        served = rng.randint(2, FEEDS - 5)
        wait_until(lambda: len(server.requests) >= served and len(titles(db)) > 1)  # noqa: B023
        workers = children(proc.pid)
        assert workers, "the refresh parses in forked workers"
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=10) == -signal.SIGKILL
        wait_until(lambda: not any(alive(pid) for pid in workers))  # noqa: B023
        after = state(db)
        assert after.keys() == before.keys()
        for guid, flags in before.items():
            assert after[guid] == flags, guid
        versions = {v for v in titles(db)}
        torn += len(versions) > 1
    # At least one kill landed between two feeds' transactions: old and new content mix.
    assert torn > 0


def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Poll a condition about another process (not a UI: there is no event to wait on)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found += [int(c) for c in (task / "children").read_text().split()]
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def titles(db: Path) -> set[str]:
    con = sqlite3.connect(db)
    try:
        return {t.rsplit(" ", 1)[1] for (t,) in con.execute("SELECT title FROM articles")}
    finally:
        con.close()


def test_sigkill_mid_refresh_keeps_cache_consistent(tmp_path: Path, http_server) -> None:
    kill_loop(tmp_path, http_server, kills=3, seed=1)


@pytest.mark.fuzz
@pytest.mark.timeout(600)
def test_twenty_sigkills(tmp_path: Path, http_server) -> None:
    kill_loop(tmp_path, http_server, kills=20, seed=int(os.environ.get("NEWSTERM_SEED", "2")))
