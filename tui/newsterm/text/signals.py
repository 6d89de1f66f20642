"""Score one block's text for donation-appeal signals, in one regex pass.

All phrases of every language are compiled into a single trie-shaped regex; each match is
looked up in a table of (category, weight, kind). Paragraphs holding no key word of any
appeal phrase (most news) skip the scan (see prefilter.py). Wordings with words between
their parts, and whole-block button labels, come from clauses.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from newsterm.text.clauses import Clause, button_kind, find_clauses
from newsterm.text.patterns import expand, trie_regex
from newsterm.text.phrases import PHRASES
from newsterm.text.prefilter import KeySet, key_words, words_of

__all__ = ["ASIDE_SHARE", "BACKING", "TextEvidence", "text_evidence"]

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
# A sign-up for a newsletter with a name ("Sign up for the free Harbor Daily newsletter").
# Its name is in capitals: "subscribe to the idea that newsletters…" is no sign-up.
_NAMED_NEWSLETTER = re.compile(
    r"\b(?i:sign up|sign-up|subscribe|register)(?i: now| today| here)? (?i:for|to) "
    r"(?i:the|our|my) (?:(?:[A-Z0-9][\w'’&.-]*|free|daily|weekly|monthly|morning|evening|new) )"
    r"{0,5}?(?i:newsletters?|briefing|digest)\b"
)
_NEWSLETTER_WORDS = ("newsletter", "briefing", "digest")
_RECIPIENT = re.compile(
    r"\b(?:to|for|toward|towards|a|an|à|para)\s+(?:a|an|the|your|local|their|other|la|una|"
    r"die|eine|einen|une|l'|o|uma)\s+(?:\w+\s+)?(?:charit(?:y|ies)|non-?profits?|food banks?|"
    r"shelters?|churche?s?|mosques?|synagogues?|hospitals?|causes?|relief funds?|candidates?|"
    r"foundations?|organi[sz]ations?|fundación|asociación|ong|stiftung|organisation|tafel|"
    r"association|fondation|instituição|fundação|campanha|campaña)\b"
    # giving to many ("donate to nonprofit newsrooms"): not to the publisher alone
    r"|\b(?:donate|give|contribute|donating|giving)\s+to\s+(?:\w+\s+)?(?:newsrooms|charities|"
    r"non-?profits|causes|organi[sz]ations|groups)\b"
)
_MONEY_HINTS = ("$", "€", "£", "euro", "dollar", "reais")
# Giving to someone the text names ("please give to St. Jude"): their cause, not the publisher's.
_NAMED_RECIPIENT = re.compile(
    r"\b(?:[Gg]ive|[Dd]onate|[Dd]onating|[Gg]iving|[Cc]ontribute|[Ss]end)\b"
    r"(?: [a-z$\d][\w$.,]*){0,3}? to (?:the )?(?!Us\b|Our\b|Me\b|My\b|This\b|Your\b)[A-Z]"
)
ASIDE_SHARE = 0.4  # asks in less of a several-sentence block than this: mostly article
BACKING = 1.0  # money words that make a lone ask verb an appeal: one strong or two weak ones
# Kinds of ask and of backing word that go together: a sign-up verb and "newsletter", say.
_FAMILY = {
    "donation": "donation",
    "membership": "membership",
    "subscription": "news",
    "newsletter": "news",
}
_SHORT_WORDS = 40  # a newsletter box is short; a longer text about email is an article
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»|„[^“”]*[“”]")
# 'single quotes' as news quotes them ("'Please give what you can,' she said"): an opening
# quote after a space or the start, apostrophes only inside words ("can't"), a closing quote
# next to the punctuation that ends the quote ("…you,'" or "…you',"); "'90s" opens nothing
_SINGLE_QUOTED = re.compile(
    r"(?:^|(?<=[\s(\[:—–]))['‘](?=\w)(?:[^'‘’\n]|(?<=\w)['’](?=\w))*?"
    r"(?:[.,!?…]['’]|['’](?=[,.;:!?—–]))"
)
# a whole sentence before ", the sign read" or ", the email urged": someone else's words
_INVERTED = re.compile(
    r"^([^,.!?\n]{3,80}),\s+(?:the|a|an|his|her|their|its|one)\s+(?:(?!that|which|who)[\w'-]+\s+)"
    r"{0,6}?(?:read|reads|said|says|urged|asked|declared|proclaimed|promised)\b"
)
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
    button: bool = False  # the whole text is a button's label ("S'inscrire", "Assinar")
    lead: float = 0.0
    report: float = 0.0  # attribution and reporting (negative)
    third: float = 0.0  # third parties giving or raising money (negative)
    appeal_share: float = 1.0  # share of the text in sentences carrying signals
    # the same share for any text of several sentences (1.0 for a single sentence): under
    # ASIDE_SHARE, the ask is an aside in a block that is mostly article
    ask_share: float = 1.0
    kin: bool = False  # a backing word of the ask's own kind ("Sign up" + "newsletter")
    soft: float = 0.0  # soft asks left out for want of money or membership words beside them
    backing: float = 0.0  # money and membership words other than the ask verbs themselves
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
    soft: bool  # an ask only with backing (see phrases.py)
    backs: float  # money words that back an ask (the ask's own verb never backs itself)
    news: bool  # sign-up, subscription or newsletter vocabulary


class _Entries(dict[str, _Entry]):
    """What each phrase means, worked out on its first match: most phrases never match."""

    def __init__(self, infos: dict[str, tuple[tuple[str, float, str], ...]]) -> None:
        super().__init__()
        self.infos = infos  # phrase (a stem without its "*") -> (category, weight, kind)...

    def __missing__(self, phrase: str) -> _Entry:
        entry = self[phrase] = _phrase_entry(phrase, self.infos[phrase])
        return entry


@dataclass(frozen=True, slots=True)
class _Tables:
    """Everything compiled from the phrase tables."""

    regex: re.Pattern[str]
    entries: _Entries
    keys: KeySet  # a paragraph holding none of these keys matches no appeal phrase
    report_keys: KeySet


@cache
def _tables() -> _Tables:
    """Compile the phrase tables; done once, on first use (~0.1 s: the regex compile)."""
    infos: dict[str, list[tuple[str, float, str]]] = {}
    phrases: set[str] = set()
    keys: set[tuple[bytes, ...]] = set()
    report_keys: set[tuple[bytes, ...]] = set()
    for category, weight, kind, pattern in PHRASES:
        plain = category in _PLAIN
        for phrase in expand(pattern):
            phrases.add(phrase)
            # a stem ("newsletter*") and a phrase of the same words share their table key
            infos.setdefault(phrase.rstrip("*"), []).append((category, weight, kind))
            if not plain:
                keys |= key_words(phrase)
            elif category == "report":
                report_keys |= key_words(phrase)
    regex = re.compile(trie_regex(sorted(phrases)))
    frozen = {phrase: tuple(found) for phrase, found in infos.items()}
    return _Tables(regex, _Entries(frozen), KeySet(keys), KeySet(report_keys))


def _phrase_entry(phrase: str, found: tuple[tuple[str, float, str], ...]) -> _Entry:
    """The meaning of one table phrase."""
    words = phrase.split()
    parts = set(re.split(r"[\s-]+", phrase))
    longer = len(words) > 1 or len(parts) > 1
    you = int(longer and not _YOU_WORDS.isdisjoint(parts))
    we = int(longer and not _WE_WORDS.isdisjoint(parts))
    categories = {category for category, _, _ in found}
    asks = bool(categories & {"ask", "imp", "soft"})
    return _Entry(
        found,
        you,
        we,
        "us" in words,
        any(category == "report" for category, _, _ in found),
        words[0] in _IMPERATIVES or (len(words) > 1 and words[1] in ("sie", "du")),
        all(c in _PLAIN for c, _, _ in found) and not (you or we or "us" in words),
        "soft" in categories,
        0.0 if asks else sum(w for c, w, _ in found if c == "money"),
        any(
            c in ("ask", "imp", "money") and k in ("newsletter", "subscription")
            for c, _, k in found
        ),
    )


def _entry(category: str, weight: float, kind: str, *, imperative: bool = False) -> _Entry:
    """The meaning of a match found outside the phrase tables."""
    news = kind in ("newsletter", "subscription")
    return _Entry(
        ((category, weight, kind),), 0, 0, False, False, imperative, False, False, 0.0, news
    )


@cache
def _clause_entry(clause: Clause) -> _Entry:
    return _entry(clause.category, clause.weight, clause.kind, imperative=clause.opening)


_BUTTON_CHARS = 60  # button labels are short ("Share The Margin", "Jetzt anmelden")
_BUTTON_ENTRIES = {
    kind: _entry("imp", 2.0, kind, imperative=True)
    for kind in ("promotion", "subscription", "newsletter")
}


def _key(infos: dict[str, tuple[tuple[str, float, str], ...]], matched: str) -> str:
    """The table key of a matched phrase: itself, or the stem it was matched by."""
    if matched in infos:
        return matched
    for end in range(len(matched) - 1, 0, -1):  # "newsletters" was matched by "newsletter*"
        if matched[:end] in infos:
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


def text_evidence(text: str, *, backed: bool = False) -> TextEvidence:
    """Score the words of one block (the result may be shared: treat it as read-only);
    `backed`: the block's link or markup marks an appeal, so soft asks count as asks."""
    if len(text) > _CACHE_TEXT_LIMIT:
        return _evidence(text, backed)
    return _cached_evidence(text, backed)


