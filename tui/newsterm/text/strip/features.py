"""Named evidence for every block of an article: its words, its voice, its shape, its place.

A feature is a number with a name; the model (model.py) weighs them and regions.py decides
over the sequence. Phrase slots count whole-word phrases of every language (lang/). The
voice features answer the question an appeal turns on: is the publisher asking the reader
(we, our, you, an imperative), or is someone in the story asking someone else?
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from urllib.parse import urlsplit

from newsterm.text.html import Block
from newsterm.text.strip.common import LINK_MARK, MONEY, NUMBER, money_in
from newsterm.text.strip.markup import hint_strength, link_strength, site_of
from newsterm.text.strip.matcher import INLINE_SLOTS, matcher
from newsterm.text.strip.thresholds import MAX_BLOCK_CHARS, QUOTED_SHARE

__all__ = ["DATA_KINDS", "FEATURES", "BlockFeatures", "article_features"]

_SLOT = {slot: i for i, slot in enumerate(INLINE_SLOTS)}
_ASKS = frozenset(_SLOT[s] for s in ("donate", "member", "subscribe", "newsletter", "support"))
_ASKS = _ASKS | {_SLOT["platform"]}
_VOICE = frozenset((_SLOT["reader"], _SLOT["publisher"]))
# Besides we and you, what makes an ask the publisher's own: pressure, a funding platform,
# or the outlet's mission words beside its funding ("X is a reader-supported newsroom").
_PRESSURE = frozenset((_SLOT["urgency"], _SLOT["platform"]))
_SUPPORT, _MISSION = _SLOT["support"], _SLOT["mission"]
_PUBLISHER = _SLOT["publisher"]
_STRONG_ASKS = frozenset(
    _SLOT[s] for s in ("donate", "member", "subscribe", "newsletter", "platform")
)
_STRONG = frozenset(_SLOT[s] for s in ("donate", "member", "subscribe", "platform"))
_REPORT, _THIRD = _SLOT["report"], _SLOT["third"]
_OPENER, _METER, _SIGNOFF = _SLOT["opener"], _SLOT["meter"], _SLOT["signoff"]
_MONEY = -1  # a money amount in the sentence (no slot of its own)
_LEAD = frozenset(" \"'“”«»„(-–—•*")
_KINDS = ("donate", "member", "subscribe", "newsletter")
_KIND_NAMES = {
    "donate": "donation",
    "member": "membership",
    "subscribe": "subscription",
    "newsletter": "newsletter",
}

FEATURES: tuple[str, ...] = (
    "bias",
    *(f"words<={n}" for n in (3, 8, 20, 60)),
    "words>60",
    *(f"slot:{slot}" for slot in INLINE_SLOTS),
    "opens_with_opener",
    "button_line",
    "meter_line",
    "money",
    "signoff_line",
    "voice_ask_sentences",
    "voice_ask_share",
    "plain_ask_sentences",
    "imperative_ask",
    "own_ask_at_end",
    "own_asks_closing",
    "closing_share",
    "closing_turn",
    "voice_share",
    "report_share",
    "third_share",
    "quoted_share",
    "quoted_asks",
    "names",
    "numbers",
    "exclaims",
    "asks_question",
    "ends_with_colon",
    "short_ask",
    "publisher_mission",
    "first",
    "last",
    "top",
    "bottom",
    "kind:heading",
    "kind:list_item",
    "kind:quote",
    "kind:image",
    "kind:data",
    "markup:button",
    "markup:linked",
    "markup:emphasis",
    "markup:hint",
    "markup:link",
)
_INDEX = {name: i for i, name in enumerate(FEATURES)}
_KIND_OF = {_SLOT[name]: name for name in _KINDS}
_SLOT_FEATURES = tuple(_INDEX[f"slot:{slot}"] for slot in INLINE_SLOTS)
_BUCKETS = tuple((n, _INDEX[f"words<={n}"]) for n in (3, 8, 20, 60))
_REPORTED, _QUOTED = _INDEX["report_share"], _INDEX["quoted_share"]

_STRAIGHT = str.maketrans({"’": "'", "‘": "'", "\u00a0": " ", "\u202f": " "})
_US = re.compile(r"\bU\.?S\.?A?\b")  # "US officials": not "us", the publisher
_SENTENCE = re.compile(r"[^.!?…\n]+(?:[.!?…]+[\"'”»)]*|\n|$)")
# Quotations up to 600 characters long: an opening quote that never closes costs one bounded
# look ahead, not a scan to the end of the text.
_QUOTES = re.compile(
    r"“[^”]{3,600}”|\"[^\"]{3,600}\"|«[^»]{3,600}»|„[^“”]{3,600}[“”]"
    r"|(?<![\w])'[^']{8,600}?'(?!\w)"
)
# Two capitalised words in a row ("Marco Rubio", "Tax Court"): names, which reporting is full of.
_NAMES = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž'-]+ [A-ZÀ-ÖØ-ÞĀ-Ž]")
_SIGNOFF_SHAPE = re.compile(r"^\s*(?:[—–-]|~)\s*\w|^\s*\w[\w .'-]{1,40},\s+\w")
DATA_KINDS = ("pre", "table", "rule")  # code, data and rules: never an appeal by their words


@dataclass(frozen=True, slots=True)
class BlockFeatures:
    """One block's named evidence (aligned with FEATURES), and what its ask is about."""

    values: tuple[float, ...]
    kind: str  # donation / membership / subscription / newsletter ("" without an ask)
    cue: str  # the first ask phrase in the block, for the reason shown to readers

    @property
    def reported(self) -> bool:
        """Someone else's words: attribution in the block, or mostly quotation."""
        return bool(self.values[_REPORTED] or self.values[_QUOTED] >= QUOTED_SHARE)

    def named(self) -> dict[str, float]:
        """The non-zero features by name."""
        return {name: v for name, v in zip(FEATURES, self.values, strict=True) if v}


