"""Polish: the words of appeals and of reporting."""

from newsterm.text.strip.lang.lexicon import Lexicon, phrases

# Left out as too ambiguous once lower-cased or read beside other languages: "my" and "was"
# (English words), "nas" (Portuguese "nas"), "ich" (German "ich"), "ty", "pan", "pani",
# "państwa" (also "the state's"), "mecenas" alone (also a lawyer's title), "celu" ("w celu",
# "in order to"), "media" alone, "firma" (Spanish "firma"), "jednorazow*" (also single-use),
# "premier" (French "premier"), "milion*" (Portuguese "milionário"), "wasz*" ("Waszyngton").
LEXICON = Lexicon(
    code="pl",
    name="Polski",
    reader=phrases(
        "cię; ciebie; tobie; twój; twoi; twoj(a|e|ego|ej|ą|ich|im|emu|imi); "
        "wasz(|a|e|ego|ej|ym|ą|ych|emu|ymi); wasi; wam; drogi czytelniku; droga czytelniczko; "
        "drodzy czytelnicy; drogie czytelniczki; szanowni czytelnicy; szanowni państwo; "
        "drodzy państwo; (czytelnicy|ludzie|osoby) (tacy|takie) jak (ty|ty i ja|wy); możesz; "
        "możecie; (jeśli|jeżeli) (możesz|chcesz|lubisz|cenisz|doceniasz); dzięki tobie; "
        "dzięki wam; prosimy cię; prosimy was; prosimy państwa; proszę cię"
    ),
    publisher=phrases(
        "nasz(|a|e|ego|ej|ym|ą|ych|emu|ymi); nasi; jesteśmy; potrzebujemy; możemy; prosimy; "
        "robimy; piszemy; tworzymy; działamy; chcemy; publikujemy; pomóż nam; pomóżcie nam; "
        "dla nas; wesprzyj nas; wspieraj nas; wesprzyjcie nas; nasza redakcja; "
        "nasze dziennikarstwo; nasi dziennikarze; nasze dziennikarki; nasz zespół; "
        "nasza praca; nasza misja; nasze teksty; nasze artykuły; nasi reporterzy; "
        "nasza niezależność; (nasza|naszą|naszej) (fundacja|fundację|fundacji|fundacją); "
        "ten newsletter; ten portal; ten serwis; ta strona; ten blog; ten podcast; "
        "ten projekt; ten kanał; moja praca; moją pracę; mój blog; mnie"
    ),
    donate=phrases(
        "darowizn*; wpłat*; wpłac*; wpłać; przekaż darowiznę; przekaż 1,5%; "
        "przekaż 1,5% podatku; 1,5% podatku; 1,5 proc. podatku; 1,5 procent podatku; "
        "1% podatku; krs; numer krs; nr krs; cel szczegółowy; darczyńc*; datek; datki; datku; "
        "dowolna kwota; dowolną kwotę; dowolnej kwoty; wybierz kwotę; inna kwota; inną kwotę; "
        "wpłata jednorazowa; jednorazowa wpłata; jednorazowe wsparcie; wpłata cykliczna; "
        "cykliczna wpłata; wpłaty cykliczne; comiesięczna wpłata; regularna wpłata; "
        "stałe zlecenie; zlecenie stałe; przelew; przelewem; przelew tradycyjny; numer konta; "
        "blik; blikiem; paypal; patronite; zrzutka; zrzutka.pl; zrzutkę; buycoffee; suppi; "
        "postaw kawę; postaw mi kawę; postaw nam kawę; kup mi kawę; odliczyć od podatku; "
        "ulga podatkowa; odliczenie od dochodu; na cele statutowe; cele statutowe; zbiórk*; "
        "fundraising*; darczyńców"
    ),
    member=phrases(
        "zostań patronem; zostań patronką; patron*; patronk*; patronite; patronów; członk*; "
        "zostań członkiem; zostań członkinią; dołącz; dołącz do nas; dołącz do grona; "
        "dołącz do społeczności; dołączyć; do grona; grona wspierających; wspierający; "
        "wspierających; wspierające; wspierającym; społeczność; społeczności; klub; klubu; "
        "(przyjaciele|przyjaciół) redakcji; grono przyjaciół; klub przyjaciół; "
        "zostań przyjacielem; zostań darczyńcą; zostań mecenasem; zostań mecenaską; mecenat; "
        "wspólnota"
    ),
    subscribe=phrases(
        "prenumerat*; subskrypcj*; subskryb*; abonament*; wykup dostęp; wykup prenumeratę; "
        "kup dostęp; kup subskrypcję; wykup subskrypcję; zamów prenumeratę; pakiet premium; "
        "dostęp premium; pełny dostęp; nielimitowany dostęp; nieograniczony dostęp; "
        "dostęp do wszystkich; treści premium; artykuł premium; tylko dla subskrybentów; "
        "dla prenumeratorów; miesięcznie; zł za miesiąc; rocznie; zł rocznie; zł miesięcznie; "
        "zł/mies; pierwszy miesiąc; okres próbny; za darmo przez; darmowy okres; zaloguj się; "
        "zaloguj; masz już konto; masz już subskrypcję; wydanie cyfrowe; e-wydanie; "
        "e-prenumerata; paywall; rabat; promocja; taniej; "
        "(zrezygnujesz|zrezygnować|anulujesz|anulować) w każdej chwili; czytaj dalej; "
        "kontynuuj czytanie; czytaj bez ograniczeń; bez limitu"
    ),
    newsletter=phrases(
        "newsletter*; zapisz się; zapisz się na newsletter; zapisz się do newslettera; "
        "zapisać się; zapisując się; zapisz mnie; skrzynka pocztowa; skrzynkę pocztową; "
        "skrzynki pocztowej; skrzynkę mailową; skrzynki mailowej; skrzynki odbiorczej; "
        "skrzynka odbiorcza; prosto na skrzynkę; prosto do skrzynki; adres e-mail; "
        "adres email; adres mailowy; twój e-mail; podaj adres e-mail; wpisz adres e-mail; "
        "e-mail; mail; wypisz się; wypisać się; polityka prywatności; polityką prywatności; "
        "regulamin; rodo; wyrażam zgodę; administratorem danych; dziękujemy za zapisanie; "
        "dziękujemy za zapis; potwierdź subskrypcję; potwierdź zapis; sprawdź skrzynkę; "
        "każdego ranka; co rano; co tydzień; raz w tygodniu; codziennie; w każdy piątek; "
        "w każdą niedzielę"
    ),
    support=phrases(
        "wesprzyj; wesprzyjcie; wesprzeć; wesprzesz; wspier*; wsparci*; pomóż; pomóżcie; "
        "pomożesz; pomożecie; dzięki waszemu wsparciu; dzięki twojemu wsparciu; "
        "dzięki czytelnikom; dzięki naszym czytelnikom; dzięki czytelniczkom i czytelnikom; "
        "bez ciebie; bez was; bez waszego wsparcia; bez twojego wsparcia; finansowani przez; "
        "finansowane przez czytelników; utrzymujemy się z; utrzymujemy się dzięki; żyjemy z; "
        "zależymy od; jesteśmy zależni od; liczymy na; liczymy na was; liczymy na ciebie; "
        "możliwe dzięki; umożliwi*; rozważ; proszę; jeśli cenisz; jeśli doceniasz; "
        "jeśli podoba ci się; jeśli chcesz, żebyśmy; zainwestuj w; stań po stronie; "
        "bądź z nami; pozwól nam; pozwólcie nam; działać dalej; dalej działać; "
        "utrzymać niezależność; zachować niezależność; dorzuć się; dołóż się; finansowo; "
        "(żebyśmy|abyśmy) mogli (przetrwać|dalej|nadal|kontynuować)"
    ),
    polite=phrases("proszę; prosimy; po prostu"),
    ask=phrases(
        "wesprzyj; wesprzyj nas; wspieraj; wspieram; wpłać; wpłacam; "
        "przekaż (darowiznę|1,5%|1.5%|wsparcie|datek); "
        "zostań (patronem|patronką|członkiem|członkinią); "
        "zostań (subskrybentem|subskrybentką|prenumeratorem|sponsorem|darczyńcą); "
        "dołącz do (nas|grona|społeczności); zaprenumeruj; zamów prenumeratę; zapisz się; "
        "zapisz się na newsletter; subskrybuj; na twoją skrzynkę; twój adres e-mail; "
        "(finansowany|finansowana|finansowane) przez (czytelników|czytelniczki); "
        "(finansowany|finansowana|finansowane) przez (słuchaczy|patronów); "
        "wspierana przez (czytelników|słuchaczy); wspierany przez (czytelników|słuchaczy); "
        "postaw mi kawę; postaw kawę; patronite; zrzutka; twoje wsparcie; twoja wpłata; "
        "1,5% podatku; wesprzeć; wspierać; dołącz; prenumeruj; przekaż 1,5%; przekaż 1,5; "
        "wasze wsparcie; potrzebujemy (waszego|twojego) wsparcia; newsletter; "
        "dostępny dla prenumeratorów; kupuję dostęp; masz już prenumeratę; "
        "przekaż 1,5% podatku; (1,5 proc|1,5 procent|półtora procent) podatku; "
        "przekaż nam (1,5%|1,5 proc|półtora procent); wpisz nasz (numer krs|krs); "
        "(choćby|nawet) drobną wpłatą; w ramach bezpłatnego limitu; "
        "jeśli nie chcesz przegapić; zostań (naszym|naszą) (patronem|patronką|darczyńcą); "
        "zostań (naszym|naszą) (darczynią|prenumeratorem|prenumeratorką|subskrybentem); "
        "zostańcie (naszymi |)(patronami|darczyńcami|prenumeratorami); "
        "wesprzyjcie (nas|naszą|nasze|redakcję); wspomóż (nas|naszą redakcję|nasze działania); "
        "(pomóż|pomóżcie) nam (przetrwać|działać|dalej działać|pisać|się rozwijać); "
        "potrzebujemy (twojej|waszej|państwa) pomocy; potrzebujemy państwa wsparcia; "
        "bez (twojego|waszego|państwa) wsparcia; dzięki (twojemu|waszemu) wsparciu; "
        "(twoja darowizna|twój datek|twoja pomoc); "
        "(wpłata|darowizna) (jednorazowa|cykliczna|comiesięczna); dowolną kwotą; "
        "każda wpłata (ma znaczenie|się liczy); "
        "(postaw nam kawę|postaw nam kawkę|postaw mi kawkę); kup (mi|nam) kawę; "
        "(kup|wykup) (prenumeratę|dostęp|subskrypcję); "
        "(tylko|wyłącznie) dla (prenumeratorów|subskrybentów|patronów); "
        "(czytaj|czytasz) bez (limitu|ograniczeń); "
        "pełny dostęp do (artykułów|treści|wszystkich artykułów); prenumeratę na prezent; "
        "dołączcie do (nas|grona|społeczności); zapiszcie się (na|do); masz już konto"
    ),
    funded=phrases(
        "(finansowany|finansowana|finansowane) przez (czytelników|czytelniczki); "
        "(finansowany|finansowana|finansowane) przez słuchaczy; "
        "(finansowany|finansowana|finansowane) przez (patronów|naszych czytelników); "
        "(wspierany|wspierana|wspierane) przez (czytelników|czytelniczki); "
        "(wspierany|wspierana|wspierane) przez (słuchaczy|naszych czytelników); "
        "utrzymuje się (dzięki|z) (słuchaczom|czytelnikom|wpłat|darowizn|patronom); "
        "istnieje dzięki (patronom|czytelnikom|słuchaczom|wam); "
        "dzięki (naszym|wam) (patronom|czytelnikom|słuchaczom); bez reklam; bez paywalla; "
        "(powstaje|istnieje|działa) dzięki wsparciu (naszych |)(patronów|słuchaczy); "
        "(powstaje|istnieje|działa) dzięki wsparciu (naszych |)(czytelników|darczyńców); "
        "(możemy|mogliśmy) (działać|pracować|istnieć) dzięki (wam|czytelnikom); "
        "zależymy od (was|czytelników|naszych czytelników); "
        "(nie mamy|nie przyjmujemy|nie publikujemy) reklam; "
        "finansowani przez (czytelników|czytelniczki|naszych czytelników); "
        "finansowani przez (słuchaczy|patronów|darczyńców); "
        "utrzymujemy się (z wpłat|dzięki wpłatom); "
        "utrzymujemy się (dzięki wam|z darowizn|dzięki czytelnikom); "
        "dzięki (wpłatom|darowiznom|wsparciu) (czytelników|czytelniczek); "
        "dzięki (wpłatom|darowiznom|wsparciu) (naszych czytelników|słuchaczy); "
        "(niezależni|niezależne|niezależna) dzięki (wam|czytelnikom|waszym wpłatom)"
    ),
    opener=phrases(
        "wiadomość od; list od; słowo od redakcji; od redakcji; nasz apel; apelujemy; "
        "apel do czytelników; drogi czytelniku; droga czytelniczko; drodzy czytelnicy; "
        "drogie czytelniczki; szanowni państwo; drodzy państwo; cześć; zanim wyjdziesz; "
        "zanim pójdziesz dalej; zanim zamkniesz; jeszcze jedno; potrzebujemy twojej pomocy; "
        "potrzebujemy waszej pomocy; potrzebujemy twojego wsparcia; "
        "potrzebujemy waszego wsparcia; potrzebujemy was; potrzebujemy ciebie; mamy prośbę; "
        "mała prośba; mamy do ciebie prośbę; mamy do was prośbę; dziękujemy za lekturę; "
        "dzięki, że czytasz; dziękujemy, że czytasz; dziękujemy, że jesteś z nami; "
        "dziękujemy, że jesteście z nami; podobał ci się ten tekst; "
        "podobał ci się ten artykuł; podoba ci się; ten artykuł jest bezpłatny; "
        "ten tekst jest bezpłatny; ten tekst jest dostępny; przeczytałeś; przeczytałaś; "
        "czytasz; ważna wiadomość; czy wiesz, że"
    ),
    button=phrases(
        "wesprzyj; wesprzyj nas; wspieram; wspieraj; wpłać; wpłacam; wpłać teraz; "
        "przekaż darowiznę; przekaż; zostań patronem; zostań patronką; dołącz; dołącz do nas; "
        "subskrybuj; zamów prenumeratę; kup subskrypcję; kup dostęp; wykup dostęp; "
        "wykup subskrypcję; zapisz się; zapisuję się; zaloguj się; zaloguj; miesięcznie; "
        "co miesiąc; jednorazowo; rocznie; cyklicznie; inna kwota; wybierz kwotę; "
        "przypomnij mi później; może później; później; nie teraz; nie, dziękuję; nie dziękuję; "
        "zamknij; dalej; kontynuuj; czytaj dalej; czytaj więcej; więcej; dowiedz się więcej; "
        "mam już subskrypcję; mam już konto; jestem już subskrybentem; tak, wspieram; "
        "tak, chcę wesprzeć; chcę wesprzeć; chcę wspierać; postaw kawę; postaw mi kawę; "
        "przelew; blik; zapłać; płacę; sprawdź ofertę; wypróbuj; wypróbuj za darmo; "
        "testuj za darmo; podaruj prenumeratę; podaruj; przedłuż; wesprzyj na patronite; "
        "zrzutka; przekaż 1,5%"
    ),
    meter=phrases(
        "nasz cel; cel zbiórki; do celu; naszego celu; zebrano; zebraliśmy; uzbieraliśmy; "
        "darczyńców; wspierających; patronów; (zostało|pozostało) (jeszcze|tylko|dni); "
        "brakuje (nam|jeszcze); do końca zbiórki; dni do końca; osiągnęliśmy; cel osiągnięty; "
        "do tej pory; dotychczas; licznik; nowych członków"
    ),
    signoff=phrases(
        "redaktor naczelny; redaktorka naczelna; redaktor naczelna; redaktora naczelnego; "
        "zastępca redaktora naczelnego; wydawca; wydawczyni; założyciel*; współzałożyciel*; "
        "prezes*; prezes zarządu; dyrektor*; cały zespół; (wasz|twój) zespół; zespół redakcji; "
        "cała redakcja; w imieniu redakcji; w imieniu całej redakcji; w imieniu zespołu; "
        "z pozdrowieniami; pozdrawiam; pozdrawiamy; serdecznie pozdrawiamy; serdeczności; "
        "z wyrazami szacunku; dziękujemy; dziękuję; dzięki; z wdzięcznością"
    ),
    mission=phrases(
        "dziennikar*; redakcj*; niezależn*; wolne media; niezależne media; media lokalne; "
        "lokalne media; wolność prasy; wolność słowa; wolne słowo; demokracj*; prawda; prawdy; "
        "fakty; faktów; misja; misję; misji; interes publiczny; interesie publicznym; "
        "dobro wspólne; organizacja pozarządowa; non-profit; dziennikarstwo śledcze; "
        "śledztwo dziennikarskie; bez reklam; reklamy; reklamodawc*; paywall; miliarderów; "
        "miliarderzy; oligarchów; oligarchowie; koncernów; koncerny; dla wszystkich; za darmo; "
        "bezpłatnie; dostępne dla wszystkich; dezinformacj*; propagandy; propagandą; jakość; "
        "rzetelne; rzetelny; rzetelna; rzetelność; patrzymy władzy na ręce; "
        "patrzeć władzy na ręce; watchdog; dziennikarstwo kosztuje; kosztuje pieniądze"
    ),
    urgency=phrases(
        "dziś; dzisiaj; teraz; właśnie teraz; natychmiast; do północy; w tym tygodniu; "
        "w tym miesiącu; do 31 grudnia; do końca roku; koniec roku; do 30 kwietnia; "
        "w ciągu najbliższych; czas ucieka; zostało niewiele czasu; ostatnia szansa; "
        "ostateczny termin; pilne; pilnie; każda złotówka; każdy złoty; każda wpłata; "
        "każda kwota; każde wsparcie; każda darowizna; już od; już za; liczy się; "
        "ma znaczenie; bardziej niż kiedykolwiek; teraz bardziej niż kiedykolwiek; "
        "nigdy wcześniej; to tylko chwila; zajmie ci; kilka minut; minutę"
    ),
    report=phrases(
        "powiedział; powiedziała; powiedzieli; mówi; mówił; mówiła; według; zdaniem; "
        "poinformowa*; przekazał; przekazała; przekazali; oświadczył*; stwierdził*; dodał; "
        "dodała; dodali; podkreślił*; wyjaśnił*; tłumaczył*; napisał; napisała; pisze; "
        "zapowiedział*; ogłosił*; potwierdził*; zaznaczył*; przyznał*; twierdzi; rzecznik*; "
        "rzeczniczk*; w oświadczeniu; w rozmowie z; w wywiadzie; raport; raportu; badanie; "
        "badania; sondaż*; dokumenty; policja; policji; policjanci; prokuratur*; sąd; sądu; "
        "sędzia; posłowie; poseł; posłanka; senator; wojewoda; burmistrz; prezydent miasta; "
        "minister; ministra; ministerstwo; ministerstwa; rząd; rządu; premiera; premierem; "
        "eksperci; analitycy; naukowcy; mieszkańcy; w ubiegłym roku; w zeszłym roku; "
        "w zeszłym tygodniu; w ubiegłym tygodniu; w poniedziałek; we wtorek; w środę; "
        "w czwartek; w piątek; w sobotę; w niedzielę; proc.; procent; mln; mld; "
        "milion(|a|ów|y|ach|ami|em); miliard(|a|ów|y|ach|ami|em); pap"
    ),
    third=phrases(
        "organizacja charytatywna; organizacje charytatywne; charytatywn*; dobroczynn*; "
        "bank żywności; schronisko; szpital; szpitala; kościół; parafia; fundacj*; "
        "stowarzyszeni*; grant; granty; dotacj*; kampani*; kampania wyborcza; kandydat*; "
        "komitet wyborczy; finansowanie partii; partii politycznej; zbiórka na; "
        "zbiórka publiczna; zbiórkę na; pomagam.pl; siepomaga; siepomaga.pl; zrzutka na; wośp; "
        "wielka orkiestra świątecznej pomocy; finał wośp; szlachetna paczka; caritas; pck; "
        "filantrop*; zebrał; zebrała; zebrali; ofiary; ofiarom; poszkodowan*; rodziny; "
        "rodzinom; organizatorzy; organizacja; muzeum; uczelnia; uniwersytet; szkoła; spółka; "
        "swoich członków; jej członkowie; jego członkowie; crowdfunding"
    ),
)
