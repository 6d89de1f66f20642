"""Named evidence for every block of an article: its words, its voice, its shape, its place.

A feature is a number with a name; the model (model.py) weighs them and regions.py decides
over the sequence. Phrase slots count whole-word phrases of every language (lang/). The
voice features answer the question an appeal turns on: is the publisher asking the reader
(we, our, you, an imperative), or is someone in the story asking someone else?
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from newsterm.text.blocks import Block
from newsterm.text.strip.article_text import ArticleText
from newsterm.text.strip.common import NUMBER
from newsterm.text.strip.lines import line_form
from newsterm.text.strip.markup import hint_strength, link_strength, site_of
from newsterm.text.strip.matcher import INLINE_SLOTS, Matcher, matcher, reading_with
from newsterm.text.strip.reading import Reading, read
from newsterm.text.strip.slots import (
    ASKS,
    KIND_NAMES,
    MISSION,
    MONEY,
    OPENER,
    PRESSURE,
    PUBLISHER,
    REPORT,
    SIGNOFF,
    STRONG,
    STRONG_ASKS,
    SUPPORT,
    THIRD,
    VOICE,
)
from newsterm.text.strip.slots import METER as METER_SLOT
from newsterm.text.strip.thresholds import QUOTED_SHARE
from newsterm.text.strip.voice import NO_ASK, OwnAsk, own_ask, reported

__all__ = [
    "DATA_KINDS",
    "FEATURES",
    "PLAIN",
    "ArticleFeatures",
    "BlockFeatures",
    "OwnAsk",
    "anchors",
    "article_features",
    "names_in",
]

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
_SLOT_FEATURES = tuple(_INDEX[f"slot:{slot}"] for slot in INLINE_SLOTS)
_BUCKETS = tuple((n, _INDEX[f"words<={n}"]) for n in (3, 8, 20, 60))
_REPORTED, _QUOTED = _INDEX["report_share"], _INDEX["quoted_share"]
# Two capitalised words in a row ("Marco Rubio", "Tax Court"): names, which reporting is full of.
# (the second capital is looked at, not taken: "Mit Olaf Scholz" holds "Olaf Scholz")
_NAMES = re.compile(r"([A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž'-]+) (?=[A-ZÀ-ÖØ-ÞĀ-Ž])")
# Capitalised words that open no name: German capitalises every noun and the polite "Sie",
# so "Diese Arbeit" and "Ihre Unterstützung" would read as people (as would "Auf Sie")
# fmt: off
_NOT_NAMES = frozenset([
    "die", "der", "das", "den", "dem", "des", "diese", "dieser", "dieses", "diesen", "diesem",
    "ein", "eine", "einer", "eines", "einen", "einem", "ihr", "ihre", "ihrer", "ihren",
    "ihrem", "ihres", "sie", "wir", "unser", "unsere", "unserer", "unseren", "unserem", "mit",
    "für", "auf", "ohne", "nur", "jetzt", "jede", "jeder", "jedes", "alle", "bitte", "danke",
    "wenn", "und", "oder", "aber", "als", "auch", "so", "wie", "was", "wer", "ihnen", "euch",
    "eure", "euer", "dein", "deine", "ich", "mein", "meine",
])
# fmt: on


def names_in(text: str) -> list[str]:
    """The first word of each name in a text ("Valley" of "the Valley Ledger"): two
    capitalised words in a row, less the capitalised words that open no name."""
    return [w for w in _NAMES.findall(text) if w.lower() not in _NOT_NAMES]


_SIGNOFF_SHAPE = re.compile(r"^\s*(?:[—–-]|~)\s*\w|^\s*\w[\w .'-]{1,40},\s+\w")
DATA_KINDS = ("pre", "table", "rule")  # code, data and rules: never an appeal by their words


@dataclass(frozen=True, slots=True)
class BlockFeatures:
    """One block's named evidence (aligned with FEATURES), and what its ask is about."""

    values: tuple[float, ...]
    kind: str  # donation / membership / subscription / newsletter ("" without an ask)
    cue: str  # the first ask phrase in the block, for the reason shown to readers
    ask: OwnAsk = NO_ASK  # the publisher's own precise asks here (see voice.py)
    # Someone else speaks: mostly attributed sentences or quotation (see voice.reported).
    others: bool = False
    # Someone else's money: a sentence about a charity, a candidate or a campaign with no
    # "we" in it ("give to a qualified charity before the year ends").
    theirs: bool = False
    # The line's form by its characters (see lines.py): what lets a box's leftovers join.
    form: frozenset[str] = frozenset()

    @property
    def reported(self) -> bool:
        """Someone else's words: attribution in the block, or mostly quotation."""
        return bool(self.values[_REPORTED] or self.values[_QUOTED] >= QUOTED_SHARE)

    def named(self) -> dict[str, float]:
        """The non-zero features by name."""
        return {name: v for name, v in zip(FEATURES, self.values, strict=True) if v}


