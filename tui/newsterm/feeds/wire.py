"""One HTTP/1.1 connection: an asyncio protocol for its bytes, h11 for the protocol's rules.

h11 reads the framing (Content-Length, chunked, a body that ends when the connection
does, a 304 or HEAD without one) and says when the connection may carry another request.
Reads wait on a future only when nothing is buffered, so a body already received costs
no timer and no task switch.
"""

from __future__ import annotations

import asyncio
import ssl
import time
from collections import deque
from collections.abc import AsyncIterator

import h11
import httpx

__all__ = ["Origin", "Wire", "open_wire"]

Origin = tuple[str, str, int]
"""scheme, host (IDNA ASCII), port: the connections one request may use."""

READ_AHEAD_BYTES = 256 * 1024
"""Bytes buffered before the socket stops being read: a slow consumer bounds memory."""


class _Socket(asyncio.Protocol):
    """A connection's received bytes, buffered until read."""

    def __init__(self) -> None:
        self.transport: asyncio.Transport | None = None
        self.chunks: deque[bytes] = deque()
        self.buffered = 0
        self.closed = False
        self.error: BaseException | None = None
        self._waiter: asyncio.Future[None] | None = None
        self._paused = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.chunks.append(data)
        self.buffered += len(data)
        if self.buffered > READ_AHEAD_BYTES and self.transport is not None:
            self.transport.pause_reading()
            self._paused = True
        self._wake()

    def eof_received(self) -> bool:
        self.closed = True
        self._wake()
        return False  # close our side too: a reply that ended cannot be continued

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        self.error = exc
        self._wake()

    def _wake(self) -> None:
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_result(None)

    async def read(self, timeout: float | None) -> bytes:
        """The next bytes received; b"" once the peer has closed."""
        if not self.chunks and not self.closed:
            self._waiter = asyncio.get_running_loop().create_future()
            try:
                async with asyncio.timeout(timeout):
                    await self._waiter
            except TimeoutError:
                raise httpx.ReadTimeout("timed out waiting for the server") from None
            finally:
                self._waiter = None
        if self.chunks:
            data = self.chunks.popleft()
            self.buffered -= len(data)
            if self._paused and self.buffered <= READ_AHEAD_BYTES // 2:
                assert self.transport is not None
                self.transport.resume_reading()
                self._paused = False
            return data
        if self.error is not None:
            raise httpx.ReadError(str(self.error) or "connection lost") from self.error
        return b""


class Wire:
    """An open connection to one origin, and the state of its current request."""

    def __init__(self, origin: Origin, socket: _Socket) -> None:
        self.origin = origin
        self.socket = socket
        self.http = h11.Connection(h11.CLIENT)
        self.idle_since = time.monotonic()
        self.requests = 0
        """Requests sent on it so far: one that fails on a reused connection is retried."""
        self.received = False
        """Whether any byte of the current response has come."""

    def usable(self, expiry: float, now: float) -> bool:
        """Whether an idle connection can carry a request: open, silent, not too old."""
        sock = self.socket
        if sock.closed or sock.chunks or sock.transport is None:
            return False
        return not sock.transport.is_closing() and now - self.idle_since < expiry

    async def start(self, request: httpx.Request, timeout: float | None) -> h11.Response:
        """Send ``request`` (it has no body) and read the response's head."""
        self.requests += 1
        self.received = False
        head = h11.Request(
            method=request.method,
            target=request.url.raw_path,
            headers=request.headers.raw,
        )
        data = self.http.send(head) or b""
        data += self.http.send(h11.EndOfMessage()) or b""
        transport = self.socket.transport
        if transport is None or transport.is_closing():
            raise httpx.WriteError("connection closed")
        transport.write(data)
        while True:
            event = await self._next(timeout)
            if isinstance(event, h11.Response):
                return event
            if not isinstance(event, h11.InformationalResponse):  # 100 Continue and the like
                raise httpx.RemoteProtocolError("no response head")

    async def body(self, timeout: float | None) -> AsyncIterator[bytes]:
        """The current response's body, piece by piece."""
        while True:
            event = await self._next(timeout)
            if isinstance(event, h11.Data):
                yield bytes(event.data)
            elif isinstance(event, h11.EndOfMessage | h11.ConnectionClosed):
                return

    def reusable(self) -> bool:
        """After a whole response: ready for the next request, if the server keeps it open."""
        http = self.http
        # bytes past the end of the response (more than its Content-Length, a body after a
        # 304) would be read as the next request's reply: such a connection is not reused
        if http.trailing_data[0] or http.trailing_data[1]:
            return False
        if http.our_state is h11.DONE and http.their_state is h11.DONE:
            http.start_next_cycle()
            self.idle_since = time.monotonic()
            return not self.socket.closed
        return False

    def close(self) -> None:
        if self.socket.transport is not None:
            self.socket.transport.close()
        self.socket.closed = True

    async def _next(
        self, timeout: float | None
    ) -> h11.Event | type[h11.NEED_DATA] | type[h11.PAUSED]:
        """The next event of the response, reading as much as it takes."""
        http = self.http
        while True:
            try:
                event = http.next_event()
            except h11.RemoteProtocolError as exc:
                raise httpx.RemoteProtocolError(str(exc)) from exc
            if event is not h11.NEED_DATA:
                return event
            data = await self.socket.read(timeout)
            self.received = self.received or bool(data)
            try:
                http.receive_data(data)
            except h11.RemoteProtocolError as exc:
                raise httpx.RemoteProtocolError(str(exc)) from exc


async def open_wire(origin: Origin, tls: ssl.SSLContext | None, timeout: float | None) -> Wire:
    """A new connection to ``origin`` (TLS when ``tls`` is given); httpx's errors if not."""
    _, host, port = origin
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(timeout):
            # Happy eyeballs, as httpx's own transport: a host whose first address drops
            # connection attempts (a broken IPv6 route) falls back to the next after 0.25 s
            # instead of spending the whole connect timeout on it.
            _, protocol = await loop.create_connection(
                _Socket,
                host,
                port,
                ssl=tls,
                server_hostname=host if tls else None,
                happy_eyeballs_delay=_NEXT_ADDRESS_AFTER,
                interleave=1,
            )
            return Wire(origin, protocol)
    except TimeoutError:
        raise httpx.ConnectTimeout(f"timed out connecting to {host}") from None
    except OSError as exc:  # no address, refused, unreachable, TLS (ssl.SSLError is one)
        raise httpx.ConnectError(str(exc) or type(exc).__name__) from exc


_NEXT_ADDRESS_AFTER = 0.25  # seconds, RFC 8305's recommended connection attempt delay
