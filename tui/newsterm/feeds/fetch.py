"""Fetch one feed: conditional GET, a whole-request deadline, a size cap, redirects by hand.

Every failure leaves as a ``FetchError`` subclass whose text is a short reason
for the user ("HTTP 404 Not Found", "timed out after 20 s"; see reasons.py); no
httpx or OS exception escapes. ``file://`` URLs and plain paths read local files
(local.py).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from http import HTTPStatus
from urllib.parse import urlsplit
from urllib.request import getproxies

import httpx

from newsterm import __version__
from newsterm.errors import FetchError, HTTPStatusError, NotAFeed, TooManyRedirects
from newsterm.feeds.client import FeedClient
from newsterm.feeds.decode import ACCEPT_ENCODING, make_decoders, pipe
from newsterm.feeds.discover import find_feed_link, is_html_page
from newsterm.feeds.freshness import http_fresh_for, retry_after
from newsterm.feeds.local import file_uri, local_path, read_file
from newsterm.feeds.reasons import timed_out, too_large, translate
from newsterm.feeds.transport import LeanTransport
from newsterm.models import FetchResult
from newsterm.text.sanitize import one_line
from newsterm.urls import scheme

__all__ = [
    "MAX_BYTES",
    "MAX_REDIRECTS",
    "USER_AGENT",
    "fetch_feed",
    "fetch_page",
    "host_key",
    "make_client",
    "read_body",
    "redirect_target",
]

USER_AGENT = f"newsterm/{__version__} (terminal feed reader)"
MAX_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.5, */*;q=0.1"
)


_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PERMANENT = frozenset({301, 308})
_ASK_TO_WAIT = frozenset({429, 503})  # the statuses whose Retry-After is honoured
_TRANSPORT_ERRORS: tuple[type[BaseException], ...] = (
    httpx.HTTPError,
    httpx.InvalidURL,
    OSError,
    UnicodeError,
)


def make_client(
    *, concurrency: int = 16, transport: httpx.AsyncBaseTransport | None = None
) -> httpx.AsyncClient:
    """One client per refresh: pooled connections sized to ``concurrency``, redirects off.

    Requests go through transport.py's lean transport, unless the caller gives one or the
    environment names a proxy (httpx's own transport honours it).
    """
    size = max(1, concurrency)
    if transport is None and not _proxied():
        transport = LeanTransport(max_connections=size)
    return FeedClient(
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": ACCEPT_ENCODING},
        follow_redirects=False,  # fetch_feed follows them itself, to record 301/308
        limits=httpx.Limits(max_connections=size, max_keepalive_connections=size),
        timeout=httpx.Timeout(20.0),
        transport=transport,
    )


def _proxied() -> bool:
    """Whether the environment names a proxy httpx would use for http or https."""
    return not {"http", "https", "all"}.isdisjoint(getproxies())


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
    known_feed_url: str | None = None,
    timeout: float = 20.0,
    max_bytes: int = MAX_BYTES,
) -> FetchResult:
    """Fetch ``url`` within ``timeout`` seconds in all; an HTML page leads to its feed.

    ``known_feed_url`` is the feed an earlier fetch found on the page ``url`` (its
    ``final_url`` when ``discovered_from`` was set): that feed is fetched directly,
    conditionally, and the page only again when the feed is gone or is no feed.
    """
    fetcher = _Fetcher(client, timeout, max_bytes)
    try:
        async with asyncio.timeout(timeout):
            if known_feed_url and known_feed_url != url and _may_link(url, known_feed_url):
                known = await fetcher.known_feed(url, known_feed_url, etag, last_modified)
                if known is not None:
                    return known
                last_modified = None  # it was the vanished feed's, not the page's
            return await fetcher.feed_or_page(url, etag, last_modified)
    except TimeoutError:
        raise timed_out(timeout) from None


async def fetch_page(
    client: httpx.AsyncClient, url: str, *, timeout: float = 20.0, max_bytes: int = MAX_BYTES
) -> FetchResult:
    """One web page (an article's), with the same deadline, size cap and redirect rules as a
    feed; no feed discovery, and never a local file."""
    if scheme(url) not in ("http", "https"):
        raise FetchError(f"not a web address: {one_line(url)[:100]}")
    try:
        async with asyncio.timeout(timeout):
            return await _Fetcher(client, timeout, max_bytes).one(url, None, None)
    except TimeoutError:
        raise timed_out(timeout) from None


def _may_link(page_url: str, feed_url: str) -> bool:
    """Whether a page may name ``feed_url`` as its feed: only a local page a local file."""
    try:
        return scheme(feed_url) in ("http", "https") or scheme(page_url) in ("", "file")
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class _Fetcher:
    """What every request of one fetch_feed call shares: the client and its limits."""

    client: httpx.AsyncClient
    timeout: float
    max_bytes: int

    async def feed_or_page(
        self, url: str, etag: str | None, last_modified: str | None
    ) -> FetchResult:
        """``url`` itself when it is a feed (or not modified), else the feed its page links to."""
        first = await self.one(url, etag, last_modified)
        if first.body is None or not is_html_page(first.body, first.content_type):
            return first
        return await self.linked_feed(first, etag)

    async def known_feed(
        self, page_url: str, feed_url: str, etag: str | None, last_modified: str | None
    ) -> FetchResult | None:
        """The feed found on ``page_url`` last time, fetched conditionally; None when gone."""
        try:
            feed = await self.one(feed_url, etag, last_modified)
        except HTTPStatusError as exc:
            if exc.status in (404, 410):
                return None
            raise
        if feed.body is not None and is_html_page(feed.body, feed.content_type):
            return None
        # The feed's own redirects say nothing of the page; the page's were reported
        # when it was last fetched, and are checked again whenever the feed goes.
        return replace(feed, url=page_url, permanent_redirect=None, discovered_from=page_url)

    async def linked_feed(self, page: FetchResult, etag: str | None) -> FetchResult:
        """Fetch the feed an HTML page links to: one hop, never a chain of pages."""
        assert page.body is not None
        link = await asyncio.to_thread(find_feed_link, page.body, page.final_url)
        if link is None:
            raise NotAFeed("not a feed (HTML page with no feed link)")
        # Only an ETag is tried on the feed: it cannot match any other document, so it is
        # safe whether it came from this feed or from the page. A Last-Modified from the
        # page could get a 304 from a feed changed before that date.
        feed = await self.one(link, etag, None)
        if feed.body is not None and is_html_page(feed.body, feed.content_type):
            raise NotAFeed(f"not a feed (the page's feed link {link} is an HTML page)")
        # For the same reason the feed's Last-Modified is kept back: a caller that sends
        # validators to the page (without known_feed_url) could get a 304 hiding a change.
        return replace(
            feed,
            url=page.url,
            last_modified=None,
            permanent_redirect=page.permanent_redirect,
            discovered_from=page.final_url,
        )

    async def one(self, url: str, etag: str | None, last_modified: str | None) -> FetchResult:
        """One document, local or remote, with httpx and OS errors made FetchErrors."""
        path = local_path(url)
        if path is not None:
            body = await asyncio.to_thread(read_file, path, self.max_bytes)
            final = url if url.startswith("file:") else file_uri(path)
            return FetchResult(url=url, final_url=final, status=0, body=body)
        try:
            return await self._http(url, etag, last_modified)
        except _TRANSPORT_ERRORS as exc:
            raise translate(exc, self.timeout) from exc

    async def _http(self, url: str, etag: str | None, last_modified: str | None) -> FetchResult:
        """GET ``url``, following up to MAX_REDIRECTS redirects and catching loops."""
        headers = _conditional_headers(etag, last_modified)
        target: httpx.URL | str = httpx.URL(url)  # parsed once: the first request takes it
        chain = _Chain(str(target))
        for _ in range(MAX_REDIRECTS + 1):
            request = self.client.build_request(
                "GET", target, headers=headers, timeout=self.timeout
            )
            response = await self.client.send(request, stream=True)
            try:
                status = response.status_code
                if status not in _REDIRECTS:
                    body = await _read_response(response, self.max_bytes)
                    return _result(url, chain, response, body, etag, last_modified)
                target = redirect_target(chain.current, status, response.headers.get("location"))
            finally:
                await response.aclose()
            chain.follow(target, status, new_cookie="set-cookie" in response.headers)
        raise TooManyRedirects("too many redirects")


@dataclass(slots=True)
class _Chain:
    """Where one GET has been sent so far, and where the feed has moved for good."""

    current: str
    """The URL to ask next."""
    seen: set[str] = field(default_factory=set)
    moved: str | None = None
    """Where the leading run of permanent redirects ends."""
    temporary: bool = False
    """Whether a temporary redirect has come yet."""

    def __post_init__(self) -> None:
        self.seen.add(self.current)

    def follow(self, target: str, status: int, *, new_cookie: bool) -> None:
        """Go on to ``target``; TooManyRedirects when it leads back where the chain has been."""
        # After a temporary hop the chain may change at any time: only the permanent
        # hops before it say where the configured URL now lives.
        self.temporary = self.temporary or status not in _PERMANENT
        if not self.temporary:
            self.moved = target
        if new_cookie:
            self.seen.clear()  # new cookie state: coming back to a URL is not (yet) a loop
        if target in self.seen:
            raise TooManyRedirects("redirect loop")
        self.seen.add(target)
        self.current = target


def _result(
    url: str,
    chain: _Chain,
    response: httpx.Response,
    body: bytes | None,
    etag: str | None,
    last_modified: str | None,
) -> FetchResult:
    """The response the chain ended at; the validators sent are kept when a 304 names none."""
    return FetchResult(
        url=url,
        final_url=chain.current,
        status=response.status_code,
        body=body,
        content_type=response.headers.get("content-type", ""),
        etag=_validator(response.headers.get("etag"), etag, body),
        last_modified=_validator(response.headers.get("last-modified"), last_modified, body),
        permanent_redirect=chain.moved if chain.moved != url else None,
        fresh_for=http_fresh_for(response.headers, datetime.now(UTC)),
    )


async def _read_response(response: httpx.Response, max_bytes: int) -> bytes | None:
    """The decoded body of a 2xx, None for a 304; raises for any other status."""
    status = response.status_code
    if status == 304:
        # A 304 has no body (h11 reads none), but closing it unread closes the connection:
        # reading its end leaves it open for the next feed on this host. Read raw: there is
        # nothing to decode, and setting up the decoders costs more than reading nothing.
        async for _ in response.aiter_raw():
            pass
        return None
    if not 200 <= status < 300:
        wait = None
        if status in _ASK_TO_WAIT:
            wait = retry_after(response.headers.get("retry-after"), datetime.now(UTC))
        raise HTTPStatusError(status, _reason(status, response.reason_phrase), wait)
    return await read_body(response, max_bytes)


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


def redirect_target(current: str, status: int, location: str | None) -> str:
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


async def read_body(response: httpx.Response, max_bytes: int) -> bytes:
    """Stream and decode the body, stopping as soon as either size passes ``max_bytes``."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_large(max_bytes)
    decoders = make_decoders(response.headers.get_list("content-encoding", split_commas=True))
    parts: list[bytes] = []
    raw = decoded = 0
    async for chunk in response.aiter_raw():
        raw += len(chunk)
        for piece in pipe(decoders, chunk):
            decoded += len(piece)
            if decoded > max_bytes:
                raise too_large(max_bytes)
            parts.append(piece)
        if raw > max_bytes:
            raise too_large(max_bytes)
    return b"".join(parts)
