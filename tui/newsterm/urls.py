"""Rules about feed addresses shared by the config reader and the fetcher."""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["feed_key", "scheme", "shown_host"]

_DEFAULT_PORTS = {"http": 80, "https": 443}


def scheme(url: str) -> str:
    """``url``'s scheme in lower case, or "" when it is a filesystem path.

    A one-letter scheme is a Windows drive (``C:\\feeds\\a.xml``), not a URL scheme.
    Raises ValueError for a string urlsplit refuses (a malformed IPv6 host).
    """
    found = urlsplit(url).scheme.lower()
    return found if len(found) > 1 else ""


def shown_host(url: str) -> str:
    """The ``host[:port]`` of an http(s) URL for a message, without any user:password@."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https"):
        return ""
    return parts.netloc.rpartition("@")[2]


def feed_key(url: str) -> str:
    """``url`` reduced to what tells two feeds apart, so one listed twice is seen as one.

    Scheme and host are case-blind, a default port and a fragment say nothing, and
    ``http``/``https`` or a trailing slash do not make another feed.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url.strip()
    kind = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if port is not None and port != _DEFAULT_PORTS.get(kind):
        host += f":{port}"
    if kind == "https":
        kind = "http"
    path = parts.path.rstrip("/")
    query = f"?{parts.query}" if parts.query else ""
    return f"{kind}://{host}{path}{query}"
