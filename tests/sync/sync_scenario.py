"""The whole sync story, the same against every real server: Fever (coldsweat) and Google
Reader (FreshRSS), each run as a process on 127.0.0.1.

In the order a person lives it: the server's feeds arrive with their groups as tags; marks
made here reach the server; marks made there come back; changes made while the server is
down (and across a kill -9 of newsterm) are pushed once it is back; and the password shows
up in no output and no process's command line.
"""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Protocol

from sample_feeds import GROUPS
from servers import PASSWORD
from sync_helpers import (
    article_ids,
    flags,
    password_script,
    processes_mentioning,
    queued,
    write_feeds_toml,
)

from newsterm.store import Store
from test_cli import newsterm


class Server(Protocol):
    """A sync server the scenario can stop, start, ask and change as another client would."""

    service: str
    user: str
    url: str
    port: int

    def start(self) -> None: ...
    def stop(self) -> None: ...
    def unread(self) -> set[str]: ...
    def starred(self) -> set[str]: ...
    def mark(self, item_id: str, state: str) -> None: ...


def run_scenario(server: Server, tmp_path: Path, env: dict[str, str], items: int) -> None:
    """Every step of the story; ``items`` is how many the server holds."""
    db = tmp_path / "cache.db"
    feeds_toml = write_feeds_toml(
        tmp_path, server.service, server.url, server.user, password_script(tmp_path, PASSWORD)
    )
    env = {**env, "NEWSTERM_FEEDS": str(feeds_toml), "NEWSTERM_DB": str(db)}
    outputs: list[str] = []

    def sync(expect: int = 0) -> str:
        done = newsterm("sync", env=env)
        outputs.extend([done.stdout, done.stderr])
        assert done.returncode == expect, done.stdout + done.stderr
        return done.stdout

    # The server's feeds, with their groups as tags, and every item.
    line = sync()
    assert f"{items} new items" in line, line
    with Store.open(db) as store:
        feeds = [f for f in store.feeds() if f.synced]
        assert sorted(f.title for f in feeds) == sorted(
            f"{n.title()} Weekly" for members in GROUPS.values() for n in members
        )
        tags = {f.title: f.tags for f in feeds}
        assert tags["Astro Weekly"] == ("Science",) and tags["Kernels Weekly"] == ("Tech",)
        assert sum(f.total for f in feeds) == items
        hostile = next(r for r in store.iter_article_rows() if "@click" in r.title)
        assert "\u202e" not in hostile.title and "\u009b" not in hostile.title
        assert hostile.title.startswith("[@click=app.quit]")  # kept as text, shown as text

    # Ten read and two starred here show on the server.
    ids = article_ids(db)
    read_here, starred_here = ids[:10], ids[10:12]
    with Store.open(db) as store:
        store.set_read(read_here, True)
        for article_id in starred_here:
            store.set_starred(article_id, True)
    assert len(queued(db)) == 12
    assert "12 changes pushed" in sync()
    assert queued(db) == []
    remote = _remote_ids(db, read_here + starred_here)
    assert not {remote[i] for i in read_here} & server.unread()
    assert {remote[i] for i in starred_here} <= server.starred()

    # Five marked unread and one starred through the server's API show here after a sync.
    back_to_unread, starred_there = read_here[:5], ids[20]
    for article_id in back_to_unread:
        server.mark(remote_id(db, article_id), "unread")
    server.mark(remote_id(db, starred_there), "starred")
    assert "6 state changes pulled" in sync()
    for article_id in back_to_unread:
        assert flags(db, article_id) == (False, False)
    assert flags(db, starred_there) == (False, True)
    assert flags(db, read_here[5]) == (True, False)  # the other five stay read

    # The server goes down; changes made meanwhile, by a newsterm killed with -9, wait.
    server.stop()
    offline_read, offline_star = ids[30:33], ids[33]
    _mark_then_die(db, offline_read, offline_star)
    assert len(queued(db)) == 4
    line = sync(expect=1)
    assert "failed" in line and "connection refused" in line and "4 still waiting" in line
    assert len(line.strip().splitlines()) == 1
    # A sync stuck on a server that accepts and never answers, killed with -9 ...
    with _silent_listener(server.port):
        stuck = subprocess.Popen(
            [sys.executable, "-m", "newsterm", "sync"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        time.sleep(1.5)  # it is waiting for an answer that never comes
        # ... with the password in no process's command line meanwhile.
        assert processes_mentioning(PASSWORD) == []
        os.kill(stuck.pid, signal.SIGKILL)
        assert stuck.wait(timeout=10) == -signal.SIGKILL
        outputs.extend(p.decode() for p in stuck.communicate())
    assert len(queued(db)) == 4
    server.start()
    assert "4 changes pushed" in sync()
    assert not {remote_id(db, i) for i in offline_read} & server.unread()
    assert remote_id(db, offline_star) in server.starred()
    assert queued(db) == []

    # The password was never printed or logged.
    for text in outputs:
        assert PASSWORD not in text


def remote_id(db: Path, article_id: int) -> str:
    return _remote_ids(db, [article_id])[article_id]


def _remote_ids(db: Path, ids: list[int]) -> dict[int, str]:
    conn = sqlite3.connect(db)
    try:
        found = {
            row[0]: row[1].split(":", 1)[1]
            for row in conn.execute(
                f"SELECT id, remote_id FROM articles WHERE id IN ({','.join('?' * len(ids))})", ids
            )
        }
    finally:
        conn.close()
    return found


def _mark_then_die(db: Path, read: list[int], star: int) -> None:
    """Mark in another process, which is then killed with SIGKILL before it can close."""
    code = (
        "import os, signal, sys\n"
        "from newsterm.store import Store\n"
        "store = Store.open(sys.argv[1])\n"
        f"store.set_read({read!r}, True)\n"
        f"store.set_starred({star}, True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(db)], timeout=60)
    assert done.returncode == -signal.SIGKILL


class _silent_listener:
    """A socket on ``port`` that accepts connections and never answers."""

    def __init__(self, port: int) -> None:
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", port))
        self.sock.listen(8)

    def __enter__(self) -> _silent_listener:
        return self

    def __exit__(self, *exc: object) -> None:
        self.sock.close()
