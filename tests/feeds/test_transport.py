"""The fetcher's own HTTP/1.1 transport, against a real server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import time

import httpx
import pytest

from httpserver import LoopbackServer, Reply, Request, hang_up_after, respond, trickle
from newsterm.feeds.fetch import fetch_feed, make_client
from newsterm.feeds.transport import LeanTransport

RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'


async def wait_until(condition: object, seconds: float = 5.0) -> None:
    """Poll ``condition`` (a callable) until it holds: the server notices closes in a thread."""
    assert callable(condition)
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "condition never held"
        await asyncio.sleep(0.01)


async def test_a_host_s_feeds_share_one_connection(http_server: LoopbackServer) -> None:
    urls = [http_server.route(f"/{i}.xml", respond(RSS)) for i in range(3)]
    async with make_client() as client:
        for url in urls:
            assert (await fetch_feed(client, url)).body == RSS
    assert http_server.connections_accepted == 1


async def test_an_idle_connection_makes_room_for_another_host(http_server: LoopbackServer) -> None:
    url = http_server.route("/feed.xml", respond(RSS))
    other = url.replace("127.0.0.1", "localhost")  # another origin, the same server
    async with make_client(concurrency=1) as client:
        await fetch_feed(client, url)
        await fetch_feed(client, other)
        await fetch_feed(client, url)
        assert http_server.connections_accepted == 3
        await wait_until(lambda: http_server.open_connections == 1)


async def test_requests_wait_for_a_connection_when_all_are_busy(
    http_server: LoopbackServer,
) -> None:
    url = http_server.route("/slow.xml", respond(RSS, delay=0.1))
    other = url.replace("127.0.0.1", "localhost")
    async with make_client(concurrency=1) as client:
        results = await asyncio.gather(*(fetch_feed(client, u) for u in (url, other, url)))
    assert [r.body for r in results] == [RSS] * 3
    assert http_server.max_in_flight == 1


async def test_a_kept_connection_the_server_drops_is_replaced(
    http_server: LoopbackServer,
) -> None:
    # The second request goes out on the kept connection just before the server closes it
    # unread (its keep-alive timeout); it is sent again on a new connection.
    url = http_server.route("/feed.xml", hang_up_after(RSS, pause=0.3))
    async with make_client() as client:
        first = await fetch_feed(client, url)
        second = await fetch_feed(client, url)
    assert first.body == second.body == RSS
    assert http_server.connections_accepted == 2
    assert len(http_server.requests_to("/feed.xml")) == 2


async def test_a_body_read_only_in_part_closes_its_connection(
    http_server: LoopbackServer,
) -> None:
    url = http_server.route("/slow.xml", trickle(RSS, interval=0.05))
    async with make_client() as client:
        async with client.stream("GET", url) as response:
            async for _ in response.aiter_raw():
                break
        await wait_until(lambda: http_server.open_connections == 0)
        assert (await fetch_feed(client, url)).body == RSS


async def test_a_request_with_a_body_goes_through_httpx_s_transport(
    http_server: LoopbackServer,
) -> None:
    def echo(request: Request, reply: Reply) -> None:
        reply.send(200, request.body, {"Content-Type": "text/plain"})

    url = http_server.route("/echo", echo)
    async with make_client() as client:
        response = await client.post(url, content=b"form=1")
    assert response.content == b"form=1"


async def test_a_proxy_in_the_environment_is_used(
    http_server: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    http_server.route("/feed.xml", respond(RSS))
    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", http_server.url("/").rstrip("/"))
    async with make_client() as client:
        result = await fetch_feed(client, "http://feeds.invalid/feed.xml")
    assert result.body == RSS
    assert http_server.requests[0].target == "http://feeds.invalid/feed.xml"


async def test_closing_the_transport_closes_its_idle_connections(
    http_server: LoopbackServer,
) -> None:
    url = http_server.route("/feed.xml", respond(RSS))
    transport = LeanTransport(max_connections=4)
    async with httpx.AsyncClient(transport=transport) as client:
        assert (await client.get(url)).content == RSS
        assert http_server.open_connections == 1
    await wait_until(lambda: http_server.open_connections == 0)


async def test_an_address_that_drops_connections_falls_back_to_the_next_at_once(
    http_server: LoopbackServer,
) -> None:
    # A listener that never accepts, its backlog full, drops new connection attempts, as a
    # broken IPv6 route does; the host's next address (the real server) must be tried after
    # a moment, not after the whole connect timeout.
    url = http_server.route("/feed.xml", respond(RSS))
    port = int(url.split(":")[2].split("/")[0])
    hole = socket.socket()
    hole.bind(("127.0.0.2", 0))
    hole.listen(0)
    fillers = []
    for _ in range(4):
        filler = socket.socket()
        filler.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            filler.connect(hole.getsockname())
        fillers.append(filler)
    loop = asyncio.get_running_loop()
    real = loop.getaddrinfo

    async def dead_first(host: object, wanted: object, **kwargs: object) -> list[object]:
        if host != "dual.test":
            return await real(host, wanted, **kwargs)  # type: ignore[arg-type]
        stream = socket.SOCK_STREAM
        return [
            (socket.AF_INET, stream, 6, "", ("127.0.0.2", hole.getsockname()[1])),
            (socket.AF_INET, stream, 6, "", ("127.0.0.1", port)),
        ]

    loop.getaddrinfo = dead_first  # type: ignore[method-assign]
    try:
        async with make_client() as client:
            started = time.monotonic()
            result = await fetch_feed(client, f"http://dual.test:{port}/feed.xml")
            took = time.monotonic() - started
    finally:
        loop.getaddrinfo = real  # type: ignore[method-assign]
        for filler in fillers:
            filler.close()
        hole.close()
    assert result.body == RSS
    assert took < 5.0  # the connect timeout is 20 s


async def test_bytes_past_a_response_never_become_the_next_reply(
    http_server: LoopbackServer,
) -> None:
    def overlong(request: Request, reply: Reply) -> None:
        # a Content-Length for the feed, then a forged second reply the server never owed
        reply.start(200, [("Content-Length", str(len(RSS))), ("Content-Type", "text/xml")])
        reply.write(RSS + b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nEVIL!")

    url = http_server.route("/extra.xml", overlong)
    good = http_server.route("/ok.xml", respond(RSS))
    async with make_client() as client:
        assert (await fetch_feed(client, url)).body == RSS
        assert (await fetch_feed(client, good)).body == RSS


async def test_a_waiter_cancelled_after_it_was_woken_passes_the_room_on(
    http_server: LoopbackServer,
) -> None:
    url = http_server.route("/feed.xml", respond(RSS))
    other = url.replace("127.0.0.1", "localhost")
    transport = LeanTransport(max_connections=1)
    async with httpx.AsyncClient(transport=transport, timeout=httpx.Timeout(3.0)) as client:
        held = await client.send(client.build_request("GET", url), stream=True)
        first = asyncio.create_task(client.get(url))
        second = asyncio.create_task(client.get(other))
        await asyncio.sleep(0.1)  # both wait for the one connection
        await held.aread()
        await held.aclose()  # wakes the first waiter...
        first.cancel()  # ...which is cancelled before it runs
        started = time.monotonic()
        response = await second
        assert response.content == RSS
        assert time.monotonic() - started < 2.0  # not the 3 s pool timeout
