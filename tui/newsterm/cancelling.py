"""Work that a worker thread runs in its own event loop, given up when its owner says so.

A thread cannot be interrupted: the app marks a thread worker cancelled (on quit, or
when a newer one replaces it) and the thread must notice. ``until_cancelled`` looks.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

__all__ = ["CANCEL_POLL", "until_cancelled"]

T = TypeVar("T")

CANCEL_POLL = 0.25
"""Seconds between looks at whether the work is still wanted."""


async def until_cancelled(
    work: Coroutine[Any, Any, T], cancelled: Callable[[], bool], *, poll: float = CANCEL_POLL
) -> T:
    """``work``'s result; once ``cancelled()`` is true the work is cancelled, and this raises
    asyncio.CancelledError when it has stopped."""
    task = asyncio.ensure_future(work)
    while not task.done():
        if cancelled():
            task.cancel()
        await asyncio.wait({task}, timeout=poll)
    return task.result()
