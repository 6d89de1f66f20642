"""Watch feeds.toml: poll its size and mtime in a thread, reload it when it changes."""

from __future__ import annotations

import os
from pathlib import Path

from textual import work
from textual.widget import Widget

from newsterm.config import Config, load_config
from newsterm.errors import ConfigError
from newsterm.ui.messages import ConfigBroken, ConfigReloaded
from newsterm.ui.workers import ReportsWorkerFailures

Signature = tuple[int, int] | None  # (mtime_ns, size), None when the file is missing


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


def _signature(path: Path) -> Signature:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_mtime_ns, stat.st_size)
