"""The ``[keys]`` table of feeds.toml: the user's own key for any action, by the action's id.

    [keys]
    "main.sort" = "s"        # or, unquoted, main.sort = "s"
    "article-list.down" = "j,down,ctrl+n"

The ids are those of the app's bindings (ui/keys.py, shown by the help screen); they are
listed here because the core never imports the UI, and a test keeps the two lists equal.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from newsterm.config_lines import LineFinder
from newsterm.text.sanitize import one_line

__all__ = ["ACTION_IDS", "parse_keys"]

_MAIN = [
    "add-feed",
    "back",
    "delete-feed",
    "download",
    "edit",
    "escape",
    "filter",
    "full-text",
    "help",
    "hide-read",
    "links",
    "mark-all-read",
    "next-pane",
    "next-unread",
    "open",
    "play",
    "prev-pane",
    "prev-unread",
    "refresh",
    "refresh-all",
    "rename-feed",
    "search",
    "sort",
    "star",
    "strip",
    "toggle-read",
    "undo",
    "zoom",
]
_LISTS = ["down", "first", "last", "up"]
ACTION_IDS = frozenset(
    ["app.quit"]
    + [f"main.{name}" for name in _MAIN]
    + [f"main.open-link-{n}" for n in range(1, 10)]
    + [f"article-list.{name}" for name in [*_LISTS, "page-down", "page-up", "read"]]
    + [f"feed-list.{name}" for name in [*_LISTS, "show"]]
    + [f"reader.{name}" for name in ["bottom", "down", "page-down", "page-up", "top", "up"]]
    + [f"links.{name}" for name in [*_LISTS, "close", "copy", "open"]]
)
"""Every binding id a [keys] entry may name."""

MAX_KEYS_CHARS = 200
"""A few keys separated by commas; more is not a key list."""

_KEY = re.compile(r"[A-Za-z0-9_+\-]+|[!-~]")
"""One key: a name (ctrl+s, f5, question_mark) or one printable ASCII character (?)."""


def parse_keys(table: Any, lines: LineFinder, problems: list[str]) -> Mapping[str, str]:
    """The keymap (binding id -> keys) from ``[keys]``; each fault appended as file:line."""
    if not isinstance(table, dict):
        problems.append(f'{lines.key("keys")}: [keys] must be a table of action id = "key"')
        return {}
    keymap: dict[str, str] = {}
    for action, value in _flat(table):
        where = lines.key(action, section="keys", dotted=True)
        if action not in ACTION_IDS:
            shown = one_line(action)[:60]
            known = "README lists the ids under [keys]"
            problems.append(f"{where}: [keys]: unknown action {shown!r} ({known})")
        elif problem := _key_problem(value):
            problems.append(f"{where}: [keys]: {action} {problem}")
        else:
            keymap[action] = ",".join(part.strip() for part in value.split(","))
    return keymap


def _flat(table: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """Unquoted ``main.sort = "s"`` is the table main holding sort: read it as "main.sort"."""
    pairs: list[tuple[str, Any]] = []
    for key, value in table.items():
        if isinstance(value, dict) and not prefix:
            pairs.extend(_flat(value, f"{key}."))
        else:
            pairs.append((prefix + key, value))
    return pairs


def _key_problem(value: Any) -> str | None:
    """Why ``value`` is not a usable key list, or None."""
    if not isinstance(value, str) or not value.strip():
        return 'must be a key such as "s" or "ctrl+s", not empty'
    if len(value) > MAX_KEYS_CHARS:
        return f"has more than {MAX_KEYS_CHARS} characters of keys"
    for part in value.split(","):
        if not _KEY.fullmatch(part.strip()):
            return f"has a key that is not one: {one_line(part)[:40]!r}"
    return None
