"""The banner over the panes while feeds.toml is broken: why, and that the last good one runs."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from newsterm.text.sanitize import strip_controls


class ConfigBanner(Static):
    """Hidden while feeds.toml is fine; the error (file:line), quoted as text, when not."""

    def show_error(self, error: str) -> None:
        text = f"feeds.toml was not reloaded; still using the last good version.\n{error}"
        self.update(Content(strip_controls(text)))
        self.display = True

    def hide(self) -> None:
        self.display = False
