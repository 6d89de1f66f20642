"""newsterm refresh syncs too when [sync] is set; certificates are checked."""

from __future__ import annotations

import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from fake_fever import PASSWORD, USER, FakeFever
from httpserver import LoopbackServer
from newsterm.config_sync import SyncSettings
from newsterm.store import Store
from newsterm.sync.run import run_sync
from newsterm.sync.secret import Secret
from test_cli import newsterm


def test_refresh_syncs_when_sync_is_set(
    http_server: LoopbackServer, tmp_path: Path, env: dict[str, str]
) -> None:
    fever = FakeFever(http_server, items=12)
    feeds = tmp_path / "feeds.toml"
    feeds.write_text(f'[sync]\nservice = "fever"\nurl = "{fever.url}"\nuser = "{USER}"\n')
    env = {**env, "NEWSTERM_SYNC_PASSWORD": PASSWORD}
    done = newsterm("refresh", "--feeds", str(feeds), "--db", str(tmp_path / "c.db"), env=env)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("0 feeds:")
    assert lines[1].startswith(f"sync with 127.0.0.1:{http_server.port}: 12 new items")
    fever.fault = "500"
    done = newsterm("sync", "--feeds", str(feeds), "--db", str(tmp_path / "c.db"), env=env)
    assert done.returncode == 1 and "failed: " in done.stdout and "HTTP 500" in done.stdout
    assert PASSWORD not in done.stdout + done.stderr


def test_sync_without_a_sync_table_says_so(tmp_path: Path, env: dict[str, str]) -> None:
    feeds = tmp_path / "feeds.toml"
    feeds.write_text("")
    done = newsterm("sync", "--feeds", str(feeds), "--db", str(tmp_path / "c.db"), env=env)
    assert done.returncode == 2 and "no [sync] table" in done.stderr


class _Answer(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def self_signed(tmp_path: Path) -> Iterator[int]:
    """An HTTPS server on 127.0.0.1 whose certificate no authority signed."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Answer)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


async def test_a_certificate_no_one_signed_is_refused(self_signed: int, tmp_path: Path) -> None:
    sync = SyncSettings("fever", f"https://127.0.0.1:{self_signed}/fever", USER)
    with Store.open(tmp_path / "c.db") as store:
        summary = await run_sync(sync, store, Secret(PASSWORD), timeout=5)
    assert summary.error is not None and "TLS error" in summary.error, summary.error
