"""Everything one block shows about being an appeal: its words, links, markup and place."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from newsterm.text.html import Block
from newsterm.text.signals import TextEvidence, text_evidence

__all__ = ["SEED_SCORE", "BlockEvidence", "Evaluator"]

_NO_TEXT = TextEvidence()
SEED_SCORE = 4.0  # a block scoring this much, with an ask and addressed to the reader, goes

_PLATFORMS = {
    "donorbox.org": "donation",
    "actblue.com": "donation",
    "givebutter.com": "donation",
    "patreon.com": "membership",
    "ko-fi.com": "donation",
    "buymeacoffee.com": "donation",
    "paypal.me": "donation",
    "fundraiseup.com": "donation",
    "newsmatch.org": "donation",
    "fundjournalism.org": "donation",
    "givelively.org": "donation",
    "classy.org": "donation",
    "every.org": "donation",
    "donorperfect.net": "donation",
    "networkforgood.com": "donation",
    "steadyhq.com": "membership",
    "liberapay.com": "donation",
    "opencollective.com": "donation",
    "memberful.com": "membership",
    "tipeee.com": "donation",
    "helloasso.com": "donation",
    "apoia.se": "donation",
    "catarse.me": "donation",
    "betterplace.org": "donation",
    "donately.com": "donation",
    "kindful.com": "donation",
    "anedot.com": "donation",
    "press-patron.com": "donation",
}
_PATH = re.compile(
    r"/(donat\w*|donar|dona|donaciones|doar|doacao|doacoes|doe|don|dons|faire-un-don|give|"
    r"giving|contribute|contribution|support-us|support-our-\w+|support|members?|membership|"
    r"join|join-us|become-a-member|subscribe\w*|subscriptions?|newsletters?|sign-?up|"
    r"spenden?|unterstuetzen|unterstutzen|foerdern|mitglied\w*|abo|abonn\w+|soutenir|soutien|"
    r"apoie|apoiar|apoya|assine|assinatura|suscri\w+|hazte-socio|socios?|colabora|checkout|"
    r"boletin|boletines|infolettres?|"
    r"fundraising|paywall|givingtuesday|giving-tuesday)(?=[/?#._-]|$)"
)
# Host names of donation pages ("support." is left out: it is mostly a help desk).
_HOST_WORDS = frozenset(
    str.split("donate donations give giving join members membership subscribe spenden doar donar")
)
_QUERY = re.compile(
    r"utm_(?:campaign|source|medium|content)=[^&#]*(?:donat|support|member|appeal|fundrais|"
    r"giving|subscri|newsletter|eoy|year-?end|spend|don-)"
)
# A newsletter platform's "share this publication" button (…?action=share, utm_content=share).
_SHARE = re.compile(r"(?:^|&)(?:action=share|utm_content=share)(?:&|$)")
_SLUG = re.compile(r"[^a-z0-9]+")
_TEXT_URL = re.compile(r"\b[\w-]+(?:\.[\w-]+)+/[^\s\"'<>)\]]+")
_HINT_STRONG = re.compile(
    r"donat|donor|appeal|fundrais|support-?us|supportus|support-(?:box|banner|cta|module)|"
    r"membership|become-?a-?member|paywall|patreon|ko-?fi|spende|soutien|doacao|donacion|"
    r"give-?now|tip-?jar|reader-?revenue|contribut|newsmatch"
)
_HINT_MEDIUM = re.compile(
    r"newsletter|subscri|support|sign-?up|opt-?in|email-input|mailchimp|mc4wp|convertkit|promo|"
    r"(?:^|[\s_-])cta(?:$|[\s_-])|callout|engagement|(?:^|\s)form\s|member|inline-ask|"
    r"tp-container|piano"
)


def _path_kind(word: str) -> tuple[float, str]:
    """How strongly a link path word marks an appeal, and of which kind."""
    if word.startswith(("subscri", "suscri", "abo", "assin", "checkout", "paywall")):
        return 2.0, "subscription"
    if word.startswith(("newsletter", "sign", "boletin", "infolettre")):
        return 2.0, "newsletter"
    if word.startswith(("member", "mitglied", "socio", "hazte", "join", "become")):
        return 2.0, "membership"
    if word == "support":
        return 1.5, "donation"  # also help desks
    return 2.5, "donation"


@dataclass(slots=True)
class BlockEvidence:
    """A block's total appeal score and what it rests on."""

    text: TextEvidence
    score: float
    link: float
    link_kind: str
    link_cue: str
    hint: float
    words: int
    link_written: bool = False  # the link is an address written out in the text, no <a>

    @property
    def kind(self) -> str:
        """What the block asks for."""
        return self.text.kind or self.link_kind or "donation"