def anchors(blocks: tuple[Block, ...], base_url: str = "") -> list[int]:
    """The blocks an appeal could grow from (see ArticleFeatures.anchors)."""
    return ArticleFeatures(blocks, base_url).anchors()


class ArticleFeatures:
    """The features of an article's blocks, each computed when first asked for: most blocks
    are far from any appeal and never need them."""

    def __init__(self, blocks: tuple[Block, ...], base_url: str = "") -> None:
        self.blocks = blocks
        self._base_url = base_url
        content = [i for i, b in enumerate(blocks) if b.kind not in ("rule", "image") and b.text]
        self._edges = (content[0], content[-1]) if content else (-1, -1)
        cut = max(1, len(content) * 15 // 100)
        self._top = set(content[:2]) | set(content[:cut])
        self._bottom = set(content[-2:]) | set(content[len(content) - cut :])
        self._known: dict[int, BlockFeatures] = {}
        self.text = ArticleText(
            (i, b.text) for i, b in enumerate(blocks) if b.kind not in DATA_KINDS and b.text
        )
        self.tables = self.text.tables

    def anchors(self) -> list[int]:
        """The blocks an appeal could grow from: a precise ask in their words, appeal class
        names, or a link to an appeal page. Far from all of them, no block is weighed at
        all. The words of the whole article are scanned in one pass."""
        found = self.text.holding_asks()
        for i in self.text.blocks:
            block = self.blocks[i]
            # (the site, and with it the public suffix list, is read only for a block with links)
            if (block.hint and hint_strength(block.hint)) or (
                block.hrefs and any(link_strength(h, _site(self._base_url))[0] for h in block.hrefs)
            ):
                found.add(i)
        return sorted(found)

    def __getitem__(self, i: int) -> BlockFeatures:
        found = self._known.get(i)
        if found is None:
            found = self._known[i] = self._compute(i)
        return found

    def known(self, i: int) -> BlockFeatures:
        """Block i's features if they were computed, else PLAIN."""
        return self._known.get(i, PLAIN)

    def window(self, near: frozenset[int] | None = None) -> list[BlockFeatures]:
        """Every block's features, PLAIN for blocks not `near` (None: all are near)."""
        return [self[i] if near is None or i in near else PLAIN for i in range(len(self.blocks))]

    def _compute(self, i: int) -> BlockFeatures:
        block = self.blocks[i]
        text = block.text
        if block.kind in DATA_KINDS or not text:
            found = _no_words(block.kind, text)
        elif len(text) <= _REMEMBER_CHARS:
            found = _remembered_words(text, self.tables)
        else:
            found = _words(text, self.tables)
        words, kind, cue, ask, others, theirs, form = found
        values = list(words)
        _shape(block, values, self._base_url)
        values[_INDEX["first"]] = float(i == self._edges[0])
        values[_INDEX["last"]] = float(i == self._edges[1])
        values[_INDEX["top"]] = float(i in self._top)
        values[_INDEX["bottom"]] = float(i in self._bottom)
        return BlockFeatures(tuple(values), kind, cue, ask, others, theirs, form)


def article_features(blocks: tuple[Block, ...], base_url: str = "") -> list[BlockFeatures]:
    """Features of every block, in order."""
    return ArticleFeatures(blocks, base_url).window()


PLAIN = BlockFeatures((1.0, *([0.0] * (len(FEATURES) - 1))), "", "")  # far from any anchor


@lru_cache(maxsize=1024)
def _site(url: str) -> str:
    """The site (public suffix plus one label) of a URL's host: one feed's articles share a
    few base URLs, and the suffix lookup is the dearer part."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return site_of(host) if host else ""


# What a block's words say, and its line form: (the word features, aligned with FEATURES
# and zero elsewhere; the ask's kind and cue; the publisher's own precise ask; whether
# someone else speaks; whether it is about someone else's money; the form).
Words = tuple[tuple[float, ...], str, str, OwnAsk, bool, bool, frozenset[str]]
# An outlet's appeal box recurs word for word in every article of its feed, so the words of
# short blocks are read once per text (the 1,024 latest: two million characters at most).
_REMEMBER_CHARS = 2_000


def _no_words(kind: str, text: str) -> Words:
    """The word features of a block whose words are not read (code, a table, a rule) or
    that has none."""
    v = [0.0] * len(FEATURES)
    v[_INDEX["bias"]] = 1.0
    v[_INDEX["kind:data"]] = float(kind in DATA_KINDS)
    return tuple(v), "", "", NO_ASK, False, False, line_form(text)


def _words(text: str, tables: Matcher) -> Words:
    """Read a block's words, with the tables of its article's languages, into its word
    features, its ask and its voice."""
    with reading_with(tables):
        return _read_words(text)


def _read_words(text: str) -> Words:
    v = [0.0] * len(FEATURES)
    v[_INDEX["bias"]] = 1.0
    r = read(text)
    _length(r, v)
    own = _loose_voice(v, r.per_sentence, r.starts)
    _closing(r, v, own)
    _slot_values(r, v, own)
    _line_shapes(r, v)
    theirs_said = reported(r)
    # someone else's words: mostly quotation, or mostly attributed sentences
    others = v[_QUOTED] >= QUOTED_SHARE or 2 * len(theirs_said) >= len(r.sentences)
    theirs = any(THIRD in ps and PUBLISHER not in ps for ps in r.per_sentence)
    ask = NO_ASK if others else own_ask(r, theirs_said, own)
    kind = max(r.kinds, key=lambda k: r.kinds[k]) if any(r.kinds.values()) else ""
    cue = r.cue or ask.phrase
    return tuple(v), KIND_NAMES.get(kind, ""), cue, ask, others, theirs, line_form(text)


_remembered_words = lru_cache(maxsize=1024)(_words)


def _length(r: Reading, v: list[float]) -> None:
    """The block's length in words, as one bucket."""
    for n, index in _BUCKETS:
        if r.words <= n:
            v[index] = 1.0
            return
    v[_INDEX["words>60"]] = 1.0


def _closing(r: Reading, v: list[float], own: set[int]) -> None:
    """The unbroken run of the publisher's own asks that ends the block: its share of the
    text, and whether it asks for money or membership as the publisher (over two sentences,
    or as "we" to "you")."""
    last = len(r.sentences) - 1
    run = 0
    while last - run >= 0 and last - run in own:
        run += 1
    if not run:
        return
    v[_INDEX["closing_share"]] = (len(r.low) - r.sentences[-run][0]) / max(1, len(r.low))
    tail = set().union(*r.per_sentence[-run:])
    publisher_asks = any(ps & STRONG and PUBLISHER in ps for ps in r.per_sentence[-run:])
    v[_INDEX["closing_turn"]] = float(publisher_asks and (run >= 2 or tail >= VOICE))


def _slot_values(r: Reading, v: list[float], own: set[int]) -> None:
    """Slot counts (log-scaled) and quotation; others' money counts only outside the
    publisher's own asks ("our fundraising campaign")."""
    counts = list(r.counts)
    counts[THIRD] = sum(hits for k, hits in enumerate(r.third_hits) if k not in own)
    for index, count in zip(_SLOT_FEATURES, counts, strict=True):
        if count:
            v[index] = math.log1p(count)
    v[_INDEX["quoted_share"]] = sum(b - a for a, b in r.quoted) / max(1, len(r.low))
    v[_INDEX["quoted_asks"]] = math.log1p(r.quoted_asks)
    any_ask = any(counts[slot] for slot in ASKS)
    v[_INDEX["short_ask"]] = float(any_ask and r.words <= 12)
    mission = counts[MISSION] and counts[PUBLISHER] and not counts[REPORT]
    v[_INDEX["publisher_mission"]] = float(bool(mission))


def _line_shapes(r: Reading, v: list[float]) -> None:
    """The shapes of a box's lines (an opener, a button, a meter, a sign-off) and the marks
    of reporting (names, numbers)."""
    low, norm, words = r.low, r.norm, r.words
    v[_INDEX["opens_with_opener"]] = float(bool(r.starts[0] & {OPENER}))
    v[_INDEX["button_line"]] = float(words <= 6 and matcher().button(low))
    has_number = NUMBER.search(low) is not None
    meter = METER_SLOT in r.per_sentence[0] or "%" in low
    v[_INDEX["meter_line"]] = float(words <= 12 and has_number and meter)
    v[_INDEX["money"]] = float(bool(r.amounts))
    signed = r.counts[SIGNOFF] > 0 or norm.lstrip()[:1] in "—–-~"
    shape = _SIGNOFF_SHAPE.search(norm) is not None
    v[_INDEX["signoff_line"]] = float(words <= 12 and shape and signed)
    names = names_in(norm)
    v[_INDEX["names"]] = math.log1p(len(names))
    v[_INDEX["numbers"]] = math.log1p(len(NUMBER.findall(low)))
    v[_INDEX["exclaims"]] = float("!" in low)
    v[_INDEX["asks_question"]] = float("?" in low)
    v[_INDEX["ends_with_colon"]] = float(low.rstrip().endswith(":"))


def _loose_voice(v: list[float], per_sentence: list[set[int]], starts: list[set[int]]) -> set[int]:
    """Who speaks in each sentence, by the looser lexicon: the publisher asking the reader,
    or reported words. Returns the sentences that read as the publisher's own asks."""
    voice_ask = plain_ask = voiced = said = third = closing = 0
    own_asks: set[int] = set()
    for k, (slots, start) in enumerate(zip(per_sentence, starts, strict=True)):
        ask = bool(slots & ASKS)
        imperative = bool(start & ASKS)  # "Donate today", "Join us", "Unterstützen Sie"
        voice = bool(slots & VOICE)
        report = REPORT in slots
        own = voice or imperative or bool(slots & PRESSURE) or MONEY in slots
        own = own or (SUPPORT in slots and MISSION in slots)
        if ask and own and not report:
            voice_ask += 1
            closing += 1
            own_asks.add(k)
        else:
            closing = 0 if report or THIRD in slots or not voice else closing
            plain_ask += ask
        voiced += voice and not report
        said += report
        third += THIRD in slots and k not in own_asks
    n = len(per_sentence)
    # "Donate via …", "Become a member", "Abonnez-vous": an ask that opens its sentence
    v[_INDEX["imperative_ask"]] = float(any(start & STRONG_ASKS for start in starts))
    v[_INDEX["voice_ask_sentences"]] = math.log1p(voice_ask)
    v[_INDEX["voice_ask_share"]] = voice_ask / n
    v[_INDEX["plain_ask_sentences"]] = math.log1p(plain_ask)
    # a paragraph that opens like news and turns into the outlet's own ask (the seed's last)
    v[_INDEX["own_ask_at_end"]] = float(closing > 0 and n > 1)
    v[_INDEX["own_asks_closing"]] = math.log1p(closing)
    v[_INDEX["voice_share"]] = voiced / n
    v[_INDEX["report_share"]] = said / n
    v[_INDEX["third_share"]] = third / n
    return own_asks


def _shape(block: Block, v: list[float], base_url: str) -> None:
    """Fill the markup features: the block's kind, styling, class names and links."""
    if block.kind in ("heading", "list_item", "quote", "image"):
        v[_INDEX[f"kind:{block.kind}"]] = 1.0
    v[_INDEX["markup:button"]] = float(block.button)
    v[_INDEX["markup:linked"]] = float(block.linked)
    v[_INDEX["markup:emphasis"]] = float(block.emphasis)
    v[_INDEX["markup:hint"]] = hint_strength(block.hint) if block.hint else 0.0
    if block.hrefs:  # the site is read here only: an article with no links never needs it
        site = _site(base_url)
        v[_INDEX["markup:link"]] = max(link_strength(h, site)[0] for h in block.hrefs)
