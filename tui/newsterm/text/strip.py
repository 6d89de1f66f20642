"""Find donation, membership and newsletter appeals in an article and hide them, whole.

Precision first: a block goes only when its own words ask the reader for money, membership
or a sign-up (or the feed's own patterns and selectors say so). Blocks next to such a block,
or sharing its small container, go with it when they carry appeal signals too, so a heading
+ paragraph + "Donate" button leave as one unit; so do a container's short title and a box
framed by an appeal's title and button. News about donations stays: reporting verbs, third
parties and past-tense giving count against removal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from newsterm.text.dom import Box, Parsed, parse_html
from newsterm.text.evidence import SEED_SCORE, BlockEvidence, Evaluator
from newsterm.text.html import Block, Document, looks_like_html, text_to_document
from newsterm.text.signals import ASIDE_SHARE, BACKING, TextEvidence, text_evidence

__all__ = [
    "StripResult",
    "Verdict",
    "hidden_note",
    "strip_appeals",
    "strip_result_json",
]

_LABELS = {
    "donation": "donation ask",
    "membership": "membership ask",
    "subscription": "subscription ask",
    "newsletter": "newsletter sign-up",
    "promotion": "publication promo",
}
_NEVER = ("pre", "table", "rule")  # code, data and rules are never appeals by themselves
_MAX_BOX_BLOCKS = 12
_MAX_BOX_CHARS = 2500
_SHORT_LINE = 6  # a line this short next to an appeal is its title, button or sign-off
_TITLE_WORDS = 8  # a short heading over an appeal's box is its title
# "Sponsored by:" over a podcast's sponsor reads: their offers are someone else's asks
# ("…brought to you by readers like you" is the publisher's own appeal, not a sponsor).
_SPONSOR = re.compile(
    r"^\W*(?:(?:this|today's|our) (?:episode|show|podcast|newsletter|issue|video)(?:'s)? "
    r"(?:is |was )?)?(?:sponsored by|sponsors?(?:\s*:|$)|brought to you by|thanks to (?:our|this "
    r"week's|today's) sponsors?|(?:today's|this week's) sponsors?|a word from our sponsors?)"
    r"(?! (?:readers|listeners|viewers|members|supporters|subscribers|patrons|donors|paid|you|"
    r"people like|our))",
    re.IGNORECASE,
)


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
    if looks_like_html(html_or_text):
        parsed = parse_html(html_or_text, base_url, tuple(selectors))
    else:
        parsed = Parsed(text_to_document(html_or_text), (), frozenset())
    return _Stripper(parsed, base_url, _compile(tuple(patterns))).run()


def strip_result_json(result: StripResult) -> dict[str, list]:
    """{"kept": [text...], "removed": [{"text", "reason"}...]}, texts whitespace-normalised."""
    kept: list[str] = []
    removed: list[dict[str, str]] = []
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


class _Stripper:
    """One article's decisions: seeds first, then whole units grown around them."""

    def __init__(self, parsed: Parsed, base_url: str, patterns: tuple[re.Pattern[str], ...]):
        self.parsed = parsed
        self.blocks = parsed.document.blocks
        self.patterns = patterns
        self.ev = Evaluator(self.blocks, base_url)
        self.reasons: dict[int, str] = {}
        self.units: dict[int, int] = {}  # block -> unit
        self.members: dict[int, list[int]] = {}  # unit -> blocks
        self.box_by_id = {box.id: box for box in parsed.boxes}
        self.next_unit = 1
        self.total_chars = sum(len(b.text) for b in self.blocks) or 1
        self.sponsored = _sponsored(self.blocks)

    def run(self) -> StripResult:
        """Decide every block: the feed's rules, then appeals grown from their seeds."""
        self._feed_rules()
        seeds = [i for i in range(len(self.blocks)) if self._seed(i)]
        for i in seeds:
            if i not in self.units:
                self._grow(i, self._new_unit())
        for box in self.parsed.boxes:
            self._marked_box(box)
        verdicts = tuple(
            Verdict(b, i in self.reasons, self.reasons.get(i, ""), self.units.get(i, 0))
            for i, b in enumerate(self.blocks)
        )
        return StripResult(self.parsed.document, verdicts, len(set(self.units.values())))

    def _new_unit(self) -> int:
        self.next_unit += 1
        return self.next_unit - 1

    def _feed_rules(self) -> None:
        """The feed's own selectors and patterns: adjacent matches form one unit."""
        selected = self.parsed.selected
        unit = 0
        for i, block in enumerate(self.blocks):
            reason = ""
            if i in selected:
                reason = "feed selector"
            elif self.patterns and any(p.search(block.text) for p in self.patterns):
                reason = "feed pattern"
            if not reason:
                unit = 0
                continue
            unit = unit or self._new_unit()
            self._take(i, unit, reason)

    def _seed(self, i: int) -> bool:
        """A block that is an appeal on its own evidence."""
        block = self.blocks[i]
        if i in self.reasons or block.kind in _NEVER or i in self.sponsored:
            return False
        ev = self.ev[i]
        text = ev.text
        if ev.score < SEED_SCORE or not text.ask:
            return False
        if not text.phrase_ask and not (ev.link >= 1.5 or ev.hint or _backing(text)):
            return False  # a lone "Join" or "Help" needs money, membership or a target
        if text.report <= -3.0 or text.appeal_share < 0.5 or _aside(text):
            return False
        if _someone_elses(ev):
            return False
        if text.directed or (ev.link >= 2.5 and not text.report):
            return True
        # a short heading or button ("Become a member") speaks to the reader by its place
        shaped = block.kind in ("heading", "image") or block.button or block.linked
        return ev.words <= 12 and (shaped or block.emphasis)

    def _joins(self, i: int, step: int) -> bool:
        """A neighbour of an appeal (at i - step) that belongs to it: a heading, a button…"""
        block = self.blocks[i]
        if i in self.reasons or block.kind in _NEVER or i in self.sponsored:
            return False
        ev = self.ev[i]
        text = self._beside_appeal(i)
        if text.report <= -1.5 or text.appeal_share < 0.5 or _someone_elses(ev):
            return False
        if _aside(text):
            return False  # mostly article: its one ask sentence does not take it along
        if text.directed and text.positive - (text.ask - text.phrase_ask) >= 2.0:
            return True  # more of the pitch (a lone imperative verb is not enough)
        if block.kind == "image":
            return text.positive > 0 or ev.link > 0 or ev.hint > 0
        if ev.words > 15:
            return False
        # a heading, button, short line or lead-in: it speaks to the reader and asks or
        # leads in (a lone verb with something to back it), or, in the appeal's own
        # container, points at an appeal page
        shaped = block.kind == "heading" or block.button or block.linked or block.emphasis
        shaped = shaped or ev.words <= _SHORT_LINE
        if (text.directed or shaped) and (text.phrase_ask or text.lead or text.button):
            return True
        # next to an appeal, a money verb backs itself ("Support HuffPost" over its pitch)
        if text.ask and (_backing(text) or text.sums.get("money") or ev.link >= 1.5 or ev.hint):
            return True
        return ev.link >= 1.5 and block.box == self.blocks[i - step].box

    def _grow(self, seed: int, unit: int) -> None:
        """Remove the seed, its small appeal containers, and the neighbours that join it."""
        self._take(seed, unit, self._reason(self.ev[seed]))
        kind = self.ev[seed].kind
        for box in self._boxes_around(seed):
            if not self._box_joins(box, unit):
                break
            for j in range(box.start, box.end):
                self._take(j, unit, self._reason_in_unit(j, kind))
        members = self.members[unit]
        for step, j in ((-1, min(members) - 1), (1, max(members) + 1)):
            while 0 <= j < len(self.blocks) and j not in self.units:
                if self._seed(j):
                    if self.blocks[j].box != self.blocks[j - step].box:
                        break  # an appeal of its own in another container
                    self._take(j, unit, self._reason(self.ev[j]))
                elif self._joins(j, step):
                    self._take(j, unit, self._part_reason(j, kind))
                elif self._bridges(j, step):  # heading + pitch + button: the pitch may be soft
                    self._take(j, unit, self._part_reason(j, kind))
                    self._take(j + step, unit, self._part_reason(j + step, kind))
                    j += step
                else:
                    break
                j += step
        self._title(unit, kind)

    def _title(self, unit: int, kind: str) -> None:
        """A container the appeal fills but for a short heading on top: the heading is its
        title, however it is worded ("tk zahl ich" over a pay-what-you-want box)."""
        for box in self._boxes_around(min(self.members[unit])):
            rest = range(box.start + 1, box.end)
            if not rest or any(self.units.get(j) != unit for j in rest):
                return
            j = box.start
            block, ev = self.blocks[j], self.ev[j]
            if j in self.units or block.kind != "heading" or ev.words > _TITLE_WORDS:
                continue
            if ev.text.report or ev.text.third or j in self.sponsored:
                return
            self._take(j, unit, self._part_reason(j, kind))
            return

    def _beside_appeal(self, i: int) -> TextEvidence:
        """Block i's words next to an appeal, which backs a short soft ask ("Thank you for
        your support!" under a donate button)."""
        ev = self.ev[i]
        if ev.text.soft and ev.words <= 15:
            return text_evidence(self.blocks[i].text, backed=True)
        return ev.text

    def _bridges(self, j: int, step: int) -> bool:
        """A softly worded block between an appeal and its heading or lead-in."""
        k = j + step
        if not 0 <= k < len(self.blocks) or k in self.units or not self._joins(k, step):
            return False
        ev, far = self.ev[j], self._beside_appeal(k)
        if not (far.ask or far.lead) or self.blocks[j].kind in _NEVER:
            return False
        text = ev.text
        if not text.directed or text.report or ev.words > 80 or text.appeal_share < 0.5:
            return False
        if _aside(text):
            return False
        return text.positive > 0 and ev.score >= 1.0  # never a pronoun-only op-ed line

    def _take(self, i: int, unit: int, reason: str) -> None:
        if i not in self.units:
            self.units[i] = unit
            self.members.setdefault(unit, []).append(i)
            self.reasons[i] = reason

    def _boxes_around(self, i: int) -> list[Box]:
        """Containers holding block i, innermost first, as far as an appeal box could go."""
        boxes = []
        box = self.box_by_id.get(self.blocks[i].box)
        while box is not None and box.end - box.start <= _MAX_BOX_BLOCKS:
            boxes.append(box)
            box = self.box_by_id.get(box.parent)
        return boxes

    def _box_joins(self, box: Box, unit: int) -> bool:
        """A small container whose every block is compatible with an appeal."""
        if box.end - box.start > _MAX_BOX_BLOCKS:
            return False
        chars = sum(len(self.blocks[j].text) for j in range(box.start, box.end))
        if chars > _MAX_BOX_CHARS or chars > self.total_chars / 2:
            return False
        marked = bool(box.hint) and self.ev.hint_score(box.hint) > 0
        marked = marked or self._framed(box, unit)
        return all(self._fits_box(j, unit, marked) for j in range(box.start, box.end))

    def _fits_box(self, j: int, unit: int, marked: bool) -> bool:
        if self.units.get(j) == unit:
            return True
        if j in self.reasons or j in self.sponsored:
            return False
        block, ev = self.blocks[j], self.ev[j]
        text = ev.text
        if text.report <= -1.5 or block.kind in ("pre", "table"):
            return False
        if block.kind == "rule" or text.positive >= 1.0 or ev.link >= 1.5:
            return True
        if block.kind == "image":
            return marked or ev.link > 0
        return marked and ev.words <= 40 and not text.report

    def _framed(self, box: Box, unit: int) -> bool:
        """A box that opens with an appeal's title and closes with its button: the lines
        between are its pitch, however plainly worded ("Every Friday, the week's votes")."""
        if box.end - box.start < 3:
            return False
        return self._frame_end(box.start, unit, True) and self._frame_end(box.end - 1, unit, False)

    def _frame_end(self, j: int, unit: int, title: bool) -> bool:
        block, ev = self.blocks[j], self.ev[j]
        text = ev.text
        if (j in self.reasons and self.units.get(j) != unit) or text.report or text.third:
            return False
        if title:
            short = ev.words <= _TITLE_WORDS and block.kind in ("heading", "paragraph")
            return short and bool(text.ask or text.lead)
        shaped = block.button or block.linked
        return shaped and ev.words <= _SHORT_LINE and bool(text.ask or ev.link >= 1.5)

    def _marked_box(self, box: Box) -> None:
        """A container the page marks as an appeal ("donate-box"), or that is framed as one
        (title to button), whose words agree."""
        if box.end - box.start > _MAX_BOX_BLOCKS or box.start in self.units:
            return
        span = range(box.start, box.end)
        if any(j in self.units for j in span):
            return
        if self.ev.hint_score(box.hint) < 2.0 and not self._framed(box, 0):
            return
        evs = [self.ev[j] for j in span]
        if sum(e.score for e in evs) < SEED_SCORE or not any(e.text.ask or e.link for e in evs):
            return
        if not self._box_joins(box, unit=0):  # none of its blocks is in a unit yet
            return
        unit = self._new_unit()
        best = max(span, key=lambda j: self.ev[j].score)
        for j in span:
            reason = self._reason(self.ev[j]) if j == best else self._part_reason(j, "")
            self._take(j, unit, reason)

    def _reason(self, ev: BlockEvidence) -> str:
        parts = []
        if ev.text.cue:
            parts.append(f"'{_clip(ev.text.cue)}'")
        if ev.link >= 1.5:  # an address written out in the text is no link
            parts.append(f"{'mentions' if ev.link_written else 'link to'} {ev.link_cue}")
        if ev.hint and not parts:
            parts.append("marked as an appeal by the page")
        label = _LABELS.get(ev.kind, "donation ask")
        return f"{label}: {', '.join(parts)}" if parts else label

    def _reason_in_unit(self, j: int, kind: str) -> str:
        """A block swept up with an appeal keeps its own reason if it is one by itself."""
        return self._reason(self.ev[j]) if self._seed(j) else self._part_reason(j, kind)

    def _part_reason(self, j: int, kind: str) -> str:
        ev = self.ev[j]
        label = _LABELS.get(kind or ev.kind, "donation ask").split()[0]
        own = f": '{_clip(ev.text.cue)}'" if ev.text.cue else ""
        return f"part of a {label} appeal{own}"


