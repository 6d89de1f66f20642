"""The main screen's side of refreshing: the timer, the progress shown, and batched reloads.

A refresh of many feeds reports each one as it lands. Reloading the list and the counts for
every report would pile up head loads, so while a refresh runs they reload at most every
RELOAD_EVERY seconds (the first at once), plus once when it ends.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from textual.timer import Timer

from newsterm.ui import wording
from newsterm.ui.messages import RefreshFinished, RefreshProgressed, RefreshStarted

if TYPE_CHECKING:
    from newsterm.ui.screens.main import MainScreen

SECONDS_PER_MINUTE = 60  # settings.refresh_minutes is in minutes; tests shrink this

RELOAD_EVERY = 0.5
"""Seconds between reloads of the list and counts while a refresh brings articles in."""


class RefreshFeedback:
    """Mixed into MainScreen: starts timed refreshes and shows what a refresh is doing."""

    _refresh_timer: Timer | None = None
    _reload_timer: Timer | None = None
    _last_reload = float("-inf")
    _articles_due = False  # new articles arrived since the list last reloaded
    _new_seen = 0  # RefreshProgressed.new_so_far already acted on
    _last_refresh: str | None = None  # summary of the last refresh, for the status line

    def schedule_refresh(self: MainScreen) -> None:
        """(Re)start the timer for settings.refresh_minutes; 0 turns it off."""
        if self._refresh_timer is not None:
            self._refresh_timer.stop()
            self._refresh_timer = None
        minutes = self.config.settings.refresh_minutes
        if minutes > 0:
            interval = minutes * SECONDS_PER_MINUTE
            self._refresh_timer = self.set_interval(interval, self.action_refresh_all)

    def on_refresh_started(self: MainScreen, message: RefreshStarted) -> None:
        self._new_seen = 0
        self.status.show_progress(f"Refreshing 0/{message.total}", 0, message.total)

    def on_refresh_progressed(self: MainScreen, message: RefreshProgressed) -> None:
        text = f"Refreshing {message.done}/{message.total}"
        self.status.show_progress(text, message.done, message.total)
        # new_so_far, not outcome.new: a replaced progress message may have carried the news.
        if message.new_so_far > self._new_seen:
            self._new_seen = message.new_so_far
            self._articles_due = True
        self._reload_soon()

    def on_refresh_finished(self: MainScreen, message: RefreshFinished) -> None:
        summary = message.summary
        self._last_refresh = wording.summary_line(summary)
        self.status.show_text(self._last_refresh)
        self._articles_due = True
        self._reload_now()
        text, severity = wording.summary_notification(summary)
        self.say(text, severity=severity, timeout=10 if summary.failed else 4)

    def _reload_soon(self: MainScreen) -> None:
        """Reload now if the last reload is old enough, else once when it will be."""
        if self._reload_timer is not None:
            return  # one is already waiting and will pick this up
        wait = self._last_reload + RELOAD_EVERY - time.monotonic()
        if wait <= 0:
            self._reload_now()
        else:
            self._reload_timer = self.set_timer(wait, self._reload_now)

    def _reload_now(self: MainScreen) -> None:
        if self._reload_timer is not None:
            self._reload_timer.stop()
            self._reload_timer = None
        self._last_reload = time.monotonic()
        self.load_feeds()
        if self._articles_due:
            self._articles_due = False
            self.article_list.reload()  # new articles show as they land, cursor kept
