"""German, Dutch, Polish and Czech appeals in their own everyday phrasing go; news that uses
the same words about someone else's money stays.

Each appeal below is phrased the way many outlets in the language ask (the plural "ihr",
"Menschen wie Ihnen", "wil je ... blijven lezen", "proszę cię o przekazanie", "článek mohou
odemknout"), and each news line borrows the same words for a story about a club, a city, a
charity or another publisher.
"""

from __future__ import annotations

import pytest

from newsterm.text.strip import StripResult, strip_appeals

NEWS = {
    "de": [
        "Der Gemeinderat hat am Dienstag mit knapper Mehrheit beschlossen, die Brücke über "
        "den Mühlbach bis zum Herbst zu sanieren.",
        "Die Arbeiten sollen rund 1,8 Millionen Euro kosten, teilte das Bauamt mit. Während "
        "der Sperrung fährt ein Ersatzbus im Halbstundentakt.",
        "Anwohner hatten sich seit Jahren über Risse im Geländer beschwert, sagte die "
        "Ortsvorsteherin auf Anfrage.",
    ],
    "nl": [
        "De gemeenteraad heeft dinsdag ingestemd met de bouw van een nieuwe fietsbrug over "
        "het kanaal, meldde de wethouder.",
        "De brug kost ongeveer vier miljoen euro en moet over twee jaar klaar zijn, aldus "
        "de gemeente.",
        "Bewoners van de oostkant van de stad vroegen al jaren om een kortere route naar "
        "het station.",
    ],
    "pl": [
        "Rada miasta zdecydowała we wtorek o remoncie mostu nad rzeką, poinformował rzecznik "
        "urzędu.",
        "Prace mają kosztować około 7 milionów złotych i potrwają do jesieni, według "
        "wstępnego harmonogramu.",
        "Mieszkańcy od lat skarżyli się na dziury w nawierzchni i brak chodnika.",
    ],
    "cs": [
        "Zastupitelstvo v úterý schválilo opravu mostu přes řeku, uvedl mluvčí radnice.",
        "Práce mají stát zhruba 40 milionů korun a potrvají do podzimu, řekl starosta.",
        "Obyvatelé si podle průzkumu radnice dlouho stěžovali na díry v silnici.",
    ],
}


def _article(code: str, *middle: str) -> str:
    news = NEWS[code]
    parts = [f"<p>{p}</p>" for p in news[:2]] + [f"<p>{p}</p>" for p in middle]
    parts += [f"<p>{p}</p>" for p in news[2:]]
    return "<div class='entry-content'>" + "".join(parts) + "</div>"


def _removed(result: StripResult) -> set[str]:
    return {v.block.text for v in result.verdicts if v.removed}


def _news_kept(code: str, result: StripResult) -> None:
    gone = _removed(result)
    assert not gone & set(NEWS[code]), gone & set(NEWS[code])


APPEALS = [
    # a letter that turns to its ask: revenue that falls short, then the plea
    pytest.param(
        "de",
        (
            "Die Redaktion wird zehn Jahre alt, gefeiert wird nur im kleinen Kreis. Auch "
            "unsere Spenderinnen und Spender spüren die Teuerung. Wenn es so bleibt, reichen "
            "die Einnahmen in diesem Jahr nicht aus. Deshalb bitten wir euch heute um "
            "Unterstützung.",
        ),
        id="de-revenue-falls-short",
    ),
    pytest.param(
        "de",
        (
            "Wir sind eine kleine Redaktion ohne Verlag und ohne Anzeigenkunden, die seit "
            "Jahren über die Region berichtet. Wir würden uns sehr freuen, wenn ihr überlegt, "
            "ob ihr uns unterstützen könnt, sofern ihr das nicht längst tut.",
        ),
        id="de-plural-you",
    ),
    pytest.param(
        "de",
        (
            "Eine Lokalzeitung ohne Verlag im Rücken braucht Geduld, Zeit und Geld. Guter "
            "Journalismus lebt von Menschen wie Ihnen.",
        ),
        id="de-lives-on-people-like-you",
    ),
    pytest.param(
        "de",
        (
            "Das Stadtblatt gehört keinem Konzern und keiner Partei, sondern seinen "
            "Leserinnen und Lesern.",
        ),
        id="de-belongs-to-no-group",
    ),
    pytest.param(
        "de",
        (
            "Dieses Archiv pflege ich nach Feierabend. Wenn es dir bei der Familienforschung "
            "hilft, freue ich mich über einen monatlichen Beitrag.",
        ),
        id="de-glad-of-a-contribution",
    ),
    pytest.param(
        "cs",
        ("Nemáme vydavatele ani inzerenty, stojíme jen na darech čtenářů.",),
        id="cs-we-stand-on-readers-gifts",
    ),
    pytest.param(
        "nl",
        ("De Wijkkrant is van zijn lezers", "Koop een aandeel van 100 euro en word mede-eigenaar."),
        id="nl-belongs-to-its-readers",
    ),
    pytest.param(
        "pl",
        ("Nie mamy sponsora ani wydawcy. Utrzymują nas czytelnicy.",),
        id="pl-readers-keep-us",
    ),
    pytest.param(
        "pl",
        (
            "Jeśli podobają ci się moje wpisy o górach, możesz postawić mi kawę, a ja "
            "napiszę następny.",
        ),
        id="pl-buy-me-a-coffee",
    ),
    pytest.param(
        "nl",
        (
            "Wil je onze verhalen over de stad blijven lezen?",
            "Neem een abonnement voor 6 euro per maand, de eerste maand is gratis.",
        ),
        id="nl-keep-reading",
    ),
    pytest.param(
        "pl",
        ("W imieniu całej redakcji proszę cię o przekazanie 1,5 proc. podatku na naszą fundację.",),
        id="pl-tax-share-plea",
    ),
    pytest.param(
        "cs",
        (
            "Tento článek je uzamčen",
            "Článek mohou odemknout uživatelé s aktivním předplatným, případně přihlášení "
            "čtenáři za věrnostní body.",
        ),
        id="cs-locked-article",
    ),
]


