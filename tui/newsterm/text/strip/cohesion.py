"""Which words a block shares: with the article's story, or with the appeal box beside it.

A story's paragraphs come back to the same names and things ("Buttondown", "subscribers",
"the district's filters"); a box speaks of the outlet, its readers and their support, words
the story around it seldom uses. So a line beside a box whose longer words recur in the
story is the story's, and one whose words recur only in the box is the box's: a report on
someone else's fund drive shares its words with the paragraphs around it, not with the ask.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from newsterm.text.blocks import Block

__all__ = ["Cohesion"]

# words of five letters or more: short words are mostly the grammar every block shares
_WORD = re.compile(r"\w{5,}")


class Cohesion:
    """The longer words of an article's blocks, read once when first asked."""

    def __init__(self, blocks: Sequence[Block]) -> None:
        self._blocks = blocks  # (their texts are read only when a box is grown beside them)
        self._words: dict[int, frozenset[str]] = {}
        self._counts: Counter[str] | None = None
        self._boxes: dict[tuple[int, int], Counter[str]] = {}

    def words(self, i: int) -> frozenset[str]:
        """Block i's longer words, lower-cased."""
        found = self._words.get(i)
        if found is None:
            found = self._words[i] = frozenset(_WORD.findall(self._blocks[i].text.lower()))
        return found

    def shares(self, i: int, start: int, end: int) -> tuple[float, float]:
        """The share of block i's longer words that occur in the story (every block but i,
        its two neighbours and the region [start, end)), and the share that occur in the
        region."""
        mine = self.words(i)
        if not mine:
            return 0.0, 0.0
        if self._counts is None:
            self._counts = Counter(w for k in range(len(self._blocks)) for w in self.words(k))
        near = {i, i - 1, i + 1, *range(start, end)}
        near = {k for k in near if 0 <= k < len(self._blocks)}
        box = self._boxes.get((start, end))
        if box is None:
            box = Counter(w for k in range(start, end) for w in self.words(k))
            self._boxes[(start, end)] = box
        local = Counter(w for k in near for w in self.words(k))
        story = sum(1 for w in mine if self._counts[w] > local[w])
        boxed = sum(1 for w in mine if box[w])
        return story / len(mine), boxed / len(mine)
