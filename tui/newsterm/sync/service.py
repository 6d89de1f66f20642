"""What run.py needs from a sync protocol; fever.py and greader.py each provide it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from newsterm.models import QueuedChange, RemoteFeed, RemoteItem

__all__ = ["ItemPage", "Known", "PushResult", "SyncService"]

Known = Callable[[Sequence[str]], Awaitable[set[str]]]
"""Which of these item ids are cached already."""


@dataclass(frozen=True, slots=True)
class ItemPage:
    """Some new items, and the cursor to resume from once they are stored."""

    items: tuple[RemoteItem, ...]
    cursor: str
    total: int = 0  # how many items the server holds, when it says; 0 when unknown


@dataclass(frozen=True, slots=True)
class PushResult:
    """Which queued changes the server took, and which it refused for good."""

    accepted: tuple[int, ...] = ()
    refused: tuple[int, ...] = ()  # e.g. an item the server no longer has


class SyncService(Protocol):
    """One server, logged in by ``login``; every failure is a SyncError."""

    async def login(self) -> None:
        """Check the user and password (SyncAuthError when refused)."""

    async def feeds(self) -> list[RemoteFeed]:
        """Every subscription, with its groups or labels as tags."""

    def new_items(self, cursor: str | None, known: Known) -> AsyncIterator[ItemPage]:
        """Items added since ``cursor`` (all of them for None), a page at a time; ``known``
        lets a protocol that lists ids first skip the items cached already."""

    async def state(self) -> tuple[set[str], set[str]]:
        """The ids of every unread item and every starred item."""

    async def items(self, ids: Sequence[str]) -> list[RemoteItem]:
        """The items with these ids."""

    async def push(self, changes: Sequence[QueuedChange]) -> PushResult:
        """Send read and star changes."""
