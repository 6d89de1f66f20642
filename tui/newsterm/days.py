"""Days in local time: where "today" starts, for the Today view and a view's ``today`` term."""

from __future__ import annotations

from datetime import datetime

__all__ = ["local_midnight"]


def local_midnight(now: datetime | None = None) -> int:
    """Unix seconds at the start of the local day of ``now`` (of today by default)."""
    local = (now or datetime.now()).astimezone()
    return int(local.replace(hour=0, minute=0, second=0, microsecond=0).timestamp())
