"""How one article looks as a row of the list: marker, date, feed and title in one line."""

from __future__ import annotations

from textual.content import Content

from newsterm.models import ArticleRow
from newsterm.text.sanitize import one_line


def row_content(row: ArticleRow, width: int) -> Content:
    """Unread marker, date, feed (when there is room) and title, cut to ``width`` cells."""
    date = row.published.astimezone().strftime("%Y-%m-%d")
    title = _clip(row.title, width) or "(no title)"
    parts: list[Content | tuple[str, str] | str] = [
        ("●" if not row.read else " ", ".article-list--marker"),
        ("★" if row.starred else " ", ".article-list--marker"),
        (date, ".article-list--date"),
        " ",
    ]
    if width >= 60:
        feed_width = min(20, max(10, width // 6))
        feed = Content(_clip(row.feed_title, feed_width))
        feed = feed.truncate(feed_width, ellipsis=True, pad=True)
        parts += [feed.stylize(".article-list--feed"), " "]
    state = ".article-list--read" if row.read else ".article-list--unread"
    parts.append(Content(title).stylize(state))
    return Content.assemble(*parts).truncate(width, ellipsis=True)


def _clip(text: str, cells: int) -> str:
    """``text`` as one line, cut near ``cells``: styling a 100 KB title for one row is slow.

    Four characters a cell leaves room for combining marks and emoji sequences; the exact
    cut by cells is Content.truncate's.
    """
    return one_line(text)[: 4 * cells + 16]
