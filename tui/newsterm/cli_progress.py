"""A one-line progress bar for ``newsterm refresh`` on a terminal's stderr."""

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

    def update(self, outcome: FeedOutcome, done: int, total: int) -> None:
        """Show that ``done`` of ``total`` feeds have finished, the last being ``outcome``."""
        if not self.active:
            return
        filled = _WIDTH * done // max(total, 1)
        bar = "#" * filled + " " * (_WIDTH - filled)
        # Feed titles come from the network: no escape sequence may reach the terminal.
        name = one_line(outcome.title)[:40]
        self.stream.write(f"\r\x1b[2K[{bar}] {done}/{total} {name}")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        """Erase the bar so the summary starts on a clean line."""
        if self.drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
