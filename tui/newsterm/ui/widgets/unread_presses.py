"""n and p pressed faster than the cache answers: each press waits for the one before it.

A press is searched from the row the press before it landed on, so n n n moves three
unread rows. After a search that found nothing the waiting presses are held: the screen
may look in the next feed (from_edge) or stay on the list (resume).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

__all__ = ["UnreadPress", "UnreadPresses"]


@dataclass(frozen=True, slots=True)
class UnreadPress:
    """One press of n or p."""

    forward: bool
    include_cursor: bool  # the row under the cursor counts, if unread (n on a fresh row)
    from_edge: bool = False  # from the top (forward) or the bottom, not from the cursor


class UnreadPresses:
    """The presses waiting, the one being searched, and whether they are held."""

    def __init__(self) -> None:
        self._waiting: deque[UnreadPress] = deque()
        self._searching: UnreadPress | None = None
        self._held = False
        self._forget = False  # the press being searched was dropped: its answer is ignored

    @property
    def busy(self) -> bool:
        """A press is being searched, or waits for one that will be."""
        return self._searching is not None or (bool(self._waiting) and not self._held)

    def press(self, forward: bool, include_cursor: bool) -> None:
        """n or p pressed; one typed ahead never counts the cursor's row, which the press
        before it lands on."""
        ahead = self._searching is not None or bool(self._waiting)
        self._waiting.append(UnreadPress(forward, include_cursor and not ahead))

    def from_edge(self, forward: bool) -> None:
        """A search from an end of the list, before the presses waiting."""
        self._held = False
        self._waiting.appendleft(UnreadPress(forward, True, from_edge=True))

    def hold(self) -> None:
        """A search found nothing: the presses after it wait for from_edge or resume."""
        self._held = True

    def resume(self) -> None:
        self._held = False

    def take(self) -> UnreadPress | None:
        """The press to search now, if no other is being searched and none are held."""
        if self._searching is not None or self._held or not self._waiting:
            return None
        self._searching = self._waiting.popleft()
        return self._searching

    def answered(self) -> UnreadPress | None:
        """The press whose search has answered (None if it was dropped); the next may be
        taken."""
        press, self._searching = self._searching, None
        forget, self._forget = self._forget, False
        return None if forget else press

    def drop(self) -> None:
        """Forget every press: the reader left the list they were pressed in (another feed
        chosen by hand), or their search failed. One held for the next feed's search is no
        such press, and stays."""
        if self._held:
            return
        self._waiting.clear()
        self._forget = self._searching is not None

    def failed(self) -> None:
        """The search in flight ended without an answer: no press waits on it any more."""
        self._searching, self._forget = None, False
        self._waiting.clear()

    def again(self, press: UnreadPress) -> None:
        """Search ``press`` again, first: it was asked of a list since reloaded."""
        self._waiting.appendleft(press)
