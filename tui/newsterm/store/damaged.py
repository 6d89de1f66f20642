"""A damaged cache file is renamed out of the way, with its siblings, and never deleted."""

from __future__ import annotations

import os
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

from newsterm.errors import CacheCorrupt

__all__ = ["move_aside", "moved_aside"]


def moved_aside(file: Path, detail: str) -> CacheCorrupt:
    """CacheCorrupt for ``file``, after moving it aside (or saying it could not be)."""
    moved = move_aside(file)
    if moved is None:
        detail += "; it could not be moved aside, so it was left as it is"
    return CacheCorrupt(file, moved, detail)


def move_aside(file: Path) -> Path | None:
    """Rename a damaged file (and its -wal/-shm) to <name>.corrupt-<UTC time>; never delete."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = file.with_name(f"{file.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = file.with_name(f"{file.name}.corrupt-{stamp}-{n}")
    try:
        os.rename(file, target)
    except OSError:
        return None
    for suffix in ("-wal", "-shm", "-journal"):
        sibling = Path(f"{file}{suffix}")
        if sibling.exists():
            # The main file is out of the way; a sibling left behind is not fatal.
            with suppress(OSError):
                os.rename(sibling, Path(f"{target}{suffix}"))
    return target
