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
from functools import lru_cache
from urllib.parse import urlsplit

from newsterm.text.blocks import Block
from newsterm.text.strip.common import LINK_MARK, MONEY, NUMBER, PLATFORMS, money_in
from newsterm.text.strip.markup import hint_strength, link_strength, site_of
from newsterm.text.strip.matcher import INLINE_SLOTS, matcher
from newsterm.text.strip.thresholds import CALL_WORDS, MAX_BLOCK_CHARS, QUOTED_SHARE

__all__ = [
    "DATA_KINDS",
    "FEATURES",
    "PLAIN",
    "ArticleFeatures",
    "BlockFeatures",
    "OwnAsk",
    "anchors",
    "article_features",
]

_SLOT = {slot: i for i, slot in enumerate(INLINE_SLOTS)}
_ASKS = frozenset(_SLOT[s] for s in ("donate", "member", "subscribe", "newsletter", "support"))
_ASK_WORDS = _ASKS  # what an ask is about, in words
_ASKS = _ASKS | {_SLOT["platform"]}
_VOICE = frozenset((_SLOT["reader"], _SLOT["publisher"]))
# Besides we and you, what makes an ask the publisher's own: pressure, a funding platform,
# or the outlet's mission words beside its funding ("X is a reader-supported newsroom").
_PRESSURE = frozenset((_SLOT["urgency"], _SLOT["platform"]))
_SUPPORT, _MISSION = _SLOT["support"], _SLOT["mission"]
_PUBLISHER, _READER = _SLOT["publisher"], _SLOT["reader"]
_PLATFORMS = frozenset(PLATFORMS)
_BUTTON_WORDS = 8  # a line this short that opens with an ask is a button or a box's link
_STRONG_ASKS = frozenset(
    _SLOT[s] for s in ("donate", "member", "subscribe", "newsletter", "platform")
)
_STRONG = frozenset(_SLOT[s] for s in ("donate", "member", "subscribe", "platform"))
_REPORT, _THIRD = _SLOT["report"], _SLOT["third"]
_OPENER, _METER, _SIGNOFF = _SLOT["opener"], _SLOT["meter"], _SLOT["signoff"]
_MONEY = -1  # a money amount in the sentence (no slot of its own)
_LEAD = frozenset(" \"'“”«»„(-–—•*")
_KINDS = ("newsletter", "donate", "member", "subscribe")  # the first wins a tie
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


def _straight(text: str) -> str:
    """Curly apostrophes straightened and non-breaking spaces opened (str.replace: several
    times quicker than str.translate on long texts)."""
    if "’" in text or "‘" in text:
        text = text.replace("’", "'").replace("‘", "'")
    if "\u00a0" in text or "\u202f" in text:
        text = text.replace("\u00a0", " ").replace("\u202f", " ")
    return text


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
class OwnAsk:
    """The publisher's own precise asks in a block (see _own_ask)."""

    phrase: str = ""  # the first of them ("" when there is none)
    share: float = 0.0  # of the block's text, in sentences that make one
    at_end: bool = False  # the block's last sentence makes one
    named: bool = False  # a precise ask phrase (no bare platform name) is in the block


@dataclass(frozen=True, slots=True)
class BlockFeatures:
    """One block's named evidence (aligned with FEATURES), and what its ask is about."""

    values: tuple[float, ...]
    kind: str  # donation / membership / subscription / newsletter ("" without an ask)
    cue: str  # the first ask phrase in the block, for the reason shown to readers
    ask: OwnAsk = OwnAsk()  # the publisher's own precise asks here (see _own_ask)
    # Someone else speaks: mostly attributed sentences or quotation (see _reported).
    others: bool = False
    # Someone else's money: a sentence about a charity, a candidate or a campaign with no
    # "we" in it ("give to a qualified charity before the year ends").
    theirs: bool = False

    @property
    def reported(self) -> bool:
        """Someone else's words: attribution in the block, or mostly quotation."""
        return bool(self.values[_REPORTED] or self.values[_QUOTED] >= QUOTED_SHARE)

    def named(self) -> dict[str, float]:
        """The non-zero features by name."""
        return {name: v for name, v in zip(FEATURES, self.values, strict=True) if v}


