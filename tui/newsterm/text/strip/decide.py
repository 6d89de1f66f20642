"""One article's decision: anchors, features, seeds, the model's regions, growth, verdicts.

Only blocks near an anchor (a precise ask, appeal class names, a link to an appeal page) are
weighed; an article without one costs its parse and one scan. Near the anchors, the model's
odds and a two-state pass (regions.py) give regions; a region is removed only if it holds a
seed (seeds.py), and a removed region then grows over the rest of its box (growth.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from newsterm.text.blocks import Block
from newsterm.text.strip import thresholds as t
from newsterm.text.strip.cohesion import Cohesion
from newsterm.text.strip.features import (
    DATA_KINDS,
    FEATURES,
    PLAIN,
    ArticleFeatures,
    BlockFeatures,
)
from newsterm.text.strip.growth import Joining, byline, grow, marked_boxes, speaks_of_box
from newsterm.text.strip.model import Model, join_values, load_model
from newsterm.text.strip.regions import Region, find_regions, region_of_blocks
from newsterm.text.strip.seeds import seed_reason

__all__ = [
    "BlockDecision",
    "Setting",
    "decide",
    "join_evidence",
    "sure_core",
]

_LONG = FEATURES.index("words>60")
_FAR = -50.0  # the log-odds shown for a block no anchor is near


@dataclass(frozen=True, slots=True)
class BlockDecision:
    """What was decided for one block, and the evidence it rests on."""

    features: BlockFeatures
    logit: float  # the model's log-odds in context (_FAR for blocks it never weighed)
    seed: str  # why the block is a seed ("" when it is none)
    region: int  # 1-based region number, 0 outside any
    removed: bool
    joined: str = ""  # why the block joined a removed region by growth ("" otherwise)

    @property
    def probability(self) -> float:
        """The model's probability that the block is part of an appeal."""
        return 1 / (1 + math.exp(-max(-50.0, min(50.0, self.logit))))


@dataclass(frozen=True, slots=True)
class Setting:
    """The thresholds a decision is taken with (thresholds.py by default; train.py searches)."""

    base: float = t.BASE
    enter: float = t.ENTER
    leave: float = t.LEAVE
    grow: float = t.GROW
    join: float = t.JOIN


def decide(
    blocks: tuple[Block, ...],
    base_url: str,
    forced: frozenset[int],
    model: Model | None = None,
    setting: Setting = Setting(),
    article: ArticleFeatures | None = None,
    grown: bool = True,
) -> tuple[list[BlockDecision], list[Region]]:
    """Decide every block; `forced` blocks (the feed's own rules) are removed regardless and
    kept out of the model's regions. `article` lends features already computed (train.py),
    and `grown` false returns the regions before growth (train.py learns to grow them)."""
    model = model or load_model()
    count = len(blocks)
    article = article or ArticleFeatures(blocks, base_url)
    near = _near(article.anchors(), count)
    if not near:  # decisions are immutable: one per verdict serves every block
        kept, gone = _UNWEIGHED
        return [gone if i in forced else kept for i in range(count)], []
    features = article.window(near)
    own, logits = model.stages(features, near)
    never = [i in forced or b.kind in DATA_KINDS for i, b in enumerate(blocks)]
    seeds = [
        seed_reason(f, own[i]) if i in near and not never[i] else "" for i, f in enumerate(features)
    ]
    # someone else's words, a byline and a long paragraph never join a region by their
    # neighbours' odds: a box's lines are short, and the paragraph beside an inline box is
    # the article's own
    barred = [
        no or i not in near or ((f.others or byline(f) or bool(f.values[_LONG])) and not seeds[i])
        for i, (no, f) in enumerate(zip(never, features, strict=True))
    ]
    regions = find_regions(
        logits, setting.base, [bool(s) for s in seeds], barred, setting.enter, setting.leave
    )

    def odds(i: int) -> float:
        return own[i] if i in near else model.own_logit(article[i])

    cohesion = Cohesion(blocks)

    def learned(i: int, core: Region) -> float:
        if not sure_core(core, odds):
            return -math.inf
        extra = join_evidence(article, odds, cohesion, i, core)
        return -math.inf if extra is None else model.join_logit(article[i], extra)

    joined: dict[int, str] = {}
    if grown:
        regions, joined = grow(
            regions,
            article.__getitem__,
            odds,
            never.__getitem__,
            count,
            setting.grow,
            lambda i: bool(seeds[i]),
            Joining(learned, setting.join),
        )
        regions = marked_boxes(regions, [b.text for b in blocks], joined)
    logits = [z if i in near else _FAR for i, z in enumerate(logits)]
    return _decisions(article, logits, seeds, regions, joined, forced), regions


_CORE_LOGIT = math.log(t.JOIN_CORE / (1 - t.JOIN_CORE))


def sure_core(core: Region, odds: Callable[[int], float]) -> bool:
    """The region's core holds a block the model gives at least thresholds.JOIN_CORE on
    its own evidence: only then does the joining model widen it (a region grown from a
    doubtful seed keeps to the lines the rules give it)."""
    return any(odds(k) >= _CORE_LOGIT for k in range(core.start, core.end))


def join_evidence(
    article: ArticleFeatures,
    odds: Callable[[int], float],
    cohesion: Cohesion,
    i: int,
    core: Region,
) -> tuple[float, ...] | None:
    """What the joining model reads of block i beside a removed region's core (model.JOIN),
    besides the block's own features; `odds` are the first stage's log-odds. None when the
    line says nothing of the box it would join (growth.speaks_of_box): the model is not
    asked."""
    above = i < core.start
    beyond_at = i - 1 if above else i + 1
    beyond = article[beyond_at] if 0 <= beyond_at < len(article.blocks) else None
    story_share, box_share = cohesion.shares(i, core.start, core.end)
    if not speaks_of_box(article[i], beyond, box_share):
        return None
    return join_values(
        odds(i),
        above,
        beyond,
        0.0 if beyond is None else odds(beyond_at),
        (story_share, box_share),
    )


def _decisions(
    article: ArticleFeatures,
    logits: list[float],
    seeds: list[str],
    regions: list[Region],
    joined: dict[int, str],
    forced: frozenset[int],
) -> list[BlockDecision]:
    """A decision per block: in a removed region (or forced by the feed's rules) or not."""
    out = []
    unweighed = _UNWEIGHED[0]
    for i, r in enumerate(region_of_blocks(regions, len(logits))):
        gone = i in forced or (r > 0 and regions[r - 1].removed)
        features = article.known(i)
        if features is PLAIN and not (r or gone or seeds[i] or i in joined) and logits[i] == _FAR:
            out.append(unweighed)  # far from every anchor, as in an article with none
            continue
        out.append(BlockDecision(features, logits[i], seeds[i], r, gone, joined.get(i, "")))
    return out


_UNWEIGHED = (BlockDecision(PLAIN, _FAR, "", 0, False), BlockDecision(PLAIN, _FAR, "", 0, True))


def _near(found: list[int], count: int) -> frozenset[int]:
    """Blocks within thresholds.REACH of an anchor."""
    near: set[int] = set()
    for i in found:
        near.update(range(max(0, i - t.REACH), min(count, i + t.REACH + 1)))
    return frozenset(near)
