"""Whole regions: a removed region takes in the rest of its box, and stops at journalism.

An appeal box is many lines, most of which ask nothing: a title, a salutation, rhetoric in
the outlet's voice, a goal meter, buttons, a sign-off. A region grows from its seeds over
such lines, up and down, and stops at the first block that is reported journalism (someone
else speaks, names people, or tells of someone else's money) or plain article text. Two
removed regions a line or two apart are one box.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from newsterm.text.strip import thresholds as t
from newsterm.text.strip.features import FEATURES, BlockFeatures
from newsterm.text.strip.lines import (
    CHROME,
    CLOSING,
    CONTACT,
    CONTINUES,
    DATED,
    NAMES,
    OPEN_END,
    PAYMENT,
    SIGNED,
    TITLE,
)
from newsterm.text.strip.regions import Region
from newsterm.text.strip.seeds import asks_itself

__all__ = [
    "NONE",
    "Joining",
    "after_signoff",
    "box_line",
    "byline",
    "grow",
    "joins",
    "learnable",
    "leftover",
    "marked_boxes",
    "speaks_of_box",
]

_VOICE = tuple(FEATURES.index(n) for n in ("slot:reader", "slot:publisher"))
_SHAPES = tuple(
    FEATURES.index(n)
    for n in ("button_line", "slot:meter", "signoff_line", "opens_with_opener", "slot:opener")
)
# (A goal meter is known by its words: a "meter_line" is any short line with a number or a
# percentage, which news has too.)
# An appeal's own vocabulary: what it asks for, why (mission, urgency) and how much.
_APPEAL = tuple(
    FEATURES.index(f"slot:{n}")
    for n in ("donate", "member", "subscribe", "newsletter", "support", "mission", "urgency")
) + tuple(FEATURES.index(n) for n in ("slot:platform", "slot:meter", "money"))
_SHORT = (FEATURES.index("words<=3"), FEATURES.index("words<=8"))
_BOX_WORDS = tuple(
    FEATURES.index(f"slot:{n}")
    for n in ("donate", "member", "subscribe", "newsletter", "support", "platform", "meter")
) + tuple(FEATURES.index(n) for n in ("slot:opener", "slot:signoff", "money"))
_LONG = FEATURES.index("words>60")
_NEWSLETTER = FEATURES.index("slot:newsletter")
_TWICE = math.log1p(2)  # a slot's value for two phrases
_ASKING = tuple(FEATURES.index(n) for n in ("imperative_ask", "voice_ask_sentences"))
_NAMES = FEATURES.index("names")
_THIRD = FEATURES.index("third_share")
_SIGNOFF_LINE = FEATURES.index("signoff_line")
_HEADING = FEATURES.index("kind:heading")


def box_line(features: BlockFeatures) -> bool:
    """The block reads as a line of an appeal box: a box line's shape (a button, a goal
    meter, a sign-off, a box title), a short line naming what the box is for (money,
    membership, a subscription, a newsletter, a platform, a meter, a greeting or sign-off), or
    a longer one in the publisher's or reader's voice about what an appeal is about. A byline
    or a bio names people and is no box line."""
    v = features.values
    # (a name in a line that speaks of the newsletter, or in a short line that says what the
    # box is for to the reader, as the outlet or as an ask, is the outlet's, its newsletter's or its
    # privacy policy's: "By signing up, I agree to receive emails from The Harbour Ledger";
    # "Council member Ines Warnke voted against it" says it to no one and is reporting)
    named = _names_someone(features)
    asked = any(v[k] for k in _VOICE) or any(v[k] for k in _ASKING)
    said = _up_to_20(features) and any(v[k] for k in _BOX_WORDS) and asked
    if named and not (v[_NEWSLETTER] or said):
        return False
    if v[_LONG]:
        return False  # a long paragraph joins a box only as its own ask (see joins)
    if any(v[k] for k in _SHAPES):
        return True
    appeal = any(v[k] for k in _APPEAL)
    voice = any(v[k] for k in _VOICE)
    if any(v[k] for k in _SHORT):
        # a short line of a box names what the box is for; "It matters to every one of us"
        # and "News about the vote" do not
        return any(v[k] for k in _BOX_WORDS)
    # a sign-up form's small print says what the box is for twice, in no one's voice ("By
    # signing up, I agree to receive emails … Privacy Policy")
    return (appeal and voice) or v[_NEWSLETTER] >= _TWICE


def byline(features: BlockFeatures) -> bool:
    """A short line that names people and says nothing of a box: a byline, an author's
    name over a bio ("Tomás Vidal Reyes", "About Ines Warnke")."""
    v = features.values
    return _short(features) and _names_someone(features) and not any(v[k] for k in _BOX_WORDS)


@dataclass(frozen=True, slots=True)
class Joining:
    """The joining model's say on a line beside a removed region's core (model.JOIN):
    `odds` gives its log-odds, and `at` the probability it must reach. NONE joins by the
    rules alone."""

    odds: Callable[[int, Region], float]
    at: float = t.JOIN


NONE = Joining(lambda i, core: -math.inf)
_GUESS = "read as part of the box"


def joins(
    features: BlockFeatures,
    own_logit: float,
    floor_logit: float,
    learned: Callable[[], float],
    beyond_a_guess: bool = False,
) -> str:
    """Why a block next to a removed region joins it ("" when it does not): it asks itself,
    or no one else speaks in it and it is a box line, or the joining model reads it as part
    of the box (`learned()`: its log-odds less the threshold's, asked only when the rules
    have not decided), or the model is sure of it on its own evidence. Past a line the
    joining model took (`beyond_a_guess`), a box line's words alone do not carry the box on
    ("Why we ask" taken, then "Donors gave generously." above it is the story's)."""
    if asks_itself(features):
        return "the publisher's own ask"
    if features.others or features.theirs or features.values[_THIRD]:
        return ""
    if box_line(features) and not beyond_a_guess:
        return "a line of the same box"
    if (fit := learned()) >= 0:
        return f"{_GUESS} ({fit:+.2f} over the joining threshold)"
    if own_logit >= floor_logit:
        return f"the model is sure of it (log-odds {own_logit:+.2f})"
    return ""


def grow(
    regions: list[Region],
    features: Callable[[int], BlockFeatures],
    odds: Callable[[int], float],
    blocked: Callable[[int], bool],
    count: int,
    grow_at: float = t.GROW,
    seeded: Callable[[int], bool] = lambda i: True,
    joining: Joining = NONE,
) -> tuple[list[Region], dict[int, str]]:
    """Removed regions taken whole, and why each block they took in joined. `features` and
    `odds` (the model's log-odds on a block's own evidence) are asked only for the blocks a
    region reaches; `grow_at` is the probability that alone lets a block join; `seeded`
    tells the seeds, which a sign-off does not cut off from the region; `joining` is the
    joining model's say."""
    floor_logit = math.log(grow_at / (1 - grow_at))
    join_logit = math.log(joining.at / (1 - joining.at))
    regions = [after_signoff(r, features, seeded) for r in regions]
    taken = [False] * count
    for r in regions:
        if r.removed:  # a kept region holds no seed: a box may grow over it
            taken[r.start : r.end] = [True] * (r.end - r.start)
    left = taken.count(False)  # blocks outside every removed region
    why: dict[int, str] = {}
    guessed: set[int] = set()  # lines the joining model took

    def take(i: int, inside: int, core: Region) -> bool:
        nonlocal left
        if taken[i] or blocked(i):
            return False
        mine = features(i)
        if i < inside and mine.values[_SIGNOFF_LINE]:
            return False  # a sign-off ends what is above it: the ask below is a box of its own
        above = i < inside

        def learned() -> float:
            # the joining model is asked only of a line it may take (see learnable), and
            # never of the article's last line outside every box: a page is not all box
            # by the model's say
            out = core.start - i if above else i - core.end + 1
            if left == 1 or out > t.JOIN_REACH or not learnable(mine):
                return -math.inf
            return joining.odds(i, core) - join_logit

        reason = joins(mine, odds(i), floor_logit, learned, inside in guessed)
        reason = reason or leftover(mine, features(inside), above)
        if reason:
            taken[i] = True
            left -= 1
            why[i] = reason
            if reason.startswith(_GUESS):
                guessed.add(i)
        return bool(reason)

    grown = []
    for r in regions:
        start, end = r.start, r.end
        if r.removed:
            while start > 0 and take(start - 1, start, r):
                start -= 1
            while end < count and take(end, end - 1, r):
                end += 1
        grown.append(Region(start, end, r.removed))
    # a kept region a box grew into is no region of its own any more
    grown = [r for r in grown if r.removed or not any(taken[r.start : r.end])]
    return _bridge(grown, features, blocked, why), why


def after_signoff(
    region: Region, features: Callable[[int], BlockFeatures], seeded: Callable[[int], bool]
) -> Region:
    """A removed region starts after the last sign-off above its first seed: what is
    signed is a letter or a post of its own ("Thanks for reading. — Clara"), and the ask
    below it a box of its own."""
    if not region.removed:
        return region
    start = region.start
    for i in range(region.start, region.end):
        if seeded(i):
            break
        if features(i).values[_SIGNOFF_LINE]:
            start = i + 1
    return Region(start, region.end, True) if start < region.end else region


def leftover(mine: BlockFeatures, inside: BlockFeatures, above: bool) -> str:
    """Why a line with no words of its own belongs to the region beside it ("" when it
    does not): a control or counter, bank details, the other half of a broken sentence, or
    the closing and the names under a letter. `inside` is the region's block beside it."""
    form = mine.form
    if CHROME in form:
        return "a control or counter of the box"
    if mine.others:
        return ""
    if PAYMENT in form:
        return "bank details for a transfer"
    upper, lower = (form, inside.form) if above else (inside.form, form)
    # (a line above joins only if short: a headline over a box's "needs you!" is no half)
    if OPEN_END in upper and CONTINUES in lower and (not above or _short(mine)):
        return "the same sentence, broken over two lines"
    if above:
        return ""
    if CLOSING in form:
        return "the closing of the letter"
    if NAMES in form and (CLOSING in inside.form or inside.values[_SIGNOFF_LINE]):
        return "the names under the letter"
    return ""


def _bridge(
    regions: list[Region],
    features: Callable[[int], BlockFeatures],
    blocked: Callable[[int], bool],
    why: dict[int, str],
) -> list[Region]:
    """Two removed regions at most thresholds.BRIDGE quiet blocks apart are one box: a
    button or a meter with no appeal words between two asks goes with them."""
    out: list[Region] = []
    for r in regions:
        # a kept region in the gap (no seed of its own) does not part the box
        at = next((k for k in range(len(out) - 1, -1, -1) if out[k].removed), -1)
        last = out[at] if at >= 0 else None
        if last and r.removed and _one_box(last, r, features, blocked):
            why.update((i, "between two parts of one box") for i in range(last.end, r.start))
            out[at:] = [Region(last.start, r.end, True)]
            continue
        out.append(r)
    return out


def _one_box(
    above: Region,
    below: Region,
    features: Callable[[int], BlockFeatures],
    blocked: Callable[[int], bool],
) -> bool:
    """The blocks between two removed regions belong to one box with them: at most
    thresholds.BRIDGE quiet blocks, or at most thresholds.BRIDGE_LINES short quiet lines
    that are no headline (the payment methods or bank details of a gift form, the names
    signing a letter); names are no reporting there."""
    gap = range(above.end, below.start)
    if not gap or len(gap) > t.BRIDGE_LINES or any(blocked(i) for i in gap):
        return False
    found = [features(i) for i in gap]
    if any(f.others or f.values[_THIRD] for f in found):
        return False
    # capitalised words read as names: "Visa", "Sepa", "Amy Goodman" under a letter
    lines = all(_short(f) and TITLE not in f.form for f in found)
    if len(gap) <= t.BRIDGE:
        return lines or all(_quiet(f) for f in found)
    # a wider gap needs a line that reads as part of a box, not a menu or a dateline
    return lines and any(box_line(f) or f.form & {CHROME, PAYMENT} for f in found)


_UP_TO_20 = tuple(FEATURES.index(f"words<={n}") for n in (3, 8, 20))


def _up_to_20(features: BlockFeatures) -> bool:
    """At most twenty words."""
    return any(features.values[k] for k in _UP_TO_20)


def _short(features: BlockFeatures) -> bool:
    """At most eight words."""
    return any(features.values[k] for k in _SHORT)


def _quiet(features: BlockFeatures) -> bool:
    """No one else speaks in the block, it names no one and it is no long paragraph."""
    v = features.values
    return not (features.others or v[_THIRD] or v[_LONG] or _names_someone(features))


# an appeal's own words: what a box asks for, and why
_ASKED = tuple(
    FEATURES.index(f"slot:{n}")
    for n in ("donate", "member", "subscribe", "newsletter", "support", "mission")
)


def speaks_of_box(features: BlockFeatures, beyond: BlockFeatures | None, box_share: float) -> bool:
    """A line between a box and a sentence of more than eight words (the story, most
    likely) speaks of the box: a longer word the box uses (`box_share`, cohesion.py), or an
    appeal's words. A short line of the story beside an inline ask ("Is it enough?", "You
    can watch the meeting online.") says nothing of it; "you" or "we" alone is no sign. A
    line with a short line or nothing beyond it (a box's title over a short line, its last
    line at the page's end) need not."""
    if beyond is None or _short(beyond):
        return True
    return box_share > 0 or any(features.values[k] for k in _ASKED)


def learnable(features: BlockFeatures) -> bool:
    """The joining model may take the block. It may not take:
    - a paragraph of more than twenty words (a long one joins a box only as the
      publisher's own ask);
    - a line that says who wrote what is beside the box, or when: names only, a closing
      signed with a name, a short line with a year ("Soraya Pechtl", "Fijn weekend, Sanne",
      "Feb 11, 2025");
    - a line that names people, as reporting does ("Council member Ines Warnke voted
      against it"), even the outlet a box names: a line about the outlet beside its box
      ("[outlet] merchandise", "[outlet], what is it?") is not the box's;
    - a line with an e-mail address, which asks for tips, not money;
    - a heading (a page's <h2>), which opens a part of the page whose words must say what
      it is.
    A box's own sign-off, and its lines that name the outlet as they ask, join by the
    rules."""
    return (
        _up_to_20(features)
        and not features.form & {NAMES, SIGNED, DATED, CONTACT}
        and not _names_someone(features)
        and not features.values[_HEADING]
    )


def _names_someone(features: BlockFeatures) -> bool:
    """People's names outside a sign-off: a byline, a bio or reporting, no line of a box."""
    return bool(features.values[_NAMES]) and not features.values[_SIGNOFF_LINE]


# Lines a publisher puts around its own box, so that readers can skip it: what lies between
# them is the box, whatever its lines say (a newsletter's name, its blurb, a privacy note).
BOX_MARKERS = (("skip past newsletter promotion", "after newsletter promotion"),)
_MARKED_SPAN = 15  # blocks at most from one marker to the other
# a marker's last word is in the lower-cased text of every block that is that marker
_MARKER_WORDS = tuple(sorted({marker.split()[-1] for pair in BOX_MARKERS for marker in pair}))


def marked_boxes(regions: list[Region], texts: list[str], why: dict[int, str]) -> list[Region]:
    """Removed regions widened to the publisher's own box markers around them: a box opened
    by "skip past newsletter promotion" runs to "after newsletter promotion"."""
    if not any(r.removed for r in regions):
        return regions  # no box to widen: the article's text need not be read again
    lows = [_marker_low(text) for text in texts]
    for opening, closing in BOX_MARKERS:
        for start, low in enumerate(lows):
            if low != opening:
                continue
            reach = range(start + 1, min(len(lows), start + _MARKED_SPAN + 1))
            last = next((k for k in reach if lows[k] == closing), None)
            if last is None:
                continue
            end = last + 1
            if not any(r.removed and r.start < end and start < r.end for r in regions):
                continue
            for i in range(start, end):
                why.setdefault(i, "inside the box's own markers")
            kept = [r for r in regions if r.end <= start or r.start >= end]
            inside = [r for r in regions if not (r.end <= start or r.start >= end)]
            low_end = min([start, *(r.start for r in inside if r.removed)])
            high_end = max([end, *(r.end for r in inside if r.removed)])
            regions = sorted([*kept, Region(low_end, high_end, True)], key=lambda r: r.start)
    return regions


def _marker_low(text: str) -> str:
    """The text as markers are compared with it, or "" when it cannot be one (most blocks:
    the whitespace is normalised only where a marker's last word is present)."""
    low = text.lower()
    if not any(word in low for word in _MARKER_WORDS):
        return ""
    return " ".join(low.split()).strip(" .:…")
