"""A threaded HTTP/1.1 server on 127.0.0.1 for tests, with a handler per path.

Handlers are ``(Request, Reply) -> None`` functions; factories below build the
usual ones (fixed replies, conditional GET, redirects, trickling and endless
bodies, compression bombs, resets mid-body). The server logs every request's
headers and counts requests in flight, and stops itself after ``lifetime``
seconds so a forgotten server cannot outlive the test run::

    with LoopbackServer() as server:
        url = server.route("/feed.xml", respond(b"<rss/>"))
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import struct
import sys
import threading
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

RSS = "application/rss+xml; charset=utf-8"
HeaderItems = Mapping[str, str] | Iterable[tuple[str, str]]


@dataclass(frozen=True)
class Request:
    """One request as the server saw it; header names are lower-case."""

    method: str
    path: str  # without the query string
    target: str  # the request target as sent
    headers: dict[str, str]
    body: bytes = b""  # a POST's form or payload


class Reply:
    """How a handler answers: a status line and headers, then the body."""

    def __init__(self, handler: BaseHTTPRequestHandler, stopping: threading.Event) -> None:
        self._handler = handler
        self._stopping = stopping
        self._chunked = False
        self.started = False

    @property
    def stopping(self) -> bool:
        """True once the server is shutting down: long handlers should return."""
        return self._stopping.is_set()

    def start(self, status: int, headers: HeaderItems = ()) -> None:
        """Send the status line and headers."""
        items = list(headers.items() if isinstance(headers, Mapping) else headers)
        lowered = {name.lower(): value.lower() for name, value in items}
        self._chunked = lowered.get("transfer-encoding") == "chunked"
        framed = self._chunked or "content-length" in lowered or status in (204, 304)
        h = self._handler
        h.send_response(status)
        for name, value in items:
            h.send_header(name, value)
        if not framed:  # the body ends when the connection does
            h.send_header("Connection", "close")
            h.close_connection = True
        h.end_headers()
        self.started = True

    def send(self, status: int, body: bytes = b"", headers: HeaderItems = ()) -> None:
        """A complete response with a Content-Length."""
        items = list(headers.items() if isinstance(headers, Mapping) else headers)
        if status in (204, 304):
            self.start(status, items)
            return
        self.start(status, [*items, ("Content-Length", str(len(body)))])
        self.write(body)

    def write(self, data: bytes) -> None:
        """Body bytes; framed as one chunk when the reply is chunked."""
        if self._chunked:
            if data:
                self._handler.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        else:
            self._handler.wfile.write(data)

    def end(self) -> None:
        """Finish a chunked body (a no-op otherwise)."""
        if self._chunked:
            self._handler.wfile.write(b"0\r\n\r\n")
            self._chunked = False

    def reset(self) -> None:
        """Abort the connection with a TCP reset."""
        h = self._handler
        h.close_connection = True
        self._chunked = False
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        # The socket only really closes (and resets) once its file objects are gone.
        h.rfile.close()
        h.wfile.close()
        h.connection.close()

    def hang_up(self) -> None:
        """Close the connection once this reply is done, though it was offered kept alive."""
        self._handler.close_connection = True

    def sleep(self, seconds: float) -> bool:
        """Wait; False (at once) when the server is stopping."""
        return not self._stopping.wait(seconds)


Handler = Callable[[Request, Reply], None]


class LoopbackServer:
    """An HTTP server on 127.0.0.1 with programmable paths; a context manager."""

    def __init__(self, *, lifetime: float = 60.0) -> None:
        self.lifetime = lifetime
        self.errors: list[BaseException] = []  # unexpected handler failures
        self._routes: dict[str, Handler] = {}
        self._requests: list[Request] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._stopped = threading.Event()
        self._in_flight = 0
        self._max_in_flight = 0
        self._accepted = 0
        self._sockets: set[socket.socket] = set()
        self._threads: set[threading.Thread] = set()
        self._httpd = _HTTPServer(self)
        self.port: int = self._httpd.server_address[1]
        self._serve: threading.Thread | None = None
        self._timer = threading.Timer(lifetime, self.stop)
        self._timer.daemon = True

    def __enter__(self) -> LoopbackServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> LoopbackServer:
        """Serve in a background thread until stop() or the lifetime ends."""
        self._serve = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        self._serve.start()
        self._timer.start()
        return self

    def stop(self) -> None:
        """Stop serving, cut open connections and wait briefly for handlers; idempotent."""
        with self._lock:
            first = not self._stopping.is_set()
            self._stopping.set()
            sockets = list(self._sockets)
        if not first:  # another thread (the lifetime timer) is stopping it: wait for that
            self._stopped.wait(timeout=5.0)
            return
        self._timer.cancel()
        if self._serve is not None:
            self._httpd.shutdown()
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        self._httpd.server_close()
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            thread.join(timeout=2.0)
        self._stopped.set()

    # -- addresses and routes ----------------------------------------------------------

    def url(self, path: str = "/") -> str:
        """The absolute URL of ``path`` on this server."""
        return f"http://127.0.0.1:{self.port}{path}"

    def route(self, path: str, handler: Handler) -> str:
        """Serve ``path`` (query string ignored) with ``handler``; returns its URL."""
        self._routes[path] = handler
        return self.url(path)

    # -- what happened -----------------------------------------------------------------

    @property
    def requests(self) -> list[Request]:
        """Every request so far, in arrival order."""
        with self._lock:
            return list(self._requests)

    def requests_to(self, path: str) -> list[Request]:
        """The requests for one path."""
        return [r for r in self.requests if r.path == path]

    @property
    def open_connections(self) -> int:
        """Client connections whose handler thread is still running."""
        with self._lock:
            return len(self._threads)

    @property
    def connections_accepted(self) -> int:
        """Client connections accepted since the start (or the last reset)."""
        with self._lock:
            return self._accepted

    @property
    def in_flight(self) -> int:
        """Requests being handled right now."""
        return self._in_flight

    @property
    def max_in_flight(self) -> int:
        """The most requests handled at once since the start (or the last reset)."""
        return self._max_in_flight

    def reset_counters(self) -> None:
        """Forget logged requests and the in-flight maximum."""
        with self._lock:
            self._requests.clear()
            self._max_in_flight = self._in_flight
            self._accepted = 0

    # -- used by the request handler ----------------------------------------------------

    def _dispatch(self, request: Request, reply: Reply) -> None:
        with self._lock:
            self._requests.append(request)
            self._in_flight += 1
            self._max_in_flight = max(self._max_in_flight, self._in_flight)
        try:
            self._routes.get(request.path, _not_found)(request, reply)
            if not reply.started:
                reply.send(500, b"handler sent nothing")
            reply.end()
        finally:
            with self._lock:
                self._in_flight -= 1

    def _track(self, sock: socket.socket | None, thread: threading.Thread | None) -> None:
        with self._lock:
            if sock is not None:
                self._sockets.add(sock)
            if thread is not None:
                self._threads.add(thread)
                self._accepted += 1

    def _untrack(self, sock: socket.socket, thread: threading.Thread) -> None:
        with self._lock:
            self._sockets.discard(sock)
            self._threads.discard(thread)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # stop() joins with a timeout instead
    request_queue_size = 128

    def __init__(self, owner: LoopbackServer) -> None:
        self.owner = owner
        super().__init__(("127.0.0.1", 0), _RequestHandler)

    def process_request(self, request: Any, client_address: Any) -> None:
        thread = threading.Thread(
            target=self.process_request_thread, args=(request, client_address), daemon=True
        )
        self.owner._track(request, thread)
        thread.start()

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.owner._untrack(request, threading.current_thread())

    def handle_error(self, request: Any, client_address: Any) -> None:
        exc = sys.exc_info()[1]
        if exc is not None and not isinstance(exc, OSError | ValueError):
            self.owner.errors.append(exc)


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 10  # an idle keep-alive connection ends on its own
    server: _HTTPServer

    def _handle(self) -> None:
        owner = self.server.owner
        headers = {name.lower(): value for name, value in self.headers.items()}
        length = int(headers.get("content-length", "0") or 0)
        body = self.rfile.read(min(length, 1 << 20)) if length > 0 else b""
        request = Request(self.command, urlsplit(self.path).path, self.path, headers, body)
        reply = Reply(self, owner._stopping)
        try:
            owner._dispatch(request, reply)
        except (OSError, ValueError):  # the client went away, or reset() closed the socket
            self.close_connection = True
        except Exception as exc:
            owner.errors.append(exc)
            self.close_connection = True

    do_GET = _handle
    do_POST = _handle

    def log_message(self, format: str, *args: Any) -> None:
        pass


# -- handler factories --------------------------------------------------------------------


def _not_found(request: Request, reply: Reply) -> None:
    reply.send(404, b"not found", {"Content-Type": "text/plain"})


def respond(
    body: bytes = b"",
    *,
    status: int = 200,
    content_type: str = RSS,
    headers: HeaderItems = (),
    delay: float = 0.0,
) -> Handler:
    """A fixed response, optionally after ``delay`` seconds (to hold requests in flight)."""
    items = list(headers.items() if isinstance(headers, Mapping) else headers)

    def handle(request: Request, reply: Reply) -> None:
        if delay and not reply.sleep(delay):
            return reply.reset()
        reply.send(status, body, [("Content-Type", content_type), *items])

    return handle


def conditional(
    body: bytes,
    *,
    etag: str | None = '"v1"',
    last_modified: str | None = "Mon, 01 Jan 2024 00:00:00 GMT",
    content_type: str = RSS,
) -> Handler:
    """A feed that answers 304 when the request carries its validators."""
    validators = [(n, v) for n, v in (("ETag", etag), ("Last-Modified", last_modified)) if v]

    def handle(request: Request, reply: Reply) -> None:
        match = request.headers.get("if-none-match")
        since = request.headers.get("if-modified-since")
        fresh = match == etag if match is not None else since is not None and since == last_modified
        if fresh:
            reply.send(304, headers=validators)
        else:
            reply.send(200, body, [("Content-Type", content_type), *validators])

    return handle


def redirect(location: str, status: int = 302, headers: HeaderItems = ()) -> Handler:
    """A redirect to ``location`` (sent as given, so it may be relative)."""
    items = list(headers.items() if isinstance(headers, Mapping) else headers)
    return respond(b"", status=status, headers=[("Location", location), *items])


def trickle(body: bytes, *, interval: float = 0.1, content_type: str = RSS) -> Handler:
    """Headers at once, then the body one byte every ``interval`` seconds."""

    def handle(request: Request, reply: Reply) -> None:
        reply.start(200, {"Content-Type": content_type, "Content-Length": str(len(body))})
        for i in range(len(body)):
            reply.write(body[i : i + 1])
            if not reply.sleep(interval):
                return reply.reset()

    return handle


def endless(*, piece: bytes = b"<!-- filler -->\n" * 4096, content_type: str = RSS) -> Handler:
    """A chunked body that never ends (until the client leaves or the server stops)."""

    def handle(request: Request, reply: Reply) -> None:
        reply.start(200, {"Content-Type": content_type, "Transfer-Encoding": "chunked"})
        while not reply.stopping:
            reply.write(piece)
        reply.reset()

    return handle


@cache
def bomb_body(size: int, encoding: str = "gzip") -> bytes:
    """``size`` zero bytes compressed with ``encoding`` (gzip, deflate or br)."""
    zeros = bytes(min(size, 1 << 20))
    pieces = [zeros] * (size // len(zeros)) + [zeros[: size % len(zeros)]]
    if encoding == "br":
        import brotli

        brotli_compressor = brotli.Compressor(quality=5)
        return b"".join([*map(brotli_compressor.process, pieces), brotli_compressor.finish()])
    wbits = {"gzip": 31, "deflate": zlib.MAX_WBITS}[encoding]
    compressor = zlib.compressobj(9, zlib.DEFLATED, wbits)
    return b"".join([*map(compressor.compress, pieces), compressor.flush()])


def compressed(body: bytes, encoding: str = "gzip", *, content_type: str = RSS) -> Handler:
    """``body`` compressed and labelled with ``encoding``: gzip, deflate or br.

    ``raw-deflate`` sends deflate without its zlib wrapper, as some servers do.
    """
    if encoding == "gzip":
        data = gzip.compress(body)
    elif encoding == "br":
        import brotli

        data = brotli.compress(body)
    else:
        wbits = -zlib.MAX_WBITS if encoding == "raw-deflate" else zlib.MAX_WBITS
        compressor = zlib.compressobj(6, zlib.DEFLATED, wbits)
        data, encoding = compressor.compress(body) + compressor.flush(), "deflate"
    return respond(data, content_type=content_type, headers={"Content-Encoding": encoding})


def bomb(size: int, encoding: str = "gzip", *, content_type: str = RSS) -> Handler:
    """A small compressed body that expands to ``size`` bytes."""
    headers = {"Content-Encoding": encoding}
    return respond(bomb_body(size, encoding), content_type=content_type, headers=headers)


def reset_after(sent: bytes, *, declared: int = 100_000, content_type: str = RSS) -> Handler:
    """Promise ``declared`` bytes, send ``sent``, then reset the connection."""

    def handle(request: Request, reply: Reply) -> None:
        reply.start(200, {"Content-Type": content_type, "Content-Length": str(declared)})
        reply.write(sent)
        reply.sleep(0.05)  # let the client read the first bytes before the reset
        reply.reset()

    return handle


def hang_up_after(body: bytes, *, pause: float, content_type: str = RSS) -> Handler:
    """A whole response on a kept-alive connection, closed ``pause`` seconds later without
    reading what came meanwhile: a server's keep-alive timeout at the worst moment."""

    def handle(request: Request, reply: Reply) -> None:
        reply.send(200, body, [("Content-Type", content_type)])
        reply.sleep(pause)
        reply.hang_up()

    return handle


