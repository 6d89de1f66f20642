"""Czech: the words of appeals and of reporting."""

from newsterm.text.strip.lang.lexicon import Lexicon, phrases

# Left out as too ambiguous once lower-cased or read beside other languages: "my" (English
# "my"), "ty" (also "those"), "dar" and "dar*" (Spanish "dar"; the stem hits "daří se", "nadarmo"),
# "zdraví" ("health", not only "greets"), "zpravodaj" (also "a correspondent"), "odběr"
# (also blood draws and power use), "schránka" alone ("datová schránka"), "strany".
LEXICON = Lexicon(
    code="cs",
    name="Čeština",
    marks=phrases(
        "je; se; že; jsme; jsou; nás; náš; naše; vás; váš; vaše; také; který; která; které; "
        "jako; ale; nebo; být; bez; jen; si; podle; při; už; byl; bylo; byla; jak; mají; není; "
        "aby; když; ani; podpořte; přispějte; darujte; předplatné; čtenáři; čtenářů; "
        "posluchači; vám; dárců; můžete; vaši; odemknout; dárci; díky; podpořit; vaší; kávu; "
        "každý; verzi; získejte; darem; částkou; příspěvkem; příspěvků; darů; předplatitele; "
        "vámi; přispěj; přispět; daruj; darovat; předplatit; odebírejte; herohero; darujme; "
        "kampaň; sbírka; přispívat; dar; účet; nám; abychom; předplatným; přispěním; chcete; "
        "pokračovat; svůj; své; koruna; předplatného; žurnalistiky"
    ),
    reader=phrases(
        "vy; vás; vám; vámi; váš; vaš(e|eho|i|í|im|ich|emu|imi); tvůj; tvoj(e|i); tvá; tvé; "
        "tvou; tvého; tebe; tobě; milí čtenáři; milé čtenářky; vážení čtenáři; "
        "vážené čtenářky; drazí čtenáři; (čtenáři|lidé) jako (vy|ty); díky vám; pokud můžete; "
        "můžete; pokud chcete; chcete-li; vážení a milí"
    ),
    publisher=phrases(
        "nás; nám; námi; náš; naš(e|eho|i|í|im|ich|imi|emu); jsme; potřebujeme; můžeme; "
        "děláme; píšeme; chceme; prosíme; fungujeme; přinášíme; naše redakce; naše novinařina; "
        "naše žurnalistika; naši novináři; náš tým; naše práce; naši práci; naše mise; "
        "naši čtenáři; tento newsletter; tento web; tento server; tento podcast; "
        "tento projekt; tento blog; tento časopis; tento deník; naše nadace; "
        "našeho nadačního fondu; moje práce; mou práci; mě; mne"
    ),
    donate=phrases(
        "darujte; darovat; daruj; daruji; darování; darovací; finanční dar; finančním darem; "
        "daru; darem; dary; dárc*; pravidelný dar; jednorázový dar; měsíční dar; přispějte; "
        "přispět; přispěj; přispívat; přispívejte; přispíváte; finanční příspěvek; příspěvkem; "
        "dobrovolný příspěvek; pravidelný příspěvek; jednorázový příspěvek; měsíční příspěvek; "
        "pravidelně přispívat; jednorázově; darujme; darujme.cz; transparentní účet; "
        "číslo účtu; qr kód; qr platba; bankovní převod; převodem; platební kartou; "
        "odečíst z daní; odečíst od základu daně; potvrzení o daru; kupte nám kávu; "
        "kup mi kávu; pozvěte nás na kávu; paypal; patreon; herohero; libovolnou částku; "
        "libovolná částka; libovolnou částkou; zvolte částku; jiná částka; fundraising*; "
        "daňově uznateln*; dárců"
    ),
    member=phrases(
        "staňte se členem; staňte se členkou; staň se členem; člen*; klub přátel; "
        "klubu přátel; klub čtenářů; klubu čtenářů; staňte se; staň se; přidejte se; "
        "přidej se; přidejte se k nám; připojte se; připojte se k nám; komunita; komunity; "
        "komunitu; podporovatel*; patron*; mecenáš*; staňte se mecenášem; staňte se patronem; "
        "staňte se podporovatelem; pravidelní dárci; pravidelným dárcem; herohero; členů; "
        "podporovatelů"
    ),
    subscribe=phrases(
        "předplat*; předplať*; předplaťte si; kupte si předplatné; objednejte si; "
        "digitální předplatné; roční předplatné; měsíční předplatné; zkušební předplatné; "
        "zkušební období; na zkoušku; první měsíc; měsíc zdarma; kč měsíčně; měsíčně; ročně; "
        "kč ročně; kč za měsíc; neomezený přístup; plný přístup; přístup ke všem; "
        "exkluzivní obsah; prémiov*; pro předplatitele; jen pro předplatitele; "
        "pouze pro předplatitele; už máte předplatné; máte předplatné; přihlásit se; "
        "přihlaste se; paywall; placený obsah; placená zóna; sleva; slevou; výhodná nabídka; "
        "zrušit kdykoli; kdykoli zrušit; tištěné vydání; pokračovat ve čtení; čtěte dál; "
        "celý článek; odemknout; odemkněte; odemčení"
    ),
    newsletter=phrases(
        "osobní údaje; osobních údajů; zpracování osobních údajů; zásady ochrany; newsletter*; "
        "přihlaste se k odběru; přihlásit k odběru; k odběru; odběr newsletteru; "
        "odebírat; odebírejte; odhlásit; odhlásit se; odhlášení; e-mail; e-mailová adresa; "
        "e-mailovou adresu; váš e-mail; zadejte e-mail; zadejte svůj e-mail; do schránky; "
        "do vaší schránky; do e-mailové schránky; e-mailové schránky; ochrana osobních údajů; "
        "zásady ochrany osobních údajů; zpracování osobních údajů; souhlasím; gdpr; "
        "děkujeme za přihlášení; potvrďte přihlášení; potvrďte odběr; každé ráno; každý týden; "
        "jednou týdně; každý pátek; každou neděli; denně; týdně; e-mailový zpravodaj"
    ),
    support=phrases(
        "podpora; podporu; podpory; podpoře; podporou; podporovat; podporuj*; podpoř*; "
        "podpořte nás; pomozte nám; pomozte; pomoci nám; pomůžete; díky vaší podpoře; "
        "díky čtenářům; díky našim čtenářům; bez vás; bez vaší podpory; financováno čtenáři; "
        "financují čtenáři; financovaný čtenáři; financují nás čtenáři; z příspěvků čtenářů; "
        "z darů čtenářů; jsme závislí na; spoléháme na; počítáme s vámi; umožňujete; umožníte; "
        "umožní nám; zvažte; prosím; pokud si ceníte; pokud se vám líbí; líbí se vám; "
        "pokud oceňujete; investujte do; stůjte při nás; udržet nezávislost; udržte nás; "
        "abychom mohli; abychom mohli dál; abychom mohli pokračovat; díky vašim darům; "
        "díky vašim příspěvkům; finančně"
    ),
    polite=phrases("prosím; prosíme; jednoduše; klikněte sem a; klikni sem a; klikněte zde a"),
    recipient=phrases("na; pro"),
    ask=phrases(
        "staňte se ~(členem|členkou|předplatitelem|předplatitelkou|podporovatelem|dárcem); "
        "přispějte; přispěj; přispět; darujte; daruj; darovat; "
        "podpořte (nás|naši|náš|nezávislou|nezávislé); podpořit (nás|projekt|redakci|rádio); "
        "podpoř nás; staňte se (členem|členkou|předplatitelem|předplatitelkou); "
        "staňte se (podporovatelem|mecenášem|dárcem); "
        "staň se (členem|členkou|předplatitelem|podporovatelem); předplaťte si; předplatit; "
        "přihlaste se k odběru; přihlásit se k odběru; odebírejte; do vaší schránky; "
        "váš e-mail; (financován|financována) (čtenáři|posluchači|svými čtenáři); "
        "(financováno|financovány) (čtenáři|posluchači|svými čtenáři); kupte mi kávu; "
        "herohero; darujme; váš dar; vaše podpora; dárcovská kampaň; sbírka na; podpořte; "
        "podpořit; přispívat; finanční dar; vaše dary; sbírkový účet; vaši podporu; "
        "potřebujeme vaši (pomoc|podporu); newsletter; obsah pro předplatitele; "
        "už jste předplatitel; předplaťte si nyní; "
        "získejte (všechny články|neomezený přístup|přístup ke všem článkům); "
        "pokud nám nepomůžete; potřebujeme (nutně|teď|naléhavě) vaši pomoc; "
        "abychom (pro vás |)mohli nadále; "
        "(dar|dary|příspěvek|příspěvky) můžete (zaslat|poslat); "
        "informujte nás o (vašich |)(darech|finančních darech); jako poděkování za dar; "
        "potřebujeme (teď |)každého z vás; (tento |)článek je uzamčen; placeným předplatným; "
        "odemkněte si (článek|obsah); s vaší (drobnou|finanční) pomocí; zvýhodněné předplatné; "
        "je (zapotřebí|nutné|potřeba) být přihlášen; (přispěním|darem) podpoříte; "
        "(děkuji|děkujeme) (vám |)za každý (příspěvek|dar); "
        "staňte se naším (dárcem|členem|předplatitelem|podporovatelem|mecenášem); "
        "(přidejte|připojte) se k (nám|dárcům|podporovatelům|předplatitelům); "
        "(libovolnou|jakoukoli|jakoukoliv) částkou; "
        "pravidelným (darem|příspěvkem|měsíčním příspěvkem); jednorázovým (darem|příspěvkem); "
        "(kupte|pořiďte) si předplatné; chcete číst dál; pokračovat ve čtení; "
        "(jen|pouze) pro předplatitele; (už|již) máte předplatné; zadejte svůj e-mail; "
        "do (vaší|své) e-mailové schránky; pošleme vám (každé ráno|každý týden|e-mailem); "
        "(kupte|kup) nám kávu; pozvěte (mě|nás) na kávu; bez vaší (podpory|pomoci); "
        "každá koruna (pomůže|se počítá); "
        "(článek|obsah|text) (mohou|můžete|si můžete|si mohou) odemknout; "
        "odemknout (článek|obsah|celý článek); "
        "(přejít|přejděte) na placen(é|ou) (předplatné|verzi)"
    ),
    funded=phrases(
        "(financován|financována|financováno|financovány) (čtenáři|posluchači); "
        "(financován|financována) (svými čtenáři|našimi čtenáři|dárci); "
        "(financováno|financovány) (svými čtenáři|našimi čtenáři|dárci); "
        "(podporován|podporována|podporováno|podporovány) (čtenáři|posluchači); "
        "díky (posluchačům|čtenářům|dárcům|předplatitelům); "
        "žije z (příspěvků|darů|předplatného); bez reklam; bez paywallu; "
        "na podporu nezávislé žurnalistiky; "
        "(závislý|závislá|závislé) na podpoře (drobných dárců|čtenářů|dárců); "
        "(financováni|placeni) (čtenáři|našimi čtenáři|dárci|vámi); "
        "(fungujeme|existujeme) (díky vám|díky darům|jen z darů|z darů|z příspěvků); "
        "(z darů|z příspěvků|z předplatného) (čtenářů|našich čtenářů); "
        "díky vám (můžeme|existujeme|fungujeme); "
        "stojíme (jen|pouze|) na (darech|příspěvcích|podpoře) (čtenářů|našich čtenářů|dárců)"
    ),
    opener=phrases(
        "potřebuje vás; potřebuje tě; ve vašich rukou; ve tvých rukou; "
        "zpráva od; vzkaz od; dopis od; slovo redakce; od redakce; vážení a milí; "
        "milí čtenáři; milé čtenářky; vážení čtenáři; drazí čtenáři; milí přátelé; "
        "vážení přátelé; ahoj; dobrý den; než odejdete; než odejdeš; než budete pokračovat; "
        "ještě jedna věc; potřebujeme vaši pomoc; potřebujeme vás; potřebujeme vaši podporu; "
        "máme prosbu; malá prosba; máme na vás prosbu; máme k vám prosbu; "
        "děkujeme za přečtení; díky za přečtení; děkujeme, že čtete; líbil se vám článek; "
        "líbil se vám tento článek; líbí se vám naše práce; tento článek je zdarma; "
        "tento text je zdarma; dočetli jste; právě jste dočetli; přečetli jste; čtete; "
        "důležité sdělení; v zájmu čtenářů; slovo na závěr"
    ),
    button=phrases(
        "odeslat; platební metody; způsoby platby; "
        "podpořte nás; podpořit; podpořte; podpořit nyní; podpořit nás; darovat; darujte; "
        "darovat nyní; přispět; přispějte; chci přispět; chci podpořit; staňte se členem; "
        "předplatit; předplaťte si; koupit předplatné; objednat předplatné; přihlásit se; "
        "přihlásit; přihlásit k odběru; odebírat; odebírat newsletter; měsíčně; ročně; "
        "jednorázově; pravidelně; jiná částka; zvolte částku; připomenout později; "
        "připomeňte mi později; později; možná později; teď ne; nyní ne; ne, děkuji; "
        "ne děkuji; zavřít; pokračovat; číst dál; číst více; více informací; zjistit více; "
        "už mám předplatné; mám předplatné; jsem předplatitel; ano, podpořím; podpořím; "
        "jdu do toho; vyzkoušet; vyzkoušet zdarma; darovat předplatné; darujte předplatné; "
        "obnovit; prodloužit; kup mi kávu; darujme; přes darujme; přes herohero; "
        "přejít na placené předplatné; "
        "přispět přes darujme"
    ),
    meter=phrases(
        "cíl; náš cíl; z cíle; cílová částka; vybráno; vybrali jsme; dárců; podporovatelů; "
        "členů; zbývá; zbývají; zbývající; dosaženo; dosáhli jsme; dosud; zatím; z částky; "
        "nových členů; zbývá dní"
    ),
    signoff=phrases(
        "šéfredaktor*; zástupce šéfredaktora; zástupkyně šéfredaktora; vydavatel*; "
        "zakladatel*; spoluzakladatel*; ředitel*; výkonný ředitel; generální ředitel; "
        "předseda; předsedkyně; redakce; celá redakce; za celou redakci; za redakci; váš tým; "
        "celý tým; s pozdravem; s přátelským pozdravem; srdečně; srdečně zdraví; děkujeme; "
        "děkuji; díky; s díky; s vděčností"
    ),
    mission=phrases(
        "žurnalistik*; novinařin*; novinář*; redakce; zpravodajství; nezávisl*; neziskov*; "
        "demokraci*; svoboda tisku; svobodná média; svobodný tisk; nezávislá média; médií; "
        "pravda; pravdu; fakta; mise; veřejný zájem; veřejného zájmu; investigativ*; "
        "bez reklam; reklama; reklamy; inzerce; inzerent*; paywall; oligarchů; oligarchové; "
        "oligarchou; miliardář*; pro všechny; zdarma pro všechny; dostupné všem; dezinformac*; "
        "propagandy; propagandě; propagandu; kvalitní; kvalitní žurnalistika; hloubkov*; "
        "lokální zpravodajství; regionální zpravodajství; hlídací pes; hlídacím psem; "
        "důvěryhodn*; stojí peníze; něco stojí"
    ),
    urgency=phrases(
        "dnes; teď; nyní; právě teď; hned; ihned; do půlnoci; tento týden; tento měsíc; "
        "do 31. prosince; do konce roku; konec roku; v příštích; čas běží; poslední šance; "
        "naléhav*; urgentní; každá koruna; každý dar; každý příspěvek; jakákoli částka; "
        "jakoukoli částkou; jakákoliv částka; i malá částka; i malý příspěvek; už od; jen za; "
        "pouze za; záleží na vás; na vás záleží; se počítá; na každé koruně záleží; "
        "na každém daru záleží; počítá se; víc než kdy jindy; více než kdykoli; nikdy nebylo; "
        "trvá jen; jen minutu; pár minut; pár vteřin"
    ),
    report=phrases(
        "řekl; řekla; řekli; uvedl; uvedla; uvedli; uvádí; podle; sdělil; sdělila; sdělili; "
        "prohlásil*; dodal; dodala; dodali; oznámil*; vysvětlil*; napsal; napsala; napsali; "
        "píše; potvrdil*; upozornil*; konstatoval*; zdůraznil*; informoval*; tvrdí; mluvčí; "
        "v prohlášení; v rozhovoru; v tiskové zprávě; zpráva; studie; průzkum; dokumenty; "
        "policie; policisté; státní zastupitelství; státní zástupce; soud; soudce; soudkyně; "
        "poslanci; poslanec; senátor; hejtman; starosta; starostka; primátor; ministr; "
        "ministryně; ministerstvo; vláda; vlády; premiér; odborníci; analytici; vědci; "
        "obyvatelé; loni; minulý rok; minulý týden; v pondělí; v úterý; ve středu; ve čtvrtek; "
        "v pátek; v sobotu; v neděli; procent; procenta; milion(|u|ů|y|ech|em|ům); "
        "miliard(|a|u|y|ě|ách|ami); čtk"
    ),
    third=phrases(
        "charita; charity; charitativní; dobročinn*; humanitární; potravinová banka; "
        "azylový dům; nemocnice; kostel; církev; nadace; nadační fond; grant; granty; dotace; "
        "dotaci; kampaň; kampani; volební kampaň; kandidát*; sponzorský dar; sponzorské dary; "
        "financování stran; veřejná sbírka; veřejnou sbírku; sbírka na; sbírku na; "
        "člověk v tísni; adra; červený kříž; konto bariéry; startovač; hithit; donio; "
        "filantrop*; oběti; obětem; rodiny; pozůstalí; organizátoři; organizace; spolek; "
        "muzeum; univerzita; škola; své členy; jeho členové; crowdfunding"
    ),
)
