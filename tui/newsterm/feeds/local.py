"""Feeds on this machine: ``file://`` URLs and plain paths, read as the network would be."""

from __future__ import annotations

import stat
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from newsterm.errors import FetchError
from newsterm.feeds.reasons import too_large
from newsterm.text.sanitize import one_line
from newsterm.urls import scheme

__all__ = ["file_uri", "local_path", "read_file"]


def local_path(url: str) -> Path | None:
    """The file a ``file://`` URL or plain path names; None for http(s)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        raise FetchError(f"invalid URL: {one_line(url)[:200]}") from None
    kind = scheme(url)
    if kind in ("http", "https"):
        return None
    if kind == "file":
        if parts.netloc not in ("", "localhost"):
            raise FetchError(f"file URL on another host: {one_line(parts.netloc)[:100]}")
        return Path(url2pathname(parts.path))
    if kind:
        raise FetchError(f"unsupported URL scheme: {one_line(parts.scheme)[:20]}")
    return Path(url).expanduser()


def file_uri(path: Path) -> str:
    """A file:// URL for ``path``, the base for a local feed's relative links."""
    try:
        return path.absolute().as_uri()
    except ValueError:
        return str(path)


def read_file(path: Path, max_bytes: int) -> bytes:
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
        raise too_large(max_bytes)
    return data
