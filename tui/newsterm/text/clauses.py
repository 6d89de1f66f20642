"""Appeal wordings the phrase tables cannot hold: words apart, whole-block buttons, titles.

The phrase tables (phrases.py) match fixed word sequences. Three kinds of appeal need more:
a publisher saying who pays for it, with any words in between ("se financia gracias a sus
socios", "finanziert sich fast ausschließlich durch seine Leserinnen und Leser"); a sign-up
line that names what arrives by e-mail ("Receba nossas reportagens por e-mail"); and the
words of a button or a box title that are an ask only as the whole block ("S'inscrire",
"Assinar", "Share The Margin", "Newsletter « La Lettre éco »").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["CLAUSES", "Clause", "button_kind", "find_clauses"]


@dataclass(frozen=True, slots=True)
class Clause:
    """One wording rule: what a match means, and where it may stand."""

    category: str  # as in phrases.py: ask, lead...
    weight: float
    kind: str  # donation / membership / subscription / newsletter
    regex: re.Pattern[str]  # searched in lower-cased text
    words: frozenset[bytes]  # the text holds one of these words, or the rule cannot match
    also: tuple[str, ...] = ()  # …and one of these substrings (when given)
    opening: bool = False  # the match must open a sentence (an imperative)
    max_words: int = 0  # only in blocks of at most this many words (0: any length)
    voiced: bool = False  # counts only beside the publisher's or the reader's voice


def _forms(stems: str, endings: tuple[str, ...] = ("",)) -> frozenset[bytes]:
    """Words (as the UTF-8 bytes prefilter.words_of gives) from stems and their endings."""
    return frozenset((stem + end).encode() for stem in stems.split() for end in endings)


# Who funds "it" (the outlet): its readers, members, subscribers. The possessive is the
# publisher's own ("its", "sus", "ses", "seine", "seus") or first person. News says the same
# of a co-op or a club, so the clause counts only beside the publisher's or the reader's
# voice ("no ads", "you"; see `voiced`), and strip.py still wants the block addressed.
_PAYERS_EN = r"(?:readers|members|subscribers|supporters|donors|listeners|viewers|patrons|backers)"
_PAYERS_ES = r"(?:soci[oa]s|lector[ae]s|suscriptor[ae]s|miembros|mecenas|donantes|abonad[oa]s)"
_PAYERS_FR = r"(?:lect(?:eurs|rices)|abonn[ée]e?s|adh[ée]rente?s|membres|donat(?:eurs|rices))"
_PAYERS_DE = r"(?:leser\w*|mitglied\w*|abonnent\w*|unterstützer\w*|förder\w*)"
_PAYERS_PT = (
    r"(?:leitor(?:es|as)|assinantes|apoiador(?:es|as)|membros|s[óo]ci[oa]s|doador(?:es|as))"
)
_GAP = r"(?:[\w'’%-]+\s+){0,3}?"  # a few words in between ("fast ausschließlich", "100%")
_ANY = r"[^.;!?]{0,60}?\b"  # any words up to the payers, in the same sentence
_SELF_FUNDED = re.compile(
    r"\b(?:"
    + "|".join(
        (
            # en: "is funded entirely by its readers", "are supported by our members"
            r"(?:is|are|was|were|remains?|has been|have been)\s+"
            + _GAP
            + r"(?:funded|financed|supported|sustained|paid for|made possible|powered)\s+"
            + _GAP
            + r"by\s+(?:its|our)\s+(?:[\w-]+\s+)?"
            + _PAYERS_EN,
            # es: "se financia gracias a sus socios", "financiado por nuestros lectores"
            r"(?:se|nos)\s+(?:financia|financiamos|sostiene|sostenemos|mantiene|mantenemos|"
            r"sustenta)\s+" + _ANY + r"(?:sus|nuestr[oa]s)\s+(?:\w+\s+)?" + _PAYERS_ES,
            r"(?:financiad|sostenid|pagad)[oa]s?\s+"
            + _GAP
            + r"(?:por|gracias a)\s+(?:sus|nuestr[oa]s)\s+"
            + _PAYERS_ES,
            # fr: "financé uniquement par ses abonnées et abonnés", "se finance grâce à ses…"
            r"(?:financ[ée]e?s?|soutenue?s?|pay[ée]e?s?)\s+"
            + _GAP
            + r"(?:par|grâce à)\s+(?:ses|nos|leurs)\s+"
            + _PAYERS_FR,
            r"(?:se finance|nous finançons)\s+" + _ANY + r"(?:ses|nos)\s+(?:\w+\s+)?" + _PAYERS_FR,
            # de: "finanziert sich durch seine Leser", "wird von ihren Lesern finanziert"
            r"(?:finanziert sich|finanzieren sich|finanzieren wir uns|finanzieren uns)\s+"
            + _ANY
            + r"(?:seine|seiner|ihre|ihrer|unsere|unserer)\s+(?:\w+\s+)?"
            + _PAYERS_DE,
            r"(?:wird|werden|sind|ist)\s+"
            + _GAP
            + r"(?:von|durch)\s+(?:seinen|ihren|unseren)\s+"
            + r"(?:\w+\s+)?"
            + _PAYERS_DE
            + r"(?:\s+\w+){0,3}?\s+finanziert",
            # pt: "é financiada pelos seus leitores", "se mantém com o apoio dos seus…"
            r"(?:financiad|mantid|sustentad|bancad)[oa]s?\s+"
            + _GAP
            + r"(?:pel[oa]s|por)\s+(?:(?:seus|suas|nossos|nossas)\s+)?"
            + _PAYERS_PT,
            r"(?:se|nos)\s+(?:financia|financiamos|sustenta|sustentamos|mantém|mantemos)\s+"
            + _ANY
            + r"(?:seus|suas|nossos|nossas)\s+(?:\w+\s+)?"
            + _PAYERS_PT,
        )
    )
    + r")\b"
)
# A sign-up that names its channel: "Recevez … par e-mail", "Receba … por e-mail".
_BY_EMAIL = re.compile(
    r"\b(?:get|receive|recevez|recevoir|reçois|receba|receber|recibe|recibir|reciba|"
    r"erhalten sie|erhalte|bekommen sie)\b[^.!?\n]{0,70}?\b(?:by|via|par|por|per)\s+"
    r"(?:e-?mail|courriel|correo(?: electrónico)?)\b"
)
# A box title that is a newsletter's name: "Newsletter « La Lettre éco »", "Nuestro boletín"
# (the plural is a navigation link: "Newsletters").
_NEWSLETTER_TITLE = re.compile(
    r"^\W*(?:(?:la|le|notre|nos|nuestra|nuestro|el|nossa|nosso|a|o|unser|unsere|der|die|"
    r"our|the|my)\s+)?(?:newsletter|infolettre|lettre d'information|boletín|newsletter-abo)"
    r"(?!\w|-)"
)
_FUNDING = (
    _forms("funded financed supported sustained paid powered possible finanziert finanzieren")
    | _forms("financia financiamos sostiene sostenemos mantiene mantenemos sustenta sustentamos")
    | _forms("finance finançons mantém mantemos")
    | _forms("financiad sostenid pagad mantid sustentad bancad", ("o", "a", "os", "as"))
    | _forms("financé financée soutenu soutenue payé payée", ("", "s"))
)
_PAYERS = tuple(
    str.split(
        "reader member subscri supporter donor listener viewer patron backer soci lector "
        "suscrip miembro mecenas donante abonad lectr abonn adhér membre donat leser mitglied "
        "abonnent unterstütz förder leitor assinant apoiador membro sóci doador"
    )
)
CLAUSES = (
    Clause("ask", 3.0, "membership", _SELF_FUNDED, _FUNDING, _PAYERS, voiced=True),
    Clause(
        "ask",
        3.0,
        "newsletter",
        _BY_EMAIL,
        _forms("mail e-mail email courriel correo"),
        opening=True,
        max_words=40,
    ),
    Clause(
        "lead",
        1.5,
        "newsletter",
        _NEWSLETTER_TITLE,
        _forms(
            "newsletter newsletters infolettre infolettres lettre lettres boletín "
            "boletines newsletter-abo"
        ),
        max_words=8,
    ),
)

# Whole-block buttons: the words are an ask only as all of a short block's text.
_BUTTON = re.compile(
    r"\W*(?:(?P<share>share|partager|compartir|teilen|compartilhar)(?: (?!(?:your|votre|vos|tu|"
    r"tus|su|sus|deine?|ihre?|seu|sua|on|via|with|to|sur|avec|en|auf|mit|no|na|com)\b)"
    r"[\w'’.&-]+){0,3}"
    r"|(?P<sub>s'abonner|je m'abonne|abonnieren|jetzt abonnieren|suscribirse|suscribirme|"
    r"quiero suscribirme|assinar|quero assinar|assine|assine já)"
    r"|(?P<news>s'inscrire|je m'inscris|m'inscrire|inscribirse|inscribirme|apuntarme|"
    r"recibirla|recibirlo|inscrever|inscrever-se|quero receber|cadastrar|anmelden|"
    r"jetzt anmelden|sign me up|count me in|i'm in|i am in))"
    r"(?: (?:now|today|free|for free|gratuitement|gratis|grátis|gratuitamente|ahora|agora|"
    r"jetzt|kostenlos|maintenant))?\W*"
)
# Every label above opens with one of these: most short blocks skip the regex.
_BUTTON_STARTS = (
    *str.split(
        "shar parta compar teil s' s’ je abonn jetzt suscri quier assin quer m' m’ inscri "
        "apunt recib cadast anmeld sign count i'm i’m"
    ),
    "i am",
)
_BUTTON_KINDS = {"share": "promotion", "sub": "subscription", "news": "newsletter"}
_LINK_MARK = re.compile(r"\[\d+\]")
_LEADING = " •◦▪-*\"'“‘([»→"


_ANY_WORD = frozenset().union(*(clause.words for clause in CLAUSES))


def find_clauses(low: str, words: set[bytes]) -> list[tuple[Clause, int, int]]:
    """Clauses matched in lower-cased text with these words (prefilter.words_of):
    (clause, start, end). Most text holds none of their words: a set test."""
    if _ANY_WORD.isdisjoint(words):
        return []
    count = low.count(" ") + 1
    found = []
    for clause in CLAUSES:
        if clause.max_words and count > clause.max_words:
            continue
        if clause.words.isdisjoint(words) or (
            clause.also and not any(t in low for t in clause.also)
        ):
            continue
        found.extend((clause, m.start(), m.end()) for m in clause.regex.finditer(low))
    return found


def button_kind(text: str) -> str:
    """The kind of ask of a block whose whole text is a button label ("" if it is not one)."""
    low = text.lower().lstrip(_LEADING)
    if not low.startswith(_BUTTON_STARTS):
        return ""
    if "[" in low:
        low = _LINK_MARK.sub("", low)
    m = _BUTTON.fullmatch(low.replace("’", "'"))
    if m is None:
        return ""
    return next(_BUTTON_KINDS[name] for name, value in m.groupdict().items() if value)
