"""Choices the app remembers between runs: the theme, the sort order, hiding read articles.

They live in a small JSON file in the XDG state directory (paths.state_path), never in
feeds.toml, which is the user's to write. A file that cannot be used is ignored: the
defaults apply, with one line saying so, and the next choice rewrites it.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from newsterm.small_files import FileTooLarge, NotARegularFile, read_small
from newsterm.store.order import ORDERS
from newsterm.text.sanitize import one_line

__all__ = ["MAX_STATE_BYTES", "AppState", "load_state", "next_order", "save_state"]

MAX_STATE_BYTES = 64 * 1024
"""A state file is a few dozen bytes; anything past this is not one."""

MAX_THEME_CHARS = 100
"""Textual's theme names are short words; a longer one was not written by newsterm."""

ORDER_NAMES = tuple(order.name for order in ORDERS)


@dataclass(frozen=True, slots=True)
class AppState:
    """What the app remembers."""

    theme: str | None = None
    """The theme picked in the command palette; None for Textual's default."""
    order: str = "newest"
    """How the article list is sorted: newest, oldest, feed or title."""
    hide_read: bool = False
    """Whether the article list leaves out read articles."""


def next_order(name: str) -> str:
    """The order after ``name`` in the cycle the sort key steps through."""
    index = ORDER_NAMES.index(name) if name in ORDER_NAMES else -1
    return ORDER_NAMES[(index + 1) % len(ORDER_NAMES)]


def load_state(path: Path) -> tuple[AppState, str | None]:
    """The state saved at ``path`` (defaults when there is none), and a notice if it was bad."""
    try:
        raw = read_small(path, MAX_STATE_BYTES)
    except FileNotFoundError:
        return AppState(), None
    except FileTooLarge:
        return AppState(), _notice(path, f"larger than {MAX_STATE_BYTES // 1024} KiB")
    except NotARegularFile:
        return AppState(), _notice(path, "not a regular file")
    except OSError as exc:
        return AppState(), _notice(path, f"cannot read it ({exc.strerror or exc})")
    try:
        return _state(json.loads(raw.decode("utf-8"))), None
    # JSONDecodeError and UnicodeError are ValueErrors; deep nesting is a RecursionError.
    except (ValueError, TypeError, RecursionError) as exc:
        return AppState(), _notice(path, one_line(str(exc))[:120] or type(exc).__name__)


def _state(data: object) -> AppState:
    """An AppState from parsed JSON; ValueError or TypeError for anything else."""
    if not isinstance(data, dict):
        raise TypeError("not a JSON object")
    theme, order, hide_read = data.get("theme"), data.get("order", "newest"), data.get("hide_read")
    if theme is not None and not (isinstance(theme, str) and 0 < len(theme) <= MAX_THEME_CHARS):
        raise TypeError("theme is not a theme's name")
    if order not in ORDER_NAMES:
        raise ValueError(f"unknown order {one_line(str(order))[:40]!r}")
    if not isinstance(hide_read, bool | None):
        raise TypeError("hide_read is not true or false")
    return AppState(theme, order, bool(hide_read))


def _notice(path: Path, why: str) -> str:
    return one_line(f"{path}: ignored, {why}; using the default theme and article list")


def save_state(path: Path, state: AppState) -> None:
    """Write ``state`` to ``path`` atomically (a crash leaves the old file or the new one)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(asdict(state), handle, indent=2)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        os.unlink(temp)
        raise
