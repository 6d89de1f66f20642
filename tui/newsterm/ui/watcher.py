"""Watch feeds.toml: poll its size and mtime in a thread, reload it when it changes.

The app's own edits (a, D, E) go through ``edit`` too, under the same lock as a look at
the file, so the watcher never mistakes them for the user's and reports them twice.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual import work
from textual.widget import Widget

from newsterm.config import Config, load_config
from newsterm.errors import ConfigError
from newsterm.ui.messages import ConfigBroken, ConfigReloaded
from newsterm.ui.workers import ReportsWorkerFailures

if TYPE_CHECKING:  # a type only: tomlkit loads with the first edit, after the first paint
    from tomlkit.toml_document import TOMLDocument

Signature = tuple[int, int] | None  # (mtime_ns, size), None when the file is missing
T = TypeVar("T")


class FeedsFileWatcher(ReportsWorkerFailures, Widget):
    """Posts ConfigReloaded for a valid change and ConfigBroken (file:line) for a broken one."""

    DEFAULT_CSS = "FeedsFileWatcher { display: none; }"

    def __init__(self, path: Path, config: Config, *, interval: float) -> None:
        super().__init__()
        self.path = path
        self._good = config  # the last valid config, compared so a touch changes nothing
        self._broken = False
        self._signature: Signature | bool = False  # False: not looked at yet
        self._interval = interval
        self._lock = threading.Lock()  # a look at the file, or an edit of it: one at a time

    def on_mount(self) -> None:
        if self._interval > 0:
            self.set_interval(self._interval, self.check)

    def check(self, *, force: bool = False) -> None:
        """Look at the file now (in a thread); ``force`` reloads even if it looks unchanged."""
        self._check(force)

    @work(
        thread=True,
        exclusive=True,
        group="feeds-watch",
        exit_on_error=False,
        name="reading feeds.toml",
    )
    def _check(self, force: bool) -> None:
        with self._lock:
            signature = _signature(self.path)
            if signature == self._signature and not force:
                return
            self._signature = signature
            try:
                config = load_config(self.path)
            except ConfigError as exc:
                self._broken = True
                self.post_message(ConfigBroken(str(exc)))
                return
            if config != self._good or self._broken:
                self._good, self._broken = config, False
                self.post_message(ConfigReloaded(config))

    def edit(self, change: Callable[[TOMLDocument, Config], T]) -> tuple[T, Config]:
        """Change feeds.toml (blocks: call it in a worker); what ``change`` returned, and the
        config now in the file, which the caller applies: the watcher will not report it."""
        from newsterm.subscriptions.feeds_file import edit_feeds  # tomlkit, for edits only

        with self._lock:
            result = edit_feeds(self.path, change)
            config = load_config(self.path)
            self._good, self._broken = config, False
            self._signature = _signature(self.path)
        return result, config


def _signature(path: Path) -> Signature:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)
