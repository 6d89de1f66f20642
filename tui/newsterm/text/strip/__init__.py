"""Find the publisher's own donation, membership and newsletter appeals and hide them, whole.

An appeal is the publisher asking the reader to fund it, join it, pay for it or sign up to
it. News about money, someone else's fund drive and quoted pleas are journalism and stay.
The parts: lang/ (each language's words), features.py (named evidence per block),
seeds.py (the publisher's own asks), model.py (learned weights), regions.py (a two-state
pass over the model's odds), growth.py (a removed region takes its whole box),
thresholds.py (every number decided on), explain.py (why each block went or stayed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from newsterm.text.blocks import Block, Document
from newsterm.text.render.document import looks_like_html, text_to_document
from newsterm.text.render.dom import Parsed, parse_html
from newsterm.text.strip.decide import BlockDecision, decide
from newsterm.text.strip.features import ArticleFeatures

__all__ = [
    "StripResult",
    "Verdict",
    "clip",
    "hidden_note",
    "parse_article",
    "strip_appeals",
    "strip_result_json",
]

_LABELS = {
    "donation": "donation ask",
    "membership": "membership ask",
    "subscription": "subscription ask",
    "newsletter": "newsletter sign-up",
}


@dataclass(frozen=True, slots=True)
class Verdict:
    """One block of the article: kept, or removed with the reason."""

    block: Block
    removed: bool
    reason: str = ""
    unit: int = 0  # removed blocks of one appeal share a unit number (from 1)


@dataclass(frozen=True, slots=True)
class StripResult:
    """An article's blocks, each with a verdict, and how many appeals were removed."""

    document: Document
    verdicts: tuple[Verdict, ...]
    removed_count: int = 0  # appeal units: a multi-block appeal counts once
    decisions: tuple[BlockDecision, ...] = ()  # the evidence behind each verdict
    languages: frozenset[str] = frozenset()  # whose phrase tables read the article

    @property
    def kept(self) -> tuple[Block, ...]:
        """The blocks that stay, in reading order."""
        return tuple(v.block for v in self.verdicts if not v.removed)


def strip_appeals(
    html_or_text: str,
    *,
    base_url: str = "",
    patterns: Iterable[str] = (),
    selectors: Iterable[str] = (),
) -> StripResult:
    """Decide for every block of an article whether it is an appeal; raises ValueError for an
    invalid pattern or selector. Patterns match case-insensitively."""
    parsed = parse_article(html_or_text, base_url, tuple(selectors))
    blocks = parsed.document.blocks
    compiled = _compile(tuple(patterns))
    by_pattern = (
        {i for i, b in enumerate(blocks) if any(p.search(b.text) for p in compiled)}
        if compiled
        else set()
    )
    forced = frozenset(parsed.selected | by_pattern)
    article = ArticleFeatures(blocks, base_url)
    decisions, _ = decide(blocks, base_url, forced, article=article)
    verdicts, count = _verdicts(blocks, decisions, forced, parsed.selected)
    languages = article.tables.languages
    return StripResult(parsed.document, verdicts, count, tuple(decisions), languages)


def parse_article(html_or_text: str, base_url: str = "", selectors: Iterable[str] = ()) -> Parsed:
    """An article's blocks, from HTML or from plain text; raises ValueError for an invalid
    selector."""
    if looks_like_html(html_or_text):
        return parse_html(html_or_text, base_url, tuple(selectors))
    return Parsed(text_to_document(html_or_text), (), frozenset())


def _verdicts(
    blocks: tuple[Block, ...],
    decisions: list[BlockDecision],
    forced: frozenset[int],
    selected: frozenset[int],
) -> tuple[tuple[Verdict, ...], int]:
    """Verdicts with reasons; each removed region, and each run of feed-rule blocks, is a unit."""
    verdicts: list[Verdict] = []
    unit = 0
    previous = ""  # what made the previous block go: "region N" or "rule"
    # a region's kind of ask is its first seed's: a box's lines share the box's label
    kinds: dict[int, str] = {}
    for d in decisions:
        if d.seed and d.region and d.features.kind:
            kinds.setdefault(d.region, d.features.kind)
    for i, (block, d) in enumerate(zip(blocks, decisions, strict=True)):
        if not d.removed:
            verdicts.append(Verdict(block, False))
            previous = ""
            continue
        key = f"region {d.region}" if d.region and i not in forced else "rule"
        if key != previous:
            unit += 1
        previous = key
        if key == "rule":
            reason = "feed selector" if i in selected else "feed pattern"
        else:
            reason = _reason(d, kinds.get(d.region, d.features.kind))
        verdicts.append(Verdict(block, True, reason, unit))
    return tuple(verdicts), unit


def _reason(d: BlockDecision, kind: str) -> str:
    label = _LABELS.get(d.features.kind if d.seed else kind, "donation ask")
    cue = d.features.ask.phrase or d.features.cue
    if cue and (d.seed or d.probability >= 0.5):
        return f"{label}: '{clip(cue)}'"
    return f"part of a {label.split()[0]} appeal"


def strip_result_json(result: StripResult) -> dict[str, list[object]]:
    """{"kept": [text...], "removed": [{"text", "reason"}...]}, texts whitespace-normalised."""
    kept: list[object] = []
    removed: list[object] = []
    for verdict in result.verdicts:
        text = " ".join(verdict.block.text.split())
        if not text:
            continue
        if verdict.removed:
            removed.append({"text": text, "reason": verdict.reason})
        else:
            kept.append(text)
    return {"kept": kept, "removed": removed}


def hidden_note(result: StripResult) -> str:
    """A quiet line for readers, e.g. "2 donation appeals hidden" ("" when none)."""
    count = result.removed_count
    if not count:
        return ""
    return f"{count} donation appeal{'s' if count != 1 else ''} hidden"


@lru_cache(maxsize=256)
def _compile(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern, re.IGNORECASE))
        except re.error as exc:
            raise ValueError(f"invalid strip pattern {pattern!r}: {exc}") from exc
    return tuple(compiled)


def clip(text: str, limit: int = 48) -> str:
    """Whitespace collapsed, cut to `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
