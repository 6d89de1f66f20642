"""Who speaks: the publisher's own precise asks, and the sentences someone else speaks in.

An appeal is the publisher asking the reader. A precise ask (lang/: the `ask` and `funded`
slots) is the publisher's own when it is made to the reader: "you" with "we" or "our" in the
block, an imperative that opens its sentence or clause, a phrase that names its own voice
("support our reporting"), or the publisher's funding said of itself ("a reader-supported
publication"). "We" alone is no ask ("we don't subscribe to that idea"); nor is "you" alone
("if you want to donate to a charity"); nor anything quoted, reported or about others' money.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newsterm.text.strip.common import PLATFORMS
from newsterm.text.strip.matcher import Matcher, matcher
from newsterm.text.strip.reading import Reading, in_quotes, sentence_of
from newsterm.text.strip.slots import ASK_WORDS, ASKS, MISSION, PUBLISHER, READER, THIRD, VOICE
from newsterm.text.strip.thresholds import BUTTON_WORDS, CALL_WORDS

__all__ = ["NO_ASK", "OwnAsk", "own_ask", "reported"]

_PLATFORMS = frozenset(PLATFORMS)
# "subscribe to my RSS feed", "abonniert den Podcast": following for free asks for no money
_FREE_FEED = re.compile(
    r"(?: \w+){0,4}? (?:rss|atom|json|feed|feeds|podcast|channel|kanal|canal|youtube)\b"
)
# after a recipient word, these name the publisher itself ("donate to us")
_OURS = frozenset(("us", "our", "this", "me", "my"))
_WORDS = re.compile(r" (\S+) (\S+)")
_CAUSE_CHARS = 40  # how far after "to" the outlet's cause may be named
# a fund or a foundation, in the languages newsterm reads: a recipient, whatever its name
_FUND = re.compile(
    r"\b(?:fund|funds|foundation|trust|charity|stiftung|fonds|fondation|fondo|fondazione|"
    r"fundo|fundação|fundación|fundacja|fundace|fundació|nadace|nadační)\b"
)


@dataclass(frozen=True, slots=True)
class OwnAsk:
    """The publisher's own precise asks in a block (see own_ask)."""

    phrase: str = ""  # the first of them ("" when there is none)
    share: float = 0.0  # of the block's text, in sentences that make one
    at_end: bool = False  # the block's last sentence makes one
    named: bool = False  # a precise ask (no bare platform name) outside quotes and reports


NO_ASK = OwnAsk()


def reported(r: Reading) -> set[int]:
    """The sentences someone else speaks in: reporting words with no "we" or "you", or
    before them ("the senator wrote: 'We can't…"), and the sentence after one that ends in
    a colon or leaves a quotation open ("…without you. Become a member…'")."""
    found: set[int] = set()
    carry = False
    for k, (start, end) in enumerate(r.sentences):
        if carry or k in r.said_first:
            found.add(k)
            text = r.low[start:end].rstrip()
            carry = text.endswith(":") or _open_quote(text)
        else:
            carry = False
    return found


def own_ask(r: Reading, others: set[int], loose: set[int]) -> OwnAsk:
    """The publisher's own asks in a block read as `r`; `others` are the sentences someone
    else speaks in, `loose` the sentences the looser lexicon reads as the publisher's asks."""
    ends = [end for _, end in r.sentences]
    # (offset, sentence, phrase, funded); someone else's quoted ask is none of the publisher's
    found = [
        (at, sentence_of(ends, at), phrase, funded)
        for at, phrase, funded in matcher().asks(r.low)
        if not in_quotes(r, at)
    ]
    spoken = [slots | inner for slots, inner in zip(r.per_sentence, r.inner_voice, strict=True)]
    asking, first, freed = _precise(r, others, found, spoken)
    for k, slots in enumerate(spoken):
        # the publisher and the reader in one sentence about money, membership or sign-up
        # ("we count on readers like you", "necesitamos tu ayuda") need no precise phrase
        free = k not in asking | freed and k not in others and THIRD not in slots
        if free and READER in slots and PUBLISHER in slots and slots & ASKS:
            asking.add(k)
            first = first or _opening_words(r.low, r.sentences[k])
    _take_neighbours(asking, loose - others)
    share = sum(r.sentences[k][1] - r.sentences[k][0] for k in asking) / max(1, len(r.low))
    named = any(phrase not in _PLATFORMS and k not in others for _, k, phrase, _ in found)
    return OwnAsk(first, share, len(r.sentences) - 1 in asking, named)


