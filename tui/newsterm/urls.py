"""Rules about feed addresses shared by the config reader and the fetcher."""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["scheme", "shown_host"]


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
