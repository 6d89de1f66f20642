"""When a feed is next due: the server's and the feed's hints, clamped, and backoff on failure.

Pure arithmetic over the hints freshness.py reads; every limit is a field of ``Schedule``,
so tests and settings pass their own.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DEFAULT_SCHEDULE", "Schedule"]

MINUTE = 60.0
HOUR = 60 * MINUTE


@dataclass(frozen=True, slots=True)
class Schedule:
    """Limits on how long a feed may be left alone, in seconds."""

    max_fresh: float = 24 * HOUR
    """The longest a success's hints (max-age, Expires, ttl, sy:*) may put off the next fetch."""
    max_retry_after: float = 24 * HOUR
    """The longest a 429 or 503's Retry-After may put off the next fetch."""
    backoff_base: float = 5 * MINUTE
    """The wait after a first failure; it doubles with each failure in a row."""
    backoff_max: float = 24 * HOUR
    """The longest wait after any number of failures."""

    def after_success(self, http_fresh: float | None, feed_fresh: float | None) -> float:
        """Seconds until a feed that was just fetched is due again (0: at once).

        The longer of the server's and the feed's own hint wins: both ask readers to wait.
        """
        hints = [h for h in (http_fresh, feed_fresh) if h is not None]
        return _clamp(max(hints, default=0.0), self.max_fresh)

    def after_failure(self, failures: int, retry_after: float | None = None) -> float:
        """Seconds until a feed that has now failed ``failures`` times in a row is due again."""
        steps = max(failures, 1) - 1
        # min() before the power: 2 ** 10_000 as a float would overflow.
        backoff = min(self.backoff_base * 2.0 ** min(steps, 64), self.backoff_max)
        asked = _clamp(retry_after, self.max_retry_after) if retry_after is not None else 0.0
        return max(backoff, asked)


def _clamp(seconds: float, ceiling: float) -> float:
    """``seconds`` within [0, ceiling]; a NaN is no wait at all."""
    if seconds != seconds:  # NaN
        return 0.0
    return min(max(seconds, 0.0), ceiling)


DEFAULT_SCHEDULE = Schedule()