def ranged(
    body: bytes, *, cut_first_at: int | None = None, content_type: str = "audio/mpeg"
) -> Handler:
    """A file served with Range support (206 and Content-Range); the first reply can be cut
    off after ``cut_first_at`` bytes with a reset, as a dropped connection would."""
    return versioned([(body, {})], cut_first_at=cut_first_at, content_type=content_type)


def versioned(
    versions: list[tuple[bytes, dict[str, str]]],
    *,
    cut_first_at: int | None = None,
    content_type: str = "audio/mpeg",
) -> Handler:
    """As ``ranged``, serving the last of ``versions`` (a body and its validator headers,
    ETag or Last-Modified) and honouring If-Range: a test appends a new version between
    tries, as a host replacing a file would, and a resume that names the old one gets the
    whole new file."""
    calls = [0]

    def handle(request: Request, reply: Reply) -> None:
        calls[0] += 1
        body, validators = versions[-1]
        start = 0
        asked = request.headers.get("range", "")
        if asked.startswith("bytes=") and asked.endswith("-"):
            start = int(asked[6:-1])
        if_range = request.headers.get("if-range")
        if if_range is not None and if_range not in validators.values():
            start = 0  # changed since: the whole file (RFC 9110, If-Range)
        if start >= len(body) and start:
            reply.send(416, b"", {"Content-Range": f"bytes */{len(body)}"})
            return
        headers = {**validators, "Content-Type": content_type, "Accept-Ranges": "bytes"}
        if start:
            headers["Content-Range"] = f"bytes {start}-{len(body) - 1}/{len(body)}"
        rest = body[start:]
        if calls[0] == 1 and cut_first_at is not None:
            reply.start(206 if start else 200, {**headers, "Content-Length": str(len(rest))})
            reply.write(rest[:cut_first_at])
            reply.sleep(0.05)
            reply.reset()
            return
        reply.send(206 if start else 200, rest, headers)

    return handle


def closed_port_url(path: str = "/") -> str:
    """A URL on 127.0.0.1 where nothing listens (connections are refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}{path}"
