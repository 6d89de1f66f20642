"""Which feed a refresh's fetcher takes next: its host's, while the host has any left.

A refresh runs ``concurrency`` fetchers. Each stays with one host until that host's feeds are
all fetched, so they go one after another over one kept-alive connection (a TCP and TLS
handshake each saved, for the server too); then it starts a host no one has started yet,
the one with the most feeds first, so that no long host is left to finish alone. When
every host has been started, an idle fetcher joins the host with the most feeds left, up
to ``per_host`` fetchers on one host at once.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

__all__ = ["HostQueue"]

T = TypeVar("T")


class HostQueue(Generic[T]):
    """The work of one refresh, by host; ``take`` hands the next item to a fetcher."""

    def __init__(self, items: Iterable[T], host: Callable[[T], str], per_host: int) -> None:
        self._left: dict[str, deque[T]] = {}
        for item in items:
            self._left.setdefault(host(item), deque()).append(item)
        # Longest first; sorted() is stable, so equal hosts keep the configured order.
        self._unstarted = deque(sorted(self._left, key=lambda h: -len(self._left[h])))
        self._working: Counter[str] = Counter()
        self._per_host = per_host

    def take(self, previous: str | None) -> tuple[str, T] | None:
        """The next item for a fetcher that last worked on ``previous`` (None at first),
        with its host; None when there is nothing it may take."""
        if previous is not None:
            if left := self._left[previous]:
                return previous, left.popleft()
            self._working[previous] -= 1
            if not self._working[previous]:
                del self._working[previous]  # few keys to look through when joining
        if self._unstarted:
            return self._start(self._unstarted.popleft())
        joinable = [h for h, n in self._working.items() if n < self._per_host and self._left[h]]
        if not joinable:
            return None
        return self._start(max(joinable, key=lambda h: len(self._left[h])))

    def _start(self, host: str) -> tuple[str, T]:
        self._working[host] += 1
        return host, self._left[host].popleft()
