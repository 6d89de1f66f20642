"""Failures as the short reasons users read: "connection refused", "larger than 20 MB".

httpx and the OS raise dozens of exception types, often wrapped in one another or in
exception groups; ``translate`` finds the cause that matters and names it in a few words.
"""

from __future__ import annotations

import errno
import socket
import ssl
from collections.abc import Iterator

import httpx

from newsterm.errors import FetchError, FetchTimeout, NetworkError, TooLarge
from newsterm.text.sanitize import one_line

__all__ = ["is_network_reason", "timed_out", "too_large", "translate"]

_ERRNO_REASONS = {
    errno.ECONNREFUSED: "connection refused",
    errno.ECONNRESET: "connection reset",
    errno.ENETUNREACH: "network unreachable",
    errno.EHOSTUNREACH: "host unreachable",
}
_TLS = "TLS error: "
_UNRESOLVED = "name not resolved"
_CLOSED = "connection closed before the response was complete"
_OTHER = "network error: "
_NETWORK_REASONS = (*_ERRNO_REASONS.values(), _TLS, _UNRESOLVED, _CLOSED, _OTHER)


def is_network_reason(reason: str) -> bool:
    """True when ``reason`` is a NetworkError's text: the host was not reached."""
    return reason.startswith(_NETWORK_REASONS)


def timed_out(timeout: float) -> FetchTimeout:
    """The error for a fetch that passed its whole-request deadline."""
    return FetchTimeout(f"timed out after {timeout:g} s")


def too_large(max_bytes: int) -> TooLarge:
    """The error for a document past the size cap, the cap in words ("20 MB")."""
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if max_bytes >= scale:
            return TooLarge(f"larger than {max_bytes / scale:.3g} {unit}")
    return TooLarge(f"larger than {max_bytes} bytes")


def translate(exc: BaseException, timeout: float) -> FetchError:
    """The FetchError a user should see for a transport failure."""
    if isinstance(exc, httpx.TimeoutException | TimeoutError):
        return timed_out(timeout)
    if isinstance(exc, httpx.InvalidURL | httpx.UnsupportedProtocol | UnicodeError):
        return FetchError(f"invalid URL ({one_line(str(exc))[:200]})")
    for cause in _causes(exc):
        if isinstance(cause, ssl.SSLCertVerificationError):
            return NetworkError(f"{_TLS}{cause.verify_message or cause.reason}")
        if isinstance(cause, ssl.SSLError):
            reason = (cause.reason or "handshake failed").lower().replace("_", " ")
            return NetworkError(f"{_TLS}{reason}")
        if isinstance(cause, socket.gaierror):
            return NetworkError(_UNRESOLVED)
        if isinstance(cause, OSError) and cause.errno in _ERRNO_REASONS:
            return NetworkError(_ERRNO_REASONS[cause.errno])
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError):
        return NetworkError(_CLOSED)
    return NetworkError(f"{_OTHER}{one_line(str(exc))[:200] or type(exc).__name__}")


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
