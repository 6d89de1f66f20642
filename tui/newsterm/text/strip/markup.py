"""What a block's markup and links say: class names like "donate-box", links to a donate page.

Feeds often carry neither (and newsterm's measurements give the stripper bare paragraphs), so
these are extra evidence beside the words, never the only evidence a region rests on.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from urllib.parse import urlsplit

from newsterm.text.strip.common import PLATFORM_HOSTS

__all__ = ["hint_strength", "link_strength", "same_site", "site_of"]

_PATH = re.compile(
    r"/(donat\w*|donar|dona|donaciones|doar|doacao|doacoes|doe|don|dons|faire-un-don|give|"
    r"giving|contribute|contribution|support-us|support-our-\w+|support|members?|membership|"
    r"join|join-us|become-a-member|subscribe\w*|subscriptions?|newsletters?|sign-?up|"
    r"spenden?|unterstuetzen|unterstutzen|foerdern|mitglied\w*|abo|abonn\w+|soutenir|soutien|"
    r"apoie|apoiar|apoya|assine|assinatura|suscri\w+|hazte-socio|socios?|colabora|checkout|"
    r"boletin|boletines|infolettres?|sostieni\w*|abbonati|steun|doneer|lid-worden|wesprzyj|"
    r"podpor\w*|darujte|fes-te-soci|subscriu\w*|"
    r"fundraising|paywall|givingtuesday|giving-tuesday)(?=[/?#._-]|$)"
)
_HOST_WORDS = frozenset(
    (
        "donate",
        "donations",
        "give",
        "giving",
        "join",
        "members",
        "membership",
        "subscribe",
        "spenden",
        "doar",
        "donar",
    )
)
# A campaign tag's value is read apart from its name: one pattern for both backtracks over
# every "utm_…=" of a hostile query.
_QUERY = re.compile(r"(?:^|&)utm_(?:campaign|source|medium|content)=([^&#]*)")
_QUERY_WORDS = re.compile(
    r"donat|support|member|appeal|fundrais|giving|subscri|newsletter|eoy|year-?end|spend|don-"
)
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
_OFFSITE = 0.4  # a donate page on another site: a charity the story names, mostly


@lru_cache(maxsize=1024)
def hint_strength(hint: str) -> float:
    """How strongly class, id and role words mark an appeal: 0, 0.5 or 1."""
    if _HINT_STRONG.search(hint):
        return 1.0
    return 0.5 if _HINT_MEDIUM.search(hint) else 0.0


@lru_cache(maxsize=4096)
def link_strength(href: str, base_site: str) -> tuple[float, str]:
    """How strongly a link target marks an appeal (0 to 1), and its cue for the reason."""
    try:
        parts = urlsplit(href.lower())
    except ValueError:
        return 0.0, ""
    host = parts.hostname or ""
    for domain in PLATFORM_HOSTS:
        if host == domain or host.endswith("." + domain):
            return 1.0, domain
    if host == "github.com" and parts.path.startswith("/sponsors"):
        return 1.0, "github sponsors"
    if (host == "paypal.com" or host.endswith(".paypal.com")) and "donat" in parts.path:
        return 1.0, "paypal"
    strength, cue = 0.0, ""
    if m := _PATH.search(parts.path):
        strength, cue = (0.5 if m.group(1) == "support" else 0.8), parts.path[: m.end()]
    elif host.partition(".")[0] in _HOST_WORDS and host.count(".") >= 2:
        strength, cue = 0.8, host  # donate.example.org
    if strength < 0.7 and any(_QUERY_WORDS.search(v) for v in _QUERY.findall(parts.query)):
        strength, cue = 0.7, cue or "a campaign link"
    if strength and host and base_site and site_of(host) != base_site:
        strength *= _OFFSITE
    return strength, cue


@cache
def _suffixes() -> object:
    # Loaded on the first link that needs it (~40 ms): most articles never ask.
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList()


@lru_cache(maxsize=1024)
def site_of(host: str) -> str:
    """The registrable domain of a host by the public suffix list: www.taz.de -> taz.de,
    alice.github.io stays alice.github.io."""
    host = host.strip(".").lower()
    if not host:
        return ""
    site = _suffixes().privatesuffix(host)  # type: ignore[attr-defined]
    return str(site) if site else host


def same_site(a: str, b: str) -> bool:
    """Two host names of one site."""
    return site_of(a) == site_of(b)
