"""httpx's transport for fetching feeds and pages: kept-alive HTTP/1.1 connections, lean.

httpx's own transport (httpcore over anyio) spent about 1.5 ms of CPU on each request, more
than all the rest of a 304's refresh: its pool examines every connection (a socket poll
each) at every request, and each read passes through several stream layers. This one
serves what newsterm's fetches send, GET and HEAD without a body to an http or https
origin, over wire.py: at most ``max_connections`` open at once (an idle one to another
origin is closed to make room, else the request waits), an idle one kept for
``keepalive_expiry`` seconds. Any other request goes to httpx's own transport, made when
first needed; so is TLS, at the first https request.
"""

from __future__ import annotations

import asyncio
import ssl
import time
from collections import deque
from collections.abc import AsyncIterator
from types import TracebackType

import httpx

from newsterm.feeds.wire import Origin, Wire, open_wire

__all__ = ["LeanTransport"]

_STALE = (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError)
"""What a kept-alive connection the server has just closed raises for the next request."""

_RETRIES = 2
"""Requests sent again on a new connection after a reused one failed before any reply."""


class LeanTransport(httpx.AsyncBaseTransport):
    """Pooled HTTP/1.1 connections per origin, at most ``max_connections`` in all."""

    def __init__(self, *, max_connections: int, keepalive_expiry: float = 5.0) -> None:
        self._max = max(1, max_connections)
        self._expiry = keepalive_expiry
        self._open = 0
        self._idle: dict[Origin, list[Wire]] = {}
        self._waiters: deque[asyncio.Future[None]] = deque()
        self._tls: ssl.SSLContext | None = None
        self._other: httpx.AsyncHTTPTransport | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        origin = _origin(request)
        if origin is None:
            return await self._fallback().handle_async_request(request)
        timeouts = request.extensions.get("timeout", {})
        pool, connect, read = timeouts.get("pool"), timeouts.get("connect"), timeouts.get("read")
        for attempt in range(_RETRIES + 1):
            wire, reused = await self._acquire(origin, pool, connect)
            try:
                head = await wire.start(request, read)
            except BaseException as exc:
                self.release(wire, keep=False)
                stale = reused and not wire.received and isinstance(exc, _STALE)
                if stale and attempt < _RETRIES:
                    continue  # a GET is safe to send again
                raise
            return httpx.Response(
                head.status_code,
                headers=head.headers.raw_items(),
                stream=_Body(self, wire, read),
                extensions={
                    "http_version": b"HTTP/" + head.http_version,
                    "reason_phrase": head.reason,
                },
            )
        raise AssertionError("unreachable: the last attempt returns or raises")

    async def aclose(self) -> None:
        for wires in self._idle.values():
            for wire in wires:
                wire.close()
                self._open -= 1
        self._idle.clear()
        if self._other is not None:
            await self._other.aclose()

    async def __aexit__(
        self,
        kind: type[BaseException] | None = None,
        exc: BaseException | None = None,
        tb: TracebackType | None = None,
    ) -> None:
        await self.aclose()

    async def _acquire(
        self, origin: Origin, pool_timeout: float | None, connect_timeout: float | None
    ) -> tuple[Wire, bool]:
        """An idle connection to ``origin``, else a new one once there is room; and which."""
        while True:
            wire = self._take_idle(origin)
            if wire is not None:
                return wire, True
            if self._open < self._max or self._close_oldest_idle():
                self._open += 1
                try:
                    return await open_wire(origin, self._tls_for(origin), connect_timeout), False
                except BaseException:
                    self._open -= 1
                    self._wake()
                    raise
            await self._wait(pool_timeout)

    def _take_idle(self, origin: Origin) -> Wire | None:
        wires = self._idle.get(origin)
        now = time.monotonic()
        while wires:
            wire = wires.pop()
            if wire.usable(self._expiry, now):
                return wire
            self._discard(wire)
        return None

    def _close_oldest_idle(self) -> bool:
        """Make room by closing the connection idle the longest; False when none is idle."""
        oldest: list[Wire] | None = None
        for wires in self._idle.values():
            if wires and (oldest is None or wires[0].idle_since < oldest[0].idle_since):
                oldest = wires
        if oldest is None:
            return False
        self._discard(oldest.pop(0))
        return True

    def release(self, wire: Wire, *, keep: bool) -> None:
        """Take back ``wire`` after a response: idle for the next request, or closed."""
        if keep and wire.reusable():
            self._idle.setdefault(wire.origin, []).append(wire)
            self._wake()
        else:
            self._discard(wire)

    def _discard(self, wire: Wire) -> None:
        wire.close()
        self._open -= 1
        self._wake()

    async def _wait(self, timeout: float | None) -> None:
        """Until a connection is closed or goes idle."""
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            async with asyncio.timeout(timeout):
                await waiter
        except TimeoutError:
            raise httpx.PoolTimeout("no connection became free in time") from None
        finally:
            if waiter in self._waiters:
                self._waiters.remove(waiter)
            elif waiter.done() and not waiter.cancelled() and _leaving():
                # woken, then cancelled before it could use the room: the next waiter gets it
                self._wake()

    def _wake(self) -> None:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return

    def _tls_for(self, origin: Origin) -> ssl.SSLContext | None:
        if origin[0] != "https":
            return None
        if self._tls is None:
            # httpx's own context: certifi's roots, or SSL_CERT_FILE / SSL_CERT_DIR
            self._tls = httpx.create_ssl_context()
            self._tls.set_alpn_protocols(["http/1.1"])
        return self._tls

    def _fallback(self) -> httpx.AsyncHTTPTransport:
        if self._other is None:
            limits = httpx.Limits(max_connections=self._max, max_keepalive_connections=self._max)
            self._other = httpx.AsyncHTTPTransport(limits=limits)
        return self._other


class _Body(httpx.AsyncByteStream):
    """A response's body; its connection goes back to the pool once all of it was read."""

    def __init__(self, transport: LeanTransport, wire: Wire, timeout: float | None) -> None:
        self._transport = transport
        self._wire = wire
        self._timeout = timeout
        self._complete = False
        self._closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._wire.body(self._timeout):
            yield chunk
        self._complete = True

    async def aclose(self) -> None:
        if not self._closed:
            self._closed = True
            self._transport.release(self._wire, keep=self._complete)


def _origin(request: httpx.Request) -> Origin | None:
    """Where ``request`` goes, when it is one this transport sends; else None."""
    url = request.url
    scheme = url.scheme
    if scheme not in ("http", "https") or request.method not in ("GET", "HEAD"):
        return None
    headers = request.headers
    if "content-length" in headers or "transfer-encoding" in headers:
        return None  # a body to send
    port = url.port or (443 if scheme == "https" else 80)
    return scheme, url.raw_host.decode("ascii"), port


def _leaving() -> bool:
    """The running task is being cancelled (it will not take the room it was woken for)."""
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0
