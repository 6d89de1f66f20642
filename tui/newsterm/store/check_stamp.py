"""Whether opening the cache needs its quick check: a stamp of how newsterm last left it.

PRAGMA quick_check reads every page: 40 ms for 10,000 articles, paid by every
`newsterm refresh` from cron and every start of the app. The check is there for damage
done while newsterm was not looking. So after a clean close of a cache that was checked,
newsterm writes its size, modification time and inode beside it; an open that finds the
file exactly so, with no write-ahead log left over (a crash, or another newsterm still
writing), knows only SQLite has written it since the check, and skips it, for a day at
most. Anything else checks, as before.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from newsterm.small_files import read_small

__all__ = ["RECHECK_SECONDS", "doubt", "last_check", "remember_check"]

RECHECK_SECONDS = 24 * 3600.0
"""A cache is checked again this long after its last check, whatever its stamp says."""

_SUFFIX = ".checked"
_STAMP_BYTES = 200

_doubted: set[Path] = set()
"""Caches SQLite has called damaged in this process: never vouched for again by it."""


def doubt(file: Path) -> None:
    """SQLite found damage in ``file``: drop its stamp, so the next open checks it."""
    _doubted.add(file)
    _stamp(file).unlink(missing_ok=True)


def last_check(file: Path, recheck_after: float = RECHECK_SECONDS) -> float | None:
    """When ``file`` last passed its check, if its stamp still vouches for it; else None."""
    try:
        if Path(f"{file}-wal").exists():
            return None
        fields = read_small(_stamp(file), _STAMP_BYTES).decode("ascii").split()
        size, mtime, inode, checked = (
            int(fields[0]),
            int(fields[1]),
            int(fields[2]),
            float(fields[3]),
        )
        found = file.stat()
    except (OSError, ValueError, IndexError):  # no stamp, or not one newsterm wrote
        return None
    if (found.st_size, found.st_mtime_ns, found.st_ino) != (size, mtime, inode):
        return None
    return checked if 0 <= time.time() - checked < recheck_after else None


def remember_check(file: Path, checked_at: float) -> None:
    """After a clean close: vouch for ``file`` as it is now, checked at ``checked_at``."""
    stamp = _stamp(file)
    if file in _doubted:
        return
    try:
        if Path(f"{file}-wal").exists():  # another connection is still open: no stamp
            stamp.unlink(missing_ok=True)
            return
        found = file.stat()
        part = stamp.with_name(f"{stamp.name}.part")
        part.write_text(f"{found.st_size} {found.st_mtime_ns} {found.st_ino} {checked_at!r}\n")
        os.replace(part, stamp)
    except OSError:
        return  # a read-only folder: the next open checks, as it would without a stamp


def _stamp(file: Path) -> Path:
    return file.with_name(f"{file.name}{_SUFFIX}")
