"""The article in a web page, found by trafilatura: its main text as HTML, links, tables
and images kept, page furniture (menus, comments, footers) left out.

trafilatura is imported on first use, never at start-up (it costs ~0.2 s), and is only
given bytes: it fetches nothing. A real page takes a tenth of a second, a hostile one up to
a minute: newsterm calls this in a helper process under a deadline (extraction.py).
"""

from __future__ import annotations

from typing import Any

__all__ = ["MAX_PAGE_BYTES", "MAX_PAGE_TAGS", "extract_article"]

MAX_PAGE_BYTES = 5 * 1024 * 1024
"""A page past this is not an article page; it is cut off unread."""

MAX_PAGE_TAGS = 60_000
"""Tags a page may hold: the longest real article pages hold a few tens of thousands, while
a few megabytes of bare <p> or <div> tags keep trafilatura busy for a minute."""


def extract_article(page: bytes, url: str = "") -> str:
    """The article of ``page`` as HTML, or "" when the page holds none."""
    if not page or len(page) > MAX_PAGE_BYTES or page.count(b"<") > MAX_PAGE_TAGS:
        return ""
    trafilatura = _trafilatura()
    try:
        found = trafilatura.extract(
            page,
            url=url or None,
            output_format="html",
            include_links=True,
            include_tables=True,
            include_images=True,
            include_comments=False,
            with_metadata=False,
            deduplicate=False,
        )
    except (ValueError, TypeError, RecursionError, MemoryError):  # hostile markup
        return ""
    return found if isinstance(found, str) else ""


def _trafilatura() -> Any:
    import trafilatura  # deferred: see the module docstring

    return trafilatura
