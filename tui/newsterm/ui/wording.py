"""What the app says about refreshes, reloads and failures, in one place.

Anything quoted from a feed or an error goes through one_line: it is shown, never obeyed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from newsterm.errors import NewstermError
from newsterm.models import Feed
from newsterm.text.sanitize import one_line

if TYPE_CHECKING:  # a type only: the refresh code loads after the first paint
    from newsterm.refresh import RefreshSummary

MAX_NAMED_FAILURES = 5


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def idle_status(feeds: Sequence[Feed], last_refresh: str | None) -> str:
    """The status line between refreshes: unread and failing counts, then the last refresh."""
    parts = [f"{sum(f.unread for f in feeds):,} unread", _plural(len(feeds), "feed")]
    failing = sum(1 for f in feeds if f.error)
    if failing:
        parts.append(f"{failing} failing")
    if last_refresh:
        parts.append(last_refresh)
    return " · ".join(parts)


def summary_line(summary: RefreshSummary) -> str:
    """The status line after a refresh: no clock, so it reads the same in every test."""
    parts = [f"Refreshed {_plural(summary.feeds, 'feed')}", f"{summary.new} new"]
    if summary.failed:
        parts.append(f"{len(summary.failed)} failed")
    if summary.skipped:
        parts.append(f"{summary.skipped} not due")
    if summary.pages or summary.pages_failed:
        failed = f" ({summary.pages_failed} failed)" if summary.pages_failed else ""
        parts.append(
            f"full text of {_plural(summary.pages + summary.pages_failed, 'page')}{failed}"
        )
    return " · ".join(parts)


def summary_notification(
    summary: RefreshSummary, *, name_every_failure: bool = False
) -> tuple[str, Literal["information", "warning"]]:
    """The notification ending a refresh, naming each feed whose failure is news and why.

    A feed that fails as it did last time is not named again (its `!` mark and the reason
    over its list stay), only counted as still failing; one that starts failing, fails for
    another reason, or works again is named. ``name_every_failure`` names them all (a feed
    the user asked to refresh).
    """
    news = [o for o in summary.failed if o.failure_is_news or name_every_failure]
    still = len(summary.failed) - len(news)
    not_due = f" ({summary.skipped} not due)" if summary.skipped else ""
    text = f"{_refreshed(summary, still)}{not_due}: {_plural(summary.new, 'new article')}."
    moved = [o for o in summary.outcomes if o.moved_to]
    for outcome in moved[:MAX_NAMED_FAILURES]:
        text += (
            f"\n{one_line(outcome.title)} moved permanently to {one_line(outcome.moved_to or '')}"
        )
    recovered = [o for o in summary.outcomes if o.recovered]
    if recovered:
        names = ", ".join(_feed_name(o.title, o.url) for o in recovered[:MAX_NAMED_FAILURES])
        more = len(recovered) - MAX_NAMED_FAILURES
        text += f"\nWorking again: {names}" + (f" and {more} more" if more > 0 else "")
    if not news:
        return text, "information"
    text += f"\n{_plural(len(news), 'feed')} failed:"
    for outcome in news[:MAX_NAMED_FAILURES]:
        text += f"\n• {_feed_name(outcome.title, outcome.url)}: "
        text += one_line(outcome.error or "unknown error")
    if len(news) > MAX_NAMED_FAILURES:
        text += f"\n…and {len(news) - MAX_NAMED_FAILURES} more"
    return text, "warning"


def _refreshed(summary: RefreshSummary, still_failing: int) -> str:
    """How many feeds worked and how many failed as before ("3 feeds refreshed, 1 still
    failing"); a feed that failed is never counted as refreshed."""
    ok = summary.ok
    if ok and still_failing:
        return f"{_plural(ok, 'feed')} refreshed, {still_failing} still failing"
    if still_failing:
        return f"{_plural(still_failing, 'feed')} still failing"
    return "No feed refreshed" if summary.failed and not ok else f"{_plural(ok, 'feed')} refreshed"


def _feed_name(title: str, url: str) -> str:
    """A feed's title with its address beside it (the address says which host failed)."""
    title, url = one_line(title), one_line(url)
    return f"{title} ({url})" if title and title != url else url


def feed_failure(error: str, url: str) -> str:
    """The banner over a failing feed's articles: the reason, then where it was fetched from."""
    return f"! Last refresh failed: {one_line(error) or 'unknown error'} ({one_line(url)})"


def reload_message(added: Sequence[str], removed: Sequence[str]) -> str:
    """The notification after feeds.toml was reloaded."""
    changes = []
    if added:
        changes.append(f"{_plural(len(added), 'feed')} added")
    if removed:
        changes.append(f"{_plural(len(removed), 'feed')} removed")
    return "feeds.toml reloaded" + (f": {', '.join(changes)}" if changes else "")


def failure_text(job: str, error: BaseException) -> str:
    """A failed background job as one specific sentence."""
    what = job[:1].upper() + job[1:] if job else "A background task"
    if isinstance(error, NewstermError | LookupError | OSError):
        return one_line(f"{what} failed: {error}")
    return one_line(f"{what} failed: {type(error).__name__}: {error}")


def sync_status(last_sync: datetime | None, pending: int, error: str) -> str:
    """The sync part of the status line: when it last worked, what waits, whether it failed."""
    when = last_sync.astimezone().strftime("%H:%M") if last_sync else None
    parts = [f"synced {when}" if when else "never synced"]
    if error:
        parts.append("last sync failed")
    parts.append(_plural(pending, "change") + " waiting")
    return " · ".join(parts)


ORDER_WORDS = {
    "newest": "newest first",
    "oldest": "oldest first",
    "feed": "by feed",
    "title": "by title",
}
"""How the list title and the status line name each order of store/order.py."""


def arrangement(order: str, hide_read: bool) -> str:
    """What the list title adds for a sort order or hidden read articles ("" for neither)."""
    parts = [ORDER_WORDS.get(order, order)] if order != "newest" else []
    if hide_read:
        parts.append("read hidden")
    return " · ".join(parts)


def arranged_note(order: str, hide_read: bool) -> str:
    """The status line after O or H."""
    shown = "unread articles only" if hide_read else "read and unread articles"
    return f"Sorted {ORDER_WORDS.get(order, order)}, showing {shown}"
