"""The status line: what the app is doing (refresh progress with a bar) or a summary."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import ProgressBar


class _StatusText(Widget):
    """The message: one row whose size the CSS fixes, so a new message only repaints it.

    A Label lays the whole screen out again on every update, which during a refresh of
    2,000 feeds is every frame, and a key waits behind it.
    """

    _content = Content("")

    def show(self, content: Content) -> None:
        if content != self._content:
            self._content = content
            self.refresh()

    def render(self) -> Content:
        return self._content


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
        yield _StatusText(id="status-text")

    def _bar(self) -> ProgressBar:
        """The bar, mounted when the first refresh shows progress: styling its three
        widgets for a first paint that never shows them cost about 1% of its CPU."""
        bars = self.query(ProgressBar)
        if bars:
            return bars.first()
        bar = ProgressBar(total=None, show_eta=False, id="status-progress")
        self.mount(bar)
        return bar

    @property
    def text(self) -> str:
        return self._text

    def show_text(self, text: str) -> None:
        """Show a plain message (never interpreted as markup) and hide the bar."""
        self.remove_class("-busy")
        self._text = text
        self.query_one(_StatusText).show(Content(text))

    def show_progress(self, text: str, done: int, total: int) -> None:
        """Show ``text`` with a bar at done/total."""
        self.add_class("-busy")
        self._text = text
        self.query_one(_StatusText).show(Content(text))
        self._bar().update(total=max(total, 1), progress=done)
