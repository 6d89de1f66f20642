"""A block's words read once: normalised text, sentences, quotations, and every phrase hit.

The evidence (features.py) and the publisher's own asks (voice.py) are both built from one
Reading, so a block's text is scanned by each regex once.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from newsterm.text.strip.common import LINK_MARK, MONEY, money_in
from newsterm.text.strip.matcher import INLINE_SLOTS, matcher
from newsterm.text.strip.slots import ASKS, KIND_OF, KINDS, REPORT, THIRD, VOICE
from newsterm.text.strip.slots import MONEY as MONEY_MARK
from newsterm.text.strip.thresholds import MAX_BLOCK_CHARS

__all__ = ["Reading", "in_quotes", "phrase_at", "read", "sentence_of", "straight"]

_US = re.compile(r"\bU\.?S\.?A?\b")  # "US officials": not "us", the publisher
_SENTENCE = re.compile(r"[^.!?…\n]+(?:[.!?…]+[\"'”»)]*|\n|$)")
# Quotations up to 600 characters long: an opening quote that never closes costs one bounded
# look ahead, not a scan to the end of the text.
# A quotation's body never holds its own opening mark, so a run of opening marks is scanned
# once, not once per mark.
_QUOTES = re.compile(
    r"“[^“”]{3,600}”|\"[^\"]{3,600}\"|«[^«»]{3,600}»|„[^„“”]{3,600}[“”]"
    r"|(?<![\w])'[^']{8,600}?'(?!\w)"
)
_LEAD = frozenset(" \"'“”«»„(-–—•*")


@dataclass(slots=True)
class Reading:
    """What one pass over a block's words found."""

    norm: str  # whitespace collapsed, link marks dropped, apostrophes straightened
    low: str  # norm, lower-cased ("US" as the country made "usa" first)
    words: int
    quoted: list[tuple[int, int]]  # spans inside quotation marks
    sentences: list[tuple[int, int]]
    first_word: list[int]  # offset of each sentence's first word
    counts: list[int] = field(default_factory=list)  # hits per slot, outside quotations
    per_sentence: list[set[int]] = field(default_factory=list)  # slots hit in each sentence
    starts: list[set[int]] = field(default_factory=list)  # slots of each first word
    third_hits: list[int] = field(default_factory=list)  # others' money, per sentence
    said_first: set[int] = field(default_factory=set)  # reporting words before any we/you
    quoted_asks: int = 0  # asks inside quotation marks
    kinds: dict[str, int] = field(default_factory=dict)  # hits per kind of ask
    cue: str = ""  # the first ask phrase, for the reason shown to readers
    amounts: list[int] = field(default_factory=list)  # offsets of money amounts
    quote_starts: list[int] = field(default_factory=list)  # where each quotation opens
    # voice words inside longer phrases, per sentence ("if you value": reader)
    inner_voice: list[set[int]] = field(default_factory=list)


def read(text: str) -> Reading:
    """Read a block's text (its first MAX_BLOCK_CHARS characters: a huge paragraph is no
    box, and its head decides)."""
    norm = " ".join(straight(LINK_MARK.sub("", text[:MAX_BLOCK_CHARS])).split())
    # "US officials" is the country, not "us"; a line in capitals ("JOIN US TODAY") is not
    shouting = norm.isupper()
    low = _US.sub("usa", norm) if not shouting and ("US" in norm or "U.S" in norm) else norm
    low = low.lower()
    quoted = [(m.start(), m.end()) for m in _QUOTES.finditer(low)] if _quotes_in(low) else []
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(low) if m.group().strip()]
    sentences = sentences or [(0, len(low))]
    first_word = [_first_word(low, a, b) for a, b in sentences]
    r = Reading(norm, low, low.count(" ") + 1, quoted, sentences, first_word)
    r.quote_starts = [a for a, _ in quoted]
    _hits(r)
    _money(r)
    return r


