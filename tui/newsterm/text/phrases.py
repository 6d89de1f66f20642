"""The phrase tables behind appeal detection, in English, Spanish, German, French, Portuguese.

One rule per line: category, weight, kind (D donation, M membership, S subscription,
N newsletter, - none) and a lower-case pattern; an indented line continues the pattern
(joined directly after a "|" or "(", else with a space). Patterns use "(a|b|)" alternatives
(an empty one makes the group optional) and a trailing "*" for a stem. Matching is on whole
words.

Categories:
  ask     a request to give money, join, subscribe or sign up: the core of an appeal
  soft    a request that could be for anything ("help us", "please join", "your email"):
          an ask only beside money, membership or publisher words (or, see evidence.py, a
          donation link or appeal markup); newsletter ones also need sign-up words and a
          short block
  imp     an ask verb that counts only as an imperative (opening a sentence, after "please")
  self    the publisher speaking of itself and its funding to the reader
  you     the reader addressed ("you", "your", "vous", "dein"...)
  we      first person plural ("we", "our", "nous", "wir"...)
  money   money and membership nouns
  urge    urgency: deadlines, matching gifts, goals
  lead    lines that introduce an appeal ("dear reader", "before you go")
  report  reporting and attribution ("said", "according to"): journalism, not an ask
  third   third parties giving or raising money ("donated", "super pac"): news about money
  none    words that only look like a signal ("support for", "help desk"): they mask it
"""

from __future__ import annotations

__all__ = ["PHRASES", "parse_rules"]

_KINDS = {"D": "donation", "M": "membership", "S": "subscription", "N": "newsletter", "-": ""}


def parse_rules(table: str) -> list[tuple[str, float, str, str]]:
    """Rules (category, weight, kind, pattern) from the line format described above."""
    rules: list[tuple[str, float, str, str]] = []
    for line in table.splitlines():
        if not line.strip():
            continue
        if line[0].isspace():
            category, weight, kind, pattern = rules[-1]
            glue = "" if pattern.endswith(("|", "(")) else " "
            rules[-1] = (category, weight, kind, pattern + glue + line.strip())
            continue
        category, weight, kind, pattern = line.split(maxsplit=3)
        rules.append((category, float(weight), _KINDS[kind], pattern.strip()))
    return rules


