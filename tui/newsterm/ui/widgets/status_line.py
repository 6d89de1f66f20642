"""The status line: what the app is doing (refresh progress with a bar) or a summary."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label, ProgressBar


class StatusLine(Horizontal):
    """One row: a message on the left, a progress bar while refreshing."""

    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        background: $panel;
        color: $text-muted;
        padding: 0 1;
        & > #status-text { width: 1fr; height: 1; }
        & > ProgressBar { width: auto; height: 1; display: none; }
        &.-busy > ProgressBar { display: block; }
    }
    """

    _text = ""

    def compose(self) -> ComposeResult:
        yield Label(id="status-text", markup=False)
        yield ProgressBar(total=None, show_eta=False, id="status-progress")

    @property
    def text(self) -> str:
        return self._text

    def show_text(self, text: str) -> None:
        """Show a plain message (never interpreted as markup) and hide the bar."""
        self.remove_class("-busy")
        self._text = text
        self.query_one("#status-text", Label).update(Content(text))

    def show_progress(self, text: str, done: int, total: int) -> None:
        """Show ``text`` with a bar at done/total."""
        self.add_class("-busy")
        self._text = text
        self.query_one("#status-text", Label).update(Content(text))
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