def _hits(r: Reading) -> None:
    """Every phrase of every language, sorted into sentences; quoted ones only counted."""
    r.counts = [0] * len(INLINE_SLOTS)
    r.per_sentence = [set() for _ in r.sentences]
    r.starts = [set() for _ in r.sentences]
    r.third_hits = [0] * len(r.sentences)
    r.kinds = dict.fromkeys(KINDS, 0)
    s, last = 0, len(r.sentences) - 1
    r.inner_voice = [set() for _ in r.sentences]
    for at, slots, voices in matcher().find_voiced(r.low):
        while s < last and at >= r.sentences[s][1]:
            s += 1
        if in_quotes(r, at):
            r.quoted_asks += any(slot in ASKS for slot in slots)
            continue
        r.inner_voice[s] |= voices
        hit = r.per_sentence[s]
        if REPORT in slots and not hit & VOICE:
            r.said_first.add(s)  # "the senator wrote: 'we can't do this without you…'"
        for slot in slots:
            r.counts[slot] += 1
            hit.add(slot)
            kind = KIND_OF.get(slot)
            if kind:
                r.kinds[kind] += 1
                r.cue = r.cue or phrase_at(r.low, at)
        r.third_hits[s] += THIRD in slots
        if at == r.first_word[s]:
            r.starts[s].update(slots)


def _money(r: Reading) -> None:
    """Money amounts, each marked in its sentence."""
    r.amounts = [m.start() for m in MONEY.finditer(r.low)] if money_in(r.low) else []
    ends = [end for _, end in r.sentences]
    for at in r.amounts:
        r.per_sentence[sentence_of(ends, at)].add(MONEY_MARK)


def in_quotes(r: Reading, at: int) -> bool:
    """The offset falls inside a quotation (the spans are sorted and never overlap)."""
    if not r.quoted:
        return False
    k = bisect_right(r.quote_starts, at) - 1
    return k >= 0 and at < r.quoted[k][1]


# the marks between a noun and its feminine ending: "Unterstützer:in", "Leser*innen",
# "Spender_innen", "Abonnent/-innen", "Ärzt:innen" (the word before the mark has four
# letters or more, in either case, so the article's lower-cased text and a block's own
# reading close up the same words)
_GENDER = re.compile(r"[:*_/](?<=[^\W\d_]{4}[:*_/])-?(?=[iI]n(?:nen)?\b(?!-))")


def straight(text: str) -> str:
    """Curly apostrophes straightened, non-breaking spaces opened (str.replace: several
    times quicker than str.translate on long texts), and German's gender marks closed up:
    "Unterstützer:in", "Leser*innen", "Abonnent_innen" are read as "Unterstützerin",
    "Leserinnen", "Abonnentinnen", the words the tables hold."""
    if "’" in text or "‘" in text:
        text = text.replace("’", "'").replace("‘", "'")
    if "\u00a0" in text or "\u202f" in text:
        text = text.replace("\u00a0", " ").replace("\u202f", " ")
    # (four single-character scans find the texts with a mark: the regex is ten times slower)
    if "*" in text or "_" in text or ":" in text or "/" in text:
        text = _GENDER.sub("", text)
    return text


def sentence_of(ends: list[int], at: int) -> int:
    """The sentence an offset falls in, given the sentences' end offsets."""
    return min(bisect_right(ends, at), len(ends) - 1)


def phrase_at(low: str, at: int) -> str:
    """The two words at an offset, as a cue."""
    end = low.find(" ", low.find(" ", at) + 1)
    return low[at : end if end != -1 else len(low)].strip(" .,;:!?")


def _quotes_in(low: str) -> bool:
    """Any character that can open a quotation (a cheap test before the quotation regex)."""
    return '"' in low or "“" in low or "«" in low or "„" in low or " '" in low or low[:1] == "'"


def _first_word(low: str, start: int, end: int) -> int:
    """Offset of a sentence's first word, past quotes, dashes and bullets."""
    at = start
    while at < end and low[at] in _LEAD:
        at += 1
    return at