class Evaluator:
    """Scores blocks of one article; caches link and hint verdicts across its blocks."""

    def __init__(self, blocks: tuple[Block, ...], base_url: str) -> None:
        self.blocks = blocks
        self.base_host = _host(base_url)
        self.links: dict[str, tuple[float, str, str]] = {}
        self.hints: dict[str, float] = {}
        self.cache: dict[int, BlockEvidence] = {}
        content = [i for i, b in enumerate(blocks) if b.kind not in ("rule", "image")]
        self.edges = set(content[:1] + content[-2:])  # where banners live

    def __getitem__(self, index: int) -> BlockEvidence:
        ev = self.cache.get(index)
        if ev is None:
            ev = self.cache[index] = self._evaluate(index)
        return ev

    def _evaluate(self, index: int) -> BlockEvidence:
        block = self.blocks[index]
        link, link_kind, link_cue = 0.0, "", ""
        hrefs = block.hrefs
        written = False
        if "/" in block.text and not hrefs:  # "visit example.org/donate" written out
            hrefs = tuple("https://" + m.group() for m in _TEXT_URL.finditer(block.text))
            written = bool(hrefs)
        for href in hrefs:
            weight, kind, cue = self._link(href)
            if weight > link:
                link, link_kind, link_cue = weight, kind, cue
        hint = self.hint_score(block.hint) if block.hint else 0.0
        if hint and len(block.text) <= 60:
            hint = self.hint_score(_own_words_out(block.hint, block.text))
        if block.kind in ("pre", "table", "rule") or not block.text:
            text = _NO_TEXT  # code, data and rules are never appeals by their words
        else:
            text = text_evidence(block.text)
            if text.soft and (link >= 1.5 or hint):  # "help us keep going" + /donate
                text = text_evidence(block.text, backed=True)
        words = block.text.count(" ") + 1
        score = text.score + link
        if text.score > 0 or link:
            score += hint
            if text.ask or link:
                if words <= 12:
                    score += 0.5
                if block.button or block.linked or block.kind == "image":
                    score += 1.0
                elif block.emphasis or block.kind == "heading":
                    score += 0.5
            if index in self.edges and score >= 2:
                score += 0.5
        return BlockEvidence(text, score, link, link_kind, link_cue, hint, words, written)

    def _link(self, href: str) -> tuple[float, str, str]:
        found = self.links.get(href)
        if found is None:
            found = self.links[href] = self._judge_link(href)
        return found

    def _judge_link(self, href: str) -> tuple[float, str, str]:
        low = href.lower()
        try:
            parts = urlsplit(low)
        except ValueError:
            return 0.0, "", ""
        host = parts.hostname or ""
        for domain, kind in _PLATFORMS.items():
            if host == domain or host.endswith("." + domain):
                return 3.0, kind, domain
        if (host == "paypal.com" or host.endswith(".paypal.com")) and "donat" in parts.path:
            return 3.0, "donation", "paypal"
        if host == "github.com" and parts.path.startswith("/sponsors"):
            return 3.0, "donation", "github sponsors"
        weight, kind, cue = 0.0, "", ""
        m = _PATH.search(parts.path)
        if m:
            weight, kind = _path_kind(m.group(1))
            cue = parts.path[: m.end()]
        label = host.partition(".")[0]
        if not weight and label in _HOST_WORDS and host.count(".") >= 2:
            weight, kind = _path_kind(label)  # donate.example.org
            cue = host
        if _QUERY.search(parts.query) and weight < 2.0:
            weight, kind, cue = 2.0, kind or "donation", cue or "a campaign link"
        if not weight and "share" in parts.query and _SHARE.search(parts.query):
            weight, kind, cue = 1.5, "promotion", "a share link"
        if weight and host and self.base_host and not _same_site(host, self.base_host):
            weight *= 0.4  # someone else's donate page: a charity the story names
        return weight, kind, cue

    def hint_score(self, hint: str) -> float:
        """How strongly class/id words mark an appeal (0, 1 or 2); cached per string."""
        found = self.hints.get(hint)
        if found is None:
            found = 0.0
            if _HINT_STRONG.search(hint):
                found = 2.0
            elif _HINT_MEDIUM.search(hint):
                found = 1.0
            self.hints[hint] = found
        return found


def _own_words_out(hint: str, text: str) -> str:
    """The markup words without ids made from the block's own text: a heading "Subscribe"
    with the id "h-subscribe" is marked by nothing but its words."""
    slug = _SLUG.sub("-", text.lower()).strip("-")
    if not slug or slug not in hint:
        return hint
    return " ".join(w for w in hint.split() if not (w.endswith(slug) and len(w) <= len(slug) + 4))


def _host(url: str) -> str:
    try:
        return urlsplit(url.lower()).hostname or ""
    except ValueError:
        return ""


def _same_site(a: str, b: str) -> bool:
    """Same site, judged by the registrable-looking end of the host name."""
    return _site(a) == _site(b)


def _site(host: str) -> list[str]:
    labels = host.split(".")
    # "bbc.co.uk", "folha.com.br": a short second level under a country code
    if len(labels) > 2 and len(labels[-1]) == 2 and len(labels[-2]) <= 3:
        return labels[-3:]
    return labels[-2:]