def _precise(
    r: Reading,
    others: set[int],
    found: list[tuple[int, int, str, bool]],
    spoken: list[set[int]],
) -> tuple[set[int], str, set[int]]:
    """The sentences that make a precise ask of the publisher's own, the first phrase, and
    the sentences whose ask is to follow a free feed; `spoken` holds each sentence's slots
    with the voice words inside its longer phrases."""
    publisher = any(PUBLISHER in slots for slots in spoken)
    asking: set[int] = set()
    freed: set[int] = set()
    first = ""
    for at, k, phrase, self_funded in found:
        slots = spoken[k]
        if k in asking or k in others or (THIRD in slots and PUBLISHER not in slots):
            continue
        if phrase in _PLATFORMS and not _voiced(phrase):
            made = _platform_ask(r, k, at, slots)
        else:
            said_to = self_funded or _voiced(phrase) or (READER in slots and publisher)
            # "How to help: donate to the county relief fund" is someone else's ask
            elsewhere = not said_to and not publisher and _to_someone(r.low, at, phrase)
            start = max(r.sentences[k][0], r.first_word[k])
            opens = _opens(r.low, start, at, r.sentences[k][1])
            if _FREE_FEED.match(r.low, at + len(phrase)):
                freed.add(k)
                continue
            made = not elsewhere and (said_to or opens)
        if made:
            first = first or phrase
            asking.add(k)
    return asking, first, freed


def _platform_ask(r: Reading, k: int, at: int, slots: set[int]) -> bool:
    """A platform is an ask only said to the reader by the publisher ("if you like my work,
    find me on Ko-fi"), or on a short line that opens with an ask ("Support the blog on
    Ko-fi"); "we get 30 euros a week on Liberapay" and "Patreon raises fees" are news."""
    if READER in slots and PUBLISHER in slots:
        return True
    button = r.words <= BUTTON_WORDS and bool(r.starts[k] & ASK_WORDS)
    return button and at != r.first_word[k]


def _take_neighbours(asking: set[int], loose: set[int]) -> None:
    """The publisher's other asks right before or after a precise one count with it ("help
    us by making a donation! Any contribution, however small, makes a difference")."""
    extra = loose - asking
    while near := {k for k in extra if k - 1 in asking or k + 1 in asking}:
        asking |= near
        extra -= near


def _opening_words(low: str, sentence: tuple[int, int]) -> str:
    """A short cue for a sentence that asks without a precise phrase: its opening words."""
    return " ".join(low[sentence[0] : sentence[1]].split()[:4])


def _to_someone(low: str, at: int, phrase: str) -> bool:
    """The ask goes on to name whom to give to: someone else, unless the block speaks as
    "we" (then the name is the publisher's own), or what follows is the outlet's cause, not
    a recipient ("contribua para um jornalismo livre", "give to independent journalism"),
    and names no fund, charity or campaign of someone else's.
    Whom is said in the ask's own language: "a" names a recipient in Spanish, not in
    English ("save big on a full year")."""
    after = at + len(phrase)
    words = _WORDS.match(low, after)
    if words is None:
        return False
    to, whom = words.groups()
    if not matcher().recipient(phrase, to) or whom.strip(".,;:!?") in _OURS:
        return False
    # a fund, a charity or a campaign named there is a recipient whatever its name says
    # ("donate to the Local News Fund")
    window = low[after : after + _CAUSE_CHARS]
    if _FUND.search(window):
        return True
    cause = [set(slots) for _, slots in matcher().find(window)]
    return any(THIRD in slots for slots in cause) or not any(MISSION in slots for slots in cause)


def _voiced(phrase: str) -> bool:
    """The ask names who speaks or who is asked: "support our reporting", "in your inbox",
    "unterstützen Sie uns"."""
    return _voiced_in(phrase, matcher())


@lru_cache(maxsize=4096)
def _voiced_in(phrase: str, tables: Matcher) -> bool:
    return any(set(found) & VOICE for _, found in tables.find(phrase))


def _opens(low: str, start: int, at: int, end: int) -> bool:
    """The ask opens its sentence or clause, after courtesy words at most, and the clause is
    short: an imperative or a button ("Donate today", "Sostieni Tombolo", "Resist the
    agenda: make a donation now!", "Please consider subscribing"); "Donations to the
    campaign rose…" is news."""
    clause = max(start, *(low.rfind(mark, start, at) + 1 for mark in ":;,"))
    before = low[clause:at]
    if any(ch.isalpha() for ch in before) and not matcher().courtesy(before):
        return False
    # (the clause runs to the next comma, colon or semicolon: "Subscribe for in-depth case
    # studies on the growth of world-class companies, including …" is a short imperative
    # with a long list after it)
    stop = min([end, *(k for mark in ",;:" if (k := low.find(mark, at, end)) >= 0)])
    return low.count(" ", clause, stop) < CALL_WORDS


def _open_quote(text: str) -> bool:
    """A quotation opens in the text and does not close."""
    return (
        text.count('"') % 2 == 1
        or text.count("“") > text.count("”")
        or (text.count("«") > text.count("»"))
        or (" '" in text and text.count("'") - text.count("'s") - text.count("n't") == 1)
    )
