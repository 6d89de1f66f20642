"""Appeal vocabulary no language owns: funding platforms, money amounts, sign-off shapes."""

from __future__ import annotations

import re

__all__ = ["LINK_MARK", "MONEY", "NUMBER", "PLATFORMS", "PLATFORM_HOSTS", "money_in"]

# Platforms readers pay through; named in text ("find me on Ko-fi") or linked.
PLATFORMS = (
    "patreon",
    "ko-fi",
    "kofi",
    "buy me a coffee",
    "buymeacoffee",
    "liberapay",
    "github sponsors",
    "open collective",
    "opencollective",
    "steady",
    "steadyhq",
    "paypal",
    "paypal.me",
    "tipeee",
    "helloasso",
    "apoia.se",
    "catarse",
    "patronite",
    "zrzutka",
    "darujme",
    "donorbox",
    "givebutter",
    "fundraiseup",
    "newsmatch",
    "memberful",
    "supercast",
    "substack",
    "ghost",
    "flattr",
    "bizum",
    "pix",
    "teaming",
    "venmo",
    "cash app",
    "twint",
    "tikkie",
    "pateron",
    "betterplace",
    "press-patron",
    "ulule",
)
# Hosts of donation and membership platforms, with what a link there asks for.
PLATFORM_HOSTS = {
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
    "patronite.pl": "membership",
    "zrzutka.pl": "donation",
    "darujme.cz": "donation",
    "teaming.net": "donation",
}
# Digit runs are bounded ({0,12}) so a long run of "1 1 1 …" is scanned in linear time.
# "$25", "25 €", "R$ 10", "10 zł", "100 Kč", "CHF 20": an amount of money.
MONEY = re.compile(
    r"(?:[$€£]|r\$|us\$|chf|kč|zł)\s?\d|\d(?:[\d.,\s]{0,12}\d)?\s?(?:€|\$|£|zł|kč|chf\b|euros?\b|"
    r"dollars?\b|reais\b|pesos\b|francs?\b|z[łl]otych\b|korun\b)",
    re.IGNORECASE,
)
NUMBER = re.compile(r"\d[\d.,]*")
# The "[3]" a block's text carries after each link: no word of the article.
LINK_MARK = re.compile(r"\[\d+\]")
_MONEY_WORDS = (
    "$",
    "€",
    "£",
    "chf",
    "kč",
    "zł",
    "euro",
    "dollar",
    "reais",
    "peso",
    "franc",
    "zlot",
    "złot",
    "korun",
)


def money_in(low: str) -> bool:
    """A cheap test before MONEY: the lower-cased text names a currency at all."""
    return any(word in low for word in _MONEY_WORDS)
