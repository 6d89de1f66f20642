"""Catalan: the words of appeals and of reporting."""

from newsterm.text.strip.lang.lexicon import Lexicon, phrases

LEXICON = Lexicon(
    code="ca",
    name="Català",
    marks=phrases(
        "els; amb; perquè; també; però; aquest; aquesta; aquests; hem; som; nostre; nostra; "
        "nostres; vostre; vostra; és; dels; pels; seva; seu; molt; fer; fes-te; subscriu-te; "
        "dona; col·labora; les; subscriptor; subscriptors; vull; donació; teva; subscriptora; "
        "socis; soci; sòcia; suport; butlletí; necessitem; subscriptores; sòcies; mecenes; "
        "fes; teu; campanya; cafè; ajudar; periodisme; llegint; lectors; fes-te'n; uneix-te; "
        "ajuda'ns; subscriu-t'hi; subscriure't; desgravable; patrocina; aportació; "
        "permanència; suma't; compte; inscriu-te; apunta't; publicitat; mur; diari; que; una; "
        "del; des; si; dos; qui; uns; tu; mes; donar; continuar; carta; força; alta; por"
    ),
    reader=phrases(
        "tu; teu; teva; teus; teves; tua; tues; vostè; vostès; vosaltres; vostre; vostra; "
        "vostres; us necessitem; us demanem; us convidem; us agraïm; et necessitem; "
        "et demanem; t'agraïm; el teu suport; el vostre suport; benvolgut lector; "
        "benvolguda lectora; benvolguts lectors; benvolgudes lectores; estimat lector; "
        "estimada lectora; estimats lectors; lectors com tu; lectors com vosaltres; "
        "persones com tu; gent com tu"
    ),
    publisher=phrases(
        # "in our view" and "by our figures" are the outlet speaking, not attribution
        "segons nosaltres; segons les nostres (dades|xifres|comptes); "
        "nosaltres; nostre; nostra; nostres; ens; la nostra redacció; el nostre periodisme; "
        "els nostres periodistes; el nostre equip; la nostra feina; la nostra faena; "
        "el nostre treball; la nostra missió; les nostres investigacions; el nostre diari; "
        "el nostre mitjà; la nostra independència; aquest butlletí; aquesta newsletter; "
        "aquest bloc; aquest blog; aquest web; aquest lloc; aquest pòdcast; aquest podcast; "
        "aquest programa; aquest projecte; aquest diari; aquest mitjà; la meva feina; "
        "la meua faena; necessitem; "
        # a verb's ending says "we" where the pronoun is dropped ("som" is also Portuguese)
        "tenim; fem; treballem; publiquem; volem; demanem; depenem"
    ),
    donate=phrases(
        "donatiu; donatius; donació; donacions; fes una donació; fer una donació; "
        "feu una donació; fes un donatiu; fer un donatiu; la teva donació; el teu donatiu; "
        "donació mensual; donació puntual; donants; aportació; aportacions; fes una aportació; "
        "aportació econòmica; aporta; contribueix; contribuir; contribució; col·labora; "
        "col·labora amb nosaltres; col·labora-hi; col·labora ara; col·laborar; "
        "col·laboració econòmica; col.labora; desgrava; desgravació; deduïble*; "
        "deducció fiscal; bizum; teaming; verkami; goteo; paypal; patreon; micromecenatge; "
        "campanya de micromecenatge; campanya de donacions; mecenatge; transferència bancària; "
        "convida'ns a un cafè; suport econòmic; pagament mensual; donació única"
    ),
    member=phrases(
        "fes-te soci; fes-te sòcia; fes-te'n soci; fes-te'n sòcia; feu-vos socis; fer-se soci; "
        "fer-te soci; soci; sòcia; socis; sòcies; membre; membres; uneix-te; "
        "uneix-te a nosaltres; afegeix-te; suma't; associa't; forma part de la comunitat; "
        "formar part de la comunitat; comunitat de; mecenes; amics de; club; quota de soci; "
        "quota mensual; cooperativa; cooperativistes; soci protector; soci fundador; "
        "sòcia fundadora"
    ),
    subscribe=phrases(
        "subscriu-t*; subscri*; subscriptors; fes-te subscriptor; fes-te subscriptora; "
        "fes-te'n subscriptor; fer-vos-en subscriptors; ja sóc subscriptor; "
        "ja soc subscriptor; ja ets subscriptor; premium; prova gratuïta; període de prova; "
        "al mes; /mes; €/mes; a l'any; /any; per any; sense permanència; "
        "cancel·la quan vulguis; inicia la sessió; inicia sessió; iniciar sessió; "
        "identifica't; accedeix; exclusiu per a subscriptors; només per a subscriptors; "
        "contingut exclusiu; accés il·limitat; accés complet; sense anuncis; edició en paper; "
        "edició digital; el primer mes; oferta especial; de descompte; articles gratuïts; "
        "mur de pagament; paywall"
    ),
    newsletter=phrases(
        "dades personals; política de privacitat; condicions d'ús; newsletter*; "
        "el nostre butlletí; al butlletí; butlletí setmanal; butlletí diari; "
        "butlletí gratuït; subscriu-te al butlletí; rebràs; rep cada dia; rep el butlletí; "
        "rep les notícies; apunta't; registra't; inscriu-te; el teu correu; "
        "el teu correu electrònic; la teva adreça; adreça electrònica; adreça de correu; "
        "correu electrònic; correu; email; e-mail; safata d'entrada; bústia; "
        "donar-te de baixa; donar-se de baixa; política de privacitat; protecció de dades; "
        "dades personals; ja estàs subscrit; gràcies per subscriure't; revisa el teu correu; "
        "cada matí; cada setmana; cada divendres; cada dia; setmanal; diàriament; resum; spam; "
        "recaptcha"
    ),
    support=phrases(
        "suport; dona'ns suport; doneu-nos suport; donar-nos suport; amb el teu suport; "
        "amb el vostre suport; ajuda'ns; ajudeu-nos; ajudar-nos; ens ajudes; ens ajudeu; "
        "sostenir; sostenir-nos; sostenen; mantenir-nos; finançat per; finançada per; "
        "finançats per; finançar; fer possible; fas possible; feu possible; fan possible; "
        "possible gràcies a; gràcies a tu; gràcies a vosaltres; gràcies als nostres lectors; "
        "gràcies al teu suport; gràcies al vostre suport; sense tu; sense vosaltres; "
        "sense el teu suport; sense el vostre suport; depenem de; depèn de tu; comptem amb tu; "
        "comptem amb vosaltres; si us plau; si pots; si podeu; si t'agrada; si us agrada; "
        "si valores; si creus; considera; aposta per; el suport dels lectors; ens ajudareu"
    ),
    polite=phrases("si us plau; sisplau; no dubtis a; simplement; fes clic aquí i; clica aquí i"),
    recipient=phrases("a; al; als; per"),
    ask=phrases(
        "fes-te ~(soci|sòcia|subscriptor|subscriptora|mecenes); "
        "fes una donació; fer una donació; fes un donatiu; fer un donatiu; dona ara; "
        "vull donar; "
        "fes-te (soci|sòcia|soci o sòcia|subscriptor|subscriptora|mecenes|amic|amiga); "
        "fer-te (soci|sòcia|subscriptor); vull fer-me'n (soci|sòcia); fes-te'n; uneix-te a; "
        "dóna suport; dona suport; dona'ns suport; ajuda'ns; dóna'ns suport; subscriu-te; "
        "subscriu-t'hi; subscriure't; rep (el|el nostre) butlletí; rebre el butlletí; "
        "a la teva bústia; el teu correu; "
        "finançat per (les|els) (sòcies|socis|lectors|lectores|oients|subscriptors); "
        "convida'm a un cafè; convida'ns a un cafè; desgravable; la teva aportació; "
        "el teu donatiu; fes una aportació; "
        "campanya de (socis|subscripcions|donatius|micromecenatge); fes-te; dona suport a; "
        "patrocina; ja ets subscriptor; contingut exclusiu per a subscriptors; el teu suport; "
        "el vostre suport; fes-te'n subscriptor; necessitem el teu suport; subscriu-te ara; "
        "necessitem que (els lectors |)ens (ajudeu|ajudis); "
        "fent-vos-en (subscriptors|subscriptores|socis|sòcies); "
        "fer-te'n (subscriptor|subscriptora|soci|sòcia); fer-me'n (subscriptor|subscriptora); "
        "ens (pots|podeu) ajudar; fent una (donació|aportació); "
        "(una |)donació (única|puntual|mensual); (si |)ets (subscriptor|subscriptora); "
        "col·laborant amb nosaltres; sense permanència; és exclusiu per a subscriptors; "
        "suma't a; llegeix tots els articles; ja tens un compte; "
        "inscriu-te (a la newsletter|al butlletí|a les newsletters); "
        "(restringits|reservats|reservat) (als|per als) subscriptors; "
        "vull (ser|fer-me) (soci|sòcia|subscriptor|subscriptora); amb la (teva|vostra) ajuda; "
        "sense la (teva|vostra) (ajuda|col·laboració); "
        "necessitem la (teva|vostra) (ajuda|col·laboració); (us|et) necessitem; "
        "col·labora amb (nosaltres|el projecte|el diari); "
        "(fes|feu) possible (el periodisme|aquest periodisme|el nostre periodisme); "
        "al teu correu; apunta't (al butlletí|a la newsletter); "
        "per (continuar|seguir) llegint; has esgotat (els|els teus) articles gratuïts; "
        "(tria|escull) la teva quota; "
        "(feu-vos|fer-vos|feu-vos-en) (subscriptor|subscriptora|subscriptors|subscriptores); "
        "(feu-vos|fer-vos|feu-vos-en) (soci|sòcia|socis|sòcies|mecenes); "
        "uneix-te (als|a) ~(socis|subscriptors|lectors|membres)"
    ),
    funded=phrases(
        "finançat per (les|els) (sòcies|socis|lectors|lectores|oients|subscriptors); "
        "finançada per (les|els) (sòcies|socis|lectors|lectores|oients|subscriptors); "
        "sostingut per (les|els) (sòcies|socis|lectors); "
        "sostinguda per (les|els) (sòcies|socis|lectors); "
        "gràcies a (les|els|les nostres|els nostres) (sòcies|socis|lectors|subscriptors); "
        "viu de (les|els) (quotes|sòcies|socis); sense publicitat; sense mur de pagament; "
        "gràcies a la col·laboració dels (nostres |)(subscriptors|socis|lectors); "
        "(la|el|les|els) paguen els (lectors|subscriptors); "
        "(necessita|necessitem) (del|el) compromís (dels seus|dels nostres) lectors; "
        "hem pogut explicar aquesta història gràcies; "
        "fan possible (el periodisme|aquest periodisme|el diari); "
        "gràcies al compromís dels (nostres |)(subscriptors|lectors|socis); "
        "es deu als seus lectors; depèn dels (seus |nostres |)lectors; "
        "(finançat|finançada) pels (seus |nostres |)(lectors|socis|subscriptors|oients); "
        "(sostingut|sostinguda) pels (seus |nostres |)(lectors|socis|subscriptors|oients); "
        "gràcies als (nostres |)(subscriptors|socis|lectors|mecenes); "
        "viu dels (seus |)(lectors|subscriptors|socis); "
        "que ens fan possibles; que ens fan possible"
    ),
    opener=phrases(
        "et necessita; us necessita; a les teves mans; a les vostres mans; "
        "ja que ets aquí; ja que sou aquí; abans de marxar; abans que te'n vagis; "
        "un missatge de; una carta de; una nota de; benvolgut lector; benvolguda lectora; "
        "benvolguts lectors; benvolgudes lectores; estimat lector; estimada lectora; "
        "estimats lectors; estimats amics; hola; necessitem la teva ajuda; "
        "necessitem el teu suport; necessitem el vostre suport; us necessitem; et necessitem; "
        "un petit favor; una última cosa; et demanem; us demanem; volem demanar-te; "
        "gràcies per llegir; gràcies per llegir-nos; t'ha agradat; us ha agradat; "
        "acabes de llegir; has llegit; aquest article és gratuït; aquest contingut és gratuït; "
        "en obert; el nostre compromís; aquesta feina; fer periodisme costa; "
        "el periodisme té un cost; la informació té un preu"
    ),
    button=phrases(
        "mètodes de pagament; formes de pagament; "
        "fes una donació; fer una donació; fes un donatiu; donar; col·labora; col·laborar; "
        "col·labora ara; aporta; aportar; contribueix; mensual; mensualment; cada mes; anual; "
        "una vegada; una sola vegada; puntual; donació puntual; altra quantitat; "
        "un altre import; tria la quantitat; tria l'import; subscriu-t'hi; subscriu-te; "
        "subscriu-te ara; subscriure'm; vull subscriure'm; apunta't; registra't; envia; "
        "enviar; uneix-te; fes-te soci; fes-te sòcia; fes-te'n soci; fes-te subscriptor; "
        "vull ser soci; vull col·laborar; dona'ns suport; dona suport; dóna suport; "
        "recorda-m'ho més tard; més tard; ara no; no, gràcies; no gràcies; tanca; tancar; "
        "continua; continua llegint; llegeix més; més informació; saber-ne més; "
        "pagament segur; mètodes de pagament; ja sóc subscriptor; ja soc subscriptor; "
        "ja sóc soci; ja soc soci; inicia la sessió; inicia sessió; entra; accedeix; comença; "
        "prova-ho gratis; regala una subscripció; bizum; paypal; targeta; domiciliació; "
        "renova; veure les opcions; vull; m'apunto"
    ),
    meter=phrases(
        "objectiu; el nostre objectiu; del nostre objectiu; de l'objectiu; recaptat; "
        "recaptats; donants; socis; subscriptors; mecenes; queden; dies restants; falten; "
        "restants; assolir l'objectiu; objectiu assolit; fins ara; d'un objectiu de; "
        # a readership counted is a box's figure, not a number in the news
        "(milions|milers) de (lectors|lectores|visitants|oients); "
        "per cent dels (nostres |)(lectors|lectores)"
    ),
    signoff=phrases(
        "director; directora; director adjunt; directora adjunta; cap de redacció; "
        "redactor en cap; redactora en cap; editor; editora; fundador; fundadora; cofundador; "
        "cofundadora; president; presidenta; director general; directora general; "
        "conseller delegat; amb gratitud; gràcies; moltes gràcies; mil gràcies; una abraçada; "
        "salutacions; cordialment; atentament; l'equip; tot l'equip; l'equip de; la redacció"
    ),
    mission=phrases(
        "periodisme; periodistes; redacció; informació; notícies; independent; independents; "
        "independència editorial; independència econòmica; periodisme independent; "
        "mitjà independent; sense ànim de lucre; democràcia; premsa lliure; "
        "llibertat de premsa; veritat; fets; missió; interès públic; servei públic; "
        "dret a la informació; investigació; periodisme d'investigació; sense publicitat; "
        "publicitat; anunciants; mur de pagament; paywall; en obert; accés lliure; "
        "gratuït per a tothom; per a tothom; obert a tothom; milionaris; grans empreses; "
        "accionistes; propietaris; desinformació; notícies falses; fake news; qualitat; "
        "en profunditat; rigor; rigorós; de confiança; periodisme local; en català; mitjans; "
        "periodisme cooperatiu"
    ),
    urgency=phrases(
        "avui; ara; ara mateix; aquesta nit; abans de mitjanit; aquesta setmana; aquest mes; "
        "abans del 31 de desembre; final d'any; fi d'any; els pròxims dies; els propers dies; "
        "les pròximes hores; últimes hores; últims dies; s'acaba el temps; termini; urgent; "
        "cada euro; cada aportació; cada donació; qualsevol quantitat; qualsevol aportació; "
        "qualsevol import; només; cada euro compta; tot suma; més que mai; "
        "mai no ha estat tan; menys d'un minut; un minut; uns segons"
    ),
    report=phrases(
        "ha dit; va dir; diu; ha declarat; va declarar; ha afirmat; va afirmar; afirma; "
        "ha explicat; va explicar; explica; ha assegurat; va assegurar; assegura; ha informat; "
        "va informar; ha anunciat; va anunciar; anuncia; ha assenyalat; va assenyalar; "
        "assenyala; ha indicat; va indicar; ha afegit; va afegir; afegeix; ha subratllat; "
        "va subratllar; ha reconegut; va reconèixer; ha denunciat; va denunciar; ha advertit; "
        "ha confirmat; va confirmar; segons; d'acord amb; en declaracions a; en un comunicat; "
        "en una entrevista; en roda de premsa; fonts de; portaveu; "
        "no ha volgut fer declaracions; l'informe; un informe; l'estudi; un estudi; enquesta; "
        "sondeig; documents; autoritats; policia; mossos; guàrdia civil; tribunal; jutge; "
        "jutgessa; fiscalia; fiscal; diputats; senador; alcalde; alcaldessa; conseller; "
        "consellera; ministre; ministra; govern; analistes; investigadors; veïns; "
        "l'any passat; la setmana passada; dilluns; dimarts; dimecres; dijous; divendres; "
        "dissabte; diumenge; per cent; milions; milió; milers de milions; acn; efe"
    ),
    third=phrases(
        "entitat benèfica; entitats benèfiques; benèfic*; caritat; banc d'aliments; càritas; "
        "creu roja; ong; fundació; fundacions; subvenció; subvencions; campanya electoral; "
        "candidat*; finançament dels partits; finançament il·legal; partit polític; "
        "partits polítics; sindicatura de comptes; crowdfunding; gofundme; kickstarter; "
        "recaptació; recaptació de fons; ha recaptat; han recaptat; filantrop*; marató de tv3; "
        "la marató de tv3; víctimes; famílies; damnificats; organitzadors; l'entitat; "
        "l'organització; l'associació; la fundació; el museu; la universitat; l'escola; "
        "l'hospital; l'església; la parròquia; el club; l'empresa; els seus socis; "
        "els seus lectors; els seus subscriptors; llegat; òmnium cultural; obra social"
    ),
)