def anchors(blocks: tuple[Block, ...], base_url: str = "") -> list[int]:
    """The blocks an appeal could grow from: a precise ask in their words, appeal class
    names, or a link to an appeal page. Far from all of them, no block is weighed at all.
    The words of the whole article are scanned in one pass."""
    base_site = _site(base_url)
    m = matcher()
    found = set()
    starts = []
    parts = []
    at = 0
    for i, block in enumerate(blocks):
        if block.kind in DATA_KINDS or not block.text:
            continue
        text = block.text[:MAX_BLOCK_CHARS]
        starts.append((at, i))
        parts.append(text)
        at += len(text) + 1  # the newline between blocks: no phrase crosses it
        if (block.hint and hint_strength(block.hint)) or any(
            link_strength(h, base_site)[0] for h in block.hrefs
        ):
            found.add(i)
    whole = _straight("\n".join(parts).lower())
    offsets = [o for o, _ in starts]
    for regex in (m.ask_regex, m.funded_regex):
        for hit in regex.finditer(whole):
            found.add(starts[bisect_right(offsets, hit.start()) - 1][1])
    return sorted(found)


class ArticleFeatures:
    """The features of an article's blocks, each computed when first asked for: most blocks
    are far from any appeal and never need them."""

    def __init__(self, blocks: tuple[Block, ...], base_url: str = "") -> None:
        self.blocks = blocks
        self._site = _site(base_url)
        content = [i for i, b in enumerate(blocks) if b.kind not in ("rule", "image") and b.text]
        self._edges = (content[0], content[-1]) if content else (-1, -1)
        cut = max(1, len(content) * 15 // 100)
        self._top = set(content[:2]) | set(content[:cut])
        self._bottom = set(content[-2:]) | set(content[len(content) - cut :])
        self._known: dict[int, BlockFeatures] = {}

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
        values = [0.0] * len(FEATURES)
        kind, cue, ask, others, theirs = _words(block, values)
        _shape(block, values, self._site)
        values[_INDEX["first"]] = float(i == self._edges[0])
        values[_INDEX["last"]] = float(i == self._edges[1])
        values[_INDEX["top"]] = float(i in self._top)
        values[_INDEX["bottom"]] = float(i in self._bottom)
        return BlockFeatures(tuple(values), kind, cue, ask, others, theirs)


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


def _words(block: Block, v: list[float]) -> tuple[str, str, OwnAsk, bool, bool]:
    """Fill the word features; return the ask's kind and cue, the publisher's own precise
    ask, and whether someone else speaks."""
    v[_INDEX["bias"]] = 1.0
    if block.kind in DATA_KINDS or not block.text:
        v[_INDEX["kind:data"]] = float(block.kind in DATA_KINDS)
        return "", "", OwnAsk(), False, False
    text = block.text[:MAX_BLOCK_CHARS]  # a huge paragraph is no box: its head decides
    norm = " ".join(_straight(LINK_MARK.sub("", text)).split())
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
    said_first: set[int] = set()  # sentences whose reporting words come before any we/you
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
        if _REPORT in slots and not counts_slots & _VOICE:
            said_first.add(s)  # "the senator wrote: 'we can't do this without you…'"
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
    reported = _reported(low, sentences, per_sentence, said_first)
    ask = _own_ask(low, quoted, sentences, per_sentence, first_word, starts, words, reported, own)
    # someone else's words: mostly quotation, or mostly attributed sentences
    others = v[_QUOTED] >= QUOTED_SHARE or 2 * len(reported) >= len(sentences)
    theirs = any(_THIRD in ps and _PUBLISHER not in ps for ps in per_sentence)
    if others:
        ask = OwnAsk()
    return _KIND_NAMES.get(kind, ""), cue or ask.phrase, ask, others, theirs


def _reported(
    low: str,
    sentences: list[tuple[int, int]],
    per_sentence: list[set[int]],
    said_first: set[int],
) -> set[int]:
    """The sentences someone else speaks in: reporting words with no "we" or "you", or
    before them ("the senator wrote: 'We can't…"), and the sentence after one that ends in
    a colon or leaves a quotation open ("…without you. Become a member…'")."""
    found: set[int] = set()
    carry = False
    for k, (start, end) in enumerate(sentences):
        if carry or k in said_first:
            found.add(k)
            text = low[start:end].rstrip()
            carry = text.endswith(":") or _open_quote(text)
        else:
            carry = False
    return found


def _open_quote(text: str) -> bool:
    """A quotation opens in the text and does not close."""
    return (
        text.count('"') % 2 == 1
        or text.count("“") > text.count("”")
        or (text.count("«") > text.count("»"))
        or (" '" in text and text.count("'") - text.count("'s") - text.count("n't") == 1)
    )


def _own_ask(
    low: str,
    quoted: list[tuple[int, int]],
    sentences: list[tuple[int, int]],
    per_sentence: list[set[int]],
    first_word: list[int],
    starts: list[set[int]],
    words: int,
    reported: set[int],
    loose: set[int],
) -> OwnAsk:
    """The publisher's own precise asks in a block. An own ask is outside quotation marks,
    in a sentence with no attribution and no one else's money, and made to the reader: "you"
    with "we" or "our" in the block, an imperative opening its sentence or clause, a line of
    its own, or the publisher's funding said of itself. "We" alone is no ask ("we don't
    subscribe to that idea"); nor is "you" alone ("if you want to donate to a charity")."""
    ends = [end for _, end in sentences]
    first = ""
    asking: set[int] = set()
    publisher = any(_PUBLISHER in ps for ps in per_sentence)
    found = matcher().asks(low)
    for at, phrase, self_funded in found:
        if quoted and any(a <= at < b for a, b in quoted):
            continue
        k = _sentence_of(ends, at)
        slots = per_sentence[k]
        if k in asking or k in reported or (_THIRD in slots and _PUBLISHER not in slots):
            continue
        start = sentences[k][0]
        if phrase in _PLATFORMS and not _voiced(phrase):
            # a platform is an ask only said to the reader by the publisher ("if you like my
            # work, find me on Ko-fi"), or on a short line that opens with an ask ("Support
            # the blog on Ko-fi"); "we get 30 euros a week on Liberapay" is a report
            spoken = _READER in slots and _PUBLISHER in slots
            button = words <= _BUTTON_WORDS and bool(starts[k] & _ASK_WORDS)
            if spoken or (button and at != first_word[k]):  # "Patreon raises fees": news
                first = first or phrase
                asking.add(k)
            continue
        said_to = self_funded or _voiced(phrase) or (_READER in slots and publisher)
        if not said_to and not publisher and _to_someone(low, at + len(phrase)):
            continue  # "How to help: donate to the county relief fund"
        if said_to or _opens(low, max(start, first_word[k]), at):
            first = first or phrase
            asking.add(k)
    # the publisher and the reader in one sentence about money, membership or sign-up
    # ("we count on readers like you", "necesitamos tu ayuda") need no precise phrase
    for k, slots in enumerate(per_sentence):
        if k in asking or k in reported or _THIRD in slots:
            continue
        if _READER in slots and _PUBLISHER in slots and slots & _ASKS:
            asking.add(k)
            first = first or _phrase_of(low, sentences[k])
    # the publisher's other asks right before or after a precise one count with it ("help
    # us by making a donation! Any contribution, however small, makes a difference")
    extra = loose - reported - asking
    grew = True
    while grew:
        near = {k for k in extra if k - 1 in asking or k + 1 in asking}
        asking |= near
        extra -= near
        grew = bool(near)
    share = sum(sentences[k][1] - sentences[k][0] for k in asking) / max(1, len(low))
    named = any(phrase not in _PLATFORMS for _, phrase, _ in found)
    return OwnAsk(first, share, len(sentences) - 1 in asking, named)


def _phrase_of(low: str, sentence: tuple[int, int]) -> str:
    """A short cue for a sentence that asks without a precise phrase: its opening words."""
    return " ".join(low[sentence[0] : sentence[1]].split()[:4])


_TO_SOMEONE = re.compile(
    r" (?:to|at|for|an|à|a|para|per|aan|na|pro) (?!us\b|our\b|this\b|me\b|my\b)"
)


def _to_someone(low: str, end: int) -> bool:
    """The ask goes on to name whom to give to: someone else, unless the block speaks as
    "we" (then the name is the publisher's own)."""
    return _TO_SOMEONE.match(low, end) is not None


@lru_cache(maxsize=4096)
def _voiced(phrase: str) -> bool:
    """The ask names who speaks or who is asked: "support our reporting", "in your inbox",
    "unterstützen Sie uns"."""
    return any(slots_ & _VOICE for _, found in matcher().find(phrase) for slots_ in [set(found)])


def _opens(low: str, start: int, at: int) -> bool:
    """The ask opens its sentence or clause, and the clause is short: an imperative or a
    button ("Donate today", "Sostieni Tombolo", "Resist the agenda: make a donation now!");
    "Donations to the campaign rose…" is news."""
    clause = max(start, *(low.rfind(mark, start, at) + 1 for mark in ":;,"))
    if any(ch.isalpha() for ch in low[clause:at]):
        return False
    stop = low.find(".", at)
    return low.count(" ", clause, stop if stop != -1 else len(low)) < CALL_WORDS


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
