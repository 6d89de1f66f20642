"""Italian, Spanish, Portuguese, Catalan and French: the publisher's own asks in each go, and
news that uses the same words (someone else's appeal, quoted or reported) stays."""

from __future__ import annotations

import pytest

from newsterm.text.strip import StripResult, strip_appeals

BASE = "https://giornale.example/2025/03/notizia"

# A few paragraphs of plain reporting in each language, for the asks to sit in.
NEWS = {
    "it": [
        "Il consiglio comunale ha approvato martedì il bilancio, che prevede più ore di "
        "apertura per le biblioteche e la manutenzione delle strade del quartiere est.",
        "L'opposizione ha chiesto di rinviare il voto fino alla relazione dei revisori, "
        "attesa per giugno, ma la proposta è stata respinta con dodici voti contro otto.",
        "I lavori sul primo tratto dovrebbero cominciare in autunno e durare circa diciotto "
        "mesi, secondo l'ufficio tecnico.",
    ],
    "es": [
        "El pleno municipal aprobó el martes un presupuesto que amplía el horario de las "
        "bibliotecas y repara las calles de los barrios del este.",
        "La oposición pidió aplazar la votación hasta conocer el informe de los auditores, "
        "previsto para junio, pero la propuesta fue rechazada.",
        "Las obras del primer tramo empezarán en otoño y durarán unos dieciocho meses, "
        "según el área de urbanismo.",
    ],
    "pt": [
        "A câmara municipal aprovou na terça-feira um orçamento que amplia o horário das "
        "bibliotecas e recupera as ruas dos bairros da zona leste.",
        "A oposição pediu o adiamento da votação até a chegada do parecer dos auditores, "
        "previsto para junho, mas o pedido foi rejeitado.",
        "As obras do primeiro trecho devem começar no outono e durar cerca de dezoito meses, "
        "segundo a secretaria de obras.",
    ],
    "ca": [
        "El ple municipal va aprovar dimarts un pressupost que amplia l'horari de les "
        "biblioteques i arregla els carrers dels barris de llevant.",
        "L'oposició va demanar d'ajornar la votació fins a conèixer l'informe dels auditors, "
        "previst per al juny, però la proposta no va prosperar.",
        "Les obres del primer tram començaran a la tardor i duraran uns divuit mesos, segons "
        "els serveis tècnics.",
    ],
    "fr": [
        "Le conseil municipal a adopté mardi un budget qui élargit les horaires des "
        "bibliothèques et prévoit la réfection des rues des quartiers est.",
        "L'opposition a demandé de reporter le vote jusqu'au rapport des commissaires aux "
        "comptes, attendu en juin, mais la demande a été rejetée.",
        "Les travaux du premier tronçon doivent commencer à l'automne et durer environ dix-huit "
        "mois, selon les services techniques.",
    ],
}


def article(lang: str, *, top: str = "", bottom: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in NEWS[lang])
    return f"<div class='entry-content'>{top}{paragraphs}{bottom}</div>"


def removed(result: StripResult) -> list[str]:
    return [v.block.text for v in result.verdicts if v.removed]


def paragraphs(*texts: str) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


# -- the publisher's own asks go ------------------------------------------------------------

ASKS = [
    # Italian: an outlet that rests on a crowdfunding, said of itself
    (
        "it",
        [
            "Il nostro è un progetto senza scopo di lucro, che da dieci anni si affida "
            "economicamente a un crowdfunding. Grazie a migliaia di donazioni siamo ancora qui."
        ],
    ),
    # Italian: "è partito" (it has started) names no political party
    ("it", ["È partito il nuovo abbonamento per il 2026: abbonati ora."]),
    # Italian: "it is possible to subscribe" to the outlet's own magazine
    # Spanish: joining the members' programme, in the voseo
    (
        "es",
        [
            "Todavía estás a tiempo de sumarte a nuestro programa de socios. Por muy poca "
            "plata, beneficios para siempre."
        ],
    ),
    # Portuguese: turning advertisers' money down, said of itself
    (
        "pt",
        [
            "Não aceitar dinheiro de anunciantes é uma escolha nossa, e ela custa caro.",
        ],
    ),
    # Catalan: the plural imperative of becoming a subscriber
    ("ca", ["Feu-vos subscriptors i llegiu el diari sense anuncis."]),
    # French: counting on the reader alone, and what is missing this year
    (
        "fr",
        [
            "Aucun actionnaire ne paie nos enquêtes : nous ne pouvons compter que sur vous. "
            "Il nous manque encore 40 000 euros."
        ],
    ),
    # "in our view", "by our figures" and a readership counted are the outlet speaking
    (
        "fr",
        ["Selon nous, l'information doit rester libre et gratuite. Faites un don dès aujourd'hui."],
    ),
    (
        "it",
        ["Ogni mese due milioni di lettori ci leggono, ma pochi ci sostengono. Sostienici ora."],
    ),
    ("es", ["Según nuestros datos, solo uno de cada cien lectores nos apoya. Hazte socio."]),
    # "you can …" said to one reader, and a gift made small
    ("fr", ["Aidez-nous à rester libres : faites un petit don."]),
    # French: a paywall's intro price and its note under the first lines
    ("fr", ["1er mois à 1 €", "Pour lire la suite, profitez de notre offre de bienvenue."]),
]


