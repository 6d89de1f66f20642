"""Read a newsboat ``urls`` file: one feed per line, then its tags, "~Title" naming it.

``exec:``, ``filter:`` and ``query:`` lines are skipped with a reason: a list never runs a
command, and query feeds are views in newsterm (``[[view]]`` in feeds.toml).
"""

from __future__ import annotations

import re

from newsterm.subscriptions.listing import Listing, ListProblem, Skipped

__all__ = ["read_urls"]

# newsboat's tokens: a "quoted string" with backslash escapes, or a run of non-blanks.
_TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|([^\s"]+)|(")')
_ESCAPE = re.compile(r"\\(.)")
_NOT_RUN = {
    "exec:": "an exec: feed runs a command; newsterm never does",
    "filter:": "a filter: feed runs a command; newsterm never does",
    "query:": "a query: feed; write it as a [[view]] table in feeds.toml",
}


def read_urls(text: str) -> Listing:
    """The feeds a urls file lists; ListProblem (with its line) for an unclosed quote."""
    listing = Listing()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        words = _words(line, number)
        address, rest = words[0], words[1:]
        kind = next((k for k in _NOT_RUN if address.lower().startswith(k)), None)
        if kind is not None:
            listing.skipped.append(Skipped(number, _NOT_RUN[kind]))
            continue
        title = next((w[1:] for w in rest if w.startswith("~")), "")
        tags = [w for w in rest if not w.startswith(("~", "!"))]
        listing.add(address, title, tags, number)
    return listing


def _words(line: str, number: int) -> list[str]:
    words = []
    for match in _TOKEN.finditer(line):
        if match[3]:
            raise ListProblem(number, "a quote that is never closed")
        words.append(_ESCAPE.sub(r"\1", match[1]) if match[1] is not None else match[2])
    return words
