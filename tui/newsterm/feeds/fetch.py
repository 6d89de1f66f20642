"""Fetch one feed: conditional GET, a whole-request deadline, a size cap, redirects by hand.

Every failure leaves as a ``FetchError`` subclass whose text is a short reason
for the user ("HTTP 404 Not Found", "timed out after 20 s"); no httpx or OS
exception escapes. ``file://`` URLs and plain paths read local files.
"""

from __future__ import annotations

import asyncio
import errno
import socket
import ssl
import stat
from collections.abc import Iterator
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import httpx

from newsterm import __version__
from newsterm.errors import (
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    NetworkError,
    NotAFeed,
    TooLarge,
    TooManyRedirects,
)
from newsterm.feeds.decode import ACCEPT_ENCODING, make_decoders, pipe
from newsterm.feeds.discover import find_feed_link, is_html_page
from newsterm.models import FetchResult
from newsterm.text.sanitize import one_line

__all__ = ["MAX_BYTES", "MAX_REDIRECTS", "USER_AGENT", "fetch_feed", "host_key", "make_client"]

USER_AGENT = f"newsterm/{__version__} (+https://github.com/newsterm/newsterm)"
MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.5, */*;q=0.1"
)


_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PERMANENT = frozenset({301, 308})
_TRANSPORT_ERRORS: tuple[type[BaseException], ...] = (
    httpx.HTTPError,
    httpx.InvalidURL,
    OSError,
    UnicodeError,
)


def make_client(
    *, concurrency: int = 16, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    """One client per refresh: pooled connections sized to ``concurrency``, redirects off."""
    size = max(1, concurrency)
    return httpx.AsyncClient(
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": ACCEPT_ENCODING},
        follow_redirects=False,  # fetch_feed follows them itself, to record 301/308
        limits=httpx.Limits(max_connections=size, max_keepalive_connections=size),
        timeout=httpx.Timeout(20.0),
        transport=transport,
    )


def host_key(url: str) -> str:
    """The bucket for per-host limits: the lower-case host name ("" for local files)."""
    try:
        parts = urlsplit(url)
        return (parts.hostname or "") if parts.scheme in ("http", "https") else ""
    except ValueError:
        return ""


async def fetch_feed(
    client: httpx.AsyncClient,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    timeout: float = 20.0,
    max_bytes: int = MAX_BYTES,
) -> FetchResult:
    """Fetch ``url`` within ``timeout`` seconds in all; an HTML page leads to its feed."""
    try:
        async with asyncio.timeout(timeout):
            first = await _fetch_one(client, url, etag, last_modified, timeout, max_bytes)
            if first.body is None or not is_html_page(first.body, first.content_type):
                return first
            return await _follow_feed_link(client, first, first.body, timeout, max_bytes)
    except TimeoutError:
        raise FetchTimeout(f"timed out after {timeout:g} s") from None


async def _follow_feed_link(
    client: httpx.AsyncClient, page: FetchResult, html: bytes, timeout: float, max_bytes: int
) -> FetchResult:
    """Fetch the feed an HTML page links to: one hop, never a chain of pages."""
    link = await asyncio.to_thread(find_feed_link, html, page.final_url)
    if link is None:
        raise NotAFeed("not a feed (HTML page with no feed link)")
    feed = await _fetch_one(client, link, None, None, timeout, max_bytes)
    if feed.body is not None and is_html_page(feed.body, feed.content_type):
        raise NotAFeed(f"not a feed (the page's feed link {link} is an HTML page)")
    # Validators are stored per configured URL, which names the page: sending the
    # feed's Last-Modified to the page could get a 304 that hides a changed feed.
    return FetchResult(
        url=page.url,
        final_url=feed.final_url,
        status=feed.status,
        body=feed.body,
        content_type=feed.content_type,
        permanent_redirect=page.permanent_redirect,
        discovered_from=page.final_url,
    )


async def _fetch_one(
    client: httpx.AsyncClient,
    url: str,
    etag: str | None,
    last_modified: str | None,
    timeout: float,
    max_bytes: int,
) -> FetchResult:
    """One document, local or remote, with httpx and OS errors made FetchErrors."""
    path = _local_path(url)
    if path is not None:
        body = await asyncio.to_thread(_read_file, path, max_bytes)
        final = url if url.startswith("file:") else _file_uri(path)
        return FetchResult(url=url, final_url=final, status=0, body=body)
    try:
        return await _fetch_http(client, url, etag, last_modified, timeout, max_bytes)
    except _TRANSPORT_ERRORS as exc:
        raise _translate(exc, timeout) from exc


async def _fetch_http(
    client: httpx.AsyncClient,
    url: str,
    etag: str | None,
    last_modified: str | None,
    timeout: float,
    max_bytes: int,
) -> FetchResult:
    """GET ``url``, following up to MAX_REDIRECTS redirects and catching loops."""
    headers = _conditional_headers(etag, last_modified)
    current = str(httpx.URL(url))
    seen = {current}
    moved = False
    for hop in range(MAX_REDIRECTS + 1):
        request = client.build_request("GET", current, headers=headers, timeout=timeout)
        response = await client.send(request, stream=True)
        try:
            status = response.status_code
            if status not in _REDIRECTS:
                body = await _read_response(response, max_bytes)
                return FetchResult(
                    url=url,
                    final_url=current,
                    status=status,
                    body=body,
                    content_type=response.headers.get("content-type", ""),
                    etag=_validator(response.headers.get("etag"), etag, body),
                    last_modified=_validator(
                        response.headers.get("last-modified"), last_modified, body
                    ),
                    permanent_redirect=current if moved and current != url else None,
                )
            target = _redirect_target(current, status, response.headers.get("location"))
        finally:
            await response.aclose()
        moved = moved or status in _PERMANENT
        if "set-cookie" in response.headers:
            seen.clear()  # new cookie state: coming back to a URL is not (yet) a loop
        if target in seen:
            raise TooManyRedirects("redirect loop")
        if hop == MAX_REDIRECTS:
            break
        seen.add(target)
        current = target
    raise TooManyRedirects("too many redirects")


async def _read_response(response: httpx.Response, max_bytes: int) -> bytes | None:
    """The decoded body of a 2xx, None for a 304; raises for any other status."""
    status = response.status_code
    if status == 304:
        return None
    if not 200 <= status < 300:
        raise HTTPStatusError(status, _reason(status, response.reason_phrase))
    return await _read_body(response, max_bytes)


def _conditional_headers(etag: str | None, last_modified: str | None) -> dict[str, str]:
    """If-None-Match / If-Modified-Since for the validators that are safe to send."""
    headers = {}
    if etag := _clean(etag):
        headers["If-None-Match"] = etag
    if last_modified := _clean(last_modified):
        headers["If-Modified-Since"] = last_modified
    return headers


def _validator(sent: str | None, old: str | None, body: bytes | None) -> str | None:
    """The validator to store: the response's, or on a bare 304 the one we had."""
    return _clean(sent) or (old if body is None else None)


def _clean(value: str | None) -> str | None:
    """``value`` if it can go back in a header (printable ASCII), else None."""
    if value and value.isascii() and value.isprintable() and len(value) <= 1024:
        return value
    return None


def _redirect_target(current: str, status: int, location: str | None) -> str:
    """The absolute http(s) URL a redirect points to, relative Locations resolved."""
    if not location or not location.strip():
        raise FetchError(f"HTTP {status} redirect without a Location")
    target = httpx.URL(current).join(location.strip()).copy_with(fragment=None)
    if target.scheme not in ("http", "https"):
        raise FetchError(f"redirect to an unsupported URL: {one_line(str(target))[:200]}")
    return str(target)


def _reason(status: int, phrase: str) -> str:
    """The standard reason phrase, else the server's, made safe to show."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return one_line(phrase)[:60]


def _size(n: int) -> str:
    """``n`` bytes for people: "20 MB", "512 KB"."""
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{n} bytes"


async def _read_body(response: httpx.Response, max_bytes: int) -> bytes:
    """Stream and decode the body, stopping as soon as either size passes ``max_bytes``."""
    too_large = f"larger than {_size(max_bytes)}"
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise TooLarge(too_large)
    decoders = make_decoders(response.headers.get_list("content-encoding", split_commas=True))
    parts: list[bytes] = []
    raw = decoded = 0
    async for chunk in response.aiter_raw():
        raw += len(chunk)
        for piece in pipe(decoders, chunk):
            decoded += len(piece)
            if decoded > max_bytes:
                raise TooLarge(too_large)
            parts.append(piece)
        if raw > max_bytes:
            raise TooLarge(too_large)
    return b"".join(parts)


# -- local files -----------------------------------------------------------------------


def _local_path(url: str) -> Path | None:
    """The file a ``file://`` URL or plain path names; None for http(s)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        raise FetchError(f"invalid URL: {one_line(url)[:200]}") from None
    if parts.scheme in ("http", "https"):
        return None
    if parts.scheme == "file":
        if parts.netloc not in ("", "localhost"):
            raise FetchError(f"file URL on another host: {one_line(parts.netloc)[:100]}")
        return Path(url2pathname(parts.path))
    if len(parts.scheme) > 1:  # one letter is a Windows drive, not a scheme
        raise FetchError(f"unsupported URL scheme: {one_line(parts.scheme)[:20]}")
    return Path(url).expanduser()


def _file_uri(path: Path) -> str:
    """A file:// URL for ``path``, the base for a local feed's relative links."""
    try:
        return path.absolute().as_uri()
    except ValueError:
        return str(path)


def _read_file(path: Path, max_bytes: int) -> bytes:
    """Read a regular file of at most ``max_bytes`` (runs in a worker thread)."""
    shown = one_line(str(path))
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise FetchError(f"is a directory: {shown}")
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device could block or never end
            raise FetchError(f"not a regular file: {shown}")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise FetchError(f"no such file: {shown}") from None
    except PermissionError:
        raise FetchError(f"permission denied: {shown}") from None
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise FetchError(f"cannot read {shown}: {one_line(reason)}") from None
    if len(data) > max_bytes:
        raise TooLarge(f"larger than {_size(max_bytes)}")
    return data


# -- httpx and OS errors as short reasons -----------------------------------------------

_ERRNO_REASONS = {
    errno.ECONNREFUSED: "connection refused",
    errno.ECONNRESET: "connection reset",
    errno.ENETUNREACH: "network unreachable",
    errno.EHOSTUNREACH: "host unreachable",
}


def _translate(exc: BaseException, timeout: float) -> FetchError:
    """The FetchError a user should see for a transport failure."""
    if isinstance(exc, httpx.TimeoutException | TimeoutError):
        return FetchTimeout(f"timed out after {timeout:g} s")
    if isinstance(exc, httpx.InvalidURL | httpx.UnsupportedProtocol | UnicodeError):
        return FetchError(f"invalid URL ({one_line(str(exc))[:200]})")
    for cause in _causes(exc):
        if isinstance(cause, ssl.SSLCertVerificationError):
            return NetworkError(f"TLS error: {cause.verify_message or cause.reason}")
        if isinstance(cause, ssl.SSLError):
            reason = (cause.reason or "handshake failed").lower().replace("_", " ")
            return NetworkError(f"TLS error: {reason}")
        if isinstance(cause, socket.gaierror):
            return NetworkError("name not resolved")
        if isinstance(cause, OSError) and cause.errno in _ERRNO_REASONS:
            return NetworkError(_ERRNO_REASONS[cause.errno])
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError):
        return NetworkError("connection closed before the response was complete")
    return NetworkError(f"network error: {one_line(str(exc))[:200] or type(exc).__name__}")


def _causes(exc: BaseException) -> Iterator[BaseException]:
    """``exc``, its causes and contexts, and members of exception groups, each once."""
    pending, seen = [exc], set()
    while pending:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        if isinstance(current, BaseExceptionGroup):
            pending.extend(current.exceptions)
        pending.extend(e for e in (current.__cause__, current.__context__) if e is not None)
