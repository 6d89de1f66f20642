"""What newsterm loads before its first paint: not the code that refreshes, syncs or reads.

Those import httpx, feedparser and the reader's HTML and stripping code, about a third of
start-up; the workers that need them import them, after the first screen is drawn. So with
the code that edits feeds.toml (tomlkit) and opens links (webbrowser, idna), and with
what only the cache's writers and a feed's strip_selectors use (hashlib, selectolax). The
parts of the first screen that it never shows are mounted when first shown, and its first
frame waits for the list's rows.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time

from textual.widgets import Input, ProgressBar
from ui_helpers import Setup, StartApp, settle

from newsterm.ui.downloader import Downloader

LATER = (
    "feedparser",
    "hashlib",
    "httpx",
    "idna",
    "newsterm.full_article",
    "newsterm.reading",
    "newsterm.refresh",
    "newsterm.sync.run",
    "newsterm.text.layout.page",
    "newsterm.text.strip",
    "newsterm.subscriptions.feeds_file",
    "newsterm.ui.render",
    "selectolax",
    "tomlkit",
    "webbrowser",
)


def test_the_app_and_its_command_line_load_without_the_later_parts() -> None:
    code = (
        "import sys\n"
        "import newsterm.cli, newsterm.ui.app\n"
        f"later = {LATER!r}\n"
        "print(','.join(sorted(m for m in later if m in sys.modules)))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == ""


def test_forking_the_parse_pool_leaves_the_parser_to_its_workers() -> None:
    code = (
        "import sys\n"
        "from newsterm.feeds.pool import parse_pool\n"
        "pool = parse_pool(100)\n"
        "print(pool is not None, 'feedparser' in sys.modules)\n"
        "pool.shutdown()\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["True", "False"]


def test_a_refresh_loads_the_reader_only_for_feeds_that_want_their_pages() -> None:
    """A refresh of feeds that carry their whole text imports no page reader, layout or
    appeal code: `newsterm refresh` is run from cron and pays for each import every time."""
    code = (
        "import sys\n"
        "import newsterm.cli, newsterm.refresh\n"
        "reader = ('newsterm.full_article', 'newsterm.reading', 'newsterm.text.strip')\n"
        "print(','.join(sorted(m for m in reader if m in sys.modules)))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == ""


def test_forking_the_parse_pool_does_not_wait_for_its_workers() -> None:
    """The workers are forked before parse_pool returns, but it does not wait for them to
    start: on a busy machine that wait held the first paint for tens of milliseconds."""
    code = (
        "import multiprocessing, os, sys, time\n"
        "from newsterm.feeds import pool as p\n"
        "slow = p._die_with_parent\n"
        "def starting(parent):\n"
        "    time.sleep(1)\n"
        "    slow(parent)\n"
        "p._die_with_parent = starting\n"
        "started = time.monotonic()\n"
        "made = p.parse_pool(100)\n"
        "took = time.monotonic() - started\n"
        "forked = len(multiprocessing.active_children())\n"
        "print(took < 0.5, forked == min(os.cpu_count() or 1, 4), 'ctypes' in sys.modules)\n"
        "made.shutdown(cancel_futures=True)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["True", "True", "False"]


async def test_the_progress_bars_are_mounted_when_first_shown(start_app: StartApp) -> None:
    """The refresh's and the download's bars are never on the first screen: they are
    mounted when first shown, not styled for a first paint that never draws them."""
    async with start_app() as (pilot, screen):
        assert not screen.query(ProgressBar)
        assert not screen.query_one(Downloader).children
        screen.status.show_progress("Refreshing 1/2", 1, 2)
        screen.status.show_progress("Refreshing 2/3", 2, 3)
        await pilot.pause()
        bar = screen.status.query_one(ProgressBar)
        assert bar.display and bar.total == 3 and bar.progress == 2
        assert len(screen.query(ProgressBar)) == 1


async def test_the_filter_and_search_fields_are_mounted_when_first_opened(
    start_app: StartApp,
) -> None:
    """Neither field is on the first screen; each is mounted the first time it is opened,
    in its place above the list, and going back before either was opened still works."""
    async with start_app() as (pilot, screen):
        assert not screen.query(Input)
        await pilot.press("escape")  # nothing to clear, and no field is made for it
        await settle(pilot)
        assert not screen.query(Input) and pilot.app.is_running
        screen.panes.open_search()  # the search first: the filter still goes above it
        await pilot.pause()
        await pilot.press("escape")
        await pilot.press("slash", *"Tech")
        await settle(pilot)
        assert screen.article_list.count == 5
        ids = [w.id for w in screen.query_one("#list-pane").children]
        assert ids == ["filter", "search", "feed-error", "articles"]


ANSI = re.compile(rb"\x1b(\[[0-9;?<>=$]*[A-Za-z]|[()][0-9A-Za-z]|[=>])")
PATIENT = (  # however busy the machine running the tests, the first frame waits for the rows
    "import functools\n"
    "import newsterm.ui.screens.main as main\n"
    "main.Timing = functools.partial(main.Timing, first_rows_wait=30.0)\n"
)
SLOW_HEAD = (
    "import threading\n"
    "from newsterm.ui.widgets.article_queries import ArticleQueries\n"
    "head = ArticleQueries.head\n"
    "def slow(self, *args):\n"
    "    threading.Event().wait(1.5)\n"
    "    return head(self, *args)\n"
    "ArticleQueries.head = slow\n"
)


def _terminal_until_counted(setup: Setup, before: str = "") -> bytes:
    """What newsterm writes to a 120x40 terminal until the list's title shows its count,
    escape sequences taken out; ``before`` is code run ahead of the command line."""
    setup.store.close()  # the app opens the cache itself
    code = f"{before}import sys\nfrom newsterm.cli import main\nsys.exit(main(sys.argv[1:]))\n"
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    home = setup.feeds_path.parent / "home"
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}  # the pty's
    env |= {"HOME": str(home), "XDG_STATE_HOME": str(home), "TERM": "xterm-256color"}
    argv = ["--feeds", str(setup.feeds_path), "--db", str(setup.db_path)]
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *argv], stdin=follower, stdout=follower, stderr=follower,
        env=env, start_new_session=True,
    )  # fmt: skip
    os.close(follower)
    screen = b""
    try:
        deadline = time.monotonic() + 30
        while not re.search(rb"All articles \xc2\xb7 [0-9]", screen):
            assert time.monotonic() < deadline and proc.poll() is None, screen[-2000:]
            ready, _, _ = select.select([leader], [], [], 0.1)
            if ready:
                screen += ANSI.sub(b"", os.read(leader, 65536))
    finally:
        proc.kill()
        proc.wait()
        os.close(leader)
    return screen


def test_the_first_frame_the_terminal_gets_has_the_first_rows(setup: Setup) -> None:
    """No frame of empty panes before the rows: it cost the first paint a frame of CPU and
    held the interpreter from the workers reading the rows."""
    screen = _terminal_until_counted(setup, before=PATIENT)
    shown = screen.decode(errors="replace")
    first_rows = shown.index("All articles ·")
    assert "All articles" not in shown[:first_rows], shown[:3000]
    assert "Feeds" in shown[:first_rows], shown[:3000]


def test_a_cache_slow_to_give_its_rows_shows_the_panes_first(setup: Setup) -> None:
    """The first frame waits for the rows no longer than Timing.first_rows_wait (0.3 s)."""
    screen = _terminal_until_counted(setup, before=SLOW_HEAD)
    shown = screen.decode(errors="replace")
    assert shown.index("All articles") < shown.index("All articles ·")
