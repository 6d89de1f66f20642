"""Sync servers run for the tests as real processes on 127.0.0.1: coldsweat (Fever)."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

LAUNCHER = Path(__file__).with_name("coldsweat_launcher.py")
EMAIL = "reader@example.org"
PASSWORD = "pw-Xq7!corn-silo-42"  # distinctive, so a leak anywhere is found by search


# Anything a server tries to fetch from outside this machine goes to a closed local port.
NO_WAY_OUT = {
    "http_proxy": "http://127.0.0.1:9",
    "https_proxy": "http://127.0.0.1:9",
    "HTTP_PROXY": "http://127.0.0.1:9",
    "HTTPS_PROXY": "http://127.0.0.1:9",
    "no_proxy": "127.0.0.1,localhost",
    "NO_PROXY": "127.0.0.1,localhost",
}


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
        env = {**os.environ, **NO_WAY_OUT, "COLDSWEAT_TEST_PASSWORD": PASSWORD}
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

    def api(self, *what: str, form: dict[str, str] | None = None) -> dict[str, object]:
        """A Fever call as another client would make it."""
        import hashlib

        key = hashlib.md5(f"{EMAIL}:{PASSWORD}".encode()).hexdigest()
        params = {"api": "", **dict.fromkeys(what, "")}
        data = {"api_key": key, **(form or {})}
        answer = httpx.post(self.url, params=params, data=data, timeout=10)
        answer.raise_for_status()
        found: dict[str, object] = answer.json()
        assert found["auth"] == 1
        return found

    def ids(self, key: str) -> set[str]:
        """unread_item_ids or saved_item_ids as a set."""
        text = str(self.api(key)[key])
        return {i for i in text.split(",") if i}

    # what the shared scenario asks of a server (sync_scenario.py)
    service, user, password = "fever", EMAIL, PASSWORD

    def unread(self) -> set[str]:
        return self.ids("unread_item_ids")

    def starred(self) -> set[str]:
        return self.ids("saved_item_ids")

    def mark(self, item_id: str, state: str) -> None:
        """``state`` is "unread" or "starred"."""
        fever_state = {"unread": "unread", "starred": "saved"}[state]
        self.api("mark", form={"mark": "item", "as": fever_state, "id": item_id})


FRESHRSS_ENV = "NEWSTERM_TEST_FRESHRSS"
FRESHRSS_USER = "reader"


class FreshRSS:
    """FreshRSS from a checkout, with its data in ``folder``, served by ``php -S``."""

    def __init__(self, checkout: Path, folder: Path) -> None:
        self.checkout = checkout
        self.data = folder / "freshrss-data"
        self.log = folder / "freshrss.log"
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.env = {**os.environ, **NO_WAY_OUT, "DATA_PATH": str(self.data)}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/greader.php"

    def _php(self, *args: str) -> None:
        with self.log.open("ab") as log:
            subprocess.run(
                ["php", *args],
                cwd=self.checkout,
                env=self.env,
                stdout=log,
                stderr=log,
                check=True,
                timeout=600,
            )

    def install(self, opml: Path, api_password: str) -> None:
        """Install with SQLite and the API on, add the user (subscribed to ``opml``), fetch."""
        import shutil

        shutil.copytree(self.checkout / "data", self.data)
        shutil.copy(opml, self.data / "opml.xml")  # a new user's default subscriptions
        base = f"http://127.0.0.1:{self.port}"
        self._php(
            "cli/do-install.php",
            "--default-user",
            "admin",
            "--db-type",
            "sqlite",
            "--api-enabled",
            "--base-url",
            base,
            "--disable-update",
        )
        self._php(
            "cli/create-user.php",
            "--user",
            FRESHRSS_USER,
            "--password",
            api_password,
            "--api-password",
            api_password,
            "--max-posts-per-rss",
            "20000",
        )
        self._php("cli/actualize-user.php", "--user", FRESHRSS_USER)

    def start(self, timeout: float = 30.0) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                ["php", "-S", f"127.0.0.1:{self.port}", "-t", "p"],
                cwd=self.checkout,
                env=self.env,
                stdout=log,
                stderr=log,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/api/greader.php", timeout=2):
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"FreshRSS did not start: {self.log.read_text()[-2000:]}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None

    # what the shared scenario asks of a server (sync_scenario.py)
    service, user, password = "greader", FRESHRSS_USER, PASSWORD

    @contextlib.contextmanager
    def _api(self) -> Iterator[httpx.Client]:
        """A client logged in as another Google Reader app would be."""
        with httpx.Client(base_url=self.url, timeout=30) as client:
            yield self._logged_in(client)

    def _logged_in(self, client: httpx.Client) -> httpx.Client:
        login = client.post(
            "/accounts/ClientLogin", data={"Email": self.user, "Passwd": self.password}
        )
        login.raise_for_status()
        auth = next(line[5:] for line in login.text.splitlines() if line.startswith("Auth="))
        client.headers["Authorization"] = f"GoogleLogin auth={auth}"
        return client

    def _ids(self, **params: str) -> set[str]:
        with self._api() as client:
            answer = client.get("/reader/api/0/stream/items/ids", params={"n": "100000", **params})
            answer.raise_for_status()
            return {ref["id"] for ref in answer.json()["itemRefs"]}

    def unread(self) -> set[str]:
        return self._ids(
            s="user/-/state/com.google/reading-list", xt="user/-/state/com.google/read"
        )

    def starred(self) -> set[str]:
        return self._ids(s="user/-/state/com.google/starred")

    def mark(self, item_id: str, state: str) -> None:
        """``state`` is "unread" or "starred"."""
        with self._api() as client:
            token = client.get("/reader/api/0/token").text.strip()
            change = {
                "unread": ("r", "user/-/state/com.google/read"),
                "starred": ("a", "user/-/state/com.google/starred"),
            }[state]
            answer = client.post(
                "/reader/api/0/edit-tag", data={"T": token, change[0]: change[1], "i": item_id}
            )
            assert answer.text.strip() == "OK", answer.text
