"""Sync servers run for the tests as real processes on 127.0.0.1: coldsweat (Fever)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

LAUNCHER = Path(__file__).with_name("coldsweat_launcher.py")
EMAIL = "reader@example.org"
PASSWORD = "pw-Xq7!corn-silo-42"  # distinctive, so a leak anywhere is found by search


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Coldsweat:
    """coldsweat serving one SQLite file; stop() and start() again keep its data and port."""

    def __init__(self, folder: Path) -> None:
        self.db = folder / "coldsweat.db"
        self.log = folder / "coldsweat.log"
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/fever"

    def start(self, opml: Path | None = None, timeout: float = 60.0) -> None:
        """Start serving (first setting up the user and fetching the OPML's feeds)."""
        args = [sys.executable, str(LAUNCHER), str(self.db), str(self.port)]
        if opml is not None:
            args += [str(opml), EMAIL]
        env = {**os.environ, "COLDSWEAT_TEST_PASSWORD": PASSWORD}
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=log, env=env)
        assert self.process.stdout is not None
        deadline = time.monotonic() + timeout
        line = self.process.stdout.readline()  # "ready PORT" once it serves
        if not line.startswith(b"ready") or time.monotonic() > deadline:
            self.stop()
            raise RuntimeError(f"coldsweat did not start: {self.log.read_text()[-2000:]}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None

    def api(self, *what: str, **form: str) -> dict[str, object]:
        """A Fever call as another client would make it."""
        import hashlib

        key = hashlib.md5(f"{EMAIL}:{PASSWORD}".encode()).hexdigest()
        params = {"api": "", **dict.fromkeys(what, "")}
        answer = httpx.post(self.url, params=params, data={"api_key": key, **form}, timeout=10)
        answer.raise_for_status()
        found: dict[str, object] = answer.json()
        assert found["auth"] == 1
        return found

    def ids(self, key: str) -> set[str]:
        """unread_item_ids or saved_item_ids as a set."""
        text = str(self.api(key)[key])
        return {i for i in text.split(",") if i}