@pytest.mark.parametrize(("code", "appeal"), APPEALS)
def test_north_appeals_are_removed_whole(code: str, appeal: tuple[str, ...]) -> None:
    result = strip_appeals(_article(code, *appeal))
    assert set(appeal) <= _removed(result), set(appeal) - _removed(result)
    _news_kept(code, result)


REPORTS = [
    pytest.param(
        "de",
        "Die Einnahmen der Stadt aus der Gewerbesteuer reichen in diesem Jahr nicht aus, "
        "sagte der Kämmerer am Montag im Finanzausschuss.",
        id="de-city-revenue",
    ),
    pytest.param(
        "de",
        "„Mit Ihrer Mitgliedschaft stärken Sie den Verein“, heißt es auf den Plakaten des "
        "Ruderclubs, der in diesem Jahr 200 neue Mitglieder sucht.",
        id="de-club-poster-quoted",
    ),
    pytest.param(
        "de",
        "Der Tierschutzverein ist nach eigenen Angaben angewiesen darauf, dass Bürger Futter "
        "spenden, sagte die Vorsitzende der Zeitung.",
        id="de-shelter-depends",
    ),
    pytest.param(
        "nl",
        "Wie het weekblad wil blijven lezen, moet vanaf oktober betalen, meldde de uitgever "
        "in een verklaring.",
        id="nl-other-publisher-paywall",
    ),
    pytest.param(
        "pl",
        "Fundacja hospicjum prosi podatników o przekazanie 1,5 proc. podatku na opiekę nad "
        "chorymi, poinformowała jej rzeczniczka.",
        id="pl-hospice-tax-share",
    ),
    pytest.param(
        "de",
        "Der Verein gehört keinem Konzern, betonte sein Sprecher, er werde von 300 Familien "
        "getragen.",
        id="de-club-belongs-to-no-group",
    ),
    pytest.param(
        "de",
        "Die Konzerthalle ist nicht ausverkauft. „Wir freuen uns über jede Spende“, schreibt "
        "der Chor auf seiner Website.",
        id="de-choir-quoted",
    ),
    pytest.param(
        "nl",
        "De hockeyclub bestaat dankzij haar leden en zoekt nieuwe vrijwilligers voor de kantine.",
        id="nl-club-exists-thanks-to-members",
    ),
    pytest.param(
        "pl",
        "Schronisko utrzymują darczyńcy z całego powiatu, poinformowała jego dyrektorka.",
        id="pl-shelter-kept-by-donors",
    ),
    pytest.param(
        "cs",
        "Vydavatel konkurenčního deníku podle mluvčího zavedl placené předplatné, zamčené "
        "články mohou čtenáři odemknout za poplatek.",
        id="cs-rival-paywall",
    ),
]


@pytest.mark.parametrize(("code", "report"), REPORTS)
def test_news_with_the_same_words_is_kept(code: str, report: str) -> None:
    result = strip_appeals(_article(code, report))
    assert not _removed(result), _removed(result)
