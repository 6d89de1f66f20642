"""One article's decision: features, the model's odds, regions, and a verdict per block."""

from __future__ import annotations

import math
from dataclasses import dataclass

from newsterm.text.html import Block
from newsterm.text.strip import thresholds as t
from newsterm.text.strip.features import DATA_KINDS, FEATURES, BlockFeatures, article_features
from newsterm.text.strip.model import Model, load_model
from newsterm.text.strip.regions import Region, find_regions, region_of_blocks

__all__ = ["BlockDecision", "Setting", "choose", "decide", "turns_to_own_ask", "voiced"]

_VOICED = (
    FEATURES.index("voice_ask_sentences"),
    FEATURES.index("button_line"),
    FEATURES.index("slot:platform"),
    FEATURES.index("markup:link"),
)
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


@dataclass(frozen=True, slots=True)
class Setting:
    """The thresholds a decision is taken with (thresholds.py by default; train.py searches)."""

    base: float = t.BASE
    enter: float = t.ENTER
    leave: float = t.LEAVE
    seed: float = t.SEED


def choose(
    features: list[BlockFeatures],
    own: list[float],
    in_context: list[float],
    blocked: list[bool],
    setting: Setting,
) -> tuple[list[bool], list[Region]]:
    """Seeds and regions from both stages' log-odds. A seed stands on its own evidence (the
    first stage) and its voice, or turns into the publisher's own ask; regions grow over the
    in-context odds; reported speech that is no seed, and `blocked` blocks, stay out."""
    seed_logit = math.log(setting.seed / (1 - setting.seed))
    seeds = [
        voiced(f) and (z >= seed_logit or turns_to_own_ask(f))
        for z, f in zip(own, features, strict=True)
    ]
    barred = [
        no or (f.reported and not s) for no, f, s in zip(blocked, features, seeds, strict=True)
    ]
    regions = find_regions(in_context, setting.base, seeds, barred, setting.enter, setting.leave)
    return seeds, regions


def decide(
    blocks: tuple[Block, ...], base_url: str, forced: frozenset[int], model: Model | None = None
) -> tuple[list[BlockDecision], list[Region]]:
    """Decide every block; `forced` blocks (the feed's own rules) are removed regardless and
    kept out of the model's regions."""
    model = model or load_model()
    features = article_features(blocks, base_url)
    own, logits = model.stages(features)
    blocked = [i in forced or b.kind in DATA_KINDS for i, b in enumerate(blocks)]
    seeds, regions = choose(features, own, logits, blocked, Setting())
    region_of = region_of_blocks(regions, len(blocks))
    removed = [i in forced or (r > 0 and regions[r - 1].removed) for i, r in enumerate(region_of)]
    decisions = [
        BlockDecision(f, z, s, r, gone)
        for f, z, s, r, gone in zip(features, logits, seeds, region_of, removed, strict=True)
    ]
    return decisions, regions