_EN = """
ask     3.5 D  donate (now|today|here|monthly|securely|online|to us|to our newsroom)
ask     3.0 D  (make|making) (a|your) (one-time |monthly |recurring |tax-deductible |year-end |
               small |generous |special |)(donation|gift|contribution|pledge)
ask     3.0 D  give (monthly|generously|what you can)
soft    3.0 D  give (now|today)
ask     3.0 D  (make|making) (a|your) (one-time|monthly|recurring|tax-deductible|year-end|
               generous)
ask     2.5 D  (donation|gift|contribution|pledge) (now|today)
ask     3.0 D  (double|triple|match) my (impact|gift|donation)
ask     3.0 D  yes, i('ll| will|'d like to|want to) (give|donate|support|become|join|chip|help)
ask     3.0 S  upgrade to (paid|premium|a paid subscription|a paid plan|a premium)
soft    3.0 D  show your (support|appreciation|love) (with|by|for|today)
ask     3.0 S  (reached your limit|article limit|free article limit|articles remaining|
               stories remaining)
ask     3.0 S  (your|of your) (last |remaining |)(free articles|free stories)
ask     3.0 S  (free articles|free stories) (left|remaining)
ask     3.0 D  sponsor (me|us|my work|our work|this project|this blog|this newsletter) (on|via|
               through|with|today|now)
ask     3.0 D  (sponsor|back|fund) (me|us) on (github|github sponsors|open collective|patreon)
ask     3.0 D  if every (reader|one of you|person reading|listener|viewer|subscriber|member)
ask     2.5 D  (launched|started|kicked off) (a|our) (fundraising|membership|year-end|
               end-of-year|annual|reader|spring|fall) (campaign|drive|appeal)
ask     3.5 D  (chip|pitch) in
ask     3.5 D  (support|fund|sustain|power|protect|defend|save|back) (us|our work|
               our journalism|our reporting|our newsroom|our mission|our nonprofit|our coverage|
               our independent journalism|our team|our journalists|our reporters|this work|
               this newsletter|this podcast|this site|this blog|my work|me)
ask     3.5 D  support (independent|local|nonprofit|non-profit|public-interest|public interest|
               quality|investigative|community|free|trusted|fearless|reader-funded|
               people-powered|accountability|watchdog|climate|solutions) (journalism|news|media|
               reporting|newsrooms)
ask     3.0 D  support (journalism|reporting|stories|work|coverage) like this
ask     3.5 D  support (our|my) (rural |local |independent |nonprofit |investigative |
               award-winning |community |environmental |climate |political |watchdog |in-depth |
               public-interest |science |accountability |regional |reader-funded |small |)
               (journalism|reporting|newsroom|work|coverage|mission|journalists|reporters|
               writing|newsletter|podcast|project)
ask     3.0 M  not a (member|subscriber|supporter|donor|patron|sustainer) yet
ask     3.0 M  (thank you|thanks)(,|) (patrons|supporters|members|backers|donors|subscribers|
               sustainers)
ask     3.0 M  (supporters|patrons|members|backers|subscribers) on (patreon|ko-fi|substack|
               steady|memberful)
ask     3.0 D  (will|to|would) (double|match|triple) (every|each|your|all|any|the first) (gift|
               donation|dollar|contribution|pledge)
ask     3.5 M  become a (member|sustainer|patron|supporter|subscriber|monthly donor|donor|
               sustaining member|founding member|paid subscriber|paying subscriber|
               premium member|friend of|champion|monthly supporter|contributor)
ask     3.0 M  (join|support) (us|me) on (patreon|ko-fi|substack|steady)
ask     2.5 M  (bonus|exclusive|extra|ad-free|early) (content|episodes|episode|posts|videos) (on|at|
               via|over at) (patreon|ko-fi|substack|steady|supercast|memberful)
ask     3.0 M  join (our members|our supporters|our sustainers|thousands of (members|
               supporters|donors|sustainers))
soft    3.0 M  join (us today|us now|our community of|the thousands of|thousands of readers|
               the club|our club)
ask     3.0 D  consider (supporting|donating|a donation|making a|becoming|subscribing|
               a subscription|a contribution|chipping in|joining|a gift|giving|a one-time|
               a monthly|upgrading|a paid|a tax-deductible)
ask     3.0 D  please (donate|chip)
soft    3.0 D  please (give|support|consider|subscribe|help|contribute|join|become)
soft    3.0 D  (we|i) (encourage|urge|invite|ask|are asking|am asking) you to (donate|give|support|
               chip in|become|join|subscribe|contribute|make a)
soft    3.0 D  (we're|i'm) asking you to (donate|give|support|chip in|become|join|subscribe|
               contribute|make a)
ask     3.0 D  (donate|support us) (today|now)
soft    3.0 D  (give|contribute|subscribe|join|sign up) (today|now)
soft    3.0 D  your (support|generosity|help) (helps|makes|keeps|ensures|will|
               allows|enables|is what|goes|matters|today|powers|funds|sustains|means|supports|
               pays|can|directly)
ask     3.0 D  your (donation|gift|contribution|membership|subscription|
               tax-deductible gift|pledge) (helps|makes|keeps|ensures|will|
               allows|enables|is what|goes|matters|today|powers|funds|sustains|means|supports|
               pays|can|directly)
soft    3.0 D  help (us|keep|fund|sustain|support|protect|power|ensure) (keep|continue|grow|
               produce|sustain|fund|make|bring|do|cover|reach|hit|meet|raise|stay|remain|our|
               this|independent|local|journalism|reporting|it|the)
ask     3.5 D  (buy|get) (me|us) a (coffee|beer|pizza)
ask     3.0 D  (small|quick|big) (favor|favour) to ask
soft    3.0 D  (can't|cannot|can not|couldn't) (do|continue) (this|it|our work) without (you|
               your|readers|our readers)
ask     3.0 D  (any|every) (amount|size|gift|contribution|donation|dollar|bit|pledge) (helps|
               counts|matters|makes|makes a difference)
ask     3.0 D  of any (size|amount)
ask     3.0 D  take (a minute|a moment|a few minutes|a second|one minute) (now |today |)to (donate|
               give|chip in|pledge|become a member|support us|support our work)
soft    2.5 D  (for|with|from|starting at) as little as
soft    2.0 D  (it only takes|it takes just|takes only|only takes) (a minute|a moment|a few seconds|
               seconds|one minute)
money   1.5 D  tax(-| )deductible
urge    1.0 D  (fund|pledge|membership|member|spring|fall|winter|year-end) drive
urge    1.0 D  (fundraising|membership|year-end|end-of-year) (drive|campaign|push|appeal)
ask     3.0 D  (will be|gets|get|is|are|be) (matched|doubled|tripled)
ask     3.0 D  (double|triple|doubles|triples) (your|its|the) (gift|donation|impact)
ask     2.5 D  matching (gift|gifts|donation|donations|challenge|campaign)
ask     3.0 D  (donors|members|supporters|patrons|sustainers) like you
soft    3.0 D  (readers|listeners|viewers|people|folks) like you
ask     3.0 D  (is|was|are|were) (made possible|funded|supported|paid for|powered|
               brought to you) by (readers|
               members|donors|supporters|you|listeners|viewers|our readers|our members)
ask     3.0 D  (thank you|thanks) (for|to) (our (members|donors|supporters|sustainers|
               subscribers)|all our (members|donors|supporters)|
               everyone who (gave|donated|gives|donates))
soft    3.0 D  (thank you|thanks) (for|to) (your support|supporting|our readers|
               everyone who supports)
ask     3.0 D  (thank you|thanks) for supporting (us|our work|our journalism|our newsroom|
               this newsletter|this podcast|the show|my work|independent journalism|
               local journalism|local news|nonprofit journalism|nonprofit news|public radio|
               public media)
ask     3.0 D  (comes|come) from (listeners|readers|viewers|members|supporters|donors|people)
               like you
ask     2.5 S  subscribe (now|today|here|for free|to continue|to read|to keep|to get|to unlock|
               and save|for just|for only|for less)
ask     2.5 S  (start|begin|try) (your|a) (free |)(trial|subscription)
ask     2.5 S  (already a|existing) (subscriber|member)(?|? log in|? sign in|, log in|
               , sign in| log in| sign in)
lead    1.5 M  already (a supporter|a donor|a sustainer|a patron|subscribed|contributed)
ask     2.5 S  (get|unlock|enjoy) (unlimited|full|digital|premium|ad-free) access
ask     2.5 S  (by|for) subscribing
ask     2.5 S  (exclusive to|for|only for) (subscribers|members|paid subscribers)
ask     3.0 N  (sign up|sign-up|subscribe|register) (for|to) (our|my|the) (free |daily |weekly |
               )(newsletter*|email*|briefing|digest)
ask     2.5 N  (sign up|signup|sign-up|subscribe) (for|to) (our|my)
ask     2.5 N  sign up (here |now |today |)to (get|receive) (an email|emails|email alerts|
               our emails|our newsletter|the newsletter|a weekly email|a daily email)
ask     3.0 N  (get|receive) (our|the) (free |daily |weekly |morning |evening |)(newsletter|
               briefing|digest|email)
ask     3.0 N  (delivered|sent|straight|directly|right) (to|into|in) your inbox
ask     2.5 N  (to|in|into|hit) your inbox
soft    2.5 N  (enter your|your|enter an|enter) email( address|)
ask     2.5 N  (never|don't|do not) miss (a|an|another) (story|issue|update|thing|beat|
               newsletter|edition|post|episode)
ask     2.5 N  join (our|the) (mailing list|newsletter|email list)
ask     2.5 N  (unsubscribe|opt out) (at any time|anytime)
ask     2.5 N  by signing up
ask     2.5 N  free newsletter*
imp     2.0 D  (donate|give|contribute|chip|pledge|support|help|fund)
money   1.0 D  (donate|contribute|pledge)
none    0.0 -  (please |)(donate|donating|give|giving) (blood|plasma|platelets|bone marrow|
               organs|a kidney)
none    0.0 -  (support|help|give|fund|join) (for|from|among|of|has|had|is|was|grew|grows|fell|
               rose|dropped|remains|waned|wanes|wanted|desk|center|centre|line|way|up|forces|
               managers|manager|may|might|can|could|will|would|should|must|comes|came|varies|
               includes|included|remained|depends)
imp     2.0 M  (join|become)
imp     2.0 S  subscribe
imp     2.0 N  (sign up|signup)
none    0.0 -  (subscribe|follow|listen) (now |today |for free |)(in|on|via|with|using|at|
               wherever|anywhere) (your podcast app|your favorite podcast app|
               your favourite podcast app|your podcast player|your podcatcher|any podcast app|
               apple podcasts|itunes|spotify|youtube|overcast|pocket casts|google podcasts|
               you get your podcasts|you listen|you get podcasts)
none    0.0 -  (subscribe|subscribe to|sign up for|follow) (our|my|the) (youtube|youtube channel|
               channel|podcast|rss feed|feed|playlist|twitch|instagram|tiktok|facebook page)
self    1.5 D  our (journalism|reporting|newsroom|journalists|reporters|work|mission|coverage|
               independence|nonprofit|site|website|podcast|newsletter|members|donors|supporters|
               sustainers|readers|listeners|writers|editors|stories|fundraising|paywall|
               business model)
self    1.5 D  we (rely|depend|count|are counting|are relying|are depending) on
self    1.5 D  (we're|we are|we've always been|we remain) (a |an |)(small|nonprofit|non-profit|
               independent|reader-supported|reader-funded|member-supported|listener-supported|
               community-funded|free|ad-free)
self    1.5 D  as a (nonprofit|non-profit|independent|small|reader-supported) (newsroom|
               news organization|publication|outlet|site|media)
self    1.5 D  (nonprofit|non-profit|independent|reader-supported) newsroom
self    1.5 D  supporting (independent|local|nonprofit|non-profit|public-interest|investigative|
               community|public) (journalism|news|media|reporting|radio)
self    1.5 D  independent(,|) (nonprofit|non-profit|reader-supported|
               reader-funded) (journalism|news|media|newsroom|publication)
self    2.0 D  (reader|listener|viewer|member|community|people|audience)(-| )(supported|funded|
               powered|driven|financed)
self    1.5 D  funded by (readers|our readers|you|members|people like you|our members)
self    2.0 D  owned by (its|our|the) (readers|members|subscribers|community|employees|staff)
self    1.5 D  keep (local news|the news|journalism|local journalism|this newsletter|this site|
               this project|us) (coming|going|alive|free|independent|running|afloat|online|
               strong|thriving|on the air)
self    1.5 D  (free|open) (for|to) (everyone|all|anyone|read|all readers)
self    1.5 D  (no|without a|without any|never put up a|don't have a|won't put up a) paywall*
self    1.5 D  paywall-free
self    1.5 D  keep (our|this|the) (journalism|reporting|site|work|content|news|stories|
               articles|newsletter) (free|open|accessible|independent|going|alive|available)
self    1.0 D  (journalism|reporting|our work) (costs|is expensive|isn't free|is not free|
               takes time|costs money)
self    1.0 D  (no|without) (billionaire|corporate|hedge fund) (owner|owners|backers)
you     0.5 -  (you|your|yours|you're|you've|you'll|you'd|yourself)
we      0.5 -  (we|our|ours|us|we're|we've|we'll|ourselves)
money   1.0 D  (donation|donations|donating|contribution|contributions|sustainer*|one-time|
               recurring|monthly gift|per month|each month)
money   0.5 M  (membership|memberships|member|members|patron|patrons|pledge)
money   0.5 S  (subscription|subscriptions|subscriber|subscribers|newsletter*|inbox)
money   1.0 S  (group|gift|student|annual|digital) (subscription|subscriptions|membership|
               memberships)
money   0.5 D  (gift|gifts|dollar|dollars|support|supporters|donor|donors)
urge    1.0 D  (our|the|this|your) (goal|deadline|target)
urge    1.0 D  (goal|target) (to raise|of raising|is to raise)
lead    1.0 D  if you want more (posts|stories|articles|reporting|journalism|coverage|essays|
               episodes) like this
urge    1.0 D  (today only|midnight|end of the year|end of the month|giving tuesday|last chance|
               hours left|days left|final hours|final days|year-end|year end|this month)
lead    1.0 D  (dear reader|dear readers|a message from|a note from|a letter from|before you go|
               before you leave|before you close|before you scroll|before you move on|
               one more thing|thank you for reading|thanks for reading|thanks for being here)
lead    1.0 D  (did you|do you) (like|enjoy|value|find|appreciate|rely on) (this|our|these|that|
               what)
lead    1.0 D  (if|since) you (enjoyed|liked|like|value|valued|appreciate|found|find|believe|
               care|rely|can|are able|read|made it)
lead    1.0 D  (enjoyed|liked|like|valued|appreciate|appreciated) (this|our|the) (story|article|
               reporting|journalism|newsletter|piece|post|work|coverage)
report -1.5 -  (email|emails|message|letter|text|ad|post|appeal|solicitation|mailer|pitch)
               (read|reads|said|says|urged|asked|pleaded)
report -1.5 -  (said|says|told|according to|announced|reported that|reported on|first reported|
               was reported|wrote|writes|wrote that|urged|noted|added|explained|testified|
               stated|spokesperson|
               spokesman|spokeswoman|wrote in|said in|in a statement|press release|filings show|
               records show|data show|court documents)
report -1.5 -  (study|studies|survey|surveys|research|researchers|analysis|poll|report|experts)
               (found|finds|find|shows|showed|show|suggests|suggested|concluded|estimated)
third  -1.0 -  (donate|give|contribute|donations|contributions|donating|giving) to (the|a|an|
               local|victims|families|relief|organizations|charities|groups|those|people)
third  -1.5 -  (charity|charities|good cause|good causes|those in need)
third  -1.0 -  (donated|contributed|pledged|raised|gave|donors|fundraiser|fundraisers|
               campaign finance|super pac|political action committee|pac|foundation|
               telethon|grant|grants|endowment|philanthropist|billionaire|gofundme|
               crowdfunding|the campaign|his campaign|her campaign|their campaign)
"""

