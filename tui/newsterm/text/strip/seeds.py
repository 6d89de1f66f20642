"""Seeds: the blocks an appeal region can grow from, each the publisher's own ask.

A seed stands on its words, not on its neighbours: a precise ask the publisher makes of the
reader (features.OwnAsk) that is most of the block, a paragraph that opens like news and
turns into the publisher's own ask (the seed article's closing paragraph), or a block that
names an ask and that the model, on the block's own evidence, is sure of. News with one ask
tacked on, someone else's appeal and a report on money are no seeds.
"""

from __future__ import annotations

import math

from newsterm.text.strip import thresholds as t
from newsterm.text.strip.features import FEATURES, BlockFeatures
from newsterm.text.strip.lines import OPEN_END, TITLE

__all__ = ["asks_itself", "seed_reason", "short_call", "turns_to_own_ask"]

_CLOSING_TURN = FEATURES.index("closing_turn")
_CLOSING_SHARE = FEATURES.index("closing_share")
_OVER_20_WORDS = (FEATURES.index("words>60"), FEATURES.index("words<=60"))
_SEED_LOGIT = math.log(t.SEED / (1 - t.SEED))
_LINK = FEATURES.index("markup:link")
_IMPERATIVE = FEATURES.index("imperative_ask")
_PLATFORM = FEATURES.index("slot:platform")
_PAID_KINDS = frozenset(("donation", "membership", "subscription"))
# a lone button asks on its own only for money or membership: "Log in" is a subscription's
_GIVING = frozenset(("donation", "membership"))
_HEADING = FEATURES.index("kind:heading")
_BUTTON = FEATURES.index("button_line")
_CALL_LOGIT = math.log(t.CALL_SEED / (1 - t.CALL_SEED))
# a link alone ("her Ko-fi page is here") asks nothing: it needs an ask's words or its voice
_VOICE = (FEATURES.index("slot:reader"), FEATURES.index("slot:publisher"))


def asks_itself(features: BlockFeatures) -> bool:
    """The block is the publisher's own ask: a short line that makes one, or a paragraph
    mostly made of them (at least thresholds.TURN_SHARE of its text)."""
    ask = features.ask
    short = not any(features.values[k] for k in _OVER_20_WORDS)
    return bool(ask.phrase) and (short or ask.share >= t.TURN_SHARE)


def turns_to_own_ask(features: BlockFeatures) -> bool:
    """The block ends in a run of the publisher's own asks, the last of them a precise one,
    that makes up at least thresholds.TURN_SHARE of its text."""
    values = features.values
    closing = bool(values[_CLOSING_TURN]) and values[_CLOSING_SHARE] >= t.TURN_SHARE
    return closing and features.ask.at_end


def short_call(features: BlockFeatures, own_logit: float) -> bool:
    """A line of at most 20 words that opens with an ask in the looser words ("Subscribe for
    free to get the next essay", "Je fais un don", "Przekaż 1,5% podatku"), said by no one
    else and of no one else's money, that the model leans to on its own evidence."""
    v = features.values
    short = not any(v[k] for k in _OVER_20_WORDS)
    mine = not (features.others or features.theirs)
    # a headline naming a platform or a practice ("Liberapay is in trouble", "Community
    # Engagement") opens with the same words and says them to no one
    said = (OPEN_END not in features.form or any(v[k] for k in _VOICE)) and not v[_PLATFORM]
    headline = TITLE in features.form or v[_HEADING]
    # "Email us at …" opens with a newsletter's word and asks for no money or membership
    call = short and mine and said and not headline and features.kind in _PAID_KINDS
    return call and bool(v[_IMPERATIVE]) and own_logit >= _CALL_LOGIT


def seed_reason(features: BlockFeatures, own_logit: float) -> str:
    """Why the block is a seed, in words for `--explain` ("" when it is none)."""
    if turns_to_own_ask(features):
        share = features.values[_CLOSING_SHARE]
        return (
            f"turns into the publisher's own ask ('{features.ask.phrase}'): the closing asks "
            f"are {share:.0%} of the text (at least {t.TURN_SHARE:.0%})"
        )
    if asks_itself(features):
        share = features.ask.share
        return f"the publisher's own ask '{features.ask.phrase}' ({share:.0%} of the text)"
    v = features.values
    linked = v[_LINK] >= 1 and not any(v[k] for k in _OVER_20_WORDS)
    asking = features.ask.named or all(v[k] for k in _VOICE)  # "you" alone asks nothing
    if linked and asking and not (features.others or features.theirs):
        return "a short line that asks and links to a funding platform or an appeal page"
    if v[_BUTTON] and features.kind in _GIVING and not (features.others or features.theirs):
        return f"a button that asks for {features.kind} ('{features.cue}')"
    if short_call(features, own_logit):
        return (
            f"a short line that opens with an ask, and the model leans to it on its own "
            f"evidence (p>={t.CALL_SEED}, log-odds {own_logit:+.2f})"
        )
    if features.ask.named and not features.others and own_logit >= _SEED_LOGIT:
        return (
            f"names an ask, and the model is sure of it on its own evidence "
            f"(p>={t.SEED}, log-odds {own_logit:+.2f})"
        )
    return ""
