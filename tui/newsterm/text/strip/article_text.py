"""An article's words as one text, and the tables it is read with.

Each block whose words are read, lower-cased, joined to the next by a newline (no phrase
crosses one), its offset kept. The languages of the text (detect.py) choose the phrase
tables the article is read with, and one scan of the text with them finds every block
that holds an ask.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

from newsterm.text.strip.detect import languages_of
from newsterm.text.strip.matcher import Matcher, matcher_for
from newsterm.text.strip.reading import straight
from newsterm.text.strip.thresholds import MAX_BLOCK_CHARS

__all__ = ["ArticleText"]


class ArticleText:
    """The words of an article's blocks in one lower-cased text."""

    __slots__ = ("_starts", "blocks", "joined", "tables")

    def __init__(self, blocks: Iterable[tuple[int, str]]) -> None:
        """`blocks`: (index, text) of each block whose words are read, in order."""
        self.blocks: list[int] = []  # their indices
        self._starts: list[int] = []  # their offsets in `joined`
        parts = []
        at = 0
        for i, text in blocks:
            # lower-cased before its offset is taken: lower() can lengthen a text ("İ")
            low = straight(text[:MAX_BLOCK_CHARS].lower())
            self.blocks.append(i)
            self._starts.append(at)
            parts.append(low)
            at += len(low) + 1
        self.joined = "\n".join(parts)
        self.tables: Matcher = matcher_for(languages_of(parts))

    def holding_asks(self) -> set[int]:
        """The blocks holding a precise ask or the publisher's funding said of itself."""
        blocks, starts = self.blocks, self._starts
        return {blocks[bisect_right(starts, at) - 1] for at in self.tables.ask_starts(self.joined)}
