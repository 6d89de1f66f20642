"""The app's remembered choices (theme, sort order, hidden read articles), saved as they change.

The state file is read once before the app starts (ui/app.py); every change is written in a
thread worker, under a lock, and always the newest state, so a burst of changes (themes
previewed in the command palette) ends with the last one on disk.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

from textual import work
from textual.theme import Theme
from textual.widget import Widget

from newsterm.state import AppState, save_state
from newsterm.ui.workers import ReportsWorkerFailures


class Remembered(ReportsWorkerFailures, Widget):
    """Holds the AppState; applies the saved theme on mount and saves each theme change."""

    DEFAULT_CSS = "Remembered { display: none; }"

    def __init__(self, path: Path | None, state: AppState) -> None:
        super().__init__()
        self._path = path  # None: nothing is saved (a test, or no state file wanted)
        self._state = state
        self._lock = threading.Lock()

    @property
    def state(self) -> AppState:
        return self._state

    def on_mount(self) -> None:
        theme = self._state.theme
        if theme is not None and theme in self.app.available_themes:
            self.app.theme = theme
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name != self._state.theme:
            self.change(theme=theme.name)

    def change(self, **changes: Any) -> AppState:
        """Apply ``changes`` (AppState's fields) and save the result; the new state."""
        self._state = replace(self._state, **changes)
        if self._path is not None:
            self._save()
        return self._state

    @work(thread=True, group="remembered", exit_on_error=False, name="saving your choices")
    def _save(self) -> None:
        assert self._path is not None
        with self._lock:  # each save writes the newest state, so the last one wins on disk
            save_state(self._path, self._state)
