"""The form of a line, by its characters alone: what lets a box's leftovers join its region.

A page copied block by block splits an appeal box into pieces no lexicon knows: a close
button ("×", "close"), a counter ("2790", "1,5%"), a colour left by a widget ("#000000"),
a sentence broken over two lines ("In the fight for democracy" / "we never take a break!"),
a bank account for transfers, a closing formula and the names under it ("Happy reading," /
"Anna, Ben and Carla"). None of them says anything on its own, so none may start a region;
next to a removed one, each belongs to it.
"""

from __future__ import annotations

import re

from newsterm.text.strip.common import LINK_MARK

__all__ = [
    "CHROME",
    "CLOSING",
    "CONTACT",
    "CONTINUES",
    "DATED",
    "NAMES",
    "OPEN_END",
    "PAYMENT",
    "SIGNED",
    "TITLE",
    "line_form",
]

CHROME = "chrome"  # a widget's control or counter, no words
CLOSING = "closing"  # a letter's closing formula: "Happy reading," "Merci,"
CONTACT = "contact"  # an e-mail address: a line that asks for tips or letters
CONTINUES = "continues"  # opens in lower case: the rest of the line above
DATED = "dated"  # a short line with a year, or a day: a dateline ("Feb 11, 2025", "Mar 14")
NAMES = "names"  # only names: the people who signed a letter, or a credit ("Logo: Rob Wilson")
OPEN_END = "open end"  # ends without a sentence's end: the line below goes on with it
SIGNED = "signed"  # a closing and a name after its comma: "Fijn weekend, Sanne"
PAYMENT = "payment"  # how to pay: an IBAN or a BIC, a card or a payment service
TITLE = "title"  # a headline's capitals: "Community Engagement", "Substack and Pledges"

_CHROME = re.compile(
    # "close" and "next" in the languages newsterm reads, then counters and colours
    r"(?:[×✕✖✗xX]|close|dismiss|forward|back|next|previous|prev|sync|skip|ok|menu|"
    r"schließen|weiter|fermer|suivant|cerrar|siguiente|fechar|chiudi|avanti|sluiten|"
    r"volgende|zamknij|dalej|zavřít|další|tancar|"
    r"\d{1,5}|\d{1,3}(?:[., ]\d{3})+|\d{1,3}(?:[.,]\d+)?\s?%|#[0-9a-fA-F]{3,8}|\d{7,}|"
    # an amount alone, as on the buttons of a gift form: "$25", "₹1,000", "50 €"
    r"[$€£₹¥]\s?\d[\d.,]*|\d[\d.,]*\s?(?:[$€£₹¥]|kč|zł|chf|r\$))",
    re.IGNORECASE,
)
# Bank details and the registration numbers a gift or a tax share goes to: an IBAN, a BIC,
# or a long number after the name of an account or a register ("KRS 0000…", "Pix (CNPJ)").
_IBAN = re.compile(
    r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}\b|\bBIC\b|\bSWIFT\b|"
    r"\b(?:account|konto|conta|cuenta|compte|conto|rekening|účet|krs|nip|nipc|cnpj|cpf|bsb|"
    r"pix|upi|iban|codice fiscale|sort code|routing)\b"
    r"\W{0,4}(?:[\w.:-]+\W{1,3}){0,3}\d[\d .\-/]{5,}",
    re.IGNORECASE,
)
# the ways to pay listed on a gift form, each on its own line: "Visa", "Apple Pay", "Bizum"
_PAY_METHOD = re.compile(
    r"(?:visa|mastercard|master card|maestro|amex|american express|sepa|sepa direct debit|"
    r"direct debit|apple pay|google pay|paypal|bizum|pix|mb way|multibanco|twint|klarna|"
    r"sofort|giropay|lastschrift|ideal|bancontact|satispay|blik|przelew|stripe|"
    r"bank transfer|wire transfer|virement|virement bancaire|prélèvement|transferencia|"
    r"transferência|bonifico|overschrijving|credit card|carte bancaire|tarjeta|cartão|"
    r"carta di credito|kreditkarte|karta|platební karta|bankovní převod|targeta)",
    re.IGNORECASE,
)
# a price tier of a membership form: "£5 a month — the printed copy", "10 $ par mois"
_PRICE = re.compile(r"[$€£₹¥]\s?\d|\d[\d.,]*\s?(?:[$€£₹¥]|kč|zł|r\$)(?!\w)", re.IGNORECASE)
# a name: a capital and at least one more letter; "and", "et", "und", "y" … between them
_NAME = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w'.-]+")
_JOINERS = frozenset(["and", "&", "et", "und", "y", "e", "i", "en", "a", "oraz"])
# the lower-case particles inside a name: "Katrina vanden Heuvel", "Ana de la Torre"
# fmt: off
_PARTICLES = frozenset([
    "van", "vanden", "vander", "von", "der", "den", "de", "la", "le", "du", "da", "das", "dos",
    "di", "del", "della", "ter", "ten", "zu", "bin", "al",
])
# fmt: on
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# a day and a month's short name without a year: "Mar 14", "14. Mär", "3 Jan." (and any
# capitalised word with a small number, "Route 66", which no box's line is either)
_DAY = re.compile(r"(?:[A-Z][a-zäéû]{2,8}\.? \d{1,2}|\d{1,2}\.? [A-Z][a-zäéû]{2,8}\.?)")
_DATED_WORDS = 8
# the labels of a credit line, over the names of who made a piece or a show
# fmt: off
_CREDIT_LABELS = frozenset([
    "music", "logo", "art", "artwork", "photo", "photos", "photography", "illustration",
    "illustrations", "video", "audio", "sound", "editing", "edited by", "produced by",
    "producer", "production", "written by", "words", "design", "graphics", "research",
    "host", "hosts", "foto", "fotos", "musik", "redaktion", "redigatur", "grafik", "ton",
    "musique", "montage", "réalisation", "música", "edición", "produção", "edição",
    "musica", "regia", "muziek", "eindredactie", "zdjęcia", "muzyka", "hudba",
])
# fmt: on
_EMAIL = re.compile(r"\w@\w+(?:[.-]\w+)*\.\w")
_SIGNED_WORDS = 8
_ENDS = ".!?…:;\"'”»)"
_MAX_WORDS = 12  # longer lines are text of their own, whatever their form


