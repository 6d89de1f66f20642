"""The fetch transport's TLS against a real TLS server on 127.0.0.1: the certificate is
verified against the trusted roots, the host name is checked and sent (SNI)."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import trustme

from newsterm.errors import FetchError
from newsterm.feeds.fetch import fetch_feed, make_client

RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'


class TlsServer:
    """A one-feed HTTPS server on 127.0.0.1, recording the server names clients asked for."""

    def __init__(self) -> None:
        self.names: list[str | None] = []
        self.port = 0

    async def serve(self, context: ssl.SSLContext) -> asyncio.Server:
        context.sni_callback = lambda sock, name, ctx: self.names.append(name)  # type: ignore[assignment,misc,return-value]
        server = await asyncio.start_server(self._reply, "127.0.0.1", 0, ssl=context)
        self.port = server.sockets[0].getsockname()[1]
        return server

    async def _reply(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await reader.readuntil(b"\r\n\r\n")
            head = b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
            writer.write(head + b"Content-Length: %d\r\n\r\n" % len(RSS) + RSS)
            await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, ssl.SSLError):
            pass
        finally:
            writer.close()


@pytest.fixture
def authority(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> trustme.CA:
    """A certificate authority the client trusts (through SSL_CERT_FILE, as a user's would)."""
    ca = trustme.CA()
    roots = tmp_path / "roots.pem"
    ca.cert_pem.write_to_path(str(roots))
    monkeypatch.setenv("SSL_CERT_FILE", str(roots))
    return ca


async def _serving(ca: trustme.CA, *names: str) -> AsyncIterator[TlsServer]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(*names).configure_cert(context)
    tls = TlsServer()
    server = await tls.serve(context)
    try:
        yield tls
    finally:
        server.close()


async def test_a_trusted_certificate_for_the_name_is_accepted_and_the_name_sent(
    authority: trustme.CA,
) -> None:
    async for tls in _serving(authority, "localhost"):
        async with make_client() as client:
            result = await fetch_feed(client, f"https://localhost:{tls.port}/feed.xml")
        assert result.body == RSS
        assert tls.names == ["localhost"]


async def test_a_certificate_for_another_name_is_refused(authority: trustme.CA) -> None:
    async for tls in _serving(authority, "feeds.example"):
        async with make_client() as client:
            with pytest.raises(FetchError, match=r"(?i)tls|certificate|hostname"):
                await fetch_feed(client, f"https://localhost:{tls.port}/feed.xml")


async def test_a_certificate_no_trusted_root_signed_is_refused(authority: trustme.CA) -> None:
    other = trustme.CA()  # the server's certificate comes from an authority nobody trusts
    async for tls in _serving(other, "localhost"):
        async with make_client() as client:
            with pytest.raises(FetchError, match=r"(?i)tls|certificate"):
                await fetch_feed(client, f"https://localhost:{tls.port}/feed.xml")
