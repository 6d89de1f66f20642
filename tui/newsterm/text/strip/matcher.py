"""The phrases of an article's languages in one trie regex; each match names the slots it fills.

One pass over a block's lower-cased text finds every phrase of the article's languages
(detect.py: those whose everyday words it holds, and English), so a block needs no language
of its own: an Italian appeal quoting an English button still scores. The tables of each
set of languages are built once, on first use.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache, lru_cache

from newsterm.text.strip.common import LINK_MARK, PLATFORMS
from newsterm.text.strip.lang import LANGUAGES, PHRASE_SLOTS, Lexicon
from newsterm.text.strip.trie import expand, split_by_start, trie_regex

__all__ = [
    "EITHER_AFTER",
    "INLINE_SLOTS",
    "Lazy",
    "LazyStarts",
    "Matcher",
    "button_label",
    "button_languages",
    "collector_paused",
    "language_tables",
    "matcher",
    "matcher_for",
    "reading_with",
]

# `button` lines are matched whole (see `Matcher.button`) and the precise `ask` phrases in a
# pass of their own (see `Matcher.asks`), so that "support us" still counts "us" as the
# publisher; `polite` words only ever matter before an ask (see `Matcher.polite`) and
# `recipient` words right after one (see `Matcher.recipient`); every other slot is found
# inside the text.
_APART = ("button", "ask", "funded", "polite", "recipient")
INLINE_SLOTS = (*(slot for slot in PHRASE_SLOTS if slot not in _APART), "platform")
_SLOT_INDEX = {slot: i for i, slot in enumerate(INLINE_SLOTS)}
_BUTTON_TRIM = " \t\"'“”‘’«»„()[]*•·|→←>»<✓✔❤♥️!.:,;?-–—"
_PLAIN_WORDS = frozenset(("ghost", "steady", "pix", "substack", "teaming", "match"))
_WORD_END = re.compile(r"[\w']*")
# Matched texts remembered (Matcher.seen): at most _SEEN_MAX of them, each at most
# _SEEN_CHARS long (a stem matches to the end of a word, and a hostile word never ends):
# a few MB at most.
_SEEN_MAX = 50_000
_SEEN_CHARS = 64
# Characters scanned table by table before both are built into one regex (two halves, see
# LazyStarts): its building (0.02 s for English, 0.15 s for every language) costs as much as
# a second scan of some 9 MB, this much costs under 0.01 s.
EITHER_AFTER = 1_000_000


class Lazy:
    """A trie regex built and compiled on first use: compiling the tables of ten languages
    is most of the stripper's first call, and an article with no ask needs one of them."""

    __slots__ = ("_compiled", "_phrases")

    def __init__(self, phrases: Iterable[str]) -> None:
        self._phrases = sorted(phrases)
        self._compiled: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            with collector_paused():
                self._compiled = re.compile(trie_regex(self._phrases))
        return self._compiled

    @property
    def compiled(self) -> bool:
        """The regex was built already."""
        return self._compiled is not None


