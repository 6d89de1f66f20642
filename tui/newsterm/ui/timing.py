"""How often the app looks at things: one place to set it, so tests shorten it by argument."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Timing:
    """Intervals in seconds; the defaults are what a user gets."""

    watch_every: float = 1.0
    """Between looks at feeds.toml: an edit in another window shows within two.

    0 looks only when asked (after e, or from a test).
    """

    minute: float = 60.0
    """The length of one of settings.refresh_minutes' minutes."""

    reload_every: float = 0.5
    """Between reloads of the list and the counts while a refresh brings articles in."""

    push_delay: float = 2.0
    """After a change to a synced article, before it is pushed: a burst of marks goes at once."""

    count_views_every: float = 2.0
    """Between counts of the saved views' unread articles: each is a query of its own, and
    reading articles one after another asks for a count with every one."""
