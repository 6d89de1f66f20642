"""A cheap word-set test that lets most news paragraphs skip the phrase scan.

Scanning a paragraph with the phrase regex costs ~6 µs; splitting it into a set of words costs
~1.5 µs. Every appeal phrase has a key word (its longest word that is not a stop word), so a
paragraph holding none of the keys cannot match any appeal phrase. Keys avoid common words
where a phrase allows, so that most news paragraphs hold none.
"""

from __future__ import annotations

import re

__all__ = ["COMMON_WORDS", "STOP_WORDS", "KeySet", "key_words", "words_of"]

# Function words of the five languages: never keys, they are in every paragraph.
STOP_WORDS = frozenset(
    str.split(
        "a an the to of for in on at by with from as is are was were be been it its this that "
        "these those and or but if so not no our your you we us my me i he she they them their "
        "his her can will would could should do does did have has had get gets one all any "
        "de del la el los las lo un una unos unas y o en por para con sin que se su sus al es "
        "der die das den dem des und oder zu mit für von auf im in ist sind ein eine einen "
        "le les du des et à au aux pour avec sans est sont ce cette ces son sa ses un une "
        "o os as e do da dos das em no na nos nas com um uma para por é são seu sua"
    )
)
# Frequent in any news text: a phrase's key is one of these only when it has no other word.
COMMON_WORDS = frozenset(
    str.split(
        "year years month months week weeks day days hours today tomorrow time times now "
        "monday tuesday wednesday thursday friday saturday sunday end first last next new "
        "more most only just every before after since back like make made take find found "
        "read see know want need keep help give support work people city state public local close "
        "free small story news budget reporters reporting thousands million campaign plan "
        "members member community team open good best full yes dear note message letter "
        "email address sign thank thanks today daily weekly here what who how this also "
        "año mes día hoy ahora más jahr monat tag heute jetzt mehr année mois jour plus "
        "ano mês dia hoje agora mais"
    )
)
_SPLIT = re.compile(r"[^\w-]+")
# ASCII bytes other than letters, digits and "-" become spaces (so "tax-deductible" and
# "abonnez-vous" stay one word); UTF-8 letters pass untouched.
_TABLE = bytes(c if chr(c).isalnum() or c == 0x2D or c >= 0x80 else 0x20 for c in range(256))
# General Punctuation (U+2000-U+203F: dashes, curly quotes, bullets) and Latin-1 symbols
# (U+00A0-U+00BF: no-break space, « », ¿ ¡) in UTF-8.
_WIDE_PUNCT = re.compile(rb"\xe2\x80[\x80-\xbf]|\xc2[\xa0-\xbf]")
_STEM_ENDINGS = ("", "s", "es", "ed", "ing", "er", "ers", "a", "as", "o", "os", "e", "en", "n")


def words_of(low: str) -> set[bytes]:
    """The set of words of lower-cased text, as UTF-8 bytes, split at punctuation but "-"."""
    raw = low.encode()
    if b"\xe2\x80" in raw or b"\xc2" in raw:
        raw = _WIDE_PUNCT.sub(b" ", raw)
    return set(raw.translate(_TABLE).split())


def key_words(phrase: str) -> set[tuple[bytes, ...]]:
    """The keys of one expanded phrase: its rarest word, or its two best words when even the
    rarest is common ("end of the year"). A stem key comes with its common endings."""
    stem = phrase.endswith("*")
    words = [w for w in _SPLIT.split(phrase.rstrip("*")) if w]
    ranked = sorted(
        dict.fromkeys(words),
        key=lambda w: (w in STOP_WORDS, w in COMMON_WORDS or len(w) < 4, -len(w)),
    )
    best = ranked[0]
    endings = _STEM_ENDINGS if stem and best == words[-1] else ("",)
    if (best in COMMON_WORDS or len(best) < 4) and len(ranked) > 1:
        return {((best + e).encode(), ranked[1].encode()) for e in endings}
    return {((best + e).encode(),) for e in endings}


class KeySet:
    """Keys of all appeal phrases: single words, and pairs of words that must both occur."""

    def __init__(self, keys: set[tuple[bytes, ...]]) -> None:
        self.singles = frozenset(k[0] for k in keys if len(k) == 1)
        pairs: dict[bytes, set[bytes]] = {}
        for key in keys:
            if len(key) == 2:
                pairs.setdefault(key[0], set()).add(key[1])
        self.pairs = {first: frozenset(seconds) for first, seconds in pairs.items()}
        self.firsts = frozenset(self.pairs)

    def any_in(self, words: set[bytes]) -> bool:
        """True when the words hold some key (so some appeal phrase may match)."""
        if not self.singles.isdisjoint(words):
            return True
        return any(not self.pairs[w].isdisjoint(words) for w in self.firsts.intersection(words))