def line_form(text: str) -> frozenset[str]:
    """The forms the line has (empty for most lines)."""
    line = text.strip()
    words = line.split()
    if not words or len(words) > _MAX_WORDS:
        return frozenset()
    forms = set(_payment(line))
    if _CHROME.fullmatch(line):
        forms.add(CHROME)
    if _PRICE.match(line):
        forms.add(CHROME)
    if line[0].islower() and CHROME not in forms:  # "close" goes on with nothing
        forms.add(CONTINUES)
    if line[-1] not in _ENDS and line[-1] != ",":
        forms.add(OPEN_END)
    if len(words) <= 5 and line.endswith(","):
        forms.add(CLOSING)
    # (a link's mark is no word: "Logo: Rob Wilson[8]")
    named = LINK_MARK.sub("", line).split()
    if len(named) <= 6 and _only_names(named[_credit(named) :]):
        forms.add(NAMES)
    if len(named) <= _SIGNED_WORDS and ", " in line:
        signer = LINK_MARK.sub("", line.rsplit(", ", 1)[1]).strip(" .!").split()
        if signer and _only_names(signer):
            forms.add(SIGNED)
    if _EMAIL.search(line):
        forms.add(CONTACT)
    if (len(words) <= _DATED_WORDS and _YEAR.search(line)) or _DAY.fullmatch(line):
        forms.add(DATED)
    long_words = [w for w in words if len(w) >= 4 and w[0].isalpha()]
    if len(long_words) >= 2 and all(w[0].isupper() for w in long_words):
        forms.add(TITLE)
    return frozenset(forms)


def _payment(line: str) -> list[str]:
    bare = line.strip(" .,:;-–—•·|")
    return [PAYMENT] if _IBAN.search(line) or _PAY_METHOD.fullmatch(bare) else []


def _credit(words: list[str]) -> int:
    """How many words a credit's label takes ("Music:", "Logo:", "Produced by:"), or 0: a
    headline's label ("Update: County Board Reverses Vote") is no credit."""
    for k, word in enumerate(words[:3]):
        if word.endswith(":"):
            label = " ".join(words[: k + 1]).lower().rstrip(":")
            return k + 1 if label in _CREDIT_LABELS else 0
    return 0


def _only_names(words: list[str]) -> bool:
    """Capitalised words and the words that join names, with at least one name."""
    names = 0
    for word in words:
        bare = word.strip(",")
        if _NAME.fullmatch(bare):
            names += 1
        elif bare.lower() not in _JOINERS and bare.lower() not in _PARTICLES:
            return False
    return names > 0
