"""Freshness hints read from headers and feeds, hostile values included."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from newsterm.feeds.freshness import MAX_HINT_CHARS, feed_fresh_for, http_fresh_for, retry_after

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
DATE = "Sun, 01 Nov 2026 12:00:00 GMT"  # NOW as an HTTP date


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({"cache-control": "public, max-age=600"}, 600),
        ({"cache-control": 'max-age="90"'}, 90),
        ({"cache-control": "MAX-AGE=30, must-revalidate"}, 30),
        ({"cache-control": "no-cache, max-age=600"}, 0),
        ({"cache-control": "no-store"}, 0),
        ({"cache-control": "max-age=315360000000"}, 315360000000),  # clamped by the schedule
        ({"cache-control": "s-maxage=600"}, None),  # for shared caches, not for readers
        ({"cache-control": "max-age=-5"}, None),
        ({"cache-control": "max-age=ten"}, None),
        ({"cache-control": "private", "expires": "Sun, 01 Nov 2026 13:00:00 GMT"}, 3600),
        ({"expires": "Sun, 01 Nov 2026 12:30:00 GMT", "date": DATE}, 1800),
        ({"expires": "Sun, 01 Nov 2026 12:30:00 GMT"}, 1800),  # against now without a Date
        ({"expires": "Thu, 01 Jan 1970 00:00:00 GMT"}, -1793534400.0),  # past: clamped to 0
        ({"expires": "0"}, 0),  # invalid: already expired
        ({"expires": "garbage"}, 0),
        ({"cache-control": "max-age=600", "expires": "0"}, 600),  # max-age wins
        ({}, None),
        ({"cache-control": "max-age=600" + " " * MAX_HINT_CHARS}, None),  # too long to read
    ],
)
def test_http_freshness(headers: dict[str, str], seconds: float | None) -> None:
    assert http_fresh_for(headers, NOW) == seconds


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("120", 120),
        (" 7 ", 7),
        ("Sun, 01 Nov 2026 12:05:00 GMT", 300),
        ("Sun, 01 Nov 2026 11:00:00 GMT", -3600),  # in the past: the schedule clamps it
        ("-30", None),
        ("1.5", None),
        ("soon", None),
        ("", None),
        (None, None),
        ("9" * (MAX_HINT_CHARS + 1), None),
    ],
)
def test_retry_after(value: str | None, seconds: float | None) -> None:
    assert retry_after(value, NOW) == seconds


@pytest.mark.parametrize(
    ("feed", "seconds"),
    [
        ({"ttl": "90"}, 5400),
        ({"ttl": " 60 "}, 3600),
        ({"ttl": "-1"}, None),
        ({"ttl": "often"}, None),
        ({"sy_updateperiod": "hourly", "sy_updatefrequency": "2"}, 1800),
        ({"sy_updateperiod": "Daily"}, 86400),
        ({"sy_updateperiod": "weekly", "sy_updatefrequency": "0"}, 7 * 86400),
        ({"sy_updateperiod": "weekly", "sy_updatefrequency": "x"}, 7 * 86400),
        ({"sy_updateperiod": "fortnightly"}, None),
        ({"ttl": "30", "sy_updateperiod": "daily"}, 1800),  # ttl first
        ({"ttl": ["30"]}, None),  # not text
        ({}, None),
    ],
)
def test_feed_freshness(feed: dict[str, object], seconds: float | None) -> None:
    assert feed_fresh_for(feed) == seconds
