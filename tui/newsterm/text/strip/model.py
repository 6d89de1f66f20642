"""The learned weights: logistic regressions over the named features, shipped as data.

The first weighs a block's own features; the second adds what the first said of its
neighbours (CONTEXT), so a short line between two asks learns to go with them and a plain
paragraph beside one learns to stay. The third (JOIN) weighs a block beside a removed region
as part of the same box or not: its shape and voice, which side it is on, what it shares
with the box and the story, and what lies beyond it (growth.py asks it). Inference is a dot
product per block and stage in pure Python. The weights come from train.py and live in
newsterm/data/strip_model.json beside the feature names they were trained on, so a renamed
or reordered feature is caught when the model loads, not silently mis-weighed.
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsterm.text.strip.features import FEATURES, BlockFeatures

__all__ = [
    "CONTEXT",
    "JOIN",
    "JOIN_OWN",
    "Model",
    "context_values",
    "join_row",
    "join_values",
    "load_model",
]

_FILE = "strip_model.json"
_LONG = FEATURES.index("words>60")
# What the second model reads of the first's log-odds around a block (clipped to +-_CLIP).
CONTEXT = ("context:previous", "context:next", "context:nearest_two", "context:between")
_CLIP = 6.0
# What the third model reads of a block beside a removed region, besides its own features:
# its own log-odds, whether it is above the region, the block beyond it (none: the
# article's edge; a long paragraph, someone else's words, and the first model's log-odds of
# it), and the share of its longer words found in the story and in the region.
JOIN = (
    "join:own",
    "join:above",
    "join:edge",
    "join:beyond_long",
    "join:beyond_others",
    "join:beyond_own",
    "join:story_words",
    "join:box_words",
)
# The block's own features the joining model reads: its shape, its voice, whether it names
# people, not its appeal words, which the first stage's log-odds already weigh (and which,
# weighed again, make any paragraph about money beside a box look like its line). Features
# that learnable() never lets through (a long paragraph, someone else's words, a heading)
# are not among them.
JOIN_OWN = (
    "bias",
    *(f"words<={n}" for n in (3, 8, 20)),
    "slot:reader",
    "slot:publisher",
    "names",
    "numbers",
    "exclaims",
    "asks_question",
    "ends_with_colon",
    "voice_share",
    "kind:list_item",
    "first",
    "last",
)
_JOIN_INDEX = tuple(FEATURES.index(name) for name in JOIN_OWN)


def join_row(features: BlockFeatures, extra: tuple[float, ...]) -> tuple[float, ...]:
    """What the joining model weighs: JOIN_OWN of the block's features, then JOIN."""
    values = features.values
    return tuple(values[k] for k in _JOIN_INDEX) + extra


def join_values(
    own: float,
    above: bool,
    beyond: BlockFeatures | None,
    beyond_own: float,
    shares: tuple[float, float],
) -> tuple[float, ...]:
    """The JOIN values of a block beside a removed region's core whose first-stage
    log-odds are `own`; `beyond` is the next block out (None at the article's edge), and
    `shares` what the block's words share with the story and with the region (cohesion.py)."""
    far = beyond is None
    return (
        max(-_CLIP, min(_CLIP, own)) / _CLIP,
        float(above),
        float(far),
        0.0 if beyond is None else beyond.values[_LONG],
        0.0 if beyond is None else float(beyond.reported or beyond.others or beyond.theirs),
        0.0 if far else max(-_CLIP, min(_CLIP, beyond_own)) / _CLIP,
        *shares,
    )


def context_values(
    first: list[float], features: list[BlockFeatures]
) -> list[tuple[float, float, float, float]]:
    """Per block: the first model's log-odds of the previous and next block, the higher of
    the two blocks on each side at most two away, and the lower of those two sides. Context
    never carries into reported speech: an attributed or quoted block next to an appeal is
    judged on its own words."""
    z = _clipped(first)
    return [_context_at(z, features, i) for i in range(len(z))]


def _clipped(first: list[float]) -> list[float]:
    return [max(-_CLIP, min(_CLIP, v)) for v in first]


