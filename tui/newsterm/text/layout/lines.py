"""Styled lines and cell-aware wrapping: what the reader draws and `newsterm show` prints.

A Line is a run of Spans; a span's style is a space-separated list of role names ("h1",
"link-number", "removed"), which the UI maps to its theme and plain output ignores.
Widths are in terminal cells: a CJK character takes two, a combining mark none.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Line", "Span", "cell_width", "fold", "wrap"]


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of text in one style (roles separated by spaces; "" for plain)."""

    text: str
    style: str = ""


@dataclass(frozen=True, slots=True)
class Line:
    """One terminal line of the reader."""

    spans: tuple[Span, ...] = ()

    @classmethod
    def of(cls, text: str, style: str = "") -> Line:
        return cls((Span(text, style),)) if text else cls()

    @property
    def plain(self) -> str:
        return "".join(span.text for span in self.spans)

    def styled(self, role: str) -> Line:
        """The same line with ``role`` added to every span."""
        return Line(tuple(Span(s.text, f"{s.style} {role}".strip()) for s in self.spans))

    def __add__(self, other: Line) -> Line:
        return Line(self.spans + other.spans)


@lru_cache(maxsize=4096)
def _char_width(char: str) -> int:
    if unicodedata.combining(char) or char in "\u200b\u200c\u200d\ufeff":
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cell_width(text: str) -> int:
    """How many terminal cells ``text`` takes."""
    if text.isascii():
        return len(text)
    return sum(_char_width(ch) for ch in text)


def _is_wide(word: str) -> bool:
    """Text of wide (CJK) characters, which may break between any two characters."""
    return not word.isascii() and any(_char_width(ch) == 2 for ch in word)


def wrap(text: str, width: int, first: str = "", rest: str = "") -> list[str]:
    """Each line of ``text`` word-wrapped to ``width`` cells, with the given indents.

    Words are never cut unless one alone is wider than the line; CJK text breaks anywhere.
    """
    out: list[str] = []
    for i, line in enumerate(text.split("\n")):
        out.extend(_wrap_line(line, width, first if i == 0 else rest, rest))
    return out


def _wrap_line(line: str, width: int, first: str, rest: str) -> list[str]:
    width = max(width, cell_width(rest) + 1, cell_width(first) + 1)
    lines: list[str] = []
    current, used, empty = first, cell_width(first), True
    for word in line.split():
        size = cell_width(word)
        gap = 0 if empty else 1
        if used + gap + size <= width:
            current, used, empty = current + " " * gap + word, used + gap + size, False
            continue
        if not (_is_wide(word) or size > width - cell_width(rest)):
            lines.append(current.rstrip())
            current, used, empty = rest + word, cell_width(rest) + size, False
            continue
        if not empty:  # break a long or CJK word, starting on this line
            current, used = current + " ", used + 1
        for char in word:
            step = _char_width(char)
            if used + step > width and not empty:
                lines.append(current.rstrip())
                current, used = rest, cell_width(rest)
            current, used, empty = current + char, used + step, False
    lines.append(current.rstrip())
    return lines


def fold(text: str, width: int) -> list[str]:
    """``text`` cut into pieces of at most ``width`` cells, anywhere (for addresses)."""
    pieces: list[str] = []
    current, used = "", 0
    for char in text:
        step = _char_width(char)
        if used + step > width and current:
            pieces.append(current)
            current, used = "", 0
        current, used = current + char, used + step
    pieces.append(current)
    return pieces


def join(lines: Iterable[Line]) -> str:
    """Lines as plain text, one per row."""
    return "\n".join(line.plain.rstrip() for line in lines)