_ES = """
ask     3.5 D  (dona|donar|haz una donación|haz un donativo|realiza una donación|colabora|
               aporta|contribuye) (ahora|hoy|aquí|ya)
ask     3.0 D  haz (una|tu) (donación|aportación|aporte|contribución)
ask     3.5 D  (apóyanos|apoyanos)
soft    3.5 D  (ayúdanos|ayudanos|súmate|sumate)
ask     3.5 D  apoya (nuestro|el|a|al|este) (periodismo|trabajo|medio|proyecto|diario)
ask     3.0 D  (colabora|colaborar) con (nosotros|nuestro)
ask     3.0 D  (tu|su) (apoyo|aporte|aportación|donación|contribución|suscripción) (es|nos|hace|
               permite|ayuda|marca|sostiene|garantiza)
ask     3.0 D  cualquier (cantidad|aporte|monto|importe|aportación)
money   1.5 D  (deducible|deducibles)
ask     3.0 D  (lectores|lectoras|personas|socios) como (tú|tu|usted|vosotros)
ask     3.0 D  (necesitamos|dependemos de) (tu|su|tus|sus|nuestros lectores|los lectores|
               lectores|ti|usted)
ask     3.5 M  (hazte|házte|hágase|hacerte|hazte ya) (socio|socia|miembro|suscriptor|
               suscriptora|mecenas|donante|amigo)
ask     3.0 S  (suscríbete|suscribete|suscríbase|suscribase)
ask     3.0 N  (recibe|apúntate|apuntate|regístrate|registrate|suscríbete|suscribete) (a |al |
               en |)(nuestro|nuestra|el|la|nuestros) (boletín|boletines|newsletter*)
ask     2.5 N  en tu (correo|bandeja de entrada|email|buzón)
lead    1.5 M  (ya soy|ya eres|ya es|ya sos) (socio|socia|suscriptor|suscriptora|miembro|
               mecenas)
lead    1.5 M  ya tienes (una|tu) suscripción
imp     2.0 D  (dona|apoya|colabora|contribuye|aporta|únete|unete)
imp     2.0 D  (colaborá|colabora|sumate|apoyá|doná|suscribite|asociate|hacete socio|
               hacete socia)
self    2.0 D  (lo|la|los|nos) (bancan|sostienen|financian|pagan) (nuestros|nuestras|sus)
               (lectores|lectoras|socios|socias|suscriptores)
self    1.5 D  (es|son) (gratuito|gratuita|gratis|libre|abierto|abierta) porque
lead    1.0 D  si te (sirve|gusta|gustó|interesa) (lo que hacemos|nuestro trabajo|este contenido|
               esta nota|este artículo|nuestro periodismo)
self    1.5 D  (nuestro|nuestra) (periodismo|trabajo|redacción|independencia|misión|medio|
               equipo|cobertura)
self    1.5 D  periodismo (independiente|libre|de calidad|sin ataduras)
self    1.5 D  sin (muros de pago|muro de pago|publicidad|accionistas)
you     0.5 -  (tú|tu|tus|te|ti|usted|ustedes|vosotros|contigo)
we      0.5 -  (nosotros|nosotras|nuestro|nuestra|nuestros|nuestras|necesitamos|somos)
money   1.0 D  (donación|donaciones|donativo|aporte|aportes|aportación|contribución|suscripción|
               suscriptor*|socios|socias|cuota|mecenas|mensual|al mes)
lead    1.0 D  (gracias por leernos|gracias por leer)
lead    1.0 D  (querido lector|querida lectora|queridos lectores|estimado lector)
report -1.5 -  (dijo|afirmó|declaró|según|explicó|aseguró|informó|anunció|señaló|indicó)
third  -1.0 -  (donó|donaron|recaudó|recaudaron|fundación|organización benéfica)
"""

