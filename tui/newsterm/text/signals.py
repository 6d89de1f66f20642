"""Score one block's text for donation-appeal signals, in one regex pass.

All phrases of every language are compiled into a single trie-shaped regex; each match is
looked up in a table of (category, weight, kind). Paragraphs holding no key word of any
appeal phrase (most news) skip the scan (see prefilter.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from newsterm.text.patterns import expand, trie_regex
from newsterm.text.phrases import PHRASES
from newsterm.text.prefilter import KeySet, key_words, words_of

__all__ = ["TextEvidence", "text_evidence"]

_YOU = (
    "you your yours you're you've you'll you'd yourself tú tu tus te ti usted ustedes "
    "vosotros vous votre vos toi dein deine dir dich euch ihnen você vocês"
)
_WE = (
    "we our ours us we're we've we'll nosotros nuestro nuestra nuestros nuestras nous notre "
    "nos wir uns unser unsere unseren nós nosso nossa nossos nossas"
)
_YOU_WORDS = frozenset(_YOU.split())
_WE_WORDS = frozenset(_WE.split())
_YOU_BYTES = frozenset(w.encode() for w in _YOU_WORDS if "'" not in w)
_WE_BYTES = frozenset(w.encode() for w in _WE_WORDS if "'" not in w and w != "us")
# Imperatives that cannot be anything else (unlike English "donate"): they address the reader.
_IMPERATIVES = frozenset(
    str.split(
        "colaborá sumate apoyá doná suscribite asociate hacete "
        "please je faites soutenez soutiens devenez deviens abonnez-vous inscrivez-vous abonne-toi "
        "inscris-toi recevez donnez contribuez participez haz hazte házte hágase apóyanos "
        "apoyanos ayúdanos ayudanos súmate sumate suscríbete suscribete suscríbase recibe "
        "apúntate apuntate regístrate registrate únete unete faça apoie seja torne-se contribua "
        "colabore assine inscreva-se cadastre-se receba werde werdet jetzt"
    )
)
_PLAIN = frozenset(("you", "we", "report", "third", "none"))
_HOT = frozenset(("ask", "self", "lead", "urge", "you"))  # signals that make a sentence an ask
_SENTENCE_END = ".!?:;\n–—•|»>)"
_PLEASE = ("please", "por favor", "bitte", "s'il vous plaît", "por favor,")
_MONEY = re.compile(r"[$€£]\s?\d|\d\s?(?:€|\$|£)|\b\d+\s?(?:euros?|dollars|reais)\b|r\$\s?\d")
_DEADLINE = re.compile(r"\b(?:in|within) the next \d+ (?:hours|days)\b|\b\d+% off\b")
_RECIPIENT = re.compile(
    r"\b(?:to|for|toward|towards|a|an|à|para)\s+(?:a|an|the|your|local|their|other|la|una|"
    r"die|eine|einen|une|l'|o|uma)\s+(?:\w+\s+)?(?:charit(?:y|ies)|non-?profits?|food banks?|"
    r"shelters?|churche?s?|mosques?|synagogues?|hospitals?|causes?|relief funds?|candidates?|"
    r"foundations?|organi[sz]ations?|fundación|asociación|ong|stiftung|organisation|tafel|"
    r"association|fondation|instituição|fundação|campanha|campaña)\b"
)
_MONEY_HINTS = ("$", "€", "£", "euro", "dollar", "reais")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»|„[^“”]*[“”]")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
_CAPS = {"ask": 7.0, "self": 3.0, "money": 2.0, "urge": 2.0, "lead": 1.5}
_FLOORS = {"report": -3.0, "third": -2.0}


@dataclass(slots=True)
class TextEvidence:
    """What the words of one block say (before markup, links and position)."""

    score: float = 0.0  # weighted sum of all text signals
    ask: float = 0.0  # summed weight of asks (including imperatives)
    kind: str = ""  # donation / membership / subscription / newsletter
    cue: str = ""  # the strongest ask phrase, for the reason
    you: int = 0  # words addressing the reader
    we: int = 0  # first person plural
    self_ref: float = 0.0  # the publisher speaking of itself
    imperative: bool = False  # an ask in the imperative
    phrase_ask: float = 0.0  # asks from whole phrases, not a lone imperative verb
    lead: float = 0.0
    report: float = 0.0  # attribution and reporting (negative)
    third: float = 0.0  # third parties giving or raising money (negative)
    appeal_share: float = 1.0  # share of the text in sentences carrying signals
    sums: dict[str, float] = field(default_factory=dict)

    @property
    def positive(self) -> float:
        """Appeal signals other than bare pronouns."""
        return sum(v for k, v in self.sums.items() if v > 0)

    @property
    def directed(self) -> bool:
        """The text speaks to the reader or as the publisher."""
        return self.you > 0 or self.we > 0 or self.self_ref > 0 or self.imperative


@dataclass(frozen=True, slots=True)
class _Entry:
    """What one matched phrase means."""

    infos: tuple[tuple[str, float, str], ...]  # (category, weight, kind)
    you: int  # reader-addressing pronouns inside a longer phrase
    we: int
    us: bool  # holds the word "us" (which could be the United States)
    report: bool
    imperative: bool  # an unambiguous imperative: it addresses the reader
    plain: bool  # only pronouns, reporting or third parties: no appeal signal at all


@dataclass(frozen=True, slots=True)
class _Tables:
    """Everything compiled from the phrase tables."""

    regex: re.Pattern[str]
    entries: dict[str, _Entry]
    keys: KeySet  # a paragraph holding none of these keys matches no appeal phrase
    report_keys: KeySet


@cache
def _tables() -> _Tables:
    """Compile the phrase tables; done once, on first use (~0.2 s)."""
    infos: dict[str, list[tuple[str, float, str]]] = {}
    phrases: set[str] = set()
    keys: set[tuple[bytes, ...]] = set()
    report_keys: set[tuple[bytes, ...]] = set()
    for category, weight, kind, pattern in PHRASES:
        for phrase in expand(pattern):
            phrases.add(phrase)
            infos.setdefault(phrase.rstrip("*"), []).append((category, weight, kind))
            if category not in _PLAIN:
                keys |= key_words(phrase)
            elif category == "report":
                report_keys |= key_words(phrase)
    table = {}
    for phrase, found in infos.items():
        words = phrase.split()
        parts = set(re.split(r"[\s-]+", phrase))
        longer = len(words) > 1 or len(parts) > 1
        you = int(longer and not _YOU_WORDS.isdisjoint(parts))
        we = int(longer and not _WE_WORDS.isdisjoint(parts))
        table[phrase] = _Entry(
            tuple(found),
            you,
            we,
            "us" in words,
            any(category == "report" for category, _, _ in found),
            words[0] in _IMPERATIVES or (len(words) > 1 and words[1] in ("sie", "du")),
            all(c in _PLAIN for c, _, _ in found) and not (you or we or "us" in words),
        )
    regex = re.compile(trie_regex(sorted(phrases)))
    return _Tables(regex, table, KeySet(keys), KeySet(report_keys))


def _key(table: dict[str, _Entry], matched: str) -> str:
    """The table key of a matched phrase: itself, or the stem it was matched by."""
    if matched in table:
        return matched
    for end in range(len(matched) - 1, 0, -1):  # "newsletters" was matched by "newsletter*"
        if matched[:end] in table:
            return matched[:end]
    raise KeyError(matched)  # the regex only matches table phrases


def _imperative(low: str, start: int) -> bool:
    """True when the word at start opens a sentence or follows "please"."""
    j = start
    while j > 0 and low[j - 1] in " \t\"'“‘(*_":
        j -= 1
    if j == 0 or low[j - 1] in _SENTENCE_END:
        return True
    return low[max(0, j - 16) : j].rstrip(" ,").endswith(_PLEASE)


def _is_name(words: str) -> bool:
    """Title Case beyond the first word ("Buy Me a Coffee", "Readers Like You Fund")."""
    if words.isupper():
        return False
    rest = words.split()[1:]
    capitals = sum(w[:1].isupper() for w in rest)
    return capitals >= 2 and all(w[:1].isupper() for w in rest if len(w) > 3)


_NOTHING = TextEvidence()
_CACHE_TEXT_LIMIT = 2_000  # long texts are rarely repeated; keep the cache small


def text_evidence(text: str) -> TextEvidence:
    """Score the words of one block (the result may be shared: treat it as read-only)."""
    return _cached_evidence(text) if len(text) <= _CACHE_TEXT_LIMIT else _evidence(text)


@lru_cache(maxsize=4096)  # feeds repeat their appeals and footers in every article
def _cached_evidence(text: str) -> TextEvidence:
    return _evidence(text)


def _evidence(text: str) -> TextEvidence:
    tables = _tables()
    low = text.lower().replace("’", "'")
    words = words_of(low)
    if not tables.keys.any_in(words):
        return _light_evidence(words, tables)
    table = tables.entries
    matches = [(m.start(), m.end(), _key(table, m.group())) for m in tables.regex.finditer(low)]
    if not matches:
        return _NOTHING
    if all(table[p].plain for _, _, p in matches):
        return _plain_evidence([table[p] for _, _, p in matches])
    ev = TextEvidence()
    quoted: list[tuple[int, int]] = []
    if any(table[p].report for _, _, p in matches):
        quoted = [(q.start(), q.end()) for q in _QUOTED.finditer(text)]
    sums: dict[str, float] = {}
    hot: list[int] = []  # match positions that carry appeal signals
    best = 0.0
    running = text.count(" ") > 12  # running text, where a Title Case phrase is a name
    for start, end, phrase in matches:
        if quoted and any(a <= start < b for a, b in quoted):
            continue  # someone else's words, reported
        entry = table[phrase]
        if running and " " in phrase and _is_name(text[start:end]):
            continue  # "Buy Me a Coffee charges 5%": a company, not an ask
        if entry.us and "US" in text[start:end]:
            continue  # the United States, not the publisher
        ev.you += entry.you
        ev.we += entry.we
        for category, weight, kind in entry.infos:
            if category == "imp":
                if not _imperative(low, start):
                    continue
                category = "ask"
                ev.imperative = True
            elif category == "ask":
                ev.phrase_ask += weight
            if category == "ask":
                if weight > best:
                    best, ev.kind, ev.cue = weight, kind, text[start:end]
                if entry.imperative or _imperative(low, start):
                    ev.imperative = True
            if category == "you":
                ev.you += 1
            elif category == "we":
                ev.we += 1
            else:
                sums[category] = sums.get(category, 0.0) + weight
            if category in _HOT:
                hot.append(start)
    if any(c in low for c in _MONEY_HINTS) and _MONEY.search(low):
        sums["money"] = sums.get("money", 0.0) + 0.5
    if _RECIPIENT.search(low):  # giving to a charity, a campaign: someone else's cause
        sums["third"] = sums.get("third", 0.0) - 1.5
    if ("next" in low or "%" in low) and (deadline := _DEADLINE.search(low)):
        sums["urge"] = sums.get("urge", 0.0) + 1.0
        hot.append(deadline.start())
    for category, cap in _CAPS.items():
        if category in sums:
            sums[category] = min(sums[category], cap)
    for category, floor in _FLOORS.items():
        if category in sums:
            sums[category] = max(sums[category], floor)
    ev.sums = sums
    ev.ask = sums.get("ask", 0.0)
    ev.self_ref = sums.get("self", 0.0)
    ev.lead = sums.get("lead", 0.0)
    ev.report = sums.get("report", 0.0)
    ev.third = sums.get("third", 0.0)
    ev.score = sum(sums.values()) + min(ev.you * 0.5, 1.5) + min(ev.we * 0.5, 1.0)
    if len(text) > 320 and hot:
        ev.appeal_share = _share(text, hot)
    return ev


def _light_evidence(words: set[bytes], tables: _Tables) -> TextEvidence:
    """No appeal phrase can match: only note whether the reader is addressed, and by whom."""
    you = int(not _YOU_BYTES.isdisjoint(words))
    we = int(not _WE_BYTES.isdisjoint(words))
    report = -1.5 if tables.report_keys.any_in(words) else 0.0
    if not (you or we or report):
        return _NOTHING
    if report:  # pronouns next to attribution are most likely quoted
        you = we = 0
    score = report + 0.5 * (you + we)
    sums = {"report": report} if report else {}
    return TextEvidence(score=score, you=you, we=we, report=report, sums=sums)


def _plain_evidence(entries: list[_Entry]) -> TextEvidence:
    """The common case of news text: pronouns, attribution and third parties only."""
    sums: dict[str, float] = {}
    you = we = 0
    for entry in entries:
        for category, weight, _ in entry.infos:
            if category == "you":
                you += 1
            elif category == "we":
                we += 1
            else:
                sums[category] = sums.get(category, 0.0) + weight
    report = max(sums.get("report", 0.0), _FLOORS["report"])
    third = max(sums.get("third", 0.0), _FLOORS["third"])
    if report:  # pronouns next to attribution are most likely quoted
        you = we = 0
    score = report + third + min(you * 0.5, 1.5) + min(we * 0.5, 1.0)
    return TextEvidence(score=score, you=you, we=we, report=report, third=third, sums=sums)


def _share(text: str, hot: list[int]) -> float:
    """The share of the text (by characters) in sentences holding a signal."""
    covered = 0
    spots = iter(sorted(hot))
    spot = next(spots, None)
    for m in _SENTENCE.finditer(text):
        if spot is not None and spot < m.end():
            covered += m.end() - m.start()
            while spot is not None and spot < m.end():
                spot = next(spots, None)
    return covered / max(len(text), 1)