def article_features(blocks: tuple[Block, ...], base_url: str = "") -> list[BlockFeatures]:
    """Features of every block, in order."""
    base_site = _site(base_url)
    content = [i for i, b in enumerate(blocks) if b.kind not in ("rule", "image") and b.text]
    edges = (content[0], content[-1]) if content else (-1, -1)
    top = set(content[:2]) | set(content[: max(1, len(content) * 15 // 100)])
    bottom = set(content[-2:]) | set(content[len(content) - max(1, len(content) * 15 // 100) :])
    out = []
    for i, block in enumerate(blocks):
        values = [0.0] * len(FEATURES)
        kind, cue = _words(block, values)
        _shape(block, values, base_site)
        values[_INDEX["first"]] = float(i == edges[0])
        values[_INDEX["last"]] = float(i == edges[1])
        values[_INDEX["top"]] = float(i in top)
        values[_INDEX["bottom"]] = float(i in bottom)
        out.append(BlockFeatures(tuple(values), kind, cue))
    return out


def _site(url: str) -> str:
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return site_of(host) if host else ""


def _words(block: Block, v: list[float]) -> tuple[str, str]:
    """Fill the word features; return the ask's kind and cue."""
    v[_INDEX["bias"]] = 1.0
    if block.kind in DATA_KINDS or not block.text:
        v[_INDEX["kind:data"]] = float(block.kind in DATA_KINDS)
        return "", ""
    text = block.text[:MAX_BLOCK_CHARS]  # a huge paragraph is no box: its head decides
    norm = " ".join(LINK_MARK.sub("", text).translate(_STRAIGHT).split())
    # "US officials" is the country, not "us"; a line in capitals ("JOIN US TODAY") is not
    shouting = norm.isupper()
    low = _US.sub("usa", norm) if not shouting and ("US" in norm or "U.S" in norm) else norm
    low = low.lower()
    words = low.count(" ") + 1
    for n, index in _BUCKETS:
        if words <= n:
            v[index] = 1.0
            break
    else:
        v[_INDEX["words>60"]] = 1.0
    quoted = [(m.start(), m.end()) for m in _QUOTES.finditer(low)] if _quotes_in(low) else []
    sentences = [(m.start(), m.end()) for m in _SENTENCE.finditer(low) if m.group().strip()]
    sentences = sentences or [(0, len(low))]
    counts = [0] * len(INLINE_SLOTS)
    per_sentence: list[set[int]] = [set() for _ in sentences]
    starts: list[set[int]] = [set() for _ in sentences]  # slots of each sentence's first word
    third_hits = [0] * len(sentences)
    quoted_asks = 0
    kinds = dict.fromkeys(_KINDS, 0)
    cue = ""
    s = 0
    first_word = [_first_word(low, a, b) for a, b in sentences]
    last = len(sentences) - 1
    for at, slots in matcher().find(low):
        while s < last and at >= sentences[s][1]:
            s += 1
        if quoted and any(a <= at < b for a, b in quoted):
            quoted_asks += any(slot in _ASKS for slot in slots)
            continue
        counts_slots = per_sentence[s]
        for slot in slots:
            counts[slot] += 1
            counts_slots.add(slot)
            kind = _KIND_OF.get(slot)
            if kind:
                kinds[kind] += 1
                if not cue:
                    cue = _phrase_at(low, at)
        third_hits[s] += _THIRD in slots
        if at == first_word[s]:
            starts[s].update(slots)
    amounts = [m.start() for m in MONEY.finditer(low)] if money_in(low) else []
    ends = [end for _, end in sentences]
    for at in amounts:
        per_sentence[_sentence_of(ends, at)].add(_MONEY)
    own = _voice(v, per_sentence, starts)
    closing = [k for k in range(len(sentences) - 1, -1, -1) if k in own]
    run = 0
    for k in closing:  # the unbroken run of own asks that ends the block
        if k != len(sentences) - 1 - run:
            break
        run += 1
    if run:
        v[_INDEX["closing_share"]] = (len(low) - sentences[-run][0]) / max(1, len(low))
        tail = set().union(*per_sentence[-run:])
        # money or membership asked for, by the publisher over sentences or to "you" by "us"
        publisher_asks = any(ps & _STRONG and _PUBLISHER in ps for ps in per_sentence[-run:])
        strong = publisher_asks and (run >= 2 or tail >= _VOICE)
        v[_INDEX["closing_turn"]] = float(strong)
    # others' money counts only outside the publisher's own asks ("our fundraising campaign")
    counts[_THIRD] = sum(hits for k, hits in enumerate(third_hits) if k not in own)
    for index, count in zip(_SLOT_FEATURES, counts, strict=True):
        if count:
            v[index] = math.log1p(count)
    v[_INDEX["quoted_share"]] = sum(b - a for a, b in quoted) / max(1, len(low))
    v[_INDEX["quoted_asks"]] = math.log1p(quoted_asks)
    v[_INDEX["opens_with_opener"]] = float(bool(starts[0] & {_OPENER}))
    v[_INDEX["button_line"]] = float(words <= 6 and matcher().button(low))
    has_number = NUMBER.search(low) is not None
    v[_INDEX["meter_line"]] = float(
        words <= 12 and has_number and (_METER in per_sentence[0] or "%" in low)
    )
    v[_INDEX["money"]] = float(bool(amounts))
    v[_INDEX["signoff_line"]] = float(
        words <= 12
        and (_SIGNOFF_SHAPE.search(norm) is not None)
        and (counts[_SIGNOFF] > 0 or norm.lstrip()[:1] in "—–-~")
    )
    v[_INDEX["names"]] = math.log1p(len(_NAMES.findall(norm)))
    v[_INDEX["numbers"]] = math.log1p(len(NUMBER.findall(low)))
    v[_INDEX["exclaims"]] = float("!" in low)
    v[_INDEX["asks_question"]] = float("?" in low)
    v[_INDEX["ends_with_colon"]] = float(low.rstrip().endswith(":"))
    any_ask = any(counts[slot] for slot in _ASKS)
    v[_INDEX["short_ask"]] = float(any_ask and words <= 12)
    mission = counts[_SLOT["mission"]] and counts[_SLOT["publisher"]] and not counts[_REPORT]
    v[_INDEX["publisher_mission"]] = float(bool(mission))
    kind = max(kinds, key=lambda k: kinds[k]) if any(kinds.values()) else ""
    return _KIND_NAMES.get(kind, ""), cue


def _voice(v: list[float], per_sentence: list[set[int]], starts: list[set[int]]) -> set[int]:
    """Who speaks in each sentence: the publisher asking the reader, or reported words.
    Returns the sentences that are the publisher's own asks."""
    voice_ask = plain_ask = voiced = reported = third = 0
    own_asks: set[int] = set()
    closing = 0  # the run of the publisher's own asks that ends the block
    for k, (slots, start) in enumerate(zip(per_sentence, starts, strict=True)):
        ask = bool(slots & _ASKS)
        imperative = bool(start & _ASKS)  # "Donate today", "Join us", "Unterstützen Sie"
        voice = bool(slots & _VOICE)
        report = _REPORT in slots
        own = voice or imperative or bool(slots & _PRESSURE) or _MONEY in slots
        own = own or (_SUPPORT in slots and _MISSION in slots)
        if ask and own and not report:
            voice_ask += 1
            closing += 1
            own_asks.add(k)
        else:
            closing = 0 if report or _THIRD in slots or not voice else closing
            plain_ask += ask
        voiced += voice and not report
        reported += report
        third += _THIRD in slots and k not in own_asks
    n = len(per_sentence)
    # "Donate via …", "Become a member", "Abonnez-vous": an ask that opens its sentence
    v[_INDEX["imperative_ask"]] = float(any(start & _STRONG_ASKS for start in starts))
    v[_INDEX["voice_ask_sentences"]] = math.log1p(voice_ask)
    v[_INDEX["voice_ask_share"]] = voice_ask / n
    v[_INDEX["plain_ask_sentences"]] = math.log1p(plain_ask)
    # a paragraph that opens like news and turns into the outlet's own ask (the seed's last)
    v[_INDEX["own_ask_at_end"]] = float(closing > 0 and n > 1)
    v[_INDEX["own_asks_closing"]] = math.log1p(closing)
    v[_INDEX["voice_share"]] = voiced / n
    v[_INDEX["report_share"]] = reported / n
    v[_INDEX["third_share"]] = third / n
    return own_asks


def _quotes_in(low: str) -> bool:
    """Any character that can open a quotation (a cheap test before the quotation regex)."""
    return '"' in low or "“" in low or "«" in low or "„" in low or " '" in low or low[:1] == "'"


def _first_word(low: str, start: int, end: int) -> int:
    """Offset of a sentence's first word, past quotes, dashes and bullets."""
    at = start
    while at < end and low[at] in _LEAD:
        at += 1
    return at


def _sentence_of(ends: list[int], at: int) -> int:
    return min(bisect_right(ends, at), len(ends) - 1)


def _phrase_at(low: str, at: int) -> str:
    end = low.find(" ", low.find(" ", at) + 1)
    return low[at : end if end != -1 else len(low)].strip(" .,;:!?")


def _shape(block: Block, v: list[float], base_site: str) -> None:
    """Fill the markup features: the block's kind, styling, class names and links."""
    if block.kind in ("heading", "list_item", "quote", "image"):
        v[_INDEX[f"kind:{block.kind}"]] = 1.0
    v[_INDEX["markup:button"]] = float(block.button)
    v[_INDEX["markup:linked"]] = float(block.linked)
    v[_INDEX["markup:emphasis"]] = float(block.emphasis)
    v[_INDEX["markup:hint"]] = hint_strength(block.hint) if block.hint else 0.0
    if block.hrefs:
        v[_INDEX["markup:link"]] = max(link_strength(h, base_site)[0] for h in block.hrefs)
