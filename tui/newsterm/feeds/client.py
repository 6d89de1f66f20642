"""The httpx client newsterm fetches with: httpx's own, with a jar that skips cookieless replies.

httpx hands every response to the standard library's cookie jar, wrapping it first in a
urllib request and an email message of all its headers: about a tenth of the CPU a 304
costs. A response with no Set-Cookie (or Set-Cookie2) header leaves the jar as it was, so
only the responses that set a cookie are handed on.
"""

from __future__ import annotations

from http.cookiejar import CookieJar
from typing import Any

import httpx

__all__ = ["FeedClient"]

_SETTERS = ("set-cookie", "set-cookie2")
"""The headers the standard library's jar reads cookies from."""

Cookies = httpx.Cookies | CookieJar | dict[str, str] | list[tuple[str, str]]


class _ReadWhenSet(httpx.Cookies):
    """httpx's cookies, reading a response only when it sets one."""

    def extract_cookies(self, response: httpx.Response) -> None:
        headers = response.headers
        if any(name in headers for name in _SETTERS):
            super().extract_cookies(response)


class FeedClient(httpx.AsyncClient):
    """An ``httpx.AsyncClient`` whose cookie jar is ``_ReadWhenSet``; otherwise httpx's."""

    def __init__(self, *, cookies: Cookies | None = None, **options: Any) -> None:
        super().__init__(**options)
        self._jar = _ReadWhenSet(cookies)

    # httpx reads and fills its jar through this property (in build_request and send), so
    # the jar set here is the one every request uses.
    @property
    def cookies(self) -> httpx.Cookies:
        return self._jar

    @cookies.setter
    def cookies(self, cookies: Cookies) -> None:
        self._jar = _ReadWhenSet(cookies)
