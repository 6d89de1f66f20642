"""`newsterm strip --explain`: for every block, its evidence, region, score and verdict."""

from __future__ import annotations

from newsterm.text.strip import StripResult, clip
from newsterm.text.strip import thresholds as t
from newsterm.text.strip.decide import BlockDecision
from newsterm.text.strip.features import PLAIN
from newsterm.text.strip.lang import LANGUAGES
from newsterm.text.strip.model import load_model

__all__ = ["explain"]

_TERMS = 6  # the strongest terms shown per block
_NAMES = {code: lexicon.name for code, lexicon in LANGUAGES.items()}


def explain(result: StripResult, width: int = 100) -> str:
    """A plain-text account of every decision in a strip result."""
    model = load_model()
    lines = [
        "a region is removed whole only if it holds a seed: the publisher's own ask (a "
        f"short line, or at least {t.TURN_SHARE:.0%} of the text), a paragraph that turns "
        "into one, a short line that asks and links to a funding platform, or a block "
        f"naming an ask that the model gives p>={t.SEED} on its own; regions: the model's "
        f"odds against p={t.BASE}, start {t.ENTER}, end {t.LEAVE}; only blocks within "
        f"{t.REACH} of an ask are weighed; a removed region grows over its box's lines (or "
        f"p>={t.GROW} on their own evidence)",
        "read in: "
        + ", ".join(_NAMES.get(code, code) for code in sorted(result.languages))
        + " (English always; the article's own language; every language when a block is"
        " in a further one)",
    ]
    features = [d.features for d in result.decisions]
    all_terms = model.contributions(features)
    for i, (verdict, d) in enumerate(zip(result.verdicts, result.decisions, strict=True)):
        text = " ".join(verdict.block.text.split())
        if not text:
            continue
        lines.append("")
        lines.append(f"[{i}] {clip(text, width - 6)}")
        if d.features is PLAIN and not d.removed:
            lines.append(f"    kept     not weighed: no ask within {t.REACH} blocks")
            continue
        lines.append("    " + _verdict_line(d, verdict.reason))
        terms = all_terms[i][:_TERMS]
        lines.append("    evidence: " + ", ".join(f"{n} {c:+.2f}" for n, c in terms))
        if d.seed:
            lines.append(f"    seed: {d.seed}")
        if d.joined:
            lines.append(f"    joined its region: {d.joined}")
        elif d.region and not d.seed:
            lines.append("    in its region by the model's odds beside its neighbours'")
        if d.features.others:
            lines.append("    someone else speaks here: it joins no region by its neighbours")
    return "\n".join(lines) + "\n"


def _verdict_line(d: BlockDecision, reason: str) -> str:
    where = f"region {d.region}" if d.region else "no region"
    seed = ", seed" if d.seed else ""
    score = f"p={d.probability:.3f} (log-odds {d.logit:+.2f}{seed}), {where}"
    if d.removed:
        return f"REMOVED  {score}: {reason}"
    if d.region:
        return f"kept     {score}: the region holds no seed, so it stays whole"
    return f"kept     {score}: the likeliest reading puts it in the article"
