"""One article's decision: features, the model's odds, regions, and a verdict per block."""

from __future__ import annotations

import math
from dataclasses import dataclass

from newsterm.text.html import Block
from newsterm.text.strip import thresholds as t
from newsterm.text.strip.features import FEATURES, BlockFeatures, article_features
from newsterm.text.strip.model import Model, load_model
from newsterm.text.strip.regions import Region, find_regions

__all__ = ["BlockDecision", "decide", "turns_to_own_ask", "voiced"]

_VOICED = (
    FEATURES.index("voice_ask_sentences"),
    FEATURES.index("button_line"),
    FEATURES.index("slot:platform"),
    FEATURES.index("markup:link"),
)
_DATA = ("pre", "table", "rule")
_CLOSING_TURN = FEATURES.index("closing_turn")
_CLOSING_SHARE = FEATURES.index("closing_share")


@dataclass(frozen=True, slots=True)
class BlockDecision:
    """What was decided for one block, and the evidence it rests on."""

    features: BlockFeatures
    logit: float
    seed: bool  # strong and voiced enough to start a region
    region: int  # 1-based region number, 0 outside any
    removed: bool

    @property
    def probability(self) -> float:
        """The model's probability that the block is part of an appeal."""
        return 1 / (1 + math.exp(-max(-50.0, min(50.0, self.logit))))


def voiced(features: BlockFeatures) -> bool:
    """The block asks in the publisher's or the reader's voice, is a button, names a funding
    platform or links to an appeal page: evidence a region can grow from."""
    return any(features.values[k] for k in _VOICED)


def turns_to_own_ask(features: BlockFeatures) -> bool:
    """The block ends in a run of the publisher's own asks (see thresholds.TURN_*)."""
    values = features.values
    return bool(values[_CLOSING_TURN]) and values[_CLOSING_SHARE] >= t.TURN_SHARE


def decide(
    blocks: tuple[Block, ...], base_url: str, forced: frozenset[int], model: Model | None = None
) -> tuple[list[BlockDecision], list[Region]]:
    """Decide every block; `forced` blocks (the feed's own rules) are removed regardless and
    kept out of the model's regions."""
    model = model or load_model()
    features = article_features(blocks, base_url)
    logits = model.logits(features)
    seed_logit = math.log(t.SEED / (1 - t.SEED))
    turns = [turns_to_own_ask(f) for f in features]
    logits = [max(z, seed_logit) if turn else z for z, turn in zip(logits, turns, strict=True)]
    seeds = [z >= seed_logit and voiced(f) for z, f in zip(logits, features, strict=True)]
    blocked = [
        i in forced or b.kind in _DATA or (f.reported and not s)
        for i, (b, f, s) in enumerate(zip(blocks, features, seeds, strict=True))
    ]
    regions = find_regions(logits, t.BASE, seeds, blocked)
    region_of = [0] * len(blocks)
    removed = [i in forced for i in range(len(blocks))]
    for number, region in enumerate(regions, 1):
        for i in range(region.start, region.end):
            region_of[i] = number
            removed[i] = removed[i] or region.removed
    decisions = [
        BlockDecision(f, z, s, r, gone)
        for f, z, s, r, gone in zip(features, logits, seeds, region_of, removed, strict=True)
    ]
    return decisions, regions
