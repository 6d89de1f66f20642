"""The pieces the walker and the element handlers share: marks, boxes, links, attributes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from newsterm.text.sanitize import is_printable, strip_controls

__all__ = [
    "BR",
    "SKIP",
    "Attrs",
    "Box",
    "Leave",
    "OpenCell",
    "OpenLink",
    "hidden",
    "hint_of",
    "normalise",
    "tag_set",
]

BR = "\ue000"  # private-use stand-in for <br> until whitespace is normalised
_BR_RUN = re.compile(r" ?\ue000[\ue000 ]*")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
Attrs = dict[str, str | None]
Leave = tuple[Callable[[Any, Any], None], Any]


def tag_set(names: str) -> frozenset[str]:
    """A set of tag names from a space-separated string."""
    return frozenset(names.split())


SKIP = tag_set(
    "script style iframe object embed noscript template svg head title meta link canvas "
    "video audio select textarea datalist map applet frame frameset noembed param source "
    "track option optgroup dialog"
)


@dataclass(frozen=True, slots=True)
class Box:
    """A container element (div, section, list, quote…) that holds blocks[start:end]."""

    id: int
    start: int
    end: int
    hint: str  # the container's own class/id/aria-label/role words
    parent: int = 0  # id of the enclosing container (0: none)


class OpenLink:
    """An <a> being walked: its target, number (once it shows text) and text so far."""

    __slots__ = ("button", "hint", "in_buffer", "number", "parts", "url")

    def __init__(self, url: str, button: bool, hint: str) -> None:
        self.url = url
        self.number = 0  # given on its first visible text, so numbers follow reading order
        self.button = button
        self.hint = hint
        self.in_buffer = False  # some of its text is in the block being built
        self.parts: list[str] = []


class OpenCell:
    """A data-table cell being walked: its text parts and how far it spans."""

    __slots__ = ("columns", "head", "parts", "rows")

    def __init__(self, columns: int = 1, rows: int = 1, head: bool = False) -> None:
        self.parts: list[str] = []
        self.columns = columns  # 0: the whole width (a caption)
        self.rows = rows
        self.head = head


def hint_of(attrs: Attrs) -> str:
    """The class/id/aria-label/role words of an element, lower-cased."""
    if not attrs:
        return ""
    words = [v for k in ("class", "id", "aria-label", "role") if (v := attrs.get(k))]
    return " ".join(words).lower() if words else ""


def hidden(attrs: Attrs) -> bool:
    """An element a browser would not show."""
    if "hidden" in attrs:
        return True
    style = attrs.get("style")
    return style is not None and _HIDDEN_STYLE.search(style) is not None


def normalise(raw: str, controls: bool = True) -> str:
    """Whitespace runs made one space, <br> stand-ins newlines, controls removed if asked."""
    if not controls and _plain(raw):
        return raw
    text = " ".join((strip_controls(raw) if controls else raw).split())
    if BR in text:
        text = _BR_RUN.sub("\n", text)
    return text.strip()


def _plain(raw: str) -> bool:
    """Already normalised: single spaces between words and no other whitespace, control or
    <br> stand-in (isprintable is False for every whitespace character but the space, and
    one test of it is several times quicker than splitting and joining the text)."""
    return is_printable(raw) and "  " not in raw and raw[:1] != " " and raw[-1:] != " "