def _context_at(
    z: list[float], features: list[BlockFeatures], i: int
) -> tuple[float, float, float, float]:
    """Block i's context values (see context_values), from the clipped log-odds `z`."""
    if features[i].reported:
        return (0.0, 0.0, 0.0, 0.0)
    before = max(z[max(0, i - 2) : i], default=-_CLIP)
    after = max(z[i + 1 : i + 3], default=-_CLIP)
    previous = z[i - 1] if i else -_CLIP
    following = z[i + 1] if i + 1 < len(z) else -_CLIP
    return (
        previous / _CLIP,
        following / _CLIP,
        max(before, after) / _CLIP,
        min(before, after) / _CLIP,
    )


@dataclass(frozen=True, slots=True)
class Model:
    """Weights of both stages."""

    first: tuple[float, ...]  # aligned with FEATURES
    second: tuple[float, ...]  # aligned with FEATURES + CONTEXT
    join: tuple[float, ...] = ()  # aligned with JOIN_OWN + JOIN; () joins by rules alone

    def logits(self, features: list[BlockFeatures]) -> list[float]:
        """log-odds that each block of an article is part of an appeal, in context."""
        return self.stages(features)[1]

    def stages(
        self, features: list[BlockFeatures], near: Collection[int] | None = None
    ) -> tuple[list[float], list[float]]:
        """Each block's log-odds on its own evidence, and in the context of its neighbours;
        a block not `near` (None: every block is) keeps its own odds in the second list."""
        first, second = self.first, self.second
        # most blocks are far from any anchor and share one PLAIN: each distinct features
        # object is weighed once
        sums: dict[int, tuple[float, float]] = {}
        own = []
        for f in features:
            found = sums.get(id(f))
            if found is None:
                terms = [(k, x) for k, x in enumerate(f.values) if x]
                found = sums[id(f)] = (
                    sum(first[k] * x for k, x in terms),
                    sum(second[k] * x for k, x in terms),
                )
            own.append(found[0])
        tail = second[len(FEATURES) :]
        z = _clipped(own)
        in_context = [
            sums[id(f)][1]
            + sum(w * c for w, c in zip(tail, _context_at(z, features, i), strict=True))
            if near is None or i in near
            else own[i]
            for i, f in enumerate(features)
        ]
        return own, in_context

    def own_logit(self, features: BlockFeatures) -> float:
        """A block's log-odds on its own evidence (the first stage)."""
        first = self.first
        return sum(first[k] * x for k, x in enumerate(features.values) if x)

    def join_logit(self, features: BlockFeatures, extra: tuple[float, ...]) -> float:
        """log-odds that a block beside a removed region is part of its box (see JOIN)."""
        if not self.join:
            return -math.inf
        return sum(w * x for w, x in zip(self.join, join_row(features, extra), strict=True))

    def contributions(self, features: list[BlockFeatures]) -> list[list[tuple[str, float]]]:
        """Per block, (feature, weight x value) of its non-zero terms, largest first."""
        first = [_dot(self.first, f.values) for f in features]
        out = []
        for f, ctx in zip(features, context_values(first, features), strict=True):
            values = f.values + ctx
            terms = [
                (name, w * x)
                for name, w, x in zip(FEATURES + CONTEXT, self.second, values, strict=True)
                if w * x
            ]
            out.append(sorted(terms, key=lambda t: -abs(t[1])))
        return out


def _dot(weights: tuple[float, ...], values: tuple[float, ...]) -> float:
    return math.fsum(w * x for w, x in zip(weights, values, strict=True))


def model_from_json(data: dict[str, object]) -> Model:
    """A Model from its JSON form; raises ValueError when it does not fit FEATURES."""
    names, first, second = data.get("features"), data.get("first"), data.get("second")
    if not isinstance(names, list) or not isinstance(first, list) or not isinstance(second, list):
        raise ValueError("strip model: no feature list")
    if tuple(names) != FEATURES + CONTEXT or len(first) != len(FEATURES):
        raise ValueError("strip model: trained on other features; retrain it (train.py)")
    if len(second) != len(names):
        raise ValueError("strip model: the second stage does not fit the features")
    join = data.get("join", [])
    if data.get("join_features") != list(JOIN_OWN + JOIN) or not isinstance(join, list):
        raise ValueError("strip model: the joining stage was trained on other features")
    if len(join) != len(JOIN_OWN + JOIN):
        raise ValueError("strip model: the joining stage does not fit the features")
    return Model(tuple(map(float, first)), tuple(map(float, second)), tuple(map(float, join)))


@cache
def load_model() -> Model:
    """The shipped model, loaded once."""
    text = resources.files("newsterm").joinpath("data", _FILE).read_text(encoding="utf-8")
    return model_from_json(json.loads(text))