_DE = """
ask     3.5 D  jetzt (spenden|unterstützen|mitglied werden|fördern|unterstützer werden|
               abonnieren|abonnent werden)
ask     3.5 D  spenden sie (jetzt|heute|uns|einmalig|monatlich)
ask     3.5 D  (unterstützen sie|unterstütze|unterstützt) (uns|unsere|unseren|unser|
               unabhängigen|den unabhängigen|guten|freien|kritischen)
ask     3.0 D  (ihre|deine) (spende|unterstützung|hilfe|mitgliedschaft|förderung) (hilft|macht|
               sichert|ermöglicht|zählt|trägt)
ask     3.0 D  mit (ihrer|deiner) (spende|unterstützung|mitgliedschaft)
ask     3.0 D  jeder (betrag|euro) (hilft|zählt)
money   1.5 D  steuerlich absetzbar
ask     3.5 M  (werden sie|werde|werdet) (mitglied|förderer|förderin|unterstützer|
               unterstützerin|abonnent|abonnentin|fördermitglied)
ask     3.0 M  mitglied werden
ask     3.0 D  freiwillig für (unseren|unsere|den|diesen|guten) (journalismus|arbeit|artikel|text)
ask     3.0 S  mit (einem|einer|ihrem|deinem) (digital-abo|abo|abonnement|mitgliedschaft|spende|
               beitrag) (lesen|ermöglichen|unterstützen|sichern|finanzieren|helfen|erhalten|
               stärken)
ask     3.0 D  (mich|uns) (auf|über|bei|via) (steady|patreon|ko-fi|paypal|liberapay|
               buymeacoffee) unterstützen
ask     3.0 D  (kannst du|können sie|könnt ihr) (mich|uns|unsere arbeit|meine arbeit)
ask     3.0 D  freiwillig (zahlen|bezahlen|unterstützen)
ask     3.0 D  (leserinnen und leser|leser|menschen) wie (sie|du|dich)
ask     3.0 N  (newsletter|den newsletter|unseren newsletter) (abonnieren|bestellen)
ask     3.0 N  (abonnieren sie|abonniere|bestellen sie|melden sie sich für|
               melde dich für) (unseren|den|unsere|hier)
ask     2.5 N  (in ihr|in dein|ins) postfach
lead    1.5 M  (ich bin|bin|sie sind|du bist) (schon|bereits) (dabei|mitglied|abonnent|
               abonnentin|unterstützer|unterstützerin|förderer|förderin|fördermitglied)
lead    1.5 M  (schon|bereits) (mitglied|abonnent|abonnentin|abonniert|unterstützer|
               unterstützerin)
imp     2.0 D  (spenden sie|unterstützen sie|abonnieren sie)
self    1.5 D  (sind wir|wir sind) (auf|angewiesen)
self    1.5 D  (unabhängigen|unabhängiger|freien|kritischen) journalismus
self    1.5 D  (unser|unseren|unsere) (journalismus|arbeit|redaktion|recherchen|
               berichterstattung|unabhängigkeit)
self    1.5 D  (ohne|keine) (paywall|bezahlschranke)
self    1.5 D  (werbefrei|frei zugänglich|kostenlos zugänglich|für alle zugänglich)
self    2.0 D  (sie lesen|du liest) (diesen|den|einen) (text|artikel|beitrag) (gerade |)
               (kostenlos|gratis|frei)
self    1.5 D  (unsere|meine) (mitglieder|leserinnen|leser|unterstützer|förderer|abonnenten)
lead    1.0 D  (gefällt ihnen|gefällt dir|hat ihnen|hat dir) (dieser|dieses|diese|der|unser|
               mein)
lead    1.0 D  wenn (ihnen|dir) (meine|unsere|dieser|diese|der) (artikel|arbeit|beiträge|
               beitrag|texte|blog|newsletter)
you     0.5 -  (dein|deine|deinen|dir|dich|euch|ihnen)
we      0.5 -  (wir|uns|unser|unsere|unseren|unserem|unserer)
money   1.0 D  (spende|spenden|beitrag|mitgliedschaft|abo|digital-abo|abonnement|förderer|
               unterstützer|monatlich)
lead    1.0 D  (liebe leserin|lieber leser|liebe leserinnen|liebe leser)
report -1.5 -  (sagte|sagt|sagen|erklärte|erklärt|teilte mit|berichtete|betonte|betont|
               hieß es|laut)
third  -1.0 -  (spendete|spendeten|stiftung|wohltätigkeit)
"""