class LazyStarts:
    """A separated trie regex (see trie_regex) built on first use as its two halves by the
    character before a phrase (see split_by_start): which phrases start where, not which
    phrases they are."""

    __slots__ = ("_compiled", "_phrases")

    def __init__(self, phrases: Iterable[str]) -> None:
        self._phrases = sorted(phrases)
        self._compiled: tuple[re.Pattern[str], re.Pattern[str]] | None = None

    @property
    def patterns(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        if self._compiled is None:
            with collector_paused():
                spaced, other = split_by_start(trie_regex(self._phrases, separated=True))
                self._compiled = (re.compile(spaced), re.compile(other))
        return self._compiled

    @property
    def compiled(self) -> bool:
        """The regexes were built already."""
        return self._compiled is not None


# compared and hashed by identity: one per set of languages (matcher_for), and a key of the
# caches of what a text reads as with it
@dataclass(frozen=True, slots=True, eq=False)
class Matcher:
    """The phrase tables of some languages, each compiled when first used."""

    languages: frozenset[str]  # the codes of the languages whose tables these are
    lazy_regex: Lazy  # every inline phrase of every slot
    slots: dict[str, tuple[int, ...]]  # phrase (a stem without "*") -> slot indices
    buttons: frozenset[str]  # whole-line button labels, every language
    lazy_asks: Lazy  # the precise asks of every language
    lazy_funded: Lazy  # the publisher's own funding, said of itself
    lazy_either: LazyStarts  # both of them in one, separated: which blocks hold any
    voices: dict[str, tuple[int, ...]]  # one-word reader and publisher phrases -> their slot
    polite: frozenset[str]  # words that may stand before an imperative, every language
    # an ask phrase -> the words that, right after it, name whom the gift goes to, in the
    # languages the phrase belongs to ("a" is "to" in Spanish, an article in English)
    recipients: dict[str, frozenset[str]]
    any_recipient: frozenset[str]  # for a phrase no table holds as written ("~" asks)
    # matched text -> (slots, voice slots): the same few phrases recur in every article
    seen: dict[str, tuple[tuple[int, ...], frozenset[int]]] = field(default_factory=dict)
    # characters scanned for asks table by table, before lazy_either is built (see ask_starts);
    # a list, so that the frozen table can count; a lost count between threads only moves
    # the switch to the one regex a little
    scanned: list[int] = field(default_factory=lambda: [0])

    def ask_starts(self, joined: str) -> list[int]:
        """Offsets where precise asks or funding phrases start in `joined`, blocks joined by
        newlines (no phrase crosses one). Every block that holds one gets an offset, which
        is all they tell: the union's scan takes the longest phrase, so which phrases they
        are is read later, block by block. Both tables in one scan once that regex has paid
        for its building (EITHER_AFTER characters); before, and so on a first call, each
        table is scanned on its own, as reading a block's asks compiles them anyway."""
        either = self.lazy_either
        if not either.compiled:
            self.scanned[0] += len(joined)
            if self.scanned[0] <= EITHER_AFTER:
                asks = [m.start() for m in self.lazy_asks.pattern.finditer(joined)]
                return asks + [m.start() for m in self.lazy_funded.pattern.finditer(joined)]
        # separated (see trie_regex): the newline in front, and each match starts one early;
        # in two scans by the character before the phrase (see split_by_start)
        text = "\n" + joined
        spaced, other = either.patterns
        return [m.start() for m in spaced.finditer(text)] + [
            m.start() for m in other.finditer(text)
        ]

    def find(self, low: str) -> list[tuple[int, tuple[int, ...]]]:
        """(offset, slot indices) of every phrase in lower-cased text, left to right."""
        return [(at, slots) for at, slots, _ in self.find_voiced(low)]

    def find_voiced(self, low: str) -> list[tuple[int, tuple[int, ...], frozenset[int]]]:
        """Every phrase's offset and slots, with the voice slots (reader, publisher) of the
        words inside it: the regex takes the longest phrase, so "if you value" (support)
        hides the "you" in it."""
        found = []
        seen = self.seen
        for m in self.lazy_regex.pattern.finditer(low):
            matched = m.group()
            known = seen.get(matched)
            if known is None:
                key = self._key(matched)
                known = (self.slots[key], self.voice_of(key))
                if len(seen) < _SEEN_MAX and len(matched) <= _SEEN_CHARS:
                    seen[matched] = known
            found.append((m.start(), *known))
        return found

    def voice_of(self, key: str) -> frozenset[int]:
        """The voice slots of a phrase's own words ("if you value" -> reader)."""
        return frozenset(slot for word in key.split() for slot in self.voices.get(word, ()))

    def asks(self, low: str) -> list[tuple[int, str, bool]]:
        """(offset, phrase, funded) of every precise ask in lower-cased text, left to right;
        `funded` marks the publisher's funding said of itself, which needs no "you"."""
        found = [(m.start(), m.group(), False) for m in self.lazy_asks.pattern.finditer(low)]
        found += [(m.start(), m.group(), True) for m in self.lazy_funded.pattern.finditer(low)]
        return sorted(found)

    def recipient(self, phrase: str, word: str) -> bool:
        """`word`, right after the ask `phrase`, names whom the gift goes to."""
        return word in self.recipients.get(phrase, self.any_recipient)

    def courtesy(self, words: str) -> bool:
        """The words before an ask are only courtesy ("please", "n'hésitez pas à")."""
        return " ".join(words.strip(" \t,!").split()) in self.polite

    def _key(self, matched: str) -> str:
        if matched in self.slots:
            return matched
        for end in range(len(matched) - 1, 0, -1):  # "donations" was matched by "donat*"
            if matched[:end] in self.slots:
                return matched[:end]
        raise KeyError(matched)  # the regex matches table phrases only

    def button(self, low: str) -> bool:
        """The whole line is a button label ("Donate now →", "Jetzt unterstützen")."""
        return button_label(low) in self.buttons


def button_label(low: str) -> str:
    """A lower-cased line as a button label: link marks, arrows and quotes trimmed."""
    return " ".join(LINK_MARK.sub("", low).strip(_BUTTON_TRIM).split())


@cache
def button_languages() -> dict[str, frozenset[str]]:
    """Every language's whole-line button labels, each with the languages it belongs to."""
    owners: dict[str, set[str]] = {}
    for code, lexicon in LANGUAGES.items():
        for phrase in _phrases(lexicon, "button"):
            owners.setdefault(phrase.rstrip("*"), set()).add(code)
    return {label: frozenset(codes) for label, codes in owners.items()}


def _phrases(lexicon: Lexicon, slot: str) -> Iterable[str]:
    for pattern in getattr(lexicon, slot):
        for phrase in expand(pattern.lower().replace("’", "'")):
            # a stem ends its phrase: "depend* on" would never match, so it becomes "depend*"
            star = phrase.find("*")
            yield phrase[: star + 1] if star != -1 else phrase


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while the tables are built. Building one allocates
    some hundred thousand tuples and lists, all kept, none cyclic garbage; the collector,
    woken every 700 of them, would walk them again and again: it was half the cost of a
    first call. It runs again afterwards (unless it was off before)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


# The matcher an article is being read with (see reading_with); none: every language's.
_ACTIVE: ContextVar[Matcher | None] = ContextVar("newsterm_strip_matcher", default=None)


def matcher() -> Matcher:
    """The tables the current article is read with: its languages' (see reading_with), or
    every registered language's outside an article."""
    return _ACTIVE.get() or matcher_for(frozenset(LANGUAGES))


@contextmanager
def reading_with(tables: Matcher) -> Iterator[None]:
    """Read with `tables` inside the block: the phrase lookups deep in reading.py and
    voice.py ask `matcher()`, and each thread (or task) reads its own article."""
    token = _ACTIVE.set(tables)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


@lru_cache(maxsize=16)
def matcher_for(codes: frozenset[str]) -> Matcher:
    """The tables of the registered languages among `codes`, built once per set: an
    article is read in English, English and one language, or every language (detect.py),
    eleven sets at most, so none is built twice."""
    with collector_paused():
        return _build(tuple(code for code in LANGUAGES if code in codes))


def _build(codes: tuple[str, ...]) -> Matcher:
    slots, asks, funded, polite = _tables(codes)
    recipients, every_recipient = _recipients(codes)
    keys: dict[str, set[int]] = {}
    for phrase, found in slots.items():  # "member" and "member*" share one key
        keys.setdefault(phrase.rstrip("*"), set()).update(found)
    stems = {phrase[:-1] for phrase in slots if phrase.endswith("*")}
    for phrase, found in keys.items():
        # the regex takes the longest phrase: "supporters" (meter) must keep what the stem
        # "support*" (support) would have said of the same word
        for end in range(len(phrase) - 1, 0, -1):
            if phrase[:end] in stems and _WORD_END.fullmatch(phrase, end):
                found.update(keys[phrase[:end]])
    frozen = {key: tuple(sorted(found)) for key, found in keys.items()}
    voice = {INLINE_SLOTS.index("reader"), INLINE_SLOTS.index("publisher")}
    voices = {
        key: tuple(sorted(set(found) & voice))
        for key, found in frozen.items()
        if " " not in key and set(found) & voice
    }
    return Matcher(
        frozenset(codes),
        Lazy(slots),
        frozen,
        _buttons(),
        Lazy(asks),
        Lazy(funded),
        LazyStarts(asks | funded),
        voices,
        frozenset(polite),
        recipients,
        every_recipient,
    )


def _recipients(codes: tuple[str, ...]) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """Each ask phrase's recipient words, from the languages that hold the phrase, and every
    registered language's together: for platforms, which are asks in every language, and
    for phrases no table holds as written ("~" asks)."""
    found: dict[str, set[str]] = {}
    for code in codes:
        language = language_tables(code)
        for phrase in language.asks:
            found.setdefault(phrase, set()).update(language.recipients)
    every = _every_recipient()
    for name in PLATFORMS:
        found.setdefault(name, set()).update(every)
    return {phrase: frozenset(words) for phrase, words in found.items()}, every


@dataclass(frozen=True, slots=True)
class _Language:
    """One language's phrases, expanded: inline ones with their slots, precise asks, the
    publisher's funding said of itself, the courtesy words before an ask, and the words
    naming whom a gift goes to."""

    slots: dict[str, set[int]]
    asks: frozenset[str]
    funded: frozenset[str]
    polite: frozenset[str]
    recipients: frozenset[str]


@cache
def _every_recipient() -> frozenset[str]:
    """Every language's recipient words: a platform's ask is an ask in any language."""
    return frozenset(
        phrase for lexicon in LANGUAGES.values() for phrase in _phrases(lexicon, "recipient")
    )


@cache
def language_tables(code: str) -> _Language:
    """One language's phrases expanded, once."""
    lexicon = LANGUAGES[code]
    slots: dict[str, set[int]] = {}
    for slot in PHRASE_SLOTS:
        if slot not in _APART:
            for phrase in _phrases(lexicon, slot):
                slots.setdefault(phrase, set()).add(_SLOT_INDEX[slot])
    return _Language(
        slots,
        frozenset(_phrases(lexicon, "ask")),
        frozenset(_phrases(lexicon, "funded")),
        frozenset(phrase.rstrip("*") for phrase in _phrases(lexicon, "polite")),
        frozenset(_phrases(lexicon, "recipient")),
    )


def _buttons() -> frozenset[str]:
    """Whole-line button labels of every language: a line is a button whatever language
    the article around it is in, and a set lookup costs nothing to build into a regex."""
    return frozenset(button_languages())


def _tables(codes: tuple[str, ...]) -> tuple[dict[str, set[int]], set[str], set[str], set[str]]:
    """The languages' phrases together: inline ones with their slots, precise asks, the
    publisher's funding said of itself, and the courtesy words before an ask."""
    slots: dict[str, set[int]] = {}
    polite: set[str] = set()
    asks: set[str] = set()
    funded: set[str] = set()
    for code in codes:
        language = language_tables(code)
        for phrase, found in language.slots.items():
            slots.setdefault(phrase, set()).update(found)
        asks |= language.asks
        funded |= language.funded
        polite |= language.polite
    # a platform readers pay through, named in the publisher's voice, is an ask ("join us on
    # Patreon"); the names that are also everyday words are not
    asks.update(name for name in PLATFORMS if name not in _PLAIN_WORDS)
    for name in PLATFORMS:
        slots.setdefault(name, set()).update((_SLOT_INDEX["platform"], _SLOT_INDEX["donate"]))
    return slots, asks, funded, polite
