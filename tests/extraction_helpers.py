"""A page that keeps the extractor busy, and what the page-reading helper processes of
this test process are doing (from /proc)."""

from __future__ import annotations

import os
from pathlib import Path

HOSTILE_PAGE = (
    b"<html><body>" + b"<div><p>word more words here</p></div>" * 14_500 + b"</body></html>"
)
"""Under the tag cap (text/extract.py), yet many seconds of the extractor's time."""


def helper_states() -> list[str]:
    """The state letter of each live helper (R running, S waiting for a page, Z ended)."""
    return list(helpers().values())


def helpers() -> dict[int, str]:
    """Each helper's process id and state letter."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue  # gone meanwhile
        state, parent = stat.rsplit(")", 1)[1].split()[:2]
        if int(parent) == os.getpid() and b"newsterm.extraction" in command:
            found[int(entry.name)] = state
    return found
