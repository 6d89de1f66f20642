"""The phrase slots by number, and the groups of them that evidence is built from."""

from __future__ import annotations

from newsterm.text.strip.matcher import INLINE_SLOTS

__all__ = [
    "ASKS",
    "ASK_WORDS",
    "KINDS",
    "KIND_NAMES",
    "KIND_OF",
    "METER",
    "MISSION",
    "MONEY",
    "OPENER",
    "PRESSURE",
    "PUBLISHER",
    "READER",
    "REPORT",
    "SIGNOFF",
    "SLOT",
    "STRONG",
    "STRONG_ASKS",
    "SUPPORT",
    "THIRD",
    "VOICE",
]

SLOT = {slot: i for i, slot in enumerate(INLINE_SLOTS)}
# What an ask is about, in words; with a funding platform's name, any ask.
ASK_WORDS = frozenset(SLOT[s] for s in ("donate", "member", "subscribe", "newsletter", "support"))
ASKS = ASK_WORDS | {SLOT["platform"]}
VOICE = frozenset((SLOT["reader"], SLOT["publisher"]))
# Besides we and you, what makes an ask the publisher's own: pressure, a funding platform,
# or the outlet's mission words beside its funding ("X is a reader-supported newsroom").
PRESSURE = frozenset((SLOT["urgency"], SLOT["platform"]))
SUPPORT, MISSION = SLOT["support"], SLOT["mission"]
PUBLISHER, READER = SLOT["publisher"], SLOT["reader"]
STRONG_ASKS = frozenset(
    SLOT[s] for s in ("donate", "member", "subscribe", "newsletter", "platform")
)
STRONG = frozenset(SLOT[s] for s in ("donate", "member", "subscribe", "platform"))
REPORT, THIRD = SLOT["report"], SLOT["third"]
OPENER, METER, SIGNOFF = SLOT["opener"], SLOT["meter"], SLOT["signoff"]
MONEY = -1  # a money amount in the sentence (no slot of its own)
KINDS = ("newsletter", "donate", "member", "subscribe")  # the first wins a tie
KIND_NAMES = {
    "donate": "donation",
    "member": "membership",
    "subscribe": "subscription",
    "newsletter": "newsletter",
}
KIND_OF = {SLOT[name]: name for name in KINDS}
