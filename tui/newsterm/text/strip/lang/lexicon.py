"""The slots every language fills: the words appeals are made of, and the words of reporting.

A language module holds one `Lexicon`. Each slot is a tuple of lower-case phrases matched on
whole words; a trailing "*" on a word makes it a stem ("donat*" matches "donate", "donation",
"donating"), and "(a|b|)" groups expand to alternatives (an empty one makes the group
optional), and "~" stands for one to three words, an outlet's name inside an ask ("become
a ~member"). Apostrophes are written straight ('). The slots become named features (see
features.py), so a slot means the same thing in every language.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

__all__ = ["PHRASE_SLOTS", "Lexicon", "phrases"]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One language's appeal and reporting vocabulary."""

    code: str  # ISO 639-1, e.g. "de"
    name: str  # the language's own name, e.g. "Deutsch"
    # Everyday words that show a text is written in the language ("und", "nicht", "wir"):
    # an article is read with the tables of the languages it holds (see detect.py). Words
    # shared with a neighbour only cost time; a missing one costs appeals.
    marks: tuple[str, ...]
    # Voice: who speaks to whom.
    reader: tuple[str, ...]  # words addressing the reader: "you", "your", "vous", "dein"
    publisher: tuple[str, ...]  # the outlet of itself: "we", "our", "this newsletter"
    # What an appeal asks for.
    donate: tuple[str, ...]  # giving money: "donate", "make a gift", "chip in", "tax-deductible"
    member: tuple[str, ...]  # joining: "become a member", "membership", "join us", "patron"
    subscribe: tuple[str, ...]  # paying to read: "subscribe", "paid subscriber", "free trial"
    newsletter: tuple[str, ...]  # email sign-up: "newsletter", "inbox", "enter your email"
    support: tuple[str, ...]  # funding verbs and states: "support us", "reader-supported"
    # Words that may stand before an imperative without making it news: "please",
    # "bitte", "n'hésitez pas à" ("Please consider a subscription" still opens with its ask).
    polite: tuple[str, ...]
    # The words that name whom a gift goes to right after an ask ("donate to the relief
    # fund", "spenden Sie an", "dona a la Cruz Roja"): someone else, unless "we" speak.
    recipient: tuple[str, ...]
    # The asks that make a sentence an appeal when the publisher says them to the reader:
    # precise enough to start a region on their own ("donate", "become a member",
    # "subscribe to our newsletter", "hazte socio"), unlike the looser slots above.
    ask: tuple[str, ...]
    # The publisher's own funding, said of itself: an ask without "you" ("… is a
    # reader-supported publication", "funded by our members", "leserfinanziert").
    funded: tuple[str, ...]
    # The other lines of an appeal box.
    opener: tuple[str, ...]  # box titles and greetings: "a message from", "dear reader"
    button: tuple[str, ...]  # whole-line buttons: "donate now", "remind me later", "give once"
    meter: tuple[str, ...]  # goal meters: "goal", "donors", "of our goal", "days left"
    signoff: tuple[str, ...]  # sign-off titles: "editor-in-chief", "executive director"
    mission: tuple[str, ...]  # the outlet's rhetoric: "independent journalism", "paywall"
    urgency: tuple[str, ...]  # pressure: "today", "right now", "every dollar", "matters"
    # Journalism: what makes a block someone else's words or news about money.
    report: tuple[str, ...]  # attribution: "said", "according to", "told reporters"
    third: tuple[str, ...]  # others' money: "charity", "candidate", "super pac", "gofundme"


def phrases(text: str) -> tuple[str, ...]:
    """A slot's phrases from one string, separated by semicolons: a language's words read as
    a list, many to a line."""
    return tuple(p.strip() for p in text.split(";") if p.strip())


# The slots that hold phrases, in a fixed order (features are named after them).
PHRASE_SLOTS = tuple(f.name for f in fields(Lexicon) if f.name not in ("code", "name", "marks"))