_FR = """
ask     3.5 D  (faites|faire|je fais) un don
ask     3.5 D  (soutenez|soutenir|soutiens)(-| )nous
ask     3.0 D  (soutenez|soutenir|soutiens) (notre|le|un|la|une) (journalisme|travail|rédaction|
               média|presse|information)
ask     3.0 D  (votre|ton) (soutien|don|contribution|aide|abonnement) (est|nous|permet|compte|
               finance|garantit|fait)
ask     3.0 D  (chaque|tout) don
money   1.5 D  (déductible|déductibles|défiscalisable|défiscalisé|réduction d'impôt)
ask     3.5 M  (devenez|deviens|devenir) (membre|abonné|abonnée|donateur|donatrice|mécène|
               adhérent|adhérente|soutien)
ask     3.0 S  (abonnez-vous|abonne-toi|je m'abonne|déjà abonné)
ask     3.0 D  (lecteurs|lectrices|personnes) comme (vous|toi)
ask     3.0 D  (nous avons besoin|nous comptons sur|nous dépendons) de (vous|votre|toi|
               nos lecteurs)
ask     3.0 N  (inscrivez-vous|abonnez-vous|inscris-toi|recevez) (à|a|gratuitement à|) (notre|
               la|nos) (newsletter|lettre|infolettre|lettres)
ask     2.5 N  dans votre boîte (mail|aux lettres|de réception)
lead    1.5 M  déjà (abonnée|abonnés|abonnées|membre|donateur|donatrice|inscrit|inscrite|
               adhérent|adhérente)
imp     2.0 D  (soutenez|donnez|contribuez|participez)
ask     3.0 D  vous pouvez (la|le|nous|me|les) soutenir
ask     3.0 D  je (soutiens|fais un don|donne|m'abonne|deviens membre|rejoins|participe)
self    2.0 D  (vit|vivons|vivent) (que |uniquement |grâce |)(des|de|aux|à) (dons|abonnements|
               lecteurs|lectrices|abonnés|adhérents)
ask     3.0 D  (soutenir|soutenez|soutiens|rejoignez|rejoindre) (sur|via) (tipeee|patreon|ulule|
               kisskissbankbank|helloasso|ko-fi|liberapay)
lead    1.0 D  si (cette|notre|ce|la|mon|ma) (lettre|newsletter|article|émission|podcast|travail|
               contenu|infolettre) vous (plaît|plait|intéresse|a plu)
money   1.0 D  (par|chaque) mois
self    1.5 D  (notre|nos) (journalisme|rédaction|travail|indépendance|journalistes|enquêtes|
               média)
self    1.5 D  (journalisme|presse|média|information) (indépendant|indépendante|libre)
self    1.5 D  sans (publicité|paywall|actionnaire|actionnaires)
self    1.5 D  (en accès libre|accessible à tous|gratuit pour tous)
you     0.5 -  (vous|votre|vos|tu|toi)
we      0.5 -  (nous|notre|nos)
money   1.0 D  (don|dons|abonnement|abonné|abonnés|adhésion|contribution|mécène|mécènes|mensuel)
lead    1.0 D  (cher lecteur|chère lectrice|chers lecteurs|chères lectrices)
report -1.5 -  (a déclaré|a dit|selon|a affirmé|a expliqué|a indiqué|a annoncé|déclare|
               a précisé)
third  -1.0 -  (a donné|ont donné|a versé|fondation|association caritative)
"""

