"""The newsterm app: wires the config, the cache and the outside world to the main screen."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from concurrent.futures import Executor
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.binding import BindingType

from newsterm.config import Config
from newsterm.state import AppState, load_state
from newsterm.store import Store
from newsterm.ui.commands import KeyCommands
from newsterm.ui.keys import QUIT
from newsterm.ui.launch import BrowserOpener, launch_browser
from newsterm.ui.remembered import Remembered

if TYPE_CHECKING:  # a type only: httpx loads with the first refresh, after the first paint
    import httpx
from newsterm.ui.screens.main import MainScreen
from newsterm.ui.timing import Timing

THREAD_SWITCH_SECONDS = 0.001
"""How long a thread holds the interpreter while another waits for it (Python's default is
5 ms). A refresh writes and indexes in a worker thread, in Python; each step of a key's work
on the event loop (every select, every message) waits for the interpreter, and at 5 ms a
turn a key took two frames or more while 2,000 feeds were refreshing."""


class NewstermApp(App[None]):
    """Feeds, articles and the reader; ``return_code`` is 0 after a normal quit."""

    CSS_PATH = "app.tcss"
    TITLE = "newsterm"
    BINDINGS: ClassVar[list[BindingType]] = [QUIT]
    COMMANDS = App.COMMANDS | {KeyCommands}

    def __init__(
        self,
        config: Config,
        config_path: Path,
        store: Store,
        *,
        open_url: BrowserOpener | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        timing: Timing | None = None,
        notices: Sequence[str] = (),
        state_path: Path | None = None,
        parse_pool: Executor | None = None,
    ) -> None:
        """``state_path`` is the file of remembered choices; None remembers nothing."""
        super().__init__()
        # A few dozen bytes, read before the event loop runs, like feeds.toml.
        state, notice = load_state(state_path) if state_path else (AppState(), None)
        self._notices = (*notices, *([notice] if notice else []))
        self._remembered = Remembered(state_path, state)
        self._config = config
        self._config_path = config_path
        self._store = store
        self._open_url = open_url or launch_browser
        self._transport = transport
        self._timing = timing
        self._parse_pool = parse_pool  # refreshes parse there, off the UI's interpreter
        self._switch_before = sys.getswitchinterval()

    def on_mount(self) -> None:
        self._switch_before = sys.getswitchinterval()
        sys.setswitchinterval(THREAD_SWITCH_SECONDS)
        # What the command line had to say before the app took the screen (a feeds.toml
        # created, a damaged cache moved aside) would otherwise be hidden until exit.
        for notice in self._notices:
            self.notify(notice, markup=False, timeout=10)

    def on_unmount(self) -> None:
        sys.setswitchinterval(self._switch_before)  # the setting is the process's, not ours

    def get_default_screen(self) -> MainScreen:
        return MainScreen(
            self._config,
            self._config_path,
            self._store,
            open_url=self._open_url,
            transport=self._transport,
            timing=self._timing,
            remembered=self._remembered,
            parse_pool=self._parse_pool,
        )
