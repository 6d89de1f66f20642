"""Decide per region, not per line: a two-state pass over the article's blocks.

Each block is in the article or in an appeal. The model gives every block the odds that it
is appeal; a Viterbi pass then picks the likeliest sequence of states, so a box's plain lines
(a salutation, a goal meter, a "Remind me later" button) go with the asks around them, and a
lone weak line between paragraphs of reporting stays. A region of appeal states is removed
whole, or not at all: only if it holds a seed, a block that is an appeal by itself.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from newsterm.text.strip import thresholds as t

__all__ = ["Region", "find_regions", "region_of_blocks"]

_NEVER = -1e9  # a block the model must not touch (code, tables, feed-rule blocks)
_SEED = 1e3


@dataclass(frozen=True, slots=True)
class Region:
    """A run of blocks [start, end) that is one appeal, and whether it is removed."""

    start: int
    end: int
    removed: bool


def find_regions(
    logits: Sequence[float],
    prior: float,
    seeds: Sequence[bool],
    blocked: Sequence[bool],
    enter: float = t.ENTER,
    leave: float = t.LEAVE,
) -> list[Region]:
    """Appeal regions from per-block log-odds; `seeds` marks blocks that may start one
    (voice and strength), `blocked` blocks that can never be appeal (reported speech that is
    no seed, code, tables, the feed's own rules); `enter` and `leave` are
    the chances of a region starting and ending at a block."""
    emission = _emissions(logits, prior, blocked)
    # a seed is an appeal on its own evidence: it is always in a region
    emission = [
        _SEED if seed and e > _NEVER else e for e, seed in zip(emission, seeds, strict=True)
    ]
    path = _viterbi(emission, enter, leave)
    regions: list[Region] = []
    i = 0
    while i < len(path):
        if not path[i]:
            i += 1
            continue
        j = i
        while j < len(path) and path[j]:
            j += 1
        regions.append(Region(i, j, any(seeds[k] for k in range(i, j))))
        i = j
    return regions


def region_of_blocks(regions: Sequence[Region], count: int) -> list[int]:
    """The 1-based number of the region each of `count` blocks is in (0: none)."""
    numbers = [0] * count
    for number, region in enumerate(regions, 1):
        numbers[region.start : region.end] = [number] * (region.end - region.start)
    return numbers


def _emissions(logits: Sequence[float], prior: float, blocked: Sequence[bool]) -> list[float]:
    """Per block, the evidence for appeal over article: the model's log-odds less the odds
    of `prior` (thresholds.BASE)."""
    base = math.log(prior / (1 - prior))
    return [_NEVER if no else z - base for z, no in zip(logits, blocked, strict=True)]


def _viterbi(emission: Sequence[float], p_enter: float, p_leave: float) -> list[bool]:
    """The likeliest article/appeal state of every block (True: appeal)."""
    if not emission:
        return []
    stay_a, enter = math.log(1 - p_enter), math.log(p_enter)
    stay_p, leave = math.log(1 - p_leave), math.log(p_leave)
    # scores of ending in state A / P at block i, and back-pointers
    a, p = stay_a, enter + emission[0]
    back: list[tuple[bool, bool]] = []  # (best previous for A is P, best previous for P is P)
    for e in emission[1:]:
        a_from_a, a_from_p = a + stay_a, p + leave
        p_from_a, p_from_p = a + enter, p + stay_p
        back.append((a_from_p > a_from_a, p_from_p >= p_from_a))
        a, p = max(a_from_a, a_from_p), max(p_from_a, p_from_p) + e
    # an article may end inside an appeal: no end transition
    state = p > a
    path = [state]
    for from_p_for_a, from_p_for_p in reversed(back):
        state = from_p_for_p if state else from_p_for_a
        path.append(state)
    path.reverse()
    return path
