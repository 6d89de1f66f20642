"""Requests to a sync server: TLS verified, a deadline on each, every answer size-bounded.

Any failure leaves as a SyncError (SyncAuthError for a refused login) whose text is one
line naming the server; no httpx or OS exception escapes, and no request's form data
(where the password travels) is ever part of a message.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

import httpx

from newsterm.errors import FetchError, SyncAuthError, SyncError
from newsterm.feeds.decode import ACCEPT_ENCODING
from newsterm.feeds.fetch import USER_AGENT, read_body
from newsterm.feeds.reasons import translate
from newsterm.urls import shown_host

__all__ = ["MAX_RESPONSE_BYTES", "ServerConnection", "make_sync_client"]

MAX_RESPONSE_BYTES = 32 * 1024 * 1024
"""The largest answer read: a page of 1,000 full articles, or 200,000 ids, fits easily."""

Form = Mapping[str, str | list[str]]
"""Query or form fields; a list value repeats its key (i=1&i=2)."""


def make_sync_client(transport: httpx.AsyncBaseTransport | None = None) -> httpx.AsyncClient:
    """A client for one sync: certificates verified, redirects not followed (reported)."""
    return httpx.AsyncClient(
        headers={"User-Agent": USER_AGENT, "Accept-Encoding": ACCEPT_ENCODING},
        follow_redirects=False,
        limits=httpx.Limits(max_connections=4, max_keepalive_connections=4),
        timeout=httpx.Timeout(30.0),
        transport=transport,
    )


class ServerConnection:
    """One server's API: requests relative to its address, failures as SyncErrors."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        url: str,
        *,
        timeout: float = 30.0,
        max_bytes: int = MAX_RESPONSE_BYTES,
    ) -> None:
        self.client = client
        self.url = url
        self.host = shown_host(url) or "the sync server"
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.headers: dict[str, str] = {}
        """Sent with every request (a Google Reader auth token, once logged in)."""

    async def text(
        self, method: str, path: str = "", *, params: Form | None = None, data: Form | None = None
    ) -> str:
        """The body of a 2xx answer to ``method path`` as text."""
        body = await self._body(method, path, params, data)
        return body.decode("utf-8", "replace")

    async def json(
        self, method: str, path: str = "", *, params: Form | None = None, data: Form | None = None
    ) -> Any:
        """The body of a 2xx answer to ``method path`` as a JSON object."""
        body = await self._body(method, path, params, data)
        try:
            found = json.loads(body)
        except (ValueError, RecursionError):
            raise self.fail("the answer was not JSON (is url the API address?)") from None
        if not isinstance(found, dict):
            raise self.fail("the answer was JSON but not an object")
        return found

    def fail(self, reason: str) -> SyncError:
        """A SyncError naming this server."""
        return SyncError(f"{self.host}: {reason}")

    async def _body(self, method: str, path: str, params: Form | None, data: Form | None) -> bytes:
        try:
            async with asyncio.timeout(self.timeout):
                return await self._send(method, path, params, data)
        except TimeoutError:
            raise self.fail(f"no answer within {self.timeout:g} s") from None
        except (httpx.HTTPError, httpx.InvalidURL, OSError, UnicodeError) as exc:
            raise self.fail(str(translate(exc, self.timeout))) from None
        except FetchError as exc:  # the size cap, or a broken compressed body
            raise self.fail(str(exc)) from None

    async def _send(self, method: str, path: str, params: Form | None, data: Form | None) -> bytes:
        request = self.client.build_request(
            method, self.url + path, params=params, data=data, headers=self.headers
        )
        response = await self.client.send(request, stream=True)
        try:
            self._check_status(response)
            return await read_body(response, self.max_bytes)
        finally:
            await response.aclose()

    def _check_status(self, response: httpx.Response) -> None:
        status = response.status_code
        if 200 <= status < 300:
            return
        if status in (401, 403):
            raise SyncAuthError(
                f"{self.host}: the server refused the user name or password (HTTP {status})",
                status,
            )
        if status in (301, 302, 303, 307, 308):
            raise self.fail(f"HTTP {status}: the API moved; check url in [sync]")
        raise SyncError(f"{self.host}: HTTP {status} {_phrase(status)}".rstrip(), status)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""
