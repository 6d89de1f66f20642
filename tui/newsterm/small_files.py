"""Reading the user's small files with a bound: feeds.toml, a subscription list, saved state.

Each is read only if it is a regular file (a FIFO would block the reader, and /dev/zero
never ends), and at most one byte past its limit, so that a file too large is known without
reading it all. Callers turn the errors into their own one-line messages.
"""

from __future__ import annotations

import stat
from pathlib import Path

__all__ = ["FileTooLarge", "NotARegularFile", "read_small"]


class NotARegularFile(OSError):
    """The path names a FIFO, a device or a folder."""


class FileTooLarge(ValueError):
    """The file holds more than its limit."""


def read_small(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them. Raises
    FileNotFoundError, NotARegularFile, FileTooLarge, or OSError when it cannot be read."""
    if not stat.S_ISREG(path.stat().st_mode):
        raise NotARegularFile(f"{path}: not a regular file")
    with path.open("rb") as handle:
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise FileTooLarge(f"{path}: larger than {_size(limit)}")
    return raw


def _size(limit: int) -> str:
    """A limit as people say it: "10 MB", "64 KiB", "100 bytes" (whole units only)."""
    if limit >= 1 << 20 and not limit % (1 << 20):
        return f"{limit >> 20} MB"
    if limit >= 1024 and not limit % 1024:
        return f"{limit // 1024} KiB"
    return f"{limit:,} bytes"
