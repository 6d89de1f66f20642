"""When a feed is due again: hints clamped, failures backed off exponentially."""

from __future__ import annotations

import math

import pytest

from newsterm.feeds.schedule import DEFAULT_SCHEDULE, HOUR, MINUTE, Schedule

SCHEDULE = Schedule(max_fresh=6 * HOUR, max_retry_after=2 * HOUR, backoff_base=MINUTE,
                    backoff_max=HOUR)  # fmt: skip


@pytest.mark.parametrize(
    ("http", "feed", "wait"),
    [
        (None, None, 0),  # no hints: due at every refresh
        (600, None, 600),
        (None, 1800, 1800),
        (600, 1800, 1800),  # the longer hint: both ask readers to wait
        (1e12, None, 6 * HOUR),  # a huge max-age is clamped
        (-500, None, 0),  # an Expires in the past is no wait
        (math.nan, None, 0),
        (math.inf, None, 6 * HOUR),
    ],
)
def test_after_success(http: float | None, feed: float | None, wait: float) -> None:
    assert SCHEDULE.after_success(http, feed) == wait


def test_backoff_doubles_per_failure_up_to_its_cap() -> None:
    waits = [SCHEDULE.after_failure(n) for n in range(1, 9)]
    assert waits == [60, 120, 240, 480, 960, 1920, 3600, 3600]
    assert SCHEDULE.after_failure(10_000) == HOUR  # no overflow however many
    assert SCHEDULE.after_failure(0) == 60


@pytest.mark.parametrize(
    ("failures", "retry_after", "wait"),
    [
        (1, 600, 600),  # the server's wish beats a shorter backoff
        (7, 600, 3600),  # and never shortens a longer one
        (1, 1e9, 2 * HOUR),  # clamped
        (1, -100, 60),  # a past date or negative value: backoff alone
        (1, math.nan, 60),
    ],
)
def test_retry_after_is_honoured_within_limits(
    failures: int, retry_after: float, wait: float
) -> None:
    assert SCHEDULE.after_failure(failures, retry_after) == wait


def test_defaults_are_polite_and_bounded() -> None:
    assert DEFAULT_SCHEDULE.backoff_base == 5 * MINUTE
    assert DEFAULT_SCHEDULE.max_fresh == DEFAULT_SCHEDULE.backoff_max == 24 * HOUR
