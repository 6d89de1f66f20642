"""newsterm's exceptions.

Everything newsterm raises on purpose derives from ``NewstermError``, so the
command line and the app can turn any of them into one clear line::

    NewstermError
    ├── ConfigError          feeds.toml cannot be read or is invalid
    ├── ListError            a subscription list (OPML, urls) cannot be imported
    ├── StoreError           the SQLite cache cannot be used
    │   ├── CacheCorrupt     not a database / damaged; moved aside, never deleted
    │   ├── CacheTooNew      written by a newer newsterm
    │   ├── CacheLocked      another process holds the write lock too long
    │   ├── CacheFull        the disk (or page budget) is full
    │   └── SearchError      a search query cannot be used
    ├── FetchError           one feed could not be fetched or understood
    │   ├── HTTPStatusError  the server answered 4xx/5xx
    │   ├── FetchTimeout     the per-feed deadline passed
    │   ├── TooLarge         the body passed the size cap
    │   ├── TooManyRedirects
    │   ├── NetworkError     DNS, refused, reset, TLS
    │   └── NotAFeed         the document is neither a feed nor links to one
    ├── ExtractionError      an article page could not be read in time (F, full_text)
    └── SyncError            the sync server could not be reached, refused us, or answered nonsense
        ├── SyncAuthError    the server refused the user name or password
        └── PasswordError    no password could be had for [sync]
"""

from __future__ import annotations

from pathlib import Path


class NewstermError(Exception):
    """Base of every error newsterm reports to the user."""


class ConfigError(NewstermError):
    """feeds.toml is unreadable or invalid; ``problems`` holds one line per fault."""

    def __init__(self, path: Path | None, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(problems))


class ListError(NewstermError):
    """A subscription list cannot be read; the message is "FILE:LINE: what is wrong"."""


class StoreError(NewstermError):
    """The cache database cannot be used."""


class CacheCorrupt(StoreError):
    """The cache file was not a usable SQLite database; it was moved to ``moved_to``."""

    def __init__(self, path: Path, moved_to: Path | None, detail: str) -> None:
        self.path = path
        self.moved_to = moved_to
        self.detail = detail
        where = f"; it was moved to {moved_to}" if moved_to else ""
        super().__init__(f"cache {path} is damaged ({detail}){where}")


class CacheTooNew(StoreError):
    """The cache was written by a newer newsterm with a newer schema."""


class CacheLocked(StoreError):
    """Another newsterm process holds the cache's write lock."""


class CacheFull(StoreError):
    """The cache could not grow: the disk or its page budget is full."""


class SearchError(StoreError):
    """A full-text search query cannot be used; the message says why, for the user."""


class FetchError(NewstermError):
    """A feed could not be fetched; ``str(err)`` is a short reason for the user."""


class HTTPStatusError(FetchError):
    """The server answered with an error status."""

    def __init__(self, status: int, reason: str = "", retry_after: float | None = None) -> None:
        self.status = status
        self.retry_after = retry_after  # seconds the server asked for (429, 503), unclamped
        super().__init__(f"HTTP {status}{' ' + reason if reason else ''}")


class FetchTimeout(FetchError):
    """The whole-request deadline passed."""


class TooLarge(FetchError):
    """The response body passed the size cap."""


class TooManyRedirects(FetchError):
    """The redirect chain was too long or looped."""


class NetworkError(FetchError):
    """The connection failed: DNS, refused, reset or TLS."""


class NotAFeed(FetchError):
    """The document is not a feed and names no feed either."""


class ExtractionError(NewstermError):
    """Finding the article in a fetched page ran past its deadline, or its process died."""


class SyncError(NewstermError):
    """A sync with the server failed; ``str(err)`` is one line naming the server and the cause."""

    def __init__(self, message: str, status: int | None = None) -> None:
        self.status = status
        """The HTTP status the server answered with, when that was the fault."""
        super().__init__(message)


class SyncAuthError(SyncError):
    """The server refused the configured user and password."""


class PasswordError(SyncError):
    """No password could be had from password_command, the environment or the keyring."""
