"""A one-line progress bar for ``newsterm refresh`` and ``sync`` on a terminal's stderr."""

from __future__ import annotations

from typing import TextIO

from newsterm.refresh import FeedOutcome
from newsterm.text.sanitize import one_line

_WIDTH = 30


class Progress:
    """Redraws ``[#####     ] 12/40 Feed title`` in place; silent when not on a terminal."""

    def __init__(self, stream: TextIO, total: int) -> None:
        self.stream = stream
        self.total = total
        self.active = stream.isatty() and total > 0
        self.drawn = False

    def start(self, fetching: int, skipped: int) -> None:
        """Only ``fetching`` of the feeds are due: the bar counts those."""
        self.total = fetching
        self.active = self.active and fetching > 0

    def update(self, outcome: FeedOutcome, done: int, total: int) -> None:
        """Show that ``done`` of ``total`` feeds have finished, the last being ``outcome``."""
        self.show(outcome.title, done, total)

    def show(self, label: str, done: int, total: int) -> None:
        """Show ``label`` with a bar at done/total, or with a count alone when total is 0."""
        if not self.active:
            return
        filled = _WIDTH * min(done, total) // max(total, 1)
        bar = "#" * filled + " " * (_WIDTH - filled)
        count = f"{done}/{total}" if total else (str(done) if done else "")
        # Titles come from the network: no escape sequence may reach the terminal.
        name = one_line(label)[:40]
        self.stream.write(f"\r\x1b[2K[{bar}] {count} {name}")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        """Erase the bar so the summary starts on a clean line."""
        if self.drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