@lru_cache(maxsize=4096)  # feeds repeat their appeals and footers in every article
def _cached_evidence(text: str, backed: bool) -> TextEvidence:
    return _evidence(text, backed)


def _evidence(text: str, backed: bool = False) -> TextEvidence:
    tables = _tables()
    low = text.lower().replace("’", "'")
    words = words_of(low)
    keyed = tables.keys.any_in(words)
    clauses = find_clauses(low, words)
    button = button_kind(text) if len(text) <= _BUTTON_CHARS else ""
    if not (keyed or clauses or button):
        return _light_evidence(words, tables)
    table = tables.entries
    matches = []
    if keyed:
        infos = table.infos
        matches = [(m.start(), m.end(), _key(infos, m.group())) for m in tables.regex.finditer(low)]
    if not (clauses or button):
        if not matches:
            return _NOTHING
        if all(table[p].plain for _, _, p in matches):
            return _plain_evidence([table[p] for _, _, p in matches])
    ev = TextEvidence()
    quoted: list[tuple[int, int]] = []
    if any(table[p].report for _, _, p in matches):
        quoted = [(q.start(), q.end()) for q in _QUOTED.finditer(text)]
        if "'" in low:
            quoted += [(q.start(), q.end()) for q in _SINGLE_QUOTED.finditer(text)]
    if "," in low:  # "Donate now, the banner read": words quoted without quotation marks
        quoted += [(0, q.end(1)) for q in _INVERTED.finditer(low)]
    sums: dict[str, float] = {}
    hot: list[int] = []  # match positions that carry appeal signals
    best = 0.0
    running = text.count(" ") > 12  # running text, where a Title Case phrase is a name
    soft: list[tuple[int, int, _Entry]] = []  # decided once the whole text is seen
    backing = 0.0
    news = False
    kinds: set[str] = set()  # kinds of the backing words
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
        if entry.backs:
            backing += entry.backs
            kinds.update(_FAMILY.get(k, k) for c, _, k in entry.infos if c == "money")
        news = news or entry.news
        if entry.soft:
            soft.append((start, end, entry))
            continue
        best = _apply(ev, sums, hot, entry, (text, low, start, end), best)
    voiced: list[tuple[int, int, Clause]] = []  # decided once the whole text is seen
    for clause, start, end in clauses:
        if quoted and any(a <= start < b for a, b in quoted):
            continue
        if clause.opening and not _imperative(low, start):
            continue
        if clause.voiced:
            voiced.append((start, end, clause))
            continue
        best = _apply(ev, sums, hot, _clause_entry(clause), (text, low, start, end), best)
    if button:  # the whole block is a button label: an ask in the imperative
        entry = _BUTTON_ENTRIES[button]
        best = _apply(ev, sums, hot, entry, (text, low, 0, len(text)), best)
        ev.button = True
    # money and deadlines back an ask only in its own sentence or the next to it ("$2m
    # short" in a news sentence three lines up backs nothing)
    anchors = [*hot, *(s for s, _, _ in soft), *(s for s, _, _ in voiced)]
    if any(c in low for c in _MONEY_HINTS) and _near(low, _MONEY, anchors):
        sums["money"] = sums.get("money", 0.0) + 0.5
        backing += 0.5
        kinds.add("donation")
    if any(w in low for w in _NEWSLETTER_WORDS) and (named := _NAMED_NEWSLETTER.search(text)):
        ev.phrase_ask += 3.0
        sums["ask"] = sums.get("ask", 0.0) + 3.0
        hot.append(named.start())
        if best < 3.0:
            best, ev.kind, ev.cue = 3.0, "newsletter", text[named.start() : named.end()]
        ev.imperative = ev.imperative or _imperative(low, named.start())
    if ("next" in low or "%" in low) and (deadline := _near(low, _DEADLINE, anchors)):
        sums["urge"] = sums.get("urge", 0.0) + 1.0
        hot.append(deadline.start())
    # a phrase ask needs one money or membership word; a lone verb needs more (strip.py)
    general = backing > 0 or ev.phrase_ask > 0 or "self" in sums or "urge" in sums
    short = text.count(" ") < _SHORT_WORDS
    for start, end, entry in soft:
        _, weight, kind = next(info for info in entry.infos if info[0] == "soft")
        # "your email" is a sign-up box only beside sign-up words, in a short block
        if backed or (news and short if kind == "newsletter" else general):
            best = _apply(ev, sums, hot, entry, (text, low, start, end), best)
        else:
            ev.soft += weight
    # "…is funded by its readers" is the publisher's pitch when it also speaks as itself or to
    # the reader ("no ads", "you"); alone it may be news about a co-op or a club
    voice = backed or ev.you or ev.imperative or ev.phrase_ask or "self" in sums or "urge" in sums
    for start, end, clause in voiced:
        if voice:
            best = _apply(ev, sums, hot, _clause_entry(clause), (text, low, start, end), best)
        else:
            ev.soft += clause.weight
    if _RECIPIENT.search(low) or (" to " in text and _NAMED_RECIPIENT.search(text)):
        sums["third"] = sums.get("third", 0.0) - 1.5  # someone else's cause
    for category, cap in _CAPS.items():
        if category in sums:
            sums[category] = min(sums[category], cap)
    for category, floor in _FLOORS.items():
        if category in sums:
            sums[category] = max(sums[category], floor)
    ev.sums = sums
    ev.backing = backing
    ev.kin = _FAMILY.get(ev.kind, "") in kinds
    ev.ask = sums.get("ask", 0.0)
    ev.self_ref = sums.get("self", 0.0)
    ev.lead = sums.get("lead", 0.0)
    ev.report = sums.get("report", 0.0)
    ev.third = sums.get("third", 0.0)
    ev.score = sum(sums.values()) + min(ev.you * 0.5, 1.5) + min(ev.we * 0.5, 1.0)
    if len(text) > 320 and hot:
        ev.appeal_share = _share(text, hot)
    if hot and len(text) > _ARTICLE_CHARS and _SEVERAL.search(text):
        share = _share(text, hot, _FULL_SENTENCE)
        if (1.0 - share) * len(text) >= _ARTICLE_CHARS:  # article enough to stand alone
            ev.ask_share = share
    return ev


