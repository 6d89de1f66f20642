"""The word rules a search and a saved view's query share, so both read a query alike."""

from __future__ import annotations

import re

__all__ = ["OPERATORS", "control_character", "has_word"]

OPERATORS = frozenset({"AND", "OR", "NOT"})
"""Upper-case words a search passes to the index as operators rather than looking them up."""

# The index's tokenizer splits on everything but letters and digits: "_" alone is no word.
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def has_word(text: str) -> bool:
    """True when ``text`` holds a letter or a digit, something the index can look up."""
    return _LETTER_OR_DIGIT.search(text) is not None


def control_character(text: str) -> str | None:
    """The first control character in ``text`` (tab and line ends aside), or None."""
    found = _CONTROL.search(text)
    return found.group() if found else None
