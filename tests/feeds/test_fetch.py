"""fetch_feed against a real HTTP server on 127.0.0.1 (and local files)."""

from __future__ import annotations

import asyncio
import errno
import http.cookiejar
import socket
import ssl
import tracemalloc
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from httpserver import (
    LoopbackServer,
    Reply,
    Request,
    bomb,
    closed_port_url,
    compressed,
    conditional,
    endless,
    redirect,
    reset_after,
    respond,
    trickle,
)
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
from newsterm.feeds.discover import find_feed_link, is_html_page
from newsterm.feeds.fetch import MAX_REDIRECTS, USER_AGENT, fetch_feed, host_key, make_client
from newsterm.feeds.reasons import is_network_reason

RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'
ATOM = b'<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title></feed>'
KB = 1024


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    async with make_client() as client:
        yield client


def html_page(head: str = "") -> bytes:
    """A small HTML5 page with ``head`` inside its <head>."""
    page = f"<!DOCTYPE html><html><head><title>Site</title>{head}</head><body>hi</body></html>"
    return page.encode()


# -- success and conditional GET -----------------------------------------------------------


async def test_200_returns_body_and_validators(
    http_server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    url = http_server.route("/feed.xml", conditional(RSS, etag='"abc"'))
    result = await fetch_feed(client, url)
    assert (result.status, result.body, result.url, result.final_url) == (200, RSS, url, url)
    assert result.etag == '"abc"'
    assert result.last_modified == "Mon, 01 Jan 2024 00:00:00 GMT"
    assert result.content_type.startswith("application/rss+xml")
    assert not result.not_modified and result.permanent_redirect is None


async def test_client_names_newsterm_and_prefers_feeds(
    http_server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    url = http_server.route("/feed.xml", respond(RSS))
    await fetch_feed(client, url)
    headers = http_server.requests_to("/feed.xml")[0].headers
    assert headers["user-agent"] == USER_AGENT == f"newsterm/{__version__} (terminal feed reader)"
    assert headers["accept"].startswith("application/rss+xml")
    assert {"gzip", "deflate"} <= {c.strip() for c in headers["accept-encoding"].split(",")}
    assert "if-none-match" not in headers and "if-modified-since" not in headers


async def test_second_fetch_sends_validators_and_gets_304(
    http_server: LoopbackServer, client
) -> None:
    url = http_server.route("/feed.xml", conditional(RSS, etag='W/"7"'))
    first = await fetch_feed(client, url)
    second = await fetch_feed(client, url, etag=first.etag, last_modified=first.last_modified)
    assert second.not_modified and second.body is None and second.status == 304
    assert (second.etag, second.last_modified) == (first.etag, first.last_modified)
    sent = http_server.requests_to("/feed.xml")[1].headers
    assert sent["if-none-match"] == 'W/"7"'
    assert sent["if-modified-since"] == "Mon, 01 Jan 2024 00:00:00 GMT"


async def test_bare_304_keeps_the_old_validators(
    http_server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    url = http_server.route("/feed.xml", respond(status=304))
    result = await fetch_feed(client, url, etag='"old"', last_modified="Sun, 31 Dec 2023")
    assert result.not_modified
    assert (result.etag, result.last_modified) == ('"old"', "Sun, 31 Dec 2023")


async def test_validators_unsafe_for_a_header_are_not_sent(
    http_server: LoopbackServer, client
) -> None:
    url = http_server.route("/feed.xml", respond(RSS))
    result = await fetch_feed(client, url, etag='"a"\r\nX-Injected: 1', last_modified="caf\u00e9")
    assert result.body == RSS
    sent = http_server.requests_to("/feed.xml")[0].headers
    assert "x-injected" not in sent and "if-none-match" not in sent
    assert "if-modified-since" not in sent


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw-deflate", "br"])
async def test_compressed_bodies_are_decoded(
    http_server: LoopbackServer, client: httpx.AsyncClient, encoding: str
) -> None:
    if encoding == "br":
        pytest.importorskip("brotli")
    body = RSS * 500
    url = http_server.route("/feed.xml", compressed(body, encoding))
    assert (await fetch_feed(client, url)).body == body


# -- deadline and size cap -------------------------------------------------------------


async def test_trickling_body_is_stopped_at_the_deadline(
    http_server: LoopbackServer, client
) -> None:
    url = http_server.route("/slow.xml", trickle(RSS * 10, interval=0.1))
    # the whole body would take 10 s to trickle in; the deadline, not the body, ends it (and a
    # fetch that never stopped would meet the suite's per-test timeout)
    with pytest.raises(FetchTimeout, match=r"^timed out after 1\.5 s$"):
        await fetch_feed(client, url, timeout=1.5)


async def test_server_that_never_answers_is_stopped_at_the_deadline(
    http_server: LoopbackServer, client
) -> None:
    url = http_server.route("/hang.xml", respond(RSS, delay=30))
    with pytest.raises(FetchTimeout, match=r"^timed out after 0\.5 s$"):
        await fetch_feed(client, url, timeout=0.5)


async def test_endless_body_is_stopped_at_the_cap(
    http_server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    url = http_server.route("/endless.xml", endless())
    with pytest.raises(TooLarge, match=r"^larger than 256 KB$"):
        await fetch_feed(client, url, max_bytes=256 * KB)


async def test_declared_length_over_the_cap_fails_early(
    http_server: LoopbackServer, client
) -> None:
    url = http_server.route("/big.xml", respond(RSS * 4000))
    with pytest.raises(TooLarge):
        await fetch_feed(client, url, max_bytes=64 * KB)
    assert (await fetch_feed(client, url, max_bytes=len(RSS) * 4000)).body == RSS * 4000


@pytest.mark.parametrize(("encoding", "size"), [("gzip", 16 << 20), ("br", 256 << 20)])
async def test_compression_bomb_is_stopped_at_the_cap_in_bounded_memory(
    http_server: LoopbackServer, client: httpx.AsyncClient, encoding: str, size: int
) -> None:
    if encoding == "br":
        pytest.importorskip("brotli")
    url = http_server.route("/bomb.xml", bomb(size, encoding))
    tracemalloc.start()
    try:
        with pytest.raises(TooLarge, match=r"^larger than 1 MB$"):
            await fetch_feed(client, url, max_bytes=1 << 20)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 << 20  # the decoded size is never held, only the cap and a step


# -- redirects --------------------------------------------------------------------------


async def test_redirect_loop_is_detected(
    http_server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    http_server.route("/a", redirect("/b"))
    url = http_server.route("/b", redirect("/a"))
    with pytest.raises(TooManyRedirects, match=r"^redirect loop$"):
        await fetch_feed(client, url)
    assert len(http_server.requests) == 2


def chain(server: LoopbackServer, hops: int) -> str:
    """/r0 -> /r1 -> ... -> /r{hops} (the feed), with relative Locations."""
    for i in range(hops):
        server.route(f"/r{i}", redirect(f"r{i + 1}"))
    server.route(f"/r{hops}", respond(RSS))
    return server.url("/r0")


async def test_five_redirects_are_followed(
    http_server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    result = await fetch_feed(client, chain(http_server, MAX_REDIRECTS))
    assert result.body == RSS and result.final_url == http_server.url(f"/r{MAX_REDIRECTS}")
    assert result.permanent_redirect is None  # 302s only


async def test_more_than_five_redirects_fail(
    http_server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    with pytest.raises(TooManyRedirects, match=r"^too many redirects$"):
        await fetch_feed(client, chain(http_server, MAX_REDIRECTS + 1))
    assert len(http_server.requests) == MAX_REDIRECTS + 1


@pytest.mark.parametrize("status", [301, 308])
async def test_permanent_redirect_is_recorded(
    http_server: LoopbackServer, client: httpx.AsyncClient, status: int
) -> None:
    url = http_server.route("/old.xml", redirect("/moved", status=status))
    http_server.route("/moved", redirect("/new.xml", status=308))
    new = http_server.route("/new.xml", respond(RSS))
    result = await fetch_feed(client, url)
    assert result.body == RSS and result.url == url
    assert result.final_url == new and result.permanent_redirect == new


@pytest.mark.parametrize(
    ("first", "second", "moved_to"),
    [(301, 302, "/moved"), (308, 307, "/moved"), (302, 301, None), (307, 308, None)],
)
async def test_permanent_redirect_ends_at_the_first_temporary_hop(
    http_server: LoopbackServer,
    client: httpx.AsyncClient,
    first: int,
    second: int,
    moved_to: str | None,
) -> None:
    # 301 A -> B then 302 B -> C: A now lives at B; C is only where B points today.
    url = http_server.route("/old.xml", redirect("/moved", status=first))
    http_server.route("/moved", redirect("/today.xml", status=second))
    today = http_server.route("/today.xml", respond(RSS))
    result = await fetch_feed(client, url)
    assert result.final_url == today
    assert result.permanent_redirect == (http_server.url(moved_to) if moved_to else None)


async def test_redirect_to_another_scheme_is_refused(
    http_server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    url = http_server.route("/a", redirect("file:///etc/passwd"))
    with pytest.raises(FetchError, match="unsupported URL"):
        await fetch_feed(client, url)


async def test_cookie_bounce_is_not_a_loop(
    http_server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    def gate(request: Request, reply: Reply) -> None:
        if "seen=1" in request.headers.get("cookie", ""):
            reply.send(200, RSS, {"Content-Type": "application/rss+xml"})
        else:
            reply.send(302, headers={"Location": "/check", "Set-Cookie": "seen=1; Path=/"})

    url = http_server.route("/feed.xml", gate)
    http_server.route("/check", redirect("/feed.xml"))
    assert (await fetch_feed(client, url)).body == RSS


async def test_only_a_reply_that_sets_a_cookie_reaches_the_cookie_jar(
    http_server: LoopbackServer, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Wrapping a reply for the standard library's jar costs a tenth of a 304: only one with
    Set-Cookie is handed to it, and that cookie is still sent on the next request."""
    read: list[str] = []
    extract = http.cookiejar.CookieJar.extract_cookies

    def counted(jar: http.cookiejar.CookieJar, response: Any, request: Any) -> None:
        read.append(request.get_full_url())
        extract(jar, response, request)

    monkeypatch.setattr(http.cookiejar.CookieJar, "extract_cookies", counted)
    plain = http_server.route("/plain.xml", respond(RSS))
    setter = http_server.route("/set.xml", respond(RSS, headers={"Set-Cookie": "id=7; Path=/"}))
    echo = http_server.route("/echo.xml", lambda request, reply: reply.send(
        200, request.headers.get("cookie", "").encode(), {"Content-Type": "text/plain"}
    ))  # fmt: skip
    await fetch_feed(client, plain)
    assert read == []
    await fetch_feed(client, setter)
    assert read == [setter]
    assert (await fetch_feed(client, echo)).body == b"id=7"


# -- failures ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "message"),
    [(404, "HTTP 404 Not Found"), (410, "HTTP 410 Gone"), (500, "HTTP 500 Internal Server Error")],
)
async def test_error_status(
    http_server: LoopbackServer, client: httpx.AsyncClient, status: int, message: str
) -> None:
    url = http_server.route("/feed.xml", respond(b"oops", status=status))
    with pytest.raises(HTTPStatusError) as caught:
        await fetch_feed(client, url)
    assert caught.value.status == status and str(caught.value) == message


async def test_connection_refused(client: httpx.AsyncClient) -> None:
    with pytest.raises(NetworkError, match=r"^connection refused$") as caught:
        await fetch_feed(client, closed_port_url("/feed.xml"))
    assert is_network_reason(str(caught.value))
    assert not is_network_reason("HTTP 404 Not Found")


async def test_connection_reset_mid_body(
    http_server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    url = http_server.route("/feed.xml", reset_after(RSS[:40]))
    with pytest.raises(NetworkError, match=r"^connection (reset|closed)"):
        await fetch_feed(client, url)


async def test_tls_failure_is_named(http_server: LoopbackServer, client: httpx.AsyncClient) -> None:
    http_server.route("/feed.xml", respond(RSS))
    url = http_server.url("/feed.xml").replace("http://", "https://")
    with pytest.raises(NetworkError, match=r"^TLS error: "):
        await fetch_feed(client, url)


def refused() -> Exception:
    return ConnectionRefusedError(errno.ECONNREFUSED, "Connection refused")


def cert_expired() -> Exception:
    err = ssl.SSLCertVerificationError(1, "certificate verify failed")
    err.verify_message = "certificate has expired"
    return err


@pytest.mark.parametrize(
    ("make_error", "kind", "message"),
    [
        (lambda: httpx.ConnectError("x"), NetworkError, "network error: x"),
        (lambda: httpx.ReadTimeout("x"), FetchTimeout, "timed out after 20 s"),
        (lambda: httpx.RemoteProtocolError("x"), NetworkError, "connection closed"),
        (lambda: socket.gaierror(-2, "Name or service not known"), NetworkError, "name not"),
        (cert_expired, NetworkError, "TLS error: certificate has expired"),
        (lambda: ExceptionGroup("all failed", [refused()]), NetworkError, "connection refused"),
        (lambda: OSError(errno.EHOSTUNREACH, "No route"), NetworkError, "host unreachable"),
    ],
)
async def test_transport_errors_become_fetch_errors(
    make_error: Callable[[], Exception], kind: type[FetchError], message: str
) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        cause = make_error()
        if isinstance(cause, httpx.HTTPError):
            raise cause
        raise httpx.ConnectError("wrapped") from cause

    async with make_client(transport=httpx.MockTransport(fail)) as mocked:
        with pytest.raises(kind) as caught:
            await fetch_feed(mocked, "https://feeds.example/rss")
    assert str(caught.value).startswith(message)
    assert is_network_reason(str(caught.value)) is (kind is NetworkError)


# -- HTML pages and discovery -----------------------------------------------------------


async def test_html_page_leads_to_its_feed(
    http_server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    link = '<link rel="alternate" type="application/rss+xml" title="Feed" href="../feeds/main.xml">'
    page = http_server.route(
        "/blog/index.html",
        respond(html_page(link), content_type="text/html", headers={"ETag": '"page"'}),
    )
    feed = http_server.route("/feeds/main.xml", respond(RSS))
    result = await fetch_feed(client, page)
    assert (result.url, result.final_url, result.discovered_from) == (page, feed, page)
    assert result.body == RSS and result.status == 200
    assert result.etag is None  # the page's validators must not be stored for the feed


LINK = '<link rel="alternate" type="application/rss+xml" href="/feed.xml">'
FEED_LM = "Mon, 01 Jan 2024 00:00:00 GMT"


def site(server: LoopbackServer, *, feed: bytes = RSS) -> tuple[str, str]:
    """A page (with validators of its own) linking to a feed that answers 304s."""
    page = server.route(
        "/",
        respond(
            html_page(LINK),
            content_type="text/html",
            headers={"ETag": '"page"', "Last-Modified": "Tue, 02 Jan 2024 00:00:00 GMT"},
        ),
    )
    return page, server.route("/feed.xml", conditional(feed, etag='"f1"', last_modified=FEED_LM))


async def test_discovered_feed_etag_makes_the_next_fetch_conditional(
    http_server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    page, feed = site(http_server)
    first = await fetch_feed(client, page)
    assert (first.final_url, first.etag) == (feed, '"f1"')
    # A caller that sends validators to the page must not send the feed's date there:
    # a page unchanged since then would answer 304 and hide a changed feed.
    assert first.last_modified is None
    second = await fetch_feed(client, page, etag=first.etag, last_modified=first.last_modified)
    assert second.not_modified and second.discovered_from == page and second.etag == '"f1"'
    page_sent, feed_sent = http_server.requests[2].headers, http_server.requests[3].headers
    assert "if-modified-since" not in page_sent
    assert feed_sent["if-none-match"] == '"f1"'


async def test_known_feed_url_is_fetched_directly_and_conditionally(
    http_server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    page, feed = site(http_server)
    known = await fetch_feed(client, page, known_feed_url=feed)  # no validators yet
    assert (known.url, known.final_url, known.discovered_from) == (page, feed, page)
    assert (known.body, known.etag, known.last_modified) == (RSS, '"f1"', FEED_LM)
    again = await fetch_feed(
        client, page, etag=known.etag, last_modified=known.last_modified, known_feed_url=feed
    )
    assert again.not_modified and again.discovered_from == page
    assert (again.etag, again.last_modified) == ('"f1"', FEED_LM)
    assert [r.path for r in http_server.requests] == ["/feed.xml", "/feed.xml"]
    sent = http_server.requests[1].headers
    assert (sent["if-none-match"], sent["if-modified-since"]) == ('"f1"', FEED_LM)


@pytest.mark.parametrize("gone", [404, 410, "html"])
async def test_vanished_known_feed_leads_back_to_the_page(
    http_server: LoopbackServer, client: httpx.AsyncClient, gone: int | str
) -> None:
    page, feed = site(http_server)
    old = http_server.url("/old-feed.xml")
    if gone == "html":
        http_server.route("/old-feed.xml", respond(html_page(), content_type="text/html"))
    else:
        http_server.route("/old-feed.xml", respond(b"gone", status=int(gone)))
    result = await fetch_feed(client, page, etag='"old"', last_modified=FEED_LM, known_feed_url=old)
    assert (result.body, result.final_url, result.discovered_from) == (RSS, feed, page)
    assert [r.path for r in http_server.requests] == ["/old-feed.xml", "/", "/feed.xml"]
    assert "if-modified-since" not in http_server.requests[1].headers  # the old feed's date


async def test_known_feed_that_moved_is_not_reported_as_the_page_moving(
    http_server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    page, feed = site(http_server)
    old = http_server.route("/old-feed.xml", redirect("/feed.xml", status=301))
    result = await fetch_feed(client, page, known_feed_url=old)
    assert (result.body, result.final_url, result.permanent_redirect) == (RSS, feed, None)


async def test_known_feed_url_never_reads_local_files_for_a_web_page(
    http_server: LoopbackServer, client: httpx.AsyncClient, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.xml"
    secret.write_bytes(ATOM)
    page, feed = site(http_server)
    for known in (secret.as_uri(), str(secret)):
        result = await fetch_feed(client, page, known_feed_url=known)
        assert (result.body, result.final_url) == (RSS, feed)


async def test_known_feed_failing_otherwise_is_a_failure(
    http_server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    page, _ = site(http_server)
    broken = http_server.route("/broken.xml", respond(b"oops", status=500))
    with pytest.raises(HTTPStatusError, match="500"):
        await fetch_feed(client, page, known_feed_url=broken)
    assert [r.path for r in http_server.requests] == ["/broken.xml"]


async def test_html_page_without_feed_link_is_not_a_feed(
    http_server: LoopbackServer, client
) -> None:
    url = http_server.route("/", respond(html_page(), content_type="text/html"))
    with pytest.raises(NotAFeed, match=r"^not a feed \(HTML page with no feed link\)$"):
        await fetch_feed(client, url)


async def test_discovery_goes_one_hop_only(
    http_server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    link = '<link rel="alternate" type="application/atom+xml" href="/b.html">'
    url = http_server.route("/a.html", respond(html_page(link), content_type="text/html"))
    http_server.route("/b.html", respond(html_page(link), content_type="text/html"))
    with pytest.raises(NotAFeed):
        await fetch_feed(client, url)
    assert [r.path for r in http_server.requests] == ["/a.html", "/b.html"]


async def test_feed_served_as_html_is_still_a_feed(
    http_server: LoopbackServer, client: httpx.AsyncClient
) -> None:
    url = http_server.route("/feed", respond(RSS, content_type="text/html"))
    result = await fetch_feed(client, url)
    assert result.body == RSS and result.discovered_from is None


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        (RSS, "text/html", False),
        (ATOM, "", False),
        (b"<rdf:RDF xmlns:rdf='x'></rdf:RDF>", "text/html", False),
        (b"\xef\xbb\xbf<!-- licence -->\n<rss/>", "text/html", False),
        ("\ufeff<rss/>".encode("utf-16-le"), "text/html", False),
        (html_page(), "", True),
        (b"<!doctype html><title>x</title>", "application/xml", True),
        (b"<HTML><body>x", "text/xml", True),
        (b"<p>fragment</p>", "text/html; charset=utf-8", True),
        (b"<p>fragment</p>", "application/xml", False),
        (b"", "", False),
    ],
)
def test_is_html_page(body: bytes, content_type: str, expected: bool) -> None:
    assert is_html_page(body, content_type) is expected


def test_find_feed_link_honours_base_and_skips_other_links() -> None:
    page = html_page(
        '<base href="https://cdn.example/x/">'
        '<link rel="stylesheet" href="style.css">'
        '<link rel="alternate" type="text/html" href="/fr/">'
        '<link rel="alternate" type="application/rss+xml" href="file:///etc/passwd">'
        '<link rel="Alternate" type="application/atom+xml; charset=utf-8" href=" atom.xml#top ">'
    )
    assert find_feed_link(page, "https://site.example/") == "https://cdn.example/x/atom.xml"
    assert find_feed_link(html_page(), "https://site.example/") is None


# -- local files ------------------------------------------------------------------------


async def test_file_url_and_plain_path(tmp_path: Path, client: httpx.AsyncClient) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(ATOM)
    for url in (path.as_uri(), str(path)):
        result = await fetch_feed(client, url)
        assert (result.status, result.body, result.url) == (0, ATOM, url)
        assert result.final_url == path.as_uri()


async def test_local_file_failures(tmp_path: Path, client: httpx.AsyncClient) -> None:
    with pytest.raises(FetchError, match=r"^no such file: .*missing\.xml$"):
        await fetch_feed(client, str(tmp_path / "missing.xml"))
    with pytest.raises(FetchError, match=r"^is a directory"):
        await fetch_feed(client, tmp_path.as_uri())
    big = tmp_path / "big.xml"
    big.write_bytes(b"x" * 2000)
    with pytest.raises(TooLarge):
        await fetch_feed(client, str(big), max_bytes=1000)


async def test_unsupported_scheme(client: httpx.AsyncClient) -> None:
    with pytest.raises(FetchError, match=r"^unsupported URL scheme: ftp$"):
        await fetch_feed(client, "ftp://example.org/feed.xml")


# -- helpers for the refresh layer --------------------------------------------------------


def test_host_key() -> None:
    assert host_key("https://Example.ORG:8443/feed") == "example.org"
    assert host_key("http://example.org/a") == host_key("https://example.org/b")
    assert host_key("/home/me/feed.xml") == host_key("file:///tmp/x") == ""
    assert host_key("http://[::1") == ""


async def test_server_measures_concurrency_and_client_pool_bounds_it(
    http_server: LoopbackServer,
) -> None:
    urls = [http_server.route(f"/{i}.xml", respond(RSS, delay=0.2)) for i in range(4)]
    async with make_client(concurrency=2) as narrow:
        results = await asyncio.gather(*(fetch_feed(narrow, url) for url in urls))
    assert [r.body for r in results] == [RSS] * 4
    assert http_server.max_in_flight == 2
    http_server.reset_counters()
    async with make_client() as wide:
        await asyncio.gather(*(fetch_feed(wide, url) for url in urls))
    assert http_server.max_in_flight == 4
    assert http_server.errors == []


async def test_server_bounds_its_lifetime_and_cuts_responses_in_progress(
    client: httpx.AsyncClient,
) -> None:
    server = LoopbackServer(lifetime=0.3).start()
    url = server.route("/slow.xml", trickle(RSS, interval=0.05))
    with pytest.raises(NetworkError):  # the server cut it, long before the 5 s deadline
        await fetch_feed(client, url, timeout=5)
    server.stop()
    assert server.open_connections == 0 and server.errors == []