ASKS += [
    # a box opening the page, its title naming the newsroom with a contraction ("da", "dalla")
    (
        "pt",
        [
            "Um recado da redação",
            "O nosso jornalismo é aberto a todos, sem paywall. Para continuar assim, precisamos "
            "de leitores como você. Apoie a nossa redação com uma contribuição mensal.",
            "Quero apoiar",
        ],
    ),
    (
        "it",
        [
            "Un messaggio dalla redazione",
            "Il nostro giornalismo è aperto a tutti, senza paywall. Per continuare così abbiamo "
            "bisogno di lettori come te. Diventa socio oggi.",
            "Non ora",
        ],
    ),
]


@pytest.mark.parametrize(("lang", "appeal"), ASKS)
def test_the_publishers_own_ask_goes(lang: str, appeal: list[str]) -> None:
    for place in ("top", "bottom"):
        html = article(lang, **{place: paragraphs(*appeal)})
        result = strip_appeals(html, base_url=BASE)
        assert removed(result) == appeal, place


# -- the same words in news stay -------------------------------------------------------------

NEWS_WITH_THE_SAME_WORDS = [
    (
        "it",
        "L'associazione si affida economicamente alle donazioni dei soci, ha spiegato la "
        "presidente durante l'assemblea.",
    ),
    (
        "it",
        "Il partito ha aperto una raccolta fondi per la campagna elettorale, ha detto il "
        "tesoriere.",
    ),
    (
        "es",
        "«Aún estás a tiempo de sumarte a nuestro programa de socios», dijo el presidente del "
        "club a los aficionados, según la agencia.",
    ),
    (
        "pt",
        "A rádio comunitária decidiu não aceitar dinheiro de anunciantes, disse o diretor à "
        "reportagem.",
    ),
    (
        "ca",
        "«Feu-vos socis del club», va demanar el president als veïns, segons l'informe de "
        "l'entitat.",
    ),
    (
        "fr",
        "« On ne peut compter que sur vous », a lancé la maire aux bénévoles de la banque "
        "alimentaire, selon l'AFP.",
    ),
    ("fr", "Selon nos calculs, a expliqué le trésorier du club, les dons ont baissé de 10 %."),
    (
        "es",
        "El diario, con dos millones de lectores, anunció el lunes una campaña de donaciones, "
        "según un comunicado.",
    ),
    ("es", "«Puedes colaborar con el comedor social», explicó la voluntaria de la parroquia."),
    (
        "it",
        "«Puoi contribuire anche tu alla raccolta della Caritas», ha detto il sindaco ai "
        "residenti.",
    ),
    ("es", "La fiscal pidió el domingo tres años de cárcel para el exalcalde, según el escrito."),
    ("pt", "O mercado da praça abre todo domingo desde março, segundo a prefeitura."),
    (
        "fr",
        "Le premier mois à 1 euro proposé par l'opérateur a attiré 20 000 clients, selon l'étude.",
    ),
]


@pytest.mark.parametrize(("lang", "text"), NEWS_WITH_THE_SAME_WORDS)
def test_news_with_the_same_words_stays(lang: str, text: str) -> None:
    for place in ("top", "bottom"):
        result = strip_appeals(article(lang, **{place: paragraphs(text)}), base_url=BASE)
        assert removed(result) == [], place


# -- what is no ask at all stays -------------------------------------------------------------

NO_ASKS = [
    # "Vous soutenez …?" asks the outlet whom it backs; "Soutenez …" would ask the reader
    [
        "00:00 : Introduction",
        "03:12 : Vous payez vos pigistes combien ?",
        "09:40 : Vous soutenez la Gauche Unie ?",
        "14:05 : Vous embauchez cette année ?",
    ],
    # thanks after a campaign, and what the money will pay for, ask nothing more
    [
        "Merci à toutes et à tous, la campagne est finie et nous allons bien, grâce à vous",
        "Grâce à vous, nous avons de quoi tenir jusqu'à l'été, et nous allons pouvoir :",
        "- recruter une journaliste pour suivre l'agriculture,",
        "- mieux payer nos photographes.",
    ],
]


@pytest.mark.parametrize("lines", NO_ASKS)
def test_what_asks_nothing_stays(lines: list[str]) -> None:
    for place in ("top", "bottom"):
        result = strip_appeals(article("fr", **{place: paragraphs(*lines)}), base_url=BASE)
        assert removed(result) == [], place
