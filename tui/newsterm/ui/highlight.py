"""A search's words marked in the reader's lines, so a match is easy to find."""

from __future__ import annotations

import re
from collections.abc import Sequence

from textual.content import Content

from newsterm.store.fulltext import search_terms

MATCH_STYLE = ".reader--match"


def match_pattern(search: str) -> re.Pattern[str] | None:
    """A case-blind regex for the words and phrases ``search`` looks for; None for none."""
    parts = []
    for term, prefix in search_terms(search):
        words = r"\s+".join(re.escape(word) for word in term.split())
        parts.append(rf"\b{words}" + (r"\w*" if prefix else r"\b"))
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def highlighted(lines: Sequence[Content], search: str) -> list[Content]:
    """``lines`` with every match of ``search`` styled as a match (a phrase within one line)."""
    pattern = match_pattern(search)
    if pattern is None:
        return list(lines)
    marked = []
    for line in lines:
        for match in pattern.finditer(line.plain):
            line = line.stylize(MATCH_STYLE, match.start(), match.end())
        marked.append(line)
    return marked