def _sponsored(blocks: tuple[Block, ...]) -> frozenset[int]:
    """Sponsor lead-ins ("Sponsored by:") and the sponsor reads listed right under them."""
    found: set[int] = set()
    for i, block in enumerate(blocks):
        head = block.text[:80]
        if ("ponsor" not in head and "rought to you" not in head) or not _SPONSOR.match(head):
            continue
        found.add(i)
        j = i + 1
        while j < len(blocks) and blocks[j].kind == "list_item":
            found.add(j)
            j += 1
        if j == i + 1 and j < len(blocks) and block.text.rstrip().endswith(":"):
            found.add(j)  # "Sponsored by:" over a single read
    return frozenset(found)


def _someone_elses(ev: BlockEvidence) -> bool:
    """Giving to a charity or a campaign, with no word of the publisher: someone else's cause."""
    text = ev.text
    return text.third <= -1.5 and not (text.we or text.self_ref or ev.link >= 2.0)


def _aside(text: TextEvidence) -> bool:
    """A block of several sentences that is mostly article, with the ask in a minority of
    them ("…The board votes Thursday. Please donate to our newsroom."): it stays."""
    return text.ask_share < ASIDE_SHARE


def _backing(text: TextEvidence) -> bool:
    """Signals besides the ask itself that make it an appeal for money or membership (the
    verb never backs itself: "Contribute designs" and "Support" alone are not appeals)."""
    sums = text.sums
    enough = text.backing >= BACKING or (text.backing and text.kin)
    return bool(enough or sums.get("self") or sums.get("urge") or sums.get("lead"))


def _clip(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
