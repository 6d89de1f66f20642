"""Downloads an article's attachment in a worker, with a progress bar while it runs, and
hands an attachment to the player with the app suspended."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label, ProgressBar

from newsterm.config import Settings
from newsterm.models import Enclosure
from newsterm.paths import download_dir
from newsterm.text.sanitize import one_line
from newsterm.ui.messages import DownloadFinished, DownloadProgressed
from newsterm.ui.say import say
from newsterm.ui.workers import ReportsWorkerFailures
from newsterm.urls import scheme

if TYPE_CHECKING:  # downloading (httpx) is imported when a download starts
    import httpx

    from newsterm.feeds.download import DownloadLimits


class _Leaving(Exception):
    """The app is going away in the middle of a download."""


class Downloader(ReportsWorkerFailures, Horizontal):
    """A one-line progress bar, shown only while an attachment downloads."""

    DEFAULT_CSS = """
    Downloader { display: none; height: 1; dock: bottom; padding: 0 1; }
    Downloader.-busy { display: block; }
    Downloader > Label { width: auto; max-width: 60; margin-right: 1; }
    """

    def __init__(self, transport: httpx.BaseTransport | None = None) -> None:
        super().__init__()
        self._transport = transport
        # Set when the app goes: the download thread stops at its next piece, so quitting
        # never waits for a podcast to finish (Python joins worker threads at exit).
        self._leaving = threading.Event()

    def _bar(self) -> tuple[Label, ProgressBar]:
        """The label and bar, mounted at the first download: before that they are never
        shown, and styling their six widgets cost the first paint about 2% of its CPU."""
        if not self.children:
            self.mount(Label(markup=False), ProgressBar(show_eta=True))
        return self.query_one(Label), self.query_one(ProgressBar)

    @property
    def busy(self) -> bool:
        return self.has_class("-busy")

    def start(self, enclosure: Enclosure, settings: Settings) -> None:
        """Download ``enclosure`` to the download folder, unless one is already running or
        it is there already."""
        from newsterm.feeds.download import DownloadLimits, safe_filename, target_path

        if self.busy:
            say(self, "A download is already running")
            return
        folder = download_dir(settings.download_dir)
        name = safe_filename(enclosure.url, enclosure.type)
        try:
            path = target_path(folder, name)
        except ValueError as exc:
            say(self, f"Not downloaded: {exc}", severity="error")
            return
        if path.is_file():  # a download ends by renaming its .part file: this one is whole
            say(self, f"Already saved: {one_line(str(path.resolve()))}", timeout=8)
            return
        self.add_class("-busy")
        label, bar = self._bar()
        label.update(Content(f"Downloading {name}"))
        bar.update(total=enclosure.length or None, progress=0)
        limits = DownloadLimits(max_bytes=settings.max_download_mb * 1024 * 1024)
        self._download(enclosure.url, path, limits)

    @work(thread=True, group="download", exit_on_error=False, name="downloading the attachment")
    def _download(self, url: str, path: Path, limits: DownloadLimits) -> None:
        import httpx

        from newsterm.feeds.download import download

        name = path.name

        def progress(done: int, total: int | None) -> None:
            if self._leaving.is_set():
                raise _Leaving  # the .part file stays: the next d resumes it
            self.post_message(DownloadProgressed(name, done, total))

        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with httpx.Client(transport=self._transport) as client:
                saved = download(client, url, path, limits=limits, progress=progress)
        except _Leaving:
            return
        finally:
            if not self._leaving.is_set():
                self.app.call_from_thread(self.remove_class, "-busy")
        self.post_message(DownloadFinished(str(saved)))

    def on_unmount(self) -> None:
        self._leaving.set()

    @on(DownloadProgressed)
    def _progressed(self, message: DownloadProgressed) -> None:
        self._bar()[1].update(total=message.total, progress=message.done)

    @on(DownloadFinished)
    def _finished(self, message: DownloadFinished) -> None:
        say(self, f"Saved {one_line(message.path)}", timeout=8)


def player_argv(enclosure: Enclosure, settings: Settings) -> list[str] | str:
    """settings.player and the attachment (the downloaded file if there is one, else its
    web address) as an argument list; or why it cannot be played."""
    local = _downloaded(enclosure, settings)
    if local is None and scheme(enclosure.url) not in ("http", "https"):
        return f"Won't play a non-web address: {one_line(enclosure.url)[:80]}"
    return [*settings.player, str(local) if local else enclosure.url]


def _downloaded(enclosure: Enclosure, settings: Settings) -> Path | None:
    from newsterm.feeds.download import safe_filename, target_path

    try:
        path = target_path(
            download_dir(settings.download_dir), safe_filename(enclosure.url, enclosure.type)
        )
    except ValueError:
        return None
    return path if path.is_file() else None
