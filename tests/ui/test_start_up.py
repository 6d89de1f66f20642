"""What newsterm loads before its first paint: not the code that refreshes, syncs or reads.

Those import httpx, feedparser and the reader's HTML and stripping code, about a third of
start-up; the workers that need them import them, after the first screen is drawn. So with
the code that edits feeds.toml (tomlkit) and opens links (webbrowser, idna), and with
what only the cache's writers and a feed's strip_selectors use (hashlib, selectolax). The
parts of the first screen that it never shows are mounted when first shown.
"""

from __future__ import annotations

import subprocess
import sys

from textual.widgets import Input, ProgressBar
from ui_helpers import StartApp, settle

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
