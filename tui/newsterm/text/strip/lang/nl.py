"""Dutch: the words of appeals and of reporting."""

from newsterm.text.strip.lang.lexicon import Lexicon, phrases

# Left out as too ambiguous once lower-cased or read beside other languages: "je" (French
# "I"), "u" (Czech and Polish "at"), "onze" (French "eleven"), "lid" (English "lid"),
# "leden" (Czech "January"), "door" and "word" (English words), "gift" alone, "direct",
# "schenken" (also "to pour"), "ideal" (English "ideal": "via ideal" instead), "incasso"
# (Italian), "afhankelijk van" alone ("depending on"), "ziel" and "cel" (also "soul", "cell").
LEXICON = Lexicon(
    code="nl",
    name="Nederlands",
    marks=phrases(
        "lid; het; een; niet; zijn; wij; jullie; ook; voor; maar; onze; ons; jij; uw; dit; "
        "wordt; worden; bij; naar; hebben; heeft; je; dat; steun; doneer; abonneer; dankzij; "
        "mogelijk; abonnee; donateur; lezers; meld; vriend; leden; jouw; nemen; lezen; "
        "steunlid; nieuwsbrief; luisteraars; trakteer; steungever; gratis; rekenen; zelf; "
        "zonder; telt; geef; doneren; steunen; abonneren; aftrekbaar; anbi; bijdragen; "
        "coöperant; trakteren; aandeelhouder; tientjeslid; mede-eigenaar; steungevers; "
        "vandaag; snel; werk; lees; betaalde; blijven; mee; permanente; attest; donatie; "
        "advertentievrij; haar; abonnees"
    ),
    reader=phrases(
        "jij; jou; jouw; jullie; uw; je steun; je bijdrage; je donatie; "
        "(kun|kan|wil|heb|ben|lees|vind) je; als je; (kunt|wilt|bent|heeft) u; u kunt; als u; "
        "beste lezer*; lieve lezer*; beste luisteraar*; "
        "(lezers|mensen|luisteraars) (zoals|als) (jij|u|jou|jullie); wanneer je; zodra je; "
        "je bent; ben je; je hebt; geef je; steun je; doneer je; word je"
    ),
    publisher=phrases(
        "we; wij; ons; we zijn; wij zijn; we hebben; we kunnen; we willen; onze redactie; "
        "onze journalistiek; onze journalisten; onze verslaggevers; onze correspondenten; "
        "ons werk; onze missie; ons team; onze verhalen; onze onafhankelijkheid; "
        "onze artikelen; onze lezers; onze leden; onze abonnees; onze donateurs; "
        "onze stichting; deze nieuwsbrief; deze site; deze website; deze podcast; "
        "dit platform; (dit|deze) blog; dit project; dit medium; deze krant; dit tijdschrift; "
        "mijn werk; mijn nieuwsbrief; mij; ik ben"
    ),
    donate=phrases(
        "doneer; doneren; doneert; gedoneerd; donatie*; donateur*; een gift; "
        "(je|jouw|uw) gift; giften; schenking; schenkingen; periodieke schenking; "
        "periodieke gift; eenmalige gift; (eenmalige|maandelijkse|jaarlijkse) donatie; "
        "(eenmalig|maandelijks|jaarlijks|periodiek) doneren; geef nu; geef vandaag; "
        "geef wat je kunt; geef een bijdrage; bijdrage; bijdragen; financiële bijdrage; "
        "vrijwillige bijdrage; kleine bijdrage; maandelijkse bijdrage; aftrekbaar; "
        "fiscaal aftrekbaar; belastingaftrek; belastingvoordeel; anbi; anbi-status; tikkie; "
        "betaal met ideal; via ideal; paypal; doe een donatie; doe een gift; trakteer; "
        "trakteer ons; trakteer me; kopje koffie; machtiging; automatische incasso; overmaken; "
        "maak over; rekeningnummer; ten name van; t.n.v.; fondsenwerving; bedrag naar keuze; "
        "ander bedrag"
    ),
    member=phrases(
        "word lid; lid worden; wordt lid; lidmaatschap*; lid van; als lid; nieuwe leden; "
        "leden van; voor leden; alleen voor leden; ledenaantal; ledenactie; ledenwerf*; "
        "ledenwerving; maandlid; jaarlid; donateur worden; word donateur; word vriend; "
        "vrienden van; vriend van; steunlid; steunleden; coöperatie; sluit je aan; "
        "sluit u aan; doe mee; kom erbij; gemeenschap; supporter*"
    ),
    subscribe=phrases(
        "abonnee*; abonnement*; abonneer*; proefabonnement*; jaarabonnement*; "
        "maandabonnement*; digitaal abonnement; word abonnee; neem een abonnement; per maand; "
        "per jaar; per week; p/m; eerste maand; maand gratis; gratis proberen; probeer gratis; "
        "onbeperkt toegang; onbeperkte toegang; volledige toegang; toegang tot alle; "
        "plusartikel*; plus-artikel*; al abonnee; ben je al abonnee; inloggen; log in; "
        "betaalmuur; opzegbaar; maandelijks opzegbaar; dagelijks opzegbaar; opzeggen; korting; "
        "aanbieding; papieren krant; digitale krant; e-paper; lees verder met; "
        "lees dit artikel; alleen voor abonnees; exclusief voor abonnees; blijven lezen; "
        "verder lezen; betaald artikel; betaalde toegang"
    ),
    newsletter=phrases(
        "persoonsgegevens; privacyverklaring; privacybeleid; door je aan te melden; nieuwsbrief*; "
        "meld je aan; meld u aan; aanmelden; aanmelding; inschrijven; "
        "schrijf je in; schrijf u in; inbox; mailbox; e-mailadres; je e-mailadres; "
        "uw e-mailadres; vul je e-mailadres in; e-mail; mail; afmelden; uitschrijven; "
        "privacyverklaring; privacybeleid; privacy statement; algemene voorwaarden; "
        "bedankt voor je aanmelding; bedankt voor uw aanmelding; je bent aangemeld; "
        "bevestig je aanmelding; check je inbox; in je inbox; in je mailbox; elke ochtend; "
        "iedere ochtend; elke week; wekelijks; dagelijks; elke vrijdag; elke zondag; "
        "ontvang onze; gratis nieuwsbrief"
    ),
    support=phrases(
        "steun*; steun ons; steun onze; steun de; help ons; help mee; help je mee; "
        "helpt u mee; mogelijk maken; mogelijk gemaakt; maakt het mogelijk; "
        "mede mogelijk gemaakt door; dankzij jou; dankzij u; dankzij jullie; "
        "dankzij onze lezers; dankzij lezers; zonder jou; zonder u; zonder jullie; "
        "afhankelijk van (onze lezers|lezers|jou|jullie|u|uw|je); (we|wij) zijn afhankelijk; "
        "rekenen op (jou|jullie|u); gefinancierd door; betaald door; lezersgefinancierd; "
        "gedragen door; financieel steunen; investeer in; sta achter; overweeg; alsjeblieft; "
        "alstublieft; als je kunt; als u kunt; als je het waardeert; als je dit waardeert; "
        "waardevol (vind|vindt); waardeer je; draag bij; "
        "(houd|hou) ons (onafhankelijk|in de lucht); blijven bestaan; voortbestaan; zodat we; "
        "zodat wij; onafhankelijk blijven; met (je|jouw|uw) steun; jouw steun; uw steun; "
        "om door te gaan; (betaald|gefinancierd) door (lezers|onze lezers|leden|onze leden); "
        "als (je|u) ons werk waardeert; maak het verschil; het verschil maken"
    ),
    polite=phrases("alsjeblieft; alstublieft; graag; gewoon; klik hier en"),
    recipient=phrases("aan; voor"),
    ask=phrases(
        "neem (dan |)een (gratis |)abonnement; "
        "(neem|sluit) een (steunabonnement|abonnement) (af|); "
        "elke bijdrage telt; maak een gift; maak een gift over; geef nu; "
        "word ~(lid|abonnee|vriend|steunlid|donateur|member); "
        "doneer; doneren; word lid; lid worden; "
        "word (abonnee|vriend|donateur|member|steunlid|sponsor); steun ons; "
        "steun (onze|de|het) (journalistiek|redactie|omroep|werk|blog); "
        "steun onafhankelijke (journalistiek|media); steunen; help ons; "
        "neem een (abonnement|betaald abonnement|proefabonnement); abonneer; abonneren; "
        "schrijf je in; meld je aan; aanmelden voor (de|onze) nieuwsbrief; "
        "ontvang (de|onze) nieuwsbrief; in je (inbox|mailbox); je e-mailadres; "
        "gefinancierd door (lezers|leden|luisteraars|onze lezers); "
        "betaald door (lezers|leden); trakteer me op (een|koffie); koop een koffie; "
        "aftrekbaar; anbi; je bijdrage; jouw bijdrage; draag bij; bijdragen; "
        "geef een bijdrage; steun; sponsor; gesponsord door lezers; mee mogelijk; "
        "mogelijk maken; word pro; ik word; doe liever een gift; een gift; word coöperant; "
        "jouw steun; uw steun; je steun; nieuwsbrief; trakteren op; mag je me trakteren; "
        "trakteer me; word nu lid; al abonnee; "
        "word (aandeelhouder|steungever|tientjeslid|supporter|mede-eigenaar); "
        "(aandeelhouder|steungever|donateur|coöperant) (te|) worden; steungever*; "
        "(bent u|ben je) al (steungever|lid|donateur); "
        "word (dan|vandaag|ook|snel) (lid|abonnee|donateur|vriend); "
        "(een|) (steunabonnement|lidmaatschap) (te|) nemen; "
        "neem (nu|vandaag|direct) een (abonnement|proefabonnement); "
        "neem (nu|vandaag|direct) een (lidmaatschap|steunabonnement); "
        "(ons|mijn) werk financieel ondersteunen; (jij|u|jullie) (maakt|maken) dit mogelijk; "
        "(jij|u|jullie) (maakt|maken) onze journalistiek mogelijk; "
        "(jij|u|jullie) (maakt|maken) onafhankelijke journalistiek mogelijk; "
        "dit soort artikelen blijven lezen; lees onbeperkt; de eerste maand (is|) gratis; "
        "(dit artikel|dit stuk) krijg je cadeau; (beschikt over|met) een geldig abonnement; "
        "betaalde toegang; meld je (hieronder|hier|nu|vandaag) (gratis|) aan; "
        "meld u (hier|nu|hieronder) (gratis|) aan; schrijf je (hier|nu|gratis|hieronder) in; "
        "in uw (mailbox|inbox|mail); altijd op de hoogte blijven; help (je|jij|u) mee; "
        "we rekenen op (u|jou|jullie|uw|jouw); (uw|jouw|je) fair share; permanente opdracht; "
        "(storten|stort) (op onze rekening|aan ons); fiscaal attest; "
        "(doe|geef) een (kleine|eenmalige|maandelijkse|) donatie; periodieke donatie; "
        "(uw|je|jouw) gift; (bepaal|kies) zelf (wat je betaalt|de prijs); "
        "(hebben we|we hebben) wel wat geld nodig; "
        "(onze|deze) journalistiek mogelijk te maken; onze wervingsactie; koop een aandeel; "
        "steun (de|onze|je) (lokale|regionale|onafhankelijke) (omroep|journalistiek|krant); "
        "(wil je|wilt u) (verder|blijven) lezen; "
        "(wil je|wilt u) ~(blijven lezen|verder lezen); "
        "al lid; ben je al lid"
    ),
    funded=phrases(
        "dankzij de steun van (onze lezers|lezers|onze leden|onze donateurs); "
        "(wij zijn|we zijn) afhankelijk van (onze lezers|lezers|jouw steun|uw steun); "
        "gefinancierd door (lezers|leden|luisteraars|onze lezers|onze leden|zijn lezers); "
        "betaald door (lezers|leden|onze lezers|onze leden); gedragen door (lezers|leden); "
        "bestaat dankzij (haar|zijn|onze) (leden|lezers|abonnees|donateurs); "
        "dankzij (onze|haar|zijn) (leden|lezers|abonnees|donateurs); advertentievrij; "
        "zonder advertenties; zonder betaalmuur; "
        "niet bestaan zonder (haar|zijn|onze) (leden|lezers|abonnees|donateurs); "
        "mogelijk gemaakt (door|dankzij) (lezers|leden|abonnees|donateurs); "
        "(we zijn|wij zijn) van onze (lezers|leden); "
        "verantwoording verschuldigd aan onze (lezers|leden); "
        "(we zijn|zijn we) niet afhankelijk van (adverteerders|aandeelhouders); "
        "onze hoop is (dus|) op onze lezers; "
        "(100%|) gratis dankzij (uw|jouw|jullie) (giften|donaties); "
        "is van (zijn|haar) (lezers|leden|abonnees); "
        "(we|wij) hebben geen (mediagroep|uitgever|investeerder|miljardair) achter ons"
    ),
    opener=phrases(
        "heeft jou nodig; heeft u nodig; heeft je nodig; in jouw handen; in uw handen; "
        "een bericht van; een boodschap van; een brief van; een oproep; "
        "een vraag aan (jou|u|jullie); mogen we je iets vragen; mogen we u iets vragen; "
        "mag ik je iets vragen; beste lezer*; lieve lezer*; beste vrienden; hallo; hoi; "
        "voordat je verder leest; voor je verdergaat; voordat je gaat; nog één ding; "
        "nog een ding; we hebben je hulp nodig; we hebben uw hulp nodig; we hebben je nodig; "
        "we hebben jullie nodig; een klein verzoek; een dringend verzoek; "
        "bedankt voor het lezen; dank voor het lezen; fijn dat je er bent; "
        "vind je dit artikel waardevol; vond je dit artikel; vond je dit; "
        "heb je iets aan dit artikel; beviel dit artikel; dit artikel is gratis; "
        "dit stuk is gratis; je hebt net; je leest; je las; wat je net las; van de redactie; "
        "even dit; in eigen zaak"
    ),
    button=phrases(
        "verzenden; versturen; betaalmethoden; betaalmogelijkheden; "
        "doneer; doneer nu; doneren; nu doneren; geef; geef nu; steun; steun ons; steun nu; "
        "word lid; nu lid worden; lid worden; word abonnee; abonneer; abonneer nu; abonneren; "
        "neem een abonnement; aanmelden; meld je aan; meld u aan; inschrijven; schrijf je in; "
        "inloggen; log in; maandelijks; jaarlijks; eenmalig; per maand; per jaar; "
        "ander bedrag; kies een bedrag; kies je bedrag; herinner me later; later; "
        "misschien later; nu niet; nee, bedankt; nee bedankt; sluiten; verder; doorgaan; "
        "lees meer; lees verder; meer lezen; meer informatie; ik ben al lid; al lid? log in; "
        "al abonnee? log in; ja, ik doe mee; ik doe mee; ik steun; ja, ik steun; "
        "probeer gratis; gratis proberen; probeer nu; word donateur; word vriend; "
        "doe een gift; betaal met ideal; tikkie; trakteer; geef een abonnement cadeau; "
        "cadeau geven; verlengen; nu verlengen; bekijk de aanbieding; naar de aanbieding"
    ),
    meter=phrases(
        "doel; ons doel; van ons doel; doelbedrag; streefbedrag; opgehaald; bijeengebracht; "
        "donateurs; nieuwe leden; nog te gaan; dagen te gaan; resterend; bereikt; "
        "doel bereikt; tot nu toe; nog nodig; doelstelling; we zijn er bijna; bijna bereikt"
    ),
    signoff=phrases(
        "hoofdredacteur; hoofdredactie; adjunct-hoofdredacteur; uitgever; oprichter; "
        "medeoprichter; mede-oprichter; directeur; algemeen directeur; hartelijke groet; "
        "hartelijke groeten; met vriendelijke groet; vriendelijke groet; groet; groeten; "
        "warme groet; dank je wel; dank u wel; bedankt; dank; hartelijk dank; "
        "namens de redactie; namens het hele team; het team; de redactie; en de rest van"
    ),
    mission=phrases(
        "journalistiek; journalist*; redactie; nieuws; verslaggeving; onafhankelijk*; "
        "non-profit; zonder winstoogmerk; democratie; persvrijheid; vrije pers; waarheid; "
        "feiten; missie; publiek belang; maatschappelijk belang; onderzoeksjournalistiek; "
        "diepgravend*; advertentievrij; reclamevrij; zonder advertenties; geen advertenties; "
        "adverteerders; advertenties; reclame; betaalmuur; paywall; miljardair*; "
        "aandeelhouders; mediaconcern*; eigenaren; gratis voor iedereen; "
        "voor iedereen toegankelijk; vrij toegankelijk; desinformatie; nepnieuws; kwaliteit; "
        "kwaliteitsjournalistiek; lokale journalistiek; lokaal nieuws; "
        "regionale journalistiek; controlerende macht; waakhond; constructieve journalistiek; "
        "privacyvriendelijk; gemeenschap; kost geld; kost tijd en geld"
    ),
    urgency=phrases(
        "vandaag; nu; meteen; vanavond; voor middernacht; deze week; deze maand; "
        "voor 31 december; eind van het jaar; einde van het jaar; jaareinde; in de komende; "
        "nog maar; de tijd dringt; deadline; dringend; urgent; elke euro; iedere euro; "
        "elk bedrag; ieder bedrag; elke bijdrage; elke donatie; alle beetjes helpen; al vanaf; "
        "telt; meer dan ooit; nu meer dan ooit; nog nooit zo; het kost maar; duurt maar; "
        "een minuutje; een paar minuten"
    ),
    report=phrases(
        "zei; zegt; zeggen; zeiden; gezegd; vertelde; vertelt; volgens; aldus; meldt; meldde; "
        "gemeld; liet weten; laat weten; verklaarde; verklaart; legde uit; voegde toe; "
        "voegt toe; benadrukte; schreef; schrijft; stelde; bevestigde; bevestigt; "
        "kondigde aan; maakte bekend; woordvoerder*; in een verklaring; in een interview; "
        "tegenover; het rapport; een rapport; het onderzoek; uit onderzoek; de studie; "
        "enquête; peiling; politie; justitie; openbaar ministerie; rechter; rechtbank; "
        "minister; ministerie; kabinet; burgemeester; wethouder; kamerleden; de gemeente; "
        "deskundigen; onderzoekers; omwonenden; bewoners; vorig jaar; vorige week; "
        "afgelopen week; maandag; dinsdag; woensdag; donderdag; vrijdag; zaterdag; zondag; "
        "procent; miljoen; miljard; anp; belga"
    ),
    third=phrases(
        "goed doel; goede doelen; liefdadigheid; liefdadigheidsinstelling; voedselbank; "
        "daklozenopvang; ziekenhuis; kerk; de stichting; het fonds; fondsen; subsidie*; "
        "verkiezingscampagne; de campagne van; campagnegeld; kandidaat; kandidaten; "
        "partijdonatie*; partijfinanciering; giro 555; crowdfunding; crowdfundingactie; "
        "inzamelingsactie; inzameling; benefiet*; filantroop; filantropie; filantropisch; "
        "donoren; haalde op; ingezameld; slachtoffers; getroffenen; gezinnen; organisatoren; "
        "de organisatie; de vereniging; het museum; de universiteit; de school; het bedrijf; "
        "zijn leden; haar leden; cbf; kwf; rode kruis; unicef; artsen zonder grenzen; "
        "voordekunst; hun"
    ),
)
