"""What a sync server sends, made safe to keep and show: it is as hostile as any feed.

Titles and names become single lines without controls, links must be http(s), HTML is
kept (the reader renders it as feeds' HTML) but without controls, and everything is capped.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime
from typing import Any

from newsterm.feeds.parse import MAX_AUTHOR, MAX_CONTENT, MAX_TITLE
from newsterm.text.sanitize import one_line, strip_controls

__all__ = [
    "clean_author",
    "clean_html",
    "clean_id",
    "clean_link",
    "clean_text",
    "clean_time",
    "objects",
]

MAX_ID = 300
MAX_LINK = 4_000
_ID = re.compile(r"[!-~]+")  # printable ASCII, no spaces: every real server's ids


def clean_id(value: Any) -> str | None:
    """A server's id for a feed or an item as text, or None when it is not a usable one."""
    if isinstance(value, bool):
        return None
    text = str(value) if isinstance(value, int | str) else ""
    return text if 0 < len(text) <= MAX_ID and _ID.fullmatch(text) else None


def clean_text(value: Any, limit: int = MAX_TITLE) -> str:
    """One line of plain text (a title, a name, a tag)."""
    return one_line(value)[:limit] if isinstance(value, str) else ""


def clean_author(value: Any) -> str:
    """An author's name."""
    return clean_text(value, MAX_AUTHOR)


def clean_link(value: Any) -> str:
    """An http(s) address, else ""."""
    link = clean_text(value, MAX_LINK)
    return link if link.lower().startswith(("http://", "https://")) else ""


def clean_html(value: Any) -> str:
    """An article's HTML, controls removed, capped like a feed's."""
    return strip_controls(value)[:MAX_CONTENT] if isinstance(value, str) else ""


def clean_time(value: Any, *, scale: int = 1) -> datetime:
    """Unix time (``value / scale`` seconds) as a UTC datetime; now for nonsense."""
    try:
        seconds = int(value) // scale if not isinstance(value, bool) else -1
        if 0 < seconds < 32_503_680_000:  # before the year 3000
            return datetime.fromtimestamp(seconds, UTC)
    except (TypeError, ValueError, OverflowError):
        pass
    return datetime.fromtimestamp(int(time.time()), UTC)


def objects(value: Any) -> list[dict[str, Any]]:
    """The JSON objects of a list in a server's answer; anything else in it is left out."""
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
