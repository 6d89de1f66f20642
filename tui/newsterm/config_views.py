"""feeds.toml's ``[[view]]`` tables: saved views, each a title and a query checked on load."""

from __future__ import annotations

from typing import Any

from newsterm.config_lines import LineFinder
from newsterm.text.sanitize import one_line
from newsterm.view_query import SavedView, ViewQueryError, parse_view_query

__all__ = ["MAX_VIEWS", "MAX_VIEW_TITLE_CHARS", "parse_views"]

MAX_VIEWS = 100
"""Each view's unread count is a query of its own: more than this is a mistake."""
MAX_VIEW_TITLE_CHARS = 200

_KEYS = ("title", "query")


def parse_views(entries: Any, lines: LineFinder, problems: list[str]) -> tuple[SavedView, ...]:
    """The ``[[view]]`` tables; each fault appended as file:line, naming the view."""
    if not isinstance(entries, list):
        problems.append(f'{lines.key("view")}: "view" must be [[view]] tables')
        return ()
    if len(entries) > MAX_VIEWS:
        problems.append(f"{lines.entry('view', MAX_VIEWS + 1)}: more than {MAX_VIEWS} [[view]]s")
        return ()
    views: list[SavedView] = []
    titles: dict[str, int] = {}
    for index, entry in enumerate(entries, start=1):
        view = _view(entry, index, lines, problems)
        if view is None:
            continue
        first = titles.setdefault(view.title.casefold(), index)
        if first != index:
            where = lines.entry("view", index, "title")
            problems.append(f"{where}: view #{index} repeats the title of view #{first}")
            continue
        views.append(view)
    return tuple(views)


def _view(entry: Any, index: int, lines: LineFinder, problems: list[str]) -> SavedView | None:
    if not isinstance(entry, dict):
        problems.append(f"{lines.entry('view', index)}: view #{index} must be a table")
        return None
    title = entry.get("title")
    label = f"view #{index}" + (f" ({one_line(title)[:60]!r})" if isinstance(title, str) else "")
    before = len(problems)

    def fault(key: str, message: str) -> None:
        problems.append(f"{lines.entry('view', index, key)}: {label}: {message}")

    for key in sorted(entry.keys() - set(_KEYS)):
        fault(key, f"unknown key {one_line(key)[:60]!r} (known: title, query)")
    if not isinstance(title, str) or not one_line(title):
        fault("title", "needs a title, a non-empty string")
    elif len(title) > MAX_VIEW_TITLE_CHARS:
        fault("title", f"a title is at most {MAX_VIEW_TITLE_CHARS} characters")
    query = entry.get("query")
    parsed = None
    if not isinstance(query, str):
        fault("query", 'needs a query, a string like query = "unread tag:news"')
    else:
        try:
            parsed = parse_view_query(query)
        except ViewQueryError as exc:
            fault("query", f"query {one_line(query)[:80]!r}: {exc}")
    if len(problems) > before or parsed is None or not isinstance(title, str):
        return None
    return SavedView(one_line(title), parsed)