_SEVERAL = re.compile(r"[.!?]\s+\S[^.!?]*[.!?]\s+\S")  # three sentences or more
# a sentence ends at a stop followed by a space ("example.org/signup" does not end one)
_FULL_SENTENCE = re.compile(r"(?:[^.!?\n]|[.!?](?=\S))+(?:[.!?]+|\n|$)")
_ARTICLE_CHARS = 150  # the article part of a block that keeps its aside ask


def _near(low: str, regex: re.Pattern[str], anchors: list[int]) -> re.Match[str] | None:
    """The first match of regex in or next to a sentence holding an anchor (an ask's
    position); any match when there is no anchor or only one or two sentences."""
    if not anchors or not _SEVERAL.search(low):
        return regex.search(low)
    spans = [m.span() for m in _FULL_SENTENCE.finditer(low)]
    if not spans:
        return regex.search(low)
    marked = {_sentence_index(spans, a) for a in anchors}
    for m in regex.finditer(low):
        i = _sentence_index(spans, m.start())
        if i in marked or i - 1 in marked or i + 1 in marked:
            return m
    return None


def _sentence_index(spans: list[tuple[int, int]], pos: int) -> int:
    for i, (_, end) in enumerate(spans):
        if pos < end:
            return i
    return len(spans) - 1


def _apply(
    ev: TextEvidence,
    sums: dict[str, float],
    hot: list[int],
    entry: _Entry,
    match: tuple[str, str, int, int],
    best: float,
) -> float:
    """Add one matched phrase (text, lower-cased text, start, end) to the evidence; returns
    the weight of the strongest ask so far."""
    text, low, start, end = match
    for category, weight, kind in entry.infos:
        if category == "imp":
            if not _imperative(low, start):
                continue
            category = "ask"
            ev.imperative = True
        elif category in ("ask", "soft"):
            category = "ask"
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
    return best


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


def _share(text: str, hot: list[int], sentence: re.Pattern[str] = _SENTENCE) -> float:
    """The share of the text (by characters) in sentences holding a signal."""
    covered = 0
    spots = iter(sorted(hot))
    spot = next(spots, None)
    for m in sentence.finditer(text):
        if spot is not None and spot < m.end():
            covered += m.end() - m.start()
            while spot is not None and spot < m.end():
                spot = next(spots, None)
    return covered / max(len(text), 1)