_PT = """
ask     3.5 D  (doe|doa|contribua|colabore) (agora|hoje|já|qualquer|com)
ask     3.0 D  faça (uma|sua) (doação|contribuição)
ask     3.5 D  (apoie|apoia) (o|nosso|nossa|a|o nosso|a nossa|jornalismo|este) (jornalismo|
               trabalho|projeto|redação|independente|jornal)
ask     3.0 D  (seu|sua) (apoio|doação|contribuição|assinatura) (é|nos|permite|ajuda|faz|
               garante|mantém)
ask     3.5 M  (seja|torne-se|se torne|vire) (membro|assinante|apoiador|apoiadora|sócio|sócia|
               padrinho|madrinha|apoiante)
ask     3.0 D  qualquer (valor|quantia)
ask     3.0 D  (faça|faz|mande|envie) (um|uma|seu|sua) (pix|doação via pix|transferência)
money   1.0 D  (chave pix|via pix|pix)
ask     3.0 D  (leitores|leitoras|pessoas) como (você|vocês|tu)
ask     3.0 D  (precisamos|dependemos) (de você|do seu|da sua|dos nossos leitores|de leitores|
               do apoio|de vocês)
money   1.5 D  (dedutível|dedutíveis)
ask     3.0 S  (assine|assine já|assine agora|já é assinante)
ask     3.0 N  (inscreva-se|cadastre-se|assine|receba) (na|em|a) (nossa |)newsletter
ask     2.5 N  (no seu|em seu) (e-mail|email)
ask     2.5 N  na sua caixa de entrada
lead    1.5 M  já (sou|é|és) (assinante|apoiador|apoiadora|membro|sócio|sócia|aliado|aliada)
lead    1.5 M  já assina
imp     2.0 D  (apoie|contribua|doe|colabore)
self    1.5 D  (nosso|nossa) (jornalismo|trabalho|redação|independência|equipe|missão)
self    1.5 D  jornalismo (independente|livre|de qualidade|profissional)
self    1.5 D  sem (paywall|publicidade|acionistas)
you     0.5 -  (você|vocês|teu|tua|contigo)
we      0.5 -  (nós|nosso|nossa|nossos|nossas|precisamos)
money   1.0 D  (doação|doações|contribuição|assinatura|assinante|assinantes|apoiador|apoiadores|
               mensal)
lead    1.0 D  (caro leitor|cara leitora|caros leitores|prezado leitor)
report -1.5 -  (disse|afirmou|declarou|segundo|de acordo com|explicou|informou)
third  -1.0 -  (doou|doaram|arrecadou|fundação|instituição de caridade)
"""

PHRASES: tuple[tuple[str, float, str, str], ...] = tuple(
    rule for table in (_EN, _ES, _DE, _FR, _PT) for rule in parse_rules(table)
)
