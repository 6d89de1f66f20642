"""A refresh or a sync as the main screen shows it: progress and summary on the status line,
paced reloads.

A refresh of many feeds reports each one as it lands. Reloading the list and the counts for
every report would pile up head loads, so while a refresh runs they reload at most every
``reload_every`` seconds (the first at once), plus once when it ends.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from textual.timer import Timer

from newsterm.models import Feed
from newsterm.ui import wording
from newsterm.ui.messages import (
    RefreshFinished,
    RefreshProgressed,
    RefreshStarted,
    SyncFinished,
    SyncStarted,
    SyncStatusRead,
)
from newsterm.ui.say import say
from newsterm.ui.widgets.status_line import StatusLine

Reload = Callable[[bool], None]
"""Re-reads the feeds and their counts, and the article list too when passed True."""


class RefreshFeedback:
    """Turns the refresher's messages into what the user sees; the screen hands each one on."""

    def __init__(self, status: StatusLine, reload: Reload, *, reload_every: float) -> None:
        self._status = status
        self._reload = reload
        self._reload_every = reload_every
        self._reload_timer: Timer | None = None
        self._last_reload = float("-inf")
        self._articles_due = False  # new articles arrived since the list last reloaded
        self._new_seen = 0  # RefreshProgressed.new_so_far already acted on
        self._last_summary: str | None = None  # how the last refresh went, for the status line
        self._feeds: Sequence[Feed] = ()  # as last loaded
        self.sync_note: str | None = None
        """How syncing stands ("synced 14:05 · 2 changes waiting"), set by the screen."""

    def show_idle(self, feeds: Sequence[Feed] | None = None) -> None:
        """The status line between refreshes: the counts, how the last refresh went, and how
        syncing stands; ``feeds`` None shows the ones loaded last."""
        self._feeds = self._feeds if feeds is None else feeds
        text = wording.idle_status(self._feeds, self._last_summary)
        self._status.show_text(f"{text} · {self.sync_note}" if self.sync_note else text)

    def note(self, text: str) -> None:
        """Say what a key just did on the status line, where it stays until the next refresh."""
        self._last_summary = text
        self._status.show_text(text)

    def started(self, message: RefreshStarted) -> None:
        self._new_seen = 0
        self._status.show_progress(f"Refreshing 0/{message.total}", 0, message.total)

    def progressed(self, message: RefreshProgressed) -> None:
        text = f"Refreshing {message.done}/{message.total}"
        self._status.show_progress(text, message.done, message.total)
        # new_so_far, not outcome.new: a replaced progress message may have carried the news.
        if message.new_so_far > self._new_seen:
            self._new_seen = message.new_so_far
            self._articles_due = True
        self._reload_soon()

    def finished(self, message: RefreshFinished) -> None:
        summary = message.summary
        self._last_summary = wording.summary_line(summary)
        self._status.show_text(self._last_summary)
        self._articles_due = True
        self._reload_now()
        text, severity = wording.summary_notification(
            summary, name_every_failure=message.asked_for_one
        )
        say(self._status, text, severity=severity, timeout=10 if severity == "warning" else 4)

    def sync_news(
        self, message: SyncStarted | SyncFinished | SyncStatusRead, *, refreshing: bool
    ) -> None:
        """A sync began, ended, or its status was read; a running refresh keeps the line."""
        if isinstance(message, SyncStarted):
            if not message.push_only and not refreshing:
                self._status.show_text("Syncing…")
        elif isinstance(message, SyncStatusRead):
            self.sync_note = wording.sync_status(message.last_sync, message.pending, message.error)
            if not refreshing:
                self.show_idle()
        else:
            summary = message.summary
            if summary.new or summary.pulled:
                self._reload(True)
            elif not refreshing:
                self.show_idle()
            if summary.error and not message.push_only:
                say(self._status, summary.describe(), title="Sync failed", severity="warning")

    def _reload_soon(self) -> None:
        """Reload now if the last reload is old enough, else once when it will be."""
        if self._reload_timer is not None:
            return  # one is already waiting and will pick this up
        wait = self._last_reload + self._reload_every - time.monotonic()
        if wait <= 0:
            self._reload_now()
        else:
            # The status line's timer: it lives exactly as long as what it updates.
            self._reload_timer = self._status.set_timer(wait, self._reload_now)

    def _reload_now(self) -> None:
        if self._reload_timer is not None:
            self._reload_timer.stop()
            self._reload_timer = None
        self._last_reload = time.monotonic()
        articles, self._articles_due = self._articles_due, False
        self._reload(articles)  # new articles show as they land, cursor kept
