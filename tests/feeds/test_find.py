"""What a typed address means to `a`: a URL as typed, a bare host as https, a path as a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsterm.feeds.find import address


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("https://example.org/feed", "https://example.org/feed"),
        ("  http://example.org/  ", "http://example.org/"),
        ("example.org/blog", "https://example.org/blog"),
        ("file:///tmp/a.xml", "file:///tmp/a.xml"),
    ],
)
def test_address(typed: str, meant: str) -> None:
    assert address(typed) == meant


def test_a_path_is_a_local_file(tmp_path: Path) -> None:
    feed = tmp_path / "a feed.xml"
    assert address(str(feed)) == feed.as_uri()
