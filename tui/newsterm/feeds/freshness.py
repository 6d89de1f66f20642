"""How long a server or a feed says a document stays fresh, read from hostile input.

Each function returns seconds, or None when the hint is absent or unreadable; none of them
clamps (schedule.py does, in one place). Header values are read only up to MAX_HINT_CHARS.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

__all__ = ["MAX_HINT_CHARS", "feed_fresh_for", "http_fresh_for", "retry_after"]

MAX_HINT_CHARS = 200
"""A longer header or element is not a freshness hint: it is ignored, never parsed."""

_MAX_AGE = re.compile(r"(?:^|,)\s*max-age\s*=\s*\"?(\d{1,12})\"?\s*(?:,|$)", re.IGNORECASE)
_NO_CACHE = re.compile(r"(?:^|,)\s*(?:no-cache|no-store)\s*(?:[,=]|$)", re.IGNORECASE)
_DIGITS = re.compile(r"\d{1,12}")

_PERIOD_SECONDS = {
    "hourly": 3_600,
    "daily": 86_400,
    "weekly": 7 * 86_400,
    "monthly": 30 * 86_400,
    "yearly": 365 * 86_400,
}
"""RSS 1.0 syndication module (sy:updatePeriod) periods."""


def http_fresh_for(headers: Mapping[str, str], now: datetime) -> float | None:
    """Cache-Control max-age (no-cache or no-store: 0), else Expires against Date or now."""
    control = _short(headers.get("cache-control"))
    if control is not None:
        if _NO_CACHE.search(control):
            return 0.0
        if found := _MAX_AGE.search(control):
            return float(found.group(1))
    expires = _short(headers.get("expires"))
    if expires is None:
        return None
    when = _http_date(expires)
    if when is None:  # RFC 9111: an invalid Expires, "0" among them, is already in the past
        return 0.0
    served = _http_date(_short(headers.get("date")) or "") or now
    return (when - served).total_seconds()


def retry_after(value: str | None, now: datetime) -> float | None:
    """A Retry-After header in seconds from ``now``: delta-seconds or an HTTP date."""
    text = _short(value)
    if text is None:
        return None
    text = text.strip()
    if _DIGITS.fullmatch(text):
        return float(text)
    when = _http_date(text)
    return None if when is None else (when - now).total_seconds()


def feed_fresh_for(feed: Mapping[str, Any]) -> float | None:
    """RSS <ttl> (minutes), else sy:updatePeriod / sy:updateFrequency, from feedparser's feed."""
    ttl = _short(_text(feed.get("ttl")))
    if ttl is not None and _DIGITS.fullmatch(ttl.strip()):
        return float(ttl.strip()) * 60
    period = _short(_text(feed.get("sy_updateperiod")))
    if period is None or period.strip().lower() not in _PERIOD_SECONDS:
        return None
    seconds = _PERIOD_SECONDS[period.strip().lower()]
    frequency = _short(_text(feed.get("sy_updatefrequency"))) or "1"
    times = int(frequency.strip()) if _DIGITS.fullmatch(frequency.strip()) else 1
    return seconds / max(times, 1)


def _http_date(text: str) -> datetime | None:
    """An aware datetime from an HTTP date, or None when it is not one."""
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


def _short(value: str | None) -> str | None:
    """``value`` when it is present and short enough to be a hint."""
    return value if value and len(value) <= MAX_HINT_CHARS else None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None
