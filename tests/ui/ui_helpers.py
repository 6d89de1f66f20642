"""Helpers for the app's tests: the Setup bundle, starting an app, waiting for it to settle."""

from __future__ import annotations

import contextlib
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot

from newsterm.config import Config
from newsterm.store import Store
from newsterm.ui.app import NewstermApp
from newsterm.ui.launch import Launch
from newsterm.ui.screens.links import LinkListScreen
from newsterm.ui.screens.main import MainScreen
from newsterm.ui.timing import Timing
from pilot_settle import settle

QUIET = Timing(watch_every=0)
"""feeds.toml is looked at only when a test asks (watcher.check()), never on a timer."""

Size = tuple[int, int]
Hook = Callable[[Message], None]


@dataclass
class Setup:
    """Everything a test needs to build, drive and inspect an app."""

    config: Config
    feeds_path: Path
    store: Store
    db_path: Path
    opened: list[str] = field(default_factory=list)

    def record_link(self, url: str) -> Launch:
        """A browser that only remembers what it was asked to open."""
        self.opened.append(url)
        return Launch(url)

    def app(self, **kwargs: object) -> NewstermApp:
        kwargs.setdefault("open_url", self.record_link)
        kwargs.setdefault("timing", QUIET)
        return NewstermApp(self.config, self.feeds_path, self.store, **kwargs)  # type: ignore[arg-type]

    def reopen(self) -> Store:
        """A second connection to the cache file, to see what was really written."""
        return Store.open(self.db_path)


async def open_link_list(pilot: Pilot[None]) -> LinkListScreen:
    """Open the list's first article and its link list (l)."""
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("l")
    await settle(pilot)
    links = pilot.app.screen
    assert isinstance(links, LinkListScreen)
    return links


async def wait_until(
    pilot: Pilot[object], condition: Callable[[], bool], *, timeout: float = 10.0
) -> None:
    """Let the app run until ``condition()`` holds (a timer or a debounce firing, say)."""
    deadline = time.monotonic() + timeout
    while not condition():
        what = condition.__doc__ or condition
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await pilot.pause()


def main_screen(pilot: Pilot[object]) -> MainScreen:
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    return screen


@contextlib.asynccontextmanager
async def started(
    app: NewstermApp, *, size: Size = (120, 40), message_hook: Hook | None = None
) -> AsyncIterator[tuple[Pilot[None], MainScreen]]:
    """Run ``app`` headless until the block ends, settled first: every UI test's opening."""
    async with app.run_test(size=size, message_hook=message_hook) as pilot:
        await settle(pilot)
        yield pilot, main_screen(pilot)


def notes_into(notes: list[str]) -> Hook:
    """A message hook that keeps the text of every notification the app shows."""

    def hook(message: Message) -> None:
        if isinstance(message, Notify):
            notes.append(message.notification.message)

    return hook


class StartApp(Protocol):
    """The start_app fixture: the sample app, started and settled.

    ``size`` and ``message_hook`` go to the test driver, anything else to the app.
    """

    def __call__(
        self, *, size: Size = (120, 40), message_hook: Hook | None = None, **app: object
    ) -> contextlib.AbstractAsyncContextManager[tuple[Pilot[None], MainScreen]]: ...
